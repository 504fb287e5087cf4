/* render_text.c: baked TrueType text (render_text.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_font.h"
#include "render_gl.h"
#include "render_paths.h"
#include "render_text.h"
#include "stb_truetype.h"

#define ATLAS_W 2048
#define ATLAS_H 1024
#define MAX_GLYPHS 4096

/* The baked ranges: printable ASCII, Latin-1 (degree sign, middle dot), arrows. */
enum { R_ASCII, R_LATIN1, R_ARROWS, R_COUNT };
static const int range_first[R_COUNT] = {32, 0xA0, 0x2190};
static const int range_count[R_COUNT] = {95, 96, 4};

typedef struct text_vertex {
    float x, y, u, v;
    unsigned char rgba[4];
} text_vertex;

struct render_text {
    unsigned char *ttf;
    stbtt_fontinfo info;
    stbtt_packedchar ascii[95], latin1[96], arrows[4];
    float px, ascent, line_height;
    unsigned tex, vao, vbo, program;
    int loc_viewport, loc_atlas;
    text_vertex *verts;
    int count;
};

render_text *render_text_create(const char *font_path, unsigned program, char *err, size_t err_size) {
    render_text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    t->ttf = (unsigned char *)render_read_file(font_path, NULL);
    if (!t->ttf || !stbtt_InitFont(&t->info, t->ttf, stbtt_GetFontOffsetForIndex(t->ttf, 0))) {
        snprintf(err, err_size, "%s: %s", font_path, t->ttf ? "not a TrueType font" : "cannot read");
        free(t->ttf);
        free(t);
        return NULL;
    }
    t->verts = malloc(MAX_GLYPHS * 6 * sizeof *t->verts);
    t->program = program;
    t->loc_viewport = glGetUniformLocation(program, "u_viewport");
    t->loc_atlas = glGetUniformLocation(program, "u_atlas");
    glGenTextures(1, &t->tex);
    glBindTexture(GL_TEXTURE_2D, t->tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glGenVertexArrays(1, &t->vao);
    glGenBuffers(1, &t->vbo);
    glBindVertexArray(t->vao);
    glBindBuffer(GL_ARRAY_BUFFER, t->vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(text_vertex), (void *)offsetof(text_vertex, x));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(text_vertex), (void *)offsetof(text_vertex, u));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(text_vertex), (void *)offsetof(text_vertex, rgba));
    glBindVertexArray(0);
    if (!t->verts || !render_text_set_size(t, 20.0f)) {
        snprintf(err, err_size, "%s: cannot bake the font", font_path);
        render_text_destroy(t);
        return NULL;
    }
    return t;
}

void render_text_destroy(render_text *t) {
    if (!t) return;
    glDeleteTextures(1, &t->tex);
    glDeleteBuffers(1, &t->vbo);
    glDeleteVertexArrays(1, &t->vao);
    free(t->verts);
    free(t->ttf);
    free(t);
}

bool render_text_set_size(render_text *t, float px) {
    px = roundf(px);
    if (px == t->px) return true;
    unsigned char *atlas = calloc(ATLAS_W * ATLAS_H, 1);
    if (!atlas) return false;
    stbtt_pack_context pc;
    if (!stbtt_PackBegin(&pc, atlas, ATLAS_W, ATLAS_H, 0, 1, NULL)) {
        free(atlas);
        return false;
    }
    /* oversampling sharpens small text; large text does not need it */
    stbtt_PackSetOversampling(&pc, px <= 32.0f ? 2 : 1, 1);
    stbtt_pack_range ranges[R_COUNT] = {
        {.font_size = px, .first_unicode_codepoint_in_range = range_first[R_ASCII],
         .num_chars = range_count[R_ASCII], .chardata_for_range = t->ascii},
        {.font_size = px, .first_unicode_codepoint_in_range = range_first[R_LATIN1],
         .num_chars = range_count[R_LATIN1], .chardata_for_range = t->latin1},
        {.font_size = px, .first_unicode_codepoint_in_range = range_first[R_ARROWS],
         .num_chars = range_count[R_ARROWS], .chardata_for_range = t->arrows},
    };
    int ok = stbtt_PackFontRanges(&pc, t->ttf, 0, ranges, R_COUNT);
    stbtt_PackEnd(&pc);
    if (ok) {
        glBindTexture(GL_TEXTURE_2D, t->tex);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, ATLAS_W, ATLAS_H, 0, GL_RED, GL_UNSIGNED_BYTE, atlas);
        int ascent, descent, gap;
        stbtt_GetFontVMetrics(&t->info, &ascent, &descent, &gap);
        float scale = stbtt_ScaleForPixelHeight(&t->info, px);
        t->ascent = roundf((float)ascent * scale);
        t->line_height = roundf((float)(ascent - descent + gap) * scale);
        t->px = px;
    }
    free(atlas);
    return ok != 0;
}

