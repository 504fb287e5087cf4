/* sim_lock.c: the lock, a false attachment point made by friction.
 *
 * The tool presses a disc of its contact area A with pressure P, a normal
 * force N = P A. The pressure reaches deeper as it grows, so light pressure
 * holds only superficial fibres; a muscle with tone resists being pressed
 * into, so as tone rises the deepest held tissue escapes. Held particles are
 * fixed to anchors on the bone beneath while the chains are solved; the
 * reaction they give their fibres is what friction must carry, up to
 * mu_s N. Beyond it the lock slides with kinetic friction mu_k N, the tissue
 * dragging the anchors along, until the load falls below mu_k N again. Each
 * start of sliding is a slip.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define MU_STATIC 0.9f           /* illustrative, within the 0.2-1.1 measured for skin on skin */
#define MU_KINETIC 0.7f          /* illustrative */
#define DEPTH_AT_250KPA_M 0.02f  /* depth held at 250 kPa; grows as sqrt(P): illustrative */
#define SPREAD_PER_DEPTH 0.5f    /* sideways spread of the held region per metre of depth: illustrative */
#define TONE_DEPTH_LOSS 1.2f     /* share of the depth lost per unit of activation: illustrative */

void sim_lock_release(sim_lock_state *l) {
    free(l->held);
    l->held = NULL;
    l->count = 0;
}

void sim_world_unlock(sim_world *w) {
    sim_lock_state *l = &w->lock;
    if (l->active)
        for (int k = 0; k < l->count; k++) w->bundles[l->held[k].bundle].w[l->held[k].idx] = l->held[k].w;
    sim_lock_release(l);
    l->active = false;
    l->sliding = false;
    l->load_n = 0.0f;
}

bool sim_lock_holds(const sim_world *w, int bundle) {
    const sim_lock_state *l = &w->lock;
    for (int k = 0; l->active && k < l->count; k++)
        if (l->held[k].bundle == bundle) return true;
    return false;
}

/* Which side of the joint the point s of a muscle lies over. */
static bool over_distal(const sim_world *w, int muscle, float s) {
    sim_frame fr = sim_muscle_frame(w, muscle, w->joint.deg);
    float t_joint = -(fr.o[0] * fr.u[0] + fr.o[1] * fr.u[1] + fr.o[2] * fr.u[2]);
    return s * fr.length > t_joint;
}

static void to_bone(const sim_lock_state *l, float q, const float p[3], float out[3]) {
    if (l->distal)
        sim_world_to_distal(q, p, out);
    else
        memcpy(out, p, 3 * sizeof(float));
}

static void from_bone(const sim_lock_state *l, float q, const float a[3], float out[3]) {
    if (l->distal)
        sim_distal_to_world(q, a, out);
    else
        memcpy(out, a, 3 * sizeof(float));
}

/* The disc sits on the skin over s of the muscle it is placed on, pressing
 * along that muscle's superficial direction; whatever tissue lies under it,
 * of that muscle or a neighbour, within the depth the pressure reaches is
 * touched. */
int sim_tool_footprint(const sim_world *w, int muscle, float s, sim_tool tool, float pressure_kpa, sim_touch *out) {
    const float radius = sqrtf(sim_tool_area_m2(tool) / 3.14159265f);
    const float pressure = pressure_kpa > 0.0f ? pressure_kpa : 0.0f;
    const float depth = DEPTH_AT_250KPA_M * sqrtf(pressure / 250.0f) * fmaxf(0.0f, 1.0f - TONE_DEPTH_LOSS * w->client.tone);
    const sim_frame fr = sim_muscle_frame(w, muscle, w->joint.deg);
    const float t_tool = s * fr.length;
    const float surface = sim_spindle_radius(&w->muscles[muscle].d, s) * 1.05f;
    int count = 0;
    for (int m = 0; m < w->desc.muscle_count; m++) {
        const int bi = w->muscles[m].bundle;
        const sim_bundle *b = &w->bundles[bi];
        for (int i = 0; i < b->n; i++) {
            if (b->w[i] <= 0.0f) continue;
            float rx = b->x[i] - fr.o[0], ry = b->y[i] - fr.o[1], rz = b->z[i] - fr.o[2];
            float t = rx * fr.u[0] + ry * fr.u[1] + rz * fr.u[2];
            float pu = rx * fr.e1[0] + ry * fr.e1[1] + rz * fr.e1[2];
            float pv = rx * fr.e2[0] + ry * fr.e2[1] + rz * fr.e2[2];
            float below = surface - pu;
            if (fabsf(t - t_tool) > radius || below > depth || fabsf(pv) > radius + SPREAD_PER_DEPTH * below) continue;
            out[count++] = (sim_touch){bi, i, below};
        }
    }
    return count;
}

