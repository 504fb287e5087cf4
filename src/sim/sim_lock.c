/* sim_lock.c: the lock, a false attachment point made by friction.
 *
 * The tool presses a disc of its contact area A with pressure P, a normal
 * force N = P A. The pressure reaches deeper as it grows, so light pressure
 * holds only superficial fibres. Particles within the disc's footprint and
 * depth are pinned to anchors on the bone beneath. The pins' total
 * tangential force is limited by static friction, mu_s N; beyond it the lock
 * slides with kinetic friction mu_k N, its anchors dragged along with the
 * tissue, until the load falls below mu_k N again. Each start of sliding is a
 * slip.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define MU_STATIC 0.8f           /* illustrative, within the 0.2-1.1 measured for skin on skin */
#define MU_KINETIC 0.6f          /* illustrative */
#define DEPTH_AT_250KPA_M 0.02f  /* depth held at 250 kPa; grows as sqrt(P): illustrative */
#define SPREAD_PER_DEPTH 0.5f    /* sideways spread of the held region per metre of depth: illustrative */
#define PIN_COMPLIANCE 1e-5f     /* m/N: tissue under the tool is nearly fixed */

void sim_lock_release(sim_lock_state *l) {
    free(l->idx), free(l->anchor);
    l->idx = NULL, l->anchor = NULL;
    l->count = 0;
}

void sim_world_unlock(sim_world *w) {
    sim_lock_release(&w->lock);
    w->lock.active = false;
    w->lock.sliding = false;
    w->lock.load_n = 0.0f;
}

/* Which side of the joint the point s of a muscle lies over. */
static bool over_distal(const sim_world *w, int muscle, float s) {
    sim_frame fr = sim_muscle_frame(w, muscle, w->joint.deg);
    float t_joint = -(fr.o[0] * fr.u[0] + fr.o[1] * fr.u[1] + fr.o[2] * fr.u[2]);
    return s * fr.length > t_joint;
}

void sim_world_lock(sim_world *w, const sim_lock_desc *d) {
    sim_world_unlock(w);
    if (d->muscle < 0 || d->muscle >= w->desc.muscle_count) return;
    sim_lock_state *l = &w->lock;
    l->d = *d;
    l->active = true;
    l->at = d->at;
    l->bundle = w->muscles[d->muscle].bundle;
    l->distal = over_distal(w, d->muscle, d->at);
    const sim_bundle *b = &w->bundles[l->bundle];
    const float area = sim_tool_area_m2(d->tool);
    const float radius = sqrtf(area / 3.14159265f);
    const float pressure = d->pressure_kpa > 0.0f ? d->pressure_kpa : 0.0f;
    l->normal_n = pressure * 1000.0f * area;
    l->capacity_n = MU_STATIC * l->normal_n;
    if (pressure > w->client.peak_pressure_kpa) w->client.peak_pressure_kpa = pressure;
    const float depth = DEPTH_AT_250KPA_M * sqrtf(pressure / 250.0f);
    sim_frame fr = sim_muscle_frame(w, d->muscle, w->joint.deg);
    const float t_lock = d->at * fr.length;
    const float surface = sim_spindle_radius(w->muscles[d->muscle].d.radius_m, d->at) * 1.05f;
    l->idx = malloc((size_t)b->n * sizeof(int));
    l->anchor = malloc((size_t)b->n * 3 * sizeof(float));
    if (!l->idx || !l->anchor) {
        sim_world_unlock(w);
        return;
    }
    float q = sim_joint_q(w, w->joint.deg);
    for (int i = 0; i < b->n; i++) {
        if (b->w[i] <= 0.0f) continue;
        float rx = b->x[i] - fr.o[0], ry = b->y[i] - fr.o[1], rz = b->z[i] - fr.o[2];
        float t = rx * fr.u[0] + ry * fr.u[1] + rz * fr.u[2];
        float pu = rx * fr.e1[0] + ry * fr.e1[1] + rz * fr.e1[2];
        float pv = rx * fr.e2[0] + ry * fr.e2[1] + rz * fr.e2[2];
        float below = surface - pu;
        if (fabsf(t - t_lock) > radius || below > depth || fabsf(pv) > radius + SPREAD_PER_DEPTH * below) continue;
        float p[3] = {b->x[i], b->y[i], b->z[i]}, a[3];
        if (l->distal)
            sim_world_to_distal(q, p, a);
        else
            memcpy(a, p, sizeof a);
        l->idx[l->count] = i;
        memcpy(&l->anchor[l->count * 3], a, sizeof a);
        l->count++;
    }
}

