/* data_paths.h: the folders fibrelab's data (assets/ and shaders/) is looked
 * for in, shared by the lesson reader and the renderer, so the program runs
 * from its build tree, installed, or from an installed tree copied anywhere.
 */
#ifndef FIBRELAB_DATA_PATHS_H
#define FIBRELAB_DATA_PATHS_H

#define DATA_PATH_MAX 1024
#define DATA_PATH_MAX_ROOTS 4

/* $FIBRELAB_DATA_DIR, an assets folder of the user's own (it holds lessons/),
 * searched before all the others; NULL when unset or empty. */
const char *data_path_assets_override(void);

/* The folders that may hold assets/ and shaders/, in search order: beside
 * the binary, one folder up, the installed data folder relative to the
 * binary (BINDIR/../share/fibrelab), and the source tree, which only a
 * binary inside its own build tree reads (an installed copy never reads the
 * checkout it was built from). Returns how many (at most DATA_PATH_MAX_ROOTS). */
int data_path_roots(char roots[][DATA_PATH_MAX]);

#endif
