/* sim_palpate.c: what a therapist's thumb feels when it presses the tissue.
 *
 * Pressed sideways at a point, a taut fibre resists like a string: with
 * tension T and the point a and b from its two ends, a small push d meets
 * T d (1/a + 1/b); the lanes add their own spring. A tangled patch is
 * shorter and stiffer than healthy tissue, so with the muscle on a little
 * stretch it carries more tension and feels like a taut band; still bound,
 * it is also tender. Palpation reads the state and changes nothing.
 */
#include <math.h>
#include <stdlib.h>

#include "sim_internal.h"

#define TENDER_PER_EXCESS 3.0f /* tenderness per unit of stiffening under the tool: illustrative */

sim_palpation sim_world_palpate(const sim_world *w, int muscle, float s, float pressure_kpa) {
    sim_palpation p = {0.0f, 0.0f};
    if (muscle < 0 || muscle >= w->desc.muscle_count || !(s >= 0.0f && s <= 1.0f)) return p;
    int first_fibre[SIM_MAX_BUNDLES] = {0}, all_fibres = 0;
    for (int k = 0; k < w->bundle_count; k++) first_fibre[k] = all_fibres, all_fibres += w->bundles[k].nf;
    sim_touch *touch = malloc((size_t)sim_touch_capacity(w) * sizeof *touch);
    unsigned char *felt = calloc((size_t)all_fibres, 1);
    if (!touch || !felt) {
        free(touch), free(felt);
        return p;
    }
    const int count = sim_tool_footprint(w, muscle, s, SIM_TOOL_THUMB, pressure_kpa, touch);
    double stiffness = 0.0, excess = 0.0;
    int fibres = 0;
    for (int k = 0; k < count; k++) {
        const sim_bundle *b = &w->bundles[touch[k].bundle];
        const int i = touch[k].idx, f = sim_fibre_of(b, i), j = (i - sim_at(b, f, 0)) / b->tile;
        const float tension = fmaxf(0.0f, 0.5f * (b->tension[i - b->tile] + b->tension[i]));
        const float seg = b->rest0[i];
        const float a = (float)j * seg, rest_of = (float)(b->np - 1 - j) * seg;
        stiffness += tension * (1.0f / a + 1.0f / rest_of) + sim_lane_stiffness(w, b);
        excess += b->fmax[i] / b->fibre_fmax - 1.0f;
        unsigned char *mark = &felt[first_fibre[touch[k].bundle] + f];
        fibres += !*mark;
        *mark = 1;
    }
    free(touch), free(felt);
    if (count == 0) return p;
    /* each fibre under the thumb resists once, however many of its
     * particles the footprint happens to hold */
    p.stiffness_n_per_mm = (float)(stiffness / count * fibres * 1e-3);
    float tender = TENDER_PER_EXCESS * (float)(excess / count) * sqrtf(fmaxf(pressure_kpa, 0.0f) / 250.0f);
    p.tenderness = tender < 10.0f ? tender : 10.0f;
    return p;
}
