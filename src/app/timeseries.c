/* timeseries.c: samples of the model's state during a run (see timeseries.h). */
#include <stdlib.h>
#include <string.h>

#include "timeseries.h"

void timeseries_init(timeseries *ts) {
    memset(ts, 0, sizeof *ts);
}

void timeseries_free(timeseries *ts) {
    free(ts->samples);
    memset(ts, 0, sizeof *ts);
}

void timeseries_sample_world(timeseries *ts, const sim_world *w) {
    if (ts->count == ts->capacity) {
        int cap = ts->capacity ? 2 * ts->capacity : 1024;
        timeseries_sample *grown = realloc(ts->samples, (size_t)cap * sizeof *grown);
        if (!grown) {
            ts->out_of_memory = true;
            return;
        }
        ts->samples = grown;
        ts->capacity = cap;
    }
    sim_state st = sim_world_state(w);
    timeseries_sample *s = &ts->samples[ts->count++];
    s->time_s = st.time_s;
    s->joint_deg = st.joint_deg;
    s->pain = st.pain;
    s->tone = st.tone;
    s->locked = st.locked;
    s->pressure_kpa = st.locked ? st.lock_pressure_kpa : 0.0f;
    s->adhesions_released = 0;
    int tangles = sim_world_tangle_count(w);
    for (int i = 0; i < tangles; i++) s->adhesions_released += sim_world_tangle_metrics(w, i).adhesions_released;
    s->tension_n = tangles ? sim_world_tangle_metrics(w, 0).tension_now_n
                           : (sim_world_muscle_count(w) ? sim_world_muscle_metrics(w, 0).tension_now_n : 0.0f);
}