void sim_lock_solve(sim_world *w, float deg, float h) {
    sim_lock_state *l = &w->lock;
    if (!l->active || l->count == 0) return;
    sim_bundle *b = &w->bundles[l->bundle];
    const float q = sim_joint_q(w, deg);
    const float inv_h2 = 1.0f / (h * h), alpha = PIN_COMPLIANCE * inv_h2;
    /* the force every pin would need, summed */
    float fx = 0.0f, fy = 0.0f, fz = 0.0f;
    for (int k = 0; k < l->count; k++) {
        int i = l->idx[k];
        float a[3];
        if (l->distal)
            sim_distal_to_world(q, &l->anchor[k * 3], a);
        else
            memcpy(a, &l->anchor[k * 3], sizeof a);
        float s = 1.0f / (b->w[i] + alpha) * inv_h2;
        fx += (a[0] - b->x[i]) * s, fy += (a[1] - b->y[i]) * s, fz += (a[2] - b->z[i]) * s;
    }
    float load = sqrtf(fx * fx + fy * fy + fz * fz);
    float limit = (l->sliding ? MU_KINETIC : MU_STATIC) * l->normal_n;
    float keep = 1.0f;
    if (load > limit) {
        keep = load > 0.0f ? limit / load : 0.0f;
        if (!l->sliding) l->slips++;
        l->sliding = true;
    } else if (l->sliding && load < MU_KINETIC * l->normal_n) {
        l->sliding = false;
    }
    for (int k = 0; k < l->count; k++) {
        int i = l->idx[k];
        float *an = &l->anchor[k * 3], a[3];
        if (l->distal)
            sim_distal_to_world(q, an, a);
        else
            memcpy(a, an, sizeof a);
        float g = b->w[i] / (b->w[i] + alpha) * keep;
        float cx = a[0] - b->x[i], cy = a[1] - b->y[i], cz = a[2] - b->z[i];
        b->x[i] += g * cx, b->y[i] += g * cy, b->z[i] += g * cz;
        if (keep < 1.0f) {
            /* sliding: the anchor is dragged along with the tissue */
            float p[3] = {b->x[i], b->y[i], b->z[i]}, moved[3];
            for (int c = 0; c < 3; c++) moved[c] = a[c] + (1.0f - keep) * (p[c] - a[c]);
            if (l->distal)
                sim_world_to_distal(q, moved, an);
            else
                memcpy(an, moved, sizeof moved);
        }
    }
    l->load_acc += load * keep;
}

/* Where the lock now sits along the muscle (it moves when it slides). */
void sim_lock_update(sim_world *w) {
    sim_lock_state *l = &w->lock;
    if (!l->active || l->count == 0) return;
    const sim_bundle *b = &w->bundles[l->bundle];
    sim_frame fr = sim_muscle_frame(w, l->d.muscle, w->joint.deg);
    double t = 0.0;
    for (int k = 0; k < l->count; k++) {
        int i = l->idx[k];
        t += (b->x[i] - fr.o[0]) * fr.u[0] + (b->y[i] - fr.o[1]) * fr.u[1] + (b->z[i] - fr.o[2]) * fr.u[2];
    }
    l->at = (float)(t / l->count) / fr.length;
}
