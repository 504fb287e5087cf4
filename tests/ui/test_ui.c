/* test_ui.c: the teaching interface's logic without a window: scripted
 * clicks and keys go through app_ui_event as the window's would, and the
 * tests check what they did (paused, speed, mode, lock placed, Reset All),
 * and that no label is wider than its box in any theme. */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "app_ui.h"
#include "settings.h"
#include "render_pick.h"
#include "sim_view.h"

#define W 1280
#define H 720

typedef struct fixture {
    lesson l;
    session *s;
    sim_world *w;
    render_font *font;
    app_ui a;
    controls c;
} fixture;

static int setup(void **state) {
    static fixture f;
    memset(&f, 0, sizeof f);
    char path[LESSON_PATH_MAX], err[512];
    lesson_error lerr;
    assert_true(lesson_resolve("two-bands", path, sizeof path));
    assert_true(lesson_load(path, NULL, 0, &f.l, &lerr));
    sim_world_desc desc;
    assert_non_null(f.s = session_create(&f.l, f.l.desc.seed, false, &desc));
    assert_non_null(f.w = sim_world_create(&desc));
    assert_true(session_begin(f.s, f.w));
    assert_non_null(f.font = render_font_open(err, sizeof err));
    app_ui_init(&f.a, f.font, UI_THEME_DEFAULT, 1.0f, 1.0f);
    f.a.session = f.s;
    f.c = controls_make(f.w);
    *state = &f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    app_ui_free(&f->a);
    render_font_close(f->font);
    sim_world_destroy(f->w);
    session_destroy(f->s);
    lesson_free(&f->l);
    return 0;
}

/* One frame of the window without drawing: layout, the events, the build. */
static void frame(fixture *f, const platform_event *evs, int n) {
    app_ui_layout(&f->a, W, H);
    for (int i = 0; i < n; i++) app_ui_event(&f->a, &f->c, f->w, &evs[i]);
    ui_rect s = f->a.scene;
    controls_frame(&f->c, f->w, (int)(s.x1 - s.x0), (int)(s.y1 - s.y0));
    app_ui_build(&f->a, &f->c, f->w, &f->l, W, H);
}

static void key(fixture *f, platform_key k, int ch, unsigned mods) {
    platform_event ev = {.kind = PLATFORM_EVENT_KEY_DOWN, .key = k, .ch = ch, .mods = mods};
    platform_event up = ev;
    up.kind = PLATFORM_EVENT_KEY_UP;
    platform_event evs[2] = {ev, up};
    frame(f, evs, 2);
}

static void click_at(fixture *f, float x, float y) {
    platform_event evs[3] = {{.kind = PLATFORM_EVENT_MOUSE_MOVE, .x = x, .y = y},
                             {.kind = PLATFORM_EVENT_MOUSE_DOWN, .button = PLATFORM_BUTTON_LEFT, .x = x, .y = y},
                             {.kind = PLATFORM_EVENT_MOUSE_UP, .button = PLATFORM_BUTTON_LEFT, .x = x, .y = y}};
    frame(f, evs, 3);
}

static void click(fixture *f, const char *label) {
    frame(f, NULL, 0); /* the widgets as the last action left them */
    ui_rect r;
    if (!ui_find(&f->a.ui, label, &r)) fail_msg("no widget \"%s\" on screen", label);
    click_at(f, 0.5f * (r.x0 + r.x1), 0.5f * (r.y0 + r.y1));
}

/* Tab until the focused widget's tooltip is `tip` (at most one round). */
static void tab_to(fixture *f, const char *tip) {
    for (int i = 0; i <= f->a.ui.focus_count; i++) {
        if (f->a.ui.tip && strcmp(f->a.ui.tip, tip) == 0 && !f->a.ui.focus_is_slot) return;
        key(f, PLATFORM_KEY_TAB, 0, 0);
    }
    fail_msg("Tab never reached \"%s\"", tip);
}

static void run(fixture *f, int steps) {
    for (int i = 0; i < steps; i++) sim_world_step(f->w);
}

