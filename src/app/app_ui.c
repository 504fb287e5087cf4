/* app_ui.c: the window's teaching interface (app_ui.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app_ui.h"
#include "settings.h"
#include "sim_view.h"

#define DEG "\xc2\xb0"
#define LEFT_EM 15.0f       /* the controls' column */
#define RIGHT_EM 16.5f      /* the readouts' column */
#define PLOTS_EM 12.0f      /* the plots' strip under the scene */
#define LESSON_EM 8.2f      /* the lesson's strip over it */
#define LESSON_BUTTONS_EM 17.0f /* its buttons' part */
#define LESSON_BUTTON_ROWS_EM 5.0f /* the buttons' two rows, when they go under the text */
#define COLUMN_EM 31.0f     /* the taller column's height with its margins */
#define PRESSURE_BAR_MAX_KPA 600.0f
#define BAND_LO_KPA 100.0f  /* deep tissue work: measured therapists' pressures (DESIGN.md) */
#define BAND_HI_KPA 400.0f
#define PLOT_PX_PER_POINT 5.0f

static const char *const keys_lines[] = {
    "Space or K   play / pause          .   one step (pauses)",
    "[   slow (1/4)      ]   normal speed      Ctrl+R   Reset All",
    "Tab / Shift+Tab   move the focus: joint, lock, then each control",
    "Enter or Space   press the focused control; arrows change it",
    "Joint in focus: Left / Right move the joint (Shift: faster)",
    "Lock in focus: Left / Right place it, Up / Down pressure",
    "L or Enter   lock / unlock      + -   pressure      T   tool",
    "Mouse: hold on the muscle to lock, drag while holding to stretch",
    "G   ask the client to move (active-assisted)",
    "F   feel (palpate) at the keyboard's spot      Ctrl+S   save a report",
    "Ctrl+L   choose a lesson",
    "V   with lock / without lock side by side",
    "O   theme      Z   size      N   what is real here",
    "W A S D   orbit      Q E   zoom      1 2 3   views      R   reset view",
    "H   skin      C   strain / tension      F11   full screen",
    "F12 or P   picture      F1 or ?   this list      Esc   close / quit",
};

static const char *const notes_lines[] = {
    "Measured physiology (the model follows published values):",
    "  creep: tissue held stretched slowly lengthens;",
    "  stress relaxation: about a quarter of the tension fades in a 30 s hold;",
    "  stretch tolerance: most range gained in one session is the client",
    "    tolerating more stretch, not a change in the tissue;",
    "  fibre and tendon stiffness (Thelen 2003), therapists' pressures.",
    "Teaching metaphor (not measured):",
    "  tangles and adhesions are how massage courses picture a stiff band;",
    "  their strength is illustrative: no measured failure load exists.",
    "Press N or Esc to close.",
};

void app_ui_init(app_ui *a, const render_font *font, ui_theme_id theme, float user_scale, float dpi_scale) {
    memset(a, 0, sizeof *a);
    a->theme = theme;
    a->user_scale = user_scale > 0.0f ? user_scale : 1.0f;
    a->dpi_scale = dpi_scale > 0.0f ? dpi_scale : 1.0f;
    a->speed = 1.0f;
    a->shown_feedback = -1;
    a->want_lesson = -1;
    ui_init(&a->ui, font, ui_theme_get(theme), a->user_scale * a->dpi_scale);
}

void app_ui_free(app_ui *a) {
    ui_free(&a->ui);
}

void app_ui_reset(app_ui *a, controls *c) {
    c->paused = false;
    a->speed = 1.0f;
    a->step_requests = 0;
    trace_clear(&a->trace);
    a->rom_after_known = false;
    a->reset_all = true;
}

/* The theme, and the size: the student's choice times the larger of the
 * screen's pixel density and how much bigger than 1280x720 the window is
 * (a full-screen projector at 1920x1080 reads as a 1280x720 window does),
 * at most what fits the window's height. */
static void apply_theme(app_ui *a, int width_px, int height_px) {
    float fit = fminf((float)width_px / 1280.0f, (float)height_px / 720.0f);
    a->ui.theme = ui_theme_get(a->theme);
    /* but never so big that the columns run off the bottom */
    float most = (float)height_px / (COLUMN_EM * a->ui.theme->text_px);
    float scale = a->user_scale * fmaxf(a->dpi_scale, fit);
    if (a->touch) scale = fmaxf(scale, APP_UI_TOUCH_SCALE * a->dpi_scale);
    a->ui.scale = fminf(scale, most);
    a->style = ui_theme_render_style(a->ui.theme, a->ui.scale);
}

