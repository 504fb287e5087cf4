/* test_app.c: the real window (offscreen) and what app.c does with the
 * interface's requests: Save report writes into HOME/Documents, a lesson
 * chosen in the picker replaces the world and is kept as the last lesson,
 * a quiz hides a tangle and Finish shows its score. The requests are set
 * as the interface's widgets set them (tests/ui/test_ui.c clicks those). */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
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

#include "app.h"
#include "report_save.h"

static bool exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && st.st_size > 0;
}

static void test_requests(void **state) {
    (void)state;
    char home[] = "/tmp/fibrelab-app-XXXXXX", docs[256], path[LESSON_PATH_MAX], err[1024];
    assert_non_null(mkdtemp(home));
    snprintf(docs, sizeof docs, "%s/Documents", home);
    assert_int_equal(mkdir(docs, 0755), 0);
    setenv("HOME", home, 1);
    setenv("XDG_DATA_HOME", home, 1); /* the settings folder too */
    unsetenv("XDG_DOCUMENTS_DIR");
    setenv("FIBRELAB_WINDOW_FRAMES", "1000000", 1);
    lesson l;
    lesson_error lerr;
    assert_true(lesson_resolve("two-bands", path, sizeof path));
    assert_true(lesson_load(path, NULL, 0, &l, &lerr));
    static app a;
    app_status st = app_open(&a, &l, l.desc.seed, NULL, err, sizeof err);
    if (st != APP_OK) fail_msg("cannot open the window: %s", err);
    for (int i = 0; i < 5; i++) assert_true(app_frame(&a));

    /* Save report: both files in HOME/Documents, and the notice says where */
    a.ui.want_report = true;
    assert_true(app_frame(&a));
    char html[512], csv[512];
    snprintf(html, sizeof html, "%s/fibrelab-two-bands-seed%llu.html", docs, (unsigned long long)l.desc.seed);
    snprintf(csv, sizeof csv, "%s/fibrelab-two-bands-seed%llu.csv", docs, (unsigned long long)l.desc.seed);
    assert_true(exists(html));
    assert_true(exists(csv));
    assert_non_null(strstr(a.notice, html));

    /* the picker: listed when opened, the choice replaces the world */
    a.ui.show_lessons = true;
    assert_true(app_frame(&a));
    int calf = -1;
    for (int i = 0; i < a.ui.lesson_count; i++)
        if (strcmp(a.ui.lessons[i], "calf") == 0) calf = i;
    assert_true(calf >= 0);
    a.ui.want_lesson = calf;
    a.ui.show_lessons = false;
    assert_true(app_frame(&a));
    assert_string_equal(a.lesson->id, "calf");
    assert_ptr_equal(a.session->lesson, a.lesson);
    assert_string_equal(a.prefs.last_lesson, "calf");

    /* a quiz: one tangle, placed by the seed; Finish gives the score sheet */
    a.ui.want_quiz = true;
    assert_true(app_frame(&a));
    assert_true(a.session->quiz);
    assert_int_equal(sim_world_tangle_count(a.world), 1);
    for (int i = 0; i < 5; i++) assert_true(app_frame(&a));
    a.ui.want_finish = true;
    assert_true(app_frame(&a));
    assert_true(a.ui.show_score);
    assert_non_null(strstr(a.ui.score_lines[0], "of 100"));
    app_close(&a);
    lesson_free(&l);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_requests)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