/* A finger makes the controls finger-sized (about 9 mm); a mouse does not. */
static void test_touch_grows_controls(void **state) {
    fixture *f = *state;
    ui_rect r0, r1;
    click_at(f, 0.5f * (f->a.scene.x0 + f->a.scene.x1), 0.5f * f->a.scene.y1); /* a mouse click in the view */
    frame(f, NULL, 0);
    assert_true(ui_find(&f->a.ui, "Reset All", &r0));
    platform_event tap = {.kind = PLATFORM_EVENT_MOUSE_MOVE, .x = 1.0f, .y = 1.0f, .touch = true};
    frame(f, &tap, 1);
    frame(f, NULL, 0);
    assert_true(ui_find(&f->a.ui, "Reset All", &r1));
    float h0 = r0.y1 - r0.y0, h1 = r1.y1 - r1.y0;
    assert_true(h0 < 30.0f);
    assert_true(h1 >= 34.0f); /* 9 mm at 96 px per inch */
    /* and every label still fits its box */
    assert_int_equal(f->a.ui.overflow_count, 0);
}

static void test_time_controls_by_mouse(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    assert_false(f->c.paused);
    click(f, "Pause");
    assert_true(f->c.paused);
    click(f, "Play");
    assert_false(f->c.paused);
    click(f, "Slow 1/4");
    assert_true(f->a.speed == APP_UI_SLOW);
    click(f, "Step");
    assert_true(f->c.paused);
    assert_int_equal(f->a.step_requests, 1);
    f->a.step_requests = 0;
    /* Reset All also resets the speed and the pause */
    click(f, "Reset All");
    assert_true(f->a.reset_all);
    assert_false(f->c.paused);
    assert_true(f->a.speed == 1.0f);
    f->a.reset_all = false;
}

static void test_time_controls_by_keys(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    key(f, PLATFORM_KEY_CHAR, 'k', 0);
    assert_true(f->c.paused);
    key(f, PLATFORM_KEY_CHAR, 'k', 0);
    assert_false(f->c.paused);
    key(f, PLATFORM_KEY_CHAR, '[', 0);
    assert_true(f->a.speed == APP_UI_SLOW);
    key(f, PLATFORM_KEY_CHAR, '.', 0);
    assert_true(f->c.paused);
    assert_int_equal(f->a.step_requests, 1);
    key(f, PLATFORM_KEY_CHAR, ']', 0);
    assert_true(f->a.speed == 1.0f);
    key(f, PLATFORM_KEY_CHAR, 'r', PLATFORM_MOD_CTRL);
    assert_true(f->a.reset_all);
    assert_false(f->c.paused);
    assert_int_equal(f->a.step_requests, 0);
    f->a.reset_all = false;
    /* F1 and ? open the keys; Esc closes them without quitting */
    key(f, PLATFORM_KEY_F1, 0, 0);
    assert_true(f->a.show_keys);
    key(f, PLATFORM_KEY_ESCAPE, 0, 0);
    assert_false(f->a.show_keys);
    assert_false(f->c.want_quit);
    key(f, PLATFORM_KEY_CHAR, '/', PLATFORM_MOD_SHIFT);
    assert_true(f->a.show_keys);
    key(f, PLATFORM_KEY_CHAR, '?', 0);
    assert_false(f->a.show_keys);
}

/* Keyboard alone: Tab to the lock and lock; Tab to the mode and change it;
 * Tab to "ask the client to move" and press it; Tab to Pause and press it. */
static void test_keyboard_only(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    assert_int_equal(f->a.ui.focus, 0); /* the joint first */
    key(f, PLATFORM_KEY_TAB, 0, 0);
    assert_int_equal(f->c.focus, CONTROLS_FOCUS_LOCK);
    assert_true(f->a.ui.focus_is_slot);
    key(f, PLATFORM_KEY_RETURN, 0, 0);
    sim_state st = sim_world_state(f->w);
    assert_true(st.locked);
    assert_float_equal(st.lock_at, f->c.cursor_s, 0.02f);
    key(f, PLATFORM_KEY_RETURN, 0, 0);
    assert_false(sim_world_state(f->w).locked);

    tab_to(f, "Who moves the limb (arrows choose)");
    key(f, PLATFORM_KEY_DOWN, 0, 0);
    assert_int_equal(sim_world_state(f->w).mode, SIM_MODE_ACTIVE_ASSISTED);
    key(f, PLATFORM_KEY_TAB, 0, 0);
    float before = sim_world_state(f->w).joint_fraction;
    key(f, PLATFORM_KEY_RETURN, 0, 0);
    run(f, 60);
    assert_true(sim_world_state(f->w).joint_fraction > before + 0.01f);

    /* Space on a focused button presses it (it does not pause) */
    tab_to(f, "Play or pause time (Space or K)");
    key(f, PLATFORM_KEY_CHAR, ' ', 0);
    assert_true(f->c.paused);
    key(f, PLATFORM_KEY_RETURN, 0, 0);
    assert_false(f->c.paused);
    /* Shift+Tab goes back; Esc returns the focus to the joint */
    key(f, PLATFORM_KEY_TAB, 0, 0);
    int at = f->a.ui.focus;
    key(f, PLATFORM_KEY_TAB, 0, PLATFORM_MOD_SHIFT);
    assert_int_equal(f->a.ui.focus, at - 1);
    key(f, PLATFORM_KEY_ESCAPE, 0, 0);
    assert_int_equal(f->a.ui.focus, 0);
    assert_false(f->c.want_quit);
    key(f, PLATFORM_KEY_ESCAPE, 0, 0); /* from the scene, Esc quits as before */
    assert_true(f->c.want_quit);
    f->c.want_quit = false;
}

