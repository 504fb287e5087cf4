/* test_report.c: the report a student hands in: the time series sampled
 * during a run, the HTML page and the CSV written into a folder, both whole
 * or neither (issue 6). Runs the test lesson in fixtures/ (two-bands with
 * steps); the files go to a fresh folder under the build directory. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "report_save.h"
#include "runner.h"

#if !defined(TEACH_FIXTURES) || !defined(REPORT_OUT)
#error "TEACH_FIXTURES and REPORT_OUT must be defined"
#endif

static lesson the_lesson;
static runner_report the_report;
static timeseries the_series;

/* The test lesson's demonstration as a quiz (seed 7), with its time series. */
static int setup(void **state) {
    (void)state;
    lesson_error err;
    script s;
    if (!lesson_load(TEACH_FIXTURES "/two-bands-steps.json", NULL, 0, &the_lesson, &err) ||
        !script_parse(the_lesson.demo_script, "demo", &the_lesson, &s, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    timeseries_init(&the_series);
    runner_options opt = {.quiz = true, .series = &the_series};
    bool ok = runner_run_with(&the_lesson, &s, 7, &opt, &the_report, &err);
    script_free(&s);
    if (!ok) fprintf(stderr, "%s\n", err.message);
    return ok ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    timeseries_free(&the_series);
    lesson_free(&the_lesson);
    return 0;
}

static char *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
        free(text);
        text = NULL;
    }
    if (text) text[n] = '\0';
    fclose(f);
    return text;
}

/* A fresh, empty folder REPORT_OUT/name. */
static void fresh_dir(const char *name, char *out, size_t size) {
    snprintf(out, size, "%s/%s", REPORT_OUT, name);
    mkdir(REPORT_OUT, 0777); /* may exist */
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    assert_int_equal(system(cmd), 0);
}

