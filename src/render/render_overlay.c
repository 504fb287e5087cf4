/* render_overlay.c: what is drawn in pixels over the scene: the text
 * panels the app supplies, the colour legend with its units, and labels
 * that name the origin, the insertion and the tangle. Sizes follow the
 * drawable's height so a projector and a laptop read the same. */
#include <cglm/cglm.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_gl.h"
#include "render_internal.h"
#include "render_layout.h"
#include "render_ramp.h"
#include "sim_view.h"

static const float link_swatch[4] = {0.91f, 0.16f, 0.54f, 1.0f};
static const float flash_swatch[4] = {1.0f, 0.97f, 0.80f, 1.0f};
static const float tool_swatch[4] = {0.93f, 0.46f, 0.20f, 1.0f};
static const float tendon_swatch[4] = {0.86f, 0.88f, 0.92f, 1.0f};


/* A panel behind a block of text, with a thin border so it reads on any background. */
static void panel_rect(render_batch *b, const render_style *st, float x0, float y0, float x1, float y1) {
    float e = roundf(st->line_scale);
    render_batch_rect(b, x0 - e, y0 - e, x1 + e, y1 + e, st->border);
    render_batch_rect(b, x0, y0, x1, y1, st->panel);
}

/* The legend, at the top right; *left and *bottom give its panel's edges. */
static void legend(render *r, const render_options *opt, const render_style *st, int width_px, int height_px,
                   float px, float *left, float *bottom) {
    render_batch *b = &r->screen_batch;
    render_text *t = r->text;
    const float lh = render_text_line_height(t), pad = roundf(px * 0.6f);
    const char *title = opt->colour_by == RENDER_COLOUR_TENSION ? "Fibre tension" : "Fibre strain";
    const char *unit = opt->colour_by == RENDER_COLOUR_TENSION ? "% of max force" : "% of rest length";
    const float top_value = opt->colour_by == RENDER_COLOUR_TENSION ? RENDER_TENSION_MAX * 100.0f
                                                                     : RENDER_STRAIN_MAX * 100.0f;
    const int ticks = 4;
    float bar_h = roundf((float)height_px * RENDER_LAYOUT_LEGEND_BAR), bar_w = roundf(px * 1.1f);
    float label_w = render_text_width(t, "100 %");
    const char *keys[] = {"adhesion", "released", "lock tool", "tendon"};
    const float *swatch[] = {link_swatch, flash_swatch, tool_swatch, tendon_swatch};
    float key_w = 0.0f;
    for (int i = 0; i < 4; i++) key_w = fmaxf(key_w, render_text_width(t, keys[i]) + px * 1.4f);
    float inner_w = fmaxf(fmaxf(render_text_width(t, title), render_text_width(t, unit)),
                          fmaxf(bar_w + pad * 0.5f + label_w, key_w));
    float w = inner_w + 2.0f * pad;
    float h = 2.5f * lh + pad * 0.5f + bar_h + lh * 0.5f + 4.0f * lh + 2.0f * pad;
    float x0 = (float)width_px - w - pad, y0 = pad;
    *left = x0 - 1.0f, *bottom = y0 + h + 1.0f;
    panel_rect(b, st, x0, y0, x0 + w, y0 + h);
    float x = x0 + pad, y = y0 + pad;
    const float *ink = st->ink, *ink_soft = st->ink_soft;
    render_text_add(t, x, y, title, ink);
    render_text_add(t, x, y + lh, unit, ink_soft);
    float bar_y0 = y + 2.5f * lh + pad * 0.5f;
    /* the ramp in slices, highest value at the top */
    const int slices = 48;
    for (int i = 0; i < slices; i++) {
        float v0 = 1.0f - (float)i / slices, v1 = 1.0f - (float)(i + 1) / slices;
        float c0[4] = {0, 0, 0, 1}, c1[4] = {0, 0, 0, 1};
        render_ramp_viridis(v0, c0);
        render_ramp_viridis(v1, c1);
        /* with ramp_shape the bar is a wedge, narrow at 0 and full at the top,
         * so the value reads from the width as well as the colour */
        float right = st->ramp_shape ? x + bar_w * (0.25f + 0.75f * v0) : x + bar_w;
        render_batch_rect_v(b, x, bar_y0 + bar_h * (float)i / slices, right,
                            bar_y0 + bar_h * (float)(i + 1) / slices, c0, c1);
    }
    if (st->ramp_shape) { /* an outline round the wedge: it stands out on any background */
        float e = roundf(st->line_scale);
        render_batch_rect(b, x - e, bar_y0, x, bar_y0 + bar_h, ink);
        render_batch_rect(b, x - e, bar_y0 + bar_h, x + 0.25f * bar_w, bar_y0 + bar_h + e, ink);
        render_batch_rect(b, x - e, bar_y0 - e, x + bar_w, bar_y0, ink);
    }
    for (int k = 0; k <= ticks; k++) {
        float frac = (float)k / ticks, ty = bar_y0 + bar_h * (1.0f - frac);
        float tick = st->line_scale;
        render_batch_rect(b, x + bar_w, ty - tick, x + bar_w + pad * 0.35f, ty + tick, ink);
        char label[32];
        snprintf(label, sizeof label, k == ticks ? "%.0f %%+" : "%.0f %%", top_value * frac);
        if (k == 0 && opt->colour_by == RENDER_COLOUR_STRAIN) snprintf(label, sizeof label, "0 %% or slack");
        render_text_add(t, x + bar_w + pad * 0.5f, ty - 0.5f * lh, label, ink);
    }
    y = bar_y0 + bar_h + lh * 0.5f;
    for (int i = 0; i < 4; i++) {
        float sy = y + lh * (float)i + 0.5f * lh;
        float thick = i == 1 ? 0.30f * px : 0.18f * px;
        const float outline[4] = {0.30f, 0.32f, 0.36f, 1.0f};
        render_batch_rect(b, x - 1.0f, sy - thick - 1.0f, x + px * 1.0f + 1.0f, sy + thick + 1.0f, outline);
        render_batch_rect(b, x, sy - thick, x + px * 1.0f, sy + thick, swatch[i]);
        render_text_add(t, x + px * 1.4f, y + lh * (float)i, keys[i], ink);
    }
}

