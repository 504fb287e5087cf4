/* lesson_check.h: the field-by-field checks behind lesson files (private to
 * src/lesson: it exposes cJSON, which nothing above this module sees).
 *
 * Every check that fails reports "PATH: FIELD: reason" and returns false.
 * The checker keeps the first message (lesson_load's one line) and, when a
 * sink is given, hands every message to it, so one pass over a file can list
 * all of its problems (--check-lesson). Readers therefore go on after a
 * failed check wherever what follows does not depend on it.
 */
#ifndef FIBRELAB_LESSON_CHECK_H
#define FIBRELAB_LESSON_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include <cJSON.h>

#include "lesson.h"

/* Largest integer a JSON number (an IEEE double) holds exactly. */
#define LESSON_MAX_EXACT_INT 9007199254740991.0
#define CHECK_FIELD_MAX 160

typedef struct checker {
    const char *path;
    lesson_error *err;     /* the first problem */
    int *errors;           /* problems so far */
    lesson_error_fn sink;  /* every problem, or NULL */
    void *user;
} checker;

#if defined(__GNUC__)
#define CHECK_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CHECK_PRINTF(a, b)
#endif

/* "PATH: FIELD: reason"; always returns false. */
CHECK_PRINTF(3, 4) bool check_fail(const checker *c, const char *field, const char *fmt, ...);
/* A whole line "PATH: ..." (for messages that name no single field). */
CHECK_PRINTF(2, 3) bool check_fail_line(const checker *c, const char *fmt, ...);
bool check_fail_range(const checker *c, const char *field, double lo, double hi, double got);

/* Control characters (a newline in a key, say) become spaces, in place. */
void check_one_line(char *message);

/* A short picture of a JSON value for "got ..." in messages. */
void check_describe(const cJSON *v, char *out, size_t size);
/* Field names: "where.key" and "where[i]", cut at CHECK_FIELD_MAX. */
void check_join_field(char *out, const char *where, const char *key);
void check_index_field(char *out, const char *where, int i);

/* Every key of obj is one of keys, and none is given twice. */
bool check_keys(const checker *c, const cJSON *obj, const char *where, const char *const *keys, int key_count);
/* obj[key]; NULL when absent (*ok false when it was required). */
const cJSON *check_member(const checker *c, const cJSON *obj, const char *where, const char *key, bool required,
                          bool *ok);

/* Typed getters: each leaves *dst alone when an optional key is absent. */
bool check_double(const checker *c, const cJSON *obj, const char *where, const char *key, bool required, double lo,
                  double hi, double *dst, bool *present);
/* A number in file units, stored as float times `scale` (mm -> m: 0.001). */
bool check_float(const checker *c, const cJSON *obj, const char *where, const char *key, bool required, double lo,
                 double hi, double scale, float *dst);
bool check_integer(const checker *c, const cJSON *obj, const char *where, const char *key, bool required, double lo,
                   double hi, double *dst, bool *present);
bool check_int(const checker *c, const cJSON *obj, const char *where, const char *key, bool required, int lo, int hi,
               int *dst);
/* A non-empty string that fits dst (size bytes including the NUL). */
bool check_string_value(const checker *c, const cJSON *v, const char *field, char *dst, size_t size);
bool check_string(const checker *c, const cJSON *obj, const char *where, const char *key, bool required, char *dst,
                  size_t size);
bool check_object(const checker *c, const cJSON *v, const char *field);
bool check_array(const checker *c, const cJSON *v, const char *field);
/* An array of one-line strings (script lines, sources). */
bool check_string_array(const checker *c, const cJSON *v, const char *where);
/* The file name without directories and without ".json" (a file's id). */
void check_file_id(const char *path, char *out, size_t size);
/* err = "PATH:LINE:COL: invalid JSON ..." for a syntax error at byte `at` of text. */
void check_syntax_error(const char *path, const char *text, size_t length, size_t at, lesson_error *err);
/* A document's text (a UTF-8 byte order mark allowed) parsed: its root, or
 * NULL with the problem reported through c (a syntax error as PATH:LINE:COL). */
cJSON *check_parse(const checker *c, const char *text, size_t length);
/* A document's header: an object with only the given keys, schema 1 and an
 * id equal to its file's name (into id). False when the rest cannot be read
 * (not an object, another schema); *ok is cleared for any other problem. */
bool check_header(const checker *c, const cJSON *root, const char *const *keys, int key_count, char *id,
                  size_t id_size, bool *ok);

/* A muscle named by obj[key], resolved to its index. `names_ok` false:
 * some muscle's name could not be read, so an unknown name is not reported
 * (it may be that muscle's). */
bool lesson_check_muscle_ref(const checker *c, const cJSON *obj, const char *where, const char *key, bool required,
                             const sim_world_desc *wd, bool names_ok, int *muscle);

/* What steps and danger zones may refer to. */
typedef struct lesson_refs {
    const sim_world_desc *desc; /* muscles and tangles as read */
    bool names_ok;              /* every muscle name was read */
    bool tangles_ok;            /* every tangle was read */
} lesson_refs;

/* lesson_steps.c: the optional `steps` and `danger_zones`. */
bool lesson_read_steps(const checker *c, const cJSON *root, const lesson_refs *refs, lesson *l);
bool lesson_read_danger_zones(const checker *c, const cJSON *root, const lesson_refs *refs, lesson *l);

#endif
