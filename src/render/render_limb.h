/* render_limb.h: the limb's drawn dimensions (bones and skin), worked out
 * from the model's muscles, shared by the drawing and by the camera that
 * frames it. Pure maths: no GL. */
#ifndef FIBRELAB_RENDER_LIMB_H
#define FIBRELAB_RENDER_LIMB_H

#include "sim.h"

float render_limb_bone_radius(const sim_world *w);
/* The skin's axis height above the bone's (towards the muscles), and its radius. */
float render_limb_skin_centre(const sim_world *w);
float render_limb_skin_radius(const sim_world *w);

/* A ball that part of the limb fills: the camera keeps it in view. */
typedef struct render_limb_ball {
    float c[3], r;
} render_limb_ball;

/* Balls along both bones and their skin, in the pose now, from the hinge
 * to where the muscles end on each bone and a little beyond (the part of
 * the limb a lesson is about); returns how many were written (at most
 * max). */
int render_limb_balls(const sim_world *w, render_limb_ball *out, int max);

#endif
