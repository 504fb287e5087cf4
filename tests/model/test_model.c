/* test_model.c: properties of the model's output on the shipped lessons.
 *
 * Each test runs the headless runner (the same code path as the program) and
 * asserts on the report it produces.
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

/* Seeds each claim runs with: two, or one where MODEL_ONE_SEED is set (the
 * sanitizer build, which checks memory and undefined behaviour on the same
 * paths, at a tenth of the speed). */
static size_t seed_count(void) {
    return getenv("MODEL_ONE_SEED") ? 1 : 2;
}

/* The treatment of the issue: shorten, lock (with `tool`, the script's
 * tool= and muscle= words), stretch to 1 over `over` s, hold 10 s, unlock,
 * back to 0 over 6 s. lock_at < 0: no lock. */
static runner_report treat(const char *lesson_name, const char *const *sets, int set_count, uint64_t seed,
                           float lock_at, float kpa, const char *tool, float over) {
    char path[LESSON_PATH_MAX], text[512];
    lesson l;
    lesson_error err;
    assert_true(lesson_resolve(lesson_name, path, sizeof path));
    if (!lesson_load(path, sets, set_count, &l, &err)) fail_msg("%s", err.message);
    double t_hold = 3.0 + over;
    if (lock_at >= 0.0f)
        snprintf(text, sizeof text,
                 "0 stretch to=0 over=2\n2 lock at=%.4f pressure=%.1f %s\n3 stretch to=1 over=%.2f\n"
                 "%.2f unlock\n%.2f stretch to=0 over=6\n",
                 lock_at, kpa, tool, over, t_hold + 10.0, t_hold + 10.0);
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
    return treat("two-bands", sets, 1, seed, lock_at, kpa, "tool=thumb", over);
}

static void same_run_same_bits(void **state) {
    (void)state;
    runner_report a = treat_at(0.55f, 7, -1, 250, 12), b = treat_at(0.55f, 7, -1, 250, 12);
    runner_report c = treat_at(0.55f, 8, -1, 250, 12);
    assert_int_equal(a.state_hash, b.state_hash);
    assert_int_not_equal(a.state_hash, c.state_hash);
}

/* Claims 1, 2, 3, 4 and 6 of issue 3 at one tangle position (MODEL_AT, set by
 * ctest: five positions over [0.3, 0.75]) and two seeds: the lock on the
 * origin side releases more than no lock (at least 3x and 30% of the
 * adhesions where the tangle is in the half near the moving joint) and
 * strains the tangle more; on the wrong side it releases at most a third of
 * that; released fibres realign; a fast stretch raises tone and pain and releases less; range of
 * motion improves by 2 degrees or more, and more than without the lock. */
static void treatment_claims(void **state) {
    (void)state;
    const char *at_text = getenv("MODEL_AT");
    assert_non_null(at_text);
    const float a = strtof(at_text, NULL);
    const uint64_t seeds[] = {1, 2};
    for (size_t s = 0; s < seed_count(); s++) {
        runner_report none = treat_at(a, seeds[s], 0, 0, 12), good = treat_at(a, seeds[s], -1, 250, 12);
        runner_report wrong = treat_at(a, seeds[s], +1, 250, 12), fast = treat_at(a, seeds[s], -1, 250, 1);
        const int n = none.tangles[0].m.adhesions_released, g = good.tangles[0].m.adhesions_released;
        const int wr = wrong.tangles[0].m.adhesions_released, f = fast.tangles[0].m.adhesions_released;
        const int total = good.tangles[0].m.adhesions_total;
        print_message("at=%.2f seed=%d released: none %d good %d wrong %d fast %d of %d; rom +%.1f (none +%.1f)\n", a,
                      (int)seeds[s], n, g, wr, f, total, good.rom_end_deg - good.rom_start_deg,
                      none.rom_end_deg - none.rom_start_deg);
        assert_true(total > 0);
        /* 1 */
        assert_true(g > n);
        assert_true(good.tangles[0].m.peak_strain > none.tangles[0].m.peak_strain);
        if (a >= 0.5f) {
            assert_true(g >= 3 * (n > 1 ? n : 1));
            assert_true(10 * g >= 3 * total);
        }
        assert_int_equal(good.lock_slips, 0);
        /* 2 */
        assert_true(3 * wr <= g);
        /* 3: where the lock released 30% or more, the tangle realigns by at
         * least half of its gap to healthy tissue (standard measurement) */
        if (10 * g >= 3 * total) {
            const sim_region_metrics *t = &good.tangles[0].m;
            assert_true(t->alignment_now - t->alignment_start >= 0.5f * (t->healthy_alignment - t->alignment_start));
            assert_true(t->alignment_start < t->healthy_alignment);
        }
        /* 4 */
        assert_true(fast.peak_tone > good.peak_tone);
        assert_true(fast.peak_pain > good.peak_pain);
        assert_true(f < g);
        /* 6 */
        assert_true(good.rom_end_deg - good.rom_start_deg >= 2.0f);
        assert_true(good.rom_end_deg - good.rom_start_deg > none.rom_end_deg - none.rom_start_deg);
    }
}

