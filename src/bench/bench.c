/* bench.c: fibrelab-bench, the model's speed in named scenes.
 *
 *   fibrelab-bench chains [--fibres N] [--particles M] [--steps K]
 *       The scene of shared/bench/ref_chains.c (N chains of M particles,
 *       distance constraints, both ends pinned, gravity, 10 substeps,
 *       compliance 1e-6 m/N), built through the model's public API and
 *       stepped by sim_world_step with the features that scene lacks off.
 *   fibrelab-bench lesson NAME [--frames K]
 *       Milliseconds of model time per 1/60 s frame of the lesson's own
 *       demonstration script, and the peak resident memory.
 *   fibrelab-bench render NAME [--size WxH] [--frames K]
 *       The lesson's demonstration drawn frame by frame through the window's
 *       renderer into an offscreen picture of that size (default 1280x720,
 *       300 frames): milliseconds per frame for the model and for drawing
 *       (finished on the GPU, glFinish) apart, and the time from the start of
 *       the program to the first frame drawn. Then the same frame as the
 *       window draws it, with the teaching interface (default theme) round
 *       a smaller scene: the interface's own cost (building it, drawing it,
 *       finished) and what the whole window's frame adds to the scene alone
 *       (ui_added_ms_per_frame; negative when the smaller scene saves more).
 *
 * Each scene prints one JSON line.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "app_ui.h"
#include "lesson.h"
#include "playback.h"
#include "script.h"
#include "sim.h"
#include "snapshot.h"

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double peak_rss_mb(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_maxrss / 1024.0; /* Linux reports kB */
}

static bool parse_int(const char *flag, const char *text, int lo, int *out) {
    char *end;
    long v = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < lo || v > 1000000) {
        fprintf(stderr, "fibrelab-bench: %s: must be an integer >= %d, got \"%s\"\n", flag, lo, text);
        return false;
    }
    *out = (int)v;
    return true;
}

static int bench_chains(int n, int m, int steps) {
    sim_world_desc d = sim_world_desc_default();
    d.substeps = 10;
    d.damping_per_s = 0.0f;
    d.gravity[1] = -9.81f;
    d.features = (sim_features){0}; /* no lanes, bending, creep, tone, client or metrics */
    sim_world *w = sim_world_create(&d);
    const float spacing = 0.1f / (float)(m - 1); /* 10 cm chains, as the reference */
    float *pos = malloc((size_t)n * (size_t)m * 3 * sizeof(float));
    if (!w || !pos) {
        fprintf(stderr, "fibrelab-bench: out of memory\n");
        return 1;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            float *p = &pos[((size_t)i * (size_t)m + (size_t)j) * 3];
            p[0] = (float)j * spacing * 0.9f, p[1] = 0.0f, p[2] = (float)i * 0.001f; /* 10% slack */
        }
    sim_bundle_desc b = {.fibres = n, .particles = m, .positions = pos, .particle_mass_kg = 0.001f,
                         .pin_ends = true, .material = SIM_MATERIAL_LINEAR,
                         .compliance_m_per_n = 1e-6f, .rest_length_m = spacing};
    if (sim_world_add_bundle(w, &b) < 0) {
        fprintf(stderr, "fibrelab-bench: cannot build the chains scene\n");
        return 1;
    }
    free(pos);
    double t0 = now_s();
    for (int s = 0; s < steps; s++) sim_world_step(w);
    double ms = (now_s() - t0) * 1000.0 / steps;
    sim_bundle_view v = sim_world_bundle(w, 0);
    double sum = 0.0;
    for (int f = 0; f < n; f++)
        for (int j = 0; j < m; j++) sum += v.y[sim_view_index(&v, f, j)];
    printf("{\"scene\":\"chains\",\"fibres\":%d,\"particles\":%d,\"substeps\":%d,\"ms_per_step\":%.4f,"
           "\"ns_per_constraint_substep\":%.3f,\"checksum\":%.6f}\n",
           n, m, d.substeps, ms, ms * 1e6 / ((double)n * (m - 1) * d.substeps), sum);
    sim_world_destroy(w);
    return 0;
}

/* Loads the lesson NAME and its demonstration script (empty if it has
 * none). Returns 0, or the exit status after saying why on stderr. */
static int load_demo(const char *name, lesson *l, script *s) {
    char path[LESSON_PATH_MAX];
    lesson_error err;
    if (!lesson_resolve(name, path, sizeof path)) {
        fprintf(stderr, "fibrelab-bench: %s: no such lesson\n", name);
        return 2;
    }
    if (!lesson_load(path, NULL, 0, l, &err)) {
        fprintf(stderr, "fibrelab-bench: %s\n", err.message);
        return 2;
    }
    *s = (script){0};
    if (l->demo_script && !script_parse(l->demo_script, path, l, s, &err)) {
        fprintf(stderr, "fibrelab-bench: %s\n", err.message);
        lesson_free(l);
        return 2;
    }
    return 0;
}

