/* report_save.h: the report a student hands in: one self-contained HTML
 * page (lesson, seed, score and its reasons, steps, feedback, key metrics,
 * plots of the time series as inline SVG, the not-medical-advice line) and
 * a CSV of the time series, written into a folder, both whole or neither.
 * No SDL: the headless runner and the window call the same function.
 *
 *     char html[1024], csv[1024], err[1200];
 *     if (!report_save(&report, &lesson, &series, dir, html, csv, sizeof html, err, sizeof err))
 *         fprintf(stderr, "fibrelab: %s\n", err);
 */
#ifndef FIBRELAB_REPORT_SAVE_H
#define FIBRELAB_REPORT_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lesson.h"
#include "runner.h"
#include "timeseries.h"

/* Writes DIR/fibrelab-LESSON-seedN.html and .csv (-quiz- before "seed" for
 * a quiz); DIR is made if missing (one level). Each file goes through a
 * temporary file renamed into place, and the second rename failing removes
 * the first file, so either both files are whole or neither is there.
 * On success the paths are in html_path and csv_path; on failure err holds
 * "PATH: cannot write report: reason". */
bool report_save(const runner_report *r, const lesson *l, const timeseries *ts, const char *dir, char *html_path,
                 char *csv_path, size_t path_size, char *err, size_t err_size);

/* Makes DIR if missing and checks it is a folder that can be written to
 * (report_save does it first; a caller may do it before a long run). */
bool report_save_prepare_dir(const char *dir, char *err, size_t err_size);

/* The two files' contents (report_html.c, report_csv.c). */
void report_put_html(FILE *f, const runner_report *r, const lesson *l, const timeseries *ts);
void report_put_csv(FILE *f, const timeseries *ts);

/* Writing a file atomically in two stages (report_file.c): put() writes
 * PATH.tmp, report_file_commit renames it to PATH, report_file_discard
 * removes it. False with errno set. */
typedef void (*report_put_fn)(FILE *f, const void *user);
bool report_file_stage(const char *path, report_put_fn put, const void *user);
bool report_file_commit(const char *path);
void report_file_discard(const char *path);

#endif
