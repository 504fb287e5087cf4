/* app.h: the window: a lesson's world, the controls, the teaching
 * interface (app_ui.h), the fixed-step clock and the renderer, driven by
 * app_frame once per frame. */
#ifndef FIBRELAB_APP_H
#define FIBRELAB_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app_ui.h"
#include "controls.h"
#include "lesson.h"
#include "platform.h"
#include "playback.h"
#include "render.h"
#include "session.h"
#include "settings.h"
#include "stepper.h"
#include "timeseries.h"

typedef enum app_status { APP_OK = 0, APP_NO_DISPLAY = -1, APP_FAILED = 1 } app_status;

typedef struct app {
    platform *plat;
    render *rend, *twin_rend;   /* the twin's own renderer keeps its own adhesion flashes */
    render_font *font;
    sim_world *world;
    sim_world_desc desc;        /* what world was built from (the lesson's, or a quiz's) */
    session *session;           /* the coach, the steps, the quiz: what a report says */
    timeseries series;          /* the session's state every 0.1 s of model time, for the report */
    long session_steps;
    sim_world *twin;            /* side by side: the same lesson and seed, never locked (made when first shown) */
    const lesson *lesson;       /* the one shown: the caller's, or owned_lesson */
    lesson *owned_lesson;       /* a lesson chosen in the window (Ctrl+L) */
    bool quiz;                  /* the world hides a tangle placed by the seed */
    uint64_t seed;
    app_ui ui;
    settings prefs;             /* theme, size, last lesson: saved in the preference folder */
    char prefs_path[1024];      /* empty: nowhere to save them */
    controls ctl;
    stepper clock;
    playback play;           /* a script playing in the window */
    bool playing;
    char notice[512];        /* a passing message (where a picture went) */
    double notice_until_s;
    long frames, frame_limit; /* frames drawn; a test's limit (0: none) */
} app;

/* Opens the window on the lesson's world, playing the script if not NULL
 * (it must outlive the app). APP_NO_DISPLAY when there is no display to
 * open it on; APP_FAILED with one line in err otherwise. */
app_status app_open(app *a, const lesson *l, uint64_t seed, const script *s, char *err, size_t err_size);
/* One frame: events, model steps, drawing. False when the app should close. */
bool app_frame(app *a);
void app_close(app *a);

#endif
