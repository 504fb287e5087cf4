/* ui_shot.c: a picture of the whole window (scene and teaching interface)
 * drawn offscreen, for the golden images of the interface.
 *
 *     ui_shot THEME SCALE WIDTHxHEIGHT OUT.png [split|keys|notes|wrong-side|quiz|lessons]
 *
 * The two-bands lesson, shortened and locked just on the origin side of
 * the tangle, then part of the way through the stretch (as the render
 * goldens' midstretch), with the plots showing the lock going on and the
 * lesson panel its steps. wrong-side: the lock between the tangle and the
 * moving joint, pressed too hard, and the coach saying so. quiz: the same
 * treatment of a tangle hidden by seed 7, palpated there, and its score
 * sheet. lessons: the lesson picker open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_ui.h"
#include "render_image.h"
#include "sim_view.h"
#include "snapshot.h"

static int fail(const char *what) {
    fprintf(stderr, "ui_shot: %s\n", what);
    return 1;
}

int main(int argc, char **argv) {
    ui_theme_id theme;
    int width, height;
    if (argc < 5 || !ui_theme_from_name(argv[1], &theme) || sscanf(argv[3], "%dx%d", &width, &height) != 2)
        return fail("usage: ui_shot THEME SCALE WIDTHxHEIGHT OUT.png [split|keys|notes|wrong-side|quiz|lessons]");
    float scale = strtof(argv[2], NULL);
    bool split = argc > 5 && strcmp(argv[5], "split") == 0;
    bool wrong = argc > 5 && strcmp(argv[5], "wrong-side") == 0;
    bool quiz = argc > 5 && strcmp(argv[5], "quiz") == 0;
    char path[LESSON_PATH_MAX], err[1024];
    lesson l;
    lesson_error lerr;
    if (!lesson_resolve("two-bands", path, sizeof path) || !lesson_load(path, NULL, 0, &l, &lerr))
        return fail("cannot load two-bands");
    snapshot *shot = snapshot_open(width, height, err, sizeof err);
    render_font *font = render_font_open(err, sizeof err);
    if (!shot || !font) return fail(err);
    render_desc rd = render_desc_default();
    render *twin_r = split ? render_create(&rd, err, sizeof err) : NULL;
    sim_world_desc desc;
    session *ses = session_create(&l, quiz ? 7 : l.desc.seed, quiz, &desc);
    if (!ses) return fail("out of memory");
    sim_world *w = sim_world_create(&desc), *twin = split ? sim_world_create(&desc) : NULL;
    if (!w || !session_begin(ses, w) || (split && (!twin || !twin_r))) return fail("cannot build the world");

    app_ui a;
    app_ui_init(&a, font, theme, 1.0f, scale);
    a.session = ses;
    a.split = split;
    a.show_keys = argc > 5 && strcmp(argv[5], "keys") == 0;
    a.show_notes = argc > 5 && strcmp(argv[5], "notes") == 0;
    if (argc > 5 && strcmp(argv[5], "lessons") == 0) {
        a.show_lessons = true;
        a.lesson_count = lesson_list(a.lessons, APP_UI_MAX_LESSONS);
    }
    a.rom_before_deg = sim_world_assess_rom_deg(w);
    controls c = controls_make(w);
    app_ui_layout(&a, width, height);
    /* 2 s shortened, lock on at the tangle's origin side, 6 s of stretch */
    sim_world_stretch_to(w, 0.0f, 2.0f);
    for (int i = 0; i < 480; i++) {
        if (i == 120) {
            sim_lock_desc ld = {.muscle = 0, .at = wrong ? 0.8f : 0.49f, .pressure_kpa = wrong ? 450.0f : 250.0f,
                                .tool = SIM_TOOL_THUMB};
            sim_world_lock(w, &ld);
            session_lock(ses, w, &ld);
            sim_world_stretch_to(w, 1.0f, 12.0f);
        }
        sim_world_step(w);
        session_frame(ses, w);
        trace_add(&a.trace, w);
        if (twin) app_ui_twin_step(twin, w);
    }
    c.paused = true;
    if (quiz) {
        c.cursor_s = ses->spot.at;
        platform_event f = {.kind = PLATFORM_EVENT_KEY_DOWN, .key = PLATFORM_KEY_CHAR, .ch = 'f'};
        app_ui_event(&a, &c, w, &f);
        runner_report *rep = malloc(sizeof *rep);
        if (!rep || !session_report(ses, w, rep)) return fail("out of memory");
        app_ui_show_score(&a, &rep->score);
        free(rep);
    }
    ui_rect s = a.scene;
    controls_frame(&c, w, (int)(s.x1 - s.x0), (int)(s.y1 - s.y0));
    app_ui_build(&a, &c, w, &l, width, height);
    unsigned char *px = malloc((size_t)width * (size_t)height * 4);
    if (!px) return fail("out of memory");
    snapshot_bind(shot);
    app_ui_draw(&a, &c, snapshot_renderer(shot), w, twin_r, twin, NULL, width, height);
    snapshot_read(shot, px);
    bool ok = render_image_write_png(argv[4], width, height, px, err, sizeof err);
    for (int i = 0; i < a.ui.overflow_count; i++)
        printf("overflow: \"%s\" %.0f px in %.0f px\n", a.ui.overflows[i].text, a.ui.overflows[i].width,
               a.ui.overflows[i].box);
    free(px);
    app_ui_free(&a);
    sim_world_destroy(twin);
    sim_world_destroy(w);
    session_destroy(ses);
    render_destroy(twin_r);
    render_font_close(font);
    snapshot_close(shot);
    lesson_free(&l);
    return ok ? 0 : fail(err);
}
