#define _POSIX_C_SOURCE 200809L
/* test_render.c: the window's parts that can be checked without a display.
 *
 * Without GL: the ray pick (a click at the projected point of s = 0.4 locks
 * at s = 0.4), the keyboard route (Tab, arrows, L, +/-), the fixed-step
 * clock, shader log parsing. With an offscreen GL context (SDL's offscreen
 * driver on llvmpipe): a broken shader is reported by file and line; the
 * picture means something (the tangle's colours change between shortened
 * and stretched; the lock tool is drawn where the lock is).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "controls.h"
#include "lesson.h"
#include "render_pick.h"
#include "render_shader.h"
#include "sim_view.h"
#include "snapshot.h"
#include "stepper.h"

#define W 640
#define H 360

static sim_world *make_world(const char *name) {
    char path[LESSON_PATH_MAX];
    assert_true(lesson_resolve(name, path, sizeof path));
    lesson l;
    lesson_error err;
    assert_true(lesson_load(path, NULL, 0, &l, &err));
    sim_world *w = sim_world_create(&l.desc);
    lesson_free(&l);
    assert_non_null(w);
    return w;
}

static void run_frames(sim_world *w, int frames) {
    for (int i = 0; i < frames; i++) sim_world_step(w);
}

static platform_event key(platform_event_kind kind, platform_key k, int ch) {
    return (platform_event){.kind = kind, .key = k, .ch = ch};
}

static void press(controls *c, sim_world *w, platform_key k, int ch) {
    platform_event down = key(PLATFORM_EVENT_KEY_DOWN, k, ch), up = key(PLATFORM_EVENT_KEY_UP, k, ch);
    controls_handle(c, w, &down, W, H);
    controls_handle(c, w, &up, W, H);
}

/* ---- without GL ---- */

static void pick_locks_where_clicked(void **state) {
    (void)state;
    sim_world *w = make_world("two-bands");
    controls c = controls_make(w);
    /* the point s = 0.4 of the muscle (on its axis), where the view shows it */
    sim_view_muscle m = sim_view_muscle_get(w, 0);
    float p[3], sx, sy;
    for (int k = 0; k < 3; k++) p[k] = m.origin[k] + 0.4f * m.length_m * m.axis[k];
    assert_true(render_camera_project(&c.camera, W, H, p, &sx, &sy));
    render_pick pick = render_pick_muscle(w, &c.camera, W, H, sx, sy);
    assert_true(pick.hit);
    assert_float_equal(pick.s, 0.4f, 0.02f);

    platform_event down = {.kind = PLATFORM_EVENT_MOUSE_DOWN, .button = PLATFORM_BUTTON_LEFT, .x = sx, .y = sy};
    controls_handle(&c, w, &down, W, H);
    sim_state st = sim_world_state(w);
    assert_true(st.locked);
    assert_float_equal(st.lock_at, 0.4f, 0.02f);
    assert_true(st.lock_held > 0);
    platform_event up = {.kind = PLATFORM_EVENT_MOUSE_UP, .button = PLATFORM_BUTTON_LEFT, .x = sx, .y = sy};
    controls_handle(&c, w, &up, W, H);
    assert_false(sim_world_state(w).locked);

    /* a click on empty space above the muscle locks nothing */
    platform_event miss = {.kind = PLATFORM_EVENT_MOUSE_DOWN, .button = PLATFORM_BUTTON_LEFT, .x = sx, .y = 5.0f};
    controls_handle(&c, w, &miss, W, H);
    assert_false(sim_world_state(w).locked);
    sim_world_destroy(w);
}

