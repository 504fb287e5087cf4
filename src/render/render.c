/* render.c: the renderer's life cycle and the order of a frame.
 *
 * A frame: a plain clear; opaque bones, tendons, the tool and the fibres;
 * the tangled fibres again where they are hidden (ghosted, so the tangle's
 * crossings show through healthy tissue); adhesions on top; the skin as a
 * translucent shell (front faces only, lit per vertex: it covers half the
 * picture); contact disc and cursor; then text.
 */
#include <cglm/cglm.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_font.h"
#include "render_gl.h"
#include "render_image.h"
#include "render_internal.h"
#include "render_limb.h"
#include "render_paths.h"
#include "render_shader.h"
#include "sim_view.h"

#define MESH_SEGMENTS 40
#define TOOL_LENGTH_M 0.06f      /* visible length of the pressing digit */
#define GHOST_ALPHA 0.7f         /* hidden tangled fibres */
#define FIBRE_MIN_PX 0.8f        /* half width in pixels that fibres never go under */
#define LINK_MIN_PX 1.4f         /* adhesions stay visible from afar */

static const float bone_rgba[4] = {0.91f, 0.87f, 0.78f, 1.0f};
static const float tendon_rgba[4] = {0.86f, 0.88f, 0.92f, 1.0f};
static const float skin_rgba[4] = {0.95f, 0.74f, 0.64f, 0.10f};
static const float tool_rgba[4] = {0.93f, 0.46f, 0.20f, 1.0f};      /* orange: not on the viridis ramp */
static const float tool_slip_rgba[4] = {0.80f, 0.12f, 0.12f, 1.0f};

render_options render_options_default(void) {
    return (render_options){.show_skin = true, .show_labels = true, .show_hud = true,
                            .colour_by = RENDER_COLOUR_STRAIN, .cursor_muscle = 0, .cursor_s = 0.5f};
}

render_style render_style_default(void) {
    return (render_style){.background = {0.90f, 0.92f, 0.94f, 1.0f}, .panel = {1.0f, 1.0f, 1.0f, 0.82f},
                          .border = {0.55f, 0.60f, 0.68f, 0.9f}, .ink = {0.10f, 0.13f, 0.18f, 1.0f},
                          .ink_soft = {0.25f, 0.29f, 0.35f, 1.0f}, .line_scale = 1.0f, .text_scale = 1.0f,
                          .ramp_shape = false};
}

render_desc render_desc_default(void) {
#ifdef __EMSCRIPTEN__
    return (render_desc){.shader_dir = NULL, .glsl_version = RENDER_GLSL_ES};
#else
    return (render_desc){.shader_dir = NULL, .glsl_version = RENDER_GLSL_DESKTOP};
#endif
}

static bool load_program(render_program *p, const render_desc *d, const char *name, char *err, size_t err_size) {
    memset(p, 0, sizeof *p);
    p->id = render_shader_load(d->shader_dir, name, d->glsl_version, err, err_size);
    if (!p->id) return false;
    const struct {
        int *slot;
        const char *name;
    } u[] = {{&p->model, "u_model"},     {&p->view_proj, "u_view_proj"},   {&p->normal_mat, "u_normal_mat"},
             {&p->colour, "u_colour"},   {&p->tex, "u_tex"},               {&p->tex_amount, "u_tex_amount"},
             {&p->tex_scale, "u_tex_scale"}, {&p->eye, "u_eye"},           {&p->light_dir, "u_light_dir"},
             {&p->rim, "u_rim"},         {&p->spec, "u_spec"},             {&p->px_per_depth, "u_px_per_depth"},
             {&p->min_px, "u_min_px"},   {&p->alpha, "u_alpha"}};
    for (size_t i = 0; i < sizeof u / sizeof *u; i++) *u[i].slot = glGetUniformLocation(p->id, u[i].name);
    return true;
}

