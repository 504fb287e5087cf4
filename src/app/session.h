/* session.h: one treatment of a lesson, as it is taught: the coach watching
 * every model step (feedback in plain words, the lesson's steps), the
 * quiz's watch in a quiz, the palpations, and at the end a runner_report.
 * The headless runner and the window drive the same session:
 *
 *     session *s = session_create(l, seed, quiz, &desc);   desc: the world to build
 *     sim_world *w = sim_world_create(&desc); session_begin(s, w);
 *     sim_world_lock(w, &lock); session_lock(s, w, &lock);  (the window: session_notice)
 *     sim_world_step(w); session_frame(s, w);
 *     session_report(s, w, &report);  session_destroy(s);
 */
#ifndef FIBRELAB_SESSION_H
#define FIBRELAB_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coach.h"
#include "lesson.h"
#include "quiz.h"
#include "runner.h"
#include "sim.h"
#include "timeseries.h"

typedef struct session {
    const lesson *lesson;
    uint64_t seed;
    bool quiz;
    quiz_spot spot;              /* the hidden tangle (quiz only) */
    coach coach;
    quiz_watch watch;
    float range_deg;             /* shortened to stretched pose */
    float rom_start_deg;
    int muscles, tangles;
    float muscle_align0[SIM_MAX_MUSCLES], tangle_align0[SIM_MAX_TANGLES];
    runner_palpation palpations[RUNNER_MAX_PALPATIONS];
    int palpation_count;
    bool lock_seen;              /* session_notice: the lock last told to the coach */
    sim_lock_desc seen;
} session;

/* A session for the lesson; desc gets the world to build (the lesson's with
 * the seed; in a quiz one tangle hidden by the seed). NULL: out of memory. */
session *session_create(const lesson *l, uint64_t seed, bool quiz, sim_world_desc *desc);
void session_destroy(session *s);
/* The world as it starts (range, alignment): before its first step. False: out of memory. */
bool session_begin(session *s, const sim_world *w);
/* A lock was just placed / lifted (after sim_world_lock / sim_world_unlock). */
void session_lock(session *s, const sim_world *w, const sim_lock_desc *lock);
void session_unlock(session *s);
/* For the window, whose controls lock the world directly: tells the coach
 * and the quiz of a lock placed, moved, pressed again or lifted since the
 * last call, read from the world's state (`tool`: the controls' tool). */
void session_notice(session *s, const sim_world *w, sim_tool tool);
/* Presses at s along the muscle, recorded for the report. */
sim_palpation session_palpate(session *s, const sim_world *w, int muscle, float at, float pressure_kpa);
/* After each sim_world_step. */
void session_frame(session *s, const sim_world *w);
/* The report of the treatment so far (metrics measured now, steps,
 * feedback, palpations, the quiz's score). False: out of memory. */
bool session_report(session *s, const sim_world *w, runner_report *out);

/* The report so far and the series (sampled once more, now) saved into
 * dir by report_save: the paths in html and csv, or the reason in err. */
bool session_save_report(session *s, const sim_world *w, timeseries *series, const char *dir, char *html, char *csv,
                         size_t path_size, char *err, size_t err_size);

#endif
