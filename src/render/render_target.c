/* render_target.c: offscreen framebuffers (render_target.h). */
#include <string.h>

#include "render_gl.h"
#include "render_image.h"
#include "render_target.h"

bool render_target_create(render_target *t, int width, int height, int samples) {
    memset(t, 0, sizeof *t);
    GLint max_size = 0, max_samples = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    if (width < 1 || height < 1 || width > max_size || height > max_size) return false;
    if (samples > max_samples) samples = max_samples;
    t->width = width, t->height = height, t->samples = samples;
    glGenFramebuffers(1, &t->fbo);
    glGenRenderbuffers(1, &t->colour);
    glGenRenderbuffers(1, &t->depth);
    glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
    glBindRenderbuffer(GL_RENDERBUFFER, t->colour);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t->colour);
    glBindRenderbuffer(GL_RENDERBUFFER, t->depth);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH_COMPONENT24, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, t->depth);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glGenFramebuffers(1, &t->resolve_fbo);
    glGenRenderbuffers(1, &t->resolve_colour);
    glBindFramebuffer(GL_FRAMEBUFFER, t->resolve_fbo);
    glBindRenderbuffer(GL_RENDERBUFFER, t->resolve_colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t->resolve_colour);
    ok = ok && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!ok) render_target_destroy(t);
    return ok;
}

void render_target_bind(const render_target *t) {
    glBindFramebuffer(GL_FRAMEBUFFER, t->fbo);
}

void render_target_read(const render_target *t, unsigned char *rgba) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, t->fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, t->resolve_fbo);
    glBlitFramebuffer(0, 0, t->width, t->height, 0, 0, t->width, t->height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, t->resolve_fbo);
    render_image_read_framebuffer(t->width, t->height, rgba);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void render_target_destroy(render_target *t) {
    unsigned fb[2] = {t->fbo, t->resolve_fbo}, rb[3] = {t->colour, t->depth, t->resolve_colour};
    for (int i = 0; i < 2; i++)
        if (fb[i]) glDeleteFramebuffers(1, &fb[i]);
    for (int i = 0; i < 3; i++)
        if (rb[i]) glDeleteRenderbuffers(1, &rb[i]);
    memset(t, 0, sizeof *t);
}
