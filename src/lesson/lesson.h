/* lesson.h: lesson files (assets/lessons/NAME.json) turned into model descriptions.
 *
 * A lesson file is data: every problem in it is reported as
 * "PATH: FIELD: reason" (or "PATH:LINE:COL: reason" for a JSON syntax error),
 * never an abort. `--set KEY=VALUE` assignments are applied to the parsed
 * document before validation, so they are checked exactly like the file.
 */
#ifndef FIBRELAB_LESSON_H
#define FIBRELAB_LESSON_H

#include <stdbool.h>
#include <stddef.h>

#include "sim.h"

#define LESSON_ERROR_MAX 512
#define LESSON_PATH_MAX 1024

typedef struct lesson_error {
    char message[LESSON_ERROR_MAX]; /* one line, no trailing newline */
} lesson_error;

typedef struct lesson {
    char path[LESSON_PATH_MAX];
    char id[64];
    char title[160];
    sim_world_desc desc;          /* ready for sim_world_create */
    char *demo_script;            /* the lesson's own demonstration script (text) or NULL */
    char *description;            /* optional longer text, or NULL */
    char mode_names[SIM_MODE_COUNT][SIM_NAME_MAX]; /* the lesson's name for each mode */
} lesson;

/* Resolves NAME (a lesson id) or PATH (anything with a '/' or ending in
 * ".json") to a readable file path. Lesson ids are looked up in the lesson
 * directories (see lesson_dirs). Returns false when nothing is found. */
bool lesson_resolve(const char *name_or_path, char *path, size_t path_size);

/* Loads and validates a lesson, applying `set_count` assignments
 * ("tangles[0].at=0.62") first. On failure fills err and returns false;
 * `out` is then left empty (nothing to free). */
bool lesson_load(const char *path, const char *const *sets, int set_count,
                 lesson *out, lesson_error *err);
void lesson_free(lesson *l);

/* Lists the ids of the lessons found, sorted; returns how many were written. */
int lesson_list(char ids[][64], int max_ids);

/* Index of the muscle called `name`, or -1. */
int lesson_muscle_index(const lesson *l, const char *name);

/* The directories searched for lesson ids, in order ($FIBRELAB_DATA_DIR/lessons,
 * next to the executable, the source tree); returns how many were written.
 * They need not exist. */
int lesson_dirs(char dirs[][LESSON_PATH_MAX], int max_dirs);

/* The name this lesson uses for a mode (its `mode_names`, else the standard one). */
const char *lesson_mode_name(const lesson *l, sim_mode mode);

/* Reads a whole text file ("-" = standard input) into a NUL-terminated heap
 * string; on failure fills err with "PATH: cannot open: reason" and returns NULL. */
char *lesson_read_text(const char *path, lesson_error *err);

#endif