static void mesh_upload(render_gpu_mesh *g, const render_mesh_data *m) {
    if (!g->vao) {
        glGenVertexArrays(1, &g->vao);
        glGenBuffers(1, &g->vbo);
        glGenBuffers(1, &g->ibo);
    }
    glBindVertexArray(g->vao);
    glBindBuffer(GL_ARRAY_BUFFER, g->vbo);
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)((size_t)m->vertex_count * sizeof *m->v), m->v, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g->ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)((size_t)m->index_count * sizeof *m->idx), m->idx,
                 GL_STATIC_DRAW);
    GLsizei stride = sizeof(render_vertex);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, (void *)offsetof(render_vertex, pos));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, (void *)offsetof(render_vertex, normal));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, (void *)offsetof(render_vertex, uv));
    glBindVertexArray(0);
    g->index_count = m->index_count;
}

static void mesh_free(render_gpu_mesh *g) {
    glDeleteBuffers(1, &g->vbo);
    glDeleteBuffers(1, &g->ibo);
    glDeleteVertexArrays(1, &g->vao);
    memset(g, 0, sizeof *g);
}

static bool make_mesh(render_gpu_mesh *g, bool ok, render_mesh_data *m) {
    if (ok) mesh_upload(g, m);
    render_mesh_free(m);
    return ok;
}

/* (Re)builds the meshes whose size depends on the world. */
static void build_world_meshes(render *r, const sim_world *w) {
    sim_view_joint j = sim_view_joint_get(w);
    float rb = render_limb_bone_radius(w), rs = render_limb_skin_radius(w);
    sim_view_lock l = sim_view_lock_get(w);
    float key[6] = {j.proximal_m, j.distal_m, rb, rs, l.radius_m, 0.0f};
    if (memcmp(key, r->built_key, sizeof key) == 0) return;
    memcpy(r->built_key, key, sizeof key);
    render_mesh_data m;
    const float gap = 0.25f * rb; /* the joint space */
    make_mesh(&r->bone_prox, render_mesh_bone(&m, j.proximal_m - gap, rb, MESH_SEGMENTS), &m);
    make_mesh(&r->bone_dist, render_mesh_bone(&m, j.distal_m - gap, rb, MESH_SEGMENTS), &m);
    make_mesh(&r->skin_prox, render_mesh_capsule(&m, 0.92f * j.proximal_m + rs, rs, MESH_SEGMENTS), &m);
    make_mesh(&r->skin_dist, render_mesh_capsule(&m, 0.92f * j.distal_m + rs, rs, MESH_SEGMENTS), &m);
    make_mesh(&r->tool, render_mesh_capsule(&m, TOOL_LENGTH_M, fmaxf(l.radius_m, 0.004f), 24), &m);
    make_mesh(&r->strap, render_mesh_capsule(&m, 1.0f, 0.5f, 16), &m);
}

render *render_create(const render_desc *desc, char *err, size_t err_size) {
    render *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    render_program text;
    if (!load_program(&r->mesh, desc, "mesh", err, err_size) || !load_program(&r->fibre, desc, "fibre", err, err_size) ||
        !load_program(&r->skin, desc, "skin", err, err_size) ||
        !load_program(&r->flat, desc, "flat", err, err_size) ||
        !load_program(&text, desc, "text", err, err_size)) {
        render_destroy(r);
        return NULL;
    }
    r->text_program = text.id;
    if (!(r->tex_bone = render_image_load_texture("bone.png", err, err_size))) {
        render_destroy(r);
        return NULL;
    }
    char font[RENDER_PATH_MAX];
    render_font_path(font, sizeof font);
    if (!(r->text = render_text_create(font, r->text_program, err, err_size))) {
        render_destroy(r);
        return NULL;
    }
    static const unsigned char white[4] = {128, 128, 128, 255}; /* mid grey: "no detail" for mesh.frag */
    glGenTextures(1, &r->tex_white);
    glBindTexture(GL_TEXTURE_2D, r->tex_white);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    render_strips_init(&r->fibres);
    render_strips_init(&r->links);
    render_batch_init(&r->world_batch);
    render_batch_init(&r->screen_batch);
    return r;
}

