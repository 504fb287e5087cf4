/* render_image.h: PNG files in and out (stb_image, stb_image_write), and
 * reading back what was drawn. */
#ifndef FIBRELAB_RENDER_IMAGE_H
#define FIBRELAB_RENDER_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes w x h RGBA pixels (top row first) as a PNG; false with errno-like
 * reason in err ("PATH: cannot write"). */
bool render_image_write_png(const char *path, int w, int h, const unsigned char *rgba, char *err, size_t err_size);
/* Reads the current framebuffer's w x h pixels, top row first (caller's buffer of w*h*4). */
void render_image_read_framebuffer(int w, int h, unsigned char *rgba);
/* Loads assets/textures/NAME (searched like every asset) into a mipmapped,
 * repeating GL texture; 0 with "assets/textures/NAME: reason" in err. */
unsigned render_image_load_texture(const char *name, char *err, size_t err_size);

#endif
