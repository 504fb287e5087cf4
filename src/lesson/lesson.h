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

#include "data_paths.h"
#include "sim.h"

#define LESSON_ERROR_MAX 512
#define LESSON_PATH_MAX DATA_PATH_MAX

typedef struct lesson_error {
    char message[LESSON_ERROR_MAX]; /* one line, no trailing newline */
} lesson_error;

/* Every problem of a file, one line each, for --check-lesson. */
typedef void (*lesson_error_fn)(const char *message, void *user);

/* ---- steps: an instruction and a condition on the model's state ---- */
#define LESSON_MAX_STEPS 16
#define LESSON_MAX_HINTS 4
#define LESSON_TEXT_MAX 320
#define LESSON_MAX_DANGER_ZONES 8
#define LESSON_MAX_CONDITIONS 8

/* The kinds of `done_when` (assets/lessons/README.md lists their parameters). */
typedef enum lesson_condition_kind {
    LESSON_COND_JOINT_NEAR,         /* the joint within within_deg of a pose */
    LESSON_COND_LOCK_BEFORE_TANGLE, /* a lock on the origin side of a tangle, within `within` of its edge */
    LESSON_COND_STRETCH_REACHED,    /* the joint at pose `to` or beyond, never faster than max_speed_deg_s */
    LESSON_COND_UNLOCKED,           /* no lock */
    LESSON_COND_ADHESIONS_RELEASED, /* a share of a tangle's adhesions released */
    LESSON_COND_COUNT
} lesson_condition_kind;

typedef struct lesson_condition {
    lesson_condition_kind kind;
    float pose;            /* joint_near: 0 shortened .. 1 stretched */
    float within_deg;      /* joint_near (deg) */
    int tangle;            /* lock_before_tangle, adhesions_released: index into tangles */
    float within;          /* lock_before_tangle: distance from the tangle's origin-side edge, as s */
    float to;              /* stretch_reached: 0 shortened .. 1 stretched */
    float max_speed_deg_s; /* stretch_reached: 0 = any speed */
    float at_least;        /* adhesions_released: share 0..1 */
} lesson_condition;

typedef struct lesson_step {
    char instruction[LESSON_TEXT_MAX];
    lesson_condition done_when;
    char hints[LESSON_MAX_HINTS][LESSON_TEXT_MAX];
    int hint_count;
} lesson_step;

/* A place the lock must not go (popliteal space, cubital fossa, a pulse). */
typedef struct lesson_danger_zone {
    char name[SIM_NAME_MAX];
    int muscle;
    float from, to; /* as s, from <= to */
} lesson_danger_zone;

/* The condition kind's name in files ("joint_near", ...). */
const char *lesson_condition_name(lesson_condition_kind kind);

typedef struct lesson {
    char path[LESSON_PATH_MAX];
    char id[64];
    char title[160];
    sim_world_desc desc;          /* ready for sim_world_create */
    char *demo_script;            /* the lesson's own demonstration script (text) or NULL */
    char *description;            /* optional longer text, or NULL */
    char mode_names[SIM_MODE_COUNT][SIM_NAME_MAX]; /* the lesson's name for each mode */
    lesson_step steps[LESSON_MAX_STEPS];
    int step_count;
    lesson_danger_zone danger_zones[LESSON_MAX_DANGER_ZONES];
    int danger_zone_count;
    char conditions[LESSON_MAX_CONDITIONS][64]; /* ids of the condition cards that apply (src/lesson/condition.h) */
    int condition_count;
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

/* Checks a lesson file and hands every problem to `sink` (one line each,
 * "PATH: FIELD: reason", in file order); returns how many there were. */
int lesson_check(const char *path, lesson_error_fn sink, void *user);

/* lesson_load and lesson_check on text already in memory (`length` bytes,
 * not necessarily NUL-terminated): `path` names it in messages and gives the
 * id the file must have. */
bool lesson_load_text(const char *path, const char *text, size_t length, const char *const *sets, int set_count,
                      lesson *out, lesson_error *err);
int lesson_check_text(const char *path, const char *text, size_t length, lesson_error_fn sink, void *user);

/* Lists the ids of the lessons found, sorted; returns how many were written. */
int lesson_list(char ids[][64], int max_ids);

/* Index of the muscle called `name`, or -1. */
int lesson_muscle_index(const lesson *l, const char *name);

/* The directories searched for lesson ids, in order: $FIBRELAB_DATA_DIR/lessons,
 * then assets/lessons in each of data_path_roots (data_paths.h: beside the
 * executable, one up, the installed data dir BINDIR/../share/fibrelab, the
 * source tree for a binary in its build tree); returns how many were
 * written (at most LESSON_MAX_DIRS are ever needed). They need not exist. */
#define LESSON_MAX_DIRS (1 + DATA_PATH_MAX_ROOTS)
int lesson_dirs(char dirs[][LESSON_PATH_MAX], int max_dirs);

/* The same for any kind of data file kept beside the lessons ("lessons",
 * "conditions"): the directories searched (DIR/KIND for each of the above),
 * an id or path resolved, and the ids found in the first directory that exists. */
int lesson_asset_dirs(const char *kind, char dirs[][LESSON_PATH_MAX], int max_dirs);
bool lesson_asset_resolve(const char *kind, const char *name_or_path, char *path, size_t path_size);
int lesson_asset_list(const char *kind, char ids[][64], int max_ids);

/* The name this lesson uses for a mode (its `mode_names`, else the standard one). */
const char *lesson_mode_name(const lesson *l, sim_mode mode);

/* Reads a whole text file ("-" = standard input) into a NUL-terminated heap
 * string; on failure fills err with "PATH: cannot open: reason" and returns NULL. */
char *lesson_read_text(const char *path, lesson_error *err);

#endif
