/* stepper.h: the fixed-dt accumulator. Frames come at whatever rate the
 * display gives; the model always steps by SIM_DT_S. A long frame (a
 * stall, a dragged window) is clamped, so the model falls behind real time
 * instead of spiralling into ever more steps per frame. */
#ifndef FIBRELAB_STEPPER_H
#define FIBRELAB_STEPPER_H

#include <stdbool.h>

#define STEPPER_MAX_FRAME_S 0.1   /* at most this much real time counts per frame (6 steps) */

typedef struct stepper {
    double last_s;   /* clock at the last frame */
    double acc_s;    /* real time not yet stepped */
    bool started;
} stepper;

/* The number of model steps this frame, given the clock now and the speed
 * (1 normal, 0.25 slow, 0 paused). */
int stepper_advance(stepper *s, double now_s, double speed);
/* Share of a step left over (0..1), for drawing between steps if wanted. */
double stepper_alpha(const stepper *s);

#endif
