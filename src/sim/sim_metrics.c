/* sim_metrics.c: what DESIGN.md measures.
 *
 * Alignment index: mean cos^2 of the angle between fibre segments and the
 * muscle's axis (1 = parallel). Strain: mean engineering strain of the
 * segments against their rest length. Resisting torque: the insertion
 * segments' tension times the muscle's moment arm.
 */
#include <math.h>

#include "sim_internal.h"

static float region_alignment(const sim_world *w, int muscle, int row_lo, int row_hi, int tangle, bool healthy) {
    const sim_bundle *b = &w->bundles[w->muscles[muscle].bundle];
    sim_frame fr = sim_muscle_frame(w, muscle, w->joint.deg);
    double sum = 0.0;
    long count = 0;
    for (int j = row_lo; j <= row_hi; j++)
        for (int f = 0; f < b->nf; f++) {
            if (tangle >= 0 && (healthy ? b->tangled[f] != 0 : b->tangled[f] != tangle + 1)) continue;
            int i = sim_at(b, f, j), k = i + b->tile;
            float dx = b->x[k] - b->x[i], dy = b->y[k] - b->y[i], dz = b->z[k] - b->z[i];
            float len2 = dx * dx + dy * dy + dz * dz;
            if (len2 <= 0.0f) continue;
            float c = dx * fr.u[0] + dy * fr.u[1] + dz * fr.u[2];
            sum += c * c / len2;
            count++;
        }
    return count ? (float)(sum / (double)count) : 1.0f;
}

float sim_tangle_alignment(const sim_world *w, int t, bool healthy) {
    const sim_tangle_state *ts = &w->tangles[t];
    if (ts->row_hi < ts->row_lo) return 1.0f;
    return region_alignment(w, ts->d.muscle, ts->row_lo, ts->row_hi, t, healthy);
}

float sim_muscle_alignment(const sim_world *w, int m) {
    const sim_bundle *b = &w->bundles[w->muscles[m].bundle];
    return region_alignment(w, m, 0, b->np - 2, -1, false);
}

static float mean_strain(const sim_bundle *b, int row_lo, int row_hi, int tangle_tag) {
    double sum = 0.0;
    long count = 0;
    for (int j = row_lo; j <= row_hi; j++)
        for (int f = 0; f < b->nf; f++) {
            if (tangle_tag && b->tangled[f] != tangle_tag) continue;
            sum += b->strain[sim_at(b, f, j)];
            count++;
        }
    return count ? (float)(sum / (double)count) : 0.0f;
}

static float mean_tension(const sim_bundle *b, int row_lo, int row_hi, int tangle_tag) {
    double sum = 0.0;
    long count = 0;
    for (int j = row_lo; j <= row_hi; j++)
        for (int f = 0; f < b->nf; f++) {
            if (tangle_tag && b->tangled[f] != tangle_tag) continue;
            sum += b->tension[sim_at(b, f, j)];
            count++;
        }
    return count ? (float)(sum / (double)count) : 0.0f;
}

/* Highest mean strain of any row of muscle belly: the most stretched place. */
float sim_row_strain_max(const sim_world *w) {
    float best = 0.0f;
    for (int m = 0; m < w->desc.muscle_count; m++) {
        const sim_bundle *b = &w->bundles[w->muscles[m].bundle];
        for (int j = 0; j < b->np - 1; j++) {
            if (b->seg_kind[j]) continue;
            float s = mean_strain(b, j, j, 0);
            if (s > best) best = s;
        }
    }
    return best;
}

/* The muscles wrap over the joint (as OpenSim's wrapping surfaces do), so each
 * pulls the distal segment with a moment arm equal to its offset from the
 * bones, whatever the angle: the torque rises with the tension. */
void sim_compute_torque(sim_world *w) {
    float torque = 0.0f;
    for (int m = 0; m < w->desc.muscle_count; m++) {
        const sim_bundle *b = &w->bundles[w->muscles[m].bundle];
        float sum = 0.0f;
        for (int f = 0; f < b->nf; f++) sum += b->tension[sim_at(b, f, b->np - 2)];
        torque += sum * w->muscles[m].d.offset_m;
    }
    w->joint.torque_nm = torque;
}

void sim_metrics_update(sim_world *w) {
    sim_compute_torque(w);
    for (int m = 0; m < w->desc.muscle_count; m++) {
        sim_muscle_state *ms = &w->muscles[m];
        const sim_bundle *b = &w->bundles[ms->bundle];
        float s = mean_strain(b, 0, b->np - 2, 0);
        if (!ms->started) {
            ms->alignment_start = sim_muscle_alignment(w, m);
            ms->started = true;
            ms->peak_strain = s;
        }
        if (s > ms->peak_strain) ms->peak_strain = s;
    }
    for (int t = 0; t < w->desc.tangle_count; t++) {
        sim_tangle_state *ts = &w->tangles[t];
        if (ts->row_hi < ts->row_lo) continue;
        const sim_bundle *b = &w->bundles[w->muscles[ts->d.muscle].bundle];
        float s = mean_strain(b, ts->row_lo, ts->row_hi, t + 1);
        if (!ts->started) {
            ts->alignment_start = sim_tangle_alignment(w, t, false);
            ts->started = true;
            ts->peak_strain = s;
        }
        if (s > ts->peak_strain) ts->peak_strain = s;
    }
}

sim_region_metrics sim_world_muscle_metrics(const sim_world *w, int m) {
    sim_region_metrics r = {0};
    if (m < 0 || m >= w->desc.muscle_count) return r;
    const sim_bundle *b = &w->bundles[w->muscles[m].bundle];
    for (int t = 0; t < w->desc.tangle_count; t++)
        if (w->tangles[t].d.muscle == m) {
            r.adhesions_total += w->tangles[t].adhesions_total;
            r.adhesions_released += w->tangles[t].adhesions_released;
        }
    r.alignment_start = w->muscles[m].alignment_start;
    r.alignment_now = sim_muscle_alignment(w, m);
    r.healthy_alignment = r.alignment_now; /* a whole muscle is its own reference */
    r.peak_strain = w->muscles[m].peak_strain;
    r.strain_now = mean_strain(b, 0, b->np - 2, 0);
    r.tension_now_n = mean_tension(b, 0, b->np - 2, 0);
    return r;
}

sim_region_metrics sim_world_tangle_metrics(const sim_world *w, int t) {
    sim_region_metrics r = {0};
    if (t < 0 || t >= w->desc.tangle_count) return r;
    const sim_tangle_state *ts = &w->tangles[t];
    r.adhesions_total = ts->adhesions_total;
    r.adhesions_released = ts->adhesions_released;
    r.alignment_start = ts->alignment_start;
    r.alignment_now = sim_tangle_alignment(w, t, false);
    r.healthy_alignment = sim_tangle_alignment(w, t, true);
    r.peak_strain = ts->peak_strain;
    if (ts->row_hi >= ts->row_lo) {
        const sim_bundle *b = &w->bundles[w->muscles[ts->d.muscle].bundle];
        r.strain_now = mean_strain(b, ts->row_lo, ts->row_hi, t + 1);
        r.tension_now_n = mean_tension(b, ts->row_lo, ts->row_hi, t + 1);
    }
    return r;
}
