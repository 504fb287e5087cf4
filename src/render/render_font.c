/* render_font.c: GL-free text metrics (render_font.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "render_font.h"
#include "render_paths.h"
#include "stb_truetype.h"

struct render_font {
    unsigned char *ttf;
    stbtt_fontinfo info;
};

void render_font_path(char *out, size_t out_size) {
    if (!render_find_file("assets/fonts/DejaVuSans.ttf", out, out_size))
        snprintf(out, out_size, "%s", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}

render_font *render_font_open(char *err, size_t err_size) {
    char path[RENDER_PATH_MAX];
    render_font_path(path, sizeof path);
    render_font *f = calloc(1, sizeof *f);
    if (f) f->ttf = (unsigned char *)render_read_file(path, NULL);
    if (!f || !f->ttf || !stbtt_InitFont(&f->info, f->ttf, stbtt_GetFontOffsetForIndex(f->ttf, 0))) {
        snprintf(err, err_size, "%s: %s", path, !f ? "out of memory" : f->ttf ? "not a TrueType font" : "cannot read");
        render_font_close(f);
        return NULL;
    }
    return f;
}

void render_font_close(render_font *f) {
    if (!f) return;
    free(f->ttf);
    free(f);
}

int render_utf8_next(const char **s) {
    const unsigned char *p = (const unsigned char *)*s;
    int cp, extra;
    if (p[0] < 0x80) cp = p[0], extra = 0;
    else if ((p[0] & 0xE0) == 0xC0) cp = p[0] & 0x1F, extra = 1;
    else if ((p[0] & 0xF0) == 0xE0) cp = p[0] & 0x0F, extra = 2;
    else if ((p[0] & 0xF8) == 0xF0) cp = p[0] & 0x07, extra = 3;
    else {
        (*s)++;
        return '?';
    }
    for (int i = 1; i <= extra; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *s += i;
            return '?';
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    *s += extra + 1;
    return cp;
}

bool render_font_has(int cp) {
    return (cp >= 32 && cp < 127) || (cp >= 0xA0 && cp < 0x100) || (cp >= 0x2190 && cp < 0x2194);
}

float render_font_width(const render_font *f, float px, const char *s) {
    float scale = stbtt_ScaleForPixelHeight(&f->info, roundf(px)), x = 0.0f;
    while (*s) {
        int cp = render_utf8_next(&s), advance, lsb;
        stbtt_GetCodepointHMetrics(&f->info, render_font_has(cp) ? cp : '?', &advance, &lsb);
        x += scale * (float)advance;
    }
    return x;
}

float render_font_line_height(const render_font *f, float px) {
    int ascent, descent, gap;
    stbtt_GetFontVMetrics(&f->info, &ascent, &descent, &gap);
    return roundf((float)(ascent - descent + gap) * stbtt_ScaleForPixelHeight(&f->info, roundf(px)));
}
