/* render_list.h: a list of flat 2D shapes and text in drawable pixels (y
 * down) that any module can fill without GL, and the renderer draws over
 * the frame in order (render_list_draw). The interface (src/ui) builds one
 * a frame; the renderer knows nothing of what it means.
 *
 * Text in one list has one size (text_px), measured with render_font so
 * that what is laid out is what is drawn. Within a layer, shapes are drawn
 * in order and then text over them (few draw calls: a software renderer
 * pays for each); render_list_layer starts a layer drawn over everything
 * before it (a tooltip, a sheet).
 */
#ifndef FIBRELAB_RENDER_LIST_H
#define FIBRELAB_RENDER_LIST_H

#include <stdbool.h>

typedef enum render_list_kind { RENDER_LIST_RECT, RENDER_LIST_LINE, RENDER_LIST_TEXT, RENDER_LIST_LAYER } render_list_kind;

typedef struct render_list_item {
    render_list_kind kind;
    float x0, y0, x1, y1;      /* rect corners, line ends, or the text's top left */
    float width;               /* line width (px) */
    unsigned char rgba[4];
    int text;                  /* offset into the list's text */
} render_list_item;

typedef struct render_list {
    render_list_item *items;
    int count, cap;
    char *text;
    int text_len, text_cap;
    float text_px;
    bool failed;               /* out of memory: later items were dropped */
} render_list;

void render_list_clear(render_list *l, float text_px);
void render_list_free(render_list *l);
/* Each returns the item's index (-1 when out of memory). */
int render_list_rect(render_list *l, float x0, float y0, float x1, float y1, const float rgba[4]);
int render_list_line(render_list *l, float x0, float y0, float x1, float y1, float width, const float rgba[4]);
int render_list_text(render_list *l, float x, float y, const char *s, const float rgba[4]);
void render_list_layer(render_list *l);

#endif
