/* render_ramp.c: viridis as a polynomial fit (Matt Zucconi's 6th-degree fit
 * of the matplotlib table, CC0), within 1% of the table everywhere. */
#include "render_ramp.h"

void render_ramp_viridis(float t, float rgb[3]) {
    static const float c[7][3] = {
        {0.2777273272234177f, 0.005407344544966578f, 0.3340998053353061f},
        {0.1050930431085774f, 1.404613529898575f, 1.384590162594685f},
        {-0.3308618287255563f, 0.214847559468213f, 0.09509516302823659f},
        {-4.634230498983486f, -5.799100973351585f, -19.33244095627987f},
        {6.228269936347081f, 14.17993336680509f, 56.69055260068105f},
        {4.776384997670288f, -13.74514537774601f, -65.35303263337234f},
        {-5.435455855934631f, 4.645852612178535f, 26.3124352495832f},
    };
    t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
    for (int k = 0; k < 3; k++) {
        float v = c[6][k];
        for (int i = 5; i >= 0; i--) v = c[i][k] + t * v;
        rgb[k] = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
    }
}
