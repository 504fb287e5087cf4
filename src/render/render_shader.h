/* render_shader.h: GLSL programs from files in shaders/.
 *
 * Shaders are written once without a #version line; the loader adds the
 * version for the GL it runs on ("#version 330 core" on the desktop,
 * "#version 300 es" plus default precisions for WebGL 2), then "#line 1" so
 * that compiler messages give the line in the file.
 */
#ifndef FIBRELAB_RENDER_SHADER_H
#define FIBRELAB_RENDER_SHADER_H

#include <stdbool.h>
#include <stddef.h>

#define RENDER_GLSL_DESKTOP "#version 330 core\n"
#define RENDER_GLSL_ES "#version 300 es\nprecision highp float;\nprecision highp int;\n"

/* Loads NAME.vert and NAME.frag from `dir` (NULL: search for "shaders/"
 * with render_find_file) and links them. Returns the GL program, or 0 with
 * one line in err: "shaders/NAME.frag:LINE: message", "shaders/NAME.vert:
 * not found", or "shaders/NAME: link failed: message". */
unsigned render_shader_load(const char *dir, const char *name, const char *version_line, char *err,
                            size_t err_size);

/* From a compiler log, the line number and the message of the first error
 * (Mesa "0:12(5): error: ...", NVIDIA "0(12) : error ...", ANGLE "ERROR: 0:12: ...").
 * Writes "LINE: message" for a located error, or the first log line. */
void render_shader_format_log(const char *log, char *out, size_t out_size);

#endif
