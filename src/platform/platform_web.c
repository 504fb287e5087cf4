/* platform_web.c: the platform layer in a web browser (platform.h), over
 * emscripten's html5.h and WebGL 2.
 *
 * The page's <canvas id="canvas"> fills the window; its drawing buffer is
 * kept at the CSS size times the device pixel ratio. The browser calls our
 * callbacks for mouse, wheel, keys and touches; they queue platform_events
 * that platform_poll_event hands out on the next frame, so the app sees the
 * same events as on the desktop. Touch: one finger is the left button (lock
 * on a muscle, drag the limb); two fingers orbit (the right button, at their
 * midpoint) and pinch to zoom (wheel notches). The frame loop is the
 * browser's requestAnimationFrame (emscripten_set_main_loop_arg).
 */
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform.h"

#define CANVAS "#canvas"
#define PICTURES_DIR "/pictures"
#define QUEUE_SIZE 256
#define PINCH_PER_NOTCH 1.1f   /* finger spread ratio that makes one wheel notch */
#define WHEEL_PX_PER_NOTCH 100.0

struct platform {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl;
    char gl_text[160];
    platform_event queue[QUEUE_SIZE];
    int head, count;
    int width_px, height_px;
    float px_per_css;           /* drawing-buffer pixels per CSS pixel */
    /* touch: where the first two fingers are (in the order they came) */
    float fx[2], fy[2];
    int fingers;                /* fingers on the canvas */
    bool one_finger, two_fingers;
    float pinch_dist;
    bool (*frame)(void *user);
    void *frame_user;
};

static void push(platform *p, const platform_event *ev) {
    if (p->count == QUEUE_SIZE) return; /* a frame this late loses input, not memory */
    p->queue[(p->head + p->count) % QUEUE_SIZE] = *ev;
    p->count++;
}

/* Sizes the drawing buffer to the canvas's CSS size at the screen's density;
 * true when it changed. */
static bool fit_canvas(platform *p) {
    double css_w = 0, css_h = 0, dpr = emscripten_get_device_pixel_ratio();
    emscripten_get_element_css_size(CANVAS, &css_w, &css_h);
    int w = (int)lround(css_w * dpr), h = (int)lround(css_h * dpr);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    p->px_per_css = (float)dpr;
    if (w == p->width_px && h == p->height_px) return false;
    emscripten_set_canvas_element_size(CANVAS, w, h);
    p->width_px = w, p->height_px = h;
    return true;
}

static unsigned mods_of(EM_BOOL shift, EM_BOOL ctrl, EM_BOOL alt) {
    return (shift ? PLATFORM_MOD_SHIFT : 0u) | (ctrl ? PLATFORM_MOD_CTRL : 0u) | (alt ? PLATFORM_MOD_ALT : 0u);
}

static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent *m, void *user) {
    platform *p = user;
    platform_event ev = {.mods = mods_of(m->shiftKey, m->ctrlKey, m->altKey)};
    ev.x = (float)m->targetX * p->px_per_css, ev.y = (float)m->targetY * p->px_per_css;
    if (type == EMSCRIPTEN_EVENT_MOUSEMOVE) {
        ev.kind = PLATFORM_EVENT_MOUSE_MOVE;
    } else {
        ev.kind = type == EMSCRIPTEN_EVENT_MOUSEDOWN ? PLATFORM_EVENT_MOUSE_DOWN : PLATFORM_EVENT_MOUSE_UP;
        /* DOM buttons: 0 left, 1 middle, 2 right */
        ev.button = m->button == 0 ? PLATFORM_BUTTON_LEFT : m->button == 1 ? PLATFORM_BUTTON_MIDDLE
                  : m->button == 2 ? PLATFORM_BUTTON_RIGHT : 0;
    }
    push(p, &ev);
    return EM_TRUE;
}

static EM_BOOL on_wheel(int type, const EmscriptenWheelEvent *w, void *user) {
    (void)type;
    platform *p = user;
    platform_event ev = {.kind = PLATFORM_EVENT_WHEEL, .mods = mods_of(w->mouse.shiftKey, w->mouse.ctrlKey,
                                                                       w->mouse.altKey)};
    ev.x = (float)w->mouse.targetX * p->px_per_css, ev.y = (float)w->mouse.targetY * p->px_per_css;
    /* DOM deltaY is positive towards the user, in pixels, lines or pages */
    double notches = w->deltaMode == DOM_DELTA_PIXEL ? w->deltaY / WHEEL_PX_PER_NOTCH
                   : w->deltaMode == DOM_DELTA_LINE  ? w->deltaY / 3.0
                                                     : w->deltaY;
    ev.wheel = (float)-notches;
    push(p, &ev);
    return EM_TRUE;
}