void render_destroy(render *r) {
    if (!r) return;
    render_program *progs[] = {&r->mesh, &r->skin, &r->fibre, &r->flat};
    for (size_t i = 0; i < sizeof progs / sizeof *progs; i++)
        if (progs[i]->id) glDeleteProgram(progs[i]->id);
    if (r->text_program) glDeleteProgram(r->text_program);
    render_text_destroy(r->text);
    render_text_destroy(r->list_text);
    unsigned tex[] = {r->tex_bone, r->tex_white};
    for (size_t i = 0; i < sizeof tex / sizeof *tex; i++)
        if (tex[i]) glDeleteTextures(1, &tex[i]);
    render_gpu_mesh *meshes[] = {&r->bone_prox, &r->bone_dist, &r->skin_prox, &r->skin_dist,
                                 &r->skin_joint, &r->tool, &r->strap};
    for (size_t i = 0; i < sizeof meshes / sizeof *meshes; i++)
        if (meshes[i]->vao) mesh_free(meshes[i]);
    if (r->fibres.vao) render_strips_free(&r->fibres);
    render_fibres_free(r);
    if (r->links.vao) render_strips_free(&r->links);
    if (r->world_batch.vao) render_batch_free(&r->world_batch);
    if (r->screen_batch.vao) render_batch_free(&r->screen_batch);
    free(r->released_at);
    free(r);
}

void render_reset_world(render *r) {
    r->world = NULL;
    memset(r->built_key, 0, sizeof r->built_key);
}

/* ---- drawing helpers ---- */

typedef struct frame_ctx {
    render_camera_mats m;
    float light[3];
} frame_ctx;

static void draw_mesh_with(const render_program *p, const render_gpu_mesh *g, mat4 model, const float rgba[4],
                           unsigned tex, float tex_amount, float rim, float spec) {
    mat3 nm;
    mat4 inv;
    glm_mat4_inv(model, inv);
    glm_mat4_transpose(inv);
    glm_mat4_pick3(inv, nm);
    glUniformMatrix4fv(p->model, 1, GL_FALSE, (const float *)model);
    glUniformMatrix3fv(p->normal_mat, 1, GL_FALSE, (const float *)nm);
    glUniform4fv(p->colour, 1, rgba);
    glUniform1f(p->tex_amount, tex_amount);
    glUniform1f(p->rim, rim);
    glUniform1f(p->spec, spec);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, tex);
    glBindVertexArray(g->vao);
    glDrawElements(GL_TRIANGLES, g->index_count, GL_UNSIGNED_INT, NULL);
}

static void draw_mesh(render *r, const frame_ctx *f, const render_gpu_mesh *g, mat4 model, const float rgba[4],
                      unsigned tex, float tex_amount, float rim, float spec) {
    (void)f;
    draw_mesh_with(&r->mesh, g, model, rgba, tex, tex_amount, rim, spec);
}

/* A model matrix taking +x to the unit vector `dir`, placed at `at`. */
static void along(const float at[3], const float dir[3], float scale_x, float scale_r, mat4 out) {
    vec3 x = {dir[0], dir[1], dir[2]}, helper = {0.0f, 0.0f, 1.0f}, y, z;
    glm_vec3_normalize(x);
    if (fabsf(x[2]) > 0.9f) helper[0] = 1.0f, helper[2] = 0.0f;
    glm_vec3_cross(helper, x, y);
    glm_vec3_normalize(y);
    glm_vec3_cross(x, y, z);
    glm_mat4_identity(out);
    for (int k = 0; k < 3; k++) {
        out[0][k] = x[k] * scale_x;
        out[1][k] = y[k] * scale_r;
        out[2][k] = z[k] * scale_r;
        out[3][k] = at[k];
    }
}

