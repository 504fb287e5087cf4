/* ui.c: the immediate-mode interface (ui.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define MAX_SLOTS 64 /* slots are the first few ids: a bit each */

void ui_init(ui *u, const render_font *font, const ui_theme *theme, float scale) {
    memset(u, 0, sizeof *u);
    u->font = font;
    u->theme = theme;
    u->scale = scale;
    u->focus = 0;
    u->drag_id = -1;
    u->mx = u->my = -1.0f;
    u->panel_fill = true;
}

void ui_free(ui *u) {
    render_list_free(&u->list);
}

float ui_em(const ui *u) {
    return roundf(u->theme->text_px * u->scale);
}

float ui_pad(const ui *u) {
    return roundf(0.35f * ui_em(u));
}

float ui_row_h(const ui *u) {
    return render_font_line_height(u->font, ui_em(u)) + 2.0f * ui_pad(u);
}

float ui_line_w(const ui *u) {
    return fmaxf(1.0f, roundf(u->theme->line_w * u->scale));
}

float ui_text_w(const ui *u, const char *s) {
    return render_font_width(u->font, ui_em(u), s);
}

static bool inside(ui_rect r, float x, float y) {
    return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;
}

static bool on_panel(const ui *u, float x, float y) {
    for (int i = 0; i < u->last_panel_count; i++)
        if (inside(u->last_panels[i], x, y)) return true;
    return false;
}

/* ---- input ---- */

static bool focus_on_widget(const ui *u) {
    return u->focus >= 0 && !u->focus_is_slot;
}

bool ui_input(ui *u, const platform_event *ev) {
    switch (ev->kind) {
    case PLATFORM_EVENT_MOUSE_MOVE:
        u->mx = ev->x, u->my = ev->y;
        return u->drag_id >= 0 || (u->down && u->press_in_ui);
    case PLATFORM_EVENT_MOUSE_DOWN:
        u->mx = ev->x, u->my = ev->y;
        if (ev->button != PLATFORM_BUTTON_LEFT || !on_panel(u, ev->x, ev->y)) return false;
        u->down = u->pressed = u->press_in_ui = true;
        u->press_x = ev->x, u->press_y = ev->y;
        return true;
    case PLATFORM_EVENT_MOUSE_UP:
        u->mx = ev->x, u->my = ev->y;
        if (ev->button != PLATFORM_BUTTON_LEFT || !u->press_in_ui) return false;
        u->down = u->press_in_ui = false;
        u->released = true;
        return true;
    case PLATFORM_EVENT_KEY_DOWN:
        if (ev->key == PLATFORM_KEY_TAB) {
            int n = u->focus_count > 0 ? u->focus_count : 1;
            int dir = (ev->mods & PLATFORM_MOD_SHIFT) ? -1 : 1;
            u->focus = ((u->focus < 0 ? (dir > 0 ? -1 : 0) : u->focus) + dir + n) % n;
            /* whether the new focus is a slot is known from the last frame's build */
            u->focus_is_slot = u->focus < MAX_SLOTS && (u->slot_mask >> u->focus) & 1ull;
            return true;
        }
        if (!focus_on_widget(u)) return false;
        if (ev->key == PLATFORM_KEY_RETURN || (ev->key == PLATFORM_KEY_CHAR && ev->ch == ' ')) {
            if (!ev->repeat) u->activate = true;
            return true;
        }
        if (ev->key == PLATFORM_KEY_LEFT || ev->key == PLATFORM_KEY_DOWN) {
            u->nav--;
            return true;
        }
        if (ev->key == PLATFORM_KEY_RIGHT || ev->key == PLATFORM_KEY_UP) {
            u->nav++;
            return true;
        }
        if (ev->key == PLATFORM_KEY_ESCAPE) {
            u->escape = true;
            return true;
        }
        return false;
    default:
        return false;
    }
}

/* ---- frame ---- */

void ui_begin(ui *u, int width_px, int height_px) {
    u->width_px = width_px, u->height_px = height_px;
    render_list_clear(&u->list, ui_em(u));
    u->next_id = 0;
    u->panel_count = 0;
    u->tip = NULL;
    u->tip_focused = false;
    u->labels = 0;
    u->overflow_count = 0;
    u->widget_count = 0;
    u->building_slots = 0;
    if (u->escape) {
        u->focus = 0;
        u->escape = false;
    }
    if (!u->down) u->drag_id = -1;
}

