/* script.h: action scripts, one timed action a line.
 *
 *     TIME_S VERB key=value...      # comment
 *
 * Verbs: mode, lock, unlock, stretch, palpate, end (see README.md). Times never
 * decrease. A bad line is reported as "SCRIPT:LINE: reason".
 */
#ifndef FIBRELAB_SCRIPT_H
#define FIBRELAB_SCRIPT_H

#include <stdbool.h>

#include "lesson.h"
#include "sim.h"

typedef enum script_verb {
    SCRIPT_MODE,
    SCRIPT_LOCK,
    SCRIPT_UNLOCK,
    SCRIPT_STRETCH,
    SCRIPT_PALPATE,
    SCRIPT_END
} script_verb;

typedef struct script_action {
    double time_s;
    script_verb verb;
    int line;
    sim_mode mode;          /* SCRIPT_MODE */
    sim_lock_desc lock;     /* SCRIPT_LOCK, SCRIPT_PALPATE (muscle resolved to its index) */
    float to, over_s;       /* SCRIPT_STRETCH */
} script_action;

typedef struct script {
    script_action *actions;
    int count;
    double end_s;           /* the `end` time, or 5 s after the last action */
} script;

/* Parses `text`; `name` is used in messages (a path, or "-" for stdin).
 * Muscle names are resolved against the lesson. */
bool script_parse(const char *text, const char *name, const lesson *l,
                  script *out, lesson_error *err);
void script_free(script *s);

/* Pressure of a palpation when the script gives none (kPa): a firm, not
 * deep, thumb; the low end of the deep-work band (DESIGN.md section 2). */
#define SCRIPT_PALPATE_KPA 150.0f

/* Applies one action to the world (a palpation changes nothing: whoever
 * plays the script reads it with sim_world_palpate). */
void script_apply(const script_action *a, sim_world *w);

#endif
