// mesh.frag: hemisphere ambient + one key light + a little specular; an
// optional texture modulates the colour; u_rim raises the alpha at grazing
// angles so a translucent skin reads as a shell without hiding what is inside.
in vec3 v_world;
in vec3 v_normal;
in vec2 v_uv;

uniform vec4 u_colour;
uniform sampler2D u_tex;
uniform float u_tex_amount;   // 0 plain colour .. 1 full texture detail
uniform vec2 u_tex_scale;
uniform vec3 u_eye;
uniform vec3 u_light_dir;     // towards the light
uniform float u_rim;
uniform float u_spec;

out vec4 o_colour;

void main() {
    vec3 n = normalize(v_normal);
    vec3 v = normalize(u_eye - v_world);
    if (!gl_FrontFacing) n = -n;
    float diffuse = max(dot(n, u_light_dir), 0.0);
    float sky = 0.5 + 0.5 * n.y;
    vec3 ambient = mix(vec3(0.30, 0.29, 0.28), vec3(0.46, 0.48, 0.52), sky);
    // pow(nh, 40) as products: a software renderer's pow is slow
    float nh = max(dot(n, normalize(u_light_dir + v)), 0.0);
    float nh2 = nh * nh, nh4 = nh2 * nh2, nh8 = nh4 * nh4, nh32 = nh8 * nh8 * nh8 * nh8;
    float spec = u_spec * nh32 * nh8;
    // the texture is grey around 0.5: it shades the colour up and down
    // (a uniform branch: untextured meshes skip the fetch)
    vec3 base = u_colour.rgb;
    if (u_tex_amount > 0.0)
        base *= mix(vec3(1.0), texture(u_tex, v_uv * u_tex_scale).rgb * 2.0, u_tex_amount);
    vec3 lit = base * (ambient + 0.75 * diffuse) + vec3(spec);
    float rim = 1.0 - abs(dot(n, v));
    float alpha = clamp(u_colour.a + u_rim * rim * rim, 0.0, 1.0);
    o_colour = vec4(lit, alpha);
}
