// fibre.vert: each fibre is a strip of two vertices per particle, pushed
// apart across the view so the strip always faces the camera; the fragment
// shader shades it as a round tube. Widths never fall under u_min_px pixels
// so thin fibres do not break up into dots on a projector.
// The light terms are split here into their side and facing parts, so the
// fragment shader only mixes them (cheap on a software renderer).
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_tangent;
layout(location = 2) in vec2 a_side_radius;  // side -1 or +1, tube radius (m)
layout(location = 3) in vec4 a_colour;

uniform mat4 u_view_proj;
uniform vec3 u_eye;
uniform vec3 u_light_dir;
uniform float u_px_per_depth;  // world size of one pixel at unit distance
uniform float u_min_px;        // smallest half width, in pixels

out float v_side;
out vec4 v_light;   // diffuse (side, facing), highlight (side, facing)
out vec4 v_colour;

void main() {
    vec3 t = normalize(a_tangent);
    vec3 to_eye = u_eye - a_pos;
    float dist = length(to_eye);
    vec3 v = to_eye / dist;
    vec3 s = cross(t, v);
    float sl = length(s);
    s = sl > 1e-6 ? s / sl : vec3(0.0, 1.0, 0.0);
    float r = max(a_side_radius.y, u_min_px * u_px_per_depth * dist);
    gl_Position = u_view_proj * vec4(a_pos + s * (a_side_radius.x * r), 1.0);
    vec3 h = normalize(u_light_dir + v);
    v_side = a_side_radius.x;
    v_light = vec4(dot(s, u_light_dir), dot(v, u_light_dir), dot(s, h), dot(v, h));
    v_colour = a_colour;
}
