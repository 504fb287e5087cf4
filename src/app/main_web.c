/* main_web.c: fibrelab in a web page (the browser build's entry).
 *
 * Opens the lesson named in the page's address (?lesson=NAME, default
 * two-bands) in the page's canvas, playing the lesson's demonstration as the
 * desktop window does unless the address says ?demo=0, and hands app_frame
 * to the browser's frame loop. The lessons, shaders and font are in the
 * page's packaged files (/assets, /shaders).
 *
 * After every frame it sets window.fibrelabStatus = {frames, frame_ms (time
 * in app_frame), locked, lock_at (s along the muscle), joint_deg, stretch
 * (0 shortened .. 1 stretched), released, adhesions, camera_m (the camera's
 * distance), scene (the 3D view's [x0, y0, x1, y1] in canvas pixels, beside
 * the interface's panels)}: what a test, or a teacher at the browser's
 * console, can read.
 */
#include <emscripten/emscripten.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "lesson.h"
#include "script.h"

#define DEFAULT_LESSON "two-bands"

/* Everything the page keeps while the browser calls frame after frame
 * (main returns before the first one). */
typedef struct web_page {
    lesson lesson;
    script demo;
    bool have_demo;
    app app;
    long frames;           /* frames drawn */
    double frame_ms;       /* time in app_frame, smoothed (the rest of a frame is the browser's) */
} web_page;

/* The address's ?KEY=VALUE, into out ("" when absent). */
static void query_value(const char *key, char *out, size_t out_size) {
    char js[160];
    snprintf(js, sizeof js, "new URLSearchParams(location.search).get('%s') || ''", key);
    snprintf(out, out_size, "%s", emscripten_run_script_string(js));
}

EM_JS(void, publish_status, (long frames, double frame_ms, int locked, double lock_at, double joint_deg, double stretch,
                             int released, int adhesions, double camera_m, double x0, double y0, double x1,
                             double y1), {
    globalThis.fibrelabStatus = {frames: frames, frame_ms: frame_ms, locked: !!locked, lock_at: lock_at,
                                 joint_deg: joint_deg, stretch: stretch, released: released, adhesions: adhesions,
                                 camera_m: camera_m, scene: [x0, y0, x1, y1]};
})

static bool page_frame(void *user) {
    web_page *pg = user;
    double t0 = platform_now_s();
    bool go_on = app_frame(&pg->app);
    double ms = 1000.0 * (platform_now_s() - t0);
    pg->frame_ms = pg->frames ? 0.95 * pg->frame_ms + 0.05 * ms : ms;
    const sim_world *w = pg->app.world;
    int released = 0, total = 0;
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        sim_region_metrics rm = sim_world_muscle_metrics(w, m);
        released += rm.adhesions_released, total += rm.adhesions_total;
    }
    sim_state s = sim_world_state(w);
    ui_rect sc = pg->app.ui.scene;
    publish_status(++pg->frames, pg->frame_ms, s.locked, s.lock_at, s.joint_deg, s.joint_fraction, released, total,
                   pg->app.ctl.camera.distance_m, sc.x0, sc.y0, sc.x1, sc.y1);
    return go_on;
}

/* One line on the console, which the page's shell also shows. */
static int fail(const char *what) {
    fprintf(stderr, "fibrelab: %s\n", what);
    return 1;
}

int main(void) {
    static web_page pg;
    char name[64], demo[8], path[LESSON_PATH_MAX];
    query_value("lesson", name, sizeof name);
    query_value("demo", demo, sizeof demo);
    if (!name[0]) snprintf(name, sizeof name, "%s", DEFAULT_LESSON);
    if (!lesson_resolve(name, path, sizeof path)) {
        char msg[160];
        snprintf(msg, sizeof msg, "?lesson=%s: no such lesson", name);
        return fail(msg);
    }
    lesson_error err;
    if (!lesson_load(path, NULL, 0, &pg.lesson, &err)) return fail(err.message);
    if (pg.lesson.demo_script && strcmp(demo, "0") != 0) {
        if (!script_parse(pg.lesson.demo_script, pg.lesson.path, &pg.lesson, &pg.demo, &err)) return fail(err.message);
        pg.have_demo = true;
    }
    char open_err[1024];
    if (app_open(&pg.app, &pg.lesson, pg.lesson.desc.seed, pg.have_demo ? &pg.demo : NULL, open_err,
                 sizeof open_err) != APP_OK)
        return fail(open_err);
    platform_run(pg.app.plat, page_frame, &pg);
    return 0;
}
