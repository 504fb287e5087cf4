/* trace.h: the last 30 s of what the live plots show (joint angle, tension
 * in the tangle, pain, adhesions released) and whether the lock was on, one
 * sample per model step, in a ring. Plain data, no drawing. */
#ifndef FIBRELAB_TRACE_H
#define FIBRELAB_TRACE_H

#include <stdbool.h>

#include "sim.h"

#define TRACE_SECONDS 30.0f
#define TRACE_CAP 1800 /* 30 s at 60 steps a second */

typedef enum trace_series { TRACE_JOINT_DEG, TRACE_TENSION_N, TRACE_PAIN, TRACE_RELEASED, TRACE_SERIES } trace_series;

typedef struct trace {
    float t[TRACE_CAP];
    float v[TRACE_SERIES][TRACE_CAP];
    bool locked[TRACE_CAP];
    int head, count;       /* next slot; samples held */
} trace;

void trace_clear(trace *tr);
void trace_add(trace *tr, const sim_world *w);
/* Sample i, 0 the oldest held. */
int trace_index(const trace *tr, int i);
/* Tension in the tangle: the mean per fibre over the first tangle's span
 * (the muscle's if the lesson has none), N. */
float trace_tangle_tension_n(const sim_world *w);
int trace_released(const sim_world *w, int *total);

#endif
