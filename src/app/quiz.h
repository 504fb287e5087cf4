/* quiz.h: "find the tight spot": one hidden tangle placed by the seed, and
 * a score out of 100 for how it was treated, with a reason for each part.
 *
 * The quiz watches the treatment the way the coach does (a lock placed, the
 * joint moving) and keeps the lock that held while the muscle lengthened
 * most: that is the treatment being marked.
 */
#ifndef FIBRELAB_QUIZ_H
#define FIBRELAB_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "sim.h"

/* The best lock: on the origin side of the spot, within this (as s) of its origin-side edge. */
#define QUIZ_BEST_WITHIN 0.1f
#define QUIZ_PARTS 6
#define QUIZ_REASON_MAX 200

typedef struct quiz_spot {
    int muscle;
    float at, length; /* centre and extent, as s */
} quiz_spot;

/* Replaces desc's tangles with one tangle whose position comes from the
 * seed alone (same seed, same spot): on the first tangle's muscle (else the
 * first muscle), in the muscle belly, away from both ends. Its size, share
 * and severity are the first tangle's, else two-bands' (0.12, 0.3, 0.8). */
quiz_spot quiz_hide_tangle(sim_world_desc *desc, uint64_t seed);

/* What was done, as the quiz saw it. */
typedef struct quiz_watch {
    bool locked;
    sim_lock_desc lock;       /* the lock in place */
    float lengthened_deg;     /* joint movement towards the stretched pose under it */
    float peak_speed_deg_s;   /* fastest lengthening under it */
    bool have_best;
    sim_lock_desc best;       /* the lock under which the muscle lengthened most */
    float best_lengthened_deg, best_peak_speed_deg_s;
    float last_fraction;
    bool started;
} quiz_watch;

void quiz_watch_init(quiz_watch *q);
void quiz_watch_lock(quiz_watch *q, const sim_lock_desc *lock);
void quiz_watch_unlock(quiz_watch *q);
/* After each step: `speed_deg_s` is the coach's measured lengthening speed,
 * `range_deg` the joint's range from shortened to stretched pose. */
void quiz_watch_frame(quiz_watch *q, const sim_state *st, float speed_deg_s, float range_deg);

typedef struct quiz_part {
    const char *name;  /* "lock_position", "pressure", "stretch_speed", "pain", "adhesions_released", "range_gained" */
    const char *title; /* the same for a student: "Lock position", ... */
    int points, max;
    char reason[QUIZ_REASON_MAX];
} quiz_part;

typedef struct quiz_score {
    int total; /* 0..100 */
    quiz_part parts[QUIZ_PARTS];
} quiz_score;

/* The outcome of the run, besides what the watch saw. */
typedef struct quiz_outcome {
    float peak_pain;
    int adhesions_total, adhesions_released; /* of the hidden tangle */
    float rom_start_deg, rom_end_deg;
} quiz_outcome;

void quiz_score_run(const quiz_spot *spot, quiz_watch *q, const quiz_outcome *o, quiz_score *out);

#endif