void app_ui_layout(app_ui *a, int width_px, int height_px) {
    apply_theme(a, width_px, height_px);
    float em = ui_em(&a->ui), m = roundf(0.5f * em);
    float x0 = roundf(LEFT_EM * em) + 2.0f * m, x1 = (float)width_px - roundf(RIGHT_EM * em) - 2.0f * m;
    float y1 = (float)height_px - roundf(PLOTS_EM * em) - 2.0f * m;
    if (x1 - x0 < 4.0f * em) x0 = 0.0f, x1 = (float)width_px; /* too narrow for columns: panels float over */
    if (y1 < 4.0f * em) y1 = (float)height_px;
    /* the lesson's strip over the scene, when there is room for both */
    bool narrow = x1 - x0 < 2.0f * LESSON_BUTTONS_EM * em; /* the buttons go under the text */
    float top = a->session ? roundf((LESSON_EM + (narrow ? LESSON_BUTTON_ROWS_EM : 0.0f)) * em) + m : 0.0f;
    if (y1 - top < 8.0f * em) top = 0.0f;
    a->lesson_strip = (ui_rect){roundf(x0), m, roundf(x1), top};
    a->scene = (ui_rect){roundf(x0), top, roundf(x1), roundf(y1)};
    a->twin = a->scene;
    if (a->split) {
        float mid = roundf(0.5f * (x0 + x1));
        a->scene.x1 = mid - roundf(0.5f * m);
        a->twin.x0 = mid + roundf(0.5f * m);
    }
}

/* ---- events ---- */

static void toggle_pause(controls *c) {
    c->paused = !c->paused;
}

static void step_once(app_ui *a, controls *c) {
    c->paused = true;
    a->step_requests++;
}

static void ask_client(sim_world *w) {
    if (sim_world_state(w).mode == SIM_MODE_PASSIVE) return; /* the therapist moves in passive work */
    sim_world_stretch_to(w, sim_view_joint_get(w).limit_fraction, 0.0f);
}

static void cycle_theme(app_ui *a) {
    a->theme = (ui_theme_id)((a->theme + 1) % UI_THEME_COUNT);
    a->settings_changed = true;
}

static void cycle_size(app_ui *a) {
    int i = 0;
    while (i < SETTINGS_SCALE_COUNT && settings_scales[i] < a->user_scale + 0.01f) i++;
    a->user_scale = settings_scales[i % SETTINGS_SCALE_COUNT];
    a->settings_changed = true;
}

/* Feels the muscle at the keyboard's spot; the client's words. */
static void palpate(app_ui *a, const controls *c, const sim_world *w) {
    if (!a->session) return;
    sim_palpation p = session_palpate(a->session, w, c->muscle, c->cursor_s, APP_UI_PALPATE_KPA);
    const char *words = p.tenderness >= 3.0f ? "\"That's tender.\"" : p.tenderness >= 1.0f ? "\"A little tender.\""
                                                                                      : "\"That feels fine.\"";
    snprintf(a->felt, sizeof a->felt, "%.0f%% of the way from the origin: %s Resistance %.2f N/mm.",
             100.0f * c->cursor_s, words, p.stiffness_n_per_mm);
}

/* Keys the interface adds; false: not one of them. */
static bool shortcut(app_ui *a, controls *c, sim_world *w, const platform_event *ev) {
    if (ev->key == PLATFORM_KEY_F1 && !ev->repeat) return a->show_keys = !a->show_keys, true;
    if (ev->key != PLATFORM_KEY_CHAR || ev->repeat) return false;
    bool shift = (ev->mods & PLATFORM_MOD_SHIFT) != 0, ctrl = (ev->mods & PLATFORM_MOD_CTRL) != 0;
    switch (ev->ch) {
    case '?': a->show_keys = !a->show_keys; return true;
    case '/': if (!shift) return false; a->show_keys = !a->show_keys; return true;
    case 'k': toggle_pause(c); return true;
    case '.': step_once(a, c); return true;
    case '[': a->speed = APP_UI_SLOW; return true;
    case ']': a->speed = 1.0f; return true;
    case 'r': if (!ctrl) return false; app_ui_reset(a, c); return true;
    case 's': if (!ctrl) return false; a->want_report = true; return true;
    case 'l': if (!ctrl) return false; a->show_lessons = !a->show_lessons; return true;
    case 'f': palpate(a, c, w); return true;
    case 'v': a->split = !a->split; return true;
    case 'n': a->show_notes = !a->show_notes; return true;
    case 'o': cycle_theme(a); return true;
    case 'z': cycle_size(a); return true;
    case 'g': ask_client(w); return true;
    default: return false;
    }
}

void app_ui_event(app_ui *a, controls *c, sim_world *w, const platform_event *ev) {
    a->touch = a->touch || ev->touch;
    /* Esc closes what is open over the scene first, wherever the focus is */
    if (ev->kind == PLATFORM_EVENT_KEY_DOWN && ev->key == PLATFORM_KEY_ESCAPE &&
        (a->show_keys || a->show_notes || a->show_lessons || a->show_score)) {
        a->show_keys = a->show_notes = a->show_lessons = a->show_score = false;
        return;
    }
    if (ui_input(&a->ui, ev)) return;
    if (ev->kind == PLATFORM_EVENT_KEY_DOWN && shortcut(a, c, w, ev)) return;
    /* the rest is the scene's: positions relative to the view the pointer is in */
    platform_event e = *ev;
    ui_rect v = a->scene;
    bool pointer = ev->kind == PLATFORM_EVENT_MOUSE_DOWN || ev->kind == PLATFORM_EVENT_MOUSE_UP ||
                   ev->kind == PLATFORM_EVENT_MOUSE_MOVE || ev->kind == PLATFORM_EVENT_WHEEL;
    if (pointer) {
        if (a->split && ev->x >= a->twin.x0 && c->drag == CONTROLS_DRAG_NONE) v = a->twin;
        e.x -= v.x0, e.y -= v.y0;
        /* a press outside both views (between panels) starts nothing */
        if (ev->kind == PLATFORM_EVENT_MOUSE_DOWN && (e.x < 0 || e.y < 0 || e.x >= v.x1 - v.x0 || e.y >= v.y1 - v.y0))
            return;
    }
    controls_handle(c, w, &e, (int)(v.x1 - v.x0), (int)(v.y1 - v.y0));
}