static void draw_tip(ui *u) {
    if (!u->tip) return;
    render_list_layer(&u->list);
    const ui_theme *t = u->theme;
    float pad = ui_pad(u), w = ui_text_w(u, u->tip) + 2.0f * pad, h = ui_row_h(u);
    float x = fminf(u->tip_at.x0, (float)u->width_px - w - 2.0f), y = u->tip_at.y1 + 0.25f * pad;
    if (y + h > (float)u->height_px) y = u->tip_at.y0 - h - 0.25f * pad;
    x = fmaxf(x, 2.0f);
    float lw = ui_line_w(u);
    render_list_rect(&u->list, x - lw, y - lw, x + w + lw, y + h + lw, t->ink);
    render_list_rect(&u->list, x, y, x + w, y + h, t->panel[3] < 1.0f ? t->button : t->panel);
    ui_draw_text(u, x + pad, y + pad, w - 2.0f * pad, u->tip, t->ink);
}

void ui_end(ui *u) {
    draw_tip(u);
    u->focus_count = u->next_id;
    if (u->focus >= u->focus_count) u->focus = u->focus_count - 1;
    u->slot_mask = u->building_slots;
    u->focus_is_slot = u->focus >= 0 && u->focus < MAX_SLOTS && ((u->slot_mask >> u->focus) & 1ull);
    u->pressed = u->released = false;
    u->activate = false;
    u->nav = 0;
    memcpy(u->last_panels, u->panels, sizeof u->panels);
    u->last_panel_count = u->panel_count;
}

/* ---- drawing ---- */

void ui_draw_rect(ui *u, float x0, float y0, float x1, float y1, const float rgba[4]) {
    render_list_rect(&u->list, x0, y0, x1, y1, rgba);
}

void ui_draw_frame(ui *u, ui_rect r, float w, const float rgba[4]) {
    render_list_rect(&u->list, r.x0 - w, r.y0 - w, r.x1 + w, r.y0, rgba);
    render_list_rect(&u->list, r.x0 - w, r.y1, r.x1 + w, r.y1 + w, rgba);
    render_list_rect(&u->list, r.x0 - w, r.y0, r.x0, r.y1, rgba);
    render_list_rect(&u->list, r.x1, r.y0, r.x1 + w, r.y1, rgba);
}

void ui_draw_line(ui *u, float x0, float y0, float x1, float y1, float width, const float rgba[4]) {
    render_list_line(&u->list, x0, y0, x1, y1, width, rgba);
}

void ui_draw_text(ui *u, float x, float y, float box_w, const char *s, const float rgba[4]) {
    float w = ui_text_w(u, s);
    u->labels++;
    if (w > box_w + 0.5f && u->overflow_count < UI_MAX_OVERFLOWS) {
        ui_overflow *o = &u->overflows[u->overflow_count++];
        snprintf(o->text, sizeof o->text, "%s", s);
        o->width = w, o->box = box_w;
    }
    render_list_text(&u->list, x, y, s, rgba);
}

/* ---- layout ---- */

void ui_panel_begin(ui *u, const char *title, float x, float y, float w) {
    const ui_theme *t = u->theme;
    u->px0 = x, u->py0 = y, u->pw = w;
    u->cols = 1, u->col = 0;
    float lw = ui_line_w(u);
    /* the background, then its border as four strips (sized at the end):
     * nothing is filled twice */
    const float none[4] = {0, 0, 0, 0};
    u->panel_bg = render_list_rect(&u->list, x, y, x + w, y, u->panel_fill ? t->panel : none);
    ui_draw_frame(u, (ui_rect){x, y, x + w, y}, lw, t->border);
    float pad = ui_pad(u);
    u->cy = y + pad;
    if (title) {
        ui_draw_text(u, x + pad, u->cy, w - 2.0f * pad, title, t->ink);
        float lh = render_font_line_height(u->font, ui_em(u));
        u->cy += lh + 0.5f * pad;
        ui_draw_line(u, x + pad, u->cy - 0.25f * pad, x + w - pad, u->cy - 0.25f * pad, lw, t->border);
        u->cy += 0.25f * pad;
    }
}

