/* coach.c: the technique's rules checked frame by frame, said once per
 * occurrence in plain words, and a lesson's steps completed in order.
 *
 * Speeds are measured on the joint's pose fraction over a 0.5 s window, so
 * that one frame's jitter is not a "fast stretch"; positive is towards the
 * stretched pose (the muscle lengthening).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coach.h"

static const struct {
    const char *id, *rule;
} rules[COACH_ID_COUNT] = {
    [COACH_LOCK_BEFORE_SHORTENING] = {"lock-before-shortening", "Shorten before locking."},
    [COACH_PRESSURE_LOW] = {"pressure-low", "Lock with enough pressure not to slip (about 100 to 400 kPa)."},
    [COACH_PRESSURE_HIGH] = {"pressure-high", "Lock with not so much pressure that it hurts (about 100 to 400 kPa)."},
    [COACH_WRONG_SIDE] = {"lock-wrong-side",
                          "Lock on the far side of the tight spot from the moving joint, so the stretch goes into it."},
    [COACH_TOO_FAST] = {"stretch-too-fast", "Stretch smoothly and slowly (a few degrees per second)."},
    [COACH_PAIN] = {"pain", "Pain-free: stop when the client reports pain."},
    [COACH_DANGER_ZONE] = {"danger-zone", "Avoid danger zones (popliteal space, cubital fossa, a felt pulse)."},
};

const char *coach_id_name(coach_id id) {
    return id >= 0 && id < COACH_ID_COUNT ? rules[id].id : "?";
}

const char *coach_rule(coach_id id) {
    return id >= 0 && id < COACH_ID_COUNT ? rules[id].rule : "?";
}

void coach_init(coach *c, const lesson *l, bool hide_tangles) {
    memset(c, 0, sizeof *c);
    c->lesson = l;
    c->hide_tangles = hide_tangles;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void say(coach *c, coach_id id, double time_s, const char *fmt, ...) {
    if (c->message_count == COACH_MAX_MESSAGES) {
        c->messages_dropped++;
        return;
    }
    coach_message *m = &c->messages[c->message_count++];
    m->id = id;
    m->time_s = time_s;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->text, sizeof m->text, fmt, ap);
    va_end(ap);
}

/* Says it when the rule starts being broken; quiet while it stays broken. */
static bool edge(coach *c, coach_id id, bool broken_now) {
    bool starts = broken_now && !c->holding[id];
    c->holding[id] = broken_now;
    return starts;
}

static float range_deg(const coach *c) {
    return fabsf(c->lesson->desc.joint.stretched_deg - c->lesson->desc.joint.shortened_deg);
}

void coach_on_lock(coach *c, const sim_world *w, const sim_lock_desc *lock) {
    c->lock_known = true;
    c->lock = *lock;
    /* A new lock is a new occurrence of every rule about the lock. */
    c->holding[COACH_PRESSURE_LOW] = c->holding[COACH_PRESSURE_HIGH] = false;
    c->holding[COACH_WRONG_SIDE] = c->holding[COACH_DANGER_ZONE] = false;
    sim_state st = sim_world_state(w);
    if (st.joint_fraction > COACH_SHORT_FRACTION)
        say(c, COACH_LOCK_BEFORE_SHORTENING, st.time_s,
            "Shorten first: bring the muscle to its shortened position, then lock, then lengthen.");
}

/* The lock is between every tight spot on its muscle and the moving joint
 * (the insertion, s = 1): the stretch then misses them all. */
static bool lock_on_wrong_side(const sim_world *w, int muscle, float lock_at) {
    int n = sim_world_tangle_count(w), on_muscle = 0;
    for (int i = 0; i < n; i++) {
        const sim_tangle_desc *t = sim_world_tangle_desc(w, i);
        if (t->muscle != muscle) continue;
        on_muscle++;
        if (t->at > lock_at) return false; /* this one is between the lock and the insertion */
    }
    return on_muscle > 0;
}

static const lesson_danger_zone *danger_zone_at(const lesson *l, int muscle, float s) {
    for (int i = 0; i < l->danger_zone_count; i++) {
        const lesson_danger_zone *z = &l->danger_zones[i];
        if (z->muscle == muscle && s >= z->from && s <= z->to) return z;
    }
    return NULL;
}

static void measure_speed(coach *c, const sim_state *st) {
    int n = c->frames < COACH_SPEED_WINDOW ? (int)c->frames : COACH_SPEED_WINDOW;
    int slot = (int)(c->frames % COACH_SPEED_WINDOW);
    float oldest = n ? c->fraction[n < COACH_SPEED_WINDOW ? 0 : slot] : st->joint_fraction;
    c->fraction[slot] = st->joint_fraction;
    c->frames++;
    c->speed_deg_s = n ? (st->joint_fraction - oldest) * range_deg(c) / ((float)n * SIM_DT_S) : 0.0f;
    /* Moving back towards the shortened pose starts a new stretch. */
    if (c->speed_deg_s < -0.5f) c->peak_speed_deg_s = 0.0f;
    if (c->speed_deg_s > c->peak_speed_deg_s) c->peak_speed_deg_s = c->speed_deg_s;
}

