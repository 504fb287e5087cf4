/* runner.c: the headless runner: a lesson, a script and a seed -> a report.
 *
 * Time is counted in whole frames of SIM_DT_S, never by adding floats, so a
 * run is the same on every build: an action at time t is applied before the
 * step that begins at frame round(t * 60), and the run stops when the frame
 * count reaches round(end_s * 60).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"
#include "session.h"

/* 1 / SIM_DT_S as an exact number, for turning seconds into frames. */
#define RUNNER_FRAMES_PER_S 60.0

static long long frame_at(double t_s) {
    return llround(t_s * RUNNER_FRAMES_PER_S);
}

/* The run with no script: a plain stretch with no lock, then a short rest. */
static script plain_stretch(script_action *storage) {
    memset(storage, 0, sizeof *storage);
    storage->verb = SCRIPT_STRETCH;
    storage->to = 1.0f;
    storage->over_s = 12.0f;
    return (script){.actions = storage, .count = 1, .end_s = 12.0 + 5.0};
}

/* One action, and what the session must know of it. */
static void apply_action(const script_action *a, sim_world *w, session *s) {
    script_apply(a, w);
    if (a->verb == SCRIPT_LOCK) session_lock(s, w, &a->lock);
    else if (a->verb == SCRIPT_UNLOCK) session_unlock(s);
    else if (a->verb == SCRIPT_PALPATE) session_palpate(s, w, a->lock.muscle, a->lock.at, a->lock.pressure_kpa);
}

bool runner_run(const lesson *l, const script *s, uint64_t seed, runner_report *out, lesson_error *err) {
    return runner_run_with(l, s, seed, NULL, out, err);
}

bool runner_run_with(const lesson *l, const script *s, uint64_t seed, const runner_options *opt,
                     runner_report *out, lesson_error *err) {
    memset(out, 0, sizeof *out);
    sim_world_desc desc;
    session *ses = session_create(l, seed, opt && opt->quiz, &desc);
    if (!ses) {
        snprintf(err->message, sizeof err->message, "%.400s: out of memory", l->path);
        return false;
    }
    const char *bad = sim_validate_desc(&desc);
    if (bad) {
        snprintf(err->message, sizeof err->message, "%.400s: %s", l->path, bad);
        session_destroy(ses);
        return false;
    }
    sim_world *w = sim_world_create(&desc);
    if (!w || !session_begin(ses, w)) {
        snprintf(err->message, sizeof err->message, "%.400s: cannot build the model (out of memory?)", l->path);
        sim_world_destroy(w);
        session_destroy(ses);
        return false;
    }
    script_action fallback;
    script plain;
    if (!s) {
        plain = plain_stretch(&fallback);
        s = &plain;
    }

    long long end_frame = frame_at(s->end_s);
    int next = 0;
    timeseries *series = opt ? opt->series : NULL;
    for (long long frame = 0;; frame++) {
        while (next < s->count && frame_at(s->actions[next].time_s) <= frame)
            apply_action(&s->actions[next++], w, ses);
        /* the state after this frame's actions; the end is always sampled */
        if (series && (frame % TIMESERIES_EVERY_FRAMES == 0 || frame >= end_frame)) timeseries_sample_world(series, w);
        if (frame >= end_frame) break;
        sim_world_step(w);
        session_frame(ses, w);
    }
    bool ok = session_report(ses, w, out);
    if (!ok) snprintf(err->message, sizeof err->message, "%.400s: out of memory", l->path);
    session_destroy(ses);
    sim_world_destroy(w);
    return ok;
}
