/* controls.h: what the student's mouse and keys do, apart from any window.
 *
 * Events come in as platform_event (plain data), so tests can drive this
 * module without SDL. Mouse: press and hold on a muscle to lock there
 * (release lets go), and drag while holding to move the limb about the
 * joint (the lock stays where it was put); drag the limb to move the joint; drag elsewhere (or
 * with the right button) to orbit, middle button or shift to pan; the wheel
 * sets the pressure while locked, else zooms. Keyboard: Tab switches focus
 * between the joint and the lock; arrows move the focused thing; L (or
 * Return) places or lifts the lock at the keyboard's spot; +/- pressure;
 * W A S D orbit, Q E zoom, shift+W A S D pan; R resets the view, 1 2 3 are
 * the named views; H hides the skin, C switches strain/tension, T the tool,
 * M the muscle, Space pauses, F11 full screen, F12 or P a picture, Esc quits.
 */
#ifndef FIBRELAB_CONTROLS_H
#define FIBRELAB_CONTROLS_H

#include <stdbool.h>

#include "platform.h"
#include "render.h"
#include "render_camera.h"
#include "sim.h"

#define CONTROLS_PRESSURE_MIN_KPA 25.0f
#define CONTROLS_PRESSURE_MAX_KPA 600.0f
#define CONTROLS_PRESSURE_STEP_KPA 25.0f
#define CONTROLS_PACE_DEG_S 7.5f       /* keys move the joint at the taught pace */
#define CONTROLS_FAST_PACE_DEG_S 20.0f /* with shift */
#define CONTROLS_DRAG_DEG_S 45.0f      /* the limb follows a drag at most this fast */

typedef enum controls_focus { CONTROLS_FOCUS_JOINT, CONTROLS_FOCUS_LOCK } controls_focus;
typedef enum controls_drag { CONTROLS_DRAG_NONE, CONTROLS_DRAG_LOCK, CONTROLS_DRAG_LIMB, CONTROLS_DRAG_ORBIT,
                             CONTROLS_DRAG_PAN } controls_drag;

typedef struct controls {
    controls_focus focus;
    int muscle;              /* the keyboard's muscle */
    float cursor_s;          /* the keyboard's spot along it */
    float pressure_kpa;
    sim_tool tool;
    render_camera camera;
    render_view view;        /* the named view last chosen ... */
    render_camera framed;    /* ... as framed for a framed_w x framed_h picture: moved since if camera differs */
    int framed_w, framed_h;
    bool show_skin;
    render_colour_by colour_by;
    bool paused;
    controls_drag drag;
    float last_x, last_y;
    float drag_deg0, drag_angle0;  /* the joint and the pointer's angle at the start of a limb drag */
    float press_x, press_y;  /* where the lock's button went down */
    bool lock_drags_limb;    /* the pointer left the lock's dead zone: it now moves the limb */
    int joint_key;           /* -1 shortening, +1 stretching, 0 none: a held arrow */
    bool joint_key_fast;
    /* requests to the app, cleared by it */
    bool want_quit, want_screenshot, want_fullscreen;
} controls;

controls controls_make(const sim_world *w);
/* Frames the named view again when the picture's shape has changed
 * (a resize, full screen), unless the camera has been moved since. */
void controls_frame(controls *c, const sim_world *w, int width_px, int height_px);
/* One event; the viewport (drawable pixels) is needed for picking. */
void controls_handle(controls *c, sim_world *w, const platform_event *ev, int width_px, int height_px);
/* The lock at the keyboard's spot, or lifted if on; the pressure (clamped;
 * a lock that is on is pressed again). For the interface's buttons. */
void controls_toggle_lock(controls *c, sim_world *w);
void controls_set_pressure(controls *c, sim_world *w, float kpa);
/* The render options the controls ask for (skin, colours, cursor). */
render_options controls_render_options(const controls *c);
/* Status lines for the screen: joint, lock, adhesions, focus. Returns how
 * many (at most max), each up to 128 bytes. */
int controls_status(const controls *c, const sim_world *w, char lines[][128], int max);

#endif
