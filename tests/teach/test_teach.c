/* test_teach.c: steps, the coach's feedback and the quiz, on real runs of
 * the model (issue 6). Each run is a short script on the two-bands test
 * lesson in fixtures/ (two-bands with steps and a danger zone). */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "runner.h"

#ifndef TEACH_FIXTURES
#error "TEACH_FIXTURES must name tests/teach/fixtures"
#endif

static lesson the_lesson;

static int load_lesson(void **state) {
    (void)state;
    lesson_error err;
    if (!lesson_load(TEACH_FIXTURES "/two-bands-steps.json", NULL, 0, &the_lesson, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    return 0;
}

static int free_lesson(void **state) {
    (void)state;
    lesson_free(&the_lesson);
    return 0;
}

/* Runs `text` (NULL: the lesson's demonstration) on the test lesson. */
static void run(const char *text, bool quiz, uint64_t seed, runner_report *r) {
    script s;
    lesson_error err;
    if (!script_parse(text ? text : the_lesson.demo_script, "test", &the_lesson, &s, &err))
        fail_msg("%s", err.message);
    runner_options opt = {.quiz = quiz};
    if (!runner_run_with(&the_lesson, &s, seed, &opt, r, &err)) fail_msg("%s", err.message);
    script_free(&s);
}

static int count_id(const runner_report *r, coach_id id) {
    int n = 0;
    for (int i = 0; i < r->feedback_count; i++) n += r->feedback[i].id == id;
    return n;
}

static void print_feedback(const runner_report *r) {
    for (int i = 0; i < r->feedback_count; i++)
        print_message("  %.2f s %s: %s\n", r->feedback[i].time_s, coach_id_name(r->feedback[i].id),
                      r->feedback[i].text);
}

/* ---- the schema ---- */

static void test_steps_loaded(void **state) {
    (void)state;
    const lesson *l = &the_lesson;
    assert_int_equal(l->step_count, 4);
    assert_int_equal(l->steps[0].done_when.kind, LESSON_COND_JOINT_NEAR);
    assert_float_equal(l->steps[0].done_when.within_deg, 10.0f, 0.0);
    assert_int_equal(l->steps[0].hint_count, 1);
    assert_int_equal(l->steps[1].done_when.kind, LESSON_COND_LOCK_BEFORE_TANGLE);
    assert_float_equal(l->steps[1].done_when.within, 0.1f, 0.0);
    assert_int_equal(l->steps[1].hint_count, 2);
    assert_int_equal(l->steps[2].done_when.kind, LESSON_COND_STRETCH_REACHED);
    assert_float_equal(l->steps[2].done_when.max_speed_deg_s, 8.0f, 0.0);
    assert_int_equal(l->steps[3].done_when.kind, LESSON_COND_UNLOCKED);
    assert_string_equal(lesson_condition_name(l->steps[3].done_when.kind), "unlocked");
    assert_int_equal(l->danger_zone_count, 1);
    assert_string_equal(l->danger_zones[0].name, "popliteal space");
    assert_int_equal(l->danger_zones[0].muscle, 0);
}

/* lesson_load still stops at the first problem, with today's message. */
static void test_load_reports_first_problem(void **state) {
    (void)state;
    lesson l;
    lesson_error err;
    assert_false(lesson_load(TEACH_FIXTURES "/many-problems.json", NULL, 0, &l, &err));
    assert_string_equal(err.message, TEACH_FIXTURES "/many-problems.json: colour: unknown key (typo?)");
}

/* ---- steps ---- */

/* The demonstration follows the steps: all four done, in order, each when it happens. */
static void test_demo_completes_steps_in_order(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    run(NULL, false, 1, r);
    assert_int_equal(r->step_count, 4);
    for (int i = 0; i < 4; i++) assert_true(r->steps[i].done);
    /* shortened within 10 deg of 90 during the 0-5 s shortening (9 deg/s from 45) */
    assert_true(r->steps[0].time_s > 3.0 && r->steps[0].time_s < 5.0);
    /* the lock goes on at 5 s */
    assert_true(r->steps[1].time_s >= 5.0 && r->steps[1].time_s < 5.1);
    /* 0.6 of the range reached during the 6-16 s stretch */
    assert_true(r->steps[2].time_s > 12.0 && r->steps[2].time_s < 16.5);
    /* unlocked at 20 s */
    assert_true(r->steps[3].time_s >= 20.0 && r->steps[3].time_s < 20.1);
    /* a good treatment: none of the warnings */
    print_feedback(r);
    assert_int_equal(r->feedback_count, 0);
    free(r);
}

/* A too-fast stretch never completes the speed-limited step, however far it goes. */
static void test_fast_stretch_does_not_complete_step(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    run("0 stretch to=0 over=5\n5 lock at=0.49 pressure=250\n6 stretch to=0.65 over=2\n12 unlock\n12 end\n", false, 1, r);
    assert_true(r->steps[0].done && r->steps[1].done);
    assert_false(r->steps[2].done);
    assert_false(r->steps[3].done); /* in order: not before step 3 */
    assert_int_equal(count_id(r, COACH_TOO_FAST), 1);
    free(r);
}

/* ---- feedback: each rule's message id ---- */

static void test_low_pressure(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    run("0 stretch to=0 over=5\n5 lock at=0.49 pressure=30\n6 stretch to=0.3 over=5\n12 end\n", false, 1, r);
    print_feedback(r);
    assert_int_equal(count_id(r, COACH_PRESSURE_LOW), 1); /* once, though it lasts 7 s */
    assert_int_equal(count_id(r, COACH_PRESSURE_HIGH), 0);
    assert_int_equal(count_id(r, COACH_WRONG_SIDE), 0);
    assert_string_equal(coach_id_name(COACH_PRESSURE_LOW), "pressure-low");
    for (int i = 0; i < r->feedback_count; i++)
        if (r->feedback[i].id == COACH_PRESSURE_LOW) {
            assert_true(r->feedback[i].time_s >= 5.0 && r->feedback[i].time_s < 5.1);
            assert_non_null(strstr(r->feedback[i].text, "30 kPa"));
        }
    free(r);
}

/* A stretch at about the speed limit is one occurrence, not a message each
 * time the measured speed crosses the line (wrist-flexors: 120 degrees in
 * 12 s, the limit itself). */
static void test_too_fast_at_the_limit_once(void **state) {
    (void)state;
    char path[LESSON_PATH_MAX];
    lesson l;
    lesson_error err;
    assert_true(lesson_resolve("wrist-flexors", path, sizeof path));
    if (!lesson_load(path, NULL, 0, &l, &err)) fail_msg("%s", err.message);
    script s;
    if (!script_parse("0 stretch to=0 over=3\n3 lock at=0.34 pressure=250\n4 stretch to=1 over=12\n20 end\n", "test",
                      &l, &s, &err))
        fail_msg("%s", err.message);
    runner_report *r = malloc(sizeof *r);
    runner_options opt = {.quiz = false};
    if (!runner_run_with(&l, &s, 1, &opt, r, &err)) fail_msg("%s", err.message);
    print_feedback(r);
    assert_int_equal(count_id(r, COACH_TOO_FAST), 1);
    free(r);
    script_free(&s);
    lesson_free(&l);
}

static void test_high_pressure(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    run("0 stretch to=0 over=5\n5 lock at=0.49 pressure=600\n7 unlock\n8 end\n", false, 1, r);
    assert_int_equal(count_id(r, COACH_PRESSURE_HIGH), 1);
    assert_int_equal(count_id(r, COACH_PRESSURE_LOW), 0);
    free(r);
}

static void test_wrong_side(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    run("0 stretch to=0 over=5\n5 lock at=0.75 pressure=250\n6 stretch to=0.3 over=5\n12 end\n", false, 1, r);
    print_feedback(r);
    assert_int_equal(count_id(r, COACH_WRONG_SIDE), 1);
    for (int i = 0; i < r->feedback_count; i++)
        if (r->feedback[i].id == COACH_WRONG_SIDE)
            assert_string_equal(r->feedback[i].text,
                                "The lock is between the tight spot and the moving joint: move it towards the origin.");
    assert_int_equal(count_id(r, COACH_PRESSURE_LOW) + count_id(r, COACH_DANGER_ZONE), 0);
    free(r);
}

static void test_too_fast(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    /* 90 deg in 1 s; the shortening before it (9 deg/s, shortening) is not a stretch */
    run("0 stretch to=0 over=5\n5 lock at=0.49 pressure=250\n6 stretch to=1 over=1\n10 end\n", false, 1, r);
    print_feedback(r);
    assert_int_equal(count_id(r, COACH_TOO_FAST), 1);
    for (int i = 0; i < r->feedback_count; i++)
        if (r->feedback[i].id == COACH_TOO_FAST) assert_true(r->feedback[i].time_s > 6.0 && r->feedback[i].time_s < 7.1);
    free(r);
}

static void test_lock_before_shortening(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    /* the joint starts at 45 deg, half way: lock first, shorten after */
    run("0 lock at=0.49 pressure=250\n0 stretch to=0 over=5\n6 end\n", false, 1, r);
    assert_int_equal(count_id(r, COACH_LOCK_BEFORE_SHORTENING), 1);
    assert_true(r->feedback[0].id == COACH_LOCK_BEFORE_SHORTENING && r->feedback[0].time_s == 0.0);
    free(r);
}

static void test_pain(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    /* two-bands' own demonstration stretches all the way: the client reports pain */
    run("0 stretch to=0 over=5\n5 lock at=0.49 pressure=250\n6 stretch to=1 over=12\n28 unlock\n28 end\n", false, 1, r);
    print_feedback(r);
    assert_true(r->peak_pain >= 5.0f);
    assert_int_equal(count_id(r, COACH_PAIN), 1);
    for (int i = 0; i < r->feedback_count; i++)
        if (r->feedback[i].id == COACH_PAIN) assert_string_equal(r->feedback[i].text, "Stop: the client reports pain.");
    free(r);
}

static void test_danger_zone(void **state) {
    (void)state;
    runner_report *r = malloc(sizeof *r);
    run("0 stretch to=0 over=5\n5 lock at=0.9 pressure=250\n7 unlock\n7 lock at=0.49 pressure=250\n9 end\n", false,
        1, r);
    print_feedback(r);
    assert_int_equal(count_id(r, COACH_DANGER_ZONE), 1);
    for (int i = 0; i < r->feedback_count; i++)
        if (r->feedback[i].id == COACH_DANGER_ZONE) assert_non_null(strstr(r->feedback[i].text, "popliteal space"));
    free(r);
}

/* ---- palpation and the quiz ---- */

/* The lock just on the origin side of the hidden spot, or just past it. */
static void quiz_script(uint64_t seed, bool wrong_side, char *text, size_t size, quiz_spot *spot) {
    sim_world_desc d = the_lesson.desc;
    *spot = quiz_hide_tangle(&d, seed);
    float at = wrong_side ? spot->at + 0.5f * spot->length + 0.08f : spot->at - 0.5f * spot->length - 0.05f;
    snprintf(text, size,
             "0 stretch to=0 over=5\n1 palpate at=0.2\n2 palpate at=%.3f\n5 lock at=%.3f pressure=250\n"
             "6 stretch to=0.65 over=10\n20 unlock\n20 stretch to=0 over=8\n30 end\n",
             spot->at, at);
}

static void test_quiz_spot_from_seed(void **state) {
    (void)state;
    sim_world_desc a = the_lesson.desc, b = the_lesson.desc, c = the_lesson.desc;
    quiz_spot sa = quiz_hide_tangle(&a, 7), sb = quiz_hide_tangle(&b, 7), sc = quiz_hide_tangle(&c, 8);
    assert_float_equal(sa.at, sb.at, 0.0);
    assert_true(sa.at != sc.at);
    assert_int_equal(a.tangle_count, 1);
    for (uint64_t seed = 0; seed < 200; seed++) {
        sim_world_desc d = the_lesson.desc;
        quiz_spot s = quiz_hide_tangle(&d, seed);
        /* in the belly, clear of both ends, room for a lock on the origin side */
        assert_true(s.at - 0.5f * s.length >= 0.2f - 1e-6f);
        assert_true(s.at + 0.5f * s.length <= 0.9f - 0.15f + 1e-3f);
        assert_null(sim_validate_desc(&d));
    }
}

static void test_quiz_scores(void **state) {
    (void)state;
    char text[512];
    quiz_spot spot;
    runner_report *good = malloc(sizeof *good), *again = malloc(sizeof *again), *wrong = malloc(sizeof *wrong);
    quiz_script(7, false, text, sizeof text, &spot);
    run(text, true, 7, good);
    run(text, true, 7, again);
    quiz_script(7, true, text, sizeof text, &spot);
    run(text, true, 7, wrong);
    for (int i = 0; i < QUIZ_PARTS; i++)
        print_message("  %-20s good %2d/%2d wrong %2d/%2d  %s\n", good->score.parts[i].name, good->score.parts[i].points,
                      good->score.parts[i].max, wrong->score.parts[i].points, wrong->score.parts[i].max,
                      wrong->score.parts[i].reason);
    assert_true(good->quiz);
    assert_true(good->score.total >= 70);
    assert_true(wrong->score.total <= 40);
    /* same seed, same score, same run */
    assert_int_equal(good->score.total, again->score.total);
    assert_true(good->state_hash == again->state_hash);
    /* the parts add up, and the position part says which side */
    int sum = 0, max = 0;
    for (int i = 0; i < QUIZ_PARTS; i++) sum += good->score.parts[i].points, max += good->score.parts[i].max;
    assert_int_equal(sum, good->score.total);
    assert_int_equal(max, 100);
    assert_string_equal(good->score.parts[0].name, "lock_position");
    assert_int_equal(good->score.parts[0].points, good->score.parts[0].max);
    assert_int_equal(wrong->score.parts[0].points, 0);
    assert_non_null(strstr(wrong->score.parts[0].reason, "between the tight spot and the moving joint"));
    /* the hidden spot replaced the lesson's tangle; the quiz coach gives no hint of it */
    assert_int_equal(good->tangle_count, 1);
    assert_float_equal(good->tangles[0].at, spot.at, 0.0);
    assert_int_equal(count_id(wrong, COACH_WRONG_SIDE), 0);
    /* palpation: the spot is tender, healthy tissue is not */
    assert_int_equal(good->palpation_count, 2);
    assert_float_equal(good->palpations[0].at, 0.2f, 0.0);
    assert_true(good->palpations[0].felt.tenderness < 1.0f);
    assert_true(good->palpations[1].felt.tenderness > good->palpations[0].felt.tenderness + 1.0f);
    free(good), free(again), free(wrong);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steps_loaded),
        cmocka_unit_test(test_load_reports_first_problem),
        cmocka_unit_test(test_demo_completes_steps_in_order),
        cmocka_unit_test(test_fast_stretch_does_not_complete_step),
        cmocka_unit_test(test_low_pressure),
        cmocka_unit_test(test_high_pressure),
        cmocka_unit_test(test_wrong_side),
        cmocka_unit_test(test_too_fast),
        cmocka_unit_test(test_too_fast_at_the_limit_once),
        cmocka_unit_test(test_lock_before_shortening),
        cmocka_unit_test(test_pain),
        cmocka_unit_test(test_danger_zone),
        cmocka_unit_test(test_quiz_spot_from_seed),
        cmocka_unit_test(test_quiz_scores),
    };
    return cmocka_run_group_tests(tests, load_lesson, free_lesson);
}