static void text_panel(render *r, const render_style *st, float x, float y, const char *const *lines, int n,
                       const float *first_colour) {
    render_text *t = r->text;
    float lh = render_text_line_height(t), pad = roundf(lh * 0.4f), w = 0.0f;
    for (int i = 0; i < n; i++) w = fmaxf(w, render_text_width(t, lines[i]));
    panel_rect(&r->screen_batch, st, x, y, x + w + 2.0f * pad, y + lh * (float)n + 2.0f * pad);
    for (int i = 0; i < n; i++)
        render_text_add(t, x + pad, y + pad + lh * (float)i, lines[i], i == 0 ? first_colour : st->ink);
}

/* A label with a short leader line to the point it names. */
/* The labels keep out of the picture's edges and of the legend's corner
 * (right of keep_x and above keep_y). */
typedef struct label_bounds {
    const render_style *st;
    int wpx, hpx;
    float keep_x, keep_y;
} label_bounds;

static void label(render *r, const render_camera *cam, const label_bounds *lb, const float p[3], const char *text,
                  float dx, float dy) {
    const int wpx = lb->wpx, hpx = lb->hpx;
    float sx, sy;
    if (!render_camera_project(cam, wpx, hpx, p, &sx, &sy)) return;
    if (sx < 0 || sy < 0 || sx > (float)wpx || sy > (float)hpx) return;
    render_text *t = r->text;
    float lh = render_text_line_height(t), tw = render_text_width(t, text), pad = roundf(lh * 0.2f);
    float lx = sx + dx, ly = sy + dy, bw = tw + 2 * pad, bh = lh + 2 * pad;
    /* the box stays inside the picture; its leader follows it */
    float bx = glm_clamp(dx < 0 ? lx - bw : lx, 1.0f, (float)wpx - bw - 1.0f);
    float by = glm_clamp(ly - 0.5f * bh, 1.0f, (float)hpx - bh - 1.0f);
    if (by < lb->keep_y && bx + bw > lb->keep_x) bx = fmaxf(1.0f, lb->keep_x - bw - 1.0f);
    lx = glm_clamp(lx, bx, bx + bw), ly = glm_clamp(ly, by, by + bh);
    float a[3] = {sx, sy, 0}, c[3] = {lx, ly, 0}, d[3] = {c[0] - a[0], c[1] - a[1], 0}, side[3];
    float len = hypotf(d[0], d[1]);
    if (len > 0) {
        side[0] = -d[1] / len, side[1] = d[0] / len, side[2] = 0;
        render_batch_line(&r->screen_batch, a, c, side, 1.5f * lb->st->line_scale, lb->st->ink_soft);
    }
    panel_rect(&r->screen_batch, lb->st, bx, by, bx + bw, by + bh);
    render_text_add(t, bx + pad, by + pad, text, lb->st->ink);
}

