/* ui_theme.h: the interface's themes: default (light), projector (large
 * type, thick lines, black on white) and dark. Each also gives the scene's
 * background and overlay colours to the renderer. */
#ifndef FIBRELAB_UI_THEME_H
#define FIBRELAB_UI_THEME_H

#include <stdbool.h>

#include "render.h"

typedef enum ui_theme_id { UI_THEME_DEFAULT, UI_THEME_PROJECTOR, UI_THEME_DARK, UI_THEME_COUNT } ui_theme_id;

typedef struct ui_theme {
    const char *name;            /* "default", "projector", "dark" */
    const char *title;           /* as shown: "Default", ... */
    float text_px;               /* at scale 1 */
    float line_w;                /* outlines and plot lines at scale 1, px */
    float scene_text;            /* the scene's labels and legend, times their usual size */
    float background[4];
    float panel[4], border[4], ink[4], ink_soft[4];
    float button[4], button_hot[4], button_on[4], ink_on[4];
    float focus[4];              /* the keyboard focus ring */
    float band[4];               /* a marked band (the deep-work pressure range, the lock on a plot); opaque */
    float warn[4];               /* over the band, slipping; the coach's advice (amber) */
    float stop[4];               /* the coach's "stop" (pain, a danger zone): red */
    float plot[4][4];            /* plot lines (Okabe-Ito: told apart without colour vision too) */
} ui_theme;

const ui_theme *ui_theme_get(ui_theme_id id);
bool ui_theme_from_name(const char *name, ui_theme_id *out);
/* The renderer's colours for the scene in this theme. */
render_style ui_theme_render_style(const ui_theme *t, float scale);

#endif
