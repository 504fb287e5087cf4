/* render_limb.c: the limb's drawn dimensions (render_limb.h). */
#include <cglm/cglm.h>
#include <math.h>

#include "render_limb.h"
#include "sim_view.h"

#define SKIN_MARGIN_M 0.008f     /* skin outside the outermost muscle */

static float min_offset(const sim_world *w) {
    float off = INFINITY;
    for (int m = 0; m < sim_world_muscle_count(w); m++) off = fminf(off, sim_world_muscle_desc(w, m)->offset_m);
    return off;
}

/* The bones sit under the muscles with a gap the tendons bridge. */
float render_limb_bone_radius(const sim_world *w) {
    float off = min_offset(w);
    if (!isfinite(off)) off = 0.025f;
    return glm_clamp(0.3f * off, 0.005f, 0.02f);
}

/* The skin's axis lies above the bone's, towards the muscles, so one tube
 * holds both without a wide empty belly under the bone. */
float render_limb_skin_centre(const sim_world *w) {
    float off = min_offset(w);
    return isfinite(off) ? 0.5f * off : 0.0f;
}

float render_limb_skin_radius(const sim_world *w) {
    float yc = render_limb_skin_centre(w);
    float r = yc + render_limb_bone_radius(w) * 1.2f;
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        const sim_muscle_desc *d = sim_world_muscle_desc(w, m);
        r = fmaxf(r, hypotf(d->offset_m - yc, d->lateral_m) + d->radius_m);
    }
    return r + SKIN_MARGIN_M;
}

int render_limb_balls(const sim_world *w, render_limb_ball *out, int max) {
    sim_view_joint j = sim_view_joint_get(w);
    float rs = render_limb_skin_radius(w), yc = render_limb_skin_centre(w);
    float c = cosf(j.q_rad), s = sinf(j.q_rad);
    /* each segment's bone axis runs from the hinge; its skin axis is yc
     * above it, on the muscles' side */
    const float dir[2][2] = {{-1.0f, 0.0f}, {c, s}}, up[2][2] = {{0.0f, 1.0f}, {-s, c}};
    /* as far along each bone as the muscles reach, and a quarter of that
     * again, with at least a third of the bone */
    float reach[2] = {0.0f, 0.0f};
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        const sim_muscle_desc *d = sim_world_muscle_desc(w, m);
        reach[0] = fmaxf(reach[0], d->origin_m), reach[1] = fmaxf(reach[1], d->insertion_m);
    }
    const float len[2] = {fminf(j.proximal_m, fmaxf(1.25f * reach[0], j.proximal_m / 3.0f)),
                          fminf(j.distal_m, fmaxf(1.25f * reach[1], j.distal_m / 3.0f))};
    const int steps = 8;
    int n = 0;
    for (int seg = 0; seg < 2; seg++)
        for (int i = 0; i <= steps && n < max; i++) {
            float t = len[seg] * (float)i / (float)steps;
            render_limb_ball *b = &out[n++];
            b->c[0] = dir[seg][0] * t + up[seg][0] * yc;
            b->c[1] = dir[seg][1] * t + up[seg][1] * yc;
            b->c[2] = 0.0f;
            b->r = rs;
        }
    return n;
}
