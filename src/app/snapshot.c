/* snapshot.c: offscreen pictures (snapshot.h). */
#include <stdio.h>
#include <stdlib.h>

#include "controls.h"
#include "platform.h"
#include "render_gl.h"
#include "render_target.h"
#include "snapshot.h"

#define SNAPSHOT_SAMPLES 0   /* as the window: multisampling costs ~2.5x on llvmpipe */

struct snapshot {
    platform *plat;
    render *rend;
    render_target target;
};

snapshot *snapshot_open(int width_px, int height_px, char *err, size_t err_size) {
    snapshot *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    platform_desc pd = platform_desc_default();
    pd.width = 64, pd.height = 64; /* the picture is drawn offscreen, at its own size */
    pd.hidden = true;
    pd.offscreen = true;
    pd.vsync = false;
    pd.msaa_samples = 0;
    if (!(s->plat = platform_create(&pd, err, err_size))) {
        free(s);
        return NULL;
    }
    render_desc rd = render_desc_default();
    if (!(s->rend = render_create(&rd, err, err_size))) {
        snapshot_close(s);
        return NULL;
    }
    if (!render_target_create(&s->target, width_px, height_px, SNAPSHOT_SAMPLES)) {
        snprintf(err, err_size, "--size: %dx%d is more than this computer's graphics can draw offscreen", width_px,
                 height_px);
        snapshot_close(s);
        return NULL;
    }
    return s;
}

void snapshot_close(snapshot *s) {
    if (!s) return;
    if (s->target.fbo) render_target_destroy(&s->target);
    render_destroy(s->rend);
    platform_destroy(s->plat);
    free(s);
}

render *snapshot_renderer(snapshot *s) {
    return s->rend;
}

void snapshot_draw(snapshot *s, const sim_world *w, const render_camera *cam, const render_options *opt,
                   unsigned char *rgba) {
    render_target_bind(&s->target);
    render_frame(s->rend, w, cam, opt, s->target.width, s->target.height);
    if (rgba) render_target_read(&s->target, rgba);
}

void snapshot_bind(snapshot *s) {
    render_target_bind(&s->target);
}

void snapshot_read(snapshot *s, unsigned char *rgba) {
    render_target_read(&s->target, rgba);
}

void snapshot_finish(snapshot *s) {
    (void)s;
    glFinish();
}

render_options snapshot_options(const sim_world *w, const char *title, char status[][128], int max_status) {
    controls c = controls_make(w);
    render_options o = controls_render_options(&c);
    o.title = title;
    o.status_count = controls_status(&c, w, status, max_status < RENDER_STATUS_LINES ? max_status : RENDER_STATUS_LINES);
    for (int i = 0; i < o.status_count; i++) o.status[i] = status[i];
    return o;
}