/* Mouse alone: hold on the muscle to lock, drag to move the limb, let go. */
static void mouse_locks_and_stretches(void **state) {
    (void)state;
    sim_world *w = make_world("two-bands");
    controls c = controls_make(w);
    sim_view_muscle m = sim_view_muscle_get(w, 0);
    float p[3], hinge[3] = {0.0f, 0.0f, 0.0f}, sx, sy, hx, hy;
    for (int k = 0; k < 3; k++) p[k] = m.origin[k] + 0.4f * m.length_m * m.axis[k];
    assert_true(render_camera_project(&c.camera, W, H, p, &sx, &sy));
    assert_true(render_camera_project(&c.camera, W, H, hinge, &hx, &hy));
    platform_event down = {.kind = PLATFORM_EVENT_MOUSE_DOWN, .button = PLATFORM_BUTTON_LEFT, .x = sx, .y = sy};
    controls_handle(&c, w, &down, W, H);
    assert_true(sim_world_state(w).locked);
    float deg0 = sim_world_state(w).joint_deg;

    /* a hand that wobbles a few pixels holds the limb still */
    platform_event wobble = {.kind = PLATFORM_EVENT_MOUSE_MOVE, .x = sx + 3.0f, .y = sy - 2.0f};
    controls_handle(&c, w, &wobble, W, H);
    run_frames(w, 30);
    assert_float_equal(sim_world_state(w).joint_deg, deg0, 0.5f);

    /* the pointer turned 25 degrees about the joint on screen turns the limb */
    float a = 25.0f * 3.14159265f / 180.0f, dx = sx - hx, dy = sy - hy;
    platform_event drag = {.kind = PLATFORM_EVENT_MOUSE_MOVE, .x = hx + dx * cosf(a) - dy * sinf(a),
                           .y = hy + dx * sinf(a) + dy * cosf(a)};
    controls_handle(&c, w, &drag, W, H);
    run_frames(w, 120);
    sim_state st = sim_world_state(w);
    assert_true(st.locked);
    assert_float_equal(st.lock_at, 0.4f, 0.02f); /* the lock stayed where it was put */
    float deg1 = st.joint_deg;
    assert_true(fabsf(deg1 - deg0) > 10.0f);

    /* letting go lifts the lock and leaves the limb where it is */
    platform_event up = {.kind = PLATFORM_EVENT_MOUSE_UP, .button = PLATFORM_BUTTON_LEFT, .x = drag.x, .y = drag.y};
    controls_handle(&c, w, &up, W, H);
    assert_false(sim_world_state(w).locked);
    run_frames(w, 30);
    assert_float_equal(sim_world_state(w).joint_deg, deg1, 1.0f);
    sim_world_destroy(w);
}

static void keyboard_locks_and_moves(void **state) {
    (void)state;
    sim_world *w = make_world("two-bands");
    controls c = controls_make(w);
    assert_int_equal(c.focus, CONTROLS_FOCUS_JOINT);
    press(&c, w, PLATFORM_KEY_TAB, 0);
    assert_int_equal(c.focus, CONTROLS_FOCUS_LOCK);
    float s0 = c.cursor_s;
    for (int i = 0; i < 5; i++) press(&c, w, PLATFORM_KEY_RIGHT, 0);
    assert_float_equal(c.cursor_s, s0 + 0.05f, 1e-4f);
    press(&c, w, PLATFORM_KEY_CHAR, 'l');
    sim_state st = sim_world_state(w);
    assert_true(st.locked);
    assert_float_equal(st.lock_at, c.cursor_s, 0.02f);
    press(&c, w, PLATFORM_KEY_CHAR, '+');
    assert_float_equal(sim_world_state(w).lock_pressure_kpa, 275.0f, 1e-3f);
    press(&c, w, PLATFORM_KEY_CHAR, 'l');
    assert_false(sim_world_state(w).locked);

    /* joint: hold the right arrow and the limb stretches at the taught pace, let go and it stops */
    press(&c, w, PLATFORM_KEY_TAB, 0);
    float deg0 = sim_world_state(w).joint_deg;
    platform_event down = key(PLATFORM_EVENT_KEY_DOWN, PLATFORM_KEY_RIGHT, 0);
    controls_handle(&c, w, &down, W, H);
    run_frames(w, 60);
    float deg1 = sim_world_state(w).joint_deg;
    assert_float_equal(fabsf(deg1 - deg0), CONTROLS_PACE_DEG_S, 1.0f);
    platform_event up = key(PLATFORM_EVENT_KEY_UP, PLATFORM_KEY_RIGHT, 0);
    controls_handle(&c, w, &up, W, H);
    run_frames(w, 30);
    assert_float_equal(sim_world_state(w).joint_deg, deg1, 0.3f);
    sim_world_destroy(w);
}