bool coach_condition_met(const coach *c, const sim_world *w, const lesson_condition *cond) {
    sim_state st = sim_world_state(w);
    const sim_joint_desc *j = &c->lesson->desc.joint;
    switch (cond->kind) {
    case LESSON_COND_JOINT_NEAR: {
        float pose_deg = j->shortened_deg + cond->pose * (j->stretched_deg - j->shortened_deg);
        return fabsf(st.joint_deg - pose_deg) <= cond->within_deg;
    }
    case LESSON_COND_LOCK_BEFORE_TANGLE: {
        if (!st.locked || !c->lock_known || cond->tangle >= sim_world_tangle_count(w)) return false;
        const sim_tangle_desc *t = sim_world_tangle_desc(w, cond->tangle);
        float edge_s = t->at - 0.5f * t->length; /* the tangle's origin-side edge */
        return c->lock.muscle == t->muscle && st.lock_at <= edge_s && st.lock_at >= edge_s - cond->within;
    }
    case LESSON_COND_STRETCH_REACHED:
        return st.joint_fraction >= cond->to - 0.005f &&
               (cond->max_speed_deg_s <= 0.0f || c->peak_speed_deg_s <= cond->max_speed_deg_s);
    case LESSON_COND_UNLOCKED:
        return !st.locked;
    case LESSON_COND_ADHESIONS_RELEASED: {
        if (cond->tangle >= sim_world_tangle_count(w)) return false;
        sim_region_metrics m = sim_world_tangle_metrics(w, cond->tangle);
        return m.adhesions_total > 0 ? (float)m.adhesions_released >= cond->at_least * (float)m.adhesions_total
                                     : true;
    }
    case LESSON_COND_COUNT: break;
    }
    return false;
}

void coach_frame(coach *c, const sim_world *w) {
    sim_state st = sim_world_state(w);
    measure_speed(c, &st);
    bool locked = st.locked && c->lock_known;

    if (edge(c, COACH_PRESSURE_LOW, locked && st.lock_pressure_kpa < COACH_PRESSURE_LOW_KPA))
        say(c, COACH_PRESSURE_LOW, st.time_s,
            "Press harder: at %.0f kPa the lock will slip (aim for about 100 to 400 kPa).", st.lock_pressure_kpa);
    if (edge(c, COACH_PRESSURE_HIGH, locked && st.lock_pressure_kpa > COACH_PRESSURE_HIGH_KPA))
        say(c, COACH_PRESSURE_HIGH, st.time_s,
            "Ease off: at %.0f kPa the pressure hurts (aim for about 100 to 400 kPa).", st.lock_pressure_kpa);
    if (!c->hide_tangles &&
        edge(c, COACH_WRONG_SIDE, locked && lock_on_wrong_side(w, c->lock.muscle, st.lock_at)))
        say(c, COACH_WRONG_SIDE, st.time_s,
            "The lock is between the tight spot and the moving joint: move it towards the origin.");
    const lesson_danger_zone *zone = locked ? danger_zone_at(c->lesson, c->lock.muscle, st.lock_at) : NULL;
    if (edge(c, COACH_DANGER_ZONE, zone != NULL))
        say(c, COACH_DANGER_ZONE, st.time_s,
            "Move the lock off the %s: it is a danger zone, where nerves and blood vessels lie close under the skin.",
            zone->name);
    /* Said above the limit; said again only after slowing to 80% of it, so
     * a stretch at about the limit is one occurrence, not one a frame. */
    bool fast = c->speed_deg_s > COACH_FAST_DEG_S ||
                (c->holding[COACH_TOO_FAST] && c->speed_deg_s > 0.8f * COACH_FAST_DEG_S);
    if (edge(c, COACH_TOO_FAST, fast))
        say(c, COACH_TOO_FAST, st.time_s,
            "Slow down: at %.0f degrees per second the client guards. Stretch smoothly, a few degrees per second.",
            c->speed_deg_s);
    /* Said at 5; said again only after the pain has eased below 4. */
    bool pain = st.pain >= COACH_PAIN_STOP || (c->holding[COACH_PAIN] && st.pain >= COACH_PAIN_STOP - 1.0f);
    if (edge(c, COACH_PAIN, pain)) say(c, COACH_PAIN, st.time_s, "Stop: the client reports pain.");

    /* One step a frame, in order: each is seen done before the next is tried. */
    const lesson *l = c->lesson;
    if (c->step_next < l->step_count && coach_condition_met(c, w, &l->steps[c->step_next].done_when))
        c->step_done_s[c->step_next++] = st.time_s;
}
