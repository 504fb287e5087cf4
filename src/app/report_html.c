/* report_html.c: the report a student hands in, as one self-contained HTML
 * page: no scripts, no external files; the plots are inline SVG drawn here
 * from the time series. Every text from a lesson or the coach is escaped.
 * Colours are from the Okabe-Ito palette (readable with colour-blindness).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "condition.h"
#include "report_save.h"

/* Plot geometry (SVG user units = CSS pixels). */
#define PLOT_W 640.0
#define PLOT_H 190.0
#define PLOT_LEFT 62.0
#define PLOT_RIGHT 14.0
#define PLOT_TOP 28.0
#define PLOT_BOTTOM 36.0
#define PLOT_LINE "#0072B2"
#define PLOT_LOCK "#E69F00"

static void put_escaped(FILE *f, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* A table row of a label, a value already formatted and its unit (NULL: no unit column). */
static void put_row(FILE *f, const char *label, const char *value, const char *unit) {
    fputs("<tr><th scope=\"row\">", f);
    put_escaped(f, label);
    fputs("</th><td>", f);
    put_escaped(f, value);
    if (unit) {
        fputs("</td><td>", f);
        put_escaped(f, unit);
    }
    fputs("</td></tr>\n", f);
}

/* ---- plots ---- */

typedef float (*sample_value_fn)(const timeseries_sample *s);
static float value_joint(const timeseries_sample *s) { return s->joint_deg; }
static float value_tension(const timeseries_sample *s) { return s->tension_n; }
static float value_pain(const timeseries_sample *s) { return s->pain; }
static float value_tone(const timeseries_sample *s) { return s->tone; }
static float value_released(const timeseries_sample *s) { return (float)s->adhesions_released; }
static float value_pressure(const timeseries_sample *s) { return s->pressure_kpa; }

typedef struct plot_spec {
    const char *title, *unit;
    sample_value_fn value;
    double lo, hi;  /* the axis covers at least this range */
} plot_spec;

/* 1, 2 or 5 times a power of ten, about range / 5. */
static double nice_step(double range) {
    if (!(range > 0.0)) return 1.0;
    double raw = range / 5.0, p = pow(10.0, floor(log10(raw))), m = raw / p;
    return (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0) * p;
}

static void put_plot(FILE *f, const timeseries *ts, const plot_spec *p) {
    double t_end = ts->samples[ts->count - 1].time_s, lo = p->lo, hi = p->hi;
    if (!(t_end > 0.0)) t_end = 1.0;
    for (int i = 0; i < ts->count; i++) {
        double v = p->value(&ts->samples[i]);
        if (!isfinite(v)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    double ystep = nice_step(hi - lo);
    lo = floor(lo / ystep) * ystep;
    hi = ceil(hi / ystep) * ystep;
    if (hi <= lo) hi = lo + ystep;
    const double x0 = PLOT_LEFT, x1 = PLOT_W - PLOT_RIGHT, y0 = PLOT_H - PLOT_BOTTOM, y1 = PLOT_TOP;
#define PX(t) (x0 + (x1 - x0) * (t) / t_end)
#define PY(v) (y0 + (y1 - y0) * ((v) - lo) / (hi - lo))
    fprintf(f, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"",
            PLOT_W, PLOT_H, PLOT_W, PLOT_H);
    put_escaped(f, p->title);
    fputs(" over time\">\n", f);
    /* the lock's spans, shaded */
    for (int i = 0; i < ts->count;) {
        if (!ts->samples[i].locked) {
            i++;
            continue;
        }
        int j = i;
        while (j + 1 < ts->count && ts->samples[j + 1].locked) j++;
        double a = PX(ts->samples[i].time_s), b = PX(ts->samples[j].time_s);
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.22\"/>\n", a, y1,
                b - a > 1.0 ? b - a : 1.0, y0 - y1, PLOT_LOCK);
        i = j + 1;
    }
    /* axes, grid and ticks */
    fprintf(f, "<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\">\n");
    for (double v = lo; v <= hi + 0.5 * ystep; v += ystep) {
        double y = PY(v);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>", x0, y, x1, y);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", x0 - 5, y + 4, fabs(v) < 1e-9 * ystep ? 0.0 : v);
    }
    double tstep = nice_step(t_end * 1.6);
    for (double t = 0.0; t <= t_end + 1e-9; t += tstep) {
        double x = PX(t);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>", x, y0, x, y0 + 4);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%g</text>\n", x, y0 + 16, t);
    }
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>", x0, y0, x1, y0);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>\n", x0, y0, x0, y1);
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">time (s)</text>\n", 0.5 * (x0 + x1), PLOT_H - 4);
    fprintf(f, "<text x=\"%.1f\" y=\"16\" font-weight=\"bold\" font-size=\"13\">", x0);
    put_escaped(f, p->title);
    fputs(" (", f);
    put_escaped(f, p->unit);
    fputs(")</text>\n", f);
    fprintf(f, "<rect x=\"%.1f\" y=\"7\" width=\"12\" height=\"10\" fill=\"%s\" fill-opacity=\"0.35\"/><text x=\"%.1f\" y=\"16\">lock on</text>\n",
            x1 - 62, PLOT_LOCK, x1 - 46);
    fputs("</g>\n", f);
    /* the series */
    fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"", PLOT_LINE);
    for (int i = 0; i < ts->count; i++) {
        double v = p->value(&ts->samples[i]);
        if (isfinite(v)) fprintf(f, "%.1f,%.1f ", PX(ts->samples[i].time_s), PY(v));
    }
    fputs("\"/>\n</svg></figure>\n", f);
