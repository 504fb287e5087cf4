// skin.vert: the translucent skin, lit per vertex. It covers half the
// picture, so on a software renderer its per-pixel work is what costs:
// the light and the rim (alpha rising at grazing angles, so the skin reads
// as a shell without hiding what is inside) are worked out here, once per
// vertex, with mesh.frag's terms. No texture: at the skin's alpha its
// detail could not be seen, and the fetch cost a third of the skin.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_normal;

uniform mat4 u_model;
uniform mat4 u_view_proj;
uniform mat3 u_normal_mat;
uniform vec4 u_colour;
uniform vec3 u_eye;
uniform vec3 u_light_dir;     // towards the light
uniform float u_rim;

out vec4 v_colour;

void main() {
    vec4 w = u_model * vec4(a_pos, 1.0);
    vec3 n = normalize(u_normal_mat * a_normal);
    vec3 v = normalize(u_eye - w.xyz);
    float diffuse = max(dot(n, u_light_dir), 0.0);
    float sky = 0.5 + 0.5 * n.y;
    vec3 ambient = mix(vec3(0.30, 0.29, 0.28), vec3(0.46, 0.48, 0.52), sky);
    float rim = 1.0 - abs(dot(n, v));
    v_colour = vec4(u_colour.rgb * (ambient + 0.75 * diffuse), clamp(u_colour.a + u_rim * rim * rim, 0.0, 1.0));
    gl_Position = u_view_proj * w;
}
