/* render_batch.h: a growing array of coloured triangles for the flat
 * shader (legend, panels, discs, markers), drawn in one call. */
#ifndef FIBRELAB_RENDER_BATCH_H
#define FIBRELAB_RENDER_BATCH_H

#include <stdbool.h>

typedef struct render_flat_vertex {
    float pos[3];
    unsigned char rgba[4];
} render_flat_vertex;

typedef struct render_batch {
    render_flat_vertex *v;
    int count, cap;
    unsigned vao, vbo;
} render_batch;

bool render_batch_init(render_batch *b);
void render_batch_free(render_batch *b);
void render_batch_tri(render_batch *b, const float a[3], const float c[3], const float d[3], const float rgba[4]);
/* Axis-aligned rectangle at z = 0 (pixels in a 2D batch). */
void render_batch_rect(render_batch *b, float x0, float y0, float x1, float y1, const float rgba[4]);
/* Rectangle with a colour per corner: top (y0) and bottom (y1). */
void render_batch_rect_v(render_batch *b, float x0, float y0, float x1, float y1, const float top[4],
                         const float bottom[4]);
/* Disc (inner radius 0) or ring in the plane spanned by unit vectors e1, e2. */
void render_batch_ring(render_batch *b, const float centre[3], const float e1[3], const float e2[3], float r_in,
                       float r_out, int segments, const float rgba[4]);
/* A line as a quad of `width` across `side` (unit). */
void render_batch_line(render_batch *b, const float a[3], const float c[3], const float side[3], float width,
                       const float rgba[4]);
/* Uploads and draws with the bound flat program; empties the batch. */
void render_batch_flush(render_batch *b);

#endif
