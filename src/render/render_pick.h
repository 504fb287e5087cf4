/* render_pick.h: what is under the pointer. The muscles are hit against
 * their fibres as drawn (a chain of capsules through each row's centre with
 * the row's spread as radius); the limb against its bones and skin. */
#ifndef FIBRELAB_RENDER_PICK_H
#define FIBRELAB_RENDER_PICK_H

#include <stdbool.h>

#include "render_camera.h"
#include "sim.h"

typedef struct render_pick {
    bool hit;
    int muscle;
    float s;          /* along the muscle, as the lock measures it */
    float point[3];   /* where the ray meets the fibres (m) */
    float t;          /* distance along the ray (m) */
} render_pick;

/* The nearest muscle under pixel (sx, sy). */
render_pick render_pick_muscle(const sim_world *w, const render_camera *c, int width_px, int height_px, float sx,
                               float sy);
/* True if the ray through (sx, sy) meets the distal segment of the limb
 * (its bone and the flesh around it, out to `radius_m`). */
bool render_pick_limb(const sim_world *w, const render_camera *c, int width_px, int height_px, float sx, float sy,
                      float radius_m);
/* Where the ray through (sx, sy) meets the plane of the hinge (z = 0);
 * false if it runs parallel to it. */
bool render_pick_hinge_plane(const render_camera *c, int width_px, int height_px, float sx, float sy,
                             float out[3]);
/* Distance along a ray (unit dir) to a capsule a-b of radius r, or -1. */
float render_ray_capsule(const float ro[3], const float rd[3], const float a[3], const float b[3], float r);

#endif