static void stepper_fixed_and_clamped(void **state) {
    (void)state;
    stepper s = {0};
    double t = 10.0;
    assert_int_equal(stepper_advance(&s, t, 1.0), 0);
    int total = 0;
    for (int i = 0; i < 120; i++) total += stepper_advance(&s, t += 1.0 / 60.0, 1.0);
    assert_int_equal(total, 120);
    /* 144 Hz: still 60 steps a second */
    total = 0;
    for (int i = 0; i < 144; i++) total += stepper_advance(&s, t += 1.0 / 144.0, 1.0);
    assert_in_range(total, 59, 61);
    /* a 2 s stall: clamped, no spiral */
    assert_int_equal(stepper_advance(&s, t += 2.0, 1.0), (int)(STEPPER_MAX_FRAME_S * 60.0 + 0.5));
    assert_int_equal(stepper_advance(&s, t += 1.0 / 60.0, 0.0), 0);
}

static void shader_logs_name_the_line(void **state) {
    (void)state;
    char out[256];
    render_shader_format_log("0:12(5): error: syntax error, unexpected IDENTIFIER\n", out, sizeof out);
    assert_string_equal(out, "12: error: syntax error, unexpected IDENTIFIER");
    render_shader_format_log("0(7) : error C0000: syntax error\n", out, sizeof out);
    assert_string_equal(out, "7: error C0000: syntax error");
    render_shader_format_log("ERROR: 0:3: 'foo' : undeclared identifier\n", out, sizeof out);
    assert_string_equal(out, "3: 'foo' : undeclared identifier");
}

/* ---- with GL ---- */

static void broken_shader_names_file_and_line(void **state) {
    (void)state;
    char err[1024];
    snapshot *shot = snapshot_open(64, 64, err, sizeof err);
    if (!shot) fail_msg("no offscreen GL: %s", err);
    char dir[] = "/tmp/fibrelab-shaders-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char vs[128], fs[128];
    snprintf(vs, sizeof vs, "%s/bad.vert", dir);
    snprintf(fs, sizeof fs, "%s/bad.frag", dir);
    FILE *f = fopen(vs, "w");
    fputs("void main() { gl_Position = vec4(0.0); }\n", f);
    fclose(f);
    f = fopen(fs, "w");
    fputs("out vec4 o;\nvoid main() {\n    o = vec4(undeclared_thing);\n}\n", f);
    fclose(f);
    assert_int_equal(render_shader_load(dir, "bad", RENDER_GLSL_DESKTOP, err, sizeof err), 0);
    char want[256];
    snprintf(want, sizeof want, "%s/bad.frag:3: ", dir);
    if (strncmp(err, want, strlen(want)) != 0) fail_msg("got \"%s\", want it to start \"%s\"", err, want);
    assert_int_equal(render_shader_load(dir, "missing", RENDER_GLSL_DESKTOP, err, sizeof err), 0);
    unlink(vs), unlink(fs), rmdir(dir);
    snapshot_close(shot);
}

