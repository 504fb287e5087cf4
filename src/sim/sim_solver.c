/* sim_solver.c: the fibre chains, lanes, bending and attachments.
 *
 * Chains are solved directly, not by Gauss-Seidel sweeps. One XPBD iteration
 * per substep with the multipliers starting at zero solves, for each fibre,
 *
 *     (J W J^T + alpha~) dlambda = -C,   alpha~ = alpha / h^2,
 *
 * where J holds the unit directions n_j of the fibre's segments. For a chain
 * this matrix is tridiagonal (diagonal w_j + w_j+1 + alpha~_j, off-diagonal
 * -w_j+1 n_j . n_j+1), so the Thomas algorithm solves it exactly in O(n). The
 * exact solve matters for the physics: with Gauss-Seidel and light particles
 * every stiff segment behaves as rigid and the equilibrium of a chain would
 * split strain by stiffness wrongly; with the direct solve a chain at rest
 * carries the same tension in every segment, whatever the particle masses,
 * which is what puts a stretch into the pliable tissue (the two-band
 * demonstration).
 *
 * For a nonlinear fibre with force F(e) and tangent stiffness k = dF/dl, the
 * constraint is one Newton step of the spring: C = F / k, alpha = 1 / k.
 *
 * Rows are contiguous, so every loop runs over the fibres of a row side by
 * side and vectorises; the caller solves a block of fibres at a time so that
 * a block's rows stay in cache from the forward sweep to the update.
 */
#include <math.h>

#include "sim_internal.h"
#include "sim_material.h"

#define LANE_STIFFNESS 0.0025f    /* lane spring per particle, times the fibre's Fmax per segment length: illustrative, weak */
#define ENVELOPE_MARGIN 1.15f    /* the fascial envelope's radius, of the spindle's */
#define BENDING_BLEND 0.002f     /* weak bending: share of the way to the neighbours mean per substep */
#define ACTIVE_WIDTH 0.45f       /* gamma of the active force-length curve (Thelen 2003) */

void sim_set_attachments(sim_world *w, sim_bundle *b, float deg, int f0, int f1) {
    if (b->muscle < 0) return;
    float q = sim_joint_q(w, deg);
    float c = cosf(q), s = sinf(q);
    for (int f = f0; f < f1; f++) {
        const float *a0 = &b->att0[f * 3], *a1 = &b->att1[f * 3];
        int first = sim_at(b, f, 0), last = sim_at(b, f, b->np - 1);
        b->x[first] = a0[0], b->y[first] = a0[1], b->z[first] = a0[2];
        b->x[last] = c * a1[0] - s * a1[1];
        b->y[last] = s * a1[0] + c * a1[1];
        b->z[last] = a1[2];
    }
}

/* One row of the forward sweep: for segment j of every fibre in [f0, f1),
 * its direction, its terms and the Thomas elimination against row j - 1
 * (whose directions, c' and d' are p*; all zero for the first row). Arrays
 * are restrict parameters so that the loop vectorises. */
static void forward_row(int f0, int f1, sim_material material, int tendon, float inv_h2, float compliance,
                        float activation, float fibre_fmax,
                        const float *restrict xa, const float *restrict ya, const float *restrict za,
                        const float *restrict xb, const float *restrict yb, const float *restrict zb,
                        const float *restrict wa, const float *restrict wb, const float *restrict rest,
                        const float *restrict fmax, const float *restrict contractile,
                        const float *restrict pnx, const float *restrict pny, const float *restrict pnz,
                        float *restrict pcp, const float *restrict pdp, float *restrict nx, float *restrict ny,
                        float *restrict nz, float *restrict cp, float *restrict dp, float *restrict ten,
                        float *restrict str) {
    /* per segment in one pass: its length and direction, its terms (linear:
     * compliance; muscle: one Newton step of the spring), and the Thomas
     * elimination against the row before. One loop per material, so that
     * each vectorises. */
#define ELIMINATE()                                                                                    \
    do {                                                                                               \
        float inv = len > 1e-9f ? 1.0f / len : 0.0f;                                                   \
        float ux = dx * inv, uy = dy * inv, uz = dz * inv;                                             \
        nx[f] = ux, ny[f] = uy, nz[f] = uz;                                                            \
        float a = -wa[f] * (pnx[f] * ux + pny[f] * uy + pnz[f] * uz);                                  \
        float c_prev = a * pcp[f]; /* pcp holds 1/m of the row before; it becomes c' */                \
        pcp[f] = c_prev;                                                                               \
        float inv_m = 1.0f / (wa[f] + wb[f] + alpha - a * c_prev);                                     \
        cp[f] = inv_m;                                                                                 \
        dp[f] = (rhs - a * pdp[f]) * inv_m;                                                            \
    } while (0)
    if (material == SIM_MATERIAL_LINEAR) {
        const float alpha = compliance * inv_h2;
        for (int f = f0; f < f1; f++) {
            float dx = xb[f] - xa[f], dy = yb[f] - ya[f], dz = zb[f] - za[f];
            float len = sqrtf(dx * dx + dy * dy + dz * dz);
            float rhs = -(len - rest[f]);
            ten[f] = 0.0f, str[f] = len / rest[f] - 1.0f;
            ELIMINATE();
        }
    } else {
        for (int f = f0; f < f1; f++) {
            float dx = xb[f] - xa[f], dy = yb[f] - ya[f], dz = zb[f] - za[f];
            float len = sqrtf(dx * dx + dy * dy + dz * dz);
            float e = len / rest[f] - 1.0f, force, k;
            sim_material_eval(e, fmax[f], rest[f], tendon, &force, &k);
            /* contractile tension of tone on the active force-length curve
             * exp(-(l - 1)^2 / gamma) (Thelen 2003); tangled, fibrotic fibres
             * (contractile 0) and tendon do not contract */
            force += activation * contractile[f] * fibre_fmax * exp_approx(-e * e / ACTIVE_WIDTH);
            /* never step more than a quarter of the rest length in one
             * substep: a contractile force has no stiffness of its own */
            float k_min = force / (0.25f * rest[f]);
            k = k > k_min ? k : k_min;
            float rhs = -force / k, alpha = inv_h2 / k;
            ten[f] = force, str[f] = e;
            ELIMINATE();
        }
    }
#undef ELIMINATE
}

