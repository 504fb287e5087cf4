/* sim.h: the public interface of fibrelab's fibre model.
 *
 * The model is a hinge joint (a fixed proximal segment, a moving distal one)
 * crossed by muscles, each a spindle-shaped bundle of fibres; every fibre is a
 * chain of particles solved with extended position-based dynamics (XPBD) at a
 * fixed dt of 1/60 s with substeps. Tangles bind fibres with adhesions; a lock
 * pins the tissue under a tool by friction; tone and the client's pain close
 * the loop. Nothing here knows about windows, GL or files: build a world from
 * description structs, act on it, step it, read it.
 *
 * Usage:
 *     sim_world_desc wd = sim_world_desc_default();
 *     sim_muscle_desc md = sim_muscle_desc_default();   change what differs
 *     wd.muscles[wd.muscle_count++] = md;
 *     sim_world *w = sim_world_create(&wd);
 *     sim_world_stretch_to(w, 1.0f, 12.0f);
 *     for (...) sim_world_step(w);
 *     sim_world_destroy(w);
 *
 * Units: metres, newtons, seconds, kilopascals and degrees at this interface.
 * Positions along a muscle are fractions s in [0, 1]: 0 at the origin (on the
 * fixed proximal segment), 1 at the insertion (on the moving distal one).
 */
#ifndef FIBRELAB_SIM_H
#define FIBRELAB_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIM_DT_S (1.0f / 60.0f)
#define SIM_MAX_MUSCLES 8
#define SIM_MAX_TANGLES 16
#define SIM_MAX_BUNDLES 16
#define SIM_NAME_MAX 48

typedef enum sim_mode {
    SIM_MODE_PASSIVE,         /* the therapist locks and moves the limb */
    SIM_MODE_ACTIVE_ASSISTED, /* the therapist locks, the client moves */
    SIM_MODE_ACTIVE,          /* the client locks and moves alone (home care) */
    SIM_MODE_WEIGHT_BEARING,  /* the client moves under body weight */
    SIM_MODE_COUNT
} sim_mode;

typedef enum sim_tool {
    SIM_TOOL_THUMB,
    SIM_TOOL_KNUCKLE,
    SIM_TOOL_FIST,
    SIM_TOOL_FOREARM,
    SIM_TOOL_COUNT
} sim_tool;

/* How a fibre segment resists stretch. */
typedef enum sim_material {
    SIM_MATERIAL_MUSCLE, /* exponential passive curve (Thelen 2003) plus tone */
    SIM_MATERIAL_LINEAR  /* plain XPBD distance constraint with a compliance */
} sim_material;

const char *sim_mode_name(sim_mode mode);   /* "passive", "active-assisted", ... */
const char *sim_tool_name(sim_tool tool);   /* "thumb", ... */
bool sim_mode_from_name(const char *name, sim_mode *out);
bool sim_tool_from_name(const char *name, sim_tool *out);
float sim_tool_area_m2(sim_tool tool);      /* contact area of each tool */

/* The hinge. Angles are the lesson's clinical degrees; the model bends the
 * distal segment towards the muscles' side as the angle moves from
 * stretched_deg to shortened_deg. */
typedef struct sim_joint_desc {
    float shortened_deg;   /* pose where the muscles are short */
    float stretched_deg;   /* pose where they are long */
    float start_deg;       /* pose at creation */
    float limit_deg;       /* anatomical end of range, beyond stretched_deg or equal */
    float proximal_m;      /* drawn length of the fixed segment */
    float distal_m;        /* drawn length of the moving segment */
    float end_feel_nm;     /* resisting torque at which the movement stops (N m) */
    float client_pace_deg_s; /* the client's own even pace in client-driven modes */
    /* A second joint the lesson holds still (the knee in a calf lesson). A
     * muscle that crosses it (second_arm_m > 0) is shorter by its moment arm
     * times this angle (radians) than with the joint at 0, so bending it
     * slackens that muscle and sends the stretch to the others. */
    float second_deg;
} sim_joint_desc;

