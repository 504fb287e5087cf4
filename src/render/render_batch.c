/* render_batch.c: coloured triangle batches (render_batch.h). */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "render_batch.h"
#include "render_gl.h"

bool render_batch_init(render_batch *b) {
    memset(b, 0, sizeof *b);
    glGenVertexArrays(1, &b->vao);
    glGenBuffers(1, &b->vbo);
    glBindVertexArray(b->vao);
    glBindBuffer(GL_ARRAY_BUFFER, b->vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(render_flat_vertex),
                          (void *)offsetof(render_flat_vertex, pos));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(render_flat_vertex),
                          (void *)offsetof(render_flat_vertex, rgba));
    glBindVertexArray(0);
    return true;
}

void render_batch_free(render_batch *b) {
    glDeleteBuffers(1, &b->vbo);
    glDeleteVertexArrays(1, &b->vao);
    free(b->v);
    memset(b, 0, sizeof *b);
}

static render_flat_vertex *grow(render_batch *b, int n) {
    if (b->count + n > b->cap) {
        int cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->count + n) cap *= 2;
        render_flat_vertex *v = realloc(b->v, (size_t)cap * sizeof *v);
        if (!v) return NULL;
        b->v = v, b->cap = cap;
    }
    render_flat_vertex *out = &b->v[b->count];
    b->count += n;
    return out;
}

static void put(render_flat_vertex *v, const float p[3], const float rgba[4]) {
    memcpy(v->pos, p, sizeof v->pos);
    for (int k = 0; k < 4; k++) v->rgba[k] = (unsigned char)lroundf(fminf(fmaxf(rgba[k], 0.0f), 1.0f) * 255.0f);
}

void render_batch_tri(render_batch *b, const float a[3], const float c[3], const float d[3], const float rgba[4]) {
    render_flat_vertex *v = grow(b, 3);
    if (!v) return;
    put(&v[0], a, rgba), put(&v[1], c, rgba), put(&v[2], d, rgba);
}

void render_batch_rect_v(render_batch *b, float x0, float y0, float x1, float y1, const float top[4],
                         const float bottom[4]) {
    render_flat_vertex *v = grow(b, 6);
    if (!v) return;
    float p00[3] = {x0, y0, 0}, p10[3] = {x1, y0, 0}, p11[3] = {x1, y1, 0}, p01[3] = {x0, y1, 0};
    put(&v[0], p00, top), put(&v[1], p10, top), put(&v[2], p11, bottom);
    put(&v[3], p00, top), put(&v[4], p11, bottom), put(&v[5], p01, bottom);
}

void render_batch_rect(render_batch *b, float x0, float y0, float x1, float y1, const float rgba[4]) {
    render_batch_rect_v(b, x0, y0, x1, y1, rgba, rgba);
}

void render_batch_ring(render_batch *b, const float c[3], const float e1[3], const float e2[3], float r_in,
                       float r_out, int segments, const float rgba[4]) {
    for (int i = 0; i < segments; i++) {
        float a0 = 6.2831853f * (float)i / (float)segments, a1 = 6.2831853f * (float)(i + 1) / (float)segments;
        float p[4][3];
        for (int k = 0; k < 3; k++) {
            float d0 = cosf(a0) * e1[k] + sinf(a0) * e2[k], d1 = cosf(a1) * e1[k] + sinf(a1) * e2[k];
            p[0][k] = c[k] + r_in * d0, p[1][k] = c[k] + r_out * d0;
            p[2][k] = c[k] + r_out * d1, p[3][k] = c[k] + r_in * d1;
        }
        render_batch_tri(b, p[0], p[1], p[2], rgba);
        if (r_in > 0.0f) render_batch_tri(b, p[0], p[2], p[3], rgba);
    }
}

void render_batch_line(render_batch *b, const float a[3], const float c[3], const float side[3], float width,
                       const float rgba[4]) {
    float h = 0.5f * width, p[4][3];
    for (int k = 0; k < 3; k++) {
        p[0][k] = a[k] - h * side[k], p[1][k] = a[k] + h * side[k];
        p[2][k] = c[k] + h * side[k], p[3][k] = c[k] - h * side[k];
    }
    render_batch_tri(b, p[0], p[1], p[2], rgba);
    render_batch_tri(b, p[0], p[2], p[3], rgba);
}

void render_batch_flush(render_batch *b) {
    if (b->count == 0) return;
    glBindVertexArray(b->vao);
    glBindBuffer(GL_ARRAY_BUFFER, b->vbo);
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)((size_t)b->count * sizeof *b->v), b->v, GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, b->count);
    glBindVertexArray(0);
    b->count = 0;
}
