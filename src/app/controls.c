/* controls.c: mouse and keys to actions on the world and the camera (controls.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "controls.h"
#include "render_pick.h"
#include "sim_view.h"

#define ORBIT_RAD_PER_PX 0.008f
#define ORBIT_KEY_RAD 0.08f
#define ZOOM_STEP 0.9f
#define CURSOR_STEP 0.01f
#define CURSOR_FAST_STEP 0.05f
#define LOCK_DEAD_ZONE_PX 6.0f /* a hand holding the lock still may wobble this much */
#define DEG "\xc2\xb0"

controls controls_make(const sim_world *w) {
    controls c = {.focus = CONTROLS_FOCUS_JOINT, .muscle = 0, .cursor_s = 0.5f, .pressure_kpa = 250.0f,
                  .tool = SIM_TOOL_THUMB, .show_skin = true, .colour_by = RENDER_COLOUR_STRAIN};
    /* start the keyboard's spot just on the origin side of the first tangle,
     * where the lesson would lock */
    if (sim_world_tangle_count(w) > 0) {
        const sim_tangle_desc *t = sim_world_tangle_desc(w, 0);
        c.muscle = t->muscle;
        c.cursor_s = fmaxf(0.05f, t->at - 0.5f * t->length - 0.05f);
    }
    c.view = RENDER_VIEW_SIDE;
    c.framed_w = 1280, c.framed_h = 720;
    c.camera = c.framed = render_camera_view_for(w, c.view, NULL, c.framed_w, c.framed_h);
    return c;
}