int sim_touch_capacity(const sim_world *w) {
    int n = 0;
    for (int m = 0; m < w->desc.muscle_count; m++) n += w->bundles[w->muscles[m].bundle].n;
    return n;
}

void sim_world_lock(sim_world *w, const sim_lock_desc *d) {
    sim_world_unlock(w);
    if (d->muscle < 0 || d->muscle >= w->desc.muscle_count) return;
    sim_lock_state *l = &w->lock;
    l->d = *d;
    l->active = true;
    l->at = d->at;
    l->distal = over_distal(w, d->muscle, d->at);
    l->length0 = sim_muscle_frame(w, d->muscle, w->joint.deg).length;
    const float pressure = d->pressure_kpa > 0.0f ? d->pressure_kpa : 0.0f;
    l->normal_n = pressure * 1000.0f * sim_tool_area_m2(d->tool);
    l->capacity_n = MU_STATIC * l->normal_n;
    l->depth_m = DEPTH_AT_250KPA_M * sqrtf(pressure / 250.0f);
    if (pressure > w->client.peak_pressure_kpa) w->client.peak_pressure_kpa = pressure;
    const int cap = sim_touch_capacity(w);
    sim_touch *touch = malloc((size_t)cap * sizeof *touch);
    l->held = malloc((size_t)cap * sizeof *l->held);
    if (!touch || !l->held) {
        free(touch);
        sim_world_unlock(w);
        return;
    }
    l->count = sim_tool_footprint(w, d->muscle, d->at, d->tool, pressure, touch);
    const float q = sim_joint_q(w, w->joint.deg);
    for (int k = 0; k < l->count; k++) {
        sim_bundle *b = &w->bundles[touch[k].bundle];
        const int i = touch[k].idx;
        sim_held *h = &l->held[k];
        float p[3] = {b->x[i], b->y[i], b->z[i]};
        to_bone(l, q, p, h->anchor);
        h->bundle = touch[k].bundle;
        h->idx = i;
        h->w = b->w[i];
        h->depth = touch[k].depth;
        /* held particles are fixed to the bone while the friction holds */
        b->w[i] = 0.0f;
    }
    free(touch);
}

/* Before bundle k's chains are solved: its held tissue sits on its anchors. */
void sim_lock_place(sim_world *w, int bundle, float deg) {
    sim_lock_state *l = &w->lock;
    sim_bundle *b = &w->bundles[bundle];
    const float q = sim_joint_q(w, deg);
    for (int k = 0; k < l->count; k++) {
        if (l->held[k].bundle != bundle) continue;
        float a[3];
        from_bone(l, q, l->held[k].anchor, a);
        int i = l->held[k].idx;
        b->x[i] = a[0], b->y[i] = a[1], b->z[i] = a[2];
    }
}

/* The reaction of held particle k on its fibre, tangential to the skin: the
 * part along the surface normal e1 presses the tissue into the bone (or
 * lifts it against the tool) and is carried by the normal force, not by
 * friction. */
