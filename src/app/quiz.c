/* quiz.c: the hidden tangle and the score.
 *
 * The points follow DESIGN.md section 2, where the lock goes counting most:
 * a lock on the wrong side of the spot sends the stretch elsewhere, so
 * careful pressure and a slow stretch cannot make up for it.
 *   lock position 40, adhesions released 20, pressure 10, stretch speed 10,
 *   pain kept below 5 10, range gained 10.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "quiz.h"

/* Points for each part. */
#define QUIZ_MAX_POSITION 40
#define QUIZ_MAX_ADHESIONS 20
#define QUIZ_MAX_PRESSURE 10
#define QUIZ_MAX_SPEED 10
#define QUIZ_MAX_PAIN 10
#define QUIZ_MAX_RANGE 10
/* Full marks at or below this speed, none at or above the next (deg/s). */
#define QUIZ_SLOW_DEG_S 8.0f
#define QUIZ_FAST_DEG_S 20.0f
/* Full marks for releasing this share of the spot's adhesions. */
#define QUIZ_GOOD_RELEASE 0.5f
/* Full marks for this gain in range (deg). */
#define QUIZ_GOOD_GAIN_DEG 5.0f

/* splitmix64: one well-mixed number from the seed, no state kept. */
static uint64_t mix(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

quiz_spot quiz_hide_tangle(sim_world_desc *desc, uint64_t seed) {
    sim_tangle_desc t = sim_tangle_desc_default();
    t.length = 0.12f, t.share = 0.3f, t.severity = 0.8f;
    t.muscle = 0;
    if (desc->tangle_count > 0) t = desc->tangles[0];
    /* The belly: clear of the origin and of the tendon at the insertion end,
     * with room for the lock on the origin side. */
    float tendon = desc->muscles[t.muscle].tendon_fraction;
    float lo = 0.2f + 0.5f * t.length, hi = 1.0f - tendon - 0.15f - 0.5f * t.length;
    float u = (float)((double)(mix(seed ^ 0x5155495aull) >> 11) * 0x1.0p-53); /* [0, 1) */
    t.at = hi > lo ? lo + u * (hi - lo) : 0.5f * (lo + hi);
    t.at = roundf(t.at * 1000.0f) / 1000.0f; /* a number a person can read back */
    desc->tangles[0] = t;
    desc->tangle_count = 1;
    return (quiz_spot){.muscle = t.muscle, .at = t.at, .length = t.length};
}

void quiz_watch_init(quiz_watch *q) {
    memset(q, 0, sizeof *q);
}

/* The lock being lifted or replaced: keep it if it did the most. */
static void close_lock(quiz_watch *q) {
    if (!q->locked) return;
    if (!q->have_best || q->lengthened_deg > q->best_lengthened_deg) {
        q->have_best = true;
        q->best = q->lock;
        q->best_lengthened_deg = q->lengthened_deg;
        q->best_peak_speed_deg_s = q->peak_speed_deg_s;
    }
    q->locked = false;
}

void quiz_watch_lock(quiz_watch *q, const sim_lock_desc *lock) {
    close_lock(q);
    q->locked = true;
    q->lock = *lock;
    q->lengthened_deg = 0.0f;
    q->peak_speed_deg_s = 0.0f;
}

void quiz_watch_unlock(quiz_watch *q) {
    close_lock(q);
}

void quiz_watch_frame(quiz_watch *q, const sim_state *st, float speed_deg_s, float range_deg) {
    float moved = q->started ? (st->joint_fraction - q->last_fraction) * range_deg : 0.0f;
    q->last_fraction = st->joint_fraction;
    q->started = true;
    if (!q->locked || !st->locked) return;
    if (moved > 0.0f) q->lengthened_deg += moved;
    if (speed_deg_s > q->peak_speed_deg_s) q->peak_speed_deg_s = speed_deg_s;
}

static int clamp_points(float x, int max) {
    int p = (int)lroundf(x);
    return p < 0 ? 0 : (p > max ? max : p);
}

static quiz_part *part(quiz_score *s, int i, const char *name, const char *title, int max) {
    quiz_part *p = &s->parts[i];
    p->name = name;
    p->title = title;
    p->max = max;
    p->points = 0;
    return p;
}

static void score_position(const quiz_spot *spot, const quiz_watch *q, quiz_part *p) {
    if (!q->have_best) {
        snprintf(p->reason, sizeof p->reason, "No lock was placed.");
        return;
    }
    const sim_lock_desc *l = &q->best;
    if (l->muscle != spot->muscle) {
        snprintf(p->reason, sizeof p->reason, "The lock was on another muscle than the tight spot.");
        return;
    }
    float edge = spot->at - 0.5f * spot->length, far_edge = spot->at + 0.5f * spot->length;
    float d = edge - l->at; /* > 0: on the origin side of the spot */
    if (l->at > far_edge) {
        snprintf(p->reason, sizeof p->reason,
                 "The lock was between the tight spot and the moving joint (%.2f of the muscle past it): "
                 "the stretch went to the tissue beyond it.",
                 l->at - far_edge);
    } else if (d < 0.0f) {
        p->points = QUIZ_MAX_POSITION / 4;
        snprintf(p->reason, sizeof p->reason,
                 "The lock was on the tight spot itself: move it just towards the origin so the stretch goes into it.");
    } else if (d <= QUIZ_BEST_WITHIN) {
        p->points = QUIZ_MAX_POSITION;
        snprintf(p->reason, sizeof p->reason,
                 "The lock was just on the origin side of the tight spot (%.2f of the muscle from it): "
                 "the stretch went into it.",
                 d);
    } else {
        /* Further towards the origin the stretch shares itself with more healthy tissue. */
        p->points = clamp_points(QUIZ_MAX_POSITION * (1.0f - (d - QUIZ_BEST_WITHIN) / 0.3f), QUIZ_MAX_POSITION);
        snprintf(p->reason, sizeof p->reason,
                 "The lock was on the origin side but %.2f of the muscle from the tight spot: closer sends more "
                 "of the stretch into it.",
                 d);
    }
}

static void score_pressure(const quiz_watch *q, quiz_part *p) {
    if (!q->have_best) {
        snprintf(p->reason, sizeof p->reason, "No lock was placed.");
        return;
    }
    float kpa = q->best.pressure_kpa;
    float off = kpa < 100.0f ? 100.0f - kpa : (kpa > 400.0f ? kpa - 400.0f : 0.0f);
    p->points = clamp_points(QUIZ_MAX_PRESSURE * (1.0f - off / 100.0f), QUIZ_MAX_PRESSURE);
    snprintf(p->reason, sizeof p->reason, "%.0f kPa: %s", kpa,
             off == 0.0f ? "in the 100 to 400 kPa band."
             : kpa < 100.0f ? "too light, the lock slips (aim for 100 to 400 kPa)."
                            : "too hard, it hurts (aim for 100 to 400 kPa).");
}

static void score_speed(const quiz_watch *q, quiz_part *p) {
    if (!q->have_best || q->best_lengthened_deg < 1.0f) {
        snprintf(p->reason, sizeof p->reason, "The muscle was not lengthened while the lock held.");
        return;
    }
    float v = q->best_peak_speed_deg_s;
    p->points = clamp_points(QUIZ_MAX_SPEED * (QUIZ_FAST_DEG_S - v) / (QUIZ_FAST_DEG_S - QUIZ_SLOW_DEG_S),
                             QUIZ_MAX_SPEED);
    snprintf(p->reason, sizeof p->reason, "Fastest stretch under the lock: %.1f degrees per second (%s).", v,
             v <= QUIZ_SLOW_DEG_S ? "slow and smooth, good" : "too fast: the client guards");
}

void quiz_score_run(const quiz_spot *spot, quiz_watch *q, const quiz_outcome *o, quiz_score *out) {
    memset(out, 0, sizeof *out);
    close_lock(q); /* a lock still on at the end counts too */
    score_position(spot, q, part(out, 0, "lock_position", "Lock position", QUIZ_MAX_POSITION));
    score_pressure(q, part(out, 1, "pressure", "Pressure", QUIZ_MAX_PRESSURE));
    score_speed(q, part(out, 2, "stretch_speed", "Stretch speed", QUIZ_MAX_SPEED));

    quiz_part *p = part(out, 3, "pain", "Pain", QUIZ_MAX_PAIN);
    p->points = o->peak_pain < 5.0f ? QUIZ_MAX_PAIN : 0;
    snprintf(p->reason, sizeof p->reason, "Highest pain %.1f of 10: %s", o->peak_pain,
             o->peak_pain < 5.0f ? "kept below 5." : "the client reported pain (5 or more): stop sooner.");

    p = part(out, 4, "adhesions_released", "Adhesions released", QUIZ_MAX_ADHESIONS);
    float share = o->adhesions_total > 0 ? (float)o->adhesions_released / (float)o->adhesions_total : 0.0f;
    p->points = clamp_points(QUIZ_MAX_ADHESIONS * share / QUIZ_GOOD_RELEASE, QUIZ_MAX_ADHESIONS);
    snprintf(p->reason, sizeof p->reason, "%d of the tight spot's %d adhesions released.", o->adhesions_released,
             o->adhesions_total);

    p = part(out, 5, "range_gained", "Range gained", QUIZ_MAX_RANGE);
    float gain = o->rom_end_deg - o->rom_start_deg;
    p->points = clamp_points(QUIZ_MAX_RANGE * gain / QUIZ_GOOD_GAIN_DEG, QUIZ_MAX_RANGE);
    snprintf(p->reason, sizeof p->reason, "Range of motion %.1f to %.1f degrees (%+.1f).", o->rom_start_deg,
             o->rom_end_deg, gain);

    for (int i = 0; i < QUIZ_PARTS; i++) out->total += out->parts[i].points;
}
