/* render_target.h: an offscreen framebuffer of a chosen size (multisampled,
 * resolved on read), so headless pictures do not depend on a window. */
#ifndef FIBRELAB_RENDER_TARGET_H
#define FIBRELAB_RENDER_TARGET_H

#include <stdbool.h>

typedef struct render_target {
    int width, height, samples;
    unsigned fbo, colour, depth;          /* drawn into (multisampled) */
    unsigned resolve_fbo, resolve_colour; /* read from */
} render_target;

/* False if the GL cannot make it (size beyond GL_MAX_RENDERBUFFER_SIZE...). */
bool render_target_create(render_target *t, int width, int height, int samples);
void render_target_bind(const render_target *t);
/* Resolves and reads the picture, top row first, into width*height*4 bytes. */
void render_target_read(const render_target *t, unsigned char *rgba);
void render_target_destroy(render_target *t);

#endif
