/* sim_adhesion.c: adhesions, the cross-links that hold a tangle together.
 *
 * An adhesion binds a particle of a tangled fibre to its nearest neighbours
 * on other fibres of the same tangle, where they cross. It is a distance constraint
 * (it resists being pulled apart and pushed together); its load is the constraint force (lambda / h^2), averaged over
 * the step. Above its yield load it creeps (its rest length grows) and
 * accumulates damage; at full damage it releases. Holding a load above yield
 * therefore releases more than a brief peak, and loads below yield do nothing.
 *
 * ADHESION STRENGTH IS ILLUSTRATIVE: no measured failure load exists for the
 * "adhesions" of the massage curriculum (see DESIGN.md, evidence notes).
 *
 * While its adhesions hold, a tangled fibre's patch is stiffer and shorter
 * than healthy tissue (the stiff band); as they release it returns to
 * healthy stiffness and length.
 */
#include <math.h>
#include <stdlib.h>

#include "sim_internal.h"

#define LINKS_PER_PARTICLE 2
#define LINK_MIN_LANE_GAP 0.3f    /* linked fibres' lanes lie at least this far apart, of the radius */
#define YIELD_N_PER_FMAX 0.023f    /* mean yield, of a fibre's max force: illustrative */
#define YIELD_SPREAD 0.35f         /* log-normal spread of yields: illustrative */
#define DAMAGE_TIME_S 2.0f         /* at twice the yield load, full damage in this time: illustrative */
#define CREEP_RATE 0.5f            /* 1/s, rest-length creep above yield: illustrative */
#define COMPLIANCE_M_PER_N 1e-3f   /* adhesion compliance: illustrative, stiff next to a lane */
#define ADAPT_MARGIN 1.5f          /* adhesion strength over its load at rest: illustrative */
#define ADAPT_SPREAD 0.0f          /* log-normal spread of that margin: illustrative */
#define TANGLE_STIFFENING 4.0f     /* extra stiffness at severity 1: the patch is 5x stiffer (DESIGN.md) */
#define TANGLE_SHORTENING 0.25f    /* rest-length loss at severity 1: illustrative */

static bool linked(const sim_world *w, int first, int a, int b) {
    for (int k = first; k < w->adhesion_count; k++)
        if ((w->adhesions[k].a == a && w->adhesions[k].b == b) || (w->adhesions[k].a == b && w->adhesions[k].b == a))
            return true;
    return false;
}

bool sim_adhesions_build(sim_world *w) {
    int cap = 0;
    for (int t = 0; t < w->desc.tangle_count; t++) {
        const sim_bundle *b = &w->bundles[w->muscles[w->tangles[t].d.muscle].bundle];
        cap += b->nf * (w->tangles[t].row_hi - w->tangles[t].row_lo + 2) * LINKS_PER_PARTICLE;
    }
    if (cap == 0) return true;
    w->adhesions = calloc((size_t)cap, sizeof *w->adhesions);
    if (!w->adhesions) return false;
    for (int t = 0; t < w->desc.tangle_count; t++) {
        sim_tangle_state *ts = &w->tangles[t];
        int bi = w->muscles[ts->d.muscle].bundle;
        const sim_bundle *b = &w->bundles[bi];
        int first = w->adhesion_count;
        float yield_mean = YIELD_N_PER_FMAX * w->desc.adhesion_yield_scale * w->muscles[ts->d.muscle].d.max_force_n /
                           (float)b->nf;
        for (int j = ts->row_lo + 1; j <= ts->row_hi; j++) {
            for (int f = 0; f < b->nf; f++) {
                if (b->tangled[f] != t + 1) continue;
                int a = sim_at(b, f, j);
                const float min_gap2 = (LINK_MIN_LANE_GAP * b->row_radius[j]) * (LINK_MIN_LANE_GAP * b->row_radius[j]);
                for (int l = 0; l < LINKS_PER_PARTICLE; l++) {
                    int best = -1;
                    float best_d2 = 0.0f;
                    for (int g = 0; g < b->nf; g++) {
                        int c = sim_at(b, g, j);
                        /* only fibres whose lanes lie apart: straightening
                         * pulls the two back to different places, so the
                         * fibres' tension loads the link */
                        float lu = b->lane_u[c] - b->lane_u[a], lv = b->lane_v[c] - b->lane_v[a];
                        if (g == f || b->tangled[g] != t + 1 || lu * lu + lv * lv < min_gap2 || linked(w, first, a, c)) continue;
                        float dx = b->x[c] - b->x[a], dy = b->y[c] - b->y[a], dz = b->z[c] - b->z[a];
                        float d2 = dx * dx + dy * dy + dz * dz;
                        if (best < 0 || d2 < best_d2) best = c, best_d2 = d2;
                    }
                    if (best < 0 || w->adhesion_count >= cap) break;
                    sim_adhesion *ad = &w->adhesions[w->adhesion_count++];
                    ad->bundle = bi, ad->a = a, ad->b = best, ad->tangle = t;
                    ad->rest = sqrtf(best_d2);
                    ad->yield_n = yield_mean * expf(YIELD_SPREAD * sim_rng_normal(&w->rng));
                }
            }
        }
        ts->adhesions_total = w->adhesion_count - first;
    }
    return true;
}

