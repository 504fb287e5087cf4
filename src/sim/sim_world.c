/* sim_world.c: the world's life cycle, the fixed step, actions and readers.
 *
 * One step is 1/60 s split into substeps. Each substep: move the attachments
 * with the joint, predict positions from velocities, solve the chains
 * exactly, then bending, lanes, adhesions and the lock, and derive the
 * velocities (small-steps XPBD). Slow processes (adhesion damage, creep,
 * tone, pain, metrics) advance once per step. Everything runs in index
 * order, so the same input gives the same bits.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define DRIVE_MAX_DEG_S 720.0f   /* "over=0" still moves, just very fast */
#define SETTLE_FRAMES 60         /* 1 s of settling at creation */
#define DRIVE_LIMIT_FACTOR 4.6f  /* the mover's greatest torque, in end-feel torques: illustrative */
#define GIVE_WAY_MARGIN 1.1f     /* resisted this much beyond that, the limb gives way */
#define GIVE_WAY_DEG_S 10.0f     /* how fast it gives way: illustrative */

/* ---- random numbers: xorshift64* (Vigna 2016), state in the world ---- */
static uint64_t rng_next(sim_rng *r) {
    uint64_t x = r->s;
    x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
    r->s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

float sim_rng_uniform(sim_rng *r) {
    return (float)(rng_next(r) >> 40) * (1.0f / 16777216.0f);
}

float sim_rng_normal(sim_rng *r) {
    /* Box-Muller; one value per call keeps the stream simple */
    float u1 = sim_rng_uniform(r) + 1e-7f, u2 = sim_rng_uniform(r);
    return sqrtf(-2.0f * logf(u1)) * cosf(6.28318531f * u2);
}

/* ---- joint poses ---- */
static float fraction_to_deg(const sim_world *w, float fraction) {
    const sim_joint_desc *j = &w->desc.joint;
    return j->shortened_deg + fraction * (j->stretched_deg - j->shortened_deg);
}

static float deg_to_fraction(const sim_world *w, float deg) {
    const sim_joint_desc *j = &w->desc.joint;
    return (deg - j->shortened_deg) / (j->stretched_deg - j->shortened_deg);
}

/* Largest fraction the anatomy allows (the end of range). */
static float limit_fraction(const sim_world *w) {
    float f = deg_to_fraction(w, w->desc.joint.limit_deg);
    return f > 1.0f ? f : 1.0f;
}

/* The tissue as built is not quite at rest (tangled patches are shorter than
 * their fibres' layout). Let it settle before the lesson starts, adhesions
 * neither creeping nor failing, then let each adhesion adapt to the load it
 * carries at rest (sim_adhesions_adapt). The clock and the peaks start after. */
static void settle(sim_world *w) {
    w->assessing = true; /* no client reactions while settling */
    w->settling = true;
    for (int i = 0; i < SETTLE_FRAMES; i++) sim_world_step(w);
    w->settling = false;
    w->assessing = false;
    sim_adhesions_adapt(w);
    w->frame = 0;
    w->time_s = 0.0;
    w->client = (sim_client_state){.tone = w->client.tone};
}

sim_world *sim_world_create(const sim_world_desc *desc) {
    if (sim_validate_desc(desc)) return NULL;
    sim_world *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->desc = *desc;
    w->rng.s = desc->seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL;
    if (!w->rng.s) w->rng.s = 1;
    w->mode = desc->mode;
    w->joint.sign = desc->joint.shortened_deg > desc->joint.stretched_deg ? 1.0f : -1.0f;
    w->joint.deg = desc->joint.start_deg;
    w->joint.cmd_to = deg_to_fraction(w, w->joint.deg);
    for (int m = 0; m < desc->muscle_count; m++) w->muscles[m].d = desc->muscles[m];
    for (int t = 0; t < desc->tangle_count; t++) w->tangles[t].d = desc->tangles[t];
    if (!sim_build_muscles(w) || !sim_adhesions_build(w)) {
        sim_world_destroy(w);
        return NULL;
    }
    for (int t = 0; t < desc->tangle_count; t++) sim_tangle_apply_stiffening(w, t);
    settle(w);
    sim_metrics_update(w);
    return w;
}

void sim_world_destroy(sim_world *w) {
    if (!w) return;
    for (int b = 0; b < w->bundle_count; b++) sim_bundle_free(&w->bundles[b]);
    sim_lock_release(&w->lock);
    free(w->adhesions);
    free(w);
}

sim_world *sim_world_clone(const sim_world *src) {
    sim_world *w = malloc(sizeof *w);
    if (!w) return NULL;
    *w = *src;
    w->adhesions = NULL;
    w->lock.held = NULL;
    for (int b = 0; b < src->bundle_count; b++) memset(&w->bundles[b], 0, sizeof w->bundles[b]);
    bool ok = true;
    for (int b = 0; b < src->bundle_count && ok; b++) {
        ok = sim_bundle_alloc(&w->bundles[b], src->bundles[b].nf, src->bundles[b].np);
        if (ok) sim_bundle_copy(&w->bundles[b], &src->bundles[b]);
    }
    if (ok && src->adhesion_count) {
        w->adhesions = malloc((size_t)src->adhesion_count * sizeof *w->adhesions);
        ok = w->adhesions != NULL;
        if (ok) memcpy(w->adhesions, src->adhesions, (size_t)src->adhesion_count * sizeof *w->adhesions);
    }
    if (ok && src->lock.count) {
        w->lock.held = malloc((size_t)src->lock.count * sizeof *w->lock.held);
        ok = w->lock.held != NULL;
        if (ok) memcpy(w->lock.held, src->lock.held, (size_t)src->lock.count * sizeof *w->lock.held);
    }
    if (!ok) {
        sim_world_destroy(w);
        return NULL;
    }
    return w;
}

int sim_world_add_bundle(sim_world *w, const sim_bundle_desc *d) {
    if (w->bundle_count >= SIM_MAX_BUNDLES || d->fibres < 1 || d->particles < 2 || !d->positions ||
        !(d->particle_mass_kg > 0.0f))
        return -1;
    sim_bundle *b = &w->bundles[w->bundle_count];
    if (!sim_bundle_alloc(b, d->fibres, d->particles)) {
        sim_bundle_free(b);
        return -1;
    }
    b->muscle = -1;
    b->material = d->material;
    b->compliance = d->compliance_m_per_n;
    int nf = d->fibres, np = d->particles;
    for (int f = 0; f < nf; f++)
        for (int j = 0; j < np; j++) {
            const float *p = &d->positions[((size_t)f * (size_t)np + (size_t)j) * 3];
            int i = sim_at(b, f, j);
            b->x[i] = b->px[i] = p[0];
            b->y[i] = b->py[i] = p[1];
            b->z[i] = b->pz[i] = p[2];
            b->w[i] = (d->pin_ends && (j == 0 || j == np - 1)) ? 0.0f : 1.0f / d->particle_mass_kg;
        }
    float fibre_max = 1.0f;
    for (int f = 0; f < nf; f++)
        for (int j = 0; j < np - 1; j++) {
            int i = sim_at(b, f, j);
            b->rest0[i] = b->rest[i] = d->rest_length_m;
            b->shorten[i] = 1.0f;
            b->fmax[i] = fibre_max;
        }
    return w->bundle_count++;
}

/* ---- actions ---- */
void sim_world_stretch_to(sim_world *w, float to, float over_s) {
    float lim = limit_fraction(w);
    to = to < 0.0f ? 0.0f : (to > lim ? lim : to);
    float from = deg_to_fraction(w, w->joint.deg);
    float span = fabsf((to - from) * (w->desc.joint.stretched_deg - w->desc.joint.shortened_deg));
    w->joint.cmd_to = to;
    w->joint.cmd_speed_deg_s = over_s > 0.0f ? span / over_s : DRIVE_MAX_DEG_S;
    if (w->joint.cmd_speed_deg_s > DRIVE_MAX_DEG_S) w->joint.cmd_speed_deg_s = DRIVE_MAX_DEG_S;
    w->joint.moving = true;
    w->client.stopped = false;
}

void sim_world_set_mode(sim_world *w, sim_mode mode) {
    if (mode >= 0 && mode < SIM_MODE_COUNT) w->mode = mode;
}

static bool client_moves(const sim_world *w) {
    return w->mode == SIM_MODE_ACTIVE_ASSISTED || w->mode == SIM_MODE_ACTIVE ||
           w->mode == SIM_MODE_WEIGHT_BEARING;
}

/* Advances the joint's angle for one step: towards the command at its speed
 * (the client's own pace when the client moves), never past the end of range.
 * Whoever moves the limb has a finite strength (DRIVE_LIMIT_FACTOR times the
 * end-feel torque): no further into the stretch once the muscles resist that
 * much, and when they resist more (a guarding client) the limb gives way
 * towards the shortened pose, coming back once they let go. The assessment
 * stops at the end-feel itself. */
static float drive_joint(sim_world *w) {
    sim_joint_state *j = &w->joint;
    const sim_joint_desc *jd = &w->desc.joint;
    float deg = j->deg;
    float target = fraction_to_deg(w, j->cmd_to);
    float dir_stretch = jd->stretched_deg > jd->shortened_deg ? 1.0f : -1.0f;
    float limit = jd->end_feel_nm * (w->assessing ? 1.0f : DRIVE_LIMIT_FACTOR);
    bool beyond_short = (deg - jd->shortened_deg) * dir_stretch > 0.0f;
    if (!w->assessing && j->torque_nm > limit * GIVE_WAY_MARGIN && beyond_short) {
        float back = GIVE_WAY_DEG_S * SIM_DT_S;
        float room = fabsf(deg - jd->shortened_deg);
        return deg - dir_stretch * (back < room ? back : room);
    }
    float diff = target - deg;
    if (diff == 0.0f) {
        j->moving = false;
        return deg;
    }
    float speed = client_moves(w) && !w->assessing ? jd->client_pace_deg_s : j->cmd_speed_deg_s;
    float step = speed * SIM_DT_S;
    if (diff * dir_stretch > 0.0f) {
        if (j->torque_nm >= limit) return deg;
        if (client_moves(w) && !w->assessing && w->client.pain >= 5.0f) {
            w->client.stopped = true;
            return deg;
        }
    }
    j->moving = true;
    if (fabsf(diff) <= step) {
        j->moving = false;
        return target;
    }
    return deg + (diff > 0.0f ? step : -step);
}

/* Predicts positions from velocities (damped, with gravity) over the
 * particles [i0, i1); attached particles (w = 0) do not move. */
static void predict_span(int i0, int i1, float h, float damp, float gx, float gy, float gz,
                         float *restrict x, float *restrict y, float *restrict z, float *restrict px,
                         float *restrict py, float *restrict pz, float *restrict vx, float *restrict vy,
                         float *restrict vz, const float *restrict iw) {
    for (int i = i0; i < i1; i++) {
        float move = iw[i] > 0.0f ? 1.0f : 0.0f;
        vx[i] = (vx[i] * damp + gx) * move;
        vy[i] = (vy[i] * damp + gy) * move;
        vz[i] = (vz[i] * damp + gz) * move;
        px[i] = x[i], py[i] = y[i], pz[i] = z[i];
        x[i] += vx[i] * h;
        y[i] += vy[i] * h;
        z[i] += vz[i] * h;
    }
}

static void predict(sim_bundle *b, float h, float damp, const float g[3], int f0, int f1) {
    for (int j = 0; j < b->np; j++)
        predict_span(sim_row(b, f0, j) + f0, sim_row(b, f0, j) + f1, h, damp, g[0] * h, g[1] * h, g[2] * h, b->x, b->y, b->z,
                     b->px, b->py, b->pz, b->vx, b->vy, b->vz, b->w);
}

static void velocities_span(int n, float inv_h, const float *restrict x, const float *restrict y,
                            const float *restrict z, const float *restrict px, const float *restrict py,
                            const float *restrict pz, float *restrict vx, float *restrict vy, float *restrict vz) {
    for (int i = 0; i < n; i++) {
        vx[i] = (x[i] - px[i]) * inv_h;
        vy[i] = (y[i] - py[i]) * inv_h;
        vz[i] = (z[i] - pz[i]) * inv_h;
    }
}

static void derive_velocities(sim_bundle *b, float inv_h, int f0, int f1) {
    for (int j = 0; j < b->np; j++) {
        int i = sim_row(b, f0, j) + f0;
        velocities_span(f1 - f0, inv_h, b->x + i, b->y + i, b->z + i, b->px + i, b->py + i, b->pz + i, b->vx + i,
                        b->vy + i, b->vz + i);
    }
}

/* Whether anything couples this bundle's fibres beyond the chains: a lock,
 * or adhesions still holding. */
static bool bundle_coupled(const sim_world *w, int k) {
    if (sim_lock_holds(w, k)) return true;
    for (int t = 0; t < w->desc.tangle_count; t++)
        if (w->muscles[w->tangles[t].d.muscle].bundle == k && w->tangles[t].adhesions_released < w->tangles[t].adhesions_total)
            return true;
    return false;
}

/* An uncoupled bundle's fibres are independent: a block of them goes
 * through every substep while its rows stay in cache (the same operations
 * on each fibre as substep by substep, so the same bits). */
static void step_independent(sim_world *w, sim_bundle *b, float deg0, float deg1, float h, float damp,
                             float activation) {
    const int substeps = w->desc.substeps;
    for (int f0 = 0; f0 < b->nf; f0 += b->tile) {
        int f1 = sim_tile_end(b, f0);
        for (int sub = 0; sub < substeps; sub++) {
            float deg = deg0 + (deg1 - deg0) * (float)(sub + 1) / (float)substeps;
            sim_set_attachments(w, b, deg, f0, f1);
            predict(b, h, damp, w->desc.gravity, f0, f1);
            sim_solve_chains(b, h, activation, f0, f1);
            if (w->desc.features.bending) sim_solve_bending(b, f0, f1);
            if (w->desc.features.lanes) sim_solve_lanes(w, b, deg, h, f0, f1);
            derive_velocities(b, 1.0f / h, f0, f1);
        }
    }
}

/* Coupled bundles go substep by substep: the lock (which may hold several
 * muscles) and the adhesions act across fibres between the chain solves. */
static void step_coupled(sim_world *w, const bool *coupled, float deg0, float deg1, float h, float damp,
                         float activation) {
    const int substeps = w->desc.substeps;
    for (int sub = 0; sub < substeps; sub++) {
        float deg = deg0 + (deg1 - deg0) * (float)(sub + 1) / (float)substeps;
        for (int k = 0; k < w->bundle_count; k++) {
            if (!coupled[k]) continue;
            sim_bundle *b = &w->bundles[k];
            sim_set_attachments(w, b, deg, 0, b->nf);
            if (w->lock.active) sim_lock_place(w, k, deg);
            for (int f0 = 0; f0 < b->nf; f0 += b->tile) {
                predict(b, h, damp, w->desc.gravity, f0, sim_tile_end(b, f0));
                sim_solve_chains(b, h, b->muscle >= 0 ? activation : 0.0f, f0, sim_tile_end(b, f0));
            }
        }
        if (w->lock.active) sim_lock_solve(w, deg, h);
        for (int k = 0; k < w->bundle_count; k++) {
            if (!coupled[k]) continue;
            sim_bundle *b = &w->bundles[k];
            for (int f0 = 0; f0 < b->nf; f0 += b->tile) {
                if (w->desc.features.bending) sim_solve_bending(b, f0, sim_tile_end(b, f0));
                if (w->desc.features.lanes) sim_solve_lanes(w, b, deg, h, f0, sim_tile_end(b, f0));
            }
        }
        sim_adhesions_solve(w, h);
        for (int k = 0; k < w->bundle_count; k++) {
            sim_bundle *b = &w->bundles[k];
            if (!coupled[k]) continue;
            for (int f0 = 0; f0 < b->nf; f0 += b->tile) derive_velocities(b, 1.0f / h, f0, sim_tile_end(b, f0));
        }
    }
}

void sim_world_step(sim_world *w) {
    const float h = SIM_DT_S / (float)w->desc.substeps;
    const float damp = expf(-w->desc.damping_per_s * h);
    const float deg0 = w->joint.deg;
    const float deg1 = drive_joint(w);
    const float activation = w->desc.features.tone ? w->client.tone : 0.0f;
    w->lock.load_acc = 0.0f;
    bool coupled[SIM_MAX_BUNDLES], any_coupled = false;
    for (int k = 0; k < w->bundle_count; k++) {
        coupled[k] = bundle_coupled(w, k);
        any_coupled |= coupled[k];
        if (!coupled[k])
            step_independent(w, &w->bundles[k], deg0, deg1, h, damp, w->bundles[k].muscle >= 0 ? activation : 0.0f);
    }
    if (any_coupled) step_coupled(w, coupled, deg0, deg1, h, damp, activation);
    w->joint.speed_deg_s = (deg1 - deg0) / SIM_DT_S;
    w->joint.deg = deg1;
    w->lock.load_n = w->lock.load_acc / (float)w->desc.substeps;
    sim_adhesions_update(w, SIM_DT_S);
    if (w->desc.features.creep)
        for (int k = 0; k < w->bundle_count; k++) sim_creep_update(&w->bundles[k], SIM_DT_S);
    sim_lock_update(w);
    if (w->desc.features.metrics) sim_metrics_update(w);
    if (w->desc.features.client || w->desc.features.tone) sim_client_update(w, SIM_DT_S);
    w->frame++;
    w->time_s = (double)w->frame / 60.0; /* counted, not summed: no drift */
}

/* ---- readers ---- */
sim_state sim_world_state(const sim_world *w) {
    sim_state s = {
        .time_s = w->time_s,
        .joint_deg = w->joint.deg,
        .joint_fraction = deg_to_fraction(w, w->joint.deg),
        .resisting_torque_nm = w->joint.torque_nm,
        .pain = w->client.pain,
        .tone = w->client.tone,
        .locked = w->lock.active,
        .lock_sliding = w->lock.sliding,
        .lock_slips = w->lock.slips,
        .lock_pressure_kpa = w->lock.active ? w->lock.d.pressure_kpa : 0.0f,
        .lock_at = w->lock.at,
        .lock_muscle = w->lock.active ? w->lock.d.muscle : -1,
        .lock_load_n = w->lock.load_n,
        .lock_capacity_n = w->lock.capacity_n,
        .lock_held = w->lock.count,
        .mode = w->mode,
        .client_stopped = w->client.stopped,
    };
    return s;
}

sim_totals sim_world_totals(const sim_world *w) {
    return (sim_totals){w->client.peak_pain, w->client.peak_tone, w->client.peak_pressure_kpa};
}

int sim_world_muscle_count(const sim_world *w) { return w->desc.muscle_count; }
int sim_world_tangle_count(const sim_world *w) { return w->desc.tangle_count; }

const sim_muscle_desc *sim_world_muscle_desc(const sim_world *w, int m) {
    return (m >= 0 && m < w->desc.muscle_count) ? &w->muscles[m].d : NULL;
}

const sim_tangle_desc *sim_world_tangle_desc(const sim_world *w, int t) {
    return (t >= 0 && t < w->desc.tangle_count) ? &w->tangles[t].d : NULL;
}

int sim_world_bundle_count(const sim_world *w) { return w->bundle_count; }

sim_bundle_view sim_world_bundle(const sim_world *w, int k) {
    sim_bundle_view v = {0};
    if (k < 0 || k >= w->bundle_count) return v;
    const sim_bundle *b = &w->bundles[k];
    v.fibres = b->nf, v.particles = b->np, v.tile = b->tile;
    v.x = b->x, v.y = b->y, v.z = b->z;
    v.tension_n = b->tension, v.strain = b->strain, v.tangled = b->tangled;
    return v;
}

static uint64_t fnv1a(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001B3ULL;
    return h;
}

uint64_t sim_world_state_hash(const sim_world *w) {
    uint64_t h = 0xCBF29CE484222325ULL;
    for (int k = 0; k < w->bundle_count; k++) {
        const sim_bundle *b = &w->bundles[k];
        size_t n = (size_t)b->n * sizeof(float);
        h = fnv1a(h, b->x, n), h = fnv1a(h, b->y, n), h = fnv1a(h, b->z, n);
        h = fnv1a(h, b->vx, n), h = fnv1a(h, b->vy, n), h = fnv1a(h, b->vz, n);
    }
    return h;
}

/* A copy for a standard measurement: no lock, the client relaxed, no client
 * reactions. */
static sim_world *relaxed_copy(const sim_world *src) {
    sim_world *w = sim_world_clone(src);
    if (!w) return NULL;
    w->assessing = true;
    w->mode = SIM_MODE_PASSIVE;
    sim_world_unlock(w);
    sim_client_relax(w);
    return w;
}

/* Moves the copy's joint to `fraction` at `deg_s` and waits until it stops. */
static void move_copy(sim_world *w, float fraction, float deg_s) {
    const float span = fabsf(w->desc.joint.stretched_deg - w->desc.joint.shortened_deg);
    sim_world_stretch_to(w, fraction, fabsf(fraction - deg_to_fraction(w, w->joint.deg)) * span / deg_s);
    for (int i = 0; i < 60 * 60 && w->joint.moving; i++) sim_world_step(w);
}

/* Standard slow assessment: on a relaxed copy, bring the joint to the
 * shortened pose, then move it towards the end of range at a slow even pace
 * until the muscles resist with the end-feel torque. */
float sim_world_assess_rom_deg(const sim_world *src) {
    sim_world *w = relaxed_copy(src);
    if (!w) return -1.0f;
    const float assess_deg_s = 15.0f; /* slow enough to raise no guarding */
    const float span = fabsf(w->desc.joint.stretched_deg - w->desc.joint.shortened_deg);
    move_copy(w, 0.0f, 30.0f);
    for (int i = 0; i < 30; i++) sim_world_step(w);
    float lim = limit_fraction(w);
    sim_world_stretch_to(w, lim, lim * span / assess_deg_s);
    int still = 0;
    for (int i = 0; i < 60 * 60 && w->joint.moving && still < 15; i++) {
        float before = w->joint.deg;
        sim_world_step(w);
        still = w->joint.deg == before ? still + 1 : 0;
    }
    float rom = fabsf(w->joint.deg - w->desc.joint.shortened_deg);
    sim_world_destroy(w);
    return rom;
}

/* Alignment by a standard measurement: on a relaxed copy, the joint brought
 * to the middle of its range (fibres taut, not stretched) and held 1 s, so
 * that a measurement before a treatment and one after compare. */
bool sim_world_assess_alignment(const sim_world *src, sim_region_metrics *muscles, sim_region_metrics *tangles) {
    sim_world *w = relaxed_copy(src);
    if (!w) return false;
    move_copy(w, 0.5f, 30.0f);
    for (int i = 0; i < 60; i++) sim_world_step(w);
    for (int m = 0; m < w->desc.muscle_count; m++) muscles[m] = sim_world_muscle_metrics(w, m);
    for (int t = 0; t < w->desc.tangle_count; t++) tangles[t] = sim_world_tangle_metrics(w, t);
    sim_world_destroy(w);
    return true;
}
