/* render_ramp.h: the colour-blind-safe ramp fibres are coloured with
 * (viridis: perceptually even, readable in grey and with red-green colour
 * blindness), and the ranges it spans for each quantity. */
#ifndef FIBRELAB_RENDER_RAMP_H
#define FIBRELAB_RENDER_RAMP_H

#define RENDER_STRAIN_MAX 0.40f   /* strain at the top of the ramp: a stretched belly reaches 0.2-0.3 */
#define RENDER_TENSION_MAX 1.0f   /* tension at the top, of the fibre's max isometric force */

/* viridis at t in [0, 1] (clamped) as linear 0..1 rgb. */
void render_ramp_viridis(float t, float rgb[3]);

#endif
