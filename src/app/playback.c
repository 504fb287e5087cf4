/* playback.c: scripts played frame by frame (playback.h). */
#include <math.h>

#include "playback.h"

static long long frame_at(double t_s) {
    return llround(t_s * 60.0);
}

void playback_start(playback *p, const script *s) {
    p->s = s;
    p->frame = 0;
    p->next = 0;
    p->end_frame = s ? frame_at(s->end_s) : frame_at(17.0);
}

static void apply_due(playback *p, sim_world *w) {
    if (!p->s) {
        if (p->frame == 0) sim_world_stretch_to(w, 1.0f, 12.0f);
        return;
    }
    while (p->next < p->s->count && frame_at(p->s->actions[p->next].time_s) <= p->frame)
        script_apply(&p->s->actions[p->next++], w);
}

bool playback_step(playback *p, sim_world *w) {
    apply_due(p, w);
    if (p->frame >= p->end_frame) return false;
    sim_world_step(w);
    p->frame++;
    return true;
}