/* Solves the chains of fibres [f0, f1), all of one tile. */
void sim_solve_chains(sim_bundle *b, float h, float activation, int f0, int f1) {
    const int np = b->np, nt = b->tile, zr = b->n / np; /* zr: one zero row */
    const float inv_h2 = 1.0f / (h * h);
    float *x = b->x, *y = b->y, *z = b->z;
    const float *iw = b->w;
    float *nx = b->nx, *ny = b->ny, *nz = b->nz;
    float *cp = b->cp, *dp = b->dp, *dl = b->dl;
    float *ten = b->tension, *str = b->strain;
    float *zero = b->zero_rows; /* five zero rows stand for the row before the first */

    /* forward sweep: directions, terms, and Thomas elimination */
    for (int j = 0; j < np - 1; j++) {
        const int r = sim_row(b, f0, j), p = r - nt;
        const bool first = j == 0;
        forward_row(f0, f1, b->material, b->seg_kind[j], inv_h2, b->compliance,
                    b->seg_kind[j] ? 0.0f : activation, b->fibre_fmax, x + r, y + r, z + r, x + r + nt,
                    y + r + nt, z + r + nt, iw + r, iw + r + nt, b->rest + r, b->fmax + r, b->contractile,
                    first ? zero : nx + p, first ? zero + zr : ny + p, first ? zero + 2 * zr : nz + p,
                    first ? zero + 3 * zr : cp + p, first ? zero + 4 * zr : dp + p, nx + r, ny + r, nz + r,
                    cp + r, dp + r, ten + r, str + r);
    }
    /* back substitution */
    {
        int r = sim_row(b, f0, np - 2);
        for (int f = f0; f < f1; f++) dl[r + f] = dp[r + f];
        for (r -= nt; r >= sim_row(b, f0, 0); r -= nt) {
            const float *scp = cp + r, *sdp = dp + r, *ndl = dl + r + nt;
            float *sdl = dl + r;
            for (int f = f0; f < f1; f++) sdl[f] = sdp[f] - scp[f] * ndl[f];
        }
    }
    /* apply: particle j gets +w n_(j-1) dl_(j-1) - w n_j dl_j */
    for (int j = 1; j < np - 1; j++) {
        const int r = sim_row(b, f0, j), p = r - nt;
        float *px = x + r, *py = y + r, *pz = z + r;
        const float *pw = iw + r;
        const float *an = nx + p, *bn = ny + p, *cn = nz + p, *l0 = dl + p;
        const float *an1 = nx + r, *bn1 = ny + r, *cn1 = nz + r, *l1 = dl + r;
        for (int f = f0; f < f1; f++) {
            px[f] += pw[f] * (an[f] * l0[f] - an1[f] * l1[f]);
            py[f] += pw[f] * (bn[f] * l0[f] - bn1[f] * l1[f]);
            pz[f] += pw[f] * (cn[f] * l0[f] - cn1[f] * l1[f]);
        }
    }
    if (b->material == SIM_MATERIAL_LINEAR)
        for (int j = 0; j < np - 1; j++)
            for (int f = f0, r = sim_row(b, f0, j); f < f1; f++) ten[r + f] = -dl[r + f] * inv_h2;
}

/* Row j of [f0, f1) moved a little towards the mean of its neighbours along
 * the fibre (row j - 1 already moved this sweep). Separate restrict rows so
 * that the loop vectorises. */
static void bend_row(int f0, int f1, float *restrict x, float *restrict y, float *restrict z,
                     const float *restrict xa, const float *restrict ya, const float *restrict za,
                     const float *restrict xb, const float *restrict yb, const float *restrict zb,
                     const float *restrict pw) {
    for (int f = f0; f < f1; f++) {
        float k = pw[f] > 0.0f ? BENDING_BLEND : 0.0f;
        x[f] += k * (0.5f * (xa[f] + xb[f]) - x[f]);
        y[f] += k * (0.5f * (ya[f] + yb[f]) - y[f]);
        z[f] += k * (0.5f * (za[f] + zb[f]) - z[f]);
    }
}