/* Mean colour of the picture in a box of half-size r around (x, y). */
static void mean_rgb(const unsigned char *px, float x, float y, int r, float out[3]) {
    double s[3] = {0, 0, 0};
    int n = 0;
    for (int yy = (int)y - r; yy <= (int)y + r; yy++)
        for (int xx = (int)x - r; xx <= (int)x + r; xx++) {
            if (xx < 0 || yy < 0 || xx >= W || yy >= H) continue;
            for (int k = 0; k < 3; k++) s[k] += px[(yy * W + xx) * 4 + k];
            n++;
        }
    for (int k = 0; k < 3; k++) out[k] = (float)(s[k] / (n ? n : 1));
}

static render_options bare(void) {
    render_options o = render_options_default();
    o.show_skin = false, o.show_hud = false, o.show_labels = false;
    return o;
}

static void tangle_colours_change_with_stretch(void **state) {
    (void)state;
    char err[1024];
    snapshot *shot = snapshot_open(W, H, err, sizeof err);
    if (!shot) fail_msg("no offscreen GL: %s", err);
    unsigned char *px = malloc(W * H * 4);
    sim_world *w = make_world("two-bands");
    render_options o = bare();
    const sim_tangle_desc *t = sim_world_tangle_desc(w, 0);
    float at = t->at;

    sim_world_stretch_to(w, 0.0f, 4.0f);
    run_frames(w, 300);
    render_camera cam = render_camera_view(w, RENDER_VIEW_SIDE, NULL);
    float p[3], sx, sy, shortened[3], stretched[3];
    sim_view_muscle_surface(w, 0, at, p);
    assert_true(render_camera_project(&cam, W, H, p, &sx, &sy));
    snapshot_draw(shot, w, &cam, &o, px);
    mean_rgb(px, sx, sy + 4.0f, 3, shortened);

    sim_lock_desc lock = {.muscle = 0, .at = at - 0.5f * t->length - 0.05f, .pressure_kpa = 250, .tool = SIM_TOOL_THUMB};
    sim_world_lock(w, &lock);
    sim_world_stretch_to(w, 1.0f, 12.0f);
    run_frames(w, 600);
    cam = render_camera_view(w, RENDER_VIEW_SIDE, NULL);
    sim_view_muscle_surface(w, 0, at, p);
    assert_true(render_camera_project(&cam, W, H, p, &sx, &sy));
    snapshot_draw(shot, w, &cam, &o, px);
    mean_rgb(px, sx, sy + 4.0f, 3, stretched);

    /* viridis: slack fibres are dark purple (blue over green), stretched ones
     * green to yellow (green over blue) */
    float diff = fabsf(stretched[0] - shortened[0]) + fabsf(stretched[1] - shortened[1]) +
                 fabsf(stretched[2] - shortened[2]);
    if (diff < 60.0f || !(stretched[1] > shortened[1] + 30.0f) || !(shortened[2] > shortened[1]))
        fail_msg("tangle colour shortened (%.0f %.0f %.0f) vs stretched (%.0f %.0f %.0f)", shortened[0], shortened[1],
                 shortened[2], stretched[0], stretched[1], stretched[2]);
    sim_world_destroy(w);
    free(px);
    snapshot_close(shot);
}

/* The tool's orange, lit or shaded: nothing else in the scene is red over
 * green over blue by these margins (viridis, bone, tendon, magenta links). */
static bool is_tool_orange(const unsigned char *c) {
    return c[0] > 140 && c[0] > c[1] + 50 && c[1] > c[2] + 25;
}

static int orange_near(const unsigned char *px, float x, float y, int r) {
    int n = 0;
    for (int yy = (int)y - r; yy <= (int)y + r; yy++)
        for (int xx = (int)x - r; xx <= (int)x + r; xx++)
            if (xx >= 0 && yy >= 0 && xx < W && yy < H && is_tool_orange(&px[(yy * W + xx) * 4])) n++;
    return n;
}