/* A click on a panel is the interface's; a click on the muscle in the scene
 * (whose view starts right of the controls' column) locks there. */
static void test_clicks_reach_the_scene(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    ui_rect s = f->a.scene;
    assert_true(s.x0 > 0.0f);
    float p[3], sx, sy;
    sim_view_muscle mv = sim_view_muscle_get(f->w, 0); /* a point on the muscle's axis */
    for (int k = 0; k < 3; k++) p[k] = mv.origin[k] + 0.3f * mv.length_m * mv.axis[k];
    assert_true(render_camera_project(&f->c.camera, (int)(s.x1 - s.x0), (int)(s.y1 - s.y0), p, &sx, &sy));
    platform_event down = {.kind = PLATFORM_EVENT_MOUSE_DOWN, .button = PLATFORM_BUTTON_LEFT, .x = s.x0 + sx,
                           .y = s.y0 + sy};
    frame(f, &down, 1);
    sim_state st = sim_world_state(f->w);
    assert_true(st.locked);
    assert_float_equal(st.lock_at, 0.3f, 0.05f);
    platform_event up = down;
    up.kind = PLATFORM_EVENT_MOUSE_UP;
    frame(f, &up, 1);
    assert_false(sim_world_state(f->w).locked);
    /* the lock button and the mode radio by mouse */
    click(f, "Lock here (L)");
    assert_true(sim_world_state(f->w).locked);
    click(f, "Lift the lock (L)");
    assert_false(sim_world_state(f->w).locked);
    click(f, lesson_mode_name(&f->l, SIM_MODE_WEIGHT_BEARING));
    assert_int_equal(sim_world_state(f->w).mode, SIM_MODE_WEIGHT_BEARING);
    /* the pressure slider: a click at its right end is the most pressure */
    ui_rect r;
    char label[64];
    snprintf(label, sizeof label, "Pressure %.0f kPa", f->c.pressure_kpa);
    assert_true(ui_find(&f->a.ui, label, &r));
    click_at(f, r.x1 - 1.0f, r.y1 - 0.25f * (r.y1 - r.y0));
    assert_float_equal(f->c.pressure_kpa, CONTROLS_PRESSURE_MAX_KPA, 0.01f);
    /* the mouse never lands on the scene through a panel */
    assert_true(ui_find(&f->a.ui, "Step", &r));
    bool paused = f->c.paused;
    click(f, "Step");
    assert_false(sim_world_state(f->w).locked);
    assert_true(f->c.paused || paused);
}

/* No label wider than its box and no panel off the window: every theme,
 * 1280x720, full HD, hi-DPI (2x) and the largest Size on 1280x720, each
 * sheet open, split or not. */
