/* sim_internal.h: the world's data, shared by the model's files only.
 *
 * Hot data is structure-of-arrays in tiles: a bundle's fibres are split into
 * tiles of at most FIBRE_TILE fibres, each tile stored whole, row by row
 * (particle j of the tile's fibres side by side). One row of a tile is
 * contiguous, so the chain solver runs down the rows with the fibres in
 * vector lanes; one tile is contiguous, so a tile stays in cache (and in few
 * pages) through all its work however many fibres the bundle has. Per-segment
 * arrays use the same layout (segment j starts at particle j; the last row is
 * unused).
 */
#ifndef FIBRELAB_SIM_INTERNAL_H
#define FIBRELAB_SIM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sim.h"

typedef struct sim_rng { uint64_t s; } sim_rng;  /* xorshift64*, lives in the world */

typedef struct sim_bundle {
    int nf, np;                  /* fibres, particles per fibre */
    int tile;                    /* fibres per tile (the last may hold fewer) */
    int n;                       /* storage per array: tiles * tile * np */
    int muscle;                  /* index into the world's muscles, or -1 for a free bundle */
    sim_material material;
    float compliance;            /* SIM_MATERIAL_LINEAR, m/N */
    float fibre_fmax;            /* a healthy fibre's max isometric force (N): what tone scales */
    float *x, *y, *z;            /* positions (m) */
    float *px, *py, *pz;         /* positions at the start of the substep */
    float *vx, *vy, *vz;         /* velocities (m/s) */
    float *w;                    /* inverse mass (1/kg); 0 = attached */
    /* per segment (segment j joins particles j and j + 1) */
    float *rest0;                /* healthy rest length (m) */
    float *rest;                 /* current rest length: tangle shortening and creep applied */
    float *fmax;                 /* force scale (N): the fibre's max isometric force times tangle stiffening */
    float *creep;                /* creep strain */
    float *shorten;              /* tangle's rest-length factor (1 = healthy) */
    float *tension;              /* last tension (N) */
    float *strain;               /* last engineering strain against rest */
    uint8_t *seg_kind;           /* per row: 0 muscle, 1 tendon */
    /* lanes: transverse target of every particle in the cross-section frame (m) */
    float *lane_u, *lane_v;
    float *row_radius;           /* spindle radius at each row (m) */
    uint8_t *tangled;            /* per fibre: tangle index + 1, or 0 */
    float *contractile;          /* per fibre: 1, or 0 for tangled (fibrotic) fibres */
    float *zero_rows;            /* 5 rows of zeros: the chain solver's row before the first */
    /* attachments, per fibre: origin in world (fixed), insertion in the distal frame */
    float *att0, *att1;          /* nf * 3 */
    /* chain solver scratch, per segment */
    float *nx, *ny, *nz, *cp, *dp, *dl;
    float *arena;                /* holds every array of n floats above */
    size_t arena_floats;
} sim_bundle;

typedef struct sim_adhesion {
    int bundle;
    int a, b;                    /* particle indices */
    int tangle;
    float rest;                  /* m, grows by creep above yield */
    float yield_n;               /* illustrative */
    float damage;                /* 0..1, released at 1 */
    float load_n;                /* last frame's mean load */
    float load_acc;
    uint8_t released;
} sim_adhesion;

typedef struct sim_tangle_state {
    sim_tangle_desc d;
    int row_lo, row_hi;          /* segment rows inside the patch */
    int adhesions_total, adhesions_released;
    float alignment_start;
    float peak_strain;
    bool started;
} sim_tangle_state;

typedef struct sim_muscle_state {
    sim_muscle_desc d;
    int bundle;
    float peak_strain;
    float alignment_start;
    bool started;
} sim_muscle_state;

/* One particle held under the lock. */
typedef struct sim_held {
    int bundle, idx;
    float anchor[3];             /* in the frame of the bone under the lock */
    float w;                     /* its inverse mass: held, it is fixed */
    float depth;                 /* below the skin (m) */
} sim_held;

typedef struct sim_lock_state {
    bool active;
    sim_lock_desc d;
    bool distal;                 /* anchors move with the distal segment */
    int count;                   /* particles held, of any muscle under the disc */
    sim_held *held;
    float normal_n;
    float depth_m;               /* depth the pressure reaches into a relaxed muscle */
    bool sliding;
    int slips;
    float load_n, load_acc;      /* tangential force the friction carries */
    float capacity_n;
    float at;                    /* current s of the lock */
    float length0;               /* the muscle's length when the lock went on (m) */
} sim_lock_state;

typedef struct sim_joint_state {
    float deg;                   /* current clinical angle */
    float cmd_to;                /* commanded pose, as a fraction */
    float cmd_speed_deg_s;
    bool moving;
    float torque_nm;             /* resisting torque of the muscles */
    float sign;                  /* +1 when shortened_deg > stretched_deg */
    float speed_deg_s;           /* last frame's angular speed */
} sim_joint_state;

typedef struct sim_client_state {
    float pain, tone;
    float guard;                 /* guarding drive from fast stretch */
    float calm;                  /* drop of baseline tone from pain-free rhythmic work */
    float peak_pain, peak_tone, peak_pressure_kpa;
    bool stopped;
    float strain_rate;           /* s^-1, muscles' lengthening rate */
    float last_length_m;         /* mean muscle length last step */
} sim_client_state;

