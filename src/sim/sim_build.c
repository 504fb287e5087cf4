/* sim_build.c: the joint's geometry and the muscles' fibre bundles.
 *
 * The joint sits at the world origin with its axis along z. The proximal
 * segment lies along -x and never moves; the distal segment starts along +x
 * and turns by q about z. Muscles lie on the +y side, so turning towards +y
 * (q > 0) shortens them. A lesson's clinical angle maps to q by the sign that
 * makes shortened_deg the bent pose.
 *
 * A muscle's axis runs straight from its origin centre (fixed) to its
 * insertion centre (on the distal segment). Its fibres are laid out in the
 * cross-section on a sunflower pattern; each fibre's lane is its place there,
 * scaled by the spindle's radius along the muscle, with a small crimp wave.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define PI_F 3.14159265f
#define CRIMP_AMPLITUDE 0.04f   /* of the largest radius: visible waviness, illustrative */
#define CRIMP_WAVES 3.0f        /* waves along a fibre, illustrative */
#define END_RADIUS 0.3f         /* spindle radius at the ends, of the largest */
#define LANE_FILL 0.9f          /* lanes fill this share of the envelope's radius */
#define MASS_SCALE_FORCES 4.0f  /* tension, in fibre max forces, the scaled mass keeps stable */
#define TANGLE_JITTER 0.35f     /* random departure from the lane, of the radius, at severity 1 */

float sim_joint_q(const sim_world *w, float deg) {
    return w->joint.sign * deg * (PI_F / 180.0f);
}

void sim_distal_to_world(float q, const float l[3], float out[3]) {
    float c = cosf(q), s = sinf(q);
    out[0] = c * l[0] - s * l[1];
    out[1] = s * l[0] + c * l[1];
    out[2] = l[2];
}

void sim_world_to_distal(float q, const float p[3], float out[3]) {
    sim_distal_to_world(-q, p, out);
}

/* The muscle's line with the second joint at second_deg: a muscle crossing
 * it has its origin brought along the line towards the insertion. */
static sim_frame muscle_frame_at(const sim_world *w, int muscle, float deg, float second_deg) {
    const sim_muscle_desc *m = &w->muscles[muscle].d;
    sim_frame f;
    float ins_local[3] = {m->insertion_m, m->offset_m, m->lateral_m};
    float ins[3];
    sim_distal_to_world(sim_joint_q(w, deg), ins_local, ins);
    f.o[0] = -m->origin_m;
    f.o[1] = m->offset_m;
    f.o[2] = m->lateral_m;
    float d[3] = {ins[0] - f.o[0], ins[1] - f.o[1], ins[2] - f.o[2]};
    f.length = sqrtf(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    for (int k = 0; k < 3; k++) f.u[k] = d[k] / f.length;
    /* both ends share lateral_m, so the axis lies in the xy plane */
    f.e2[0] = 0.0f, f.e2[1] = 0.0f, f.e2[2] = 1.0f;
    f.e1[0] = -f.u[1], f.e1[1] = f.u[0], f.e1[2] = 0.0f;
    const float take_up = m->second_arm_m * second_deg * (PI_F / 180.0f);
    for (int k = 0; k < 3; k++) f.o[k] += take_up * f.u[k];
    f.length -= take_up;
    return f;
}

sim_frame sim_muscle_frame(const sim_world *w, int muscle, float deg) {
    return muscle_frame_at(w, muscle, deg, w->desc.joint.second_deg);
}

/* Spindle: narrow at the origin, widest mid-belly, tendon narrow. */
float sim_spindle_radius(const sim_muscle_desc *m, float s) {
    float belly = 1.0f - m->tendon_fraction;
    if (s >= belly) return END_RADIUS * m->radius_m;
    return m->radius_m * (END_RADIUS + (1.0f - END_RADIUS) * sinf(PI_F * s / belly));
}

/* The bundle's arrays of n floats, in one arena. Each starts a few cache
 * lines further round the 4 KiB cycle than the one before: arrays whose
 * starts were all alike modulo 4 KiB would put the same row of every array
 * into the same cache set, and the solver touches twenty of them at once. */
#define ARENA_STAGGER_FLOATS 48  /* 192 bytes: three cache lines */

static const size_t arena_arrays[] = {
    offsetof(sim_bundle, x),      offsetof(sim_bundle, y),       offsetof(sim_bundle, z),
    offsetof(sim_bundle, px),     offsetof(sim_bundle, py),      offsetof(sim_bundle, pz),
    offsetof(sim_bundle, vx),     offsetof(sim_bundle, vy),      offsetof(sim_bundle, vz),
    offsetof(sim_bundle, w),      offsetof(sim_bundle, lane_u),  offsetof(sim_bundle, lane_v),
    offsetof(sim_bundle, rest0),  offsetof(sim_bundle, rest),    offsetof(sim_bundle, fmax),
    offsetof(sim_bundle, creep),  offsetof(sim_bundle, shorten), offsetof(sim_bundle, tension),
    offsetof(sim_bundle, strain), offsetof(sim_bundle, nx),      offsetof(sim_bundle, ny),
    offsetof(sim_bundle, nz),     offsetof(sim_bundle, cp),      offsetof(sim_bundle, dp),
    offsetof(sim_bundle, dl)};

bool sim_bundle_alloc(sim_bundle *b, int nf, int np) {
    memset(b, 0, sizeof *b);
    int tiles = (nf + FIBRE_TILE - 1) / FIBRE_TILE;
    b->nf = nf, b->np = np, b->tile = (nf + tiles - 1) / tiles, b->n = tiles * b->tile * np;
    size_t n = (size_t)b->n;
    const size_t count = sizeof arena_arrays / sizeof *arena_arrays;
    const size_t stride = (n + 1023) / 1024 * 1024 + ARENA_STAGGER_FLOATS; /* whole 4 KiB pages, then the stagger */
    b->arena_floats = stride * count;
    b->arena = calloc(b->arena_floats, sizeof(float));
    if (!b->arena) return false;
    for (size_t k = 0; k < count; k++) {
        float **array = (float **)(void *)((char *)b + arena_arrays[k]);
        *array = b->arena + k * stride;
    }
    b->seg_kind = calloc((size_t)np, 1);
    b->row_radius = calloc((size_t)np, sizeof(float));
    b->tangled = calloc((size_t)nf, 1);
    b->contractile = calloc((size_t)nf, sizeof(float));
    b->zero_rows = calloc((size_t)(n / (size_t)np) * 5, sizeof(float));
    for (int f = 0; b->contractile && f < nf; f++) b->contractile[f] = 1.0f;
    b->att0 = calloc((size_t)nf * 3, sizeof(float));
    b->att1 = calloc((size_t)nf * 3, sizeof(float));
    return b->seg_kind && b->row_radius && b->tangled && b->contractile && b->zero_rows && b->att0 && b->att1;
}

void sim_bundle_free(sim_bundle *b) {
    float *arrays[] = {b->arena, b->row_radius, b->att0, b->att1, b->contractile, b->zero_rows};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++) free(arrays[i]);
    free(b->seg_kind);
    free(b->tangled);
    memset(b, 0, sizeof *b);
}

