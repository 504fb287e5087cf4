/* render_camera.h: an orbit camera (target, yaw, pitch, distance), its
 * matrices, projection of points to pixels, pick rays, and named views.
 * Pure maths: no GL, so picking and views are testable without a window.
 *
 * Pixels have their origin at the top left of the drawable, y down.
 */
#ifndef FIBRELAB_RENDER_CAMERA_H
#define FIBRELAB_RENDER_CAMERA_H

#include <stdbool.h>

#include "sim.h"

typedef struct render_camera {
    float target[3];     /* the point orbited (m) */
    float yaw_rad;       /* about +y; 0 looks along -z (the eye on +z) */
    float pitch_rad;     /* up from the xz plane */
    float distance_m;
    float fov_y_rad;
} render_camera;

typedef struct render_camera_mats {
    float view[16], proj[16], view_proj[16]; /* column-major, as GL takes them */
    float eye[3], right[3], up[3], forward[3];
    float px_per_depth;  /* world size of one pixel at unit distance */
} render_camera_mats;

typedef enum render_view {
    RENDER_VIEW_SIDE,    /* from the side, the whole muscle and the joint */
    RENDER_VIEW_FRONT,   /* from above the muscles' surface: a group side by side */
    RENDER_VIEW_LOCK,    /* close up on the lock (or where it would go) */
    RENDER_VIEW_COUNT
} render_view;

render_camera_mats render_camera_matrices(const render_camera *c, int width_px, int height_px);
void render_camera_orbit(render_camera *c, float dyaw_rad, float dpitch_rad);
void render_camera_zoom(render_camera *c, float factor);   /* distance *= factor, within limits */
/* Moves the target so the scene follows the pointer by (dx, dy) pixels. */
void render_camera_pan(render_camera *c, float dx_px, float dy_px, int width_px, int height_px);
/* Pixel position of p; false if behind the eye. */
bool render_camera_project(const render_camera *c, int width_px, int height_px, const float p[3], float *sx,
                           float *sy);
/* The ray through pixel (sx, sy): origin at the eye, unit direction. */
void render_camera_ray(const render_camera *c, int width_px, int height_px, float sx, float sy, float origin[3],
                       float dir[3]);
/* A named view of the world as it is, for a picture of that size: the side
 * and front views frame the whole limb and its labels, clear of the legend.
 * `focus` (may be NULL) is the point RENDER_VIEW_LOCK looks at when no
 * lock is on. */
render_camera render_camera_view_for(const sim_world *w, render_view view, const float focus[3], int width_px,
                                     int height_px);
/* The same for a 1280x720 picture. */
render_camera render_camera_view(const sim_world *w, render_view view, const float focus[3]);

#endif