void sim_solve_bending(sim_bundle *b, int f0, int f1) {
    const int nt = b->tile;
    for (int j = 1; j < b->np - 1; j++) {
        const int r = sim_row(b, f0, j);
        bend_row(f0, f1, b->x + r, b->y + r, b->z + r, b->x + r - nt, b->y + r - nt, b->z + r - nt, b->x + r + nt,
                 b->y + r + nt, b->z + r + nt, b->w + r);
    }
}

/* One row of lanes, restrict so that it vectorises: each particle is drawn
 * towards its lane across the muscle's axis and kept inside the envelope. */
static void lanes_row(int f0, int f1, const sim_frame *frame, float env, float kh2, float *restrict x,
                      float *restrict y, float *restrict z, const float *restrict pw, const float *restrict lu,
                      const float *restrict lv) {
    const sim_frame fr = *frame;
    const float env2 = env * env;
    for (int f = f0; f < f1; f++) {
        float rx = x[f] - fr.o[0], ry = y[f] - fr.o[1], rz = z[f] - fr.o[2];
        float t = rx * fr.u[0] + ry * fr.u[1] + rz * fr.u[2];
        float pu = rx * fr.e1[0] + ry * fr.e1[1] + rz * fr.e1[2];
        float pv = rx * fr.e2[0] + ry * fr.e2[1] + rz * fr.e2[2];
        float beta = pw[f] * kh2 / (1.0f + pw[f] * kh2);
        float nu = pu + beta * (lu[f] - pu), nv = pv + beta * (lv[f] - pv);
        float r2 = nu * nu + nv * nv;
        float sc = r2 > env2 && pw[f] > 0.0f ? env / sqrtf(r2) : 1.0f;
        nu *= sc, nv *= sc;
        x[f] = fr.o[0] + t * fr.u[0] + nu * fr.e1[0] + nv * fr.e2[0];
        y[f] = fr.o[1] + t * fr.u[1] + nu * fr.e1[1] + nv * fr.e2[1];
        z[f] = fr.o[2] + t * fr.u[2] + nu * fr.e1[2] + nv * fr.e2[2];
    }
}

/* Lanes pull each particle towards its place in the cross-section, sideways
 * only, so they never carry the fibre's tension; the envelope keeps it inside
 * the fascia. */
float sim_lane_stiffness(const sim_world *w, const sim_bundle *b) {
    const float fibre_fmax = w->muscles[b->muscle].d.max_force_n / (float)b->nf;
    return LANE_STIFFNESS * fibre_fmax / b->rest0[0];
}

void sim_solve_lanes(sim_world *w, sim_bundle *b, float deg, float h, int f0, int f1) {
    if (b->muscle < 0) return;
    const sim_frame fr = sim_muscle_frame(w, b->muscle, deg);
    const float kh2 = sim_lane_stiffness(w, b) * h * h;
    for (int j = 1; j < b->np - 1; j++) {
        const int r = sim_row(b, f0, j);
        lanes_row(f0, f1, &fr, ENVELOPE_MARGIN * b->row_radius[j], kh2, b->x + r, b->y + r, b->z + r, b->w + r,
                  b->lane_u + r, b->lane_v + r);
    }
}

/* Viscous creep of the fibres (stress relaxation): while loaded, a segment's
 * rest length creeps towards a creep strain in proportion to its stress, so a
 * held stretch at the end of range relaxes by about a quarter in 30 s
 * (Magnusson et al.); on the exponential curve a quarter of the force is a
 * strain of ln(4/3) / (4 / 0.6) = 0.043, reached at about 15% of Fmax. When
 * slack it slowly recovers. */
#define CREEP_PER_STRESS 0.15f   /* creep strain per unit of F / Fmax: fitted as above */
#define CREEP_MAX 0.06f          /* illustrative ceiling */
#define CREEP_TIME_S 10.0f       /* most creep in the first 15-20 s (Magnusson et al.) */
#define CREEP_RECOVERY_S 60.0f   /* recovery when slack: illustrative */

void sim_creep_update(sim_bundle *b, float dt) {
    if (b->material != SIM_MATERIAL_MUSCLE) return;
    const float inv_fmax = 1.0f / b->fibre_fmax;
    for (int j = 0; j < b->np - 1; j++) {
        if (b->seg_kind[j]) continue;
        for (int f = 0; f < b->nf; f++) {
            int i = sim_at(b, f, j);
            float c = b->creep[i];
            float target = CREEP_PER_STRESS * b->tension[i] * inv_fmax;
            target = target > CREEP_MAX ? CREEP_MAX : target;
            float dc = b->strain[i] > 0.0f && target > c ? (target - c) * dt / CREEP_TIME_S : -c * dt / CREEP_RECOVERY_S;
            c += dc;
            b->creep[i] = c > 0.0f ? c : 0.0f;
            b->rest[i] = b->rest0[i] * b->shorten[i] * (1.0f + b->creep[i]);
        }
    }
}
