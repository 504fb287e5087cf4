/* report_save.c: the HTML page and the CSV written together into a
 * folder, both whole or neither (see report_save.h). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_save.h"

typedef struct html_args {
    const runner_report *r;
    const lesson *l;
    const timeseries *ts;
} html_args;

static void put_html(FILE *f, const void *user) {
    const html_args *a = user;
    report_put_html(f, a->r, a->l, a->ts);
}

static void put_csv(FILE *f, const void *user) {
    report_put_csv(f, user);
}

static bool fail(char *err, size_t err_size, const char *path, int e) {
    snprintf(err, err_size, "%s: cannot write report: %s", path, strerror(e));
    return false;
}

bool report_save_prepare_dir(const char *dir, char *err, size_t err_size) {
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) return fail(err, err_size, dir, errno);
    struct stat st;
    if (stat(dir, &st) != 0) return fail(err, err_size, dir, errno);
    if (!S_ISDIR(st.st_mode)) return fail(err, err_size, dir, ENOTDIR);
    if (access(dir, W_OK | X_OK) != 0) return fail(err, err_size, dir, errno);
    return true;
}

bool report_save(const runner_report *r, const lesson *l, const timeseries *ts, const char *dir, char *html_path,
                 char *csv_path, size_t path_size, char *err, size_t err_size) {
    if (!report_save_prepare_dir(dir, err, err_size)) return false;
    const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
    int n1 = snprintf(html_path, path_size, "%s%sfibrelab-%s-%sseed%" PRIu64 ".html", dir, sep, r->lesson,
                      r->quiz ? "quiz-" : "", r->seed);
    int n2 = snprintf(csv_path, path_size, "%s%sfibrelab-%s-%sseed%" PRIu64 ".csv", dir, sep, r->lesson,
                      r->quiz ? "quiz-" : "", r->seed);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= path_size || (size_t)n2 >= path_size)
        return fail(err, err_size, dir, ENAMETOOLONG);
    if (ts->out_of_memory) return fail(err, err_size, dir, ENOMEM);

    /* Both files staged first; then both renamed; a failure on the way
     * leaves neither. */
    html_args args = {r, l, ts};
    if (!report_file_stage(html_path, put_html, &args)) return fail(err, err_size, html_path, errno);
    if (!report_file_stage(csv_path, put_csv, ts)) {
        int e = errno;
        report_file_discard(html_path);
        return fail(err, err_size, csv_path, e);
    }
    if (!report_file_commit(html_path)) {
        int e = errno;
        report_file_discard(csv_path);
        return fail(err, err_size, html_path, e);
    }
    if (!report_file_commit(csv_path)) {
        int e = errno;
        remove(html_path);
        return fail(err, err_size, csv_path, e);
    }
    return true;
}
