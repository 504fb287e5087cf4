/* sim_view.c: read-only geometry for drawing, picking and checks (sim_view.h). */
#include <math.h>
#include <string.h>

#include "sim_internal.h"
#include "sim_view.h"

#define PI_F 3.14159265f
#define SURFACE_MARGIN 1.05f  /* the lock's surface sits just outside the spindle (sim_lock.c) */

float sim_view_deg_to_fraction(const sim_world *w, float deg) {
    const sim_joint_desc *j = &w->desc.joint;
    return (deg - j->shortened_deg) / (j->stretched_deg - j->shortened_deg);
}

float sim_view_joint_q(const sim_world *w, float deg) {
    return sim_joint_q(w, deg);
}

#define STOPPED_DEG_S 0.05f   /* slower than this, the joint counts as stopped */
#define WANTS_MORE 0.005f     /* commanded this far (fraction) beyond where it is */

sim_view_joint sim_view_joint_get(const sim_world *w) {
    const sim_joint_desc *j = &w->desc.joint;
    float lim = sim_view_deg_to_fraction(w, j->limit_deg);
    float fraction = sim_view_deg_to_fraction(w, w->joint.deg);
    bool at_end = fraction >= (lim > 1.0f ? lim : 1.0f) - WANTS_MORE ||
                  (w->joint.cmd_to - fraction > WANTS_MORE && fabsf(w->joint.speed_deg_s) < STOPPED_DEG_S);
    return (sim_view_joint){
        .at_end = at_end,
        .deg = w->joint.deg,
        .q_rad = sim_joint_q(w, w->joint.deg),
        .fraction = fraction,
        .limit_fraction = lim > 1.0f ? lim : 1.0f,
        .proximal_m = j->proximal_m,
        .distal_m = j->distal_m,
        .resisting_nm = w->joint.torque_nm,
    };
}

sim_view_muscle sim_view_muscle_get(const sim_world *w, int muscle) {
    sim_frame f = sim_muscle_frame(w, muscle, w->joint.deg);
    const sim_muscle_desc *d = &w->muscles[muscle].d;
    sim_view_muscle v = {.length_m = f.length, .radius_m = d->radius_m, .tendon_fraction = d->tendon_fraction,
                         .bundle = w->muscles[muscle].bundle};
    memcpy(v.origin, f.o, sizeof v.origin);
    memcpy(v.axis, f.u, sizeof v.axis);
    memcpy(v.superficial, f.e1, sizeof v.superficial);
    memcpy(v.lateral, f.e2, sizeof v.lateral);
    return v;
}

void sim_view_muscle_surface(const sim_world *w, int muscle, float s, float out[3]) {
    sim_frame f = sim_muscle_frame(w, muscle, w->joint.deg);
    float r = sim_spindle_radius(&w->muscles[muscle].d, s) * SURFACE_MARGIN;
    for (int k = 0; k < 3; k++) out[k] = f.o[k] + s * f.length * f.u[k] + r * f.e1[k];
}

float sim_view_muscle_s(const sim_world *w, int muscle, const float p[3]) {
    sim_frame f = sim_muscle_frame(w, muscle, w->joint.deg);
    float t = (p[0] - f.o[0]) * f.u[0] + (p[1] - f.o[1]) * f.u[1] + (p[2] - f.o[2]) * f.u[2];
    return t / f.length;
}

bool sim_view_row_is_tendon(const sim_world *w, int bundle, int row) {
    const sim_bundle *b = &w->bundles[bundle];
    if (!b->seg_kind || row < 0 || row >= b->np - 1) return false;
    return b->seg_kind[row] == 1;
}

int sim_view_adhesion_count(const sim_world *w) {
    return w->adhesion_count;
}

sim_view_adhesion sim_view_adhesion_get(const sim_world *w, int i) {
    const sim_adhesion *a = &w->adhesions[i];
    const sim_bundle *b = &w->bundles[a->bundle];
    return (sim_view_adhesion){
        .a = {b->x[a->a], b->y[a->a], b->z[a->a]},
        .b = {b->x[a->b], b->y[a->b], b->z[a->b]},
        .damage = a->damage,
        .released = a->released != 0,
        .tangle = a->tangle,
    };
}

sim_view_lock sim_view_lock_get(const sim_world *w) {
    const sim_lock_state *l = &w->lock;
    sim_view_lock v = {.active = l->active, .sliding = l->sliding, .muscle = l->d.muscle, .tool = l->d.tool,
                       .at = l->at, .pressure_kpa = l->d.pressure_kpa, .depth_m = l->depth_m, .held = l->count};
    v.radius_m = sqrtf(sim_tool_area_m2(l->d.tool) / PI_F);
    if (!l->active || l->d.muscle < 0 || l->d.muscle >= w->desc.muscle_count) return v;
    sim_frame f = sim_muscle_frame(w, l->d.muscle, w->joint.deg);
    /* at is measured in the muscle's length when the lock went on, from the
     * attachment on the lock's own bone; drawn on the muscle as it is now */
    float s_now = l->distal ? 1.0f - (1.0f - l->at) * l->length0 / f.length : l->at * l->length0 / f.length;
    sim_view_muscle_surface(w, l->d.muscle, s_now, v.centre);
    memcpy(v.normal, f.e1, sizeof v.normal);
    memcpy(v.axis, f.u, sizeof v.axis);
    return v;
}
