/* render_camera.c: orbit camera maths and named views (render_camera.h). */
#include <cglm/cglm.h>
#include <math.h>
#include <string.h>

#include "render_camera.h"
#include "render_layout.h"
#include "render_limb.h"
#include "sim_view.h"

#define PITCH_LIMIT_RAD 1.50f    /* just short of straight up or down */
#define DISTANCE_MIN_M 0.04f
#define DISTANCE_MAX_M 4.0f
#define NEAR_FRACTION 0.02f      /* near plane, of the distance: depth precision where it matters */
#define FAR_FACTOR 20.0f

static void eye_of(const render_camera *c, float eye[3]) {
    float cp = cosf(c->pitch_rad);
    eye[0] = c->target[0] + c->distance_m * cp * sinf(c->yaw_rad);
    eye[1] = c->target[1] + c->distance_m * sinf(c->pitch_rad);
    eye[2] = c->target[2] + c->distance_m * cp * cosf(c->yaw_rad);
}

render_camera_mats render_camera_matrices(const render_camera *c, int width_px, int height_px) {
    render_camera_mats m;
    eye_of(c, m.eye);
    vec3 up = {0.0f, 1.0f, 0.0f}, target = {c->target[0], c->target[1], c->target[2]};
    mat4 view, proj, vp;
    glm_lookat(m.eye, target, up, view);
    float aspect = height_px > 0 ? (float)width_px / (float)height_px : 1.0f;
    glm_perspective(c->fov_y_rad, aspect, NEAR_FRACTION * c->distance_m, FAR_FACTOR * (c->distance_m + 1.0f), proj);
    glm_mat4_mul(proj, view, vp);
    memcpy(m.view, view, sizeof m.view);
    memcpy(m.proj, proj, sizeof m.proj);
    memcpy(m.view_proj, vp, sizeof m.view_proj);
    /* rows of the view matrix are the camera's axes */
    for (int k = 0; k < 3; k++) {
        m.right[k] = view[k][0];
        m.up[k] = view[k][1];
        m.forward[k] = -view[k][2];
    }
    m.px_per_depth = 2.0f * tanf(0.5f * c->fov_y_rad) / (float)(height_px > 0 ? height_px : 1);
    return m;
}

void render_camera_orbit(render_camera *c, float dyaw_rad, float dpitch_rad) {
    c->yaw_rad = remainderf(c->yaw_rad + dyaw_rad, 2.0f * GLM_PIf);
    c->pitch_rad = glm_clamp(c->pitch_rad + dpitch_rad, -PITCH_LIMIT_RAD, PITCH_LIMIT_RAD);
}

void render_camera_zoom(render_camera *c, float factor) {
    c->distance_m = glm_clamp(c->distance_m * factor, DISTANCE_MIN_M, DISTANCE_MAX_M);
}

void render_camera_pan(render_camera *c, float dx_px, float dy_px, int width_px, int height_px) {
    render_camera_mats m = render_camera_matrices(c, width_px, height_px);
    float per_px = m.px_per_depth * c->distance_m;
    for (int k = 0; k < 3; k++) c->target[k] += (-dx_px * m.right[k] + dy_px * m.up[k]) * per_px;
}

bool render_camera_project(const render_camera *c, int width_px, int height_px, const float p[3], float *sx,
                           float *sy) {
    render_camera_mats m = render_camera_matrices(c, width_px, height_px);
    vec4 in = {p[0], p[1], p[2], 1.0f}, clip;
    mat4 vp;
    memcpy(vp, m.view_proj, sizeof vp);
    glm_mat4_mulv(vp, in, clip);
    if (clip[3] <= 1e-6f) return false;
    *sx = (clip[0] / clip[3] * 0.5f + 0.5f) * (float)width_px;
    *sy = (0.5f - clip[1] / clip[3] * 0.5f) * (float)height_px;
    return true;
}

void render_camera_ray(const render_camera *c, int width_px, int height_px, float sx, float sy, float origin[3],
                       float dir[3]) {
    render_camera_mats m = render_camera_matrices(c, width_px, height_px);
    float half_h = tanf(0.5f * c->fov_y_rad);
    float aspect = height_px > 0 ? (float)width_px / (float)height_px : 1.0f;
    float nx = (sx / (float)width_px) * 2.0f - 1.0f, ny = 1.0f - (sy / (float)height_px) * 2.0f;
    vec3 d;
    for (int k = 0; k < 3; k++) d[k] = m.forward[k] + nx * half_h * aspect * m.right[k] + ny * half_h * m.up[k];
    glm_vec3_normalize(d);
    memcpy(origin, m.eye, 3 * sizeof(float));
    memcpy(dir, d, 3 * sizeof(float));
}