static float clampf(float v, float lo, float hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

static void lock_here(controls *c, sim_world *w, int muscle, float s) {
    sim_lock_desc d = {.muscle = muscle, .at = s, .pressure_kpa = c->pressure_kpa, .tool = c->tool};
    sim_world_lock(w, &d);
}

/* New pressure; a lock that is on is pressed again at its place. */
void controls_set_pressure(controls *c, sim_world *w, float kpa) {
    c->pressure_kpa = clampf(kpa, CONTROLS_PRESSURE_MIN_KPA, CONTROLS_PRESSURE_MAX_KPA);
    sim_state st = sim_world_state(w);
    if (st.locked) lock_here(c, w, sim_view_lock_get(w).muscle, st.lock_at);
}

void controls_toggle_lock(controls *c, sim_world *w) {
    if (sim_world_state(w).locked)
        sim_world_unlock(w);
    else
        lock_here(c, w, c->muscle, c->cursor_s);
}

/* Degrees in one unit of pose fraction (the lesson's range of movement). */
static float deg_per_fraction(const sim_world *w) {
    return fabsf(1.0f / (sim_view_deg_to_fraction(w, 1.0f) - sim_view_deg_to_fraction(w, 0.0f)));
}

/* Moves the joint towards the end of range (+1) or the shortened pose (-1)
 * at a steady pace; 0 holds it where it is. */
static void drive_joint(controls *c, sim_world *w, int dir, bool fast) {
    sim_view_joint j = sim_view_joint_get(w);
    c->joint_key = dir;
    c->joint_key_fast = fast;
    if (dir == 0) {
        sim_world_stretch_to(w, j.fraction, 0.0f);
        return;
    }
    float to = dir > 0 ? j.limit_fraction : 0.0f;
    float deg_span = fabsf(to - j.fraction) * deg_per_fraction(w);
    sim_world_stretch_to(w, to, deg_span / (fast ? CONTROLS_FAST_PACE_DEG_S : CONTROLS_PACE_DEG_S));
}

/* The pointer's angle about the hinge, on the hinge plane (rad). */
static bool pointer_angle(const controls *c, float x, float y, int wpx, int hpx, float *angle) {
    float p[3];
    if (!render_pick_hinge_plane(&c->camera, wpx, hpx, x, y, p)) return false;
    *angle = atan2f(p[1], p[0]);
    return true;
}

static void drag_limb(controls *c, sim_world *w, float x, float y, int wpx, int hpx) {
    float angle;
    if (!pointer_angle(c, x, y, wpx, hpx, &angle)) return;
    float dq = remainderf(angle - c->drag_angle0, 6.2831853f);
    float deg = c->drag_deg0 + dq / sim_view_joint_q(w, 1.0f);
    sim_view_joint j = sim_view_joint_get(w);
    float to = clampf(sim_view_deg_to_fraction(w, deg), 0.0f, j.limit_fraction);
    sim_world_stretch_to(w, to, fabsf(to - j.fraction) * deg_per_fraction(w) / CONTROLS_DRAG_DEG_S);
}

static void mouse_down(controls *c, sim_world *w, const platform_event *ev, int wpx, int hpx) {
    c->last_x = ev->x, c->last_y = ev->y;
    if (ev->button == PLATFORM_BUTTON_MIDDLE || (ev->button == PLATFORM_BUTTON_RIGHT && (ev->mods & PLATFORM_MOD_SHIFT))) {
        c->drag = CONTROLS_DRAG_PAN;
        return;
    }
    if (ev->button == PLATFORM_BUTTON_RIGHT) {
        c->drag = CONTROLS_DRAG_ORBIT;
        return;
    }
    if (ev->button != PLATFORM_BUTTON_LEFT) return;
    if (ev->mods & PLATFORM_MOD_SHIFT) {
        c->drag = CONTROLS_DRAG_PAN;
        return;
    }
    render_pick pick = render_pick_muscle(w, &c->camera, wpx, hpx, ev->x, ev->y);
    if (pick.hit) {
        c->muscle = pick.muscle;
        c->cursor_s = pick.s;
        lock_here(c, w, pick.muscle, pick.s);
        /* holding the lock, a drag moves the limb (one hand locks, the other stretches) */
        c->drag = CONTROLS_DRAG_LOCK;
        c->press_x = ev->x, c->press_y = ev->y;
        c->lock_drags_limb = false;
        c->drag_deg0 = sim_view_joint_get(w).deg;
        if (!pointer_angle(c, ev->x, ev->y, wpx, hpx, &c->drag_angle0)) c->drag_angle0 = NAN;
        return;
    }
    float skin = 0.06f;
    if (render_pick_limb(w, &c->camera, wpx, hpx, ev->x, ev->y, skin) &&
        pointer_angle(c, ev->x, ev->y, wpx, hpx, &c->drag_angle0)) {
        c->drag_deg0 = sim_view_joint_get(w).deg;
        c->drag = CONTROLS_DRAG_LIMB;
        return;
    }
    c->drag = CONTROLS_DRAG_ORBIT;
}

static void mouse_up(controls *c, sim_world *w) {
    if (c->drag == CONTROLS_DRAG_LOCK) sim_world_unlock(w);
    if (c->drag == CONTROLS_DRAG_LIMB || (c->drag == CONTROLS_DRAG_LOCK && c->lock_drags_limb))
        drive_joint(c, w, 0, false);
    c->drag = CONTROLS_DRAG_NONE;
}

static void mouse_move(controls *c, sim_world *w, const platform_event *ev, int wpx, int hpx) {
    float dx = ev->x - c->last_x, dy = ev->y - c->last_y;
    c->last_x = ev->x, c->last_y = ev->y;
    switch (c->drag) {
    case CONTROLS_DRAG_ORBIT:
        render_camera_orbit(&c->camera, -dx * ORBIT_RAD_PER_PX, dy * ORBIT_RAD_PER_PX);
        break;
    case CONTROLS_DRAG_PAN:
        render_camera_pan(&c->camera, dx, dy, wpx, hpx);
        break;
    case CONTROLS_DRAG_LIMB:
        drag_limb(c, w, ev->x, ev->y, wpx, hpx);
        break;
    case CONTROLS_DRAG_LOCK:
        /* a still hand holds: the limb follows only once the pointer has left the dead zone */
        if (!c->lock_drags_limb && hypotf(ev->x - c->press_x, ev->y - c->press_y) < LOCK_DEAD_ZONE_PX) break;
        if (isnan(c->drag_angle0)) break;
        c->lock_drags_limb = true;
        drag_limb(c, w, ev->x, ev->y, wpx, hpx);
        break;
    default:
        break;
    }
}

static void set_view(controls *c, const sim_world *w, render_view v, int wpx, int hpx) {
    float focus[3];
    sim_view_muscle_surface(w, c->muscle, c->cursor_s, focus);
    c->view = v;
    c->framed_w = wpx, c->framed_h = hpx;
    c->camera = c->framed = render_camera_view_for(w, v, focus, wpx, hpx);
}

void controls_frame(controls *c, const sim_world *w, int wpx, int hpx) {
    if (wpx < 1 || hpx < 1 || (wpx == c->framed_w && hpx == c->framed_h)) return;
    if (memcmp(&c->camera, &c->framed, sizeof c->camera) != 0) return; /* the student's own view stays */
    set_view(c, w, c->view, wpx, hpx);
}

static void key_char(controls *c, sim_world *w, const platform_event *ev, int wpx, int hpx) {
    bool shift = (ev->mods & PLATFORM_MOD_SHIFT) != 0;
    float step = ORBIT_KEY_RAD;
    switch (ev->ch) {
    case '+': case '=': controls_set_pressure(c, w, c->pressure_kpa + CONTROLS_PRESSURE_STEP_KPA); break;
    case '-': case '_': controls_set_pressure(c, w, c->pressure_kpa - CONTROLS_PRESSURE_STEP_KPA); break;
    case 'l': if (!ev->repeat) controls_toggle_lock(c, w); break;
    case 'a': if (shift) render_camera_pan(&c->camera, -40.0f, 0.0f, wpx, hpx); else render_camera_orbit(&c->camera, step, 0.0f); break;
    case 'd': if (shift) render_camera_pan(&c->camera, 40.0f, 0.0f, wpx, hpx); else render_camera_orbit(&c->camera, -step, 0.0f); break;
    case 'w': if (shift) render_camera_pan(&c->camera, 0.0f, -40.0f, wpx, hpx); else render_camera_orbit(&c->camera, 0.0f, step); break;
    case 's': if (shift) render_camera_pan(&c->camera, 0.0f, 40.0f, wpx, hpx); else render_camera_orbit(&c->camera, 0.0f, -step); break;
    case 'q': render_camera_zoom(&c->camera, ZOOM_STEP); break;
    case 'e': render_camera_zoom(&c->camera, 1.0f / ZOOM_STEP); break;
    case 'r': case '1': set_view(c, w, RENDER_VIEW_SIDE, wpx, hpx); break;
    case '2': set_view(c, w, RENDER_VIEW_FRONT, wpx, hpx); break;
    case '3': set_view(c, w, RENDER_VIEW_LOCK, wpx, hpx); break;
    case 'h': if (!ev->repeat) c->show_skin = !c->show_skin; break;
    case 'c': if (!ev->repeat) c->colour_by = (render_colour_by)((c->colour_by + 1) % RENDER_COLOUR_COUNT); break;
    case 't': if (!ev->repeat) c->tool = (sim_tool)((c->tool + 1) % SIM_TOOL_COUNT); break;
    case 'm':
        if (!ev->repeat && sim_world_muscle_count(w) > 0) c->muscle = (c->muscle + 1) % sim_world_muscle_count(w);
        break;
    case ' ': if (!ev->repeat) c->paused = !c->paused; break;
    case 'p': if (!ev->repeat) c->want_screenshot = true; break;
    default: break;
    }
}

static void key_down(controls *c, sim_world *w, const platform_event *ev, int wpx, int hpx) {
    bool shift = (ev->mods & PLATFORM_MOD_SHIFT) != 0;
    int dir = ev->key == PLATFORM_KEY_RIGHT || ev->key == PLATFORM_KEY_UP ? 1
              : ev->key == PLATFORM_KEY_LEFT || ev->key == PLATFORM_KEY_DOWN ? -1 : 0;
    if (dir != 0) {
        if (c->focus == CONTROLS_FOCUS_JOINT) {
            if (!ev->repeat) drive_joint(c, w, dir, shift);
        } else if (ev->key == PLATFORM_KEY_UP || ev->key == PLATFORM_KEY_DOWN) {
            controls_set_pressure(c, w, c->pressure_kpa + (float)dir * CONTROLS_PRESSURE_STEP_KPA);
        } else {
            c->cursor_s = clampf(c->cursor_s + (float)dir * (shift ? CURSOR_FAST_STEP : CURSOR_STEP), 0.02f, 0.98f);
        }
        return;
    }
    switch (ev->key) {
    case PLATFORM_KEY_TAB:
        if (!ev->repeat) {
            if (c->joint_key) drive_joint(c, w, 0, false);
            c->focus = c->focus == CONTROLS_FOCUS_JOINT ? CONTROLS_FOCUS_LOCK : CONTROLS_FOCUS_JOINT;
        }
        break;
    case PLATFORM_KEY_RETURN: if (!ev->repeat) controls_toggle_lock(c, w); break;
    case PLATFORM_KEY_PAGE_UP: render_camera_zoom(&c->camera, ZOOM_STEP); break;
    case PLATFORM_KEY_PAGE_DOWN: render_camera_zoom(&c->camera, 1.0f / ZOOM_STEP); break;
    case PLATFORM_KEY_HOME: set_view(c, w, RENDER_VIEW_SIDE, wpx, hpx); break;
    case PLATFORM_KEY_ESCAPE: c->want_quit = true; break;
    case PLATFORM_KEY_F11: if (!ev->repeat) c->want_fullscreen = true; break;
    case PLATFORM_KEY_F12: if (!ev->repeat) c->want_screenshot = true; break;
    case PLATFORM_KEY_CHAR: key_char(c, w, ev, wpx, hpx); break;
    default: break;
    }
}

void controls_handle(controls *c, sim_world *w, const platform_event *ev, int wpx, int hpx) {
    switch (ev->kind) {
    case PLATFORM_EVENT_QUIT: c->want_quit = true; break;
    case PLATFORM_EVENT_KEY_DOWN: key_down(c, w, ev, wpx, hpx); break;
    case PLATFORM_EVENT_KEY_UP: {
        bool arrow = ev->key == PLATFORM_KEY_LEFT || ev->key == PLATFORM_KEY_RIGHT || ev->key == PLATFORM_KEY_UP ||
                     ev->key == PLATFORM_KEY_DOWN;
        if (arrow && c->focus == CONTROLS_FOCUS_JOINT && c->joint_key != 0) drive_joint(c, w, 0, false);
        break;
    }
    case PLATFORM_EVENT_MOUSE_DOWN: mouse_down(c, w, ev, wpx, hpx); break;
    case PLATFORM_EVENT_MOUSE_UP: mouse_up(c, w); break;
    case PLATFORM_EVENT_MOUSE_MOVE: mouse_move(c, w, ev, wpx, hpx); break;
    case PLATFORM_EVENT_WHEEL:
        if (sim_world_state(w).locked && !(ev->mods & PLATFORM_MOD_CTRL))
            controls_set_pressure(c, w, c->pressure_kpa + ev->wheel * CONTROLS_PRESSURE_STEP_KPA);
        else
            render_camera_zoom(&c->camera, powf(ZOOM_STEP, ev->wheel));
        break;
    case PLATFORM_EVENT_RESIZE: break;
    }
}

render_options controls_render_options(const controls *c) {
    render_options o = render_options_default();
    o.show_skin = c->show_skin;
    o.colour_by = c->colour_by;
    o.show_cursor = c->focus == CONTROLS_FOCUS_LOCK;
    o.cursor_muscle = c->muscle;
    o.cursor_s = c->cursor_s;
    return o;
}

int controls_status(const controls *c, const sim_world *w, char lines[][128], int max) {
    int n = 0;
    sim_state st = sim_world_state(w);
    sim_view_joint j = sim_view_joint_get(w);
    if (n < max) {
        bool at_end = j.at_end;
        snprintf(lines[n++], 128, "Joint %.0f" DEG "%s%s", st.joint_deg, at_end ? "  (end of range)" : "",
                 c->focus == CONTROLS_FOCUS_JOINT ? "   [keys: joint]" : "");
    }
    if (n < max) {
        if (st.locked) {
            sim_view_lock l = sim_view_lock_get(w);
            snprintf(lines[n++], 128, "Lock: %s at s = %.2f, %.0f kPa%s%s", sim_tool_name(l.tool), st.lock_at,
                     st.lock_pressure_kpa, st.lock_sliding ? "  SLIPPING" : "",
                     c->focus == CONTROLS_FOCUS_LOCK ? "   [keys: lock]" : "");
        } else {
            snprintf(lines[n++], 128, "Lock: off (%s, %.0f kPa)%s", sim_tool_name(c->tool), c->pressure_kpa,
                     c->focus == CONTROLS_FOCUS_LOCK ? "   [keys: lock]" : "");
        }
    }
    int total = 0, released = 0;
    for (int t = 0; t < sim_world_tangle_count(w); t++) {
        sim_region_metrics m = sim_world_tangle_metrics(w, t);
        total += m.adhesions_total;
        released += m.adhesions_released;
    }
    if (n < max && total > 0) snprintf(lines[n++], 128, "Adhesions released: %d of %d", released, total);
    if (n < max && c->paused) snprintf(lines[n++], 128, "Paused (Space)");
    return n;
}