typedef struct sim_muscle_desc {
    char name[SIM_NAME_MAX];
    int fibres;            /* fibres in the bundle (default 200) */
    int particles;         /* particles per fibre (default 32) */
    float origin_m;        /* origin centre: distance from the joint along the proximal segment */
    float insertion_m;     /* insertion centre: distance from the joint along the distal segment */
    float offset_m;        /* distance of the muscle's axis from the bones (its side) */
    float lateral_m;       /* sideways (z) position of the axis, to place muscles of a group */
    float radius_m;        /* largest radius of the spindle */
    float tendon_fraction; /* share of the length, at the insertion end, that is tendon */
    float max_force_n;     /* maximum isometric force of the whole muscle */
    float slack_fraction;  /* pose fraction (0 shortened .. 1 stretched) at which fibres go taut,
                              with the second joint at 0 */
    float second_arm_m;    /* moment arm at the second joint (0: does not cross it) */
    float mass_kg;         /* mass of the bundle */
} sim_muscle_desc;

typedef struct sim_tangle_desc {
    int muscle;            /* index into muscles[] */
    float at;              /* centre, as s */
    float length;          /* extent, as a fraction of the muscle */
    float share;           /* share of the cross-section's fibres that are tangled, 0..1 */
    float severity;        /* 0..1: how far fibres leave their lanes, how stiff and short the patch */
} sim_tangle_desc;

/* Switches, so that benchmark scenes can turn off what they lack. */
typedef struct sim_features {
    bool lanes;      /* lanes and the fascial envelope */
    bool bending;
    bool creep;
    bool tone;
    bool client;     /* pain and the client's own movement */
    bool metrics;    /* per-frame strain/alignment bookkeeping */
} sim_features;

typedef struct sim_world_desc {
    sim_joint_desc joint;
    sim_muscle_desc muscles[SIM_MAX_MUSCLES];
    int muscle_count;
    sim_tangle_desc tangles[SIM_MAX_TANGLES];
    int tangle_count;
    sim_mode mode;
    uint64_t seed;
    int substeps;             /* per 1/60 s frame */
    float gravity[3];         /* m/s^2 */
    float damping_per_s;      /* velocity damping rate */
    float adhesion_yield_scale; /* multiplies the illustrative adhesion yield load */
    sim_features features;
} sim_world_desc;

sim_joint_desc sim_joint_desc_default(void);
sim_muscle_desc sim_muscle_desc_default(void);
sim_tangle_desc sim_tangle_desc_default(void);
sim_world_desc sim_world_desc_default(void);

/* A free bundle of chains given particle by particle (used by the benchmark's
 * chains scene). Positions are fibre-major: p[(f * particles + j) * 3]. */
typedef struct sim_bundle_desc {
    int fibres, particles;
    const float *positions;      /* fibres * particles * 3, metres */
    float particle_mass_kg;
    bool pin_ends;               /* first and last particle of each chain fixed */
    sim_material material;
    float compliance_m_per_n;    /* SIM_MATERIAL_LINEAR */
    float rest_length_m;         /* rest length of every segment */
} sim_bundle_desc;

typedef struct sim_world sim_world;

/* Returns NULL on an impossible description (bad counts, NaN) or no memory;
 * sim_validate_desc says which field is wrong. */
sim_world *sim_world_create(const sim_world_desc *desc);
/* NULL, or a static message naming the first bad field. */
const char *sim_validate_desc(const sim_world_desc *desc);
sim_world *sim_world_clone(const sim_world *world);
void sim_world_destroy(sim_world *world);
/* Adds a free bundle; returns its index or -1. */
int sim_world_add_bundle(sim_world *world, const sim_bundle_desc *desc);

/* Advances the world by SIM_DT_S. */
void sim_world_step(sim_world *world);

/* ---- actions ---- */
typedef struct sim_lock_desc {
    int muscle;
    float at;           /* s along the muscle */
    float pressure_kpa; /* over the tool's area */
    sim_tool tool;
} sim_lock_desc;

void sim_world_lock(sim_world *world, const sim_lock_desc *lock);
void sim_world_unlock(sim_world *world);
/* Move the joint to fraction `to` (0 shortened .. 1 stretched) at an even
 * speed over `over_s` seconds (in client-driven modes the client's pace). */
