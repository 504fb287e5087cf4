/* render_fibres.c: the fibres and adhesions as strips of camera-facing
 * quads, rebuilt from the model every frame: only the fibres that can be
 * seen, nearest first, with only the particles the screen needs. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "render_gl.h"
#include "render_internal.h"
#include "render_ramp.h"
#include "sim_view.h"

#define FIBRE_RADIUS_FILL 0.85f     /* drawn radius, of the share of the cross-section a fibre has */
#define TANGLED_WIDEN 1.25f         /* tangled fibres drawn a little thicker, to follow them */
#define TENDON_MIX 0.7f             /* tendon segments lean to a silvery white */
#define LINK_RADIUS_M 0.0004f
#define LINK_MIN_M 0.0015f          /* links shorter than this are drawn this long, centred */
#define SHELL_ROWS 5                /* rows the hiding is judged at */
#define SHELL_SHARE 0.4f            /* fibres deeper under the seen surface (of the radius) are hidden: not drawn */
#define SHAPE_TOL_PX 0.35f          /* a particle on a straight run is left out if the chord passes this close */
#define VALUE_TOL 0.02f             /* ... and its colour (ramp value) is the blend of its neighbours' within this */
#define MAX_SPAN 6                  /* rows merged at most into one segment */
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

/* Into a GPU buffer that only grows: a fresh allocation every frame costs
 * page faults on a software renderer. */
static void upload(unsigned target, size_t *gpu_cap, size_t bytes, const void *data) {
    if (bytes > *gpu_cap) {
        glBufferData(target, (GLsizeiptr)bytes, NULL, GL_DYNAMIC_DRAW);
        *gpu_cap = bytes;
    }
    if (bytes > 0) glBufferSubData(target, 0, (GLsizeiptr)bytes, data);
}

void render_strips_upload(render_strips *s) {
    glBindVertexArray(s->vao);
    glBindBuffer(GL_ARRAY_BUFFER, s->vbo);
    upload(GL_ARRAY_BUFFER, &s->gpu_vertex_bytes, (size_t)s->vertex_count * sizeof *s->v, s->v);
    glBindVertexArray(0);
}

static void upload_indices(render_strips *s) {
    glBindVertexArray(s->vao);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s->ibo);
    upload(GL_ELEMENT_ARRAY_BUFFER, &s->gpu_index_bytes, (size_t)s->index_count * sizeof *s->idx, s->idx);
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

/* Where a bundle's cross-section at one row sits this frame: its centre,
 * its radius, the axis, and across the axis the direction to the eye. */
typedef struct bundle_frame {
    float c[3], rmax, axis[3], to_eye[3];
} bundle_frame;

static float dot3(const float a[3], const float b[3]) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static bundle_frame bundle_frame_get(const sim_bundle_view *b, int j, const float axis[3], const float eye[3]) {
    bundle_frame bf = {.rmax = 0.0f};
    int nf = b->fibres;
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(b, f, j);
        bf.c[0] += b->x[i] / (float)nf, bf.c[1] += b->y[i] / (float)nf, bf.c[2] += b->z[i] / (float)nf;
    }
    float r2max = 0.0f;
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(b, f, j);
        float dx = b->x[i] - bf.c[0], dy = b->y[i] - bf.c[1], dz = b->z[i] - bf.c[2];
        r2max = fmaxf(r2max, dx * dx + dy * dy + dz * dz);
    }
    bf.rmax = sqrtf(r2max) + 1e-9f;
    memcpy(bf.axis, axis, sizeof bf.axis);
    float e[3] = {eye[0] - bf.c[0], eye[1] - bf.c[1], eye[2] - bf.c[2]};
    float along = dot3(e, axis);
    for (int k = 0; k < 3; k++) e[k] -= along * axis[k];
    float len = sqrtf(dot3(e, e));
    for (int k = 0; k < 3; k++) bf.to_eye[k] = len > 0.0f ? e[k] / len : 0.0f;
    return bf;
}

/* A fibre's height towards the eye above its bundle's centre at row j, in
 * radii; or -INFINITY when the fibres in front of it hide it there: more
 * than SHELL_SHARE of a radius under the bundle's surface as the eye sees
 * it (tangled fibres are always drawn). */
static float fibre_depth(const sim_bundle_view *b, const bundle_frame *bf, int j, int f) {
    int i = sim_view_index(b, f, j);
    float o[3] = {b->x[i] - bf->c[0], b->y[i] - bf->c[1], b->z[i] - bf->c[2]};
    float along = dot3(o, bf->axis);
    for (int k = 0; k < 3; k++) o[k] = (o[k] - along * bf->axis[k]) / bf->rmax;
    float h = dot3(o, bf->to_eye);
    if (b->tangled[f]) return h;
    float across2 = dot3(o, o) - h * h; /* squared distance from the centre, across the view */
    float surface = sqrtf(fmaxf(1.0f - across2, 0.0f));
    return surface - h > SHELL_SHARE ? -INFINITY : h;
}

