/* render_internal.h: the renderer's state, shared by render*.c only. */
#ifndef FIBRELAB_RENDER_INTERNAL_H
#define FIBRELAB_RENDER_INTERNAL_H

#include <stdint.h>

#include "render.h"
#include "render_batch.h"
#include "render_mesh.h"
#include "render_text.h"

typedef struct render_gpu_mesh {
    unsigned vao, vbo, ibo;
    int index_count;
} render_gpu_mesh;

/* One vertex of a fibre strip: two per particle, pushed apart in the shader. */
typedef struct render_strip_vertex {
    float pos[3];
    float tangent[3];
    float side, radius_m;
    unsigned char rgba[4];
} render_strip_vertex;

typedef struct render_strips {
    unsigned vao, vbo, ibo;
    render_strip_vertex *v;
    int vertex_count, vertex_cap;
    unsigned *idx;
    int index_count, index_cap;
    size_t gpu_vertex_bytes, gpu_index_bytes; /* what the GL buffers hold room for */
} render_strips;

/* A fibre to draw this frame. */
typedef struct render_fibre_ref {
    float key;        /* distance from the eye: nearest first */
    int muscle, fibre;
} render_fibre_ref;

/* What every fibre of one muscle shares, looked up once a frame. */
typedef struct render_fibre_muscle {
    sim_bundle_view b;
    int bundle;
    float radius, fibre_max_n, axis[3];
} render_fibre_muscle;

/* One row of the fibre being built. */
typedef struct render_fibre_row {
    float value;                 /* on the colour ramp */
    bool tendon, keep;           /* a tendon row; drawn */
    int kept;                    /* the n-th kept row's index (filled in order) */
} render_fibre_row;

/* The fibre builder's memory, kept from frame to frame. */
typedef struct render_fibre_scratch {
    render_fibre_muscle *muscles;
    render_fibre_ref *order;     /* the fibres drawn, in order */
    unsigned *ghost;             /* ghosted segments' indices, before they join the buffer */
    render_fibre_row *rows;
    int muscle_cap, order_cap, ghost_cap, row_cap;
} render_fibre_scratch;

typedef struct render_program {
    unsigned id;
    int model, view_proj, normal_mat, colour, tex, tex_amount, tex_scale, eye, light_dir, rim, spec;
    int px_per_depth, min_px, alpha;
} render_program;

struct render {
    render_program mesh, skin, fibre, flat;
    unsigned text_program;
    render_text *text;
    render_text *list_text;    /* the 2D list's text, at its own size (made on first use) */
    unsigned tex_bone, tex_white;
    /* meshes made for the current world's dimensions */
    render_gpu_mesh bone_prox, bone_dist, skin_prox, skin_dist, skin_joint, tool, strap;
    float built_key[6];
    render_strips fibres;      /* every fibre, then the tangled ones' tangle segments again */
    int fibre_healthy_indices; /* indices of the first part (all fibres) */
    render_fibre_scratch fibre_scratch;
    render_strips links;       /* adhesions */
    render_batch world_batch, screen_batch;
    /* per-world memory */
    const sim_world *world;
    double last_time_s;
    double *released_at;       /* per adhesion, model time of release; -1e9 if seen released already */
    int adhesion_cap;
};

/* render_fibres.c */
void render_fibres_build(render *r, const sim_world *w, render_colour_by by, const render_camera_mats *cam);
void render_fibres_free(render *r);
void render_links_build(render *r, const sim_world *w, double time_s);
void render_strips_upload(render_strips *s);
bool render_strips_init(render_strips *s);
void render_strips_free(render_strips *s);

/* render_overlay.c */
/* Sets up a 2D pass over the whole viewport: pixel coordinates from the top
 * left, no depth test, alpha blending on, the flat program in use. */
void render_begin_2d(render *r, int width_px, int height_px);
void render_overlay_draw(render *r, const sim_world *w, const render_camera *cam, const render_options *opt,
                         int width_px, int height_px);

#endif
