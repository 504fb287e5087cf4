/* sim_client.c: the client: tone (activation) and pain.
 *
 * Tone is an activation from 0 to 1 that adds contractile tension to the
 * muscle fibres (sim_solver.c). It rises fast and falls slowly towards a
 * target made of:
 *   - guarding, the stretch reflex: driven by the muscles' lengthening rate
 *     above a threshold (a fast stretch makes the client guard);
 *   - pain;
 *   - weight-bearing work while the muscle lengthens under load;
 * lowered by slow, rhythmic, pain-free movement ("calm") and, in
 * active-assisted work, by the client's own movement (reciprocal inhibition).
 * Pain (0..10) comes from the most strained stretch of fibre above comfort,
 * from lock pressure above tolerance, and from guarding.
 */
#include <math.h>

#include "sim_internal.h"

#define BASE_TONE 0.02f            /* resting activation of a relaxed client: illustrative */
#define GUARD_RATE_THRESHOLD 0.06f /* lengthening rate (lengths/s) that starts guarding: illustrative */
#define GUARD_RATE_FULL 0.25f      /* rate above threshold for full guarding: illustrative */
#define GUARD_TONE 0.6f            /* activation of full guarding: illustrative */
#define PAIN_TONE 0.01f            /* activation per point of pain: illustrative */
#define WEIGHT_TONE 0.25f          /* eccentric activation under body weight: illustrative */
#define INHIBITION 0.5f            /* reciprocal inhibition while the client moves: illustrative */
#define TONE_RISE_S 0.15f          /* reflex onset: tens to hundreds of ms */
#define TONE_FALL_S 20.0f          /* guarding lingers for tens of seconds: illustrative */
#define CALM_RATE 0.02f            /* 1/s of pain-free slow movement: illustrative */
#define CALM_MAX 0.8f
#define COMFORT_STRAIN 0.30f       /* fibre strain felt as a comfortable stretch: illustrative */
#define PAIN_PER_STRAIN 25.0f      /* pain points per unit strain above comfort: illustrative */
#define PRESSURE_TOLERANCE_KPA 400.0f /* upper end of the deep-work band (DESIGN.md) */
#define PAIN_PER_KPA (1.0f / 60.0f)   /* pain points per kPa above tolerance: illustrative */
#define PAIN_PER_GUARD 6.0f
#define PAIN_TIME_S 0.3f

static float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

static float mean_muscle_length(const sim_world *w) {
    float sum = 0.0f;
    for (int m = 0; m < w->desc.muscle_count; m++) sum += sim_muscle_frame(w, m, w->joint.deg).length;
    return w->desc.muscle_count ? sum / (float)w->desc.muscle_count : 0.0f;
}

void sim_client_update(sim_world *w, float dt) {
    sim_client_state *c = &w->client;
    if (w->desc.muscle_count == 0) return;
    /* lengthening rate of the muscles, in lengths per second */
    float len = mean_muscle_length(w);
    float rate = c->last_length_m > 0.0f ? (len - c->last_length_m) / (c->last_length_m * dt) : 0.0f;
    c->last_length_m = len;
    c->strain_rate = rate;

    if (!w->assessing) {
        float guard = clampf((rate - GUARD_RATE_THRESHOLD) / GUARD_RATE_FULL, 0.0f, 1.0f);
        c->guard = guard > c->guard ? guard : c->guard + (guard - c->guard) * dt / TONE_FALL_S;
        float speed = fabsf(w->joint.speed_deg_s);
        if (speed > 0.0f && rate <= GUARD_RATE_THRESHOLD && c->pain < 3.0f)
            c->calm = clampf(c->calm + CALM_RATE * dt, 0.0f, CALM_MAX);
        if (c->pain >= 5.0f) c->calm = clampf(c->calm - 4.0f * CALM_RATE * dt, 0.0f, CALM_MAX);

        float strain = sim_row_strain_max(w);
        float pain = PAIN_PER_STRAIN * (strain - COMFORT_STRAIN);
        if (w->lock.active) pain += PAIN_PER_KPA * (w->lock.d.pressure_kpa - PRESSURE_TOLERANCE_KPA) > 0.0f
                                        ? PAIN_PER_KPA * (w->lock.d.pressure_kpa - PRESSURE_TOLERANCE_KPA)
                                        : 0.0f;
        pain = clampf(clampf(pain, 0.0f, 10.0f) + PAIN_PER_GUARD * c->guard, 0.0f, 10.0f);
        c->pain += (pain - c->pain) * clampf(dt / PAIN_TIME_S, 0.0f, 1.0f);
    }

    float target = BASE_TONE * (1.0f - c->calm) + GUARD_TONE * c->guard + PAIN_TONE * c->pain;
    bool lengthening = rate > 0.0f;
    if (w->mode == SIM_MODE_WEIGHT_BEARING && lengthening) target += WEIGHT_TONE;
    if ((w->mode == SIM_MODE_ACTIVE_ASSISTED || w->mode == SIM_MODE_ACTIVE) && w->joint.speed_deg_s != 0.0f)
        target *= 1.0f - INHIBITION;
    target = clampf(target, 0.0f, 1.0f);
    float tau = target > c->tone ? TONE_RISE_S : TONE_FALL_S;
    c->tone += (target - c->tone) * clampf(dt / tau, 0.0f, 1.0f);
    if (!w->desc.features.tone) c->tone = 0.0f;

    if (c->pain > c->peak_pain) c->peak_pain = c->pain;
    if (c->tone > c->peak_tone) c->peak_tone = c->tone;
}

/* The client asked to relax, as before a standard assessment: pain settles
 * and what pain-free work has calmed stays calmed, but guarding cannot be
 * switched off at will: it fades over tens of seconds, so a range measured
 * straight after a painful treatment is a guarded one. */
void sim_client_relax(sim_world *w) {
    sim_client_state *c = &w->client;
    c->pain = 0.0f;
    c->tone = w->desc.features.tone ? BASE_TONE * (1.0f - c->calm) + GUARD_TONE * c->guard : 0.0f;
}
