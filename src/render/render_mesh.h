/* render_mesh.h: generated meshes (bones, skin, tool, discs) as plain
 * vertex and index arrays; no GL here, so they can be checked in tests.
 *
 * Every shape is a lathe: a profile of (x, radius) points turned about the
 * +x axis. A model matrix then puts it in place.
 */
#ifndef FIBRELAB_RENDER_MESH_H
#define FIBRELAB_RENDER_MESH_H

#include <stdbool.h>

typedef struct render_vertex {
    float pos[3];
    float normal[3];
    float uv[2];   /* u along the profile's length (m), v around (0..1) */
} render_vertex;

typedef struct render_mesh_data {
    render_vertex *v;
    unsigned *idx;
    int vertex_count, index_count;
} render_mesh_data;

/* Turns the profile (x[i], r[i]), i < n, about +x with `segments` around.
 * Normals come from the profile's slope. False: no memory. */
bool render_mesh_lathe(render_mesh_data *m, const float *x, const float *r, int n, int segments);
/* A capsule along +x from x = 0 to x = length (caps included), radius r. */
bool render_mesh_capsule(render_mesh_data *m, float length, float r, int segments);
/* A bone along +x from x = 0 (joint end) to `length`: a condyle at the joint,
 * a shaft of radius r, a flared far end. */
bool render_mesh_bone(render_mesh_data *m, float length, float r, int segments);
void render_mesh_free(render_mesh_data *m);

#endif
