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

/* The run's metrics with the alignment figures of the standard measurement. */
static sim_region_metrics standard(sim_region_metrics m, sim_region_metrics std) {
    m.alignment_now = std.alignment_now;
    m.healthy_alignment = std.healthy_alignment;
    return m;
}

static void fill_region(runner_region *r, const char *name, sim_region_metrics m, float alignment_start) {
    snprintf(r->name, sizeof r->name, "%s", name);
    r->m = m;
    /* The start is what the world looked like before the first step. */
    r->m.alignment_start = alignment_start;
}

/* One action, and what the coach, the quiz and the report must know of it. */
static void apply_action(const script_action *a, sim_world *w, coach *c, quiz_watch *q, runner_report *out) {
    script_apply(a, w);
    if (a->verb == SCRIPT_LOCK) {
        coach_on_lock(c, w, &a->lock);
        quiz_watch_lock(q, &a->lock);
    } else if (a->verb == SCRIPT_UNLOCK) {
        quiz_watch_unlock(q);
    } else if (a->verb == SCRIPT_PALPATE && out->palpation_count < RUNNER_MAX_PALPATIONS) {
        runner_palpation *p = &out->palpations[out->palpation_count++];
        p->time_s = sim_world_state(w).time_s;
        p->muscle = a->lock.muscle;
        p->at = a->lock.at;
        p->pressure_kpa = a->lock.pressure_kpa;
        p->felt = sim_world_palpate(w, a->lock.muscle, a->lock.at, a->lock.pressure_kpa);
    }
}

bool runner_run(const lesson *l, const script *s, uint64_t seed, runner_report *out, lesson_error *err) {
    return runner_run_with(l, s, seed, NULL, out, err);
}

