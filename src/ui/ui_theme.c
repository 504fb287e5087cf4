/* ui_theme.c: the three themes (ui_theme.h). Plot colours are the
 * Okabe-Ito palette, chosen to stay distinct for colour-blind viewers;
 * every plot also has its own title, so colour is never the only cue. */
#include <string.h>

#include "ui_theme.h"

static const ui_theme themes[UI_THEME_COUNT] = {
    [UI_THEME_DEFAULT] = {
        .name = "default", .title = "Default", .text_px = 15.0f, .line_w = 1.5f, .scene_text = 1.0f,
        .background = {0.90f, 0.92f, 0.94f, 1.0f},
        .panel = {0.97f, 0.975f, 0.985f, 1.0f}, .border = {0.55f, 0.60f, 0.68f, 1.0f},
        .ink = {0.10f, 0.13f, 0.18f, 1.0f}, .ink_soft = {0.30f, 0.34f, 0.40f, 1.0f},
        .button = {0.90f, 0.92f, 0.95f, 1.0f}, .button_hot = {0.80f, 0.87f, 0.97f, 1.0f},
        .button_on = {0.16f, 0.38f, 0.70f, 1.0f}, .ink_on = {1.0f, 1.0f, 1.0f, 1.0f},
        .focus = {0.90f, 0.45f, 0.00f, 1.0f}, .band = {0.68f, 0.87f, 0.82f, 1.0f},
        .warn = {0.84f, 0.37f, 0.00f, 1.0f}, .stop = {0.80f, 0.05f, 0.05f, 1.0f},
        .plot = {{0.00f, 0.45f, 0.70f, 1.0f}, {0.84f, 0.37f, 0.00f, 1.0f}, {0.80f, 0.47f, 0.65f, 1.0f},
                 {0.00f, 0.62f, 0.45f, 1.0f}},
    },
    [UI_THEME_PROJECTOR] = {
        .name = "projector", .title = "Projector", .text_px = 20.0f, .line_w = 3.0f, .scene_text = 1.35f,
        .background = {1.0f, 1.0f, 1.0f, 1.0f},
        .panel = {1.0f, 1.0f, 1.0f, 1.0f}, .border = {0.0f, 0.0f, 0.0f, 1.0f},
        .ink = {0.0f, 0.0f, 0.0f, 1.0f}, .ink_soft = {0.12f, 0.12f, 0.12f, 1.0f},
        .button = {0.93f, 0.93f, 0.93f, 1.0f}, .button_hot = {0.82f, 0.88f, 1.0f, 1.0f},
        .button_on = {0.0f, 0.20f, 0.60f, 1.0f}, .ink_on = {1.0f, 1.0f, 1.0f, 1.0f},
        .focus = {0.85f, 0.30f, 0.00f, 1.0f}, .band = {0.60f, 0.85f, 0.78f, 1.0f},
        .warn = {0.75f, 0.25f, 0.00f, 1.0f}, .stop = {0.75f, 0.00f, 0.00f, 1.0f},
        .plot = {{0.00f, 0.35f, 0.60f, 1.0f}, {0.80f, 0.30f, 0.00f, 1.0f}, {0.70f, 0.30f, 0.55f, 1.0f},
                 {0.00f, 0.50f, 0.35f, 1.0f}},
    },
    [UI_THEME_DARK] = {
        .name = "dark", .title = "Dark", .text_px = 15.0f, .line_w = 1.5f, .scene_text = 1.0f,
        .background = {0.11f, 0.12f, 0.14f, 1.0f},
        .panel = {0.17f, 0.18f, 0.21f, 1.0f}, .border = {0.45f, 0.48f, 0.55f, 1.0f},
        .ink = {0.93f, 0.94f, 0.96f, 1.0f}, .ink_soft = {0.72f, 0.75f, 0.80f, 1.0f},
        .button = {0.24f, 0.26f, 0.30f, 1.0f}, .button_hot = {0.31f, 0.35f, 0.43f, 1.0f},
        .button_on = {0.40f, 0.65f, 0.98f, 1.0f}, .ink_on = {0.05f, 0.06f, 0.08f, 1.0f},
        .focus = {1.00f, 0.70f, 0.20f, 1.0f}, .band = {0.09f, 0.38f, 0.32f, 1.0f},
        .warn = {0.95f, 0.55f, 0.10f, 1.0f}, .stop = {1.00f, 0.35f, 0.35f, 1.0f},
        .plot = {{0.34f, 0.71f, 0.91f, 1.0f}, {0.90f, 0.62f, 0.00f, 1.0f}, {0.80f, 0.47f, 0.65f, 1.0f},
                 {0.00f, 0.70f, 0.50f, 1.0f}},
    },
};

const ui_theme *ui_theme_get(ui_theme_id id) {
    return &themes[id >= 0 && id < UI_THEME_COUNT ? id : UI_THEME_DEFAULT];
}

bool ui_theme_from_name(const char *name, ui_theme_id *out) {
    for (int i = 0; i < UI_THEME_COUNT; i++)
        if (strcmp(themes[i].name, name) == 0) {
            *out = (ui_theme_id)i;
            return true;
        }
    return false;
}

render_style ui_theme_render_style(const ui_theme *t, float scale) {
    render_style s = render_style_default();
    memcpy(s.background, t->background, sizeof s.background);
    memcpy(s.panel, t->panel, sizeof s.panel);
    memcpy(s.border, t->border, sizeof s.border);
    memcpy(s.ink, t->ink, sizeof s.ink);
    memcpy(s.ink_soft, t->ink_soft, sizeof s.ink_soft);
    s.line_scale = t->line_w / 1.5f * scale;
    s.text_scale = t->scene_text;
    s.ramp_shape = true;
    return s;
}
