/* render_mesh.c: lathe meshes (render_mesh.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_mesh.h"

#define PI_F 3.14159265f

void render_mesh_free(render_mesh_data *m) {
    free(m->v);
    free(m->idx);
    memset(m, 0, sizeof *m);
}

bool render_mesh_lathe(render_mesh_data *m, const float *x, const float *r, int n, int segments) {
    memset(m, 0, sizeof *m);
    int ring = segments + 1; /* the seam is duplicated so v runs 0..1 */
    m->vertex_count = n * ring;
    m->index_count = (n - 1) * segments * 6;
    m->v = malloc((size_t)m->vertex_count * sizeof *m->v);
    m->idx = malloc((size_t)m->index_count * sizeof *m->idx);
    if (!m->v || !m->idx) {
        render_mesh_free(m);
        return false;
    }
    float u = 0.0f;
    for (int i = 0; i < n; i++) {
        /* profile tangent by central difference; the normal is it turned outwards */
        int a = i > 0 ? i - 1 : i, b = i < n - 1 ? i + 1 : i;
        float tx = x[b] - x[a], tr = r[b] - r[a];
        float len = sqrtf(tx * tx + tr * tr);
        float nx = len > 0 ? -tr / len : 0.0f, nr = len > 0 ? tx / len : 1.0f;
        if (i > 0) u += hypotf(x[i] - x[i - 1], r[i] - r[i - 1]);
        for (int k = 0; k < ring; k++) {
            float ang = 2.0f * PI_F * (float)k / (float)segments;
            float c = cosf(ang), s = sinf(ang);
            render_vertex *v = &m->v[i * ring + k];
            v->pos[0] = x[i], v->pos[1] = r[i] * c, v->pos[2] = r[i] * s;
            v->normal[0] = nx, v->normal[1] = nr * c, v->normal[2] = nr * s;
            v->uv[0] = u, v->uv[1] = (float)k / (float)segments;
        }
    }
    unsigned *p = m->idx;
    for (int i = 0; i < n - 1; i++)
        for (int k = 0; k < segments; k++) {
            unsigned a = (unsigned)(i * ring + k), b = a + 1, c = a + (unsigned)ring, d = c + 1;
            /* counter-clockwise seen from outside */
            *p++ = a, *p++ = b, *p++ = c;
            *p++ = b, *p++ = d, *p++ = c;
        }
    return true;
}

#define CAP_STEPS 8

bool render_mesh_capsule(render_mesh_data *m, float length, float r, int segments) {
    float x[2 * CAP_STEPS + 2], rr[2 * CAP_STEPS + 2];
    int n = 0;
    for (int i = 0; i <= CAP_STEPS; i++) { /* start cap: from the tip to the equator */
        float a = 0.5f * PI_F * (float)i / CAP_STEPS;
        x[n] = r - r * cosf(a), rr[n++] = r * sinf(a);
    }
    for (int i = 0; i <= CAP_STEPS; i++) {
        float a = 0.5f * PI_F * (float)i / CAP_STEPS;
        x[n] = length - r + r * sinf(a), rr[n++] = r * cosf(a);
    }
    if (length < 2.0f * r) /* a sphere: the two caps meet */
        for (int i = 0; i < n; i++) x[i] = x[i] * length / (2.0f * r);
    return render_mesh_lathe(m, x, rr, n, segments);
}

bool render_mesh_bone(render_mesh_data *m, float length, float r, int segments) {
    /* (x in bone radii from the joint end, radius in bone radii); the far end
     * is placed from `length`. Shapes after a long bone: a rounded condyle,
     * a waist, the shaft, a flare and a rounded head. */
    static const float joint_end[][2] = {{0.0f, 0.0f}, {0.12f, 0.75f}, {0.35f, 1.25f}, {0.8f, 1.55f},
                                         {1.4f, 1.6f}, {2.2f, 1.45f}, {3.4f, 1.1f},  {5.0f, 1.0f}};
    static const float far_end[][2] = {{5.0f, 1.0f}, {3.0f, 1.15f}, {1.6f, 1.35f},
                                       {0.7f, 1.3f}, {0.25f, 1.0f}, {0.0f, 0.0f}};
    enum { NJ = sizeof joint_end / sizeof *joint_end, NF = sizeof far_end / sizeof *far_end };
    float x[NJ + NF], rr[NJ + NF];
    int n = 0;
    for (int i = 0; i < NJ; i++) x[n] = joint_end[i][0] * r, rr[n++] = joint_end[i][1] * r;
    for (int i = 1; i < NF; i++) x[n] = length - far_end[i][0] * r, rr[n++] = far_end[i][1] * r;
    return render_mesh_lathe(m, x, rr, n, segments);
}