static int bench_lesson(const char *name, int frames) {
    lesson l;
    script s;
    int failed = load_demo(name, &l, &s);
    if (failed) return failed;
    sim_world *w = sim_world_create(&l.desc);
    if (!w) {
        fprintf(stderr, "fibrelab-bench: %s: cannot build the world\n", l.path);
        script_free(&s);
        lesson_free(&l);
        return 1;
    }
    /* the demonstration as the window plays it, then the world runs on */
    playback pb;
    playback_start(&pb, l.demo_script ? &s : NULL);
    double model_s = 0.0;
    for (int f = 0; f < frames; f++) {
        double t0 = now_s();
        if (!playback_step(&pb, w)) sim_world_step(w);
        model_s += now_s() - t0;
    }
    printf("{\"scene\":\"lesson\",\"lesson\":\"%s\",\"frames\":%d,\"ms_per_frame\":%.4f,"
           "\"realtime_factor\":%.2f,\"peak_rss_mb\":%.1f}\n",
           l.id, frames, model_s * 1000.0 / frames, (frames / 60.0) / model_s, peak_rss_mb());
    sim_world_destroy(w);
    script_free(&s);
    lesson_free(&l);
    return 0;
}

static int bench_render(const char *name, int width, int height, int frames, double t_start) {
    lesson l;
    script s;
    int failed = load_demo(name, &l, &s);
    if (failed) return failed;
    sim_world *w = sim_world_create(&l.desc);
    char msg[1024];
    snapshot *shot = w ? snapshot_open(width, height, msg, sizeof msg) : NULL;
    if (!shot) {
        fprintf(stderr, "fibrelab-bench: %s\n", w ? msg : "cannot build the world");
        sim_world_destroy(w);
        script_free(&s);
        lesson_free(&l);
        return 1;
    }
    render_font *font = render_font_open(msg, sizeof msg);
    if (!font) {
        fprintf(stderr, "fibrelab-bench: %s\n", msg);
        return 1;
    }
    app_ui aui;
    app_ui_init(&aui, font, UI_THEME_DEFAULT, 1.0f, 1.0f);
    controls ctl = controls_make(w);
    char status[RENDER_STATUS_LINES][128];
    render_camera cam = render_camera_view_for(w, RENDER_VIEW_SIDE, NULL, width, height);
    render_options opt = snapshot_options(w, l.title, status, RENDER_STATUS_LINES);
    snapshot_draw(shot, w, &cam, &opt, NULL);
    snapshot_finish(shot);
    double first_frame_s = now_s() - t_start;
    playback pb;
    playback_start(&pb, l.demo_script ? &s : NULL);
    double model_s = 0.0, draw_s = 0.0, ui_build_s = 0.0, ui_draw_s = 0.0, window_scene_s = 0.0;
    /* the window's frame has its own renderer: the scene's text size differs */
    render_desc rd = render_desc_default();
    render *rend = render_create(&rd, msg, sizeof msg);
    if (!rend) {
        fprintf(stderr, "fibrelab-bench: %s\n", msg);
        return 1;
    }
    app_ui_layout(&aui, width, height);
    controls_frame(&ctl, w, (int)(aui.scene.x1 - aui.scene.x0), (int)(aui.scene.y1 - aui.scene.y0));
    for (int f = 0; f < frames; f++) {
        double t0 = now_s();
        if (!playback_step(&pb, w)) sim_world_step(w);
        double t1 = now_s();
        opt = snapshot_options(w, l.title, status, RENDER_STATUS_LINES);
        snapshot_draw(shot, w, &cam, &opt, NULL);
        snapshot_finish(shot);
        double t2 = now_s();
        /* the same frame as the window draws it: the interface round a smaller scene */
        trace_add(&aui.trace, w);
        app_ui_build(&aui, &ctl, w, &l, width, height);
        double t3 = now_s();
        render_options wo = app_ui_render_options(&aui, &ctl);
        ui_rect sv = aui.scene;
        render_clear(rend, aui.ui.theme->panel, width, height);
        render_frame_at(rend, w, &ctl.camera, &wo, (int)sv.x0, (int)sv.y0, (int)(sv.x1 - sv.x0), (int)(sv.y1 - sv.y0),
                        height);
        snapshot_finish(shot);
        double t4 = now_s();
        render_draw_list(rend, &aui.ui.list, width, height);
        snapshot_finish(shot);
        double t5 = now_s();
        model_s += t1 - t0;
        draw_s += t2 - t1;
        ui_build_s += t3 - t2;
        window_scene_s += t4 - t3;
        ui_draw_s += t5 - t4;
    }
    printf("{\"scene\":\"render\",\"lesson\":\"%s\",\"width\":%d,\"height\":%d,\"frames\":%d,"
           "\"model_ms_per_frame\":%.3f,\"draw_ms_per_frame\":%.3f,\"total_ms_per_frame\":%.3f,"
           "\"first_frame_ms\":%.1f,\"ui_build_ms_per_frame\":%.3f,\"ui_draw_ms_per_frame\":%.3f,"
           "\"ui_ms_per_frame\":%.3f,\"window_ms_per_frame\":%.3f,\"ui_added_ms_per_frame\":%.3f,"
           "\"peak_rss_mb\":%.1f}\n",
           l.id, width, height, frames, model_s * 1000.0 / frames, draw_s * 1000.0 / frames,
           (model_s + draw_s) * 1000.0 / frames, first_frame_s * 1000.0, ui_build_s * 1000.0 / frames,
           ui_draw_s * 1000.0 / frames, (ui_build_s + ui_draw_s) * 1000.0 / frames,
           (ui_build_s + window_scene_s + ui_draw_s) * 1000.0 / frames,
           (ui_build_s + window_scene_s + ui_draw_s - draw_s) * 1000.0 / frames, peak_rss_mb());
    render_destroy(rend);
    app_ui_free(&aui);
    render_font_close(font);
    snapshot_close(shot);
    sim_world_destroy(w);
    script_free(&s);
    lesson_free(&l);
    return 0;
}