float render_text_line_height(const render_text *t) {
    return t->line_height;
}

float render_text_ascent(const render_text *t) {
    return t->ascent;
}

static const stbtt_packedchar *glyph(const render_text *t, int cp, int *index) {
    const stbtt_packedchar *sets[R_COUNT] = {t->ascii, t->latin1, t->arrows};
    for (int r = 0; r < R_COUNT; r++)
        if (cp >= range_first[r] && cp < range_first[r] + range_count[r]) {
            *index = cp - range_first[r];
            return sets[r];
        }
    *index = '?' - 32;
    return t->ascii;
}

float render_text_width(const render_text *t, const char *s) {
    float x = 0.0f, y = 0.0f;
    while (*s) {
        int index;
        const stbtt_packedchar *set = glyph(t, render_utf8_next(&s), &index);
        stbtt_aligned_quad q;
        stbtt_GetPackedQuad(set, ATLAS_W, ATLAS_H, index, &x, &y, &q, 0);
    }
    return x;
}

void render_text_add(render_text *t, float x, float y, const char *s, const float rgba[4]) {
    unsigned char c[4];
    for (int k = 0; k < 4; k++) c[k] = (unsigned char)lroundf(fminf(fmaxf(rgba[k], 0.0f), 1.0f) * 255.0f);
    float pen_x = roundf(x), pen_y = roundf(y) + t->ascent;
    while (*s && t->count + 6 <= MAX_GLYPHS * 6) {
        int index;
        const stbtt_packedchar *set = glyph(t, render_utf8_next(&s), &index);
        stbtt_aligned_quad q;
        stbtt_GetPackedQuad(set, ATLAS_W, ATLAS_H, index, &pen_x, &pen_y, &q, 0);
        if (q.x1 <= q.x0) continue; /* a space: nothing to draw */
        text_vertex quad[4] = {{q.x0, q.y0, q.s0, q.t0, {0}}, {q.x1, q.y0, q.s1, q.t0, {0}},
                               {q.x1, q.y1, q.s1, q.t1, {0}}, {q.x0, q.y1, q.s0, q.t1, {0}}};
        static const int order[6] = {0, 1, 2, 0, 2, 3};
        for (int i = 0; i < 6; i++) {
            text_vertex *v = &t->verts[t->count++];
            *v = quad[order[i]];
            memcpy(v->rgba, c, 4);
        }
    }
}

void render_text_flush(render_text *t, int width_px, int height_px) {
    if (t->count == 0) return;
    glUseProgram(t->program);
    glUniform2f(t->loc_viewport, (float)width_px, (float)height_px);
    glUniform1i(t->loc_atlas, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, t->tex);
    glBindVertexArray(t->vao);
    glBindBuffer(GL_ARRAY_BUFFER, t->vbo);
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)((size_t)t->count * sizeof *t->verts), t->verts, GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, t->count);
    glBindVertexArray(0);
    t->count = 0;
}
