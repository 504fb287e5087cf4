/* render_list_draw.c: draws a 2D list (render_list.h) over the frame, a
 * layer at a time: its shapes in order, then its text. */
#include <math.h>
#include <stdio.h>

#include "render_font.h"
#include "render_gl.h"
#include "render_internal.h"
#include "render_list.h"
#include "render_paths.h"

/* Draws what is batched: the shapes (blended only if some are see-through:
 * on a software renderer blending costs about half again), then the text. */
static void flush(render *r, bool blend, int width_px, int height_px) {
    glUseProgram(r->flat.id);
    if (!blend) glDisable(GL_BLEND);
    render_batch_flush(&r->screen_batch);
    glEnable(GL_BLEND);
    render_text_flush(r->list_text, width_px, height_px);
    glUseProgram(r->flat.id);
}

void render_clear(render *r, const float rgba[4], int width_px, int height_px) {
    (void)r;
    glViewport(0, 0, width_px, height_px);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(rgba[0], rgba[1], rgba[2], rgba[3]);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

void render_draw_list(render *r, const render_list *l, int width_px, int height_px) {
    if (l->count == 0) return;
    if (!r->list_text) {
        char font[RENDER_PATH_MAX], err[256];
        render_font_path(font, sizeof font);
        r->list_text = render_text_create(font, r->text_program, err, sizeof err);
        if (!r->list_text) return; /* the renderer's own text loaded from the same file: cannot happen */
    }
    render_text_set_size(r->list_text, l->text_px);
    glViewport(0, 0, width_px, height_px);
    render_begin_2d(r, width_px, height_px);
    bool blend = false;
    for (int i = 0; i < l->count; i++) {
        const render_list_item *it = &l->items[i];
        if (it->kind == RENDER_LIST_LAYER) {
            flush(r, blend, width_px, height_px);
            blend = false;
            continue;
        }
        float c[4];
        for (int k = 0; k < 4; k++) c[k] = (float)it->rgba[k] / 255.0f;
        if (it->kind == RENDER_LIST_RECT) {
            if (it->rgba[3] == 0) continue; /* a placeholder */
            render_batch_rect(&r->screen_batch, it->x0, it->y0, it->x1, it->y1, c);
        } else if (it->kind == RENDER_LIST_LINE) {
            float a[3] = {it->x0, it->y0, 0}, b[3] = {it->x1, it->y1, 0};
            float dx = b[0] - a[0], dy = b[1] - a[1], len = hypotf(dx, dy);
            if (len <= 0.0f) continue;
            float side[3] = {-dy / len, dx / len, 0};
            render_batch_line(&r->screen_batch, a, b, side, it->width, c);
        } else {
            render_text_add(r->list_text, it->x0, it->y0, l->text + it->text, c);
            continue;
        }
        blend |= it->rgba[3] < 255;
    }
    flush(r, blend, width_px, height_px);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glBindVertexArray(0);
}