static void use_lit_program(const render_program *p, const frame_ctx *f) {
    glUseProgram(p->id);
    glUniformMatrix4fv(p->view_proj, 1, GL_FALSE, f->m.view_proj);
    glUniform3fv(p->eye, 1, f->m.eye);
    glUniform3fv(p->light_dir, 1, f->light);
    glUniform1i(p->tex, 0);
    glUniform2f(p->tex_scale, 12.0f, 1.0f);
}

static void use_mesh_program(render *r, const frame_ctx *f) {
    use_lit_program(&r->mesh, f);
}

/* Bones, tendon straps to the bone (the attachment areas), and the tool. */
static void draw_solids(render *r, const sim_world *w, const frame_ctx *f) {
    sim_view_joint j = sim_view_joint_get(w);
    float rb = render_limb_bone_radius(w), gap = 0.25f * rb;
    use_mesh_program(r, f);
    /* closed shells: their inner faces are never seen */
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    mat4 model;
    float prox_dir[3] = {-1.0f, 0.0f, 0.0f}, prox_at[3] = {-gap, 0.0f, 0.0f};
    along(prox_at, prox_dir, 1.0f, 1.0f, model);
    draw_mesh(r, f, &r->bone_prox, model, bone_rgba, r->tex_bone, 0.8f, 0.0f, 0.25f);
    float c = cosf(j.q_rad), s = sinf(j.q_rad);
    float dist_dir[3] = {c, s, 0.0f}, dist_at[3] = {gap * c, gap * s, 0.0f};
    along(dist_at, dist_dir, 1.0f, 1.0f, model);
    draw_mesh(r, f, &r->bone_dist, model, bone_rgba, r->tex_bone, 0.8f, 0.0f, 0.25f);

    /* tendons: from each end of every muscle to the bone beneath */
    for (int m = 0; m < sim_world_muscle_count(w); m++) {
        sim_view_muscle mv = sim_view_muscle_get(w, m);
        sim_bundle_view b = sim_world_bundle(w, mv.bundle);
        for (int end = 0; end < 2; end++) {
            int row = end ? b.particles - 1 : 0;
            float centre[3] = {0, 0, 0};
            for (int fi = 0; fi < b.fibres; fi++) {
                int i = sim_view_index(&b, fi, row);
                centre[0] += b.x[i] / (float)b.fibres;
                centre[1] += b.y[i] / (float)b.fibres;
                centre[2] += b.z[i] / (float)b.fibres;
            }
            /* the foot: the bone surface straight below, in that bone's frame */
            float q = end ? j.q_rad : 0.0f, cq = cosf(q), sq = sinf(q);
            float local_y = -sq * centre[0] + cq * centre[1], local_z = centre[2];
            float rad = hypotf(local_y, local_z);
            if (rad < 1e-6f) continue;
            float down[3] = {-(-sq * local_y / rad), -(cq * local_y / rad), -local_z / rad};
            float len = rad - rb * 0.9f;
            float strap_r = 0.3f * mv.radius_m; /* the spindle's end radius (sim_build.c) */
            float start[3];
            for (int k = 0; k < 3; k++) start[k] = centre[k] - down[k] * strap_r;
            along(start, down, len + strap_r, 2.0f * strap_r, model);
            draw_mesh(r, f, &r->strap, model, tendon_rgba, r->tex_white, 0.0f, 0.0f, 0.35f);
        }
    }

    sim_view_lock l = sim_view_lock_get(w);
    if (l.active) {
        /* the digit comes in from above, leaning a little towards the origin */
        float dir[3];
        for (int k = 0; k < 3; k++) dir[k] = l.normal[k] * 0.94f - l.axis[k] * 0.34f;
        float tip[3];
        /* pressed in: the tip sits below the surface by the depth the pressure reaches */
        float sink = fminf(l.depth_m * 0.35f, 0.5f * l.radius_m);
        for (int k = 0; k < 3; k++) tip[k] = l.centre[k] - l.normal[k] * sink;
        along(tip, dir, 1.0f, 1.0f, model);
        draw_mesh(r, f, &r->tool, model, l.sliding ? tool_slip_rgba : tool_rgba, r->tex_white, 0.0f, 0.0f, 0.4f);
    }
    glDisable(GL_CULL_FACE);
}

