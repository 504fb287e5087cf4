/* render_fibres.c: the fibres and adhesions as strips of camera-facing
 * quads, rebuilt from the model every frame (the positions change every
 * frame; the index layout only when the world does). */
#include <epoxy/gl.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"
#include "render_ramp.h"
#include "sim_view.h"

#define FIBRE_RADIUS_FILL 0.85f     /* drawn radius, of the share of the cross-section a fibre has */
#define TANGLED_WIDEN 1.25f         /* tangled fibres drawn a little thicker, to follow them */
#define TENDON_MIX 0.7f             /* tendon segments lean to a silvery white */
#define LINK_RADIUS_M 0.0004f
#define LINK_MIN_M 0.0015f          /* links shorter than this are drawn this long, centred */
#define INNER_SHARE 0.5f            /* fibres this deep in the bundle (of its radius) are hidden: not drawn */
#define FLASH_S 1.5f                /* a released adhesion flashes, then fades over this time */

static const float tendon_rgb[3] = {0.86f, 0.88f, 0.92f};
static const float link_rgb[3] = {0.91f, 0.16f, 0.54f};   /* magenta: not on the viridis ramp */
static const float flash_rgb[3] = {1.0f, 0.97f, 0.80f};

bool render_strips_init(render_strips *s) {
    memset(s, 0, sizeof *s);
    glGenVertexArrays(1, &s->vao);
    glGenBuffers(1, &s->vbo);
    glGenBuffers(1, &s->ibo);
    glBindVertexArray(s->vao);
    glBindBuffer(GL_ARRAY_BUFFER, s->vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s->ibo);
    GLsizei stride = sizeof(render_strip_vertex);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, (void *)offsetof(render_strip_vertex, pos));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, (void *)offsetof(render_strip_vertex, tangent));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, (void *)offsetof(render_strip_vertex, side));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void *)offsetof(render_strip_vertex, rgba));
    glBindVertexArray(0);
    return true;
}

void render_strips_free(render_strips *s) {
    glDeleteBuffers(1, &s->vbo);
    glDeleteBuffers(1, &s->ibo);
    glDeleteVertexArrays(1, &s->vao);
    free(s->v);
    free(s->idx);
    memset(s, 0, sizeof *s);
}

static bool reserve(render_strips *s, int vertices, int indices) {
    if (vertices > s->vertex_cap) {
        render_strip_vertex *v = realloc(s->v, (size_t)vertices * sizeof *v);
        if (!v) return false;
        s->v = v, s->vertex_cap = vertices;
    }
    if (indices > s->index_cap) {
        unsigned *i = realloc(s->idx, (size_t)indices * sizeof *i);
        if (!i) return false;
        s->idx = i, s->index_cap = indices;
    }
    return true;
}

void render_strips_upload(render_strips *s) {
    glBindVertexArray(s->vao);
    glBindBuffer(GL_ARRAY_BUFFER, s->vbo);
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)((size_t)s->vertex_count * sizeof *s->v), s->v, GL_STREAM_DRAW);
    glBindVertexArray(0);
}

static void upload_indices(render_strips *s) {
    glBindVertexArray(s->vao);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s->ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)((size_t)s->index_count * sizeof *s->idx), s->idx,
                 GL_STATIC_DRAW);
    glBindVertexArray(0);
}

static void put_pair(render_strip_vertex *v, const float p[3], const float t[3], float radius, const float rgb[3],
                     float alpha) {
    unsigned char c[4];
    for (int k = 0; k < 3; k++) c[k] = (unsigned char)lroundf(rgb[k] * 255.0f);
    c[3] = (unsigned char)lroundf(fminf(fmaxf(alpha, 0.0f), 1.0f) * 255.0f);
    for (int s = 0; s < 2; s++) {
        memcpy(v[s].pos, p, sizeof v[s].pos);
        memcpy(v[s].tangent, t, sizeof v[s].tangent);
        v[s].side = s ? 1.0f : -1.0f;
        v[s].radius_m = radius;
        memcpy(v[s].rgba, c, 4);
    }
}

/* Two triangles per segment for segments [j0, j1) of a strip at `base`. */
static unsigned *span_indices(unsigned *p, unsigned base, int j0, int j1) {
    for (int j = j0; j < j1; j++) {
        unsigned a = base + 2u * (unsigned)j;
        *p++ = a, *p++ = a + 1, *p++ = a + 2;
        *p++ = a + 1, *p++ = a + 3, *p++ = a + 2;
    }
    return p;
}

