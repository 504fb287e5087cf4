/* report.c: the run's report as JSON, written whole or not at all.
 *
 * Key names are an interface (tests and instructors' tools read them): keep
 * them exactly as assets/lessons/README.md lists them. Numbers are printed
 * with the fewest digits that read back as the same value; a value that is
 * not finite becomes null, since JSON has no NaN.
 */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_save.h"
#include "runner.h"

/* Tenderness (0..10) at which the client says "that's tender" (illustrative). */
#define REPORT_TENDER 2.0f

static void put_string(FILE *f, const char *s) {
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* The shortest decimal that reads back as the same value: 0.6, not
 * 0.600000024. `is_float` picks float or double round-trip precision. */
static void put_number(FILE *f, double x, bool is_float) {
    if (!isfinite(x)) {
        fputs("null", f);
        return;
    }
    char buf[40];
    for (int digits = is_float ? 6 : 15; digits <= (is_float ? 9 : 17); digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (is_float ? strtof(buf, NULL) == (float)x : strtod(buf, NULL) == x) break;
    }
    fputs(buf, f);
}

static void put_float(FILE *f, float x) {
    put_number(f, x, true);
}

static void put_region(FILE *f, const runner_region *r, bool tangle) {
    fputs("{", f);
    fputs(tangle ? "\"muscle\": " : "\"name\": ", f);
    put_string(f, r->name);
    if (tangle) {
        fputs(", \"at\": ", f);
        put_float(f, r->at);
        fputs(", \"length\": ", f);
        put_float(f, r->length);
    }
    fprintf(f, ", \"adhesions_total\": %d, \"adhesions_released\": %d", r->m.adhesions_total,
            r->m.adhesions_released);
    fputs(", \"alignment_start\": ", f);
    put_float(f, r->m.alignment_start);
    fputs(", \"alignment_end\": ", f);
    put_float(f, r->m.alignment_now);
    fputs(", \"peak_strain\": ", f);
    put_float(f, r->m.peak_strain);
    fputs("}", f);
}

/* A list of entries, one a line; `put` writes entry i. */
static void put_list(FILE *f, const char *key, int count, const runner_report *r,
                     void (*put)(FILE *, const runner_report *, int)) {
    fprintf(f, ",\n  \"%s\": [", key);
    for (int i = 0; i < count; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        put(f, r, i);
    }
    fputs(count ? "\n  ]" : "]", f);
}

/* steps[]: the lesson's steps in order, whether and when each was done. */
static void put_step(FILE *f, const runner_report *r, int i) {
    fprintf(f, "{\"step\": %d, \"done\": %s, \"time_s\": ", i + 1, r->steps[i].done ? "true" : "false");
    if (r->steps[i].done)
        put_number(f, r->steps[i].time_s, false);
    else
        fputs("null", f);
    fputs("}", f);
}

/* feedback[]: what the coach said, when, and the rule it comes from. */
static void put_feedback(FILE *f, const runner_report *r, int i) {
    const coach_message *m = &r->feedback[i];
    fputs("{\"id\": ", f);
    put_string(f, coach_id_name(m->id));
    fputs(", \"time_s\": ", f);
    put_number(f, m->time_s, false);
    fputs(", \"text\": ", f);
    put_string(f, m->text);
    fputs(", \"rule\": ", f);
    put_string(f, coach_rule(m->id));
    fputs("}", f);
}

/* palpations[]: what the thumb felt; "tender" is the client saying so. */
static void put_palpation(FILE *f, const runner_report *r, int i) {
    const runner_palpation *p = &r->palpations[i];
    fputs("{\"time_s\": ", f);
    put_number(f, p->time_s, false);
    fputs(", \"muscle\": ", f);
    put_string(f, p->muscle >= 0 && p->muscle < r->muscle_count ? r->muscles[p->muscle].name : "?");
    fputs(", \"at\": ", f);
    put_float(f, p->at);
    fputs(", \"pressure_kpa\": ", f);
    put_float(f, p->pressure_kpa);
    fputs(", \"stiffness_n_per_mm\": ", f);
    put_float(f, p->felt.stiffness_n_per_mm);
    fputs(", \"tenderness\": ", f);
    put_float(f, p->felt.tenderness);
    fprintf(f, ", \"tender\": %s}", p->felt.tenderness >= REPORT_TENDER ? "true" : "false");
}

static void put_score_part(FILE *f, const runner_report *r, int i) {
    const quiz_part *p = &r->score.parts[i];
    fputs("{\"part\": ", f);
    put_string(f, p->name);
    fprintf(f, ", \"points\": %d, \"max\": %d, \"reason\": ", p->points, p->max);
    put_string(f, p->reason);
    fputs("}", f);
}

/* Keys added for teaching (issue 6), after the model's keys. */
static void put_teaching(FILE *f, const runner_report *r) {
    put_list(f, "steps", r->step_count, r, put_step);
    put_list(f, "feedback", r->feedback_count, r, put_feedback);
    put_list(f, "palpations", r->palpation_count, r, put_palpation);
    if (r->quiz) {
        fprintf(f, ",\n  \"score\": %d", r->score.total);
        put_list(f, "score_parts", QUIZ_PARTS, r, put_score_part);
    }
}

static void put_report(FILE *f, const runner_report *r) {
    fputs("{\n  \"lesson\": ", f);
    put_string(f, r->lesson);
    fprintf(f, ",\n  \"seed\": %" PRIu64 ",\n  \"mode\": ", r->seed);
    put_string(f, sim_mode_name(r->mode));
    fputs(",\n  \"sim_time_s\": ", f);
    put_number(f, r->sim_time_s, false);
    fprintf(f, ",\n  \"adhesions_total\": %d,\n  \"adhesions_released\": %d", r->adhesions_total,
            r->adhesions_released);
    const struct {
        const char *key;
        float value;
    } floats[] = {
        {"alignment_start", r->alignment_start}, {"alignment_end", r->alignment_end},
        {"healthy_alignment", r->healthy_alignment}, {"rom_start_deg", r->rom_start_deg},
        {"rom_end_deg", r->rom_end_deg}, {"peak_pain", r->peak_pain}, {"peak_tone", r->peak_tone},
    };
    for (size_t i = 0; i < sizeof floats / sizeof *floats; i++) {
        fprintf(f, ",\n  \"%s\": ", floats[i].key);
        put_float(f, floats[i].value);
    }
    fprintf(f, ",\n  \"lock_slips\": %d,\n  \"peak_pressure_kpa\": ", r->lock_slips);
    put_float(f, r->peak_pressure_kpa);
    fputs(",\n  \"muscles\": [", f);
    for (int i = 0; i < r->muscle_count; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        put_region(f, &r->muscles[i], false);
    }
    fputs(r->muscle_count ? "\n  ],\n  \"tangles\": [" : "],\n  \"tangles\": [", f);
    for (int i = 0; i < r->tangle_count; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        put_region(f, &r->tangles[i], true);
    }
    fprintf(f, "%s],\n  \"state_hash\": \"%016" PRIx64 "\"", r->tangle_count ? "\n  " : "", r->state_hash);
    put_teaching(f, r);
    fputs("\n}\n", f);
}

static void put_report_file(FILE *f, const void *r) {
    put_report(f, r);
}

bool report_write_json(const runner_report *r, const char *path) {
    if (strcmp(path, "-") == 0) {
        put_report(stdout, r);
        return fflush(stdout) == 0 && !ferror(stdout);
    }
    return report_file_stage(path, put_report_file, r) && report_file_commit(path);
}
