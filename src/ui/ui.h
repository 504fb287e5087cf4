/* ui.h: a compact immediate-mode interface: panels, buttons, toggles,
 * sliders, radio groups, tooltips and text, laid out in pixels and emitted
 * as a render_list (rects, lines, text) that the renderer draws. The state
 * lives in one `ui` struct passed explicitly; input comes in as
 * platform_event (plain data), so everything here runs without a window.
 *
 * A frame:
 *     ui_input(u, &ev) for each event (true: the interface used it);
 *     ui_begin(u, width_px, height_px);
 *     ui_panel_begin(u, "Time", x, y, w); if (ui_button(u, "Pause", tip, on)) ...; ui_panel_end(u);
 *     ui_end(u);               then render_draw_list(r, &u->list, w, h)
 *
 * Keyboard: Tab / Shift+Tab move the focus through every focusable thing
 * in the order it was built (including the app's "slots", places outside
 * the interface such as the joint or the lock); Enter or Space activates
 * the focused widget, arrows change a slider or a radio group; Esc gives
 * the focus back to the first slot. Every label drawn in a box is measured
 * against the box (ui.fits), so a test can assert that none is clipped.
 */
#ifndef FIBRELAB_UI_H
#define FIBRELAB_UI_H

#include <stdbool.h>

#include "platform.h"
#include "render_font.h"
#include "render_list.h"
#include "ui_theme.h"

#define UI_MAX_PANELS 24
#define UI_MAX_OVERFLOWS 16

typedef struct ui_rect {
    float x0, y0, x1, y1;
} ui_rect;

#define UI_MAX_WIDGETS 64

/* Where each widget was put this frame, by label (tests click by name). */
typedef struct ui_widget {
    char label[48];
    ui_rect r;
} ui_widget;

/* A label wider than its box. */
typedef struct ui_overflow {
    char text[64];
    float width, box;
} ui_overflow;

typedef struct ui {
    /* set by the owner */
    const ui_theme *theme;
    float scale;                 /* UI scale (hi-DPI times the user's choice) */
    const render_font *font;
    render_list list;
    /* input since the last frame */
    float mx, my;
    bool down, pressed, released; /* button held; went down / up since the last frame */
    bool press_in_ui;            /* the press that is held began on a panel */
    float press_x, press_y;
    bool activate;               /* Enter or Space on a focused widget */
    int nav;                     /* arrows on a focused widget: +1 right/up, -1 left/down */
    bool escape;
    /* focus, by build order */
    int focus;                   /* -1: none */
    int focus_count;             /* focusable things last frame */
    bool focus_is_slot;          /* the focus is on an app slot: keys go to the app */
    unsigned long long slot_mask, building_slots; /* which ids are slots (last frame, this one) */
    int next_id;
    int drag_id;                 /* slider held by the mouse, -1 none */
    /* panels: this frame's and last frame's (for deciding who gets a click) */
    ui_rect panels[UI_MAX_PANELS], last_panels[UI_MAX_PANELS];
    int panel_count, last_panel_count;
    /* the open panel */
    float px0, py0, pw, cy;      /* its left, top, width; the layout's y */
    int panel_bg;                /* its background's item (sized at the end) */
    bool panel_fill;             /* panels fill their background (true; false where the owner has
                                    cleared the window to the panel colour: fill costs on a software renderer) */
    int cols, col;               /* a row split in columns */
    float row_y;
    /* a tooltip for the hovered or focused widget */
    const char *tip;
    ui_rect tip_at;
    bool tip_focused;
    /* text fit */
    int labels;
    int overflow_count;
    ui_overflow overflows[UI_MAX_OVERFLOWS];
    ui_widget widgets[UI_MAX_WIDGETS];
    int widget_count;
    int width_px, height_px;
} ui;

void ui_init(ui *u, const render_font *font, const ui_theme *theme, float scale);
void ui_free(ui *u);
/* One input event; true when the interface used it (the app should not). */
bool ui_input(ui *u, const platform_event *ev);
void ui_begin(ui *u, int width_px, int height_px);
void ui_end(ui *u);

/* Sizes at the current theme and scale. */
float ui_em(const ui *u);        /* the text size, px */
float ui_row_h(const ui *u);     /* one row of widgets */
float ui_pad(const ui *u);
float ui_line_w(const ui *u);
float ui_text_w(const ui *u, const char *s);

/* Panels: widgets stack down from the top; ui_panel_end closes it (its
 * background fits what was put in) and returns its bottom edge. */
void ui_panel_begin(ui *u, const char *title, float x, float y, float w);
float ui_panel_end(ui *u);
/* The next `columns` widgets share one row. */
void ui_row(ui *u, int columns);
/* Room for the caller's own drawing, the panel's width by height px. */
ui_rect ui_reserve(ui *u, float height);

void ui_label(ui *u, const char *text, bool soft);
/* "name ........ value" on one row. */
void ui_readout(ui *u, const char *name, const char *value);
bool ui_button(ui *u, const char *label, const char *tip, bool on);
bool ui_toggle(ui *u, const char *label, const char *tip, bool *value);
bool ui_slider(ui *u, const char *label, const char *tip, float *value, float lo, float hi, float step);
/* One focus stop; arrows or clicks choose. True when the choice changed. */
bool ui_radio(ui *u, const char *const *options, int count, int *selected, const char *tip);
/* The rectangle of this frame's widget with that label; false if none. */
bool ui_find(const ui *u, const char *label, ui_rect *out);
/* A place in the focus order that belongs to the app (true when focused). */
bool ui_slot(ui *u);

/* Drawing for the caller, in the theme's colours. */
void ui_draw_rect(ui *u, float x0, float y0, float x1, float y1, const float rgba[4]);
void ui_draw_frame(ui *u, ui_rect r, float width, const float rgba[4]);
void ui_draw_line(ui *u, float x0, float y0, float x1, float y1, float width, const float rgba[4]);
/* Text in a box of width box_w (recorded against it for the fit check). */
void ui_draw_text(ui *u, float x, float y, float box_w, const char *s, const float rgba[4]);
/* A free-standing panel with lines of text (help, notes), centred. */
void ui_sheet(ui *u, const char *title, const char *const *lines, int count);

#endif
