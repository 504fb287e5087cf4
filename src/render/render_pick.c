/* render_pick.c: ray casts against the drawn muscles and limb (render_pick.h). */
#include <math.h>
#include <string.h>

#include "render_pick.h"
#include "sim_view.h"

static float dot3(const float a[3], const float b[3]) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/* Ray-sphere, nearest positive root, or -1. */
static float ray_sphere(const float ro[3], const float rd[3], const float c[3], float r) {
    float oc[3] = {ro[0] - c[0], ro[1] - c[1], ro[2] - c[2]};
    float b = dot3(oc, rd), cc = dot3(oc, oc) - r * r;
    float h = b * b - cc;
    if (h < 0.0f) return -1.0f;
    float t = -b - sqrtf(h);
    return t >= 0.0f ? t : -1.0f;
}

/* Capsule = cylinder a-b plus a sphere at each end (after Quilez's capIntersect). */
float render_ray_capsule(const float ro[3], const float rd[3], const float a[3], const float b[3], float r) {
    float ba[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    float oa[3] = {ro[0] - a[0], ro[1] - a[1], ro[2] - a[2]};
    float baba = dot3(ba, ba), bard = dot3(ba, rd), baoa = dot3(ba, oa);
    float rdoa = dot3(rd, oa), oaoa = dot3(oa, oa);
    float qa = baba - bard * bard, qb = baba * rdoa - baoa * bard, qc = baba * oaoa - baoa * baoa - r * r * baba;
    float best = -1.0f;
    if (qa > 1e-12f) {
        float h = qb * qb - qa * qc;
        if (h >= 0.0f) {
            float t = (-qb - sqrtf(h)) / qa;
            float y = baoa + t * bard;
            if (t >= 0.0f && y > 0.0f && y < baba) best = t;
        }
    }
    float ta = ray_sphere(ro, rd, a, r), tb = ray_sphere(ro, rd, b, r);
    if (ta >= 0.0f && (best < 0.0f || ta < best)) best = ta;
    if (tb >= 0.0f && (best < 0.0f || tb < best)) best = tb;
    return best;
}

/* Centre and spread of a row of a bundle: the drawn bundle's cross-section. */
static void row_shape(const sim_bundle_view *v, int j, float c[3], float *radius) {
    double s[3] = {0, 0, 0};
    int nf = v->fibres;
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(v, f, j);
        s[0] += v->x[i], s[1] += v->y[i], s[2] += v->z[i];
    }
    for (int k = 0; k < 3; k++) c[k] = (float)(s[k] / nf);
    float r2 = 0.0f;
    for (int f = 0; f < nf; f++) {
        int i = sim_view_index(v, f, j);
        float dx = v->x[i] - c[0], dy = v->y[i] - c[1], dz = v->z[i] - c[2];
        float d2 = dx * dx + dy * dy + dz * dz;
        if (d2 > r2) r2 = d2;
    }
    *radius = sqrtf(r2);
}

render_pick render_pick_muscle(const sim_world *w, const render_camera *c, int width_px, int height_px, float sx,
                               float sy) {
    render_pick best = {.hit = false, .muscle = -1, .t = INFINITY};
    float ro[3], rd[3];
    render_camera_ray(c, width_px, height_px, sx, sy, ro, rd);
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        sim_view_muscle mv = sim_view_muscle_get(w, m);
        sim_bundle_view v = sim_world_bundle(w, mv.bundle);
        float prev[3], prev_r;
        row_shape(&v, 0, prev, &prev_r);
        for (int j = 1; j < v.particles; j++) {
            float cur[3], cur_r;
            row_shape(&v, j, cur, &cur_r);
            /* a little grace so a click at the edge of a thin muscle counts */
            float r = fmaxf(fmaxf(prev_r, cur_r), 0.002f) * 1.1f;
            float t = render_ray_capsule(ro, rd, prev, cur, r);
            if (t >= 0.0f && t < best.t) {
                best.hit = true;
                best.muscle = m;
                best.t = t;
                for (int k = 0; k < 3; k++) best.point[k] = ro[k] + t * rd[k];
            }
            memcpy(prev, cur, sizeof prev);
            prev_r = cur_r;
        }
    }
    if (best.hit) {
        float s = sim_view_muscle_s(w, best.muscle, best.point);
        best.s = s < 0.0f ? 0.0f : s > 1.0f ? 1.0f : s;
    }
    return best;
}

bool render_pick_limb(const sim_world *w, const render_camera *c, int width_px, int height_px, float sx, float sy,
                      float radius_m) {
    float ro[3], rd[3];
    render_camera_ray(c, width_px, height_px, sx, sy, ro, rd);
    sim_view_joint j = sim_view_joint_get(w);
    float a[3] = {0.0f, 0.0f, 0.0f};
    float b[3] = {j.distal_m * cosf(j.q_rad), j.distal_m * sinf(j.q_rad), 0.0f};
    return render_ray_capsule(ro, rd, a, b, radius_m) >= 0.0f;
}

bool render_pick_hinge_plane(const render_camera *c, int width_px, int height_px, float sx, float sy,
                             float out[3]) {
    float ro[3], rd[3];
    render_camera_ray(c, width_px, height_px, sx, sy, ro, rd);
    if (fabsf(rd[2]) < 1e-4f) return false;
    float t = -ro[2] / rd[2];
    for (int k = 0; k < 3; k++) out[k] = ro[k] + t * rd[k];
    return true;
}