float ui_panel_end(ui *u) {
    float lw = ui_line_w(u), bottom = u->cy + ui_pad(u) * 0.5f;
    if (u->panel_bg >= 0 && u->panel_bg + 4 < u->list.count) {
        render_list_item *it = &u->list.items[u->panel_bg];
        it[0].y1 = bottom;                      /* background */
        it[2].y0 = bottom, it[2].y1 = bottom + lw; /* bottom strip */
        it[3].y1 = bottom, it[4].y1 = bottom;   /* left and right */
    }
    if (u->panel_count < UI_MAX_PANELS)
        u->panels[u->panel_count++] = (ui_rect){u->px0 - lw, u->py0 - lw, u->px0 + u->pw + lw, bottom + lw};
    return bottom + lw;
}

void ui_row(ui *u, int columns) {
    u->cols = columns > 0 ? columns : 1;
    u->col = 0;
}

/* The next widget's rectangle, height h (rows of ui_row_h). */
static ui_rect place(ui *u, float h) {
    float pad = ui_pad(u), gap = 0.5f * pad;
    float inner = u->pw - 2.0f * pad;
    float cw = (inner - gap * (float)(u->cols - 1)) / (float)u->cols;
    float x = u->px0 + pad + (float)u->col * (cw + gap);
    ui_rect r = {x, u->cy, x + cw, u->cy + h};
    if (++u->col >= u->cols) {
        u->col = 0;
        u->cols = 1;
        u->cy += h + gap;
    }
    return r;
}

ui_rect ui_reserve(ui *u, float height) {
    return place(u, height);
}

static int new_id(ui *u) {
    return u->next_id++;
}

static void record(ui *u, const char *label, ui_rect r) {
    if (u->widget_count >= UI_MAX_WIDGETS) return;
    ui_widget *w = &u->widgets[u->widget_count++];
    snprintf(w->label, sizeof w->label, "%s", label);
    w->r = r;
}

bool ui_find(const ui *u, const char *label, ui_rect *out) {
    for (int i = 0; i < u->widget_count; i++)
        if (strcmp(u->widgets[i].label, label) == 0) {
            *out = u->widgets[i].r;
            return true;
        }
    return false;
}

static void focus_ring(ui *u, ui_rect r) {
    float w = fmaxf(2.0f, 2.0f * ui_line_w(u) * 0.75f);
    ui_rect o = {r.x0 - 0.5f * w, r.y0 - 0.5f * w, r.x1 + 0.5f * w, r.y1 + 0.5f * w};
    ui_draw_frame(u, o, w, u->theme->focus);
}

/* Hover and focus bring the tooltip; the mouse click and the keys. */
static bool interact(ui *u, int id, ui_rect r, const char *tip) {
    bool focused = id == u->focus, hot = inside(r, u->mx, u->my);
    if (tip && (hot || (focused && !u->tip))) {
        if (hot || !u->tip_focused) {
            u->tip = tip;
            u->tip_at = r;
            u->tip_focused = !hot;
        }
    }
    bool clicked = u->released && inside(r, u->press_x, u->press_y) && hot;
    if (clicked) u->focus = id, u->focus_is_slot = false;
    return clicked || (focused && u->activate);
}

static void label_centred(ui *u, ui_rect r, const char *s, const float rgba[4]) {
    float pad = ui_pad(u), w = ui_text_w(u, s), lh = render_font_line_height(u->font, ui_em(u));
    float x = fmaxf(r.x0 + pad, roundf(0.5f * (r.x0 + r.x1 - w)));
    ui_draw_text(u, x, roundf(0.5f * (r.y0 + r.y1 - lh)), r.x1 - r.x0 - 2.0f * pad, s, rgba);
}

void ui_label(ui *u, const char *text, bool soft) {
    ui_rect r = place(u, render_font_line_height(u->font, ui_em(u)));
    ui_draw_text(u, r.x0, r.y0, r.x1 - r.x0, text, soft ? u->theme->ink_soft : u->theme->ink);
}

