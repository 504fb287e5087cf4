/* test_script.c: action scripts: good scripts give the right actions and end
 * time; each kind of bad line gives "SCRIPT:LINE: reason" exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "lesson.h"
#include "script.h"

static int load_hamstrings(void **state) {
    static lesson l;
    char path[LESSON_PATH_MAX];
    lesson_error err;
    if (!lesson_resolve("hamstrings", path, sizeof path) || !lesson_load(path, NULL, 0, &l, &err)) return -1;
    *state = &l;
    return 0;
}

static int free_lesson(void **state) {
    lesson_free(*state);
    return 0;
}

static void expect_bad(const lesson *l, const char *text, const char *want) {
    script s;
    lesson_error err;
    if (script_parse(text, "t.txt", l, &s, &err)) fail_msg("accepted: %s", text);
    assert_string_equal(err.message, want);
    assert_null(s.actions);
    assert_int_equal(s.count, 0);
}

static void test_good_script(void **state) {
    const lesson *l = *state;
    const char *text = "# treatment\n"
                       "\n"
                       "0    stretch to=0 over=5   # shorten first\n"
                       "5    lock at=0.49 pressure=250 muscle=\"semitendinosus\"\r\n"
                       "5.5  lock pressure=30 at=0.3 tool=forearm muscle=biceps_femoris\n"
                       "6    stretch to=1 over=12\n"
                       "6    mode active-assisted\n"
                       "\t28 unlock\n"
                       "28   stretch to=0 over=6\n"
                       "40   end\n"
                       "# comments after end are fine\n";
    script s;
    lesson_error err;
    if (!script_parse(text, "t.txt", l, &s, &err)) fail_msg("%s", err.message);
    assert_int_equal(s.count, 8);
    assert_int_equal(s.actions[0].verb, SCRIPT_STRETCH);
    assert_float_equal(s.actions[0].to, 0.0f, 0.0);
    assert_float_equal(s.actions[0].over_s, 5.0f, 0.0);
    assert_int_equal(s.actions[0].line, 3);
    assert_int_equal(s.actions[1].verb, SCRIPT_LOCK);
    assert_int_equal(s.actions[1].lock.muscle, 1);
    assert_int_equal(s.actions[1].lock.tool, SIM_TOOL_THUMB); /* the default */
    assert_float_equal(s.actions[1].lock.at, 0.49f, 0.0);
    assert_float_equal(s.actions[1].lock.pressure_kpa, 250.0f, 0.0);
    assert_int_equal(s.actions[2].lock.muscle, 0);
    assert_int_equal(s.actions[2].lock.tool, SIM_TOOL_FOREARM);
    assert_float_equal(s.actions[2].time_s, 5.5, 0.0);
    assert_int_equal(s.actions[4].verb, SCRIPT_MODE);
    assert_int_equal(s.actions[4].mode, SIM_MODE_ACTIVE_ASSISTED);
    assert_int_equal(s.actions[5].verb, SCRIPT_UNLOCK);
    assert_int_equal(s.actions[5].line, 8);
    assert_int_equal(s.actions[7].verb, SCRIPT_END);
    assert_float_equal(s.end_s, 40.0, 0.0);
    script_free(&s);
}

static void test_end_time(void **state) {
    const lesson *l = *state;
    script s;
    lesson_error err;
    /* no `end`: 5 s after the last action is done (a stretch lasts `over`) */
    assert_true(script_parse("0 stretch to=1 over=12\n", "t", l, &s, &err));
    assert_float_equal(s.end_s, 17.0, 0.0);
    script_free(&s);
    assert_true(script_parse("0 stretch to=1 over=12\n3 lock at=0.2 pressure=100\n", "t", l, &s, &err));
    assert_float_equal(s.end_s, 17.0, 0.0);
    script_free(&s);
    assert_true(script_parse("0 stretch to=1 over=2\n10 unlock\n", "t", l, &s, &err));
    assert_float_equal(s.end_s, 15.0, 0.0);
    script_free(&s);
    assert_true(script_parse("# nothing\n\n", "t", l, &s, &err));
    assert_int_equal(s.count, 0);
    assert_float_equal(s.end_s, 5.0, 0.0);
    script_free(&s);
    /* the first muscle is the default when none is named */
    assert_true(script_parse("1 lock at=0.5 pressure=0", "t", l, &s, &err));
    assert_int_equal(s.actions[0].lock.muscle, 0);
    script_free(&s);
}

