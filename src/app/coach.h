/* coach.h: feedback in plain words while a treatment happens, and a
 * lesson's steps checked against the model.
 *
 * The coach watches the model once per frame (sim_world_state, the lesson)
 * and says so when a rule of the technique (shared/DESIGN.md section 2) is
 * broken: once when it starts being broken, with the model time, not every
 * frame. Each message has a stable id that tools and tests can rely on. The
 * model's state does not say which muscle the lock is on, so whoever places
 * a lock tells the coach (coach_on_lock). Headless runner and window alike:
 *
 *     coach c; coach_init(&c, lesson, false);
 *     sim_world_lock(w, &lock); coach_on_lock(&c, w, &lock);
 *     sim_world_step(w); coach_frame(&c, w);
 */
#ifndef FIBRELAB_COACH_H
#define FIBRELAB_COACH_H

#include <stdbool.h>

#include "lesson.h"
#include "sim.h"

typedef enum coach_id {
    COACH_LOCK_BEFORE_SHORTENING, /* "lock-before-shortening" */
    COACH_PRESSURE_LOW,           /* "pressure-low" */
    COACH_PRESSURE_HIGH,          /* "pressure-high" */
    COACH_WRONG_SIDE,             /* "lock-wrong-side" */
    COACH_TOO_FAST,               /* "stretch-too-fast" */
    COACH_PAIN,                   /* "pain" */
    COACH_DANGER_ZONE,            /* "danger-zone" */
    COACH_ID_COUNT
} coach_id;

/* The rules' thresholds (DESIGN.md section 2). */
#define COACH_PRESSURE_LOW_KPA 100.0f  /* below: the lock slips */
#define COACH_PRESSURE_HIGH_KPA 400.0f /* above: it hurts */
#define COACH_FAST_DEG_S 10.0f         /* "a few degrees per second"; the demonstrations go at 7.5 */
#define COACH_PAIN_STOP 5.0f           /* pain the client reports as pain, 0..10 */
#define COACH_SHORT_FRACTION 0.2f      /* "shortened": within this share of the range from the shortened pose */
#define COACH_SPEED_WINDOW 30          /* frames (0.5 s) over which the joint's speed is measured */

#define COACH_MAX_MESSAGES 64
#define COACH_TEXT_MAX 200

const char *coach_id_name(coach_id id); /* the stable id, e.g. "pressure-low" */
const char *coach_rule(coach_id id);    /* the rule it comes from, in words */

typedef struct coach_message {
    coach_id id;
    double time_s; /* model time when it was said */
    char text[COACH_TEXT_MAX];
} coach_message;

typedef struct coach {
    const lesson *lesson;
    bool hide_tangles; /* a quiz: say nothing that gives away where the tight spot is */
    coach_message messages[COACH_MAX_MESSAGES];
    int message_count, messages_dropped;
    bool holding[COACH_ID_COUNT]; /* the rule is broken now (said when this became true) */
    bool lock_known;
    sim_lock_desc lock;           /* the last lock placed */
    float fraction[COACH_SPEED_WINDOW]; /* joint pose fraction, last frames (ring) */
    long frames;
    float speed_deg_s;            /* towards the stretched pose, over the window; < 0 shortening */
    float peak_speed_deg_s;       /* highest lengthening speed since the joint last moved back */
    int step_next;                /* the step being worked on; step_count when all done */
    double step_done_s[LESSON_MAX_STEPS];
} coach;

/* `hide_tangles`: for a quiz, where the wrong-side message would give the spot away. */
void coach_init(coach *c, const lesson *l, bool hide_tangles);
/* A lock was just placed (after sim_world_lock). */
void coach_on_lock(coach *c, const sim_world *w, const sim_lock_desc *lock);
/* After each sim_world_step: the rules and the current step. */
void coach_frame(coach *c, const sim_world *w);

/* Whether a step's condition holds now (steps complete in order in coach_frame). */
bool coach_condition_met(const coach *c, const sim_world *w, const lesson_condition *cond);

#endif
