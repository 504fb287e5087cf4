/* app.c: the window's frame (app.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "render_image.h"

#define NOTICE_S 5.0

/* An environment variable's value, or NULL when unset or empty. */
static const char *set_env(const char *name) {
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* Saves the settings; a failure is said once and the window goes on. */
static void save_prefs(app *a) {
    char err[1200];
    if (a->prefs_path[0] && !settings_save(a->prefs_path, &a->prefs, err, sizeof err)) {
        fprintf(stderr, "fibrelab: %s\n", err);
        a->prefs_path[0] = '\0';
    }
}

/* The settings from the preference folder; a corrupt file is said in one
 * line and replaced by the defaults. */
static void load_prefs(app *a) {
    char dir[768], err[1200];
    a->prefs = settings_default();
    if (!platform_pref_dir(dir, sizeof dir)) return;
    snprintf(a->prefs_path, sizeof a->prefs_path, "%s/%s", dir, SETTINGS_FILE);
    bool replace = settings_load(a->prefs_path, &a->prefs, err, sizeof err) == SETTINGS_CORRUPT;
    if (replace) fprintf(stderr, "fibrelab: %s (replaced by the defaults)\n", err);
    if (replace || strcmp(a->prefs.last_lesson, a->lesson->id) != 0) {
        snprintf(a->prefs.last_lesson, sizeof a->prefs.last_lesson, "%s", a->lesson->id);
        save_prefs(a);
    }
}

/* A fresh session and its world for the lesson and seed, replacing the
 * old ones (the twin goes too); false, nothing changed, when out of memory. */
static bool start_session(app *a) {
    sim_world_desc d;
    session *s = session_create(a->lesson, a->seed, a->quiz, &d);
    sim_world *w = s ? sim_world_create(&d) : NULL;
    if (!w || !session_begin(s, w)) {
        sim_world_destroy(w);
        session_destroy(s);
        return false;
    }
    session_destroy(a->session);
    sim_world_destroy(a->world);
    sim_world_destroy(a->twin);
    a->session = a->ui.session = s;
    a->world = w, a->twin = NULL, a->desc = d;
    timeseries_free(&a->series);
    a->session_steps = 0;
    return true;
}

app_status app_open(app *a, const lesson *l, uint64_t seed, const script *s, char *err, size_t err_size) {
    memset(a, 0, sizeof *a);
    a->lesson = l;
    a->seed = seed;
    /* no display: nothing to open (an offscreen or dummy driver shows nothing either) */
    const char *driver = set_env("SDL_VIDEODRIVER");
    bool no_display = driver ? (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0)
                             : (!set_env("DISPLAY") && !set_env("WAYLAND_DISPLAY"));
    /* FIBRELAB_WINDOW_FRAMES=N: a test runs the real window (offscreen too)
     * for N frames and closes it */
    const char *limit = set_env("FIBRELAB_WINDOW_FRAMES");
    if (limit) no_display = false;
#ifdef __EMSCRIPTEN__
    no_display = false; /* a web page always has its canvas */
#endif
    if (no_display) return APP_NO_DISPLAY;
    if (!start_session(a)) {
        snprintf(err, err_size, "%.400s: cannot build the model (out of memory?)", l->path);
        return APP_FAILED;
    }
    char title[256];
    snprintf(title, sizeof title, "fibrelab: %s", l->title);
    platform_desc pd = platform_desc_default();
    pd.title = title;
    if (!(a->plat = platform_create(&pd, err, err_size))) {
        app_close(a);
        return APP_FAILED;
    }
    render_desc rd = render_desc_default();
    if (!(a->rend = render_create(&rd, err, err_size))) {
        app_close(a);
        return APP_FAILED;
    }
    if (!(a->font = render_font_open(err, err_size))) {
        app_close(a);
        return APP_FAILED;
    }
    load_prefs(a);
    ui_theme_id theme = UI_THEME_DEFAULT;
    ui_theme_from_name(a->prefs.theme, &theme);
    app_ui_init(&a->ui, a->font, theme, a->prefs.ui_scale, platform_pixel_scale(a->plat));
    a->ui.session = a->session;
    a->ui.rom_before_deg = sim_world_assess_rom_deg(a->world);
    a->ctl = controls_make(a->world);
    a->frame_limit = limit ? strtol(limit, NULL, 10) : 0;
    if (s) {
        playback_start(&a->play, s);
        a->playing = true;
    }
    return APP_OK;
}

void app_close(app *a) {
    app_ui_free(&a->ui);
    render_font_close(a->font);
    render_destroy(a->twin_rend);
    render_destroy(a->rend);
    platform_destroy(a->plat);
    sim_world_destroy(a->twin);
    sim_world_destroy(a->world);
    session_destroy(a->session);
    timeseries_free(&a->series);
    if (a->owned_lesson) lesson_free(a->owned_lesson);
    free(a->owned_lesson);
    memset(a, 0, sizeof *a);
}

/* A picture of what is on screen, into the pictures folder; says where. */
static void screenshot(app *a, int w, int h) {
    char dir[768], path[900];
    unsigned char *px = malloc((size_t)w * (size_t)h * 4);
    if (!px || !platform_pictures_dir(dir, sizeof dir)) {
        snprintf(a->notice, sizeof a->notice, "No folder to save the picture in");
        free(px);
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    snprintf(path, sizeof path, "%s/fibrelab-%s-%s.png", dir, a->lesson->id, stamp);
    render_image_read_framebuffer(w, h, px);
    char err[1024];
    if (render_image_write_png(path, w, h, px, err, sizeof err)) {
        printf("fibrelab: picture saved: %s\n", path);
        fflush(stdout);
        snprintf(a->notice, sizeof a->notice, "Picture saved: %.480s", path);
    } else {
        fprintf(stderr, "fibrelab: %s\n", err);
        snprintf(a->notice, sizeof a->notice, "Could not save the picture");
    }
    a->notice_until_s = platform_now_s() + NOTICE_S;
    free(px);
}

static void say(app *a, const char *text) {
    snprintf(a->notice, sizeof a->notice, "%s", text);
    a->notice_until_s = platform_now_s() + NOTICE_S;
}

/* After a new session and world: the renderers, the controls and the view
 * back to theirs, no script playing. */
static void new_world(app *a) {
    render_reset_world(a->rend);
    if (a->twin_rend) render_reset_world(a->twin_rend);
    a->ctl = controls_make(a->world);
    a->playing = false;
    a->ui.rom_before_deg = sim_world_assess_rom_deg(a->world);
    a->ui.felt[0] = '\0';
    a->ui.show_score = false;
}

/* Reset All: the world as the lesson starts it, the controls and the view
 * back to theirs, the script stopped (the interface has reset the speed,
 * the pause and the plots). */
static void reset_all(app *a) {
    a->ui.reset_all = false;
    if (start_session(a)) new_world(a);
    else say(a, "Could not rebuild the lesson (out of memory?)");
}

/* The report of the session so far (an HTML page and a CSV) into the
 * documents folder; says where. */
static void save_report(app *a) {
    a->ui.want_report = false;
    char dir[768], html[1024], csv[1024], err[1200];
    if (!platform_documents_dir(dir, sizeof dir)) {
        say(a, "Saving a report is not available here (no documents folder)");
        return;
    }
    if (session_save_report(a->session, a->world, &a->series, dir, html, csv, sizeof html, err, sizeof err)) {
        printf("fibrelab: report saved: %s and %s\n", html, csv);
        fflush(stdout);
        snprintf(a->notice, sizeof a->notice, "Report saved: %.480s", html);
        a->notice_until_s = platform_now_s() + NOTICE_S;
    } else {
        fprintf(stderr, "fibrelab: %s\n", err);
        say(a, "Could not save the report");
    }
}

/* The quiz's score so far, in the score sheet. */
static void finish_quiz(app *a) {
    a->ui.want_finish = false;
    runner_report *r = malloc(sizeof *r);
    if (r && session_report(a->session, a->world, r) && r->quiz) app_ui_show_score(&a->ui, &r->score);
    free(r);
}

/* The lessons there are, for the picker. */
static void list_lessons(app *a) {
    int n = lesson_list(a->ui.lessons, APP_UI_MAX_LESSONS);
    a->ui.lesson_count = n < 0 ? 0 : n;
}

/* The chosen lesson, loaded and started (kept as the last lesson); a
 * broken file is said and the lesson shown stays. */
static void choose_lesson(app *a) {
    int i = a->ui.want_lesson;
    a->ui.want_lesson = -1;
    if (i < 0 || i >= a->ui.lesson_count) return;
    char path[LESSON_PATH_MAX];
    lesson_error err;
    lesson *l = malloc(sizeof *l);
    bool found = l && lesson_resolve(a->ui.lessons[i], path, sizeof path);
    if (!found || !lesson_load(path, NULL, 0, l, &err)) {
        if (found) fprintf(stderr, "fibrelab: %s\n", err.message);
        free(l);
        say(a, "Could not open that lesson");
        return;
    }
    const lesson *old = a->lesson;
    bool old_quiz = a->quiz;
    a->lesson = l, a->quiz = false;
    if (!start_session(a)) {
        a->lesson = old, a->quiz = old_quiz;
        lesson_free(l);
        free(l);
        say(a, "Could not build that lesson (out of memory?)");
        return;
    }
    if (a->owned_lesson) lesson_free(a->owned_lesson);
    free(a->owned_lesson);
    a->owned_lesson = l;
    a->seed = l->desc.seed;
    snprintf(a->prefs.last_lesson, sizeof a->prefs.last_lesson, "%s", l->id);
    save_prefs(a);
    app_ui_reset(&a->ui, &a->ctl); /* speed, pause, plots */
    a->ui.reset_all = false;       /* the world is new already */
    new_world(a);
}

/* What the interface asked for: a lesson, a quiz, Reset All, a score, a report. */
static void requests(app *a) {
    if (a->ui.show_lessons && a->ui.lesson_count == 0) list_lessons(a);
    if (a->ui.want_lesson >= 0) choose_lesson(a);
    if (a->ui.want_quiz) { /* into or out of a quiz: a fresh world */
        a->ui.want_quiz = false;
        a->quiz = !a->quiz;
        app_ui_reset(&a->ui, &a->ctl);
    }
    if (a->ui.reset_all) reset_all(a);
    if (a->ui.want_finish) finish_quiz(a);
    if (a->ui.want_report) save_report(a);
}

bool app_frame(app *a) {
    int w, h;
    platform_drawable_size(a->plat, &w, &h);
    app_ui_layout(&a->ui, w, h);
    platform_event ev;
    while (platform_poll_event(a->plat, &ev)) app_ui_event(&a->ui, &a->ctl, a->world, &ev);
    if (a->ctl.want_quit) return false;
    if (a->ctl.want_fullscreen) {
        a->ctl.want_fullscreen = false;
        platform_toggle_fullscreen(a->plat);
        platform_drawable_size(a->plat, &w, &h);
        app_ui_layout(&a->ui, w, h);
    }
    requests(a);
    if (a->ui.split && !a->twin) {
        char err[512];
        render_desc rd = render_desc_default();
        a->twin = sim_world_create(&a->desc);
        if (!a->twin_rend) a->twin_rend = render_create(&rd, err, sizeof err);
        if (!a->twin || !a->twin_rend) {
            a->ui.split = false;
            sim_world_destroy(a->twin);
            a->twin = NULL;
        }
    }
    double now = platform_now_s();
    int steps = stepper_advance(&a->clock, now, a->ctl.paused ? 0.0 : a->ui.speed);
    if (a->ctl.paused) steps += a->ui.step_requests;
    a->ui.step_requests = 0;
    for (int i = 0; i < steps; i++) {
        /* the coach hears of locks from the world (the controls and scripts lock it directly) */
        session_notice(a->session, a->world, a->ctl.tool);
        /* a script plays to its end; then the student has the world */
        if (a->playing) a->playing = playback_step(&a->play, a->world);
        if (!a->playing) sim_world_step(a->world);
        session_frame(a->session, a->world);
        if (a->session_steps++ % TIMESERIES_EVERY_FRAMES == 0) timeseries_sample_world(&a->series, a->world);
        trace_add(&a->ui.trace, a->world);
        if (a->ui.split && a->twin) app_ui_twin_step(a->twin, a->world);
    }

    ui_rect s = a->ui.scene;
    controls_frame(&a->ctl, a->world, (int)(s.x1 - s.x0), (int)(s.y1 - s.y0));
    app_ui_build(&a->ui, &a->ctl, a->world, a->lesson, w, h);
    requests(a);
    if (a->ui.settings_changed) {
        a->ui.settings_changed = false;
        snprintf(a->prefs.theme, sizeof a->prefs.theme, "%s", ui_theme_get(a->ui.theme)->name);
        a->prefs.ui_scale = a->ui.user_scale;
        save_prefs(a);
    }
    app_ui_draw(&a->ui, &a->ctl, a->rend, a->world, a->twin_rend, a->twin,
                platform_now_s() < a->notice_until_s ? a->notice : NULL, w, h);
    if (a->ctl.want_screenshot) {
        a->ctl.want_screenshot = false;
        screenshot(a, w, h);
    }
    platform_swap(a->plat);
    return a->frame_limit <= 0 || ++a->frames < a->frame_limit;
}