static int by_key(const void *a, const void *b) {
    float ka = ((const render_fibre_ref *)a)->key, kb = ((const render_fibre_ref *)b)->key;
    return (ka > kb) - (ka < kb);
}

/* Particle value on the colour ramp: the mean of the segments either side. */
static float particle_value(const sim_bundle_view *b, int f, int j, render_colour_by by, float fibre_max_n) {
    int np = b->particles, s0 = j > 0 ? j - 1 : 0, s1 = j < np - 1 ? j : np - 2;
    if (by == RENDER_COLOUR_TENSION)
        return 0.5f * (b->tension_n[sim_view_index(b, f, s0)] + b->tension_n[sim_view_index(b, f, s1)]) / fibre_max_n /
               RENDER_TENSION_MAX;
    return 0.5f * (b->strain[sim_view_index(b, f, s0)] + b->strain[sim_view_index(b, f, s1)]) / RENDER_STRAIN_MAX;
}

/* Marks the rows a fibre needs on screen: a row is left out when the fibre
 * runs straight through it (within SHAPE_TOL_PX of the chord) and its
 * colour is what its neighbours' blend gives. Ends, bends (the tangle's
 * crossings) and tendon edges are kept. */
static void pick_rows(const sim_bundle_view *b, int f, render_fibre_row *row, float tol_m_per_m, const float eye[3]) {
    int np = b->particles, a = 0;
    for (int j = 0; j < np; j++) row[j].keep = false;
    row[0].keep = true;
    while (a < np - 1) {
        int c = a + 1; /* extend the span [a, c+1] while every row inside fits */
        while (c + 1 < np && c + 1 - a <= MAX_SPAN) {
            int e = c + 1, ia = sim_view_index(b, f, a), ie = sim_view_index(b, f, e);
            float pa[3] = {b->x[ia], b->y[ia], b->z[ia]}, pe[3] = {b->x[ie], b->y[ie], b->z[ie]};
            bool fits = row[a].tendon == row[e].tendon;
            for (int k = a + 1; k < e && fits; k++) {
                int ik = sim_view_index(b, f, k);
                float t = (float)(k - a) / (float)(e - a), d2 = 0.0f, dist2 = 0.0f;
                float pk[3] = {b->x[ik], b->y[ik], b->z[ik]};
                for (int q = 0; q < 3; q++) {
                    float dq = pk[q] - (pa[q] + t * (pe[q] - pa[q]));
                    float eq = pk[q] - eye[q];
                    d2 += dq * dq, dist2 += eq * eq;
                }
                float tol = tol_m_per_m * sqrtf(dist2);
                fits = d2 < tol * tol && row[k].tendon == row[a].tendon &&
                       fabsf(row[k].value - (row[a].value + t * (row[e].value - row[a].value))) < VALUE_TOL;
            }
            if (!fits) break;
            c = e;
        }
        a = c;
        row[a].keep = true;
    }
}

/* Grows a scratch array to at least n items; on failure clears *ok and
 * gives back the old one. */
static void *grow(void *a, int *cap, int n, size_t item, bool *ok) {
    if (n <= *cap) return a;
    void *p = realloc(a, (size_t)n * item);
    if (!p) {
        *ok = false;
        return a;
    }
    *cap = n;
    return p;
}

/* The vertices of one fibre's kept rows; returns how many pairs. */
static int put_fibre(render_fibre_scratch *sc, const sim_world *w, const render_fibre_muscle *mf, int f,
                     render_colour_by by, const render_camera_mats *cam, render_strip_vertex *v) {
    const sim_bundle_view *b = &mf->b;
    const int np = b->particles;
    render_fibre_row *row = sc->rows;
    float radius = b->tangled[f] ? mf->radius * TANGLED_WIDEN : mf->radius;
    for (int j = 0; j < np; j++) {
        int s0 = j > 0 ? j - 1 : 0, s1 = j < np - 1 ? j : np - 2;
        row[j].value = particle_value(b, f, j, by, mf->fibre_max_n);
        row[j].tendon = sim_view_row_is_tendon(w, mf->bundle, s0) && sim_view_row_is_tendon(w, mf->bundle, s1);
    }
    pick_rows(b, f, row, SHAPE_TOL_PX * cam->px_per_depth, cam->eye);
    int n = 0;
    for (int j = 0; j < np; j++) {
        if (!row[j].keep) continue;
        int i = sim_view_index(b, f, j);
        int ia = sim_view_index(b, f, j > 0 ? j - 1 : j), ib = sim_view_index(b, f, j < np - 1 ? j + 1 : j);
        float p[3] = {b->x[i], b->y[i], b->z[i]};
        float t[3] = {b->x[ib] - b->x[ia], b->y[ib] - b->y[ia], b->z[ib] - b->z[ia]};
        float rgb[3];
        render_ramp_viridis(row[j].value, rgb);
        if (row[j].tendon)
            for (int k = 0; k < 3; k++) rgb[k] += TENDON_MIX * (tendon_rgb[k] - rgb[k]);
        put_pair(v, p, t, radius, rgb, 1.0f);
        v += 2;
        row[n++].kept = j;
    }
    return n;
}