static void held_reaction(const sim_world *w, const sim_held *h, const float e1[3], float out[3]) {
    const sim_bundle *b = &w->bundles[h->bundle];
    const int i = h->idx, before = i - b->tile;
    float r[3] = {b->nx[before] * b->dl[before] - b->nx[i] * b->dl[i],
                  b->ny[before] * b->dl[before] - b->ny[i] * b->dl[i],
                  b->nz[before] * b->dl[before] - b->nz[i] * b->dl[i]};
    float n = r[0] * e1[0] + r[1] * e1[1] + r[2] * e1[2];
    for (int k = 0; k < 3; k++) out[k] = r[k] - n * e1[k];
}

/* After the chains of every bundle are solved: the tangential reaction the
 * held particles give their fibres is what the friction carries. Beyond the
 * limit the tissue drags the lock along by the share of its motion the
 * friction cannot stop. */
void sim_lock_solve(sim_world *w, float deg, float h) {
    sim_lock_state *l = &w->lock;
    if (l->count == 0) return;
    const float inv_h2 = 1.0f / (h * h), q = sim_joint_q(w, deg);
    const sim_frame fr = sim_muscle_frame(w, l->d.muscle, deg);
    float f[3] = {0.0f, 0.0f, 0.0f};
    for (int k = 0; k < l->count; k++) {
        float r[3];
        held_reaction(w, &l->held[k], fr.e1, r);
        f[0] += r[0], f[1] += r[1], f[2] += r[2];
    }
    float load = sqrtf(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]) * inv_h2;
    float limit = (l->sliding ? MU_KINETIC : MU_STATIC) * l->normal_n;
    if (load > limit) {
        if (!l->sliding) l->slips++;
        l->sliding = true;
        float give = 1.0f - limit / load;
        for (int k = 0; k < l->count; k++) {
            sim_held *hk = &l->held[k];
            sim_bundle *b = &w->bundles[hk->bundle];
            const int i = hk->idx;
            float r[3];
            held_reaction(w, hk, fr.e1, r);
            float s = hk->w * give;
            float p[3] = {b->x[i] + s * r[0], b->y[i] + s * r[1], b->z[i] + s * r[2]};
            b->x[i] = p[0], b->y[i] = p[1], b->z[i] = p[2];
            to_bone(l, q, p, hk->anchor);
        }
        load = limit;
    } else if (l->sliding && load < MU_KINETIC * l->normal_n) {
        l->sliding = false;
    }
    l->load_acc += load;
}

/* Once a step: tissue deeper than a toned muscle lets the pressure reach
 * escapes the lock, and the lock's place along its muscle is updated. It is
 * measured from the attachment on the lock's own bone in the muscle's length
 * when the lock went on, so it stays where it was put while the joint moves
 * and changes only when the lock slides. */
void sim_lock_update(sim_world *w) {
    sim_lock_state *l = &w->lock;
    if (!l->active || l->count == 0) return;
    const float depth = l->depth_m * fmaxf(0.0f, 1.0f - TONE_DEPTH_LOSS * w->client.tone);
    int kept = 0;
    for (int k = 0; k < l->count; k++) {
        if (l->held[k].depth > depth)
            w->bundles[l->held[k].bundle].w[l->held[k].idx] = l->held[k].w;
        else
            l->held[kept++] = l->held[k];
    }
    l->count = kept;
    if (kept == 0) return;
    sim_frame fr = sim_muscle_frame(w, l->d.muscle, w->joint.deg);
    double t = 0.0;
    for (int k = 0; k < l->count; k++) {
        const sim_bundle *b = &w->bundles[l->held[k].bundle];
        const int i = l->held[k].idx;
        t += (b->x[i] - fr.o[0]) * fr.u[0] + (b->y[i] - fr.o[1]) * fr.u[1] + (b->z[i] - fr.o[2]) * fr.u[2];
    }
    const float from_origin = (float)(t / l->count);
    l->at = l->distal ? 1.0f - (fr.length - from_origin) / l->length0 : from_origin / l->length0;
}