/* Claim 5: too little pressure slips and releases less; too much hurts. */
static void pressure_slips_or_hurts(void **state) {
    (void)state;
    runner_report light = treat_at(0.6f, 1, -1, 30, 12), heavy = treat_at(0.6f, 1, -1, 900, 12);
    runner_report good = treat_at(0.6f, 1, -1, 250, 12);
    assert_true(light.lock_slips >= 1);
    assert_true(light.tangles[0].m.adhesions_released < good.tangles[0].m.adhesions_released);
    assert_true(heavy.peak_pain >= 7.0f);
    assert_true(heavy.peak_pressure_kpa >= 899.0f);
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
    for (int f = 0; f < v.fibres; f++)
        for (int j = 0; j < v.particles; j++) {
            int i = sim_view_index(&v, f, j), k = 3 * (f * v.particles + j);
            before[k] = v.x[i], before[k + 1] = v.y[i], before[k + 2] = v.z[i];
        }
    for (int i = 0; i < 600; i++) sim_world_step(w);
    double worst = 0.0;
    for (int f = 0; f < v.fibres; f++)
        for (int j = 0; j < v.particles; j++) {
            int i = sim_view_index(&v, f, j), k = 3 * (f * v.particles + j);
            double dx = v.x[i] - before[k], dy = v.y[i] - before[k + 1], dz = v.z[i] - before[k + 2];
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
    for (int f = 0; f < v.fibres; f++)
        for (int j = 0; j < v.particles; j++) {
            int i = sim_view_index(&v, f, j);
            assert_true(isfinite(v.x[i]) && isfinite(v.y[i]) && isfinite(v.z[i]));
            assert_true(fabsf(v.x[i]) < 1.0f && fabsf(v.y[i]) < 1.0f && fabsf(v.z[i]) < 1.0f);
        }
    sim_state s = sim_world_state(w);
    assert_true(isfinite(s.pain) && s.pain >= 0.0f && s.pain <= 10.0f);
    assert_true(isfinite(s.resisting_torque_nm));
    sim_world_destroy(w);
    lesson_free(&l);
}

/* Claim 7: in hamstrings, with a tight patch at the same place (MODEL_AT) in
 * biceps femoris and in semitendinosus, a lock on one muscle sends the
 * stretch into it: it releases at least twice as much there as in the other
 * muscle. The lock is the lesson's fist at 250 kPa just on the origin side. */
static void lock_isolates_one_hamstring(void **state) {
    (void)state;
    const char *at_text = getenv("MODEL_AT");
    assert_non_null(at_text);
    const float a = strtof(at_text, NULL);
    char bf[128], st[128];
    snprintf(bf, sizeof bf, "tangles[0]={\"muscle\":\"biceps femoris\",\"at\":%.3f,\"length\":0.12,\"share\":0.3,\"severity\":0.8}", a);
    snprintf(st, sizeof st, "tangles[1]={\"muscle\":\"semitendinosus\",\"at\":%.3f,\"length\":0.12,\"share\":0.3,\"severity\":0.8}", a);
    const char *sets[] = {bf, st};
    const float lock_at = a - 0.12f / 2.0f - 0.05f;
    const uint64_t seeds[] = {1, 2};
    for (size_t s = 0; s < seed_count(); s++) {
        runner_report on_bf = treat("hamstrings", sets, 2, seeds[s], lock_at, 250, "tool=fist muscle=biceps_femoris", 12);
        runner_report on_st = treat("hamstrings", sets, 2, seeds[s], lock_at, 250, "tool=fist muscle=semitendinosus", 12);
        assert_string_equal(on_bf.tangles[0].name, "biceps femoris");
        assert_string_equal(on_bf.tangles[1].name, "semitendinosus");
        const int bf_bf = on_bf.tangles[0].m.adhesions_released, bf_st = on_bf.tangles[1].m.adhesions_released;
        const int st_bf = on_st.tangles[0].m.adhesions_released, st_st = on_st.tangles[1].m.adhesions_released;
        print_message("at=%.2f seed=%d lock on BF releases %d in BF, %d in ST; lock on ST %d in BF, %d in ST\n", a,
                      (int)seeds[s], bf_bf, bf_st, st_bf, st_st);
        assert_true(bf_bf >= 2 * (bf_st > 1 ? bf_st : 1));
        assert_true(st_st >= 2 * (st_bf > 1 ? st_bf : 1));
        /* the locked muscle's patch is the one that is stretched */
        assert_true(on_bf.tangles[0].m.peak_strain > on_st.tangles[0].m.peak_strain);
        assert_true(on_st.tangles[1].m.peak_strain > on_bf.tangles[1].m.peak_strain);
    }
}

/* Palpation finds the tight spot: pressing over the tangle is tender and
 * pressing healthy tissue is not; it reads the state and changes nothing. */
static void palpation_finds_the_tangle(void **state) {
    (void)state;
    char path[LESSON_PATH_MAX];
    lesson l;
    lesson_error err;
    const char *sets[] = {"tangles[0].at=0.45"};
    assert_true(lesson_resolve("two-bands", path, sizeof path));
    if (!lesson_load(path, sets, 1, &l, &err)) fail_msg("%s", err.message);
    sim_world *w = sim_world_create(&l.desc);
    assert_non_null(w);
    sim_world_stretch_to(w, 0.3f, 2.0f); /* palpated on a little stretch */
    for (int i = 0; i < 180; i++) sim_world_step(w);
    const uint64_t before = sim_world_state_hash(w);
    float best_s = -1.0f, best = -1.0f;
    for (int k = 0; k <= 16; k++) {
        float s = 0.1f + 0.05f * (float)k;
        sim_palpation p = sim_world_palpate(w, 0, s, 150.0f);
        assert_true(isfinite(p.stiffness_n_per_mm) && p.stiffness_n_per_mm > 0.0f);
        if (p.tenderness > best) best = p.tenderness, best_s = s;
        if (fabsf(s - 0.45f) > 0.15f) assert_true(p.tenderness < 0.5f);
    }
    print_message("most tender at s=%.2f (%.1f)\n", best_s, best);
    assert_true(fabsf(best_s - 0.45f) <= 0.05f + 1e-6f);
    assert_true(best >= 1.0f);
    assert_int_equal(sim_world_state_hash(w), before);
    sim_world_destroy(w);
    lesson_free(&l);
}

/* Peak strain of two side-by-side muscles, the first crossing a second joint
 * held at second_deg, over a slow stretch of the main joint. */
static void two_muscle_stretch(float second_deg, float peak[2]) {
    sim_world_desc d = sim_world_desc_default();
    d.joint.second_deg = second_deg;
    for (int m = 0; m < 2; m++) {
        d.muscles[m] = sim_muscle_desc_default();
        d.muscles[m].lateral_m = m ? -0.015f : 0.015f;
        snprintf(d.muscles[m].name, sizeof d.muscles[m].name, "%s", m ? "one joint" : "two joints");
    }
    d.muscles[0].second_arm_m = 0.02f;
    d.muscle_count = 2;
    sim_world *w = sim_world_create(&d);
    assert_non_null(w);
    sim_world_stretch_to(w, 0.0f, 2.0f);
    for (int i = 0; i < 150; i++) sim_world_step(w);
    sim_world_stretch_to(w, 1.0f, 12.0f);
    for (int i = 0; i < 60 * 13; i++) sim_world_step(w);
    for (int m = 0; m < 2; m++) peak[m] = sim_world_muscle_metrics(w, m).peak_strain;
    sim_world_destroy(w);
}

/* A muscle that crosses a second joint (gastrocnemius at the knee) takes the
 * stretch while that joint is straight; bent, it is slack and the stretch
 * goes to its one-joint neighbour (soleus), which does not notice. */
static void bent_second_joint_sends_the_stretch_elsewhere(void **state) {
    (void)state;
    float straight[2], bent[2];
    two_muscle_stretch(0.0f, straight);
    two_muscle_stretch(60.0f, bent);
    print_message("peak strain straight %.3f / %.3f, bent %.3f / %.3f\n", straight[0], straight[1], bent[0], bent[1]);
    assert_true(fabsf(straight[0] - straight[1]) < 0.1f * straight[1]);
    assert_true(bent[0] < straight[0] - 0.03f);
    assert_true(fabsf(bent[1] - straight[1]) < 0.05f * straight[1]);
}

/* The calf (issue 6): with the knee straight a stretch goes mostly to
 * gastrocnemius, which crosses the knee; bent, gastrocnemius is slack, the
 * stretch goes to soleus and the ankle reaches further. A lock on
 * gastrocnemius above its tight patch releases it; the same stretch without
 * the lock does not. */
static void calf_knee_straight_or_bent(void **state) {
    (void)state;
    const char *straight[] = {"joint.second_joint_deg=0"}, *bent[] = {"joint.second_joint_deg=90"};
    runner_report s = treat("calf", straight, 1, 1, -1.0f, 0, "", 12);
    runner_report b = treat("calf", bent, 1, 1, -1.0f, 0, "", 12);
    runner_report locked = treat("calf", straight, 1, 1, 0.25f, 250, "tool=fist muscle=gastrocnemius", 12);
    print_message("peak strain gastrocnemius/soleus: straight %.3f/%.3f, bent %.3f/%.3f; rom %.1f vs %.1f; "
                  "released %d without lock, %d with\n",
                  s.muscles[0].m.peak_strain, s.muscles[1].m.peak_strain, b.muscles[0].m.peak_strain,
                  b.muscles[1].m.peak_strain, s.rom_start_deg, b.rom_start_deg, s.tangles[0].m.adhesions_released,
                  locked.tangles[0].m.adhesions_released);
    assert_string_equal(s.muscles[0].name, "gastrocnemius");
    assert_true(s.muscles[0].m.peak_strain > 1.3f * s.muscles[1].m.peak_strain);
    assert_true(b.muscles[1].m.peak_strain > 1.3f * b.muscles[0].m.peak_strain);
    assert_true(b.rom_start_deg > s.rom_start_deg + 5.0f);
    assert_true(locked.tangles[0].m.adhesions_released >= 3 * (s.tangles[0].m.adhesions_released > 1 ? s.tangles[0].m.adhesions_released : 1));
}

/* Four lock-and-stretch cycles on the rhythm lesson, the lock moving along
 * the muscle; each stretch to `to` over `over` s. Records the resting tone
 * after each cycle, the range of motion before and after, and the peaks. */
typedef struct cycles_result {
    float rest_tone[4], rom_before, rom_after, peak_tone, peak_pain;
} cycles_result;

static cycles_result lock_stretch_cycles(float to, float over) {
    char path[LESSON_PATH_MAX];
    lesson l;
    lesson_error err;
    assert_true(lesson_resolve("rhythm", path, sizeof path));
    if (!lesson_load(path, NULL, 0, &l, &err)) fail_msg("%s", err.message);
    sim_world *w = sim_world_create(&l.desc);
    assert_non_null(w);
    cycles_result r = {.rom_before = sim_world_assess_rom_deg(w)};
    const float lock_at[4] = {0.30f, 0.40f, 0.48f, 0.54f};
    for (int c = 0; c < 4; c++) {
        sim_world_lock(w, &(sim_lock_desc){0, lock_at[c], 250.0f, SIM_TOOL_THUMB});
        sim_world_stretch_to(w, to - 0.05f * (float)c, over); /* smaller stretches as the lock nears the spot */
        for (int i = 0; i < (int)(60.0f * (over + 3.0f)); i++) sim_world_step(w);
        sim_world_unlock(w);
        sim_world_stretch_to(w, 0.0f, 5.0f);
        for (int i = 0; i < 60 * 25; i++) sim_world_step(w); /* rest: tone settles over tens of seconds */
        r.rest_tone[c] = sim_world_state(w).tone;
    }
    r.rom_after = sim_world_assess_rom_deg(w);
    sim_totals t = sim_world_totals(w);
    r.peak_tone = t.peak_tone, r.peak_pain = t.peak_pain;
    sim_world_destroy(w);
    lesson_free(&l);
    return r;
}

/* The rhythm lesson (issue 6): slow, pain-free cycles lower the resting tone
 * cycle by cycle and the range grows; fast, painful cycles raise tone and
 * pain and gain less range. */
static void slow_cycles_calm_fast_cycles_guard(void **state) {
    (void)state;
    cycles_result slow = lock_stretch_cycles(0.5f, 10.0f), fast = lock_stretch_cycles(0.9f, 1.0f);
    print_message("slow: resting tone %.4f %.4f %.4f %.4f, rom %.1f -> %.1f, peak tone %.3f pain %.1f\n",
                  slow.rest_tone[0], slow.rest_tone[1], slow.rest_tone[2], slow.rest_tone[3], slow.rom_before,
                  slow.rom_after, slow.peak_tone, slow.peak_pain);
    print_message("fast: resting tone %.4f %.4f %.4f %.4f, rom %.1f -> %.1f, peak tone %.3f pain %.1f\n",
                  fast.rest_tone[0], fast.rest_tone[1], fast.rest_tone[2], fast.rest_tone[3], fast.rom_before,
                  fast.rom_after, fast.peak_tone, fast.peak_pain);
    /* resting tone falls over the cycles (each rest also carries what is left
     * of that cycle's stretch, so the trend, not every step, is the claim) */
    assert_true(slow.rest_tone[1] < slow.rest_tone[0]);
    assert_true(slow.rest_tone[3] < 0.8f * slow.rest_tone[0]);
    assert_true(slow.rom_after >= slow.rom_before + 3.0f);
    assert_true(slow.peak_pain < 5.0f);
    assert_true(fast.peak_tone > 3.0f * slow.peak_tone);
    assert_true(fast.peak_pain >= 5.0f);
    assert_true(fast.rest_tone[3] > slow.rest_tone[3]);
    assert_true(fast.rom_after - fast.rom_before < slow.rom_after - slow.rom_before);
}

/* A lesson's own demonstration, with `sets` applied to the lesson. */
static runner_report run_demo(const char *lesson_name, const char *const *sets, int set_count) {
    char path[LESSON_PATH_MAX];
    lesson l;
    lesson_error err;
    assert_true(lesson_resolve(lesson_name, path, sizeof path));
    if (!lesson_load(path, sets, set_count, &l, &err)) fail_msg("%s", err.message);
    assert_non_null(l.demo_script);
    script s;
    if (!script_parse(l.demo_script, "demo", &l, &s, &err)) fail_msg("%s", err.message);
    runner_report r;
    if (!runner_run(&l, &s, l.desc.seed, &r, &err)) fail_msg("%s", err.message);
    script_free(&s);
    lesson_free(&l);
    return r;
}

/* Weight-bearing (issue 6): the same squat under body weight raises the
 * quadriceps' tone as they lengthen; moved passively, it does not. */
static void weight_bearing_raises_tone(void **state) {
    (void)state;
    const char *passive[] = {"mode=\"passive\""};
    runner_report loaded = run_demo("quadriceps-weight-bearing", NULL, 0);
    runner_report moved = run_demo("quadriceps-weight-bearing", passive, 1);
    print_message("peak tone under body weight %.3f, moved passively %.3f\n", loaded.peak_tone, moved.peak_tone);
    assert_int_equal(loaded.mode, SIM_MODE_WEIGHT_BEARING);
    assert_int_equal(moved.mode, SIM_MODE_PASSIVE);
    assert_true(loaded.peak_tone >= 0.2f);
    assert_true(loaded.peak_tone > 5.0f * moved.peak_tone);
}

/* Active STR (issue 6): in upper-trapezius-active the client locks with
 * their own fingertips (the `mode active` lesson: the client also makes the
 * movement, at their own pace) and tilts the head away. The same tilt with
 * the lock releases the tight patch; without it, little. The lock sits just
 * on the shoulder (fixed) side of the patch. (This tilts to the end of
 * range; the lesson's own demonstration stops short of it, pain-free.) */
static void active_lock_and_tilt_releases_more(void **state) {
    (void)state;
    const uint64_t seeds[] = {1, 2};
    for (size_t s = 0; s < seed_count(); s++) {
        runner_report locked = treat("upper-trapezius-active", NULL, 0, seeds[s], 0.40f, 200, "tool=thumb", 12);
        runner_report plain = treat("upper-trapezius-active", NULL, 0, seeds[s], -1.0f, 0, "", 12);
        const int l = locked.tangles[0].m.adhesions_released, p = plain.tangles[0].m.adhesions_released;
        const int total = locked.tangles[0].m.adhesions_total;
        print_message("seed=%d active tilt released %d of %d with the lock, %d without; peak pain %.1f / %.1f\n",
                      (int)seeds[s], l, total, p, locked.peak_pain, plain.peak_pain);
        assert_int_equal(locked.mode, SIM_MODE_ACTIVE);
        assert_true(total > 0);
        assert_true(l >= 3 * (p > 1 ? p : 1));
        assert_true(5 * l >= total); /* a fifth or more of the patch */
        assert_true(locked.tangles[0].m.peak_strain > plain.tangles[0].m.peak_strain);
        assert_int_equal(locked.lock_slips, 0);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_run_same_bits),
        cmocka_unit_test(treatment_claims),
        cmocka_unit_test(lock_isolates_one_hamstring),
        cmocka_unit_test(palpation_finds_the_tangle),
        cmocka_unit_test(bent_second_joint_sends_the_stretch_elsewhere),
        cmocka_unit_test(calf_knee_straight_or_bent),
        cmocka_unit_test(slow_cycles_calm_fast_cycles_guard),
        cmocka_unit_test(weight_bearing_raises_tone),
        cmocka_unit_test(active_lock_and_tilt_releases_more),
        cmocka_unit_test(pressure_slips_or_hurts),
        cmocka_unit_test(untangled_muscle_at_rest_stays_still),
        cmocka_unit_test(random_actions_stay_finite),
    };
    const char *only = getenv("MODEL_TEST");
    if (only) cmocka_set_test_filter(only);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
