// flat.vert: unlit coloured geometry: the legend, contact discs, markers.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec4 a_colour;

uniform mat4 u_view_proj;

out vec4 v_colour;

void main() {
    v_colour = a_colour;
    gl_Position = u_view_proj * vec4(a_pos, 1.0);
}