/* ---- drawing helpers ---- */

/* The pressure scale: 0..600 kPa with the 100-400 kPa band shaded and
 * outlined, and a pointer at the pressure (a shape as well as a colour). */
static void pressure_bar(app_ui *a, float kpa, bool locked) {
    ui *u = &a->ui;
    const ui_theme *t = u->theme;
    float lh = render_font_line_height(u->font, ui_em(u)), lw = ui_line_w(u);
    ui_rect r = ui_reserve(u, 0.9f * lh + lh);
    float label_w = ui_text_w(u, "kPa") + ui_pad(u);
    float x0 = r.x0, x1 = r.x1 - label_w, y0 = r.y0 + 0.3f * lh, y1 = y0 + 0.6f * lh;
    float bx0 = x0 + (x1 - x0) * BAND_LO_KPA / PRESSURE_BAR_MAX_KPA;
    float bx1 = x0 + (x1 - x0) * BAND_HI_KPA / PRESSURE_BAR_MAX_KPA;
    ui_draw_rect(u, x0, y0, x1, y1, t->button);
    ui_draw_rect(u, bx0, y0, bx1, y1, t->band);
    ui_draw_frame(u, (ui_rect){bx0, y0, bx1, y1}, lw, t->ink_soft);
    float px = x0 + (x1 - x0) * fminf(kpa, PRESSURE_BAR_MAX_KPA) / PRESSURE_BAR_MAX_KPA;
    float hw = fmaxf(2.0f, lw);
    ui_draw_rect(u, px - hw, y0 - 2.0f * lw, px + hw, y1 + 2.0f * lw, locked ? t->ink : t->ink_soft);
    char lo[16], hi[16];
    snprintf(lo, sizeof lo, "%.0f", BAND_LO_KPA);
    snprintf(hi, sizeof hi, "%.0f", BAND_HI_KPA);
    float wl = ui_text_w(u, lo), wh = ui_text_w(u, hi);
    ui_draw_text(u, bx0 - 0.5f * wl, y1 + 1.0f, wl, lo, t->ink_soft);
    ui_draw_text(u, bx1 - 0.5f * wh, y1 + 1.0f, wh, hi, t->ink_soft);
    ui_draw_text(u, x1 + ui_pad(u), y0 - 0.2f * lh, label_w, "kPa", t->ink_soft);
}

typedef struct plot_spec {
    const char *title;
    trace_series series;
    float lo, hi;          /* fixed range if hi > lo, else from the data with at least `span` */
    float span;
    const char *fmt;       /* the axis labels */
} plot_spec;

static void dashed_vline(ui *u, float x, float y0, float y1, float w, const float rgba[4]) {
    float dash = 4.0f * w;
    for (float y = y0; y < y1; y += 2.0f * dash) ui_draw_line(u, x, y, x, fminf(y + dash, y1), w, rgba);
}

