// fibre.frag: tube shading across the strip: the normal turns from the side
// (x = -1, +1) to the viewer (x = 0), so crossing fibres read as round
// strands; a dark rim keeps neighbouring strands apart.
in float v_side;
in vec4 v_light;
in vec4 v_colour;

uniform float u_alpha;

out vec4 o_colour;

void main() {
    float x = clamp(v_side, -1.0, 1.0);
    float c = sqrt(max(1.0 - x * x, 0.0));
    float diffuse = max(x * v_light.x + c * v_light.y, 0.0);
    float nh = max(x * v_light.z + c * v_light.w, 0.0);
    float nh2 = nh * nh, nh4 = nh2 * nh2, nh8 = nh4 * nh4;
    float spec = 0.25 * nh8 * nh8;   // about pow(nh, 16)
    float edge = 0.45 + 0.55 * min(c * 1.8, 1.0);
    vec3 lit = v_colour.rgb * (0.55 + 0.6 * diffuse) * edge + vec3(spec);
    o_colour = vec4(lit, v_colour.a * u_alpha);
}
