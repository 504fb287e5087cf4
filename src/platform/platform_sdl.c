/* platform_sdl.c: the platform layer on SDL2 and libepoxy (platform.h). */
#define _POSIX_C_SOURCE 200809L
#include <SDL2/SDL.h>
#include <epoxy/gl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform.h"

struct platform {
    SDL_Window *window;
    SDL_GLContext gl;
    char gl_text[160];
    bool offscreen; /* no screen to present to, so nothing throttles the frames */
};

platform_desc platform_desc_default(void) {
    /* no multisampling by default: on llvmpipe 4x costs about 2.5x the drawing
     * time; fibres keep a minimum width instead so they do not break up */
    return (platform_desc){.title = "fibrelab", .width = 1280, .height = 720, .vsync = true, .msaa_samples = 0};
}

static SDL_Window *open_window(const platform_desc *d, int samples, SDL_GLContext *gl) {
    SDL_GL_ResetAttributes();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, samples > 0 ? 1 : 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, samples);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (d->hidden) flags |= SDL_WINDOW_HIDDEN;
    SDL_Window *w = SDL_CreateWindow(d->title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, d->width, d->height,
                                     flags);
    if (!w) return NULL;
    *gl = SDL_GL_CreateContext(w);
    if (!*gl) {
        SDL_DestroyWindow(w);
        return NULL;
    }
    return w;
}

/* Starts SDL's video, the offscreen driver first when asked (it needs no
 * display), else whatever SDL picks. */
static bool start_video(const platform_desc *d) {
    if (d->offscreen && !getenv("SDL_VIDEODRIVER")) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
        if (SDL_Init(SDL_INIT_VIDEO) == 0) return true;
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "");
    }
    return SDL_Init(SDL_INIT_VIDEO) == 0;
}

platform *platform_create(const platform_desc *d, char *err, size_t err_size) {
    platform *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    if (!start_video(d)) {
        snprintf(err, err_size, "cannot open a window: %s (no display? use --headless)", SDL_GetError());
        free(p);
        return NULL;
    }
    /* multisampling if the driver has it, else without */
    p->window = open_window(d, d->msaa_samples, &p->gl);
    if (!p->window && d->msaa_samples > 0) p->window = open_window(d, 0, &p->gl);
    const char *driver = SDL_GetCurrentVideoDriver();
    p->offscreen = driver && (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0);
    if (!p->window) {
        snprintf(err, err_size,
                 "this computer's graphics do not provide OpenGL 3.3, which fibrelab needs (%s)", SDL_GetError());
        SDL_Quit();
        free(p);
        return NULL;
    }
    if (epoxy_gl_version() < 33 || epoxy_is_desktop_gl() == 0) {
        snprintf(err, err_size, "this computer's graphics do not provide OpenGL 3.3, which fibrelab needs (got %d.%d)",
                 epoxy_gl_version() / 10, epoxy_gl_version() % 10);
        platform_destroy(p);
        return NULL;
    }
    snprintf(p->gl_text, sizeof p->gl_text, "%s, %s", (const char *)glGetString(GL_VERSION),
             (const char *)glGetString(GL_RENDERER));
    SDL_GL_SetSwapInterval(d->vsync ? 1 : 0);
    return p;
}

void platform_destroy(platform *p) {
    if (!p) return;
    if (p->gl) SDL_GL_DeleteContext(p->gl);
    if (p->window) SDL_DestroyWindow(p->window);
    SDL_Quit();
    free(p);
}

const char *platform_gl_description(const platform *p) {
    return p->gl_text;
}

void platform_drawable_size(const platform *p, int *w, int *h) {
    SDL_GL_GetDrawableSize(p->window, w, h);
}

void platform_swap(platform *p) {
    SDL_GL_SwapWindow(p->window);
    /* With no screen the swap waits for nothing, and llvmpipe would queue
     * frame after frame (gigabytes in minutes): wait for each one. */
    if (p->offscreen) glFinish();
}