static void plot(app_ui *a, ui_rect r, const plot_spec *p, int colour) {
    ui *u = &a->ui;
    const ui_theme *t = u->theme;
    const trace *tr = &a->trace;
    float lh = render_font_line_height(u->font, ui_em(u)), lw = ui_line_w(u), pad = ui_pad(u);
    ui_draw_text(u, r.x0, r.y0, r.x1 - r.x0, p->title, t->ink);
    float lo = p->lo, hi = p->hi;
    if (!(hi > lo)) {
        lo = 1e30f, hi = -1e30f;
        for (int i = 0; i < tr->count; i++) {
            float v = tr->v[p->series][trace_index(tr, i)];
            lo = fminf(lo, v), hi = fmaxf(hi, v);
        }
        if (tr->count == 0) lo = 0.0f, hi = p->span;
        float mid = 0.5f * (lo + hi), half = fmaxf(0.5f * (hi - lo) * 1.1f, 0.5f * p->span);
        lo = mid - half, hi = mid + half;
        if (p->series != TRACE_JOINT_DEG && lo < 0.0f) hi -= lo, lo = 0.0f;
    }
    char top[24], bottom[24];
    snprintf(top, sizeof top, p->fmt, hi);
    snprintf(bottom, sizeof bottom, p->fmt, lo);
    float axis_w = fmaxf(ui_text_w(u, top), ui_text_w(u, bottom)) + pad;
    ui_rect g = {r.x0 + axis_w, r.y0 + lh + 0.5f * pad, r.x1, r.y1 - lh};
    ui_draw_text(u, r.x0, g.y0 - 0.3f * lh, axis_w, top, t->ink_soft);
    ui_draw_text(u, r.x0, g.y1 - 0.7f * lh, axis_w, bottom, t->ink_soft);
    ui_draw_text(u, g.x0, g.y1 + 1.0f, 0.5f * (g.x1 - g.x0), "-30 s", t->ink_soft);
    float now_w = ui_text_w(u, "now");
    ui_draw_text(u, g.x1 - now_w, g.y1 + 1.0f, now_w, "now", t->ink_soft);
    float t_now = tr->count ? tr->t[trace_index(tr, tr->count - 1)] : 0.0f;
    float gw = g.x1 - g.x0, gh = g.y1 - g.y0;
#define PX(time) (g.x1 - (t_now - (time)) / TRACE_SECONDS * gw)
#define PY(val) (g.y1 - ((val) - lo) / (hi - lo) * gh)
    /* the lock: shaded while on; a solid edge where it went on, dashed where it came off */
    int run = -1; /* first sample of the locked run being drawn */
    for (int i = 0; i < tr->count; i++) {
        int k = trace_index(tr, i);
        bool prev = i > 0 ? tr->locked[trace_index(tr, i - 1)] : false;
        if (tr->locked[k] && run < 0) run = i;
        if (run >= 0 && (!tr->locked[k] || i == tr->count - 1)) {
            ui_draw_rect(u, PX(tr->t[trace_index(tr, run)]), g.y0, PX(tr->t[k]), g.y1, t->band);
            run = -1;
        }
        if (i > 0 && tr->locked[k] != prev) {
            if (tr->locked[k]) ui_draw_line(u, PX(tr->t[k]), g.y0, PX(tr->t[k]), g.y1, lw, t->ink);
            else dashed_vline(u, PX(tr->t[k]), g.y0, g.y1, lw, t->ink);
        }
    }
    ui_draw_line(u, g.x0, g.y0, g.x0, g.y1, lw, t->ink_soft);
    ui_draw_line(u, g.x0, g.y1, g.x1, g.y1, lw, t->ink_soft);
    /* the line, a point every PLOT_PX_PER_POINT pixels at most: on a software
     * renderer each segment costs more than its few pixels */
    float points = fmaxf(gw / PLOT_PX_PER_POINT, 2.0f);
    int stride = (float)tr->count > points ? (int)ceilf((float)tr->count / points) : 1;
    float px_prev = 0.0f, py_prev = 0.0f;
    for (int i = 0; i < tr->count; i += stride) {
        int k = trace_index(tr, i);
        float x = PX(tr->t[k]), y = PY(fminf(fmaxf(tr->v[p->series][k], lo), hi));
        if (i > 0) ui_draw_line(u, px_prev, py_prev, x, y, fmaxf(1.5f, 1.3f * lw), t->plot[colour]);
        px_prev = x, py_prev = y;
    }
#undef PX
#undef PY
}

static void plots(app_ui *a, const sim_world *w, float x0, float x1, float y0, float y1) {
    ui *u = &a->ui;
    int total = 0;
    trace_released(w, &total);
    const plot_spec specs[4] = {
        {"Joint angle (" DEG ")", TRACE_JOINT_DEG, 0, 0, 10.0f, "%.0f"},
        {"Tangle tension (N/fibre)", TRACE_TENSION_N, 0, 0, 0.2f, "%.2f"},
        {"Pain (0 to 10)", TRACE_PAIN, 0.0f, 10.0f, 0, "%.0f"},
        {"Adhesions released", TRACE_RELEASED, 0.0f, total > 0 ? (float)total : 1.0f, 0, "%.0f"},
    };
    ui_panel_begin(u, NULL, x0, y0, x1 - x0);
    float pad = ui_pad(u), h = (y1 - y0 - 2.0f * pad) * 0.5f - pad;
    for (int row = 0; row < 2; row++) {
        ui_row(u, 2);
        ui_rect left = ui_reserve(u, h), right = ui_reserve(u, h);
        right.x0 += pad; /* a little air between the two */
        plot(a, left, &specs[2 * row], 2 * row);
        plot(a, right, &specs[2 * row + 1], 2 * row + 1);
    }
    ui_panel_end(u);
}

/* A view's name at its top left; `brief` when `text` is wider than the view. */
static void view_label(app_ui *a, ui_rect v, const char *text, const char *brief) {
    ui *u = &a->ui;
    float pad = ui_pad(u);
    if (ui_text_w(u, text) + 5.0f * pad > v.x1 - v.x0) text = brief;
    float w = ui_text_w(u, text) + 2.0f * pad + 2.0f;
    ui_panel_begin(u, NULL, v.x0 + pad, v.y0 + pad, fminf(w, v.x1 - v.x0 - 2.0f * pad));
    ui_label(u, text, false);
    ui_panel_end(u);
}

/* ---- the lesson panel and the coach's feedback (issue 6) ---- */

#define FEEDBACK_FRESH_S 8.0  /* model seconds a message stays in view after the rule stops being broken */
#define FEEDBACK_EM 26.0f     /* the feedback line's widest */
#define LEGEND_EM 9.0f        /* room left for the scene's legend at its top right */
#define FEEDBACK_MAX 3        /* messages in view at once */

/* Breaks text into lines no wider than box: each line's start and length
 * (whole words; a single word too wide is a line of its own). */
static int wrap(const ui *u, const char *text, float box, int *start, int *len, int max) {
    char buf[LESSON_TEXT_MAX + 8];
    int n = 0, p = 0, total = (int)strlen(text);
    while (p < total && n < max) {
        int best = 0, j = p;
        for (;;) {
            while (j < total && text[j] != ' ') j++;
            int l = j - p;
            if (l >= (int)sizeof buf) break;
            memcpy(buf, text + p, (size_t)l);
            buf[l] = '\0';
            if (best > 0 && ui_text_w(u, buf) > box) break;
            best = l;
            if (j >= total) break;
            j++;
        }
        if (best == 0) best = total - p < (int)sizeof buf - 1 ? total - p : (int)sizeof buf - 1;
        start[n] = p, len[n] = best, n++;
        p += best;
        while (p < total && text[p] == ' ') p++;
    }
    return n;
}