void sim_adhesions_solve(sim_world *w, float h) {
    const float alpha = COMPLIANCE_M_PER_N / (h * h), inv_h2 = 1.0f / (h * h);
    for (int k = 0; k < w->adhesion_count; k++) {
        sim_adhesion *ad = &w->adhesions[k];
        if (ad->released) continue;
        sim_bundle *b = &w->bundles[ad->bundle];
        int a = ad->a, c = ad->b;
        float dx = b->x[c] - b->x[a], dy = b->y[c] - b->y[a], dz = b->z[c] - b->z[a];
        float len = sqrtf(dx * dx + dy * dy + dz * dz);
        float stretch = len - ad->rest;
        float wsum = b->w[a] + b->w[c];
        if (wsum <= 0.0f || len < 1e-9f) continue;
        float dl = -stretch / (wsum + alpha);
        float nx = dx / len, ny = dy / len, nz = dz / len;
        b->x[a] -= b->w[a] * dl * nx, b->y[a] -= b->w[a] * dl * ny, b->z[a] -= b->w[a] * dl * nz;
        b->x[c] += b->w[c] * dl * nx, b->y[c] += b->w[c] * dl * ny, b->z[c] += b->w[c] * dl * nz;
        ad->load_acc += fabsf(dl) * inv_h2;
    }
}

void sim_adhesions_update(sim_world *w, float dt) {
    const float per_sub = 1.0f / (float)w->desc.substeps;
    bool changed[SIM_MAX_TANGLES] = {false};
    for (int k = 0; k < w->adhesion_count; k++) {
        sim_adhesion *ad = &w->adhesions[k];
        if (ad->released) continue;
        ad->load_n = ad->load_acc * per_sub;
        ad->load_acc = 0.0f;
        if (w->settling || ad->load_n <= ad->yield_n) continue;
        float over = (ad->load_n - ad->yield_n) / ad->yield_n;
        ad->damage += dt * over * over / DAMAGE_TIME_S; /* brief or slight overloads do little */
        const sim_bundle *b = &w->bundles[ad->bundle];
        float dx = b->x[ad->b] - b->x[ad->a], dy = b->y[ad->b] - b->y[ad->a], dz = b->z[ad->b] - b->z[ad->a];
        float len = sqrtf(dx * dx + dy * dy + dz * dz);
        ad->rest += dt * CREEP_RATE * (len - ad->rest) * over / (1.0f + over); /* creeps towards its length */
        if (ad->damage >= 1.0f) {
            ad->released = 1;
            ad->load_n = 0.0f;
            w->tangles[ad->tangle].adhesions_released++;
            changed[ad->tangle] = true;
        }
    }
    for (int t = 0; t < w->desc.tangle_count; t++)
        if (changed[t]) sim_tangle_apply_stiffening(w, t);
}

/* Connective tissue adapts to the loads it bears every day (Davis's law): an
 * adhesion that has formed is at least ADAPT_MARGIN times as strong as the
 * load it carries with the limb at rest, so a tangle is stable in everyday
 * postures and survives an ordinary stretch; only loads well beyond them
 * release it (the seed: "basic stretching may not be sufficient"). */
void sim_adhesions_adapt(sim_world *w) {
    for (int k = 0; k < w->adhesion_count; k++) {
        sim_adhesion *ad = &w->adhesions[k];
        float adapted = ADAPT_MARGIN * ad->load_n * expf(ADAPT_SPREAD * sim_rng_normal(&w->rng));
        if (ad->yield_n < adapted) ad->yield_n = adapted;
    }
}

/* The patch of each tangled fibre is stiffer and shorter in proportion to the
 * share of that fibre's adhesions still intact. */
void sim_tangle_apply_stiffening(sim_world *w, int t) {
    sim_tangle_state *ts = &w->tangles[t];
    if (ts->row_hi < ts->row_lo) return;
    sim_bundle *b = &w->bundles[w->muscles[ts->d.muscle].bundle];
    const int nf = b->nf;
    int *total = calloc((size_t)nf, sizeof(int)), *intact = calloc((size_t)nf, sizeof(int));
    if (!total || !intact) {
        free(total), free(intact);
        return;
    }
    for (int k = 0; k < w->adhesion_count; k++) {
        const sim_adhesion *ad = &w->adhesions[k];
        if (ad->tangle != t) continue;
        int f = sim_fibre_of(b, ad->a);
        total[f]++;
        intact[f] += !ad->released;
    }
    const float fibre_max = w->muscles[ts->d.muscle].d.max_force_n / (float)nf;
    for (int f = 0; f < nf; f++) {
        if (b->tangled[f] != t + 1) continue;
        float share = total[f] ? (float)intact[f] / (float)total[f] : 0.0f;
        float sev = ts->d.severity * share;
        for (int j = ts->row_lo; j <= ts->row_hi; j++) {
            int i = sim_at(b, f, j);
            b->fmax[i] = fibre_max * (1.0f + TANGLE_STIFFENING * sev);
            b->shorten[i] = 1.0f - TANGLE_SHORTENING * sev;
            b->rest[i] = b->rest0[i] * b->shorten[i] * (1.0f + b->creep[i]);
        }
    }
    free(total), free(intact);
}