void platform_toggle_fullscreen(platform *p) {
    Uint32 full = SDL_GetWindowFlags(p->window) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_SetWindowFullscreen(p->window, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

double platform_now_s(void) {
    return (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency();
}

void platform_run(platform *p, bool (*frame)(void *user), void *user) {
    (void)p;
    while (frame(user)) {
    }
}

static unsigned mods_of(SDL_Keymod m) {
    return ((m & KMOD_SHIFT) ? PLATFORM_MOD_SHIFT : 0u) | ((m & KMOD_CTRL) ? PLATFORM_MOD_CTRL : 0u) |
           ((m & KMOD_ALT) ? PLATFORM_MOD_ALT : 0u);
}

static void translate_key(const SDL_KeyboardEvent *k, platform_event *ev) {
    static const struct {
        SDL_Keycode sdl;
        platform_key key;
    } named[] = {{SDLK_TAB, PLATFORM_KEY_TAB},         {SDLK_LEFT, PLATFORM_KEY_LEFT},
                 {SDLK_RIGHT, PLATFORM_KEY_RIGHT},     {SDLK_UP, PLATFORM_KEY_UP},
                 {SDLK_DOWN, PLATFORM_KEY_DOWN},       {SDLK_PAGEUP, PLATFORM_KEY_PAGE_UP},
                 {SDLK_PAGEDOWN, PLATFORM_KEY_PAGE_DOWN}, {SDLK_HOME, PLATFORM_KEY_HOME},
                 {SDLK_ESCAPE, PLATFORM_KEY_ESCAPE},   {SDLK_RETURN, PLATFORM_KEY_RETURN},
                 {SDLK_F1, PLATFORM_KEY_F1},           {SDLK_F11, PLATFORM_KEY_F11},
                 {SDLK_F12, PLATFORM_KEY_F12}};
    SDL_Keycode c = k->keysym.sym;
    ev->key = PLATFORM_KEY_OTHER;
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (named[i].sdl == c) ev->key = named[i].key;
    /* the keypad's plus and minus are the same keys to a student */
    if (c == SDLK_KP_PLUS) c = '+';
    if (c == SDLK_KP_MINUS) c = '-';
    if (ev->key == PLATFORM_KEY_OTHER && c >= 32 && c < 127) {
        ev->key = PLATFORM_KEY_CHAR;
        ev->ch = (int)c;
        /* '+' is shift-'=' on most layouts */
        if (c == '=' && (k->keysym.mod & KMOD_SHIFT)) ev->ch = '+';
    }
    ev->repeat = k->repeat != 0;
    ev->mods = mods_of((SDL_Keymod)k->keysym.mod);
}

bool platform_poll_event(platform *p, platform_event *ev) {
    SDL_Event e;
    int ww, wh, dw, dh;
    SDL_GetWindowSize(p->window, &ww, &wh);
    SDL_GL_GetDrawableSize(p->window, &dw, &dh);
    /* pointer positions come in screen points; the renderer works in pixels */
    float sx = ww > 0 ? (float)dw / (float)ww : 1.0f, sy = wh > 0 ? (float)dh / (float)wh : 1.0f;
    while (SDL_PollEvent(&e)) {
        memset(ev, 0, sizeof *ev);
        switch (e.type) {
        case SDL_QUIT:
            ev->kind = PLATFORM_EVENT_QUIT;
            return true;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            ev->kind = e.type == SDL_KEYDOWN ? PLATFORM_EVENT_KEY_DOWN : PLATFORM_EVENT_KEY_UP;
            translate_key(&e.key, ev);
            return true;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            ev->kind = e.type == SDL_MOUSEBUTTONDOWN ? PLATFORM_EVENT_MOUSE_DOWN : PLATFORM_EVENT_MOUSE_UP;
            ev->button = e.button.button == SDL_BUTTON_LEFT     ? PLATFORM_BUTTON_LEFT
                         : e.button.button == SDL_BUTTON_MIDDLE ? PLATFORM_BUTTON_MIDDLE
                         : e.button.button == SDL_BUTTON_RIGHT  ? PLATFORM_BUTTON_RIGHT
                                                                : 0;
            ev->x = (float)e.button.x * sx, ev->y = (float)e.button.y * sy;
            ev->mods = mods_of(SDL_GetModState());
            ev->touch = e.button.which == SDL_TOUCH_MOUSEID; /* SDL's mouse made from a finger */
            return true;
        case SDL_MOUSEMOTION:
            ev->kind = PLATFORM_EVENT_MOUSE_MOVE;
            ev->x = (float)e.motion.x * sx, ev->y = (float)e.motion.y * sy;
            ev->mods = mods_of(SDL_GetModState());
            ev->touch = e.motion.which == SDL_TOUCH_MOUSEID;
            return true;
        case SDL_MOUSEWHEEL:
            ev->kind = PLATFORM_EVENT_WHEEL;
            ev->wheel = e.wheel.preciseY;
            if (e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) ev->wheel = -ev->wheel;
            ev->mods = mods_of(SDL_GetModState());
            {
                int mx, my;
                SDL_GetMouseState(&mx, &my);
                ev->x = (float)mx * sx, ev->y = (float)my * sy;
            }
            return true;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                ev->kind = PLATFORM_EVENT_RESIZE;
                return true;
            }
            break;
        default:
            break;
        }
    }
    return false;
}

float platform_pixel_scale(const platform *p) {
    int ww, wh, dw, dh;
    SDL_GetWindowSize(p->window, &ww, &wh);
    SDL_GL_GetDrawableSize(p->window, &dw, &dh);
    return ww > 0 && dw > 0 ? (float)dw / (float)ww : 1.0f;
}

bool platform_pref_dir(char *out, size_t out_size) {
    char *pref = SDL_GetPrefPath("fibrelab", "fibrelab");
    if (!pref) return false;
    size_t n = strlen(pref);
    if (n > 1 && pref[n - 1] == '/') pref[n - 1] = '\0';
    bool ok = (size_t)snprintf(out, out_size, "%s", pref) < out_size;
    SDL_free(pref);
    return ok;
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* XDG's folder (the variable) when the desktop has one, else HOME/NAME if
 * it is there, else the program's settings folder. */
static bool user_dir(const char *xdg_var, const char *name, char *out, size_t out_size) {
    const char *xdg = getenv(xdg_var), *home = getenv("HOME");
    if (xdg && xdg[0] && is_dir(xdg)) return (size_t)snprintf(out, out_size, "%s", xdg) < out_size;
    if (home && home[0]) {
        int n = snprintf(out, out_size, "%s/%s", home, name);
        if (n > 0 && (size_t)n < out_size && is_dir(out)) return true;
    }
    return platform_pref_dir(out, out_size);
}

bool platform_pictures_dir(char *out, size_t out_size) {
    return user_dir("XDG_PICTURES_DIR", "Pictures", out, out_size);
}

bool platform_documents_dir(char *out, size_t out_size) {
    return user_dir("XDG_DOCUMENTS_DIR", "Documents", out, out_size);
}
