/* runner.h: the headless runner: a lesson, a script, a seed -> a report. */
#ifndef FIBRELAB_RUNNER_H
#define FIBRELAB_RUNNER_H

#include <stdbool.h>
#include <stdint.h>

#include "coach.h"
#include "lesson.h"
#include "quiz.h"
#include "script.h"
#include "sim.h"
#include "timeseries.h"

#define RUNNER_MAX_PALPATIONS 64

typedef struct runner_region {
    char name[SIM_NAME_MAX];  /* muscle name (for a tangle: its muscle's name) */
    float at, length;         /* tangles only */
    sim_region_metrics m;
} runner_region;

typedef struct runner_step {
    bool done;
    double time_s; /* model time when it was done */
} runner_step;

typedef struct runner_palpation {
    double time_s;
    int muscle;
    float at, pressure_kpa;
    sim_palpation felt;
} runner_palpation;

typedef struct runner_report {
    char lesson[64];
    uint64_t seed;
    sim_mode mode;
    double sim_time_s;
    int adhesions_total, adhesions_released;
    float alignment_start, alignment_end, healthy_alignment;
    float rom_start_deg, rom_end_deg;
    float peak_pain, peak_tone, peak_pressure_kpa;
    int lock_slips;
    runner_region muscles[SIM_MAX_MUSCLES];
    int muscle_count;
    runner_region tangles[SIM_MAX_TANGLES];
    int tangle_count;
    uint64_t state_hash;
    /* teaching (issue 6): the lesson's steps, the coach's feedback, palpations, the quiz */
    runner_step steps[LESSON_MAX_STEPS];
    int step_count;
    coach_message feedback[COACH_MAX_MESSAGES];
    int feedback_count;
    runner_palpation palpations[RUNNER_MAX_PALPATIONS];
    int palpation_count;
    bool quiz;
    quiz_score score;
} runner_report;

typedef struct runner_options {
    bool quiz;          /* hide one tangle placed by the seed, and score the treatment */
    timeseries *series; /* not NULL: sampled at the start, every 0.1 s and at the end */
} runner_options;

/* Runs the script (NULL: a plain stretch to 1 over 12 s with no lock) on a
 * world made from the lesson with the given seed. Returns false only when the
 * world cannot be built (message in err). */
bool runner_run(const lesson *l, const script *s, uint64_t seed,
                runner_report *out, lesson_error *err);
/* The same with options (NULL: none). */
bool runner_run_with(const lesson *l, const script *s, uint64_t seed, const runner_options *opt,
                     runner_report *out, lesson_error *err);

/* Writes the report as JSON to path ("-" = stdout), whole or not at all
 * (a temporary file renamed into place). Returns false with errno set. */
bool report_write_json(const runner_report *r, const char *path);

#endif