/* Entries in a folder besides . and .. */
static int entries(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* One sample every 0.1 s from 0 to the end, and the end; the last agrees
 * with the report. */
static void test_series_follows_the_run(void **state) {
    (void)state;
    const timeseries *ts = &the_series;
    long frames = lround(the_report.sim_time_s * 60.0);
    int expected = (int)(frames / TIMESERIES_EVERY_FRAMES) + 1 + (frames % TIMESERIES_EVERY_FRAMES != 0);
    assert_int_equal(ts->count, expected);
    assert_false(ts->out_of_memory);
    assert_true(ts->samples[0].time_s == 0.0);
    for (int i = 1; i < ts->count; i++)
        assert_true(ts->samples[i].time_s > ts->samples[i - 1].time_s &&
                    ts->samples[i].time_s <= ts->samples[i - 1].time_s + 0.1 + 1e-9);
    const timeseries_sample *last = &ts->samples[ts->count - 1];
    assert_true(last->time_s == the_report.sim_time_s);
    assert_int_equal(last->adhesions_released, the_report.adhesions_released);
    bool locked = false;
    float pressure = 0, pain = 0, tension = 0;
    for (int i = 0; i < ts->count; i++) {
        const timeseries_sample *s = &ts->samples[i];
        locked |= s->locked;
        if (s->pressure_kpa > pressure) pressure = s->pressure_kpa;
        if (s->pain > pain) pain = s->pain;
        if (s->tension_n > tension) tension = s->tension_n;
        if (!s->locked) assert_true(s->pressure_kpa == 0.0f);
        if (i) assert_true(s->adhesions_released >= ts->samples[i - 1].adhesions_released);
    }
    assert_true(locked);
    assert_true(pressure == the_report.peak_pressure_kpa); /* one lock, one pressure */
    assert_true(pain <= the_report.peak_pain);
    assert_true(tension > 0.0f); /* the stretch loads the tight spot */
}

static void test_save_writes_page_and_csv(void **state) {
    (void)state;
    char dir[1024], html[1200], csv[1200], err[2400];
    fresh_dir("saved", dir, sizeof dir);
    assert_true(report_save(&the_report, &the_lesson, &the_series, dir, html, csv, sizeof html, err, sizeof err));
    assert_true(strstr(html, "/fibrelab-two-bands-steps-quiz-seed7.html") != NULL);
    assert_int_equal(entries(dir), 2); /* no temporary file left */

    char *page = read_all(html);
    assert_non_null(page);
    assert_true(strncmp(page, "<!DOCTYPE html>", 15) == 0);
    for (int i = 0; i < the_lesson.step_count; i++) assert_non_null(strstr(page, the_lesson.steps[i].instruction));
    char score[64];
    snprintf(score, sizeof score, "Score: %d / 100", the_report.score.total);
    assert_non_null(strstr(page, score));
    for (int i = 0; i < QUIZ_PARTS; i++) assert_non_null(strstr(page, the_report.score.parts[i].title));
    assert_non_null(strstr(page, "not medical advice"));
    assert_non_null(strstr(page, "<svg"));
    assert_non_null(strstr(page, "kPa"));
    /* self-contained: nothing fetched from elsewhere */
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "src="));
    assert_null(strstr(page, "<link"));
    free(page);

    char *text = read_all(csv);
    assert_non_null(text);
    const char *header = "time_s,joint_deg,tension_n,pain_0_10,tone_0_1,adhesions_released,lock_on,pressure_kpa\n";
    assert_true(strncmp(text, header, strlen(header)) == 0);
    int lines = 0;
    const char *last = text;
    for (const char *p = text; *p; p++)
        if (*p == '\n') {
            lines++;
            if (p[1]) last = p + 1;
        }
    assert_int_equal(lines, the_series.count + 1);
    double t;
    float deg, tension, pain, tone, kpa;
    int released, lock;
    assert_int_equal(sscanf(last, "%lf,%f,%f,%f,%f,%d,%d,%f", &t, &deg, &tension, &pain, &tone, &released, &lock, &kpa),
                     8);
    assert_int_equal(released, the_report.adhesions_released);
    assert_true(fabs(t - the_report.sim_time_s) < 1e-3);
    free(text);
}

/* A folder that cannot be made, and a failure between the two renames:
 * one message, no file left behind. */
static void test_save_fails_whole(void **state) {
    (void)state;
    char dir[1024], html[1200], csv[1200], err[2400], blocker[1100];
    fresh_dir("blocked", dir, sizeof dir);
    assert_int_equal(mkdir(dir, 0777), 0);
    snprintf(blocker, sizeof blocker, "%s/a-file", dir);
    FILE *f = fopen(blocker, "w");
    assert_non_null(f);
    fclose(f);
    char under[1200];
    snprintf(under, sizeof under, "%s/reports", blocker);
    assert_false(report_save(&the_report, &the_lesson, &the_series, under, html, csv, sizeof html, err, sizeof err));
    char want[2400];
    snprintf(want, sizeof want, "%s: cannot write report: Not a directory", under);
    assert_string_equal(err, want);
    assert_int_equal(entries(dir), 1);

    /* the CSV's name is taken by a folder: its rename fails after the page's */
    char taken[1200];
    snprintf(taken, sizeof taken, "%s/fibrelab-two-bands-steps-quiz-seed7.csv", dir);
    assert_int_equal(mkdir(taken, 0777), 0);
    assert_false(report_save(&the_report, &the_lesson, &the_series, dir, html, csv, sizeof html, err, sizeof err));
    assert_non_null(strstr(err, "fibrelab-two-bands-steps-quiz-seed7.csv: cannot write report: "));
    assert_null(strchr(err, '\n'));
    assert_int_equal(entries(dir), 2); /* a-file and the folder: no page, no temporary file */
    assert_int_equal(access(html, F_OK), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_series_follows_the_run),
        cmocka_unit_test(test_save_writes_page_and_csv),
        cmocka_unit_test(test_save_fails_whole),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
