/* test_model.c: properties of the model's output on the shipped lessons.
 *
 * Each test runs the headless runner (the same code path as the program) and
 * asserts on the report it produces. The release claims of issue 3 section 5
 * that do not hold yet are listed in the note, not asserted here.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lesson.h"
#include "runner.h"
#include "script.h"
#include "sim.h"

/* The treatment of the issue: shorten, lock, stretch to 1 over `over` s,
 * hold 10 s, unlock, back to 0 over 6 s. lock_at < 0: no lock. */
static runner_report treat(const char *lesson_name, const char *const *sets, int set_count, uint64_t seed,
                           float lock_at, float kpa, float over) {
    char path[LESSON_PATH_MAX], text[512];
    lesson l;
    lesson_error err;
    assert_true(lesson_resolve(lesson_name, path, sizeof path));
    if (!lesson_load(path, sets, set_count, &l, &err)) fail_msg("%s", err.message);
    double t_hold = 3.0 + over;
    if (lock_at >= 0.0f)
        snprintf(text, sizeof text,
                 "0 stretch to=0 over=2\n2 lock at=%.4f pressure=%.1f tool=thumb\n3 stretch to=1 over=%.2f\n"
                 "%.2f unlock\n%.2f stretch to=0 over=6\n",
                 lock_at, kpa, over, t_hold + 10.0, t_hold + 10.0);
    else
        snprintf(text, sizeof text, "0 stretch to=0 over=2\n3 stretch to=1 over=%.2f\n%.2f stretch to=0 over=6\n", over,
                 t_hold + 10.0);
    script s;
    if (!script_parse(text, "treatment", &l, &s, &err)) fail_msg("%s", err.message);
    runner_report r;
    if (!runner_run(&l, &s, seed, &r, &err)) fail_msg("%s", err.message);
    script_free(&s);
    lesson_free(&l);
    return r;
}

static runner_report treat_at(float a, uint64_t seed, int lock_side, float kpa, float over) {
    char set[64];
    snprintf(set, sizeof set, "tangles[0].at=%.3f", a);
    const char *sets[] = {set};
    const float half = 0.12f / 2.0f; /* two-bands' tangle length */
    float lock_at = lock_side == 0 ? -1.0f : (lock_side < 0 ? a - half - 0.05f : a + half + 0.05f);
    return treat("two-bands", sets, 1, seed, lock_at, kpa, over);
}

static void same_run_same_bits(void **state) {
    (void)state;
    runner_report a = treat_at(0.55f, 7, -1, 250, 12), b = treat_at(0.55f, 7, -1, 250, 12);
    runner_report c = treat_at(0.55f, 8, -1, 250, 12);
    assert_int_equal(a.state_hash, b.state_hash);
    assert_int_not_equal(a.state_hash, c.state_hash);
}

/* Claim 1 (strain part): with the lock on the origin side of the tangle the
 * tangle's peak strain is higher than after the same stretch without it, at
 * positions spread over [0.3, 0.75] and for two seeds. */
static void lock_sends_strain_into_tangle(void **state) {
    (void)state;
    const float positions[] = {0.3f, 0.42f, 0.53f, 0.64f, 0.75f};
    const uint64_t seeds[] = {1, 23};
    for (size_t p = 0; p < sizeof positions / sizeof *positions; p++)
        for (size_t s = 0; s < 2; s++) {
            runner_report free_stretch = treat_at(positions[p], seeds[s], 0, 0, 12);
            runner_report locked = treat_at(positions[p], seeds[s], -1, 250, 12);
            if (!(locked.tangles[0].m.peak_strain > free_stretch.tangles[0].m.peak_strain))
                fail_msg("at=%.2f seed=%d: peak strain with lock %.4f, without %.4f", positions[p], (int)seeds[s],
                         locked.tangles[0].m.peak_strain, free_stretch.tangles[0].m.peak_strain);
            assert_int_equal(locked.lock_slips, 0);
        }
}

/* Claim 5: too little pressure slips; too much hurts. */
static void pressure_slips_or_hurts(void **state) {
    (void)state;
    runner_report light = treat_at(0.6f, 1, -1, 30, 12), heavy = treat_at(0.6f, 1, -1, 900, 12);
    assert_true(light.lock_slips >= 1);
    assert_true(heavy.peak_pain >= 7.0f);
    assert_true(heavy.peak_pressure_kpa >= 899.0f);
}

