/* test_lesson.c: lesson files and --set: the shipped lessons load with the
 * right contents, and every kind of broken file gives its exact one-line
 * message. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lesson.h"

#ifndef LESSON_FIXTURES
#error "LESSON_FIXTURES must name tests/lesson/fixtures"
#endif

static void load_shipped(const char *id, const char *const *sets, int set_count, lesson *l) {
    char path[LESSON_PATH_MAX];
    lesson_error err;
    assert_true(lesson_resolve(id, path, sizeof path));
    if (!lesson_load(path, sets, set_count, l, &err)) fail_msg("%s", err.message);
}

/* Loads fixtures/FILE and checks the message is "PATH" + `tail` exactly. */
static void expect_error(const char *file, const char *const *sets, int set_count, const char *tail) {
    char path[LESSON_PATH_MAX], want[LESSON_ERROR_MAX + LESSON_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", LESSON_FIXTURES, file);
    snprintf(want, sizeof want, "%s%s", path, tail);
    lesson l;
    lesson_error err;
    assert_false(lesson_load(path, sets, set_count, &l, &err));
    assert_string_equal(err.message, want);
    assert_null(l.demo_script); /* left empty on failure */
    assert_null(strchr(err.message, '\n'));
}

/* The same for a shipped lesson and --set assignments; `want` is whole. */
static void expect_set_error(const char *id, const char *set, const char *want_tail, bool with_path) {
    char path[LESSON_PATH_MAX], want[LESSON_ERROR_MAX + LESSON_PATH_MAX];
    assert_true(lesson_resolve(id, path, sizeof path));
    snprintf(want, sizeof want, "%s%s", with_path ? path : "", want_tail);
    lesson l;
    lesson_error err;
    const char *sets[] = {set};
    assert_false(lesson_load(path, sets, 1, &l, &err));
    assert_string_equal(err.message, want);
}

/* ---- the shipped lessons ---- */

static void test_two_bands(void **state) {
    (void)state;
    lesson l;
    load_shipped("two-bands", NULL, 0, &l);
    assert_string_equal(l.id, "two-bands");
    assert_int_equal(l.desc.muscle_count, 1);
    assert_int_equal(l.desc.tangle_count, 1);
    assert_string_equal(l.desc.muscles[0].name, "muscle");
    assert_int_equal(l.desc.muscles[0].fibres, 200);
    /* geometry left to the model's defaults */
    sim_muscle_desc dm = sim_muscle_desc_default();
    assert_int_equal(l.desc.muscles[0].particles, dm.particles);
    assert_float_equal(l.desc.muscles[0].origin_m, dm.origin_m, 0.0);
    assert_float_equal(l.desc.muscles[0].radius_m, dm.radius_m, 0.0);
    assert_int_equal(l.desc.tangles[0].muscle, 0);
    assert_float_equal(l.desc.tangles[0].at, 0.6f, 0.0);
    assert_float_equal(l.desc.tangles[0].length, 0.12f, 0.0);
    assert_float_equal(l.desc.tangles[0].share, 0.3f, 0.0);
    assert_float_equal(l.desc.tangles[0].severity, 0.8f, 0.0);
    assert_float_equal(l.desc.joint.shortened_deg, 90.0f, 0.0);
    assert_float_equal(l.desc.joint.stretched_deg, 0.0f, 0.0);
    assert_int_equal(l.desc.mode, SIM_MODE_PASSIVE);
    assert_non_null(l.demo_script);
    assert_non_null(strstr(l.demo_script, "lock at=0.49 pressure=250 tool=thumb"));
    assert_null(sim_validate_desc(&l.desc));
    lesson_free(&l);
}

static void test_hamstrings(void **state) {
    (void)state;
    lesson l;
    load_shipped("hamstrings", NULL, 0, &l);
    assert_int_equal(l.desc.muscle_count, 3);
    assert_int_equal(l.desc.tangle_count, 1);
    assert_int_equal(lesson_muscle_index(&l, "biceps femoris"), 0);
    assert_int_equal(lesson_muscle_index(&l, "semitendinosus"), 1);
    assert_int_equal(lesson_muscle_index(&l, "semimembranosus"), 2);
    assert_int_equal(lesson_muscle_index(&l, "gracilis"), -1);
    assert_int_equal(l.desc.tangles[0].muscle, 0);
    float max_force[3] = {900, 410, 1290};
    for (int i = 0; i < 3; i++) {
        const sim_muscle_desc *m = &l.desc.muscles[i];
        assert_int_equal(m->fibres, 200);
        assert_float_equal(m->max_force_n, max_force[i], 0.0);
        assert_true(m->origin_m >= 0.38f && m->origin_m <= 0.40f);
        assert_true(m->insertion_m >= 0.03f && m->insertion_m <= 0.045f);
        /* side by side without overlapping */
        for (int k = 0; k < i; k++) {
            const sim_muscle_desc *o = &l.desc.muscles[k];
            float dz = m->lateral_m - o->lateral_m, dy = m->offset_m - o->offset_m;
            assert_true(dz * dz + dy * dy >= (m->radius_m + o->radius_m) * (m->radius_m + o->radius_m));
        }
    }
    assert_float_equal(l.desc.joint.limit_deg, -5.0f, 0.0);
    lesson_free(&l);
}

static void test_list_and_resolve(void **state) {
    (void)state;
    char ids[32][64];
    int n = lesson_list(ids, 32);
    assert_true(n >= 2);
    bool two = false, ham = false;
    for (int i = 0; i < n; i++) {
        two |= strcmp(ids[i], "two-bands") == 0;
        ham |= strcmp(ids[i], "hamstrings") == 0;
        if (i) assert_true(strcmp(ids[i - 1], ids[i]) < 0);
    }
    assert_true(two && ham);
    char path[LESSON_PATH_MAX];
    assert_false(lesson_resolve("no-such-lesson", path, sizeof path));
    assert_true(lesson_resolve("some/dir/x.json", path, sizeof path));
    assert_string_equal(path, "some/dir/x.json");
}

static void test_data_dir_first(void **state) {
    (void)state;
    /* fixtures/ stands in for a data dir holding lessons/: absent, so the
     * search falls through; its path must still come first. */
    setenv("FIBRELAB_DATA_DIR", "/nonexistent-fibrelab", 1);
    char dirs[4][LESSON_PATH_MAX];
    int n = lesson_dirs(dirs, 4);
    assert_true(n >= 2);
    assert_string_equal(dirs[0], "/nonexistent-fibrelab/lessons");
    char path[LESSON_PATH_MAX];
    assert_true(lesson_resolve("two-bands", path, sizeof path));
    unsetenv("FIBRELAB_DATA_DIR");
}

/* ---- defaults, units, optional keys ---- */

static void test_minimal_defaults(void **state) {
    (void)state;
    lesson l;
    lesson_error err;
    if (!lesson_load(LESSON_FIXTURES "/minimal.json", NULL, 0, &l, &err)) fail_msg("%s", err.message);
    sim_world_desc d = sim_world_desc_default();
    sim_muscle_desc dm = sim_muscle_desc_default();
    assert_int_equal(l.desc.muscle_count, 1);
    assert_int_equal(l.desc.tangle_count, 0);
    assert_int_equal(l.desc.muscles[0].fibres, 50);
    assert_float_equal(l.desc.muscles[0].mass_kg, dm.mass_kg, 0.0);
    assert_float_equal(l.desc.joint.start_deg, d.joint.start_deg, 0.0);
    assert_int_equal(l.desc.substeps, d.substeps);
    assert_true(l.desc.seed == d.seed);
    assert_int_equal(l.desc.mode, SIM_MODE_ACTIVE_ASSISTED);
    assert_null(l.demo_script);
    assert_string_equal(lesson_mode_name(&l, SIM_MODE_ACTIVE_ASSISTED), "active-assisted");
    lesson_free(&l);
}

static void test_full_units(void **state) {
    (void)state;
    lesson l;
    lesson_error err;
    if (!lesson_load(LESSON_FIXTURES "/full.json", NULL, 0, &l, &err)) fail_msg("%s", err.message);
    const sim_muscle_desc *a = &l.desc.muscles[0];
    assert_float_equal(a->origin_m, 0.150f, 1e-7);
    assert_float_equal(a->insertion_m, 0.040f, 1e-7);
    assert_float_equal(a->offset_m, 0.020f, 1e-7);
    assert_float_equal(a->lateral_m, -0.0125f, 1e-7);
    assert_float_equal(a->radius_m, 0.008f, 1e-7);
    assert_float_equal(a->mass_kg, 0.080f, 1e-7);
    assert_int_equal(a->particles, 16);
    assert_float_equal(l.desc.joint.proximal_m, 0.300f, 1e-7);
    assert_float_equal(l.desc.joint.start_deg, 0.0f, 0.0);
    assert_float_equal(l.desc.joint.limit_deg, 35.0f, 0.0);
    assert_int_equal(l.desc.tangles[0].muscle, 1);
    assert_true(l.desc.seed == 42);
    assert_int_equal(l.desc.substeps, 4);
    assert_float_equal(l.desc.adhesion_yield_scale, 2.0f, 0.0);
    assert_int_equal(l.desc.mode, SIM_MODE_WEIGHT_BEARING);
    assert_string_equal(lesson_mode_name(&l, SIM_MODE_ACTIVE_ASSISTED), "active");
    assert_string_equal(lesson_mode_name(&l, SIM_MODE_PASSIVE), "passive");
    assert_string_equal(l.description, "Checks unit conversion and optional keys.");
    assert_non_null(l.demo_script);
    lesson_free(&l);
}

/* ---- broken files: one exact line each ---- */

static void test_bad_syntax(void **state) {
    (void)state;
    expect_error("bad-syntax.json", NULL, 0, ":5:3: invalid JSON near '\"joint\": { \"shor'");
    expect_error("bad-eof.json", NULL, 0, ":6:1: invalid JSON: unexpected end of file");
}

static void test_bad_values(void **state) {
    (void)state;
    expect_error("bad-at.json", NULL, 0, ": tangles[0].at: must be between 0 and 1, got 1.4");
    expect_error("unknown-key.json", NULL, 0, ": tangles[0].severty: unknown key (typo?)");
    expect_error("wrong-type.json", NULL, 0, ": muscles[1].fibres: must be an integer, got \"abc\"");
    expect_error("missing-key.json", NULL, 0, ": title: missing required key");
    expect_error("id-mismatch.json", NULL, 0,
                 ": id: must equal the file name \"id-mismatch\", got \"something-else\"");
    expect_error("unknown-muscle.json", NULL, 0, ": tangles[0].muscle: no muscle named \"soleus\" in muscles");
    expect_error("duplicate-muscle.json", NULL, 0,
                 ": muscles[1].name: duplicate muscle name \"muscle\" (also muscles[0])");
    expect_error("bad-script-line.json", NULL, 0,
                 ": script[1]: lock: unknown key \"presure\" (expected at, pressure, tool, muscle)");
}

static void test_missing_file(void **state) {
    (void)state;
    lesson l;
    lesson_error err;
    assert_false(lesson_load(LESSON_FIXTURES "/no-such-file.json", NULL, 0, &l, &err));
    assert_string_equal(err.message, LESSON_FIXTURES "/no-such-file.json: cannot open: No such file or directory");
}

/* Each check in turn, by --set on a good file: the path in the message is the file's. */
static void test_checks_by_set(void **state) {
    (void)state;
    static const struct {
        const char *set, *tail;
    } cases[] = {
        {"schema=2", ": schema: must be 1, got 2"},
        {"joint.stretched_deg=90", ": joint.stretched_deg: must differ from shortened_deg (90)"},
        {"joint.start_deg=120", ": joint.start_deg: must be between shortened_deg and stretched_deg (90 and 0), got 120"},
        {"joint.limit_deg=10", ": joint.limit_deg: must be at or beyond stretched_deg (0), away from shortened_deg, got 10"},
        {"joint.shortened_deg=\"ninety\"", ": joint.shortened_deg: must be a number, got \"ninety\""},
        {"muscles[0].fibres=0", ": muscles[0].fibres: must be between 1 and 20000, got 0"},
        {"muscles[0].fibres=2.5", ": muscles[0].fibres: must be an integer, got 2.5"},
        {"muscles[0].origin_mm=450", ": muscles[0].origin_mm: must be at most joint.proximal_mm (400), got 450"},
        {"muscles[0].name=\"\"", ": muscles[0].name: must not be empty"},
        {"muscles=[]", ": muscles: must list at least one muscle"},
        {"tangles={}", ": tangles: must be an array, got an object"},
        {"mode=sideways", ": mode: must be one of passive, active-assisted, active, weight-bearing, got \"sideways\""},
        {"seed=-1", ": seed: must be at least 0, got -1"},
        {"seed=1.5", ": seed: must be an integer, got 1.5"},
        {"model={\"substeps\":0}", ": model.substeps: must be between 1 and 64, got 0"},
        {"mode_names={\"pasive\":\"x\"}", ": mode_names.pasive: unknown key (typo?)"},
        {"sources=[1]", ": sources[0]: must be a string, got 1"},
        {"script=[\"0 wiggle\"]", ": script[0]: unknown verb \"wiggle\" (expected mode, lock, unlock, stretch, palpate or end)"},
        {"joint.shortned_deg=80", ": joint.shortned_deg: unknown key (typo?)"},
        {"tangles[0].at=1.4", ": tangles[0].at: must be between 0 and 1, got 1.4"},
        {"tangles[1]={\"muscle\":\"muscle\",\"at\":0.3}", ": tangles[1].length: missing required key"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) expect_set_error("two-bands", cases[i].set, cases[i].tail, true);
}

/* ---- --set ---- */

static void test_set_values(void **state) {
    (void)state;
    const char *sets[] = {"tangles[0].at=0.62", "muscles[0].fibres=400", "mode=active", "joint.stretched_deg=-10",
                          "seed=7", "title=\"Quoted title\"",
                          "tangles[1]={\"muscle\":\"muscle\",\"at\":0.3,\"length\":0.1,\"share\":0.2,\"severity\":0.5}",
                          "tangles[0].at=0.65"};
    lesson l;
    load_shipped("two-bands", sets, (int)(sizeof sets / sizeof *sets), &l);
    assert_float_equal(l.desc.tangles[0].at, 0.65f, 0.0); /* the last of two wins */
    assert_int_equal(l.desc.muscles[0].fibres, 400);
    assert_int_equal(l.desc.mode, SIM_MODE_ACTIVE);
    assert_float_equal(l.desc.joint.stretched_deg, -10.0f, 0.0);
    assert_true(l.desc.seed == 7);
    assert_string_equal(l.title, "Quoted title");
    assert_int_equal(l.desc.tangle_count, 2);
    assert_float_equal(l.desc.tangles[1].at, 0.3f, 0.0);
    lesson_free(&l);

    /* a bare string that happens to need no quotes */
    const char *id[] = {"id=two-bands"};
    load_shipped("two-bands", id, 1, &l);
    lesson_free(&l);
}

static void test_set_bad_paths(void **state) {
    (void)state;
    expect_set_error("two-bands", "tangles[0].at", "--set tangles[0].at: expected KEY=VALUE", false);
    expect_set_error("two-bands", "tangles[3].at=0.5", "--set tangles[3].at: index [3] out of range (tangles has 1)",
                     false);
    expect_set_error("two-bands", "tangles[5]={}", "--set tangles[5]: index [5] out of range (tangles has 1)", false);
    expect_set_error("two-bands", "model.substeps=4", "--set model.substeps: model does not exist in the lesson",
                     false);
    expect_set_error("two-bands", "joint[0]=1", "--set joint[0]: joint is not an array", false);
    expect_set_error("two-bands", "mode.x=1", "--set mode.x: mode is not an object", false);
    expect_set_error("two-bands", "=1", "--set : bad path: expected a key name at \"\"", false);
    expect_set_error("two-bands", "tangles[x].at=1", "--set tangles[x].at: bad path: expected [INDEX] at \"[x].at\"",
                     false);
    expect_set_error("two-bands", "joint..x=1", "--set joint..x: bad path: expected a key name at \".x\"", false);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_bands),      cmocka_unit_test(test_hamstrings),
        cmocka_unit_test(test_list_and_resolve), cmocka_unit_test(test_data_dir_first),
        cmocka_unit_test(test_minimal_defaults), cmocka_unit_test(test_full_units),
        cmocka_unit_test(test_bad_syntax),     cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_missing_file),   cmocka_unit_test(test_checks_by_set),
        cmocka_unit_test(test_set_values),     cmocka_unit_test(test_set_bad_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
