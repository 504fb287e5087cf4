// mesh.vert: lit meshes (bones, skin, the lock tool, attachment marks).
// No #version line: the loader adds "#version 330 core" (desktop) or
// "#version 300 es" (browser).
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec2 a_uv;

uniform mat4 u_model;
uniform mat4 u_view_proj;
uniform mat3 u_normal_mat;

out vec3 v_world;
out vec3 v_normal;
out vec2 v_uv;

void main() {
    vec4 w = u_model * vec4(a_pos, 1.0);
    v_world = w.xyz;
    v_normal = u_normal_mat * a_normal;
    v_uv = a_uv;
    gl_Position = u_view_proj * w;
}
