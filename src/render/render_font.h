/* render_font.h: text metrics without GL, from the same TrueType font and
 * the same rounding the renderer's text uses (render_text.c), so a layout
 * made by measuring here fits what is drawn. */
#ifndef FIBRELAB_RENDER_FONT_H
#define FIBRELAB_RENDER_FONT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct render_font render_font;

/* The font the renderer uses (assets/fonts, else the system's DejaVu Sans);
 * NULL with one line in err naming the file. */
render_font *render_font_open(char *err, size_t err_size);
void render_font_close(render_font *f);
/* Advance width of a UTF-8 string at a pixel size (rounded as the renderer does). */
float render_font_width(const render_font *f, float px, const char *s);
float render_font_line_height(const render_font *f, float px);
/* Next code point of a UTF-8 string (bad bytes come out as '?'), and
 * whether the renderer bakes it (printable ASCII, Latin-1, arrows; the rest
 * is drawn as '?'). */
int render_utf8_next(const char **s);
bool render_font_has(int cp);
/* The path render_font_open and the renderer read. */
void render_font_path(char *out, size_t out_size);

#endif