static void copy_floats(float *dst, const float *src, size_t n) {
    memcpy(dst, src, n * sizeof(float));
}

void sim_bundle_copy(sim_bundle *dst, const sim_bundle *src) {
    copy_floats(dst->arena, src->arena, src->arena_floats);
    memcpy(dst->seg_kind, src->seg_kind, (size_t)src->np);
    copy_floats(dst->row_radius, src->row_radius, (size_t)src->np);
    memcpy(dst->tangled, src->tangled, (size_t)src->nf);
    copy_floats(dst->contractile, src->contractile, (size_t)src->nf);
    copy_floats(dst->att0, src->att0, (size_t)src->nf * 3);
    copy_floats(dst->att1, src->att1, (size_t)src->nf * 3);
    dst->muscle = src->muscle;
    dst->material = src->material;
    dst->compliance = src->compliance;
    dst->fibre_fmax = src->fibre_fmax;
}

static float pose_deg(const sim_world *w, float fraction) {
    const sim_joint_desc *j = &w->desc.joint;
    return j->shortened_deg + fraction * (j->stretched_deg - j->shortened_deg);
}

/* Lays out one muscle's fibres at the world's start pose. */
static bool build_muscle(sim_world *w, int mi) {
    sim_muscle_state *ms = &w->muscles[mi];
    const sim_muscle_desc *m = &ms->d;
    int nf = m->fibres, np = m->particles;
    sim_bundle *b = &w->bundles[w->bundle_count];
    if (!sim_bundle_alloc(b, nf, np)) return false;
    ms->bundle = w->bundle_count++;
    b->muscle = mi;
    b->material = SIM_MATERIAL_MUSCLE;

    /* lanes: a sunflower pattern fills the disc evenly, with a little jitter */
    float *lu = malloc((size_t)nf * sizeof(float)), *lv = malloc((size_t)nf * sizeof(float));
    float *crimp_dir = malloc((size_t)nf * sizeof(float)), *crimp_phase = malloc((size_t)nf * sizeof(float));
    if (!lu || !lv || !crimp_dir || !crimp_phase) {
        free(lu), free(lv), free(crimp_dir), free(crimp_phase);
        return false;
    }
    const float golden = 2.39996323f;
    for (int f = 0; f < nf; f++) {
        float r = LANE_FILL * sqrtf(((float)f + 0.5f) / (float)nf);
        float a = golden * (float)f + 0.2f * (sim_rng_uniform(&w->rng) - 0.5f);
        lu[f] = r * cosf(a);
        lv[f] = r * sinf(a);
        crimp_dir[f] = 2.0f * PI_F * sim_rng_uniform(&w->rng);
        crimp_phase[f] = 2.0f * PI_F * sim_rng_uniform(&w->rng);
    }
    for (int j = 0; j < np; j++) {
        float s = (float)j / (float)(np - 1);
        b->row_radius[j] = sim_spindle_radius(m, s);
        float crimp = CRIMP_AMPLITUDE * m->radius_m * (j == 0 || j == np - 1 ? 0.0f : 1.0f);
        for (int f = 0; f < nf; f++) {
            float c = crimp * sinf(2.0f * PI_F * CRIMP_WAVES * s + crimp_phase[f]);
            b->lane_u[sim_at(b, f, j)] = b->row_radius[j] * lu[f] + c * cosf(crimp_dir[f]);
            b->lane_v[sim_at(b, f, j)] = b->row_radius[j] * lv[f] + c * sinf(crimp_dir[f]);
        }
    }
    for (int j = 0; j < np - 1; j++) {
        float s_mid = ((float)j + 0.5f) / (float)(np - 1);
        b->seg_kind[j] = s_mid > 1.0f - m->tendon_fraction ? 1 : 0;
    }

    /* attachments: the fibres just go taut at the slack pose with the second
     * joint at 0, which sets their rest length; the origin then sits where
     * the second joint's actual angle puts it */
    float slack_deg = pose_deg(w, m->slack_fraction);
    float q_slack = sim_joint_q(w, slack_deg);
    sim_frame fs = muscle_frame_at(w, mi, slack_deg, 0.0f);
    float take_up = fs.length - sim_muscle_frame(w, mi, slack_deg).length;
    float fibre_max_n = m->max_force_n / (float)nf;
    b->fibre_fmax = fibre_max_n;
    for (int f = 0; f < nf; f++) {
        float a0[3], a1[3], a1w[3];
        const int first = sim_at(b, f, 0), last = sim_at(b, f, np - 1);
        for (int k = 0; k < 3; k++) {
            a0[k] = fs.o[k] + b->lane_u[first] * fs.e1[k] + b->lane_v[first] * fs.e2[k];
            a1w[k] = fs.o[k] + fs.length * fs.u[k] + b->lane_u[last] * fs.e1[k] + b->lane_v[last] * fs.e2[k];
        }
        sim_world_to_distal(q_slack, a1w, a1);
        float dx = a1w[0] - a0[0], dy = a1w[1] - a0[1], dz = a1w[2] - a0[2];
        float rest = sqrtf(dx * dx + dy * dy + dz * dz) / (float)(np - 1);
        for (int k = 0; k < 3; k++) a0[k] += take_up * fs.u[k];
        memcpy(&b->att0[f * 3], a0, sizeof a0);
        memcpy(&b->att1[f * 3], a1, sizeof a1);
        for (int j = 0; j < np - 1; j++) {
            int i = sim_at(b, f, j);
            b->rest0[i] = b->rest[i] = rest;
            b->shorten[i] = 1.0f;
            b->fmax[i] = fibre_max_n;
        }
    }

    /* particles at the start pose, on their lanes */
    float start_deg = w->joint.deg;
    sim_frame fr = sim_muscle_frame(w, mi, start_deg);
    /* Mass scaling (as explicit finite-element codes do): the model is
     * quasi-static, so inertia is free to choose. Each particle weighs at
     * least enough that tension at a kink moves it less than a segment per
     * substep; otherwise the near-singular transverse mode of a taut chain
     * makes the step unstable. */
    const float h = SIM_DT_S / (float)w->desc.substeps;
    float mass = m->mass_kg / (float)(nf * np);
    float stable_mass = MASS_SCALE_FORCES * fibre_max_n * h * h / b->rest0[0];
    if (mass < stable_mass) mass = stable_mass;
    for (int j = 0; j < np; j++) {
        float s = (float)j / (float)(np - 1);
        for (int f = 0; f < nf; f++) {
            int i = sim_at(b, f, j);
            float p[3];
            for (int k = 0; k < 3; k++)
                p[k] = fr.o[k] + s * fr.length * fr.u[k] + b->lane_u[i] * fr.e1[k] + b->lane_v[i] * fr.e2[k];
            b->x[i] = b->px[i] = p[0];
            b->y[i] = b->py[i] = p[1];
            b->z[i] = b->pz[i] = p[2];
            b->w[i] = (j == 0 || j == np - 1) ? 0.0f : 1.0f / mass;
        }
    }
    sim_set_attachments(w, b, start_deg, 0, nf);
    for (int f = 0; f < nf; f++) {
        int i = sim_at(b, f, 0);
        b->px[i] = b->x[i], b->py[i] = b->y[i], b->pz[i] = b->z[i];
        i = sim_at(b, f, np - 1);
        b->px[i] = b->x[i], b->py[i] = b->y[i], b->pz[i] = b->z[i];
    }
    free(crimp_dir), free(crimp_phase);

    /* tangles of this muscle: choose fibres near a random spot of the
     * cross-section, pair them, and draw each across its partner's lane */
    for (int t = 0; t < w->desc.tangle_count; t++) {
        sim_tangle_state *ts = &w->tangles[t];
        if (ts->d.muscle != mi) continue;
        float lo = ts->d.at - 0.5f * ts->d.length, hi = ts->d.at + 0.5f * ts->d.length;
        ts->row_lo = np, ts->row_hi = -1;
        for (int j = 0; j < np - 1; j++) {
            float s_mid = ((float)j + 0.5f) / (float)(np - 1);
            if (s_mid >= lo && s_mid <= hi) {
                if (j < ts->row_lo) ts->row_lo = j;
                ts->row_hi = j;
            }
        }
        if (ts->row_hi < ts->row_lo) continue; /* shorter than a segment: nothing to tangle */
        float ca = 2.0f * PI_F * sim_rng_uniform(&w->rng);
        float cr = 0.55f * sqrtf(sim_rng_uniform(&w->rng));
        float cu = cr * cosf(ca), cv = cr * sinf(ca);
        int want = (int)lroundf(ts->d.share * (float)nf);
        int *chosen = malloc((size_t)nf * sizeof(int));
        float *dist = malloc((size_t)nf * sizeof(float));
        if (!chosen || !dist) {
            free(chosen), free(dist), free(lu), free(lv);
            return false;
        }
        int count = 0;
        for (int f = 0; f < nf; f++) dist[f] = (lu[f] - cu) * (lu[f] - cu) + (lv[f] - cv) * (lv[f] - cv);
        /* selection by repeated minimum: deterministic, nf is small */
        for (int c = 0; c < want; c++) {
            int best = -1;
            for (int f = 0; f < nf; f++)
                if (!b->tangled[f] && (best < 0 || dist[f] < dist[best])) best = f;
            if (best < 0) break;
            b->tangled[best] = (uint8_t)(t + 1);
            b->contractile[best] = 0.0f;
            chosen[count++] = best;
        }
        /* shuffle, then pair neighbours in the shuffled order */
        for (int c = count - 1; c > 0; c--) {
            int r = (int)(sim_rng_uniform(&w->rng) * (float)(c + 1));
            int tmp = chosen[c];
            chosen[c] = chosen[r], chosen[r] = tmp;
        }
        float s_lo = (float)ts->row_lo / (float)(np - 1), s_hi = (float)(ts->row_hi + 1) / (float)(np - 1);
        float sev = ts->d.severity;
        for (int c = 0; c < count; c++) {
            int partner = c ^ 1;
            int f = chosen[c], g = chosen[partner < count ? partner : c];
            for (int j = ts->row_lo + 1; j <= ts->row_hi; j++) {
                float s = (float)j / (float)(np - 1);
                float bump = sinf(PI_F * (s - s_lo) / (s_hi - s_lo));
                bump *= bump;
                float r = b->row_radius[j];
                float du = sev * (bump * (lu[g] - lu[f]) * r +
                                  TANGLE_JITTER * sqrtf(bump) * r * (sim_rng_uniform(&w->rng) - 0.5f) * 2.0f);
                float dv = sev * (bump * (lv[g] - lv[f]) * r +
                                  TANGLE_JITTER * sqrtf(bump) * r * (sim_rng_uniform(&w->rng) - 0.5f) * 2.0f);
                int i = sim_at(b, f, j);
                b->x[i] += du * fr.e1[0] + dv * fr.e2[0];
                b->y[i] += du * fr.e1[1] + dv * fr.e2[1];
                b->z[i] += du * fr.e1[2] + dv * fr.e2[2];
                b->px[i] = b->x[i], b->py[i] = b->y[i], b->pz[i] = b->z[i];
            }
        }
        free(chosen), free(dist);
    }
    free(lu), free(lv);
    return true;
}

bool sim_build_muscles(sim_world *w) {
    for (int m = 0; m < w->desc.muscle_count; m++)
        if (!build_muscle(w, m)) return false;
    return true;
}