static void use_fibre_program(render *r, const frame_ctx *f, float alpha, float min_px) {
    const render_program *p = &r->fibre;
    glUseProgram(p->id);
    glUniformMatrix4fv(p->view_proj, 1, GL_FALSE, f->m.view_proj);
    glUniform3fv(p->eye, 1, f->m.eye);
    glUniform3fv(p->light_dir, 1, f->light);
    glUniform1f(p->px_per_depth, f->m.px_per_depth);
    glUniform1f(p->min_px, min_px);
    glUniform1f(p->alpha, alpha);
}

static void draw_skin(render *r, const sim_world *w, const frame_ctx *f) {
    sim_view_joint j = sim_view_joint_get(w);
    float rs = render_limb_skin_radius(w), yc = render_limb_skin_centre(w);
    mat4 prox, dist;
    float c = cosf(j.q_rad), s = sinf(j.q_rad);
    float prox_dir[3] = {-1.0f, 0.0f, 0.0f}, dist_dir[3] = {c, s, 0.0f};
    /* each tube starts a radius short of the hinge so the two meet round */
    float prox_at[3] = {rs, yc, 0.0f}, dist_at[3] = {-rs * c - yc * s, -rs * s + yc * c, 0.0f};
    along(prox_at, prox_dir, 1.0f, 1.0f, prox);
    along(dist_at, dist_dir, 1.0f, 1.0f, dist);
    use_lit_program(&r->skin, f);
    /* front faces only, blended once: the far side of the tube would only
     * darken the view and double the cost */
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glDepthMask(GL_FALSE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    draw_mesh_with(&r->skin, &r->skin_prox, prox, skin_rgba, r->tex_white, 0.0f, 0.35f, 0.0f);
    draw_mesh_with(&r->skin, &r->skin_dist, dist, skin_rgba, r->tex_white, 0.0f, 0.35f, 0.0f);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
}

/* The contact disc under the tool, and the keyboard's lock cursor. */
static void draw_marks(render *r, const sim_world *w, const frame_ctx *f, const render_options *opt) {
    render_batch *b = &r->world_batch;
    sim_view_lock l = sim_view_lock_get(w);
    if (l.active) {
        float e2[3];
        glm_vec3_cross(l.normal, l.axis, e2);
        float c[3];
        for (int k = 0; k < 3; k++) c[k] = l.centre[k] + l.normal[k] * 0.0005f;
        const float *ring = l.sliding ? tool_slip_rgba : tool_rgba;
        float fill[4] = {ring[0], ring[1], ring[2], 0.30f};
        render_batch_ring(b, c, l.axis, e2, 0.0f, l.radius_m, 40, fill);
        render_batch_ring(b, c, l.axis, e2, l.radius_m, l.radius_m * 1.18f, 40, ring);
    } else if (opt->show_cursor && opt->cursor_muscle >= 0 && opt->cursor_muscle < sim_world_muscle_count(w)) {
        sim_view_muscle mv = sim_view_muscle_get(w, opt->cursor_muscle);
        float c[3], e2[3];
        sim_view_muscle_surface(w, opt->cursor_muscle, opt->cursor_s, c);
        glm_vec3_cross(mv.superficial, mv.axis, e2);
        float radius = sqrtf(sim_tool_area_m2(SIM_TOOL_THUMB) / GLM_PIf);
        float ring[4] = {tool_rgba[0], tool_rgba[1], tool_rgba[2], 0.9f};
        for (int i = 0; i < 12; i += 2) { /* dashed: a place, not a tool */
            float a0 = GLM_PIf * (float)i / 6.0f;
            float mid[3], e1r[3], e2r[3];
            for (int k = 0; k < 3; k++) {
                e1r[k] = cosf(a0) * mv.axis[k] + sinf(a0) * e2[k];
                e2r[k] = -sinf(a0) * mv.axis[k] + cosf(a0) * e2[k];
                mid[k] = c[k] + mv.superficial[k] * 0.0005f;
            }
            render_batch_ring(b, mid, e1r, e2r, radius, radius * 1.25f, 24, ring);
            (void)e2r;
        }
    }
    if (b->count == 0) return;
    glUseProgram(r->flat.id);
    glUniformMatrix4fv(r->flat.view_proj, 1, GL_FALSE, f->m.view_proj);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    render_batch_flush(b);
    glEnable(GL_DEPTH_TEST);
}

void render_frame(render *r, const sim_world *w, const render_camera *cam, const render_options *opt, int width_px,
                  int height_px) {
    render_frame_at(r, w, cam, opt, 0, 0, width_px, height_px, height_px);
}

void render_frame_at(render *r, const sim_world *w, const render_camera *cam, const render_options *opt, int x, int y,
                     int width_px, int height_px, int frame_h) {
    render_style def = render_style_default();
    const render_style *style = opt->style ? opt->style : &def;
    frame_ctx f = {.m = render_camera_matrices(cam, width_px, height_px)};
    /* key light from the viewer's upper left, so the side we look at is lit */
    for (int k = 0; k < 3; k++) f.light[k] = -0.35f * f.m.right[k] + 0.6f * f.m.up[k] - 0.7f * f.m.forward[k];
    glm_vec3_normalize(f.light);
    sim_state st = sim_world_state(w);
    build_world_meshes(r, w);
    render_fibres_build(r, w, opt->colour_by, &f.m);
    render_links_build(r, w, st.time_s);

    glViewport(x, frame_h - y - height_px, width_px, height_px);
    glScissor(x, frame_h - y - height_px, width_px, height_px);
    glEnable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glDepthMask(GL_TRUE);
    /* a plain light background: a clear is nearly free, a full-screen pass is
     * not on a software renderer */
    glClearColor(style->background[0], style->background[1], style->background[2], style->background[3]);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    draw_solids(r, w, &f);

    use_fibre_program(r, &f, 1.0f, FIBRE_MIN_PX);
    glBindVertexArray(r->fibres.vao);
    glDrawElements(GL_TRIANGLES, r->fibre_healthy_indices, GL_UNSIGNED_INT, NULL);

    /* the tangle's fibres where healthy tissue hides them, ghosted */
    int tangled = r->fibres.index_count - r->fibre_healthy_indices;
    if (tangled > 0) {
        use_fibre_program(r, &f, GHOST_ALPHA, FIBRE_MIN_PX);
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glDepthFunc(GL_GREATER);
        glDepthMask(GL_FALSE);
        glDrawElements(GL_TRIANGLES, tangled, GL_UNSIGNED_INT,
                       (void *)((size_t)r->fibre_healthy_indices * sizeof(unsigned)));
        glDepthFunc(GL_LESS);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }

    /* adhesions on top of everything: they are what the lesson is about */
    if (r->links.index_count > 0) {
        use_fibre_program(r, &f, 1.0f, LINK_MIN_PX);
        glDisable(GL_DEPTH_TEST);
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glBindVertexArray(r->links.vao);
        glDrawElements(GL_TRIANGLES, r->links.index_count, GL_UNSIGNED_INT, NULL);
        glDisable(GL_BLEND);
        glEnable(GL_DEPTH_TEST);
    }

    if (opt->show_skin) draw_skin(r, w, &f);
    draw_marks(r, w, &f, opt);
    render_overlay_draw(r, w, cam, opt, width_px, height_px);
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}