static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent *k, void *user) {
    platform *p = user;
    /* leave the browser's own shortcuts (reload, copy, zoom) alone */
    if (k->ctrlKey || k->metaKey) return EM_FALSE;
    static const struct {
        const char *name;
        platform_key key;
    } named[] = {{"Tab", PLATFORM_KEY_TAB},         {"ArrowLeft", PLATFORM_KEY_LEFT},
                 {"ArrowRight", PLATFORM_KEY_RIGHT}, {"ArrowUp", PLATFORM_KEY_UP},
                 {"ArrowDown", PLATFORM_KEY_DOWN},   {"PageUp", PLATFORM_KEY_PAGE_UP},
                 {"PageDown", PLATFORM_KEY_PAGE_DOWN}, {"Home", PLATFORM_KEY_HOME},
                 {"Enter", PLATFORM_KEY_RETURN},     {"F1", PLATFORM_KEY_F1},
                 {"F11", PLATFORM_KEY_F11}};
    /* Escape is not passed on: a page cannot close itself, and F12 is the
     * browser's (its developer tools); both stay with the browser. */
    platform_event ev = {.kind = type == EMSCRIPTEN_EVENT_KEYDOWN ? PLATFORM_EVENT_KEY_DOWN : PLATFORM_EVENT_KEY_UP,
                         .repeat = k->repeat != 0, .mods = mods_of(k->shiftKey, k->ctrlKey, k->altKey)};
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (strcmp(k->key, named[i].name) == 0) ev.key = named[i].key;
    unsigned char c = (unsigned char)k->key[0];
    if (ev.key == PLATFORM_KEY_OTHER && c >= 32 && c < 127 && k->key[1] == '\0') {
        ev.key = PLATFORM_KEY_CHAR;
        ev.ch = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
    if (ev.key == PLATFORM_KEY_OTHER) return EM_FALSE;
    push(p, &ev);
    return EM_TRUE; /* ours: no scrolling on Space or the arrows, no focus change on Tab */
}

static EM_BOOL on_resize(int type, const EmscriptenUiEvent *u, void *user) {
    (void)type, (void)u;
    platform *p = user;
    if (fit_canvas(p)) push(p, &(platform_event){.kind = PLATFORM_EVENT_RESIZE});
    return EM_FALSE;
}

/* ---- touch ---- */

static void touch_button(platform *p, platform_event_kind kind, int button, float x, float y) {
    push(p, &(platform_event){.kind = kind, .button = button, .x = x, .y = y, .touch = true});
}

static float finger_spread(const platform *p) {
    return hypotf(p->fx[0] - p->fx[1], p->fy[0] - p->fy[1]);
}

/* Ends whatever the fingers were doing. */
static void touch_release(platform *p) {
    if (p->one_finger) touch_button(p, PLATFORM_EVENT_MOUSE_UP, PLATFORM_BUTTON_LEFT, p->fx[0], p->fy[0]);
    if (p->two_fingers)
        touch_button(p, PLATFORM_EVENT_MOUSE_UP, PLATFORM_BUTTON_RIGHT, 0.5f * (p->fx[0] + p->fx[1]),
                     0.5f * (p->fy[0] + p->fy[1]));
    p->one_finger = p->two_fingers = false;
}

static EM_BOOL on_touch(int type, const EmscriptenTouchEvent *t, void *user) {
    platform *p = user;
    /* the fingers now down, in the order they came (the first two count) */
    float x[2] = {0, 0}, y[2] = {0, 0};
    int n = 0;
    for (int i = 0; i < t->numTouches; i++) {
        const EmscriptenTouchPoint *tp = &t->touches[i];
        bool lifted = tp->isChanged && (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL);
        if (lifted || n == 2) continue;
        x[n] = (float)tp->targetX * p->px_per_css, y[n] = (float)tp->targetY * p->px_per_css;
        n++;
    }
    int before = p->fingers;
    p->fingers = n;
    if (n != before) {
        /* a change in the number of fingers ends the old gesture; a second
         * finger starts orbiting and zooming; lifting back to one finger
         * starts nothing until all are up (no stray lock) */
        touch_release(p);
        memcpy(p->fx, x, sizeof x), memcpy(p->fy, y, sizeof y);
        if (n == 1 && before == 0) {
            p->one_finger = true;
            touch_button(p, PLATFORM_EVENT_MOUSE_DOWN, PLATFORM_BUTTON_LEFT, x[0], y[0]);
        } else if (n == 2) {
            p->two_fingers = true;
            p->pinch_dist = finger_spread(p);
            touch_button(p, PLATFORM_EVENT_MOUSE_DOWN, PLATFORM_BUTTON_RIGHT, 0.5f * (x[0] + x[1]),
                         0.5f * (y[0] + y[1]));
        }
        return EM_TRUE;
    }
    memcpy(p->fx, x, sizeof x), memcpy(p->fy, y, sizeof y);
    if (p->one_finger) {
        push(p, &(platform_event){.kind = PLATFORM_EVENT_MOUSE_MOVE, .x = x[0], .y = y[0]});
    } else if (p->two_fingers) {
        float mx = 0.5f * (x[0] + x[1]), my = 0.5f * (y[0] + y[1]), d = finger_spread(p);
        push(p, &(platform_event){.kind = PLATFORM_EVENT_MOUSE_MOVE, .x = mx, .y = my});
        if (p->pinch_dist > 1.0f && d > 1.0f) {
            float notches = logf(d / p->pinch_dist) / logf(PINCH_PER_NOTCH);
            if (fabsf(notches) >= 0.25f) {
                push(p, &(platform_event){.kind = PLATFORM_EVENT_WHEEL, .wheel = notches, .x = mx, .y = my});
                p->pinch_dist = d;
            }
        }
    }
    return EM_TRUE; /* no page scrolling or browser zoom on the canvas */
}

/* ---- the platform ---- */

platform_desc platform_desc_default(void) {
    return (platform_desc){.title = "fibrelab", .width = 1280, .height = 720, .vsync = true, .msaa_samples = 0};
}

platform *platform_create(const platform_desc *d, char *err, size_t err_size) {
    platform *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    emscripten_set_window_title(d->title);
    EmscriptenWebGLContextAttributes a;
    emscripten_webgl_init_context_attributes(&a);
    a.majorVersion = 2;
    a.minorVersion = 0;
    a.alpha = EM_FALSE;
    a.depth = EM_TRUE;
    a.antialias = d->msaa_samples > 0;
    a.preserveDrawingBuffer = EM_TRUE; /* the picture can be read back after the frame (screenshots, tests) */
    p->gl = emscripten_webgl_create_context(CANVAS, &a);
    if (p->gl <= 0 || emscripten_webgl_make_context_current(p->gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        snprintf(err, err_size, "this browser does not provide WebGL 2, which fibrelab needs");
        free(p);
        return NULL;
    }
    snprintf(p->gl_text, sizeof p->gl_text, "%s, %s", (const char *)glGetString(GL_VERSION),
             (const char *)glGetString(GL_RENDERER));
    fit_canvas(p);
    emscripten_set_mousedown_callback(CANVAS, p, EM_TRUE, on_mouse);
    /* moves and releases on the whole document, so a drag that leaves the canvas still ends */
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, p, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(CANVAS, p, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback(CANVAS, p, EM_TRUE, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, p, EM_TRUE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, p, EM_TRUE, on_key);
    emscripten_set_touchstart_callback(CANVAS, p, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(CANVAS, p, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(CANVAS, p, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(CANVAS, p, EM_TRUE, on_touch);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, p, EM_FALSE, on_resize);
    return p;
}

void platform_destroy(platform *p) {
    if (!p) return;
    emscripten_html5_remove_all_event_listeners();
    if (p->gl > 0) emscripten_webgl_destroy_context(p->gl);
    free(p);
}

const char *platform_gl_description(const platform *p) {
    return p->gl_text;
}

bool platform_poll_event(platform *p, platform_event *ev) {
    if (p->count == 0) return false;
    *ev = p->queue[p->head];
    p->head = (p->head + 1) % QUEUE_SIZE;
    p->count--;
    return true;
}

void platform_drawable_size(const platform *p, int *w, int *h) {
    *w = p->width_px, *h = p->height_px;
}

void platform_swap(platform *p) {
    (void)p; /* the browser shows the frame when the callback returns */
}

void platform_toggle_fullscreen(platform *p) {
    (void)p;
    EmscriptenFullscreenChangeEvent fs;
    if (emscripten_get_fullscreen_status(&fs) == EMSCRIPTEN_RESULT_SUCCESS && fs.isFullscreen)
        emscripten_exit_fullscreen();
    else /* browsers allow it only from an input handler: deferred to the next one */
        emscripten_request_fullscreen(CANVAS, EM_TRUE);
}

double platform_now_s(void) {
    return emscripten_get_now() / 1000.0; /* performance.now(), in ms */
}

static void run_frame(void *user) {
    platform *p = user;
    if (!p->frame(p->frame_user)) emscripten_cancel_main_loop();
}

void platform_run(platform *p, bool (*frame)(void *user), void *user) {
    p->frame = frame, p->frame_user = user;
    /* 0: at the browser's own rate (requestAnimationFrame). Never returns:
     * main() unwinds and the browser calls run_frame from then on. */
    emscripten_set_main_loop_arg(run_frame, p, 0, EM_TRUE);
}

bool platform_pictures_dir(char *out, size_t out_size) {
    /* a folder in the page's memory: the page (shell.html) hands each picture
     * saved there to the browser as a download */
    if (mkdir(PICTURES_DIR, 0755) != 0 && errno != EEXIST) return false;
    return (size_t)snprintf(out, out_size, "%s", PICTURES_DIR) < out_size;
}

bool platform_documents_dir(char *out, size_t out_size) {
    /* reports are not saved from the page (yet): the window says so */
    (void)out, (void)out_size;
    return false;
}

float platform_pixel_scale(const platform *p) {
    (void)p;
    double ratio = emscripten_get_device_pixel_ratio(); /* devicePixelRatio */
    return ratio > 0.0 ? (float)ratio : 1.0f;
}

bool platform_pref_dir(char *out, size_t out_size) {
    /* the page keeps no files between visits: the settings start fresh each time */
    (void)out, (void)out_size;
    return false;
}
