/* lesson_set.c: `--set KEY=VALUE`, one change to a parsed lesson document.
 *
 * The change is made on the JSON tree before the lesson is read, so a set
 * value meets exactly the checks a value in the file meets (range, type,
 * unknown key) and the schema lives in one place (lesson.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_set.h"

#define SET_MAX_STEPS 16
#define SET_KEY_MAX 128

/* One step of a path: a member name, or an array index when name is empty. */
typedef struct set_step {
    char name[SET_KEY_MAX];
    int index;
} set_step;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool set_fail(lesson_error *err, const char *key, const char *fmt, ...) {
    char reason[LESSON_ERROR_MAX / 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int n = snprintf(err->message, sizeof err->message, "--set %s: %s", key, reason);
    (void)n;
    return false;
}

static void append(char *dst, size_t size, const char *s) {
    size_t used = strlen(dst), n = strlen(s);
    if (used + n >= size) n = size - used - 1;
    memcpy(dst + used, s, n);
    dst[used + n] = '\0';
}

/* "a.b[2].c" -> a, b, [2], c. Returns the number of steps, or -1. */
static int parse_path(const char *key, set_step *steps, lesson_error *err) {
    int n = 0;
    const char *p = key;
    for (;;) {
        if (n == SET_MAX_STEPS) return set_fail(err, key, "path too deep"), -1;
        size_t len = strcspn(p, ".[");
        if (len == 0 || len >= SET_KEY_MAX)
            return set_fail(err, key, "bad path: expected a key name at \"%s\"", p), -1;
        memcpy(steps[n].name, p, len);
        steps[n].name[len] = '\0';
        steps[n++].index = -1;
        p += len;
        while (*p == '[') {
            if (n == SET_MAX_STEPS) return set_fail(err, key, "path too deep"), -1;
            char *end;
            /* digits only: no sign, no spaces, at most 6 of them */
            size_t digits = strspn(p + 1, "0123456789");
            long idx = digits > 0 && digits <= 6 ? strtol(p + 1, &end, 10) : -1;
            if (idx < 0 || *end != ']')
                return set_fail(err, key, "bad path: expected [INDEX] at \"%s\"", p), -1;
            steps[n].name[0] = '\0';
            steps[n++].index = (int)idx;
            p = end + 1;
        }
        if (*p == '\0') return n;
        if (*p != '.') return set_fail(err, key, "bad path: unexpected \"%s\"", p), -1;
        p++;
    }
}

bool lesson_set_apply(cJSON *root, const char *assignment, lesson_error *err) {
    const char *eq = strchr(assignment, '=');
    char key[SET_KEY_MAX * 2];
    if (!eq) return set_fail(err, assignment, "expected KEY=VALUE");
    if ((size_t)(eq - assignment) >= sizeof key) return set_fail(err, assignment, "KEY too long");
    memcpy(key, assignment, (size_t)(eq - assignment));
    key[eq - assignment] = '\0';
    const char *value_text = eq + 1;

    set_step steps[SET_MAX_STEPS];
    int n = parse_path(key, steps, err);
    if (n < 0) return false;

    /* Walk to the parent, naming what is missing on the way. */
    char walked[SET_KEY_MAX * 2] = "";
    cJSON *cur = root;
    for (int i = 0; i < n - 1; i++) {
        cJSON *next;
        if (steps[i].name[0]) {
            if (!cJSON_IsObject(cur))
                return set_fail(err, key, "%s is not an object", walked[0] ? walked : "the document");
            next = cJSON_GetObjectItemCaseSensitive(cur, steps[i].name);
            if (walked[0]) append(walked, sizeof walked, ".");
            append(walked, sizeof walked, steps[i].name);
            if (!next) return set_fail(err, key, "%s does not exist in the lesson", walked);
        } else {
            if (!cJSON_IsArray(cur)) return set_fail(err, key, "%s is not an array", walked);
            int size = cJSON_GetArraySize(cur);
            if (steps[i].index >= size)
                return set_fail(err, key, "index [%d] out of range (%s has %d)", steps[i].index, walked,
                                size);
            next = cJSON_GetArrayItem(cur, steps[i].index);
            char idx[16];
            snprintf(idx, sizeof idx, "[%d]", steps[i].index);
            append(walked, sizeof walked, idx);
        }
        cur = next;
    }

    /* JSON if it parses as JSON (numbers, true, "quoted", {...}), else a
     * bare string so that `--set mode=active` needs no shell quoting. */
    cJSON *value = cJSON_ParseWithOpts(value_text, NULL, true);
    if (!value) value = cJSON_CreateString(value_text);
    if (!value) return set_fail(err, key, "out of memory");

    const set_step *last = &steps[n - 1];
    bool ok;
    if (last->name[0]) {
        if (!cJSON_IsObject(cur)) {
            cJSON_Delete(value);
            return set_fail(err, key, "%s is not an object", walked[0] ? walked : "the document");
        }
        ok = cJSON_GetObjectItemCaseSensitive(cur, last->name)
                 ? cJSON_ReplaceItemInObjectCaseSensitive(cur, last->name, value)
                 : cJSON_AddItemToObject(cur, last->name, value);
    } else {
        if (!cJSON_IsArray(cur)) {
            cJSON_Delete(value);
            return set_fail(err, key, "%s is not an array", walked);
        }
        int size = cJSON_GetArraySize(cur);
        if (last->index > size) {
            cJSON_Delete(value);
            return set_fail(err, key, "index [%d] out of range (%s has %d)", last->index, walked, size);
        }
        /* One past the end appends: `--set tangles[1]={...}` adds a tangle. */
        ok = last->index == size ? cJSON_AddItemToArray(cur, value)
                                 : cJSON_ReplaceItemInArray(cur, last->index, value);
    }
    if (!ok) {
        cJSON_Delete(value);
        return set_fail(err, key, "out of memory");
    }
    return true;
}
