/* sim_desc.c: description defaults, names of modes and tools, validation.
 *
 * Each default carries its unit and its source. "Illustrative" means no
 * measured value exists or the value was chosen for teaching clarity.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim.h"

static const char *const mode_names[SIM_MODE_COUNT] = {
    "passive", "active-assisted", "active", "weight-bearing"};
static const char *const tool_names[SIM_TOOL_COUNT] = {
    "thumb", "knuckle", "fist", "forearm"};

/* Contact areas (m^2). Thumb pad about 2 cm^2 (massage pressure studies, see
 * DESIGN.md); knuckle, fist and forearm are illustrative estimates of the
 * flat part of each that meets the skin. */
static const float tool_areas_m2[SIM_TOOL_COUNT] = {2.0e-4f, 1.5e-4f, 12.0e-4f, 25.0e-4f};

const char *sim_mode_name(sim_mode mode) {
    return (mode >= 0 && mode < SIM_MODE_COUNT) ? mode_names[mode] : "?";
}

const char *sim_tool_name(sim_tool tool) {
    return (tool >= 0 && tool < SIM_TOOL_COUNT) ? tool_names[tool] : "?";
}

bool sim_mode_from_name(const char *name, sim_mode *out) {
    for (int i = 0; i < SIM_MODE_COUNT; i++)
        if (strcmp(name, mode_names[i]) == 0) {
            *out = (sim_mode)i;
            return true;
        }
    return false;
}

bool sim_tool_from_name(const char *name, sim_tool *out) {
    for (int i = 0; i < SIM_TOOL_COUNT; i++)
        if (strcmp(name, tool_names[i]) == 0) {
            *out = (sim_tool)i;
            return true;
        }
    return false;
}

float sim_tool_area_m2(sim_tool tool) {
    return (tool >= 0 && tool < SIM_TOOL_COUNT) ? tool_areas_m2[tool] : tool_areas_m2[0];
}

sim_joint_desc sim_joint_desc_default(void) {
    return (sim_joint_desc){
        .shortened_deg = 90.0f,   /* knee-like flexion; AAOS range 0-135 deg */
        .stretched_deg = 0.0f,
        .start_deg = 45.0f,
        .limit_deg = -5.0f,       /* slight hyperextension stops it */
        .proximal_m = 0.40f,
        .distal_m = 0.40f,
        .end_feel_nm = 0.22f,     /* illustrative: resisting torque read as the end-feel of the default muscle */
        .client_pace_deg_s = 6.0f, /* about 5 deg/s is the taught stretch speed */
        .second_deg = 0.0f,
    };
}

sim_muscle_desc sim_muscle_desc_default(void) {
    sim_muscle_desc m = {
        .fibres = 200,
        .particles = 32,
        .origin_m = 0.20f,
        .insertion_m = 0.05f,
        .offset_m = 0.025f,
        .lateral_m = 0.0f,
        .radius_m = 0.010f,
        .tendon_fraction = 0.10f,
        .max_force_n = 60.0f,     /* illustrative small muscle (a forearm flexor is ~100-200 N) */
        .slack_fraction = 0.15f,  /* fibres go taut early in the movement: illustrative */
        .mass_kg = 0.05f,         /* density 1060 kg/m^3 times a spindle of this size */
    };
    snprintf(m.name, sizeof m.name, "muscle");
    return m;
}

sim_tangle_desc sim_tangle_desc_default(void) {
    return (sim_tangle_desc){.muscle = 0, .at = 0.5f, .length = 0.12f, .share = 0.3f, .severity = 0.8f};
}

sim_world_desc sim_world_desc_default(void) {
    sim_world_desc d;
    memset(&d, 0, sizeof d);
    d.joint = sim_joint_desc_default();
    d.mode = SIM_MODE_PASSIVE;
    d.seed = 1;
    d.substeps = 6;
    d.damping_per_s = 60.0f;        /* tissue is heavily damped: quasi-static at these speeds */
    d.adhesion_yield_scale = 1.0f;
    d.features = (sim_features){.lanes = true, .bending = true, .creep = true,
                                .tone = true, .client = true, .metrics = true};
    return d;
}

static bool finite_in(float v, float lo, float hi) {
    return isfinite(v) && v >= lo && v <= hi;
}

const char *sim_validate_desc(const sim_world_desc *d) {
    if (d->muscle_count < 0 || d->muscle_count > SIM_MAX_MUSCLES) return "muscles: too many";
    if (d->tangle_count < 0 || d->tangle_count > SIM_MAX_TANGLES) return "tangles: too many";
    if (d->substeps < 1 || d->substeps > 64) return "substeps: must be 1..64";
    const sim_joint_desc *j = &d->joint;
    if (!finite_in(j->shortened_deg, -180, 180) || !finite_in(j->stretched_deg, -180, 180) ||
        !finite_in(j->start_deg, -180, 180) || !finite_in(j->limit_deg, -180, 180))
        return "joint: angles must be finite degrees in -180..180";
    if (j->shortened_deg == j->stretched_deg) return "joint: shortened_deg equals stretched_deg";
    if (!finite_in(j->second_deg, -180, 180)) return "joint: second_deg must be finite degrees in -180..180";
    for (int i = 0; i < d->muscle_count; i++) {
        const sim_muscle_desc *m = &d->muscles[i];
        if (m->fibres < 1 || m->fibres > 20000) return "muscles: fibres must be 1..20000";
        if (m->particles < 4 || m->particles > 256) return "muscles: particles must be 4..256";
        if (!finite_in(m->origin_m, 0.001f, 2) || !finite_in(m->insertion_m, 0.001f, 2) ||
            !finite_in(m->offset_m, 0.001f, 0.5f) || !finite_in(m->radius_m, 0.001f, 0.2f) ||
            !finite_in(m->lateral_m, -0.5f, 0.5f))
            return "muscles: geometry out of range";
        if (!finite_in(m->tendon_fraction, 0, 0.8f)) return "muscles: tendon_fraction must be 0..0.8";
        if (!finite_in(m->max_force_n, 1, 20000)) return "muscles: max_force_n must be 1..20000";
        if (!finite_in(m->slack_fraction, -1, 1)) return "muscles: slack_fraction must be -1..1";
        if (!finite_in(m->mass_kg, 1e-4f, 20)) return "muscles: mass_kg out of range";
        if (!finite_in(m->second_arm_m, 0, 0.2f)) return "muscles: second_arm_m must be 0..0.2 m";
        /* the second joint may not take up more than half the muscle's line */
        if (m->second_arm_m * fabsf(j->second_deg) * 0.0174532925f > 0.5f * (m->origin_m + m->insertion_m))
            return "muscles: second joint shortens the muscle by more than half its length";
    }
    for (int i = 0; i < d->tangle_count; i++) {
        const sim_tangle_desc *t = &d->tangles[i];
        if (t->muscle < 0 || t->muscle >= d->muscle_count) return "tangles: muscle out of range";
        if (!finite_in(t->at, 0, 1)) return "tangles: at must be 0..1";
        if (!finite_in(t->length, 0.01f, 1)) return "tangles: length must be 0.01..1";
        if (!finite_in(t->share, 0, 1)) return "tangles: share must be 0..1";
        if (!finite_in(t->severity, 0, 1)) return "tangles: severity must be 0..1";
    }
    if (!finite_in(d->damping_per_s, 0, 1000)) return "damping_per_s out of range";
    if (!finite_in(d->adhesion_yield_scale, 0.01f, 100)) return "adhesion_yield_scale out of range";
    return NULL;
}
