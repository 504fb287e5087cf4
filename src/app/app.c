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

app_status app_open(app *a, const lesson *l, uint64_t seed, const script *s, char *err, size_t err_size) {
    memset(a, 0, sizeof *a);
    a->lesson = l;
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
    sim_world_desc d = l->desc;
    d.seed = seed;
    if (!(a->world = sim_world_create(&d))) {
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
    a->ctl = controls_make(a->world);
    a->frame_limit = limit ? strtol(limit, NULL, 10) : 0;
    if (s) {
        playback_start(&a->play, s);
        a->playing = true;
    }
    return APP_OK;
}

void app_close(app *a) {
    render_destroy(a->rend);
    platform_destroy(a->plat);
    sim_world_destroy(a->world);
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

bool app_frame(app *a) {
    int w, h;
    platform_drawable_size(a->plat, &w, &h);
    platform_event ev;
    while (platform_poll_event(a->plat, &ev)) controls_handle(&a->ctl, a->world, &ev, w, h);
    if (a->ctl.want_quit) return false;
    if (a->ctl.want_fullscreen) {
        a->ctl.want_fullscreen = false;
        platform_toggle_fullscreen(a->plat);
        platform_drawable_size(a->plat, &w, &h);
    }
    double now = platform_now_s();
    int steps = stepper_advance(&a->clock, now, a->ctl.paused ? 0.0 : 1.0);
    for (int i = 0; i < steps; i++) {
        /* a script plays to its end; then the student has the world */
        if (a->playing) a->playing = playback_step(&a->play, a->world);
        if (!a->playing) sim_world_step(a->world);
    }

    controls_frame(&a->ctl, a->world, w, h);
    render_options o = controls_render_options(&a->ctl);
    o.title = a->lesson->title;
    o.status_count = controls_status(&a->ctl, a->world, a->status, RENDER_STATUS_LINES - 1);
    if (now < a->notice_until_s) snprintf(a->status[o.status_count++], 128, "%.127s", a->notice);
    for (int i = 0; i < o.status_count; i++) o.status[i] = a->status[i];
    o.help = controls_help(&a->ctl);
    render_frame(a->rend, a->world, &a->ctl.camera, &o, w, h);
    if (a->ctl.want_screenshot) {
        a->ctl.want_screenshot = false;
        screenshot(a, w, h);
    }
    platform_swap(a->plat);
    return a->frame_limit <= 0 || ++a->frames < a->frame_limit;
}