/* Per frame: the fibres that can be seen, nearest first (so the depth test
 * rejects what lies behind before it is shaded), with only the particles
 * the screen needs; then the tangled fibres' segments inside their tangle
 * again, to be drawn ghosted where healthy tissue hides them. */
void render_fibres_build(render *r, const sim_world *w, render_colour_by by, const render_camera_mats *cam) {
    render_strips *s = &r->fibres;
    render_fibre_scratch *sc = &r->fibre_scratch;
    const int muscles = sim_world_muscle_count(w);
    int fibres = 0, vertices = 0, np_max = 2;
    bool ok = true;
    sc->muscles = grow(sc->muscles, &sc->muscle_cap, muscles, sizeof *sc->muscles, &ok);
    if (!ok) return;
    render_fibre_muscle *mfs = sc->muscles;
    for (int m = 0; m < muscles; m++) {
        sim_view_muscle mv = sim_view_muscle_get(w, m);
        render_fibre_muscle *mf = &mfs[m];
        mf->b = sim_world_bundle(w, mv.bundle);
        mf->bundle = mv.bundle;
        memcpy(mf->axis, mv.axis, sizeof mf->axis);
        mf->radius = FIBRE_RADIUS_FILL * mv.radius_m / sqrtf((float)mf->b.fibres);
        mf->fibre_max_n = sim_world_muscle_desc(w, m)->max_force_n / (float)mf->b.fibres;
        fibres += mf->b.fibres, vertices += 2 * mf->b.fibres * mf->b.particles;
        np_max = mf->b.particles > np_max ? mf->b.particles : np_max;
    }
    /* every segment at most twice: drawn, then ghosted */
    sc->order = grow(sc->order, &sc->order_cap, fibres, sizeof *sc->order, &ok);
    sc->ghost = grow(sc->ghost, &sc->ghost_cap, 3 * vertices, sizeof *sc->ghost, &ok);
    sc->rows = grow(sc->rows, &sc->row_cap, np_max, sizeof *sc->rows, &ok);
    if (!ok || !reserve(s, vertices, 6 * vertices)) return;
    render_fibre_ref *order = sc->order;
    int drawn = 0;
    for (int m = 0; m < muscles; m++) {
        const sim_bundle_view b = mfs[m].b;
        /* judged at a few rows along the belly: fibres change places in
         * the cross-section as they run; a fibre is skipped only where it
         * is hidden at every one. Skipping them saves most of the drawing
         * on a software renderer. */
        bundle_frame bf[SHELL_ROWS];
        for (int k = 0; k < SHELL_ROWS; k++)
            bf[k] = bundle_frame_get(&b, (k + 1) * (b.particles - 1) / (SHELL_ROWS + 1), mfs[m].axis, cam->eye);
        const bundle_frame *mid = &bf[SHELL_ROWS / 2];
        float d[3] = {mid->c[0] - cam->eye[0], mid->c[1] - cam->eye[1], mid->c[2] - cam->eye[2]};
        float centre_dist = sqrtf(dot3(d, d));
        for (int f = 0; f < b.fibres; f++) {
            float h = -INFINITY;
            for (int k = 0; k < SHELL_ROWS; k++)
                h = fmaxf(h, fibre_depth(&b, &bf[k], (k + 1) * (b.particles - 1) / (SHELL_ROWS + 1), f));
            if (h != -INFINITY)
                order[drawn++] = (render_fibre_ref){.key = centre_dist - h * mid->rmax, .muscle = m, .fibre = f};
        }
    }
    qsort(order, (size_t)drawn, sizeof *order, by_key);
    render_strip_vertex *v = s->v;
    unsigned *p = s->idx, *g = sc->ghost;
    for (int o = 0; o < drawn; o++) {
        int m = order[o].muscle, f = order[o].fibre;
        const sim_bundle_view *b = &mfs[m].b;
        unsigned base = (unsigned)(v - s->v);
        int n = put_fibre(sc, w, &mfs[m], f, by, cam, v);
        v += 2 * n;
        p = span_indices(p, base, 0, n - 1);
        if (!b->tangled[f]) continue;
        int j0, j1;
        tangle_rows(w, m, b->tangled[f], b->particles, &j0, &j1);
        for (int k = 0; k + 1 < n; k++)
            if (sc->rows[k + 1].kept > j0 && sc->rows[k].kept < j1) g = span_indices(g, base, k, k + 1);
    }
    r->fibre_healthy_indices = (int)(p - s->idx);
    memcpy(p, sc->ghost, (size_t)(g - sc->ghost) * sizeof *g);
    s->index_count = r->fibre_healthy_indices + (int)(g - sc->ghost);
    s->vertex_count = (int)(v - s->v);
    render_strips_upload(s);
    upload_indices(s);
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

void render_fibres_free(render *r) {
    render_fibre_scratch *sc = &r->fibre_scratch;
    free(sc->muscles);
    free(sc->order);
    free(sc->ghost);
    free(sc->rows);
    memset(sc, 0, sizeof *sc);
}