void sim_world_stretch_to(sim_world *world, float to, float over_s);
void sim_world_set_mode(sim_world *world, sim_mode mode);

/* ---- reading the state ---- */
typedef struct sim_state {
    double time_s;
    float joint_deg;
    float joint_fraction;     /* 0 shortened .. 1 stretched */
    float resisting_torque_nm;
    float pain;               /* 0..10 */
    float tone;               /* activation 0..1 */
    bool locked;
    bool lock_sliding;
    int lock_slips;
    float lock_pressure_kpa;
    float lock_at;            /* current s of the lock (it moves when it slides) */
    int lock_muscle;          /* the muscle it was placed on (-1: none) */
    float lock_load_n;        /* tangential load the friction carries */
    float lock_capacity_n;    /* static friction limit */
    int lock_held;            /* particles held */
    sim_mode mode;
    bool client_stopped;      /* the client stopped the movement because of pain */
} sim_state;

typedef struct sim_region_metrics {
    int adhesions_total, adhesions_released;
    float alignment_start, alignment_now;
    float healthy_alignment;   /* untangled fibres over the same span */
    float peak_strain;         /* highest mean engineering strain seen */
    float strain_now;
    float tension_now_n;       /* mean tension per fibre in the span */
} sim_region_metrics;

typedef struct sim_totals {
    float peak_pain, peak_tone, peak_pressure_kpa;
} sim_totals;

sim_state sim_world_state(const sim_world *world);
sim_totals sim_world_totals(const sim_world *world);
int sim_world_muscle_count(const sim_world *world);
int sim_world_tangle_count(const sim_world *world);
const sim_muscle_desc *sim_world_muscle_desc(const sim_world *world, int muscle);
const sim_tangle_desc *sim_world_tangle_desc(const sim_world *world, int tangle);
sim_region_metrics sim_world_muscle_metrics(const sim_world *world, int muscle);
sim_region_metrics sim_world_tangle_metrics(const sim_world *world, int tangle);

/* Range of motion in degrees from the shortened pose, by a standard slow
 * passive assessment on a copy of the state (no lock, tone as it is). */
float sim_world_assess_rom_deg(const sim_world *world);

/* Alignment (alignment_now, healthy_alignment) of every muscle and tangle by
 * a standard measurement on a relaxed copy with the joint mid-range, so that
 * before and after compare whatever pose the world is in. False: no memory. */
bool sim_world_assess_alignment(const sim_world *world, sim_region_metrics *muscles, sim_region_metrics *tangles);

/* Palpation: a thumb pressed gently at s on a muscle. stiffness is the
 * sideways resistance of the tissue under it (N per mm pressed in); a taut,
 * tangled band is stiffer than healthy tissue. tenderness 0..10 is how
 * tender the client finds it (a bound tangle is tender). Changes nothing. */
typedef struct sim_palpation {
    float stiffness_n_per_mm;
    float tenderness;
} sim_palpation;
sim_palpation sim_world_palpate(const sim_world *w, int muscle, float s, float pressure_kpa);

/* 64-bit FNV-1a over the particle positions and velocities. */
uint64_t sim_world_state_hash(const sim_world *world);

/* Read-only views for drawing and checks. Particle j of fibre f is at index
 * sim_view_index(view, f, j) of x, y and z; segment j (particles j to j + 1)
 * at the same index of tension_n and strain. (The model stores fibres in
 * tiles for speed; the index says where.) */
typedef struct sim_bundle_view {
    int fibres, particles;
    int tile;                      /* fibres per storage tile */
    const float *x, *y, *z;        /* positions (m) */
    const float *tension_n;        /* per segment (N) */
    const float *strain;           /* per segment, engineering strain */
    const uint8_t *tangled;        /* per fibre: tangle index + 1, or 0 */
} sim_bundle_view;

static inline int sim_view_index(const sim_bundle_view *v, int fibre, int particle) {
    return (fibre / v->tile) * v->tile * (v->particles - 1) + particle * v->tile + fibre;
}

int sim_world_bundle_count(const sim_world *world);  /* muscles first, then free bundles */
sim_bundle_view sim_world_bundle(const sim_world *world, int bundle);

#endif
