/* stepper.c: the fixed-dt accumulator (stepper.h). */
#include "sim.h"
#include "stepper.h"

int stepper_advance(stepper *s, double now_s, double speed) {
    if (!s->started) {
        s->started = true;
        s->last_s = now_s;
        s->acc_s = 0.0;
        return 0;
    }
    double dt = now_s - s->last_s;
    s->last_s = now_s;
    if (dt < 0.0) dt = 0.0;
    if (dt > STEPPER_MAX_FRAME_S) dt = STEPPER_MAX_FRAME_S;
    s->acc_s += dt * speed;
    int steps = 0;
    /* a hair of tolerance so 60 Hz vsync gives one step a frame, not 0 and 2 */
    while (s->acc_s >= SIM_DT_S - 1e-4) {
        s->acc_s -= SIM_DT_S;
        steps++;
    }
    if (s->acc_s < 0.0) s->acc_s = 0.0;
    return steps;
}

double stepper_alpha(const stepper *s) {
    return s->acc_s / SIM_DT_S;
}