static void test_bad_lines(void **state) {
    const lesson *l = *state;
    expect_bad(l, "0 stretch to=0 over=1\n\n3 shake\n", "t.txt:3: unknown verb \"shake\" (expected mode, lock, unlock, stretch, palpate or end)");
    expect_bad(l, "soon stretch to=1 over=1", "t.txt:1: bad time \"soon\": expected seconds");
    expect_bad(l, "-1 unlock", "t.txt:1: time must be between 0 and 86400 s, got -1");
    expect_bad(l, "5", "t.txt:1: missing verb after the time (mode, lock, unlock, stretch, palpate or end)");
    expect_bad(l, "5 unlock\n4 unlock", "t.txt:2: time 4 is before the previous action's 5 (times never decrease)");
    expect_bad(l, "1 lock at=1.2 pressure=100", "t.txt:1: at: must be between 0 and 1, got 1.2");
    expect_bad(l, "1 lock at=0.5 pressure=2500", "t.txt:1: pressure: must be between 0 and 2000, got 2500");
    expect_bad(l, "1 lock at=0.5 pressure=lots", "t.txt:1: pressure: bad number \"lots\"");
    expect_bad(l, "1 lock at=0.5", "t.txt:1: lock: missing pressure=KPA");
    expect_bad(l, "1 lock pressure=100", "t.txt:1: lock: missing at=S (position along the muscle, 0..1)");
    expect_bad(l, "1 lock at=0.5 pressure=100 tool=elbow", "t.txt:1: tool: must be one of thumb, knuckle, fist, forearm, got \"elbow\"");
    expect_bad(l, "1 lock at=0.5 pressure=100 muscle=gracilis", "t.txt:1: muscle: no muscle named \"gracilis\" in this lesson");
    expect_bad(l, "1 lock at=0.5 pressure=100 depth=3", "t.txt:1: lock: unknown key \"depth\" (expected at, pressure, tool, muscle)");
    expect_bad(l, "1 lock at=0.5 at=0.6 pressure=100", "t.txt:1: lock: at given twice");
    expect_bad(l, "1 lock 0.5", "t.txt:1: lock: expected key=value, got \"0.5\"");
    expect_bad(l, "1 lock at=0.5 pressure=100 muscle=\"biceps femoris", "t.txt:1: unterminated quote");
    expect_bad(l, "1 stretch to=1", "t.txt:1: stretch: missing over=SECONDS");
    expect_bad(l, "1 stretch to=2 over=3", "t.txt:1: to: must be between 0 and 1, got 2");
    expect_bad(l, "1 stretch to=1 over=-3", "t.txt:1: over: must be between 0 and 86400, got -3");
    expect_bad(l, "1 stretch to=1 over=3s", "t.txt:1: over: bad number \"3s\"");
    expect_bad(l, "1 mode sideways", "t.txt:1: mode: expected one of passive, active-assisted, active, weight-bearing, got \"sideways\"");
    expect_bad(l, "1 mode", "t.txt:1: mode: expected one of passive, active-assisted, active, weight-bearing");
    expect_bad(l, "1 unlock now", "t.txt:1: unlock takes no arguments, got \"now\"");
    expect_bad(l, "1 end\n2 unlock", "t.txt:2: action after end (the script ends at line 1)");
    expect_bad(l, "1 stretch to=nan over=1", "t.txt:1: to: bad number \"nan\"");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_script),
        cmocka_unit_test(test_end_time),
        cmocka_unit_test(test_bad_lines),
    };
    return cmocka_run_group_tests(tests, load_hamstrings, free_lesson);
}