static void test_text_fits(void **state) {
    fixture *f = *state;
    const struct {
        int w, h;
        float dpi, user; /* user: the Size button's choice */
    } sizes[] = {{W, H, 1.0f, 1.0f}, {1920, 1080, 1.0f, 1.0f}, {2 * W, 2 * H, 2.0f, 1.0f}, {W, H, 1.0f, 2.0f}};
    for (int theme = 0; theme < UI_THEME_COUNT; theme++)
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
            for (int variant = 0; variant < 3; variant++) {
                int ww = sizes[k].w, hh = sizes[k].h;
                app_ui a;
                app_ui_init(&a, f->font, (ui_theme_id)theme, sizes[k].user, sizes[k].dpi);
                a.session = f->s;
                a.split = variant == 0;
                a.show_keys = variant == 1;
                a.show_notes = variant == 2;
                app_ui_layout(&a, ww, hh);
                app_ui_build(&a, &f->c, f->w, &f->l, ww, hh);
                for (int i = 0; i < a.ui.overflow_count; i++)
                    print_message("%s %dx%d: \"%s\" is %.0f px in a %.0f px box\n",
                                  ui_theme_get((ui_theme_id)theme)->name, ww, hh, a.ui.overflows[i].text,
                                  a.ui.overflows[i].width, a.ui.overflows[i].box);
                assert_true(a.ui.labels > 40);
                assert_int_equal(a.ui.overflow_count, 0);
                /* every panel inside the window */
                for (int i = 0; i < a.ui.panel_count; i++) {
                    assert_true(a.ui.panels[i].x0 >= 0.0f && a.ui.panels[i].y0 >= 0.0f);
                    assert_true(a.ui.panels[i].x1 <= (float)ww && a.ui.panels[i].y1 <= (float)hh);
                }
                app_ui_free(&a);
            }
}

/* Model steps as the window takes them, the session watching. */
static void run_session(fixture *f, int steps) {
    for (int i = 0; i < steps; i++) {
        session_notice(f->s, f->w, f->c.tool);
        sim_world_step(f->w);
        session_frame(f->s, f->w);
    }
}

/* The lesson panel follows the coach: the steps done, the hints asked
 * for, and the message about a lock between the tangle and the moving
 * joint while it is news. */
static void test_lesson_panel(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    assert_int_equal(f->a.shown_steps_done, 0);
    assert_int_equal(f->a.shown_feedback, -1);
    /* step 1 (shorten) has one hint */
    assert_int_equal(f->a.hints_shown, 0);
    click(f, "Hint (1 of 1)");
    assert_int_equal(f->a.hints_shown, 1);
    frame(f, NULL, 0);
    ui_rect r;
    assert_true(ui_find(&f->a.ui, "No more hints", &r));
    /* shorten: step 1 done, the hints start again for step 2 */
    sim_world_stretch_to(f->w, 0.0f, 1.0f);
    run_session(f, 120);
    frame(f, NULL, 0);
    assert_int_equal(f->a.shown_steps_done, 1);
    assert_int_equal(f->a.hints_shown, 0);
    assert_true(ui_find(&f->a.ui, "Hint (1 of 2)", &r));
    /* lock between the tangle (at 0.6) and the moving joint, by the keyboard */
    f->c.muscle = 0;
    f->c.cursor_s = 0.8f;
    key(f, PLATFORM_KEY_CHAR, 'l', 0);
    assert_true(sim_world_state(f->w).locked);
    run_session(f, 30);
    frame(f, NULL, 0);
    assert_true(f->a.shown_feedback >= 0);
    assert_string_equal(coach_id_name(f->s->coach.messages[f->a.shown_feedback].id), "lock-wrong-side");
    assert_int_equal(f->a.shown_steps_done, 1);
    /* lifted and placed just on the origin side: step 2 done, and once the
     * wrong side is no longer news the message leaves the screen */
    key(f, PLATFORM_KEY_CHAR, 'l', 0);
    f->c.cursor_s = 0.5f;
    key(f, PLATFORM_KEY_CHAR, 'l', 0);
    run_session(f, 30);
    frame(f, NULL, 0);
    assert_int_equal(f->a.shown_steps_done, 2);
    run_session(f, (int)(9.0 / SIM_DT_S));
    frame(f, NULL, 0);
    assert_int_equal(f->a.shown_feedback, -1);
    assert_int_equal(f->s->coach.message_count, 1);
}