/* What a framed view keeps in the picture: a ball of the limb, or a label
 * box reaching from the point it names, in text sizes (y up), as
 * render_overlay.c places them ("origin" left and below, "insertion"
 * right and below, "tangle" right and above; the words' widths allowed). */
typedef struct frame_item {
    float p[3], r;
    float em[4]; /* x0, x1, y0, y1 */
} frame_item;

#define FRAME_MAX 64
#define FRAME_MARGIN 0.05f       /* of the half picture, all round */

static const float origin_em[4] = {-(RENDER_LAYOUT_LABEL_OFF + 4.2f), 0.0f, -(RENDER_LAYOUT_LABEL_OFF + 1.0f), 0.0f};
static const float insertion_em[4] = {0.0f, RENDER_LAYOUT_LABEL_OFF + 5.6f, -(RENDER_LAYOUT_LABEL_OFF + 1.0f), 0.0f};
static const float tangle_em[4] = {0.0f, 0.6f * RENDER_LAYOUT_LABEL_OFF + 4.5f, 0.0f,
                                   1.4f * RENDER_LAYOUT_LABEL_OFF + 1.0f};

static int frame_items(const sim_world *w, frame_item *it) {
    render_limb_ball balls[32];
    int nb = render_limb_balls(w, balls, 32), n = 0;
    for (int i = 0; i < nb; i++) it[n++] = (frame_item){.p = {balls[i].c[0], balls[i].c[1], balls[i].c[2]}, .r = balls[i].r};
    if (sim_world_muscle_count(w) < 1) return n;
    sim_view_muscle mv = sim_view_muscle_get(w, 0);
    frame_item o = {.r = 0.0f}, ins = {.r = 0.0f};
    for (int k = 0; k < 3; k++) o.p[k] = mv.origin[k], ins.p[k] = mv.origin[k] + mv.length_m * mv.axis[k];
    memcpy(o.em, origin_em, sizeof o.em);
    memcpy(ins.em, insertion_em, sizeof ins.em);
    it[n++] = o, it[n++] = ins;
    for (int i = 0; i < sim_world_tangle_count(w) && n < FRAME_MAX; i++) {
        const sim_tangle_desc *td = sim_world_tangle_desc(w, i);
        frame_item t = {.r = 0.0f};
        sim_view_muscle_surface(w, td->muscle, td->at, t.p);
        memcpy(t.em, tangle_em, sizeof t.em);
        it[n++] = t;
    }
    return n;
}

/* The range [lo, hi] of target offsets along one screen axis that keeps
 * every item inside [s0, s1] (NDC) at distance d; empty when lo > hi. */
static void offsets(const frame_item *it, int n, const float *coord, const float *height, int axis, float d,
                    float per_depth, float em_ndc, float s0, float s1, float *lo, float *hi) {
    *lo = -INFINITY, *hi = INFINITY;
    for (int i = 0; i < n; i++) {
        float scale = fmaxf(d - height[i], 1e-4f) * per_depth;
        float a = s0 - it[i].em[2 * axis] * em_ndc, b = s1 - it[i].em[2 * axis + 1] * em_ndc;
        *lo = fmaxf(*lo, coord[i] + it[i].r - b * scale);
        *hi = fminf(*hi, coord[i] - it[i].r - a * scale);
    }
}

/* The nearest distance, and the target, that show every item inside the
 * safe rectangle {x0, x1, y0, y1} (NDC), the items centred in it; false if
 * no distance in the camera's range does. */
static bool fit(render_camera *c, const frame_item *it, int n, const float em_ndc[2], float aspect,
                const float safe[4]) {
    float cp = cosf(c->pitch_rad);
    vec3 back = {cp * sinf(c->yaw_rad), sinf(c->pitch_rad), cp * cosf(c->yaw_rad)}, fwd, right, up;
    vec3 world_up = {0.0f, 1.0f, 0.0f};
    glm_vec3_negate_to(back, fwd);
    glm_vec3_crossn(fwd, world_up, right);
    glm_vec3_cross(right, fwd, up);
    float x[FRAME_MAX], y[FRAME_MAX], z[FRAME_MAX], zc = 0.0f;
    for (int i = 0; i < n; i++) {
        vec3 p = {it[i].p[0], it[i].p[1], it[i].p[2]};
        x[i] = glm_vec3_dot(p, right), y[i] = glm_vec3_dot(p, up), z[i] = glm_vec3_dot(p, back);
        zc += z[i] / (float)n;
    }
    for (int i = 0; i < n; i++) z[i] -= zc;
    float th = tanf(0.5f * c->fov_y_rad);
    float lo_d = DISTANCE_MIN_M, hi_d = DISTANCE_MAX_M, xl, xh, yl, yh;
    offsets(it, n, x, z, 0, hi_d, th * aspect, em_ndc[0], safe[0], safe[1], &xl, &xh);
    offsets(it, n, y, z, 1, hi_d, th, em_ndc[1], safe[2], safe[3], &yl, &yh);
    if (!(xl <= xh && yl <= yh)) return false;
    for (int k = 0; k < 40; k++) {
        float d = 0.5f * (lo_d + hi_d);
        offsets(it, n, x, z, 0, d, th * aspect, em_ndc[0], safe[0], safe[1], &xl, &xh);
        offsets(it, n, y, z, 1, d, th, em_ndc[1], safe[2], safe[3], &yl, &yh);
        if (xl <= xh && yl <= yh)
            hi_d = d;
        else
            lo_d = d;
    }
    offsets(it, n, x, z, 0, hi_d, th * aspect, em_ndc[0], safe[0], safe[1], &xl, &xh);
    offsets(it, n, y, z, 1, hi_d, th, em_ndc[1], safe[2], safe[3], &yl, &yh);
    float tx = 0.5f * (xl + xh), ty = 0.5f * (yl + yh);
    for (int k = 0; k < 3; k++) c->target[k] = tx * right[k] + ty * up[k] + zc * back[k];
    c->distance_m = hi_d;
    return true;
}