/* Text over as many lines of the panel as it needs, at most max_lines;
 * cut short, the last line ends in "..." (whole words). */
static void text_lines(app_ui *a, const char *text, const float rgba[4], int max_lines) {
    ui *u = &a->ui;
    int start[8], len[8];
    if (max_lines > 8) max_lines = 8;
    float lh = render_font_line_height(u->font, ui_em(u)), box = u->pw - 2.0f * ui_pad(u); /* the panel's inner width */
    int n = wrap(u, text, box, start, len, max_lines);
    bool cut = n > 0 && start[n - 1] + len[n - 1] < (int)strlen(text);
    for (int i = 0; i < n; i++) {
        char line[LESSON_TEXT_MAX + 8];
        int l = len[i];
        snprintf(line, sizeof line, "%.*s", l, text + start[i]);
        if (cut && i == n - 1) {
            snprintf(line, sizeof line, "%.*s...", l, text + start[i]);
            while (l > 0 && ui_text_w(u, line) > box) {
                while (l > 0 && text[start[i] + l - 1] != ' ') l--; /* drop the last word */
                while (l > 0 && text[start[i] + l - 1] == ' ') l--;
                snprintf(line, sizeof line, "%.*s...", l, text + start[i]);
            }
        }
        ui_rect r = ui_reserve(u, lh);
        ui_draw_text(u, r.x0, r.y0, r.x1 - r.x0, line, rgba);
    }
}

/* A row of boxes, one per step, ticked when done, the current one shaded,
 * and "N of M done" after them. */
static void step_boxes(app_ui *a, int done, int total) {
    ui *u = &a->ui;
    const ui_theme *t = u->theme;
    float lh = render_font_line_height(u->font, ui_em(u)), lw = ui_line_w(u);
    ui_rect r = ui_reserve(u, lh);
    float side = 0.8f * lh, gap = 0.3f * lh, y0 = r.y0 + 0.1f * lh, x = r.x0;
    for (int i = 0; i < total && x + side <= r.x1; i++, x += side + gap) {
        ui_rect b = {x, y0, x + side, y0 + side};
        if (i == done) ui_draw_rect(u, b.x0, b.y0, b.x1, b.y1, t->band);
        ui_draw_frame(u, b, lw, i <= done ? t->ink : t->ink_soft);
        if (i < done) { /* a tick, drawn: the font has no check mark */
            float w = fmaxf(2.0f, 1.5f * lw);
            ui_draw_line(u, x + 0.2f * side, y0 + 0.55f * side, x + 0.42f * side, y0 + 0.78f * side, w, t->ink);
            ui_draw_line(u, x + 0.42f * side, y0 + 0.78f * side, x + 0.82f * side, y0 + 0.22f * side, w, t->ink);
        }
    }
    char text[48];
    snprintf(text, sizeof text, "%d of %d done", done, total);
    x += 0.5f * gap;
    ui_draw_text(u, x, r.y0, r.x1 - x, text, t->ink_soft);
}

/* The lesson: its title, the steps done of all, the current step's
 * instruction and the hints asked for; in a quiz, what to do and what the
 * client said at the last palpation. Then choosing a lesson, the quiz and
 * the report. */