/* Segment rows of the tangle a tangled fibre belongs to, with a margin. */
static void tangle_rows(const sim_world *w, int muscle, int tangle_plus_one, int particles, int *j0, int *j1) {
    int t = tangle_plus_one - 1;
    float lo = 1.0f, hi = 0.0f;
    for (int i = 0; i < sim_world_tangle_count(w); i++) {
        const sim_tangle_desc *d = sim_world_tangle_desc(w, i);
        /* the fibre's own tangle; every tangle of the muscle if the index is unknown */
        if (i != t && !(t < 0 || t >= sim_world_tangle_count(w))) continue;
        if (d->muscle != muscle) continue;
        lo = fminf(lo, d->at - 0.5f * d->length);
        hi = fmaxf(hi, d->at + 0.5f * d->length);
    }
    float rows = (float)(particles - 1);
    *j0 = (int)fmaxf(0.0f, floorf(lo * rows) - 1.0f);
    *j1 = (int)fminf(rows, ceilf(hi * rows) + 1.0f);
}

/* Marks the fibres deep inside a bundle, which the outer ones always hide
 * (judged at the middle row, where the bundle is widest). Skipping them
 * saves a third of the drawing on a software renderer. */
static void find_inner(const sim_bundle_view *b, bool *inner) {
    int j = b->particles / 2, nf = b->fibres;
    float c[3] = {0, 0, 0}, r2max = 0.0f;
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(b, f, j);
        c[0] += b->x[i] / (float)nf, c[1] += b->y[i] / (float)nf, c[2] += b->z[i] / (float)nf;
    }
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(b, f, j);
        float dx = b->x[i] - c[0], dy = b->y[i] - c[1], dz = b->z[i] - c[2];
        r2max = fmaxf(r2max, dx * dx + dy * dy + dz * dz);
    }
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(b, f, j);
        float dx = b->x[i] - c[0], dy = b->y[i] - c[1], dz = b->z[i] - c[2];
        inner[f] = dx * dx + dy * dy + dz * dz < INNER_SHARE * INNER_SHARE * r2max && !b->tangled[f];
    }
}

/* Index layout: every fibre of every muscle that can be seen, then again
 * the tangled fibres' segments inside their tangle, to be drawn a second
 * time ghosted where healthy tissue hides them. */
static void build_layout(render *r, const sim_world *w) {
    render_strips *s = &r->fibres;
    int total = 0;
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        sim_bundle_view b = sim_world_bundle(w, sim_view_muscle_get(w, m).bundle);
        total += 2 * b.fibres * (b.particles - 1) * 6;
    }
    if (!reserve(s, 0, total)) return;
    unsigned *p = s->idx;
    for (int pass = 0; pass < 2; pass++) {
        unsigned base = 0;
        for (int m = 0; m < sim_world_muscle_count(w); m++) {
            sim_bundle_view b = sim_world_bundle(w, sim_view_muscle_get(w, m).bundle);
            bool *inner = calloc((size_t)b.fibres, sizeof *inner);
            if (inner) find_inner(&b, inner);
            for (int f = 0; f < b.fibres; f++) {
                if (pass == 0) {
                    if (!inner || !inner[f]) p = span_indices(p, base, 0, b.particles - 1);
                } else if (b.tangled[f]) {
                    int j0, j1;
                    tangle_rows(w, m, b.tangled[f], b.particles, &j0, &j1);
                    p = span_indices(p, base, j0, j1);
                }
                base += 2u * (unsigned)b.particles;
            }
            free(inner);
        }
        if (pass == 0) r->fibre_healthy_indices = (int)(p - s->idx);
    }
    s->index_count = (int)(p - s->idx);
    upload_indices(s);
    r->layout_built = true;
}

