/* sim_material.h: the passive force-strain curves of muscle fibre and tendon.
 *
 * Muscle fibre (Thelen 2003, the passive curve OpenSim uses):
 *     F(e) = Fmax * (exp(k e / e0) - 1) / (exp(k) - 1),  k = 4, e0 = 0.6
 * so the force reaches Fmax near 60% strain, after a soft toe region.
 * Tendon: the same exponential shape with e0 = 0.04 (about 4% strain at
 * Fmax, Thelen 2003 / Millard 2012). Compressed, a fibre only pushes back
 * slightly (the matrix around it), enough to keep a slack chain unfolded.
 */
#ifndef FIBRELAB_SIM_MATERIAL_H
#define FIBRELAB_SIM_MATERIAL_H

#include <stdint.h>
#include <string.h>

#define MUSCLE_SHAPE 4.0f      /* k, Thelen 2003 */
#define MUSCLE_E0 0.6f         /* strain at Fmax, Thelen 2003 */
#define TENDON_E0 0.04f        /* strain at Fmax, Thelen 2003 */
#define COMPRESSION_SHARE 0.05f /* of Fmax per unit compressive strain: illustrative */

/* exp(x) for x in about [-20, 20], accurate to ~1e-6 relative, written so
 * that loops calling it vectorise (no libm call). */
static inline float exp_approx(float x) {
    x = x < -20.0f ? -20.0f : (x > 20.0f ? 20.0f : x);
    float t = x * 1.44269504f;                 /* log2(e) */
    int n = (int)(t + 32.0f) - 32;             /* floor for t > -32 */
    float f = (t - (float)n) * 0.69314718f;    /* in [0, ln 2) */
    float p = 1.0f + f * (1.0f + f * (0.5f + f * (0.16666667f + f * (0.041666668f +
              f * (0.0083333338f + f * 0.0013888889f)))));
    int32_t bits = (n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale); /* 2^n */
    return p * scale;
}

static inline void sim_material_eval(float strain, float fmax, float rest, int tendon,
                       float *force_n, float *stiffness_n_per_m) {
    const float e0 = tendon ? TENDON_E0 : MUSCLE_E0;
    const float k = MUSCLE_SHAPE / e0;
    const float norm = 1.0f / (54.59815f - 1.0f); /* 1 / (exp(4) - 1) */
    float e = strain > 0.0f ? strain : 0.0f;
    float ex = exp_approx(k * e);
    /* A shortened fibre barely resists (the matrix around it, illustrative),
     * enough to keep a slack chain from folding on itself. */
    float squeeze = strain < 0.0f ? COMPRESSION_SHARE * strain : 0.0f;
    *force_n = fmax * ((ex - 1.0f) * norm + squeeze);
    /* The stiffness is taken a quarter of e0 ahead (exp(1) times the
     * tangent): the solver's equilibrium does not depend on it, but a Newton
     * step on a stiffening curve with the tangent alone overshoots. */
    *stiffness_n_per_m = fmax * k * ex * 2.7182818f * norm / rest;
}

#endif