bool runner_run_with(const lesson *l, const script *s, uint64_t seed, const runner_options *opt,
                     runner_report *out, lesson_error *err) {
    memset(out, 0, sizeof *out);
    sim_world_desc desc = l->desc;
    desc.seed = seed;
    bool quiz = opt && opt->quiz;
    quiz_spot spot = {0};
    if (quiz) spot = quiz_hide_tangle(&desc, seed);
    const char *bad = sim_validate_desc(&desc);
    if (bad) {
        int n = snprintf(err->message, sizeof err->message, "%.400s: %s", l->path, bad);
        (void)n;
        return false;
    }
    sim_world *w = sim_world_create(&desc);
    if (!w) {
        int n = snprintf(err->message, sizeof err->message, "%.400s: cannot build the model (out of memory?)", l->path);
        (void)n;
        return false;
    }
    script_action fallback;
    script plain;
    if (!s) {
        plain = plain_stretch(&fallback);
        s = &plain;
    }

    out->rom_start_deg = sim_world_assess_rom_deg(w);
    int muscles = sim_world_muscle_count(w), tangles = sim_world_tangle_count(w);
    if (muscles > SIM_MAX_MUSCLES) muscles = SIM_MAX_MUSCLES;
    if (tangles > SIM_MAX_TANGLES) tangles = SIM_MAX_TANGLES;
    /* alignment by the standard measurement, before and after, so the two compare */
    sim_region_metrics muscle_std[SIM_MAX_MUSCLES], tangle_std[SIM_MAX_TANGLES];
    float muscle_align0[SIM_MAX_MUSCLES], tangle_align0[SIM_MAX_TANGLES];
    if (!sim_world_assess_alignment(w, muscle_std, tangle_std)) {
        snprintf(err->message, sizeof err->message, "%.400s: out of memory", l->path);
        sim_world_destroy(w);
        return false;
    }
    for (int i = 0; i < muscles; i++) muscle_align0[i] = muscle_std[i].alignment_now;
    for (int i = 0; i < tangles; i++) tangle_align0[i] = tangle_std[i].alignment_now;

    /* The coach and the quiz watch every frame; they live on the heap (the
     * coach keeps its messages). */
    coach *c = malloc(sizeof *c);
    if (!c) {
        snprintf(err->message, sizeof err->message, "%.400s: out of memory", l->path);
        sim_world_destroy(w);
        return false;
    }
    coach_init(c, l, quiz);
    quiz_watch q;
    quiz_watch_init(&q);
    float range_deg = fabsf(l->desc.joint.stretched_deg - l->desc.joint.shortened_deg);

    long long end_frame = frame_at(s->end_s);
    int next = 0;
    timeseries *series = opt ? opt->series : NULL;
    for (long long frame = 0;; frame++) {
        while (next < s->count && frame_at(s->actions[next].time_s) <= frame)
            apply_action(&s->actions[next++], w, c, &q, out);
        /* the state after this frame's actions; the end is always sampled */
        if (series && (frame % TIMESERIES_EVERY_FRAMES == 0 || frame >= end_frame)) timeseries_sample_world(series, w);
        if (frame >= end_frame) break;
        sim_world_step(w);
        coach_frame(c, w);
        sim_state now = sim_world_state(w);
        quiz_watch_frame(&q, &now, c->speed_deg_s, range_deg);
    }
    out->step_count = l->step_count;
    for (int i = 0; i < l->step_count; i++) {
        out->steps[i].done = i < c->step_next;
        out->steps[i].time_s = out->steps[i].done ? c->step_done_s[i] : 0.0;
    }
    out->feedback_count = c->message_count;
    memcpy(out->feedback, c->messages, (size_t)c->message_count * sizeof *c->messages);
    free(c);

    sim_state st = sim_world_state(w);
    sim_totals tot = sim_world_totals(w);
    snprintf(out->lesson, sizeof out->lesson, "%s", l->id);
    out->seed = seed;
    out->mode = l->desc.mode;
    out->sim_time_s = st.time_s;
    out->peak_pain = tot.peak_pain;
    out->peak_tone = tot.peak_tone;
    out->peak_pressure_kpa = tot.peak_pressure_kpa;
    out->lock_slips = st.lock_slips;
    out->rom_end_deg = sim_world_assess_rom_deg(w);
    out->state_hash = sim_world_state_hash(w);

    if (!sim_world_assess_alignment(w, muscle_std, tangle_std)) {
        snprintf(err->message, sizeof err->message, "%.400s: out of memory", l->path);
        sim_world_destroy(w);
        return false;
    }
    out->muscle_count = muscles;
    for (int i = 0; i < muscles; i++)
        fill_region(&out->muscles[i], sim_world_muscle_desc(w, i)->name, standard(sim_world_muscle_metrics(w, i), muscle_std[i]),
                    muscle_align0[i]);
    out->tangle_count = tangles;
    for (int i = 0; i < tangles; i++) {
        const sim_tangle_desc *td = sim_world_tangle_desc(w, i);
        runner_region *r = &out->tangles[i];
        fill_region(r, sim_world_muscle_desc(w, td->muscle)->name, standard(sim_world_tangle_metrics(w, i), tangle_std[i]),
                    tangle_align0[i]);
        r->at = td->at;
        r->length = td->length;
    }

    /* Lesson-wide figures: the tangles are what the lesson is about; with
     * none, the first muscle stands in for them. */
    if (tangles > 0) {
        double a0 = 0, a1 = 0, healthy = 0;
        for (int i = 0; i < tangles; i++) {
            const sim_region_metrics *m = &out->tangles[i].m;
            out->adhesions_total += m->adhesions_total;
            out->adhesions_released += m->adhesions_released;
            a0 += m->alignment_start;
            a1 += m->alignment_now;
            healthy += m->healthy_alignment;
        }
        out->alignment_start = (float)(a0 / tangles);
        out->alignment_end = (float)(a1 / tangles);
        out->healthy_alignment = (float)(healthy / tangles);
    } else if (muscles > 0) {
        out->alignment_start = out->muscles[0].m.alignment_start;
        out->alignment_end = out->muscles[0].m.alignment_now;
        out->healthy_alignment = out->muscles[0].m.healthy_alignment;
    }
    if (quiz) {
        out->quiz = true;
        quiz_outcome o = {.peak_pain = out->peak_pain,
                          .adhesions_total = out->tangles[0].m.adhesions_total,
                          .adhesions_released = out->tangles[0].m.adhesions_released,
                          .rom_start_deg = out->rom_start_deg,
                          .rom_end_deg = out->rom_end_deg};
        quiz_score_run(&spot, &q, &o, &out->score);
    }
    sim_world_destroy(w);
    return true;
}
