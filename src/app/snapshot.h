/* snapshot.h: pictures without a window, through the same renderer: an
 * offscreen GL context (SDL's offscreen driver, else a hidden window) and
 * a framebuffer of the asked size. For --screenshot, tests and benchmarks. */
#ifndef FIBRELAB_SNAPSHOT_H
#define FIBRELAB_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

#include "render.h"
#include "sim.h"

#define SNAPSHOT_MIN_SIZE 16
#define SNAPSHOT_MAX_SIZE 8192

typedef struct snapshot snapshot;

/* NULL with one line in err (no GL 3.3, a shader or asset missing). */
snapshot *snapshot_open(int width_px, int height_px, char *err, size_t err_size);
void snapshot_close(snapshot *s);
render *snapshot_renderer(snapshot *s);
/* Draws the world into the offscreen picture and, if rgba is not NULL,
 * reads it back (width*height*4 bytes, top row first). */
void snapshot_draw(snapshot *s, const sim_world *w, const render_camera *cam, const render_options *opt,
                   unsigned char *rgba);
/* For drawing of one's own: binds the offscreen picture; then reads it
 * back (width*height*4 bytes, top row first). */
void snapshot_bind(snapshot *s);
void snapshot_read(snapshot *s, unsigned char *rgba);
/* Waits until the drawing is done (for timing). */
void snapshot_finish(snapshot *s);

/* The same HUD the window shows, minus the key help, for the world as it is. */
render_options snapshot_options(const sim_world *w, const char *title, char status[][128], int max_status);

#endif