static void lock_tool_drawn_where_placed(void **state) {
    (void)state;
    char err[1024];
    snapshot *shot = snapshot_open(W, H, err, sizeof err);
    if (!shot) fail_msg("no offscreen GL: %s", err);
    unsigned char *px = malloc(W * H * 4);
    sim_world *w = make_world("two-bands");
    render_options o = bare();
    render_camera cam = render_camera_view(w, RENDER_VIEW_SIDE, NULL);
    for (int trial = 0; trial < 2; trial++) {
        float at = trial ? 0.7f : 0.3f, other = trial ? 0.3f : 0.7f;
        sim_lock_desc lock = {.muscle = 0, .at = at, .pressure_kpa = 250, .tool = SIM_TOOL_THUMB};
        sim_world_lock(w, &lock);
        run_frames(w, 2);
        sim_view_lock l = sim_view_lock_get(w);
        assert_true(l.active);
        snapshot_draw(shot, w, &cam, &o, px);
        /* the tool stands on the contact point: look just above it */
        float above[3], sx, sy;
        for (int k = 0; k < 3; k++) above[k] = l.centre[k] + l.normal[k] * 2.0f * l.radius_m;
        assert_true(render_camera_project(&cam, W, H, above, &sx, &sy));
        int here = orange_near(px, sx, sy, 4);
        float p[3];
        sim_view_muscle_surface(w, 0, other, p);
        for (int k = 0; k < 3; k++) p[k] += l.normal[k] * 2.0f * l.radius_m;
        assert_true(render_camera_project(&cam, W, H, p, &sx, &sy));
        int there = orange_near(px, sx, sy, 4);
        if (here < 20 || there > 0)
            fail_msg("lock at s=%.1f: %d tool pixels there, %d at s=%.1f", at, here, there, other);
        sim_world_unlock(w);
    }
    sim_world_destroy(w);
    free(px);
    snapshot_close(shot);
}

/* The side view frames the part of the limb the lesson is about, with a
 * margin, at any shape of picture: every muscle's origin and insertion
 * project inside it, in both poses of the joint's range. */
static void side_view_frames_the_muscles(void **state) {
    (void)state;
    static const int sizes[][2] = {{640, 360}, {1280, 720}, {720, 1280}};
    sim_world *w = make_world("hamstrings");
    for (int pose = 0; pose < 2; pose++) {
        sim_world_stretch_to(w, pose ? 1.0f : 0.0f, 1.0f);
        run_frames(w, 90);
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            int wpx = sizes[k][0], hpx = sizes[k][1];
            render_camera cam = render_camera_view_for(w, RENDER_VIEW_SIDE, NULL, wpx, hpx);
            for (int m = 0; m < sim_world_muscle_count(w); m++) {
                sim_view_muscle mv = sim_view_muscle_get(w, m);
                for (int end = 0; end < 2; end++) {
                    float p[3], sx, sy, margin = 0.02f * (float)(wpx < hpx ? wpx : hpx);
                    for (int i = 0; i < 3; i++) p[i] = mv.origin[i] + (float)end * mv.length_m * mv.axis[i];
                    assert_true(render_camera_project(&cam, wpx, hpx, p, &sx, &sy));
                    if (!(sx > margin && sy > margin && sx < (float)wpx - margin && sy < (float)hpx - margin))
                        fail_msg("pose %d, %dx%d: muscle %d's %s at (%.0f, %.0f) is not inside the picture", pose, wpx,
                                 hpx, m, end ? "insertion" : "origin", sx, sy);
                }
            }
        }
    }
    sim_world_destroy(w);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pick_locks_where_clicked),
        cmocka_unit_test(mouse_locks_and_stretches),
        cmocka_unit_test(keyboard_locks_and_moves),
        cmocka_unit_test(stepper_fixed_and_clamped),
        cmocka_unit_test(shader_logs_name_the_line),
        cmocka_unit_test(broken_shader_names_file_and_line),
        cmocka_unit_test(tangle_colours_change_with_stretch),
        cmocka_unit_test(lock_tool_drawn_where_placed),
        cmocka_unit_test(side_view_frames_the_muscles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