struct sim_world {
    sim_world_desc desc;
    sim_rng rng;
    double time_s;
    long frame;
    sim_bundle bundles[SIM_MAX_BUNDLES];
    int bundle_count;
    sim_muscle_state muscles[SIM_MAX_MUSCLES];
    sim_tangle_state tangles[SIM_MAX_TANGLES];
    sim_adhesion *adhesions;
    int adhesion_count;
    sim_lock_state lock;
    sim_joint_state joint;
    sim_client_state client;
    sim_mode mode;
    bool assessing;              /* the ROM assessment copy: no client reactions */
    bool settling;               /* before the lesson starts: adhesions neither creep nor fail */
};

/* sim_world.c */
float sim_rng_uniform(sim_rng *r);   /* [0, 1) */
float sim_rng_normal(sim_rng *r);

/* geometry (sim_build.c) */
typedef struct sim_frame {
    float o[3], u[3], e1[3], e2[3];  /* origin centre, axis, superficial and lateral directions */
    float length;
} sim_frame;
float sim_joint_q(const sim_world *w, float deg);           /* hinge rotation (rad) */
void sim_distal_to_world(float q, const float local[3], float out[3]);
void sim_world_to_distal(float q, const float p[3], float out[3]);
sim_frame sim_muscle_frame(const sim_world *w, int muscle, float deg);
float sim_spindle_radius(const sim_muscle_desc *m, float s); /* radius of the bundle at s (m) */
bool sim_build_muscles(sim_world *w);
void sim_bundle_free(sim_bundle *b);
bool sim_bundle_alloc(sim_bundle *b, int nf, int np);

#define FIBRE_TILE 128  /* fibres per tile at most: a tile's rows fit in L2 */

/* Where fibre f's row j starts for the tile holding f0: index + f for every
 * fibre f of that tile. The next particle of a fibre is tile entries on. */
static inline int sim_row(const sim_bundle *b, int f0, int j) {
    return (f0 / b->tile) * b->tile * (b->np - 1) + j * b->tile;
}

/* Storage index of particle (or segment) j of fibre f. */
static inline int sim_at(const sim_bundle *b, int f, int j) {
    return sim_row(b, f, j) + f;
}

/* The fibre that storage index i belongs to. */
static inline int sim_fibre_of(const sim_bundle *b, int i) {
    return i / (b->tile * b->np) * b->tile + i % b->tile;
}

/* End of the tile that begins at fibre f0. */
static inline int sim_tile_end(const sim_bundle *b, int f0) {
    return f0 + b->tile < b->nf ? f0 + b->tile : b->nf;
}
void sim_bundle_copy(sim_bundle *dst, const sim_bundle *src);

/* solver (sim_solver.c) */
void sim_solve_chains(sim_bundle *b, float h, float activation, int f0, int f1);
void sim_solve_lanes(sim_world *w, sim_bundle *b, float deg, float h, int f0, int f1);
void sim_solve_bending(sim_bundle *b, int f0, int f1);
void sim_set_attachments(sim_world *w, sim_bundle *b, float deg, int f0, int f1);
void sim_creep_update(sim_bundle *b, float dt);

/* adhesions (sim_adhesion.c) */
bool sim_adhesions_build(sim_world *w);
void sim_adhesions_solve(sim_world *w, float h);
void sim_adhesions_update(sim_world *w, float dt);
void sim_adhesions_adapt(sim_world *w);
void sim_tangle_apply_stiffening(sim_world *w, int tangle);

/* lock (sim_lock.c) */
void sim_lock_place(sim_world *w, int bundle, float deg);
void sim_lock_solve(sim_world *w, float deg, float h);
void sim_lock_update(sim_world *w);
void sim_lock_release(sim_lock_state *l);

/* A particle under a tool: its bundle, index and depth below the skin (m). */
typedef struct sim_touch {
    int bundle, idx;
    float depth;
} sim_touch;

/* The particles under a tool pressed at s of a muscle with a pressure, of
 * that muscle or any neighbour under the disc (deeper with more pressure,
 * less deep as tone rises), into out (room for sim_touch_capacity).
 * Returns how many. */
int sim_tool_footprint(const sim_world *w, int muscle, float s, sim_tool tool, float pressure_kpa, sim_touch *out);
int sim_touch_capacity(const sim_world *w);
bool sim_lock_holds(const sim_world *w, int bundle); /* the lock holds particles of this bundle */
float sim_lane_stiffness(const sim_world *w, const sim_bundle *b); /* N/m per particle */

/* client and tone (sim_client.c) */
void sim_client_update(sim_world *w, float dt);
void sim_client_relax(sim_world *w);

/* metrics (sim_metrics.c) */
void sim_metrics_update(sim_world *w);
float sim_tangle_alignment(const sim_world *w, int tangle, bool healthy);
float sim_muscle_alignment(const sim_world *w, int muscle);
void sim_compute_torque(sim_world *w);
float sim_row_strain_max(const sim_world *w);

#endif
