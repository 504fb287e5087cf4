/* render_paths.h: where shaders and assets are found, so the program runs
 * from anywhere: next to the binary, from the build tree (the source tree's
 * folders), and from an installed tree wherever it was copied. */
#ifndef FIBRELAB_RENDER_PATHS_H
#define FIBRELAB_RENDER_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define RENDER_PATH_MAX 1024

/* Finds `rel` ("shaders/fibre.vert", "assets/textures/bone.png") under the
 * search roots, in order: $FIBRELAB_DATA_DIR (the assets folder, as for
 * lessons), the binary's folder and its parent, the installed data directory
 * relative to the binary (BINDIR/../share/fibrelab), the source tree (only
 * for a binary inside its build tree). Writes the first readable path and
 * returns true; false if none. */
bool render_find_file(const char *rel, char *out, size_t out_size);

/* Reads a whole file into a NUL-terminated heap string (caller frees), or NULL. */
char *render_read_file(const char *path, size_t *size_out);

#endif
