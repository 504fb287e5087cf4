/* render_gl.h: the OpenGL API for the renderer: libepoxy's loader on the
 * desktop (GL 3.3 core), the WebGL 2 / OpenGL ES 3.0 header in the browser. */
#ifndef FIBRELAB_RENDER_GL_H
#define FIBRELAB_RENDER_GL_H

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <epoxy/gl.h>
#endif

#endif