static char *read_all(const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

/* Ctrl+S asks for a report; what the window then does (the documents
 * folder under HOME, the session's report) writes an HTML page with the
 * lesson's steps and a CSV of the time series. */
static void test_save_report(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    key(f, PLATFORM_KEY_CHAR, 's', PLATFORM_MOD_CTRL);
    assert_true(f->a.want_report);
    char home[] = "/tmp/fibrelab-report-XXXXXX", docs[256], dir[768], html[1024], csv[1024], err[1200];
    assert_non_null(mkdtemp(home));
    snprintf(docs, sizeof docs, "%s/Documents", home);
    assert_int_equal(mkdir(docs, 0755), 0);
    setenv("HOME", home, 1);
    unsetenv("XDG_DOCUMENTS_DIR");
    assert_true(platform_documents_dir(dir, sizeof dir));
    assert_string_equal(dir, docs);
    /* shorten, lock on the origin side, stretch a little; sampled as the window does */
    timeseries ts;
    timeseries_init(&ts);
    sim_world_stretch_to(f->w, 0.0f, 1.0f);
    for (int i = 0; i < 240; i++) {
        if (i == 120) {
            f->c.cursor_s = 0.5f;
            key(f, PLATFORM_KEY_CHAR, 'l', 0);
            sim_world_stretch_to(f->w, 0.3f, 2.0f);
        }
        run_session(f, 1);
        if (i % TIMESERIES_EVERY_FRAMES == 0) timeseries_sample_world(&ts, f->w);
    }
    assert_true(session_save_report(f->s, f->w, &ts, dir, html, csv, sizeof html, err, sizeof err));
    assert_non_null(strstr(html, docs));
    char *text = read_all(html);
    assert_non_null(text);
    assert_non_null(strstr(text, "Steps: 2 of 4 done"));
    for (int i = 0; i < f->l.step_count; i++) assert_non_null(strstr(text, f->l.steps[i].instruction));
    text = read_all(csv);
    assert_non_null(text);
    assert_non_null(strstr(text, "time_s,joint_deg"));
    int rows = 0;
    for (char *p = text; *p; p++) rows += *p == '\n';
    assert_true(rows > 40); /* 4 s at 10 samples a second, and the header */
    timeseries_free(&ts);
    remove(html);
    remove(csv);
    rmdir(docs);
    rmdir(home);
}

/* Ctrl+L (or the Lessons button) lists the lessons; a click asks for one; Esc closes. */
static void test_lesson_picker(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    key(f, PLATFORM_KEY_CHAR, 'l', PLATFORM_MOD_CTRL);
    assert_true(f->a.show_lessons);
    assert_false(sim_world_state(f->w).locked); /* Ctrl+L is not the lock's L */
    key(f, PLATFORM_KEY_ESCAPE, 0, 0);
    assert_false(f->a.show_lessons);
    click(f, "Lessons");
    assert_true(f->a.show_lessons);
    f->a.lesson_count = lesson_list(f->a.lessons, APP_UI_MAX_LESSONS); /* as the app fills it */
    assert_true(f->a.lesson_count >= 8);
    click(f, "calf");
    assert_false(f->a.show_lessons);
    assert_true(f->a.want_lesson >= 0);
    assert_string_equal(f->a.lessons[f->a.want_lesson], "calf");
}

/* A quiz: the tangle's label hidden, F palpates at the keyboard's spot and
 * the client says whether it is tender, Finish asks for the score, whose
 * parts and reasons the sheet shows and the report keeps. */
static void test_quiz(void **state) {
    fixture *f = *state;
    sim_world_desc desc;
    session *quiz = session_create(&f->l, 7, true, &desc);
    assert_non_null(quiz);
    sim_world *w = sim_world_create(&desc);
    assert_non_null(w);
    assert_true(session_begin(quiz, w));
    sim_world_destroy(f->w);
    session_destroy(f->s);
    f->w = w, f->s = quiz, f->a.session = quiz;
    f->c = controls_make(w);
    frame(f, NULL, 0);
    assert_true(app_ui_render_options(&f->a, &f->c).hide_tangle_labels);
    ui_rect r;
    assert_true(ui_find(&f->a.ui, "Finish", &r));
    assert_true(ui_find(&f->a.ui, "End quiz", &r));
    /* far from the spot, then on it */
    f->c.muscle = quiz->spot.muscle;
    f->c.cursor_s = quiz->spot.at > 0.5f ? 0.1f : 0.9f;
    key(f, PLATFORM_KEY_CHAR, 'f', 0);
    assert_non_null(strstr(f->a.felt, "feels fine"));
    f->c.cursor_s = quiz->spot.at;
    click(f, "Feel (F)");
    assert_non_null(strstr(f->a.felt, "tender"));
    assert_int_equal(quiz->palpation_count, 2);
    click(f, "Finish");
    assert_true(f->a.want_finish);
    runner_report rep; /* what the app does on Finish */
    assert_true(session_report(quiz, f->w, &rep));
    assert_true(rep.quiz);
    app_ui_show_score(&f->a, &rep.score);
    assert_true(f->a.show_score);
    char expect[64];
    snprintf(expect, sizeof expect, "Score: %d of 100", rep.score.total);
    assert_string_equal(f->a.score_lines[0], expect);
    bool pain_part = false;
    for (int i = 0; i < f->a.score_line_count; i++) pain_part |= strncmp(f->a.score_lines[i], "Pain: ", 6) == 0;
    assert_true(pain_part);
    frame(f, NULL, 0);
    assert_int_equal(f->a.ui.overflow_count, 0);
    key(f, PLATFORM_KEY_ESCAPE, 0, 0);
    assert_false(f->a.show_score);
}

/* The twin of the split view follows the joint of the locked world and is never locked. */
static void test_twin_follows(void **state) {
    fixture *f = *state;
    sim_world *twin = sim_world_create(&f->l.desc);
    assert_non_null(twin);
    sim_lock_desc ld = {.muscle = 0, .at = 0.45f, .pressure_kpa = 250.0f, .tool = SIM_TOOL_THUMB};
    sim_world_lock(f->w, &ld);
    sim_world_stretch_to(f->w, 1.0f, 12.0f);
    float gap = 0.0f;
    for (int i = 0; i < 600; i++) {
        sim_world_step(f->w);
        app_ui_twin_step(twin, f->w);
        gap = fmaxf(gap, fabsf(sim_world_state(twin).joint_deg - sim_world_state(f->w).joint_deg));
        assert_false(sim_world_state(twin).locked);
    }
    assert_true(sim_world_state(f->w).joint_fraction > 0.5f);
    assert_true(gap < 1.0f);
    sim_world_destroy(twin);
}

/* "Pause at lock" stops time the frame the lock goes on. */
static void test_pause_at_lock(void **state) {
    fixture *f = *state;
    frame(f, NULL, 0);
    click(f, "Pause at lock");
    assert_true(f->a.pause_at_lock);
    assert_false(f->c.paused);
    key(f, PLATFORM_KEY_CHAR, 'l', 0);
    frame(f, NULL, 0);
    assert_true(sim_world_state(f->w).locked);
    assert_true(f->c.paused);
}

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Settings: written and read back; a missing file is quietly the defaults;
 * a corrupt one is the defaults with one line naming the file and field. */
static void test_settings(void **state) {
    (void)state;
    const char *path = "test_ui_settings.json";
    char err[1200] = "";
    settings s = settings_default(), back;
    snprintf(s.theme, sizeof s.theme, "projector");
    s.ui_scale = 1.5f;
    snprintf(s.last_lesson, sizeof s.last_lesson, "hamstrings");
    assert_true(settings_save(path, &s, err, sizeof err));
    assert_int_equal(settings_load(path, &back, err, sizeof err), SETTINGS_READ);
    assert_string_equal(back.theme, "projector");
    assert_float_equal(back.ui_scale, 1.5f, 1e-6f);
    assert_string_equal(back.last_lesson, "hamstrings");
    remove(path);
    assert_int_equal(settings_load(path, &back, err, sizeof err), SETTINGS_MISSING);
    assert_string_equal(back.theme, "default");

    const struct {
        const char *text, *field;
    } bad[] = {{"{\"theme\": \"projec", "(file)"},          {"[1, 2]", "(file)"},
               {"{\"theme\": \"neon\"}", "theme"},           {"{\"ui_scale\": 7}", "ui_scale"},
               {"{\"ui_scale\": \"big\"}", "ui_scale"},       {"{\"last_lesson\": 3}", "last_lesson"},
               {"\x01\x02\xff", "(file)"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        write_text(path, bad[i].text);
        err[0] = '\0';
        assert_int_equal(settings_load(path, &back, err, sizeof err), SETTINGS_CORRUPT);
        char want[256];
        snprintf(want, sizeof want, "%s: %s: ", path, bad[i].field);
        if (strncmp(err, want, strlen(want)) != 0) fail_msg("\"%s\" gave \"%s\"", bad[i].text, err);
        assert_null(strchr(err, '\n'));
        assert_string_equal(back.theme, "default");
        assert_float_equal(back.ui_scale, 1.0f, 0.0f);
    }
    remove(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_touch_grows_controls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_controls_by_mouse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_controls_by_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keyboard_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clicks_reach_the_scene, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_fits, setup, teardown),
        cmocka_unit_test(test_settings),
        cmocka_unit_test_setup_teardown(test_twin_follows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pause_at_lock, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lesson_panel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_report, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lesson_picker, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quiz, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
