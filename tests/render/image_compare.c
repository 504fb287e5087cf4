/* image_compare.c: compares a rendered PNG with its golden image.
 *
 *     image_compare ACTUAL GOLDEN DIFF
 *
 * Passes (status 0) when the mean absolute difference over all channels is
 * at most MEAN_MAX (0..255) and at most SHARE_MAX of the pixels differ by
 * more than PIXEL_DIFF in some channel: llvmpipe with LP_NUM_THREADS=1 is
 * repeatable, but another Mesa may round a little differently. On failure
 * writes DIFF (differing pixels red over a faded copy of the golden) and
 * names both files. FIBRELAB_REGENERATE_GOLDEN=1 copies ACTUAL over GOLDEN.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stb_image.h"
#include "stb_image_write.h"

#define MEAN_MAX 1.5
#define PIXEL_DIFF 40
#define SHARE_MAX 0.005

static int copy_file(const char *from, const char *to) {
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    if (!in || !out) {
        if (in) fclose(in);
        fprintf(stderr, "image_compare: cannot copy %s to %s\n", from, to);
        return 1;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in);
    return fclose(out) == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: image_compare ACTUAL GOLDEN DIFF\n");
        return 2;
    }
    const char *actual = argv[1], *golden = argv[2], *diff = argv[3];
    const char *regen = getenv("FIBRELAB_REGENERATE_GOLDEN");
    if (regen && strcmp(regen, "1") == 0) {
        printf("image_compare: regenerated %s from %s\n", golden, actual);
        return copy_file(actual, golden);
    }
    int aw, ah, gw, gh, n;
    unsigned char *a = stbi_load(actual, &aw, &ah, &n, 4);
    unsigned char *g = stbi_load(golden, &gw, &gh, &n, 4);
    if (!a || !g) {
        fprintf(stderr, "image_compare: cannot read %s%s (run with FIBRELAB_REGENERATE_GOLDEN=1 to make goldens)\n",
                !a ? actual : golden, !a ? "" : " (golden)");
        return 1;
    }
    if (aw != gw || ah != gh) {
        fprintf(stderr, "image_compare: %s is %dx%d but golden %s is %dx%d\n", actual, aw, ah, golden, gw, gh);
        return 1;
    }
    size_t px = (size_t)aw * (size_t)ah;
    double sum = 0.0;
    size_t differing = 0;
    unsigned char *d = malloc(px * 4);
    for (size_t i = 0; i < px; i++) {
        int worst = 0;
        for (int k = 0; k < 3; k++) {
            int e = abs((int)a[i * 4 + k] - (int)g[i * 4 + k]);
            sum += e;
            if (e > worst) worst = e;
        }
        if (worst > PIXEL_DIFF) differing++;
        if (d) {
            bool bad = worst > PIXEL_DIFF;
            for (int k = 0; k < 3; k++) d[i * 4 + k] = (unsigned char)(bad ? (k == 0 ? 255 : 0) : 170 + g[i * 4 + k] / 3);
            d[i * 4 + 3] = 255;
        }
    }
    double mean = sum / (double)(px * 3), share = (double)differing / (double)px;
    int status = 0;
    if (mean > MEAN_MAX || share > SHARE_MAX) {
        if (d) stbi_write_png(diff, aw, ah, 4, d, aw * 4);
        fprintf(stderr,
                "image_compare: %s differs from %s: mean abs diff %.3f (max %.1f), %.3f%% of pixels off by >%d (max "
                "%.2f%%); difference image: %s\n",
                actual, golden, mean, MEAN_MAX, 100.0 * share, PIXEL_DIFF, 100.0 * SHARE_MAX, diff);
        status = 1;
    } else {
        printf("image_compare: %s matches %s (mean abs diff %.3f, %.3f%% of pixels off)\n", actual, golden, mean,
               100.0 * share);
    }
    free(d);
    stbi_image_free(a);
    stbi_image_free(g);
    return status;
}
