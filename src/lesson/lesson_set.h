/* lesson_set.h: `--set KEY=VALUE` on a parsed lesson document (private to
 * src/lesson: it exposes cJSON, which nothing above this module sees). */
#ifndef FIBRELAB_LESSON_SET_H
#define FIBRELAB_LESSON_SET_H

#include <stdbool.h>

#include <cJSON.h>

#include "lesson.h"

/* Applies one "KEY=VALUE" to `root`. KEY is a path such as `tangles[0].at`
 * or `joint.stretched_deg`; its parent must exist (an array index may also
 * be one past the end, which appends). VALUE is JSON when it parses as JSON,
 * else a bare string. The result is validated later like the file itself.
 * On failure fills err with "--set KEY: reason". */
bool lesson_set_apply(cJSON *root, const char *assignment, lesson_error *err);

#endif
