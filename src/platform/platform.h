/* platform.h: the window, the OpenGL context, input events and the frame
 * loop. Everything SDL lives behind this header; a browser build replaces
 * platform_sdl.c and keeps the rest.
 *
 * The loop is a callback the platform calls once per frame (native: a plain
 * loop; the browser: emscripten_set_main_loop_arg), so the app never owns a
 * blocking loop of its own.
 */
#ifndef FIBRELAB_PLATFORM_H
#define FIBRELAB_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum platform_key {
    PLATFORM_KEY_OTHER = 0,
    PLATFORM_KEY_CHAR,       /* `ch` holds a printable ASCII character, letters lower case */
    PLATFORM_KEY_TAB,
    PLATFORM_KEY_LEFT,
    PLATFORM_KEY_RIGHT,
    PLATFORM_KEY_UP,
    PLATFORM_KEY_DOWN,
    PLATFORM_KEY_PAGE_UP,
    PLATFORM_KEY_PAGE_DOWN,
    PLATFORM_KEY_HOME,
    PLATFORM_KEY_ESCAPE,
    PLATFORM_KEY_RETURN,
    PLATFORM_KEY_F1,
    PLATFORM_KEY_F11,
    PLATFORM_KEY_F12,
} platform_key;

typedef enum platform_event_kind {
    PLATFORM_EVENT_QUIT,
    PLATFORM_EVENT_KEY_DOWN,
    PLATFORM_EVENT_KEY_UP,
    PLATFORM_EVENT_MOUSE_DOWN,
    PLATFORM_EVENT_MOUSE_UP,
    PLATFORM_EVENT_MOUSE_MOVE,
    PLATFORM_EVENT_WHEEL,
    PLATFORM_EVENT_RESIZE,
} platform_event_kind;

enum { PLATFORM_MOD_SHIFT = 1, PLATFORM_MOD_CTRL = 2, PLATFORM_MOD_ALT = 4 };
enum { PLATFORM_BUTTON_LEFT = 1, PLATFORM_BUTTON_MIDDLE = 2, PLATFORM_BUTTON_RIGHT = 3 };

/* One input event in the app's terms: positions in drawable pixels (hi-DPI
 * already applied), origin top left. */
typedef struct platform_event {
    platform_event_kind kind;
    platform_key key;
    int ch;
    bool repeat;         /* a key held down repeating */
    unsigned mods;
    int button;
    float x, y;          /* pointer position */
    float wheel;         /* notches, positive away from the user */
    bool touch;          /* a finger on a touch screen made it (as the left or right button) */
} platform_event;

typedef struct platform_desc {
    const char *title;
    int width, height;   /* window size in screen points */
    bool hidden;         /* no visible window (headless pictures) */
    bool offscreen;      /* try SDL's offscreen video driver first (no display needed) */
    bool vsync;
    int msaa_samples;    /* 0 for none */
} platform_desc;

typedef struct platform platform;

platform_desc platform_desc_default(void);
/* Opens the window with an OpenGL 3.3 core context, functions loaded by
 * libepoxy (in a web page: WebGL 2 on its canvas). NULL with one sentence in
 * err (no display, no OpenGL 3.3). */
platform *platform_create(const platform_desc *desc, char *err, size_t err_size);
void platform_destroy(platform *p);
/* The next pending event; false when there are none. */
bool platform_poll_event(platform *p, platform_event *ev);
void platform_drawable_size(const platform *p, int *width_px, int *height_px);
void platform_swap(platform *p);
void platform_toggle_fullscreen(platform *p);
/* Seconds on a monotonic clock. */
double platform_now_s(void);
/* Calls frame(user) once per frame until it returns false. */
void platform_run(platform *p, bool (*frame)(void *user), void *user);
/* A folder for screenshots: the user's Pictures folder if it exists, else
 * the program's data folder (SDL_GetPrefPath). False if neither. */
bool platform_pictures_dir(char *out, size_t out_size);
/* Where reports go: the same way (XDG_DOCUMENTS_DIR, ~/Documents, the
 * settings folder); false where there is none (the browser). */
bool platform_documents_dir(char *out, size_t out_size);
/* Drawable pixels per window point (2 on a hi-DPI screen), for sizing the interface. */
float platform_pixel_scale(const platform *p);
/* The program's own settings folder (SDL_GetPrefPath), with no trailing
 * slash, created if missing. False if there is none. */
bool platform_pref_dir(char *out, size_t out_size);
/* The GL version the context gives, as "4.5 (Core Profile) Mesa ...". */
const char *platform_gl_description(const platform *p);

#endif