static void labels(render *r, const sim_world *w, const render_camera *cam, const label_bounds *lb, float px,
                   bool hide_tangles) {
    if (sim_world_muscle_count(w) < 1) return;
    float off = px * RENDER_LAYOUT_LABEL_OFF;
    sim_view_muscle mv = sim_view_muscle_get(w, 0);
    float origin[3], insertion[3];
    for (int k = 0; k < 3; k++) {
        origin[k] = mv.origin[k];
        insertion[k] = mv.origin[k] + mv.length_m * mv.axis[k];
    }
    label(r, cam, lb, origin, "origin", -off, off);
    label(r, cam, lb, insertion, "insertion", off, off);
    for (int i = 0; i < (hide_tangles ? 0 : sim_world_tangle_count(w)); i++) {
        const sim_tangle_desc *td = sim_world_tangle_desc(w, i);
        float p[3];
        sim_view_muscle_surface(w, td->muscle, td->at, p);
        label(r, cam, lb, p, "tangle", off * 0.6f, -off * 1.4f);
    }
}

void render_begin_2d(render *r, int width_px, int height_px) {
    mat4 ortho;
    glm_ortho(0.0f, (float)width_px, (float)height_px, 0.0f, -1.0f, 1.0f, ortho);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(r->flat.id);
    glUniformMatrix4fv(r->flat.view_proj, 1, GL_FALSE, (const float *)ortho);
}

void render_overlay_draw(render *r, const sim_world *w, const render_camera *cam, const render_options *opt,
                         int width_px, int height_px) {
    if (!opt->show_hud && !opt->show_labels) return;
    render_style def = render_style_default();
    const render_style *st = opt->style ? opt->style : &def;
    float px = roundf(render_layout_text_px(width_px, height_px) * st->text_scale);
    render_text_set_size(r->text, px);
    label_bounds lb = {.st = st, .wpx = width_px, .hpx = height_px, .keep_x = (float)width_px, .keep_y = 0.0f};
    if (opt->show_hud) legend(r, opt, st, width_px, height_px, px, &lb.keep_x, &lb.keep_y);
    if (opt->show_labels) labels(r, w, cam, &lb, px, opt->hide_tangle_labels);
    if (opt->show_hud) {
        const char *lines[RENDER_STATUS_LINES + 1];
        int n = 0;
        if (opt->title) lines[n++] = opt->title;
        for (int i = 0; i < opt->status_count && i < RENDER_STATUS_LINES; i++) lines[n++] = opt->status[i];
        float margin = roundf(px * 0.6f);
        if (n > 0) text_panel(r, st, margin, margin, lines, n, st->ink);
        if (opt->help) {
            float lh = render_text_line_height(r->text);
            text_panel(r, st, margin, (float)height_px - margin - lh - 2.0f * roundf(lh * 0.4f), &opt->help, 1,
                       st->ink_soft);
        }
    }
    /* panels first, then the text over them */
    render_begin_2d(r, width_px, height_px);
    render_batch_flush(&r->screen_batch);
    render_text_flush(r->text, width_px, height_px);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
}