static void lesson_panel(app_ui *a, const controls *c, const sim_world *w, const lesson *l) {
    ui *u = &a->ui;
    const ui_theme *t = u->theme;
    const session *ses = a->session;
    int done = ses->coach.step_next, total = l->step_count;
    a->shown_steps_done = done;
    if (a->hint_step != done) a->hint_step = done, a->hints_shown = 0;
    float em = ui_em(u), m = roundf(0.5f * em);
    ui_rect r = a->lesson_strip;
    if (r.y1 <= r.y0) /* no room above the scene: over it (both views when split) */
        r = (ui_rect){a->scene.x0 + m, a->scene.y0 + m, (a->split ? a->twin.x1 : a->scene.x1) - m,
                      a->scene.y0 + roundf((LESSON_EM + LESSON_BUTTON_ROWS_EM) * em)};
    /* the buttons at the right, or under the text when the strip is narrow */
    bool narrow = r.x1 - r.x0 < 2.0f * LESSON_BUTTONS_EM * em;
    float bw = narrow ? r.x1 - r.x0 : roundf(LESSON_BUTTONS_EM * em), tw = narrow ? bw : r.x1 - r.x0 - bw - m;
    float bx = r.x1 - bw, by = narrow ? r.y1 - roundf(LESSON_BUTTON_ROWS_EM * em) + m : r.y0;
    char text[200];
    snprintf(text, sizeof text, "%s: %s", ses->quiz ? "Quiz: find the tight spot" : "Lesson", l->title);
    ui_panel_begin(u, NULL, r.x0, r.y0, tw);
    text_lines(a, text, t->ink, 1);
    const lesson_step *st = NULL;
    if (ses->quiz) {
        text_lines(a, "Feel along the muscle (F; arrows move the spot), then treat the tight spot. Finish gives the score.",
                   t->ink, 2);
        if (a->felt[0]) text_lines(a, a->felt, t->ink_soft, 2);
    } else if (total == 0) {
        text_lines(a, "No steps in this lesson: explore freely.", t->ink_soft, 2);
    } else {
        step_boxes(a, done, total);
        if (done < total) {
            st = &l->steps[done];
            text_lines(a, st->instruction, t->ink, 3);
            if (a->hints_shown > 0) text_lines(a, st->hints[a->hints_shown - 1], t->ink_soft, 2);
        } else {
            ui_label(u, "All steps done.", false);
        }
    }
    ui_panel_end(u);

    ui_panel_begin(u, NULL, bx, by, bw);
    ui_row(u, 2);
    if (ses->quiz) {
        if (ui_button(u, "Feel (F)", "Press gently at the keyboard's spot: is it tender?", false)) palpate(a, c, w);
        if (ui_button(u, "Finish", "Score the treatment out of 100", a->show_score)) a->want_finish = true;
    } else {
        bool more = st && a->hints_shown < st->hint_count;
        if (!st || st->hint_count == 0) snprintf(text, sizeof text, "Hint");
        else if (more) snprintf(text, sizeof text, "Hint (%d of %d)", a->hints_shown + 1, st->hint_count);
        else snprintf(text, sizeof text, "No more hints");
        if (ui_button(u, text, "One more hint for this step", false) && more) a->hints_shown++;
        if (ui_button(u, "Lessons", "Choose another lesson (Ctrl+L)", a->show_lessons))
            a->show_lessons = !a->show_lessons;
    }
    ui_row(u, 2);
    if (ui_button(u, ses->quiz ? "End quiz" : "Quiz", "Find a hidden tight spot, treat it, get a score", ses->quiz))
        a->want_quiz = true;
    if (ui_button(u, "Save report", "An HTML page and a CSV in your documents (Ctrl+S)", false)) a->want_report = true;
    ui_panel_end(u);
}

/* The lessons as buttons in a panel in the middle; a click asks the app for one. */
static void lesson_picker(app_ui *a, int width_px, int height_px) {
    ui *u = &a->ui;
    render_list_layer(&u->list); /* over the panels' text too */
    float em = ui_em(u), w = roundf(16.0f * em);
    float h = (float)(a->lesson_count + 2) * (ui_row_h(u) + 0.5f * ui_pad(u)) + 2.0f * em;
    ui_panel_begin(u, "Choose a lesson (Esc closes)", roundf(0.5f * ((float)width_px - w)),
                   fmaxf(0.0f, roundf(0.5f * ((float)height_px - h))), w);
    for (int i = 0; i < a->lesson_count; i++)
        if (ui_button(u, a->lessons[i], "Start this lesson", false)) a->want_lesson = i, a->show_lessons = false;
    ui_panel_end(u);
}

void app_ui_show_score(app_ui *a, const quiz_score *score) {
    int n = 0;
    snprintf(a->score_lines[n++], sizeof a->score_lines[0], "Score: %d of 100", score->total);
    for (int i = 0; i < QUIZ_PARTS && n < APP_UI_SCORE_LINES - 2; i++) {
        const quiz_part *p = &score->parts[i];
        snprintf(a->score_lines[n++], sizeof a->score_lines[0], "%s: %d of %d", p->title, p->points, p->max);
        /* the reason in lines of at most 64 characters, at spaces */
        const char *r = p->reason;
        while (*r && n < APP_UI_SCORE_LINES - 1) {
            int len = (int)strlen(r);
            if (len > 64) {
                len = 64;
                while (len > 0 && r[len] != ' ') len--;
                if (len == 0) len = 64;
            }
            snprintf(a->score_lines[n++], sizeof a->score_lines[0], "    %.*s", len, r);
            r += len;
            while (*r == ' ') r++;
        }
    }
    snprintf(a->score_lines[n++], sizeof a->score_lines[0], "Save report (Ctrl+S) keeps it. Esc closes.");
    a->score_line_count = n;
    a->show_score = true;
}

/* Whether the coach's message is still news: its rule is broken now, or was a moment ago. */
static bool fresh(const coach *c, const coach_message *msg, double now_s) {
    return c->holding[msg->id] || now_s - msg->time_s <= FEEDBACK_FRESH_S;
}

/* The coach's messages while they are news, over the scene at its top
 * left: the latest first in full ink, up to two earlier ones softer, in a
 * frame with a bar in red for "stop" (pain, a danger zone), else amber. */
