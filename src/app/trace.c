/* trace.c: the plots' history (trace.h). */
#include <string.h>

#include "trace.h"

void trace_clear(trace *tr) {
    tr->head = tr->count = 0;
}

float trace_tangle_tension_n(const sim_world *w) {
    if (sim_world_tangle_count(w) > 0) return sim_world_tangle_metrics(w, 0).tension_now_n;
    return sim_world_muscle_count(w) > 0 ? sim_world_muscle_metrics(w, 0).tension_now_n : 0.0f;
}

int trace_released(const sim_world *w, int *total) {
    int released = 0, all = 0;
    for (int t = 0; t < sim_world_tangle_count(w); t++) {
        sim_region_metrics m = sim_world_tangle_metrics(w, t);
        all += m.adhesions_total;
        released += m.adhesions_released;
    }
    if (total) *total = all;
    return released;
}

void trace_add(trace *tr, const sim_world *w) {
    sim_state st = sim_world_state(w);
    int i = tr->head;
    tr->t[i] = (float)st.time_s;
    tr->v[TRACE_JOINT_DEG][i] = st.joint_deg;
    tr->v[TRACE_TENSION_N][i] = trace_tangle_tension_n(w);
    tr->v[TRACE_PAIN][i] = st.pain;
    tr->v[TRACE_RELEASED][i] = (float)trace_released(w, NULL);
    tr->locked[i] = st.locked;
    tr->head = (tr->head + 1) % TRACE_CAP;
    if (tr->count < TRACE_CAP) tr->count++;
}

int trace_index(const trace *tr, int i) {
    return (tr->head - tr->count + i + 2 * TRACE_CAP) % TRACE_CAP;
}