void ui_readout(ui *u, const char *name, const char *value) {
    ui_rect r = place(u, render_font_line_height(u->font, ui_em(u)));
    float vw = ui_text_w(u, value), gap = ui_pad(u);
    ui_draw_text(u, r.x0, r.y0, r.x1 - r.x0 - vw - gap, name, u->theme->ink_soft);
    render_list_text(&u->list, r.x1 - vw, r.y0, value, u->theme->ink);
}

bool ui_button(ui *u, const char *label, const char *tip, bool on) {
    const ui_theme *t = u->theme;
    int id = new_id(u);
    ui_rect r = place(u, ui_row_h(u));
    record(u, label, r);
    bool hit = interact(u, id, r, tip);
    bool hot = inside(r, u->mx, u->my);
    float lw = ui_line_w(u);
    /* border under fill: two rects, not five (each costs on a software renderer) */
    ui_draw_rect(u, r.x0, r.y0, r.x1, r.y1, t->border);
    ui_draw_rect(u, r.x0 + lw, r.y0 + lw, r.x1 - lw, r.y1 - lw, on ? t->button_on : hot ? t->button_hot : t->button);
    label_centred(u, r, label, on ? t->ink_on : t->ink);
    if (id == u->focus) focus_ring(u, r);
    return hit;
}

/* A square box, ticked (a drawn mark, not only a colour) when on. */
static void tick_box(ui *u, float x, float y, float s, bool on) {
    const ui_theme *t = u->theme;
    float lw = ui_line_w(u);
    ui_draw_rect(u, x, y, x + s, y + s, t->ink);
    ui_draw_rect(u, x + lw, y + lw, x + s - lw, y + s - lw, on ? t->button_on : t->panel);
    if (on) {
        float w = fmaxf(2.0f, 1.5f * lw);
        ui_draw_line(u, x + 0.2f * s, y + 0.5f * s, x + 0.42f * s, y + 0.75f * s, w, t->ink_on);
        ui_draw_line(u, x + 0.42f * s, y + 0.75f * s, x + 0.82f * s, y + 0.25f * s, w, t->ink_on);
    }
}

bool ui_toggle(ui *u, const char *label, const char *tip, bool *value) {
    int id = new_id(u);
    ui_rect r = place(u, ui_row_h(u));
    record(u, label, r);
    bool hit = interact(u, id, r, tip);
    if (hit) *value = !*value;
    float pad = ui_pad(u), s = r.y1 - r.y0 - 2.0f * pad;
    tick_box(u, r.x0 + pad, r.y0 + pad, s, *value);
    float lh = render_font_line_height(u->font, ui_em(u)), x = r.x0 + 2.0f * pad + s;
    ui_draw_text(u, x, roundf(0.5f * (r.y0 + r.y1 - lh)), r.x1 - x, label, u->theme->ink);
    if (id == u->focus) focus_ring(u, r);
    return hit;
}

bool ui_slider(ui *u, const char *label, const char *tip, float *value, float lo, float hi, float step) {
    const ui_theme *t = u->theme;
    int id = new_id(u);
    float lh = render_font_line_height(u->font, ui_em(u)), pad = ui_pad(u);
    ui_rect r = place(u, lh + ui_row_h(u));
    record(u, label, r);
    interact(u, id, r, tip);
    ui_draw_text(u, r.x0, r.y0, r.x1 - r.x0, label, t->ink_soft);
    ui_rect track = {r.x0 + pad, r.y0 + lh + 0.5f * ui_row_h(u) - 0.5f * ui_line_w(u) * 2.0f, r.x1 - pad,
                     r.y0 + lh + 0.5f * ui_row_h(u) + 0.5f * ui_line_w(u) * 2.0f};
    float old = *value;
    if (u->pressed && inside(r, u->press_x, u->press_y)) u->drag_id = id, u->focus = id, u->focus_is_slot = false;
    if (u->drag_id == id) {
        float f = (u->mx - track.x0) / (track.x1 - track.x0);
        float v = lo + fminf(fmaxf(f, 0.0f), 1.0f) * (hi - lo);
        *value = step > 0.0f ? lo + roundf((v - lo) / step) * step : v;
    }
    if (id == u->focus && u->nav) *value += (float)u->nav * step;
    *value = fminf(fmaxf(*value, lo), hi);
    ui_draw_rect(u, track.x0, track.y0, track.x1, track.y1, t->ink_soft);
    float kx = track.x0 + (*value - lo) / (hi - lo) * (track.x1 - track.x0), kh = 0.5f * ui_row_h(u) - pad * 0.25f;
    float cy = 0.5f * (track.y0 + track.y1);
    ui_draw_rect(u, kx - 0.4f * kh - ui_line_w(u), cy - kh - ui_line_w(u), kx + 0.4f * kh + ui_line_w(u),
                 cy + kh + ui_line_w(u), t->ink);
    ui_draw_rect(u, kx - 0.4f * kh, cy - kh, kx + 0.4f * kh, cy + kh, t->button_on);
    if (id == u->focus) focus_ring(u, r);
    return *value != old;
}

