/* playback.h: plays an action script on a world frame by frame, with the
 * runner's timing (an action at t applies before the step that begins at
 * frame round(t * 60); the script ends at frame round(end_s * 60)), so a
 * picture of a script's last frame shows the state the report describes. */
#ifndef FIBRELAB_PLAYBACK_H
#define FIBRELAB_PLAYBACK_H

#include <stdbool.h>

#include "script.h"
#include "sim.h"

typedef struct playback {
    const script *s;   /* NULL: the plain stretch (to 1 over 12 s, ends at 17 s) */
    long long frame, end_frame;
    int next;
} playback;

void playback_start(playback *p, const script *s);
/* Applies the actions due and steps once; false (nothing done) at the end. */
bool playback_step(playback *p, sim_world *w);

#endif