/* Claim 4 (tone part): a fast stretch makes the client guard. */
static void fast_stretch_raises_tone(void **state) {
    (void)state;
    runner_report slow = treat_at(0.6f, 1, -1, 250, 12), fast = treat_at(0.6f, 1, -1, 250, 1);
    if (!(fast.peak_tone > 2.0f * slow.peak_tone))
        fail_msg("peak tone fast %.3f, slow %.3f", fast.peak_tone, slow.peak_tone);
}

/* A muscle with no tangle, held still, stays still. */
static void untangled_muscle_at_rest_stays_still(void **state) {
    (void)state;
    sim_world_desc d = sim_world_desc_default();
    d.muscles[d.muscle_count++] = sim_muscle_desc_default();
    sim_world *w = sim_world_create(&d);
    assert_non_null(w);
    for (int i = 0; i < 120; i++) sim_world_step(w); /* settle */
    sim_bundle_view v = sim_world_bundle(w, 0);
    int n = v.fibres * v.particles;
    float *before = malloc((size_t)n * 3 * sizeof(float));
    assert_non_null(before);
    for (int i = 0; i < n; i++) before[3 * i] = v.x[i], before[3 * i + 1] = v.y[i], before[3 * i + 2] = v.z[i];
    for (int i = 0; i < 600; i++) sim_world_step(w);
    double worst = 0.0;
    for (int i = 0; i < n; i++) {
        double dx = v.x[i] - before[3 * i], dy = v.y[i] - before[3 * i + 1], dz = v.z[i] - before[3 * i + 2];
        double d2 = sqrt(dx * dx + dy * dy + dz * dz);
        if (d2 > worst) worst = d2;
    }
    if (worst > 1e-4) fail_msg("a particle moved %.6f m in 10 s at rest", worst);
    free(before);
    sim_world_destroy(w);
}

/* No NaN and no runaway in a long run of random actions. */
static void random_actions_stay_finite(void **state) {
    (void)state;
    char path[LESSON_PATH_MAX];
    lesson l;
    lesson_error err;
    assert_true(lesson_resolve("two-bands", path, sizeof path));
    assert_true(lesson_load(path, NULL, 0, &l, &err));
    sim_world *w = sim_world_create(&l.desc);
    assert_non_null(w);
    uint64_t r = 12345;
    for (int frame = 0; frame < 60 * 90; frame++) {
        if (frame % 45 == 0) {
            r = r * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned pick = (unsigned)(r >> 33) % 5;
            float u = (float)((r >> 11) & 0xFFFF) / 65535.0f;
            if (pick == 0) sim_world_stretch_to(w, u * 1.05f, 0.2f + 6.0f * u);
            if (pick == 1) {
                sim_lock_desc ld = {0, u, 20.0f + 1500.0f * u, (sim_tool)((r >> 40) % SIM_TOOL_COUNT)};
                sim_world_lock(w, &ld);
            }
            if (pick == 2) sim_world_unlock(w);
            if (pick == 3) sim_world_set_mode(w, (sim_mode)((r >> 45) % SIM_MODE_COUNT));
        }
        sim_world_step(w);
    }
    sim_bundle_view v = sim_world_bundle(w, 0);
    for (int i = 0; i < v.fibres * v.particles; i++) {
        assert_true(isfinite(v.x[i]) && isfinite(v.y[i]) && isfinite(v.z[i]));
        assert_true(fabsf(v.x[i]) < 1.0f && fabsf(v.y[i]) < 1.0f && fabsf(v.z[i]) < 1.0f);
    }
    sim_state s = sim_world_state(w);
    assert_true(isfinite(s.pain) && s.pain >= 0.0f && s.pain <= 10.0f);
    assert_true(isfinite(s.resisting_torque_nm));
    sim_world_destroy(w);
    lesson_free(&l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_run_same_bits),
        cmocka_unit_test(lock_sends_strain_into_tangle),
        cmocka_unit_test(pressure_slips_or_hurts),
        cmocka_unit_test(fast_stretch_raises_tone),
        cmocka_unit_test(untangled_muscle_at_rest_stays_still),
        cmocka_unit_test(random_actions_stay_finite),
    };
    const char *only = getenv("MODEL_TEST");
    if (only) cmocka_set_test_filter(only);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
