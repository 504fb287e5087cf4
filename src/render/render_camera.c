/* render_camera.c: orbit camera maths and named views (render_camera.h). */
#include <cglm/cglm.h>
#include <math.h>
#include <string.h>

#include "render_camera.h"
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

render_camera render_camera_view(const sim_world *w, render_view view, const float focus[3]) {
    render_camera c = {.fov_y_rad = glm_rad(30.0f)};
    int n = sim_world_muscle_count(w);
    /* frame the muscles: from the furthest origin to the furthest insertion,
     * measured along the bones, whatever the pose */
    float reach_prox = 0.1f, reach_dist = 0.05f, top = 0.03f;
    for (int m = 0; m < n; m++) {
        const sim_muscle_desc *d = sim_world_muscle_desc(w, m);
        reach_prox = fmaxf(reach_prox, d->origin_m);
        reach_dist = fmaxf(reach_dist, d->insertion_m);
        top = fmaxf(top, d->offset_m);
    }
    float span = reach_prox + reach_dist;
    switch (view) {
    case RENDER_VIEW_FRONT:
        c.target[0] = 0.5f * (reach_dist - reach_prox), c.target[1] = top;
        c.yaw_rad = 0.0f, c.pitch_rad = glm_rad(70.0f);
        c.distance_m = 1.5f * span / (2.0f * tanf(0.5f * c.fov_y_rad) * (16.0f / 9.0f)) + 0.05f;
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
        /* a little right of the muscles' middle: the legend takes the right edge */
        c.target[0] = 0.5f * (reach_dist - reach_prox) + 0.12f * span, c.target[1] = top + 0.03f;
        c.yaw_rad = 0.0f, c.pitch_rad = glm_rad(8.0f);
        /* the span and a margin fill the width of a 16:9 view */
        c.distance_m = 1.45f * span / (2.0f * tanf(0.5f * c.fov_y_rad) * (16.0f / 9.0f));
        break;
    }
    return c;
}