/* Frames the whole limb and its labels, clear of the legend: beside it or
 * under it, whichever shows the limb larger. Where the labels cannot fit
 * across (a very narrow picture), only the points they name are kept in,
 * and the overlay keeps their boxes inside the picture. */
static void frame_limb(render_camera *c, const sim_world *w, int width_px, int height_px) {
    frame_item it[FRAME_MAX];
    int n = frame_items(w, it);
    float wpx = (float)width_px, hpx = (float)height_px, aspect = wpx / hpx;
    float px = render_layout_text_px(width_px, height_px);
    const float em_ndc[2] = {2.0f * px / wpx, 2.0f * px / hpx}, m = 1.0f - FRAME_MARGIN;
    const float safe[2][4] = {
        {-m, m - RENDER_LAYOUT_LEGEND_W_EM * em_ndc[0], -m, m}, /* beside the legend */
        {-m, m, -m, m - RENDER_LAYOUT_LEGEND_H_EM * em_ndc[1] - 2.0f * RENDER_LAYOUT_LEGEND_BAR}}; /* under it */
    render_camera start = *c;
    for (int pass = 0; pass < 2; pass++) {
        bool any = false;
        for (int s = 0; s < 2; s++) {
            render_camera t = start;
            if (fit(&t, it, n, em_ndc, aspect, safe[s]) && (!any || t.distance_m < c->distance_m)) *c = t, any = true;
        }
        if (any) return;
        for (int i = 0; i < n; i++) it[i].em[0] = it[i].em[1] = 0.0f; /* then without the labels' widths */
    }
    /* nothing fits: the whole picture, without the labels */
    for (int i = 0; i < n; i++) memset(it[i].em, 0, sizeof it[i].em);
    const float all[4] = {-m, m, -m, m};
    if (!fit(c, it, n, em_ndc, aspect, all)) c->distance_m = DISTANCE_MAX_M;
}

render_camera render_camera_view(const sim_world *w, render_view view, const float focus[3]) {
    return render_camera_view_for(w, view, focus, 1280, 720);
}

render_camera render_camera_view_for(const sim_world *w, render_view view, const float focus[3], int width_px,
                                     int height_px) {
    render_camera c = {.fov_y_rad = glm_rad(30.0f)};
    if (width_px < 1 || height_px < 1) width_px = 1280, height_px = 720;
    float top = 0.03f;
    for (int m = 0; m < sim_world_muscle_count(w); m++) top = fmaxf(top, sim_world_muscle_desc(w, m)->offset_m);
    switch (view) {
    case RENDER_VIEW_FRONT:
        c.yaw_rad = 0.0f, c.pitch_rad = glm_rad(70.0f);
        frame_limb(&c, w, width_px, height_px);
        break;
    case RENDER_VIEW_LOCK: {
        sim_view_lock l = sim_view_lock_get(w);
        float p[3] = {0.0f, top, 0.0f};
        if (l.active)
            memcpy(p, l.centre, sizeof p);
        else if (focus)
            memcpy(p, focus, sizeof p);
        memcpy(c.target, p, sizeof p);
        c.yaw_rad = glm_rad(25.0f), c.pitch_rad = glm_rad(20.0f);
        c.distance_m = 0.16f;
        break;
    }
    case RENDER_VIEW_SIDE:
    default:
        c.yaw_rad = 0.0f, c.pitch_rad = glm_rad(8.0f);
        frame_limb(&c, w, width_px, height_px);
        break;
    }
    return c;
}
