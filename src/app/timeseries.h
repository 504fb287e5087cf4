/* timeseries.h: what happened during a run, sampled every 0.1 s of model
 * time: the numbers behind a report's plots and its CSV.
 *
 *     timeseries ts; timeseries_init(&ts);
 *     runner_options opt = {.series = &ts};   the runner samples the run
 *     ... report_save(&report, &lesson, &ts, dir, ...);
 *     timeseries_free(&ts);
 */
#ifndef FIBRELAB_TIMESERIES_H
#define FIBRELAB_TIMESERIES_H

#include <stdbool.h>

#include "sim.h"

#define TIMESERIES_EVERY_FRAMES 6 /* 0.1 s at 60 frames per second */

typedef struct timeseries_sample {
    double time_s;
    float joint_deg;
    float tension_n;          /* mean tension per fibre in the first tangle (else the first muscle) */
    float pain;               /* 0..10 */
    float tone;               /* activation 0..1 */
    int adhesions_released;   /* in all tangles */
    bool locked;
    float pressure_kpa;       /* 0 while unlocked */
} timeseries_sample;

typedef struct timeseries {
    timeseries_sample *samples;
    int count, capacity;
    bool out_of_memory;       /* a sample could not be stored (the series is cut short) */
} timeseries;

void timeseries_init(timeseries *ts);
void timeseries_free(timeseries *ts);
/* Appends the world's state now. */
void timeseries_sample_world(timeseries *ts, const sim_world *w);

#endif