void render_fibres_build(render *r, const sim_world *w, render_colour_by by) {
    if (!r->layout_built) build_layout(r, w);
    render_strips *s = &r->fibres;
    int total = 0;
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        sim_bundle_view b = sim_world_bundle(w, sim_view_muscle_get(w, m).bundle);
        total += 2 * b.fibres * b.particles;
    }
    if (!reserve(s, total, 0)) return;
    render_strip_vertex *v = s->v;
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        sim_view_muscle mv = sim_view_muscle_get(w, m);
        sim_bundle_view b = sim_world_bundle(w, mv.bundle);
        const int nf = b.fibres, np = b.particles;
        const float radius = FIBRE_RADIUS_FILL * mv.radius_m / sqrtf((float)nf);
        const float fibre_max_n = sim_world_muscle_desc(w, m)->max_force_n / (float)nf;
        for (int f = 0; f < nf; f++) {
            float rad = b.tangled[f] ? radius * TANGLED_WIDEN : radius;
            for (int j = 0; j < np; j++) {
                int i = sim_view_index(&b, f, j);
                int ja = j > 0 ? j - 1 : j, jb = j < np - 1 ? j + 1 : j;
                int ia = sim_view_index(&b, f, ja), ib = sim_view_index(&b, f, jb);
                float p[3] = {b.x[i], b.y[i], b.z[i]};
                float t[3] = {b.x[ib] - b.x[ia], b.y[ib] - b.y[ia], b.z[ib] - b.z[ia]};
                /* a particle's value: the mean of the segments on either side */
                int s0 = j > 0 ? j - 1 : 0, s1 = j < np - 1 ? j : np - 2;
                float value;
                if (by == RENDER_COLOUR_TENSION)
                    value = 0.5f * (b.tension_n[sim_view_index(&b, f, s0)] + b.tension_n[sim_view_index(&b, f, s1)]) / fibre_max_n /
                            RENDER_TENSION_MAX;
                else
                    value = 0.5f * (b.strain[sim_view_index(&b, f, s0)] + b.strain[sim_view_index(&b, f, s1)]) / RENDER_STRAIN_MAX;
                float rgb[3];
                render_ramp_viridis(value, rgb);
                bool tendon = sim_view_row_is_tendon(w, mv.bundle, s0) && sim_view_row_is_tendon(w, mv.bundle, s1);
                if (tendon)
                    for (int k = 0; k < 3; k++) rgb[k] += TENDON_MIX * (tendon_rgb[k] - rgb[k]);
                put_pair(v, p, t, rad, rgb, 1.0f);
                v += 2;
            }
        }
    }
    s->vertex_count = (int)(v - s->v);
    render_strips_upload(s);
}

/* Remembers when each adhesion let go, in model time. Adhesions already
 * released when the renderer first sees a world do not flash. */
static void track_releases(render *r, const sim_world *w, double time_s) {
    int n = sim_view_adhesion_count(w);
    bool fresh = r->world != w || time_s < r->last_time_s || n > r->adhesion_cap;
    if (fresh) {
        double *a = realloc(r->released_at, (size_t)(n > 0 ? n : 1) * sizeof *a);
        if (!a) return;
        r->released_at = a, r->adhesion_cap = n;
        for (int i = 0; i < n; i++) r->released_at[i] = sim_view_adhesion_get(w, i).released ? -1e9 : NAN;
        r->world = w;
    }
    for (int i = 0; i < n; i++)
        if (isnan(r->released_at[i]) && sim_view_adhesion_get(w, i).released) r->released_at[i] = time_s;
    r->last_time_s = time_s;
}

void render_links_build(render *r, const sim_world *w, double time_s) {
    track_releases(r, w, time_s);
    render_strips *s = &r->links;
    int n = sim_view_adhesion_count(w);
    if (!reserve(s, 4 * (n > 0 ? n : 1), 6 * (n > 0 ? n : 1))) return;
    render_strip_vertex *v = s->v;
    unsigned *p = s->idx;
    for (int i = 0; i < n && i < r->adhesion_cap; i++) {
        sim_view_adhesion a = sim_view_adhesion_get(w, i);
        float rgb[3], alpha = 1.0f, radius = LINK_RADIUS_M;
        if (a.released) {
            float age = (float)(time_s - r->released_at[i]);
            if (!(age >= 0.0f && age < FLASH_S)) continue;
            float k = age / FLASH_S;
            memcpy(rgb, flash_rgb, sizeof rgb);
            alpha = 1.0f - k * k;
            radius = LINK_RADIUS_M * (3.0f - 1.5f * k);
        } else {
            memcpy(rgb, link_rgb, sizeof rgb);
        }
        float t[3] = {a.b[0] - a.a[0], a.b[1] - a.a[1], a.b[2] - a.a[2]};
        float len = sqrtf(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
        if (len < LINK_MIN_M && len > 1e-9f) {
            float k = 0.5f * (LINK_MIN_M - len) / len;
            for (int c = 0; c < 3; c++) a.a[c] -= k * t[c], a.b[c] += k * t[c];
        }
        p = span_indices(p, (unsigned)(v - s->v), 0, 1);
        put_pair(v, a.a, t, radius, rgb, alpha);
        put_pair(v + 2, a.b, t, radius, rgb, alpha);
        v += 4;
    }
    s->vertex_count = (int)(v - s->v);
    s->index_count = (int)(p - s->idx);
    render_strips_upload(s);
    upload_indices(s);
}
