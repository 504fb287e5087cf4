/* render_text.h: text in pixels with a TrueType font baked by stb_truetype.
 * Latin-1 and the four arrows are baked; other characters draw as '?'. */
#ifndef FIBRELAB_RENDER_TEXT_H
#define FIBRELAB_RENDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct render_text render_text;

/* The font file is read once; `program` is the linked "text" shader. */
render_text *render_text_create(const char *font_path, unsigned program, char *err, size_t err_size);
void render_text_destroy(render_text *t);
/* Bakes the glyphs at `px` pixels (cheap when unchanged). */
bool render_text_set_size(render_text *t, float px);
float render_text_line_height(const render_text *t);
float render_text_ascent(const render_text *t);
float render_text_width(const render_text *t, const char *utf8);
/* Queues a string with its top-left corner at (x, y) pixels; rgba 0..1. */
void render_text_add(render_text *t, float x, float y, const char *utf8, const float rgba[4]);
/* Draws what was queued on a viewport of w x h pixels, and empties the queue. */
void render_text_flush(render_text *t, int width_px, int height_px);

#endif
