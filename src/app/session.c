/* session.c: a treatment watched by the coach and the quiz, and its report
 * (session.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_save.h"
#include "session.h"

session *session_create(const lesson *l, uint64_t seed, bool quiz, sim_world_desc *desc) {
    session *s = calloc(1, sizeof *s); /* the coach keeps its messages: large for a stack */
    if (!s) return NULL;
    s->lesson = l;
    s->seed = seed;
    s->quiz = quiz;
    *desc = l->desc;
    desc->seed = seed;
    if (quiz) s->spot = quiz_hide_tangle(desc, seed);
    coach_init(&s->coach, l, quiz);
    quiz_watch_init(&s->watch);
    s->range_deg = fabsf(l->desc.joint.stretched_deg - l->desc.joint.shortened_deg);
    return s;
}

void session_destroy(session *s) {
    free(s);
}

bool session_begin(session *s, const sim_world *w) {
    s->rom_start_deg = sim_world_assess_rom_deg(w);
    s->muscles = sim_world_muscle_count(w), s->tangles = sim_world_tangle_count(w);
    if (s->muscles > SIM_MAX_MUSCLES) s->muscles = SIM_MAX_MUSCLES;
    if (s->tangles > SIM_MAX_TANGLES) s->tangles = SIM_MAX_TANGLES;
    /* alignment by the standard measurement, before and after, so the two compare */
    sim_region_metrics muscle_std[SIM_MAX_MUSCLES], tangle_std[SIM_MAX_TANGLES];
    if (!sim_world_assess_alignment(w, muscle_std, tangle_std)) return false;
    for (int i = 0; i < s->muscles; i++) s->muscle_align0[i] = muscle_std[i].alignment_now;
    for (int i = 0; i < s->tangles; i++) s->tangle_align0[i] = tangle_std[i].alignment_now;
    return true;
}

void session_lock(session *s, const sim_world *w, const sim_lock_desc *lock) {
    coach_on_lock(&s->coach, w, lock);
    quiz_watch_lock(&s->watch, lock);
    s->lock_seen = true;
    s->seen = *lock;
}

void session_unlock(session *s) {
    quiz_watch_unlock(&s->watch);
    s->lock_seen = false;
}

/* How far the lock may have slid from where it was put before it counts as placed again. */
#define SESSION_MOVED_S 0.05f

void session_notice(session *s, const sim_world *w, sim_tool tool) {
    sim_state st = sim_world_state(w);
    if (!st.locked) {
        if (s->lock_seen) session_unlock(s);
        return;
    }
    sim_lock_desc now = {.muscle = st.lock_muscle, .at = st.lock_at, .pressure_kpa = st.lock_pressure_kpa, .tool = tool};
    bool placed = !s->lock_seen || now.muscle != s->seen.muscle || now.pressure_kpa != s->seen.pressure_kpa ||
                  (!st.lock_sliding && fabsf(now.at - s->seen.at) > SESSION_MOVED_S);
    if (placed) session_lock(s, w, &now);
}

sim_palpation session_palpate(session *s, const sim_world *w, int muscle, float at, float pressure_kpa) {
    sim_palpation felt = sim_world_palpate(w, muscle, at, pressure_kpa);
    if (s->palpation_count < RUNNER_MAX_PALPATIONS) {
        runner_palpation *p = &s->palpations[s->palpation_count++];
        p->time_s = sim_world_state(w).time_s;
        p->muscle = muscle;
        p->at = at;
        p->pressure_kpa = pressure_kpa;
        p->felt = felt;
    }
    return felt;
}

void session_frame(session *s, const sim_world *w) {
    coach_frame(&s->coach, w);
    sim_state now = sim_world_state(w);
    quiz_watch_frame(&s->watch, &now, s->coach.speed_deg_s, s->range_deg);
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

bool session_report(session *s, const sim_world *w, runner_report *out) {
    memset(out, 0, sizeof *out);
    const lesson *l = s->lesson;
    const coach *c = &s->coach;
    out->step_count = l->step_count;
    for (int i = 0; i < l->step_count; i++) {
        out->steps[i].done = i < c->step_next;
        out->steps[i].time_s = out->steps[i].done ? c->step_done_s[i] : 0.0;
    }
    out->feedback_count = c->message_count;
    memcpy(out->feedback, c->messages, (size_t)c->message_count * sizeof *c->messages);
    out->palpation_count = s->palpation_count;
    memcpy(out->palpations, s->palpations, (size_t)s->palpation_count * sizeof *s->palpations);

    sim_state st = sim_world_state(w);
    sim_totals tot = sim_world_totals(w);
    snprintf(out->lesson, sizeof out->lesson, "%s", l->id);
    out->seed = s->seed;
    out->mode = l->desc.mode;
    out->sim_time_s = st.time_s;
    out->peak_pain = tot.peak_pain;
    out->peak_tone = tot.peak_tone;
    out->peak_pressure_kpa = tot.peak_pressure_kpa;
    out->lock_slips = st.lock_slips;
    out->rom_start_deg = s->rom_start_deg;
    out->rom_end_deg = sim_world_assess_rom_deg(w);
    out->state_hash = sim_world_state_hash(w);

    sim_region_metrics muscle_std[SIM_MAX_MUSCLES], tangle_std[SIM_MAX_TANGLES];
    if (!sim_world_assess_alignment(w, muscle_std, tangle_std)) return false;
    int muscles = s->muscles, tangles = s->tangles;
    out->muscle_count = muscles;
    for (int i = 0; i < muscles; i++)
        fill_region(&out->muscles[i], sim_world_muscle_desc(w, i)->name, standard(sim_world_muscle_metrics(w, i), muscle_std[i]),
                    s->muscle_align0[i]);
    out->tangle_count = tangles;
    for (int i = 0; i < tangles; i++) {
        const sim_tangle_desc *td = sim_world_tangle_desc(w, i);
        runner_region *r = &out->tangles[i];
        fill_region(r, sim_world_muscle_desc(w, td->muscle)->name, standard(sim_world_tangle_metrics(w, i), tangle_std[i]),
                    s->tangle_align0[i]);
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
    if (s->quiz) {
        out->quiz = true;
        quiz_outcome o = {.peak_pain = out->peak_pain,
                          .adhesions_total = out->tangles[0].m.adhesions_total,
                          .adhesions_released = out->tangles[0].m.adhesions_released,
                          .rom_start_deg = out->rom_start_deg,
                          .rom_end_deg = out->rom_end_deg};
        /* the score marks a copy of the watch: the session can go on */
        quiz_watch q = s->watch;
        quiz_score_run(&s->spot, &q, &o, &out->score);
    }
    return true;
}

bool session_save_report(session *s, const sim_world *w, timeseries *series, const char *dir, char *html, char *csv,
                         size_t path_size, char *err, size_t err_size) {
    runner_report *r = malloc(sizeof *r); /* large for a stack */
    if (!r || !session_report(s, w, r)) {
        free(r);
        snprintf(err, err_size, "%s: cannot write report: out of memory", dir);
        return false;
    }
    timeseries_sample_world(series, w); /* up to now */
    bool ok = report_save(r, s->lesson, series, dir, html, csv, path_size, err, err_size);
    free(r);
    return ok;
}
