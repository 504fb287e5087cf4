/* render.h: draws the model's state with OpenGL 3.3 core (or WebGL 2).
 *
 * The renderer only reads the world: bones and skin, the fibres coloured by
 * strain or tension with a legend, adhesions that flash as they release,
 * tendons and attachment areas, the lock tool and its contact area, and the
 * text the app hands it. It keeps its own memory of when each adhesion let
 * go, so the flash fades over real frames.
 *
 *     render_desc d = render_desc_default();
 *     render *r = render_create(&d, err, sizeof err);   (a GL context is current)
 *     render_frame(r, world, &camera, &options, width_px, height_px);
 *     render_destroy(r);
 */
#ifndef FIBRELAB_RENDER_H
#define FIBRELAB_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "render_camera.h"
#include "sim.h"

typedef enum render_colour_by {
    RENDER_COLOUR_STRAIN,   /* engineering strain of each segment, % */
    RENDER_COLOUR_TENSION,  /* tension, % of the fibre's max isometric force */
    RENDER_COLOUR_COUNT
} render_colour_by;

#define RENDER_STATUS_LINES 6

/* Colours of the picture's background and of the overlay (legend, labels,
 * text panels): the interface's themes set them; NULL options use
 * render_style_default, the light look. */
typedef struct render_style {
    float background[4];
    float panel[4], border[4], ink[4], ink_soft[4];
    float line_scale;          /* leader lines and ticks this many times thicker */
    float text_scale;          /* the overlay's text this many times larger */
    bool ramp_shape;           /* the legend's ramp also widens with the value (a cue without colour) */
} render_style;

typedef struct render_options {
    bool show_skin;
    bool show_labels;          /* origin, insertion, tangle */
    bool hide_tangle_labels;   /* a quiz: the tight spot is the student's to find */
    bool show_hud;             /* text panels and the legend */
    render_colour_by colour_by;
    bool show_cursor;          /* where the keyboard would lock */
    int cursor_muscle;
    float cursor_s;
    const char *title;
    const char *status[RENDER_STATUS_LINES];
    int status_count;
    const char *help;          /* one line at the bottom */
    const render_style *style; /* NULL: render_style_default() */
} render_options;

typedef struct render_desc {
    const char *shader_dir;    /* NULL: search for shaders/ (render_paths.h) */
    const char *glsl_version;  /* RENDER_GLSL_DESKTOP or RENDER_GLSL_ES */
} render_desc;

typedef struct render render;

render_options render_options_default(void);
render_style render_style_default(void);
render_desc render_desc_default(void);

/* Needs a current GL context. NULL with one line in err naming the file. */
render *render_create(const render_desc *desc, char *err, size_t err_size);
void render_destroy(render *r);
/* Draws one frame into the bound framebuffer, viewport w x h pixels. */
void render_frame(render *r, const sim_world *w, const render_camera *cam, const render_options *opt, int width_px,
                  int height_px);
/* The same into the rectangle (x, y) width x height of a framebuffer
 * frame_h pixels tall (x, y from its top left), leaving the rest alone. */
void render_frame_at(render *r, const sim_world *w, const render_camera *cam, const render_options *opt, int x, int y,
                     int width_px, int height_px, int frame_h);
/* Clears the whole framebuffer to a colour (behind views drawn with render_frame_at). */
void render_clear(render *r, const float rgba[4], int width_px, int height_px);
/* Draws a 2D list (render_list.h) over the whole framebuffer. */
struct render_list;
void render_draw_list(render *r, const struct render_list *l, int width_px, int height_px);
/* Forget per-world memory (adhesion flashes, index layout): call when the
 * app replaces its world. */
void render_reset_world(render *r);

#endif