bool ui_radio(ui *u, const char *const *options, int count, int *selected, const char *tip) {
    const ui_theme *t = u->theme;
    int id = new_id(u);
    float rh = ui_row_h(u), pad = ui_pad(u);
    ui_rect r = place(u, rh * (float)count);
    for (int i = 0; i < count; i++)
        record(u, options[i], (ui_rect){r.x0, r.y0 + rh * (float)i, r.x1, r.y0 + rh * (float)(i + 1)});
    bool focused = id == u->focus;
    interact(u, id, r, tip);
    int old = *selected;
    if (u->released && inside(r, u->press_x, u->press_y) && inside(r, u->mx, u->my)) {
        int i = (int)((u->my - r.y0) / rh);
        if (i >= 0 && i < count) *selected = i;
    }
    if (focused && u->nav) *selected = ((*selected - u->nav) % count + count) % count; /* down is next */
    float lh = render_font_line_height(u->font, ui_em(u));
    for (int i = 0; i < count; i++) {
        float y0 = r.y0 + rh * (float)i, s = rh - 2.0f * pad;
        bool on = i == *selected;
        /* the chosen one: filled dot and a bar at the left, so it reads without colour */
        float lw = ui_line_w(u), cx = r.x0 + pad + 0.5f * s, cy = y0 + 0.5f * rh;
        ui_draw_rect(u, cx - 0.5f * s, cy - 0.5f * s, cx + 0.5f * s, cy + 0.5f * s, t->ink);
        ui_draw_rect(u, cx - 0.5f * s + lw, cy - 0.5f * s + lw, cx + 0.5f * s - lw, cy + 0.5f * s - lw, t->panel);
        if (on) ui_draw_rect(u, cx - 0.25f * s, cy - 0.25f * s, cx + 0.25f * s, cy + 0.25f * s, t->ink);
        float x = r.x0 + 2.0f * pad + s;
        ui_draw_text(u, x, roundf(cy - 0.5f * lh), r.x1 - x, options[i], on ? t->ink : t->ink_soft);
    }
    if (focused) focus_ring(u, r);
    return *selected != old;
}

bool ui_slot(ui *u) {
    int id = new_id(u);
    if (id < MAX_SLOTS) u->building_slots |= 1ull << id;
    return id == u->focus;
}

void ui_sheet(ui *u, const char *title, const char *const *lines, int count) {
    render_list_layer(&u->list);
    u->panel_fill = true;
    float pad = ui_pad(u), w = ui_text_w(u, title);
    for (int i = 0; i < count; i++) w = fmaxf(w, ui_text_w(u, lines[i]));
    w = fminf(w + 2.0f * pad + 2.0f, (float)u->width_px - 2.0f * ui_em(u));
    float lh = render_font_line_height(u->font, ui_em(u));
    float h = lh * (float)(count + 1) + 3.0f * pad;
    float x = roundf(0.5f * ((float)u->width_px - w)), y = fmaxf(ui_em(u), roundf(0.5f * ((float)u->height_px - h)));
    ui_panel_begin(u, title, x, y, w);
    for (int i = 0; i < count; i++) ui_label(u, lines[i], false);
    ui_panel_end(u);
}