static bool parse_size(const char *text, int *w, int *h) {
    char *end;
    long a = strtol(text, &end, 10);
    if (end == text || *end != 'x') return false;
    const char *rest = end + 1;
    long b = strtol(rest, &end, 10);
    if (end == rest || *end != '\0' || a < SNAPSHOT_MIN_SIZE || b < SNAPSHOT_MIN_SIZE || a > SNAPSHOT_MAX_SIZE ||
        b > SNAPSHOT_MAX_SIZE) {
        fprintf(stderr, "fibrelab-bench: --size: must be WIDTHxHEIGHT, each from %d to %d, got \"%s\"\n",
                SNAPSHOT_MIN_SIZE, SNAPSHOT_MAX_SIZE, text);
        return false;
    }
    *w = (int)a, *h = (int)b;
    return true;
}

static void usage(FILE *to) {
    fprintf(to, "usage: fibrelab-bench chains [--fibres N] [--particles M] [--steps K]\n"
                "       fibrelab-bench lesson NAME [--frames K]\n"
                "       fibrelab-bench render NAME [--size WxH] [--frames K]\n");
}

int main(int argc, char **argv) {
    double t_start = now_s();
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    int fibres = 200, particles = 32, steps = 300, frames = 1800, width = 1280, height = 720;
    const char *lesson_name = NULL;
    bool chains = strcmp(argv[1], "chains") == 0, lesson_scene = strcmp(argv[1], "lesson") == 0;
    bool render_scene = strcmp(argv[1], "render") == 0;
    if (!chains && !lesson_scene && !render_scene) {
        fprintf(stderr, "fibrelab-bench: %s: unknown scene (chains, lesson or render)\n", argv[1]);
        return 2;
    }
    if (render_scene) frames = 300;
    int i = 2;
    if (lesson_scene || render_scene) {
        if (argc < 3) {
            fprintf(stderr, "fibrelab-bench: %s: needs a lesson NAME\n", argv[1]);
            return 2;
        }
        lesson_name = argv[i++];
    }
    for (; i < argc; i++) {
        const char *flag = argv[i];
        if (i + 1 >= argc) {
            fprintf(stderr, "fibrelab-bench: %s: needs a value\n", flag);
            return 2;
        }
        const char *val = argv[++i];
        bool ok = chains && strcmp(flag, "--fibres") == 0     ? parse_int(flag, val, 1, &fibres)
                  : chains && strcmp(flag, "--particles") == 0 ? parse_int(flag, val, 2, &particles)
                  : chains && strcmp(flag, "--steps") == 0     ? parse_int(flag, val, 1, &steps)
                  : (lesson_scene || render_scene) && strcmp(flag, "--frames") == 0 ? parse_int(flag, val, 1, &frames)
                  : render_scene && strcmp(flag, "--size") == 0 ? parse_size(val, &width, &height)
                                                               : (fprintf(stderr, "fibrelab-bench: %s: unknown flag\n", flag), false);
        if (!ok) return 2;
    }
    if (render_scene) return bench_render(lesson_name, width, height, frames, t_start);
    return chains ? bench_chains(fibres, particles, steps) : bench_lesson(lesson_name, frames);
}
