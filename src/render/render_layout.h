/* render_layout.h: the sizes of what the overlay draws over the scene (its
 * text, the legend, the labels), shared with the camera that frames the
 * limb clear of them. Pure maths, in pixels; y down. */
#ifndef FIBRELAB_RENDER_LAYOUT_H
#define FIBRELAB_RENDER_LAYOUT_H

#include <math.h>

/* Text size: it follows the picture's height, so a projector and a laptop
 * read the same, but a tall narrow picture's width caps it so the panels
 * still fit across. */
static inline float render_layout_text_px(int width_px, int height_px) {
    float h = fminf((float)height_px, 0.75f * (float)width_px);
    float px = roundf(h / 34.0f);
    return px < 12.0f ? 12.0f : px > 48.0f ? 48.0f : px;
}

/* A label's leader runs this far (in text sizes) from the point it names. */
#define RENDER_LAYOUT_LABEL_OFF 2.2f

/* The legend panel with its margin, at the top right: its width in text
 * sizes, and its height in text sizes plus a share of the picture's height
 * (its colour bar; render_overlay.c draws it). */
#define RENDER_LAYOUT_LEGEND_W_EM 9.8f
#define RENDER_LAYOUT_LEGEND_H_EM 10.4f
#define RENDER_LAYOUT_LEGEND_BAR 0.30f

#endif
