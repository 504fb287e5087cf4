/* sim_view.h: read-only geometry of the model for drawing, picking and checks.
 *
 * Everything here reads the world and changes nothing. Positions are world
 * metres: the joint at the origin with its axis along z, the proximal segment
 * along -x, the distal one turned by q_rad about z, the muscles on +y.
 */
#ifndef FIBRELAB_SIM_VIEW_H
#define FIBRELAB_SIM_VIEW_H

#include <stdbool.h>

#include "sim.h"

typedef struct sim_view_joint {
    float deg;             /* clinical angle now */
    float q_rad;           /* hinge rotation of the distal segment about +z */
    float fraction;        /* 0 shortened .. 1 stretched */
    float limit_fraction;  /* the end of range, as a fraction (>= 1) */
    float proximal_m, distal_m;  /* drawn bone lengths */
    float resisting_nm;    /* the muscles' resisting torque now */
    bool at_end;           /* asked to stretch further but stopped: the end of range (anatomy or tissue) */
} sim_view_joint;

sim_view_joint sim_view_joint_get(const sim_world *w);
/* The hinge rotation (rad) that the clinical angle `deg` gives. */
float sim_view_joint_q(const sim_world *w, float deg);
/* The pose fraction of a clinical angle (0 shortened .. 1 stretched). */
float sim_view_deg_to_fraction(const sim_world *w, float deg);

/* A muscle's straight axis now: s runs from origin (0) to insertion (1). */
typedef struct sim_view_muscle {
    float origin[3];       /* origin centre, on the fixed side */
    float axis[3];         /* unit vector, origin -> insertion */
    float superficial[3];  /* unit vector away from the bones */
    float lateral[3];      /* unit vector across (z) */
    float length_m;
    float radius_m;        /* largest radius of the spindle */
    float tendon_fraction;
    int bundle;            /* index for sim_world_bundle */
} sim_view_muscle;

sim_view_muscle sim_view_muscle_get(const sim_world *w, int muscle);
/* The point of the muscle's skin-side surface at s, where a tool touches
 * (the same surface the lock measures its depth from). */
void sim_view_muscle_surface(const sim_world *w, int muscle, float s, float out[3]);
/* s of the axis point nearest p (the measure the lock uses), unclamped. */
float sim_view_muscle_s(const sim_world *w, int muscle, const float p[3]);
/* 1 if the segment row (0 .. particles-2) of bundle k is tendon. */
bool sim_view_row_is_tendon(const sim_world *w, int bundle, int row);

typedef struct sim_view_adhesion {
    float a[3], b[3];      /* the two bound particles */
    float damage;          /* 0..1 */
    bool released;
    int tangle;
} sim_view_adhesion;

int sim_view_adhesion_count(const sim_world *w);
sim_view_adhesion sim_view_adhesion_get(const sim_world *w, int i);

typedef struct sim_view_lock {
    bool active, sliding;
    int muscle;
    sim_tool tool;
    float at;              /* s now (it moves when it slides) */
    float pressure_kpa;
    float radius_m;        /* contact disc radius, from the tool's area */
    float depth_m;         /* depth the pressure reaches */
    float centre[3];       /* contact centre on the muscle's surface */
    float normal[3];       /* outward surface normal: the tool presses along -normal */
    float axis[3];         /* the muscle's axis there */
    int held;              /* particles held */
} sim_view_lock;

sim_view_lock sim_view_lock_get(const sim_world *w);

#endif
