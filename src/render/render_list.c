/* render_list.c: filling a 2D list (render_list.h); no GL here. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render_list.h"

void render_list_clear(render_list *l, float text_px) {
    l->count = 0;
    l->text_len = 0;
    l->text_px = text_px;
    l->failed = false;
}

void render_list_free(render_list *l) {
    free(l->items);
    free(l->text);
    memset(l, 0, sizeof *l);
}

static render_list_item *add(render_list *l, render_list_kind kind, const float rgba[4]) {
    if (l->count == l->cap) {
        int cap = l->cap ? l->cap * 2 : 512;
        render_list_item *v = realloc(l->items, (size_t)cap * sizeof *v);
        if (!v) {
            l->failed = true;
            return NULL;
        }
        l->items = v, l->cap = cap;
    }
    render_list_item *it = &l->items[l->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    for (int k = 0; k < 4; k++) it->rgba[k] = (unsigned char)lroundf(fminf(fmaxf(rgba[k], 0.0f), 1.0f) * 255.0f);
    return it;
}

int render_list_rect(render_list *l, float x0, float y0, float x1, float y1, const float rgba[4]) {
    render_list_item *it = add(l, RENDER_LIST_RECT, rgba);
    if (!it) return -1;
    it->x0 = x0, it->y0 = y0, it->x1 = x1, it->y1 = y1;
    return l->count - 1;
}

int render_list_line(render_list *l, float x0, float y0, float x1, float y1, float width, const float rgba[4]) {
    render_list_item *it = add(l, RENDER_LIST_LINE, rgba);
    if (!it) return -1;
    it->x0 = x0, it->y0 = y0, it->x1 = x1, it->y1 = y1, it->width = width;
    return l->count - 1;
}

int render_list_text(render_list *l, float x, float y, const char *s, const float rgba[4]) {
    int n = (int)strlen(s) + 1;
    if (l->text_len + n > l->text_cap) {
        int cap = l->text_cap ? l->text_cap * 2 : 8192;
        while (cap < l->text_len + n) cap *= 2;
        char *t = realloc(l->text, (size_t)cap);
        if (!t) {
            l->failed = true;
            return -1;
        }
        l->text = t, l->text_cap = cap;
    }
    render_list_item *it = add(l, RENDER_LIST_TEXT, rgba);
    if (!it) return -1;
    it->x0 = x, it->y0 = y;
    it->text = l->text_len;
    memcpy(l->text + l->text_len, s, (size_t)n);
    l->text_len += n;
    return l->count - 1;
}

void render_list_layer(render_list *l) {
    const float none[4] = {0, 0, 0, 0};
    add(l, RENDER_LIST_LAYER, none);
}