#undef PX
#undef PY
}

/* ---- sections ---- */

static void put_lesson(FILE *f, const runner_report *r, const lesson *l) {
    char value[96];
    fputs("<h2>Lesson</h2>\n<table>\n", f);
    put_row(f, "lesson", l->title, NULL);
    put_row(f, "id", r->lesson, NULL);
    put_row(f, "who moves the limb", lesson_mode_name(l, r->mode), NULL);
    snprintf(value, sizeof value, "%llu", (unsigned long long)r->seed);
    put_row(f, "seed", value, NULL);
    snprintf(value, sizeof value, "%.1f s", r->sim_time_s);
    put_row(f, "model time", value, NULL);
    fputs("</table>\n", f);
    if (l->description) {
        fputs("<p>", f);
        put_escaped(f, l->description);
        fputs("</p>\n", f);
    }
}

static void put_score(FILE *f, const runner_report *r) {
    fprintf(f, "<h2>Score: %d / 100</h2>\n<table>\n<tr><th>part</th><th>points</th><th>why</th></tr>\n",
            r->score.total);
    for (int i = 0; i < QUIZ_PARTS; i++) {
        const quiz_part *p = &r->score.parts[i];
        fputs("<tr><td>", f);
        put_escaped(f, p->title);
        fprintf(f, "</td><td>%d / %d</td><td>", p->points, p->max);
        put_escaped(f, p->reason);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void put_steps(FILE *f, const runner_report *r, const lesson *l) {
    if (l->step_count == 0) return;
    int done = 0;
    for (int i = 0; i < r->step_count; i++) done += r->steps[i].done;
    fprintf(f, "<h2>Steps: %d of %d done</h2>\n<table>\n<tr><th>step</th><th>instruction</th><th>done</th></tr>\n", done,
            l->step_count);
    for (int i = 0; i < l->step_count; i++) {
        fprintf(f, "<tr><td>%d</td><td>", i + 1);
        put_escaped(f, l->steps[i].instruction);
        if (i < r->step_count && r->steps[i].done)
            fprintf(f, "</td><td>at %.1f s</td></tr>\n", r->steps[i].time_s);
        else
            fputs("</td><td>not done</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void put_feedback(FILE *f, const runner_report *r) {
    fputs("<h2>Feedback</h2>\n", f);
    if (r->feedback_count == 0) {
        fputs("<p>None: the treatment kept to every rule the coach watches.</p>\n", f);
        return;
    }
    fputs("<table>\n<tr><th>time (s)</th><th>what the coach said</th><th>the rule</th></tr>\n", f);
    for (int i = 0; i < r->feedback_count; i++) {
        const coach_message *m = &r->feedback[i];
        fprintf(f, "<tr><td>%.1f</td><td>", m->time_s);
        put_escaped(f, m->text);
        fputs("</td><td>", f);
        put_escaped(f, coach_rule(m->id));
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

static void put_figures(FILE *f, const runner_report *r) {
    char v[96];
    fputs("<h2>Key figures</h2>\n<table>\n<tr><th>what</th><th>value</th><th>unit</th></tr>\n", f);
    snprintf(v, sizeof v, "%d of %d", r->adhesions_released, r->adhesions_total);
    put_row(f, "adhesions released", v, "");
    snprintf(v, sizeof v, "%.3f to %.3f (healthy tissue %.3f)", r->alignment_start, r->alignment_end,
             r->healthy_alignment);
    put_row(f, "alignment of the tight spot", v, "0..1, 1 = parallel");
    snprintf(v, sizeof v, "%.1f to %.1f", r->rom_start_deg, r->rom_end_deg);
    put_row(f, "range of motion, before and after", v, "degrees");
    snprintf(v, sizeof v, "%.1f", r->peak_pain);
    put_row(f, "highest pain", v, "0..10");
    snprintf(v, sizeof v, "%.2f", r->peak_tone);
    put_row(f, "highest tone (guarding)", v, "0..1");
    snprintf(v, sizeof v, "%.0f", r->peak_pressure_kpa);
    put_row(f, "highest lock pressure", v, "kPa");
    snprintf(v, sizeof v, "%d", r->lock_slips);
    put_row(f, "lock slips", v, "");
    fputs("</table>\n", f);
}

static void put_palpations(FILE *f, const runner_report *r) {
    if (r->palpation_count == 0) return;
    fputs("<h2>Palpation</h2>\n<table>\n<tr><th>time (s)</th><th>muscle</th><th>at (0 origin .. 1 insertion)</th>"
          "<th>resistance (N/mm)</th><th>tenderness (0..10)</th></tr>\n",
          f);
    for (int i = 0; i < r->palpation_count; i++) {
        const runner_palpation *p = &r->palpations[i];
        fprintf(f, "<tr><td>%.1f</td><td>", p->time_s);
        put_escaped(f, p->muscle >= 0 && p->muscle < r->muscle_count ? r->muscles[p->muscle].name : "?");
        fprintf(f, "</td><td>%.2f</td><td>%.2f</td><td>%.1f</td></tr>\n", p->at, p->felt.stiffness_n_per_mm,
                p->felt.tenderness);
    }
    fputs("</table>\n", f);
}

static void put_plots(FILE *f, const timeseries *ts, const runner_report *r) {
    if (ts->count < 2) return;
    const plot_spec plots[] = {
        {"joint angle", "degrees", value_joint, 0.0, 0.0},
        {"tension in the tight spot, per fibre", "N", value_tension, 0.0, 0.0},
        {"pain", "0..10", value_pain, 0.0, 10.0},
        {"tone (guarding)", "0..1", value_tone, 0.0, 0.1},
        {"adhesions released", "count", value_released, 0.0, r->adhesions_total > 0 ? r->adhesions_total : 1.0},
        {"lock pressure", "kPa", value_pressure, 0.0, 400.0},
    };
    fputs("<h2>Over time</h2>\n<p>Sampled every 0.1 s of model time; the same numbers are in the CSV file beside "
          "this page. Shaded: the lock is on.</p>\n",
          f);
    for (size_t i = 0; i < sizeof plots / sizeof *plots; i++) put_plot(f, ts, &plots[i]);
}

static void put_conditions(FILE *f, const lesson *l) {
    if (l->condition_count == 0) return;
    condition_card *card = malloc(sizeof *card);
    fputs("<h2>Conditions this lesson is taught for</h2>\n<ul>\n", f);
    for (int i = 0; i < l->condition_count; i++) {
        char path[LESSON_PATH_MAX];
        lesson_error err;
        bool loaded = card && condition_resolve(l->conditions[i], path, sizeof path) && condition_load(path, card, &err);
        fputs("<li>", f);
        put_escaped(f, loaded ? card->name : l->conditions[i]);
        fputs(" (<code>fibrelab --conditions ", f);
        put_escaped(f, l->conditions[i]);
        fputs("</code>)</li>\n", f);
    }
    fputs("</ul>\n", f);
    free(card);
}

void report_put_html(FILE *f, const runner_report *r, const lesson *l, const timeseries *ts) {
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>fibrelab report: ", f);
    put_escaped(f, l->title);
    fputs("</title>\n<style>\n"
          "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111;line-height:1.4}\n"
          "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.25em .6em;"
          "text-align:left;vertical-align:top}\n"
          "figure{margin:1em 0}svg{max-width:100%;height:auto}.note{border-left:4px solid #E69F00;padding:.3em .8em;"
          "background:#fff7e6}\n"
          "</style>\n</head>\n<body>\n<h1>fibrelab report</h1>\n<p class=\"note\">",
          f);
    put_escaped(f, CONDITION_NOT_ADVICE);
    fputs("</p>\n", f);
    put_lesson(f, r, l);
    if (r->quiz) put_score(f, r);
    put_steps(f, r, l);
    put_feedback(f, r);
    put_figures(f, r);
    put_palpations(f, r);
    put_plots(f, ts, r);
    put_conditions(f, l);
    fputs("<p class=\"note\">", f);
    put_escaped(f, CONDITION_NOT_ADVICE);
    fputs(" The model is a teaching picture: adhesion strength is illustrative.</p>\n</body>\n</html>\n", f);
}
