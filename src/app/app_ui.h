/* app_ui.h: the window's teaching interface, apart from any window: time
 * controls, the lock, the mode, readouts with units, live plots of the
 * last 30 s, the split "with lock / without lock" view, the shortcuts and
 * "what is real here" sheets, and the theme and size. It routes each input
 * event (interface first, then the shortcut keys, then the scene's
 * controls), shows the lesson's steps and the coach's feedback, lays out the frame and builds the interface into a
 * render_list. The app (app.c) owns the window, the clock and the worlds.
 */
#ifndef FIBRELAB_APP_UI_H
#define FIBRELAB_APP_UI_H

#include <stdbool.h>

#include "controls.h"
#include "lesson.h"
#include "render.h"
#include "session.h"
#include "trace.h"
#include "ui.h"

#define APP_UI_SLOW 0.25f
/* Once a finger is used, the interface is at least this much bigger than at
 * 100%: a button about 9 mm tall on a typical tablet, a fingertip's size. */
#define APP_UI_TOUCH_SCALE 1.6f
#define APP_UI_MAX_LESSONS 24
#define APP_UI_SCORE_LINES 32
#define APP_UI_PALPATE_KPA 150.0f /* a thumb pressed gently (deep work starts at 100) */

typedef struct app_ui {
    ui ui;
    ui_theme_id theme;
    float user_scale;          /* the student's choice: 1, 1.25, 1.5, 2 */
    float dpi_scale;           /* drawable pixels per window point */
    float speed;               /* 1 normal, APP_UI_SLOW slow (pause is controls.paused) */
    int step_requests;         /* single steps asked while paused */
    bool split;                /* with lock / without lock side by side */
    bool pause_at_lock;        /* pause the moment the lock goes on */
    bool was_locked;
    bool show_keys, show_notes;
    bool touch;                /* a finger has been used: controls grow to finger size */
    bool reset_all;            /* asked: the app rebuilds the world (cleared by it) */
    bool settings_changed;     /* theme or size changed: the app saves them */
    trace trace;
    float rom_before_deg, rom_after_deg;
    bool rom_after_known, want_rom;
    render_style style;        /* the scene's colours in this theme */
    /* the lesson panel and the coach's feedback (issue 6): the session the
     * app drives (NULL: none shown) */
    session *session;
    int hint_step, hints_shown;  /* hints shown for the step hint_step */
    int shown_feedback;          /* this frame: the coach's message in view (index), -1 none */
    int shown_steps_done;        /* this frame: steps shown done */
    char felt[160];              /* the client's words at the last palpation (F) */
    /* the lesson picker (Ctrl+L): the app fills the list when it opens */
    bool show_lessons;
    char lessons[APP_UI_MAX_LESSONS][64];
    int lesson_count;
    /* a quiz's score, once finished: lines for the sheet */
    bool show_score;
    char score_lines[APP_UI_SCORE_LINES][96];
    int score_line_count;
    /* requests to the app, cleared by it */
    bool want_report;            /* Save report (Ctrl+S) */
    bool want_quiz;              /* start or leave a quiz */
    bool want_finish;            /* finish the quiz: score it */
    int want_lesson;             /* index into lessons, -1 none */
    /* this frame's layout in drawable pixels: the scene (left half when split) and the twin's */
    ui_rect scene, twin;
    ui_rect lesson_strip;        /* the lesson's, over the scene (empty: none, or no room) */
} app_ui;

void app_ui_init(app_ui *a, const render_font *font, ui_theme_id theme, float user_scale, float dpi_scale);
void app_ui_free(app_ui *a);
/* Lays out the window (call when its size may have changed, before events). */
void app_ui_layout(app_ui *a, int width_px, int height_px);
/* One input event, routed. */
void app_ui_event(app_ui *a, controls *c, sim_world *w, const platform_event *ev);
/* Builds the interface for the frame, doing what its widgets ask. */
void app_ui_build(app_ui *a, controls *c, sim_world *w, const lesson *l, int width_px, int height_px);
/* Back to the start: normal speed, running, history cleared (Reset All; the app rebuilds the world). */
void app_ui_reset(app_ui *a, controls *c);
/* The quiz's score with its parts and reasons, in the score sheet. */
void app_ui_show_score(app_ui *a, const quiz_score *score);
/* One step of the side-by-side twin: it follows the joint of the world
 * with the lock (its mode too) at most at the keyboard's fast pace, so
 * catching up after it is first shown is no jerk; it is never locked. */
void app_ui_twin_step(sim_world *twin, const sim_world *w);
/* The scene's render options in this theme. */
render_options app_ui_render_options(app_ui *a, const controls *c);
/* Draws the frame: the scene (and the twin's, when split, with its own
 * renderer), then the interface over it. notice: a passing line, or NULL. */
void app_ui_draw(app_ui *a, const controls *c, render *r, const sim_world *w, render *twin_r, const sim_world *twin,
                 const char *notice, int width_px, int height_px);

#endif