static void feedback_box(app_ui *a, const sim_world *w) {
    ui *u = &a->ui;
    const ui_theme *t = u->theme;
    const coach *c = &a->session->coach;
    double now_s = sim_world_state(w).time_s;
    a->shown_feedback = -1;
    int shown[FEEDBACK_MAX], n = 0;
    for (int i = c->message_count - 1; i >= 0 && n < FEEDBACK_MAX; i--)
        if (fresh(c, &c->messages[i], now_s)) shown[n++] = i;
    if (n == 0) return;
    a->shown_feedback = shown[0];
    float em = ui_em(u), pad = ui_pad(u), lw = ui_line_w(u), bar = fmaxf(4.0f, 3.0f * lw);
    ui_rect v = a->scene;
    float width = fminf(roundf(FEEDBACK_EM * em), v.x1 - v.x0 - roundf(LEGEND_EM * em) - 2.0f * pad);
    if (width < 8.0f * em) width = v.x1 - v.x0 - 2.0f * pad; /* a narrow scene: over the legend */
    float x = v.x0 + pad, y = v.y0 + pad + (a->split ? 2.5f * em : 0.0f); /* under the views' names */
    coach_id id = c->messages[shown[0]].id;
    const float *colour = id == COACH_PAIN || id == COACH_DANGER_ZONE ? t->stop : t->warn;
    ui_panel_begin(u, NULL, x + bar, y, width - bar);
    for (int i = 0; i < n; i++) text_lines(a, c->messages[shown[i]].text, i == 0 ? t->ink : t->ink_soft, i == 0 ? 4 : 2);
    ui_rect box = {x, y, x + width, ui_panel_end(u)};
    ui_draw_rect(u, box.x0, box.y0, box.x0 + bar, box.y1, colour);
    ui_draw_frame(u, box, fmaxf(2.0f, lw), colour);
}

/* ---- the frame ---- */

void app_ui_build(app_ui *a, controls *c, sim_world *w, const lesson *l, int width_px, int height_px) {
    ui *u = &a->ui;
    app_ui_layout(a, width_px, height_px);
    ui_begin(u, width_px, height_px);
    /* the scene's two places in the focus order come first */
    if (ui_slot(u)) c->focus = CONTROLS_FOCUS_JOINT;
    if (ui_slot(u)) c->focus = CONTROLS_FOCUS_LOCK;
    sim_state st = sim_world_state(w);
    if (a->pause_at_lock && st.locked && !a->was_locked) c->paused = true;
    a->was_locked = st.locked;
    float em = ui_em(u), m = roundf(0.5f * em);
    /* the columns stand on the window's background, cleared to the panel
     * colour (unless the window is too narrow and they float over the scene) */
    u->panel_fill = a->scene.x0 <= 0.0f;
    char text[128];

    /* left: time, lock, view */
    float lw = roundf(LEFT_EM * em), y = m;
    ui_panel_begin(u, "Time", m, y, lw);
    ui_row(u, 2);
    if (ui_button(u, c->paused ? "Play" : "Pause", "Play or pause time (Space or K)", c->paused)) toggle_pause(c);
    if (ui_button(u, "Step", "Pause and advance one step, 1/60 s (.)", false)) step_once(a, c);
    ui_row(u, 2);
    if (ui_button(u, "Slow 1/4", "A quarter of real speed ([)", a->speed < 1.0f)) a->speed = APP_UI_SLOW;
    if (ui_button(u, "Normal", "Real speed (])", a->speed >= 1.0f)) a->speed = 1.0f;
    if (ui_button(u, "Reset All", "Back to the start: joint, lock, speed, pause (Ctrl+R)", false)) app_ui_reset(a, c);
    ui_toggle(u, "Pause at lock", "Stop time the moment the lock goes on, then step", &a->pause_at_lock);
    snprintf(text, sizeof text, "t = %.2f s%s%s", st.time_s, a->speed < 1.0f ? ", slow" : "",
             c->paused ? ", paused" : "");
    ui_label(u, text, true);
    y = ui_panel_end(u) + m;

    ui_panel_begin(u, "Lock", m, y, lw);
    if (ui_button(u, st.locked ? "Lift the lock (L)" : "Lock here (L)", "Press on the muscle at the marked spot",
                  st.locked))
        controls_toggle_lock(c, w);
    float kpa = c->pressure_kpa;
    snprintf(text, sizeof text, "Pressure %.0f kPa", kpa);
    if (ui_slider(u, text, "Deep work is 100 to 400 kPa (+ and -)", &kpa, CONTROLS_PRESSURE_MIN_KPA,
                  CONTROLS_PRESSURE_MAX_KPA, CONTROLS_PRESSURE_STEP_KPA))
        controls_set_pressure(c, w, kpa);
    y = ui_panel_end(u) + m;

    ui_panel_begin(u, "View", m, y, lw);
    ui_toggle(u, "Side by side (V)", "With lock and without lock, same movement", &a->split);
    snprintf(text, sizeof text, "Theme: %s (O)", u->theme->title);
    if (ui_button(u, text, "Default, projector or dark", false)) cycle_theme(a);
    snprintf(text, sizeof text, "Size: %.0f%% (Z)", a->user_scale * 100.0f);
    if (ui_button(u, text, "Bigger or smaller interface", false)) cycle_size(a);
    if (ui_button(u, "What is real? (N)", "Measured physiology and teaching metaphor", a->show_notes))
        a->show_notes = !a->show_notes;
    if (ui_button(u, "Keys (F1)", "Every key", a->show_keys)) a->show_keys = !a->show_keys;
    ui_panel_end(u);

    /* right: readouts, mode */
    float rw = roundf(RIGHT_EM * em), rx = (float)width_px - rw - m;
    y = m;
    ui_panel_begin(u, "Readouts", rx, y, rw);
    snprintf(text, sizeof text, "%.1f" DEG, st.joint_deg);
    ui_readout(u, "Joint angle", text);
    if (st.locked)
        snprintf(text, sizeof text, "%.0f kPa%s", st.lock_pressure_kpa, st.lock_sliding ? " slips" : "");
    else
        snprintf(text, sizeof text, "off");
    ui_readout(u, "Lock pressure", text);
    pressure_bar(a, st.locked ? st.lock_pressure_kpa : c->pressure_kpa, st.locked);
    snprintf(text, sizeof text, "%.1f / 10", st.pain);
    ui_readout(u, "Pain", text);
    snprintf(text, sizeof text, "%.0f %%", st.tone * 100.0f);
    ui_readout(u, "Tone", text);
    snprintf(text, sizeof text, "%.2f N/fibre", trace_tangle_tension_n(w));
    ui_readout(u, "Tension in tangle", text);
    int total = 0, released = trace_released(w, &total);
    snprintf(text, sizeof text, "%d of %d", released, total);
    ui_readout(u, "Adhesions released", text);
    if (sim_world_tangle_count(w) > 0) {
        sim_region_metrics tm = sim_world_tangle_metrics(w, 0);
        snprintf(text, sizeof text, "%.2f (%.2f)", tm.alignment_now, tm.healthy_alignment);
        ui_readout(u, "Alignment (healthy)", text);
    }
    snprintf(text, sizeof text, "%.0f" DEG, a->rom_before_deg);
    ui_readout(u, "ROM before", text);
    if (a->rom_after_known) snprintf(text, sizeof text, "%.0f" DEG, a->rom_after_deg);
    else snprintf(text, sizeof text, "not measured");
    ui_readout(u, "ROM now", text);
    if (ui_button(u, "Measure ROM", "A slow passive test on a copy of the tissue", false)) {
        a->rom_after_deg = sim_world_assess_rom_deg(w);
        a->rom_after_known = true;
    }
    y = ui_panel_end(u) + m;

    ui_panel_begin(u, "Mode", rx, y, rw);
    const char *modes[SIM_MODE_COUNT];
    for (int i = 0; i < SIM_MODE_COUNT; i++) modes[i] = lesson_mode_name(l, (sim_mode)i);
    int mode = (int)st.mode;
    if (ui_radio(u, modes, SIM_MODE_COUNT, &mode, "Who moves the limb (arrows choose)"))
        sim_world_set_mode(w, (sim_mode)mode);
    if (ui_button(u, "Ask the client to move (G)", "The client moves at their own pace (not passive)",
                  false))
        ask_client(w);
    ui_panel_end(u);

    if (a->session) lesson_panel(a, c, w, l);
    plots(a, w, a->scene.x0, a->split ? a->twin.x1 : a->scene.x1, a->scene.y1 + m, (float)height_px - m);
    u->panel_fill = true; /* what follows lies over the scene */
    if (a->split) {
        view_label(a, a->scene, "With lock", "With lock");
        view_label(a, a->twin, "Without lock (never locked)", "Without lock");
    }
    if (a->session) feedback_box(a, w);
    if (a->show_lessons) lesson_picker(a, width_px, height_px);
    else if (a->show_score) {
        const char *lines[APP_UI_SCORE_LINES];
        for (int i = 0; i < a->score_line_count; i++) lines[i] = a->score_lines[i];
        ui_sheet(u, "Quiz score", lines, a->score_line_count);
    } else if (a->show_keys) ui_sheet(u, "Keys", keys_lines, (int)(sizeof keys_lines / sizeof *keys_lines));
    else if (a->show_notes)
        ui_sheet(u, "What is real here", notes_lines, (int)(sizeof notes_lines / sizeof *notes_lines));
    ui_end(u);
}

void app_ui_twin_step(sim_world *twin, const sim_world *w) {
    sim_state m = sim_world_state(w), t = sim_world_state(twin);
    if (t.mode != m.mode) sim_world_set_mode(twin, m.mode);
    float deg_per_fraction =
        fabsf(1.0f / (sim_view_deg_to_fraction(twin, 1.0f) - sim_view_deg_to_fraction(twin, 0.0f)));
    float span_deg = fabsf(m.joint_fraction - t.joint_fraction) * deg_per_fraction;
    sim_world_stretch_to(twin, m.joint_fraction, fmaxf(SIM_DT_S, span_deg / CONTROLS_FAST_PACE_DEG_S));
    sim_world_step(twin);
}

render_options app_ui_render_options(app_ui *a, const controls *c) {
    render_options o = controls_render_options(c);
    o.style = &a->style;
    o.hide_tangle_labels = a->session && a->session->quiz;
    o.title = NULL;
    o.status_count = 0;
    o.help = NULL;
    return o;
}

void app_ui_draw(app_ui *a, const controls *c, render *r, const sim_world *w, render *twin_r, const sim_world *twin,
                 const char *notice, int width_px, int height_px) {
    render_options o = app_ui_render_options(a, c);
    if (notice) o.status[o.status_count++] = notice;
    ui_rect s = a->scene;
    render_clear(r, a->ui.theme->panel, width_px, height_px);
    render_frame_at(r, w, &c->camera, &o, (int)s.x0, (int)s.y0, (int)(s.x1 - s.x0), (int)(s.y1 - s.y0), height_px);
    if (a->split && twin && twin_r) {
        ui_rect t = a->twin;
        o.show_cursor = false;
        o.status_count = 0;
        render_frame_at(twin_r, twin, &c->camera, &o, (int)t.x0, (int)t.y0, (int)(t.x1 - t.x0), (int)(t.y1 - t.y0),
                        height_px);
    }
    render_draw_list(r, &a->ui.list, width_px, height_px);
}
