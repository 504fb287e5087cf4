/* lesson_check.c: the field-by-field checks behind lesson files: typed
 * getters that range-check a JSON value and report "PATH: FIELD: reason".
 * See lesson_check.h for how problems are kept and listed.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson_check.h"

/* ---- messages ---- */

void check_one_line(char *message) {
    for (unsigned char *p = (unsigned char *)message; *p; p++)
        if (*p < 0x20) *p = ' ';
}

/* Every message goes through here: the first is kept, all go to the sink.
 * Key names and values come from the file and may hold a newline: a
 * message stays one line whatever the file says. */
static bool emit(const checker *c, char *line) {
    check_one_line(line);
    if (*c->errors == 0) snprintf(c->err->message, sizeof c->err->message, "%s", line);
    (*c->errors)++;
    if (c->sink) c->sink(line, c->user);
    return false;
}

bool check_fail(const checker *c, const char *field, const char *fmt, ...) {
    char reason[LESSON_ERROR_MAX / 2], line[LESSON_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int n = snprintf(line, sizeof line, "%s: %s: %s", c->path, field, reason);
    (void)n; /* a message longer than the buffer is cut, never overrun */
    return emit(c, line);
}

bool check_fail_line(const checker *c, const char *fmt, ...) {
    char reason[LESSON_ERROR_MAX / 2], line[LESSON_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int n = snprintf(line, sizeof line, "%s: %s", c->path, reason);
    (void)n;
    return emit(c, line);
}

/* A short picture of a JSON value for "got ..." in messages. */
void check_describe(const cJSON *v, char *out, size_t size) {
    if (cJSON_IsString(v)) {
        const char *s = v->valuestring;
        if (strlen(s) > 40)
            snprintf(out, size, "\"%.37s...\"", s);
        else
            snprintf(out, size, "\"%s\"", s);
    } else if (cJSON_IsNumber(v)) {
        snprintf(out, size, "%g", v->valuedouble);
    } else if (cJSON_IsTrue(v)) {
        snprintf(out, size, "true");
    } else if (cJSON_IsFalse(v)) {
        snprintf(out, size, "false");
    } else if (cJSON_IsNull(v)) {
        snprintf(out, size, "null");
    } else if (cJSON_IsArray(v)) {
        snprintf(out, size, "an array");
    } else {
        snprintf(out, size, "an object");
    }
}

/* Appends to a field name, cutting at CHECK_FIELD_MAX (names are short in practice). */
static void check_field_append(char *out, const char *s) {
    size_t used = strlen(out), n = strlen(s);
    if (used + n >= CHECK_FIELD_MAX) n = CHECK_FIELD_MAX - 1 - used;
    memcpy(out + used, s, n);
    out[used + n] = '\0';
}

void check_join_field(char *out, const char *where, const char *key) {
    out[0] = '\0';
    check_field_append(out, where);
    if (where[0]) check_field_append(out, ".");
    check_field_append(out, key);
}

void check_index_field(char *out, const char *where, int i) {
    char idx[16];
    snprintf(idx, sizeof idx, "[%d]", i);
    out[0] = '\0';
    check_field_append(out, where);
    check_field_append(out, idx);
}

bool check_fail_range(const checker *c, const char *field, double lo, double hi, double got) {
    if (hi >= LESSON_MAX_EXACT_INT) /* one-sided: the upper bound is JSON's, not the schema's */
        return got < lo ? check_fail(c, field, "must be at least %g, got %g", lo, got)
                        : check_fail(c, field, "must be at most %.0f, got %.0f", hi, got);
    return check_fail(c, field, "must be between %g and %g, got %g", lo, hi, got);
}

/* ---- typed getters: each leaves *dst alone when an optional key is absent ---- */

bool check_keys(const checker *c, const cJSON *obj, const char *where, const char *const *keys, int key_count) {
    char field[CHECK_FIELD_MAX];
    bool ok = true;
    for (const cJSON *it = obj->child; it; it = it->next) {
        check_join_field(field, where, it->string);
        bool known = false;
        for (int k = 0; k < key_count && !known; k++) known = strcmp(it->string, keys[k]) == 0;
        if (!known) {
            ok = check_fail(c, field, "unknown key (typo?)");
            continue;
        }
        /* cJSON keeps both copies of a repeated key; the reader would silently
         * use the first, so say so instead. */
        for (const cJSON *b = obj->child; b != it; b = b->next)
            if (strcmp(b->string, it->string) == 0) {
                ok = check_fail(c, field, "key given twice");
                break;
            }
    }
    return ok;
}

const cJSON *check_member(const checker *c, const cJSON *obj, const char *where,
                           const char *key, bool required, bool *ok) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *ok = true;
    if (!v && required) {
        char field[CHECK_FIELD_MAX];
        check_join_field(field, where, key);
        *ok = check_fail(c, field, "missing required key");
    }
    return v;
}

bool check_double(const checker *c, const cJSON *obj, const char *where, const char *key,
                       bool required, double lo, double hi, double *dst, bool *present) {
    bool ok;
    const cJSON *v = check_member(c, obj, where, key, required, &ok);
    if (present) *present = v != NULL;
    if (!v) return ok;
    char field[CHECK_FIELD_MAX], got[64];
    check_join_field(field, where, key);
    if (!cJSON_IsNumber(v)) {
        check_describe(v, got, sizeof got);
        return check_fail(c, field, "must be a number, got %s", got);
    }
    double x = v->valuedouble;
    if (!isfinite(x) || x < lo || x > hi) return check_fail_range(c, field, lo, hi, x);
    *dst = x;
    return true;
}

/* A number in file units, stored as float times `scale` (mm -> m: 0.001). */
bool check_float(const checker *c, const cJSON *obj, const char *where, const char *key,
                      bool required, double lo, double hi, double scale, float *dst) {
    double x;
    bool present;
    if (!check_double(c, obj, where, key, required, lo, hi, &x, &present)) return false;
    if (present) *dst = (float)(scale == 1.0 ? x : x * scale);
    return true;
}

bool check_integer(const checker *c, const cJSON *obj, const char *where, const char *key,
                        bool required, double lo, double hi, double *dst, bool *present) {
    bool ok;
    const cJSON *v = check_member(c, obj, where, key, required, &ok);
    if (present) *present = v != NULL;
    if (!v) return ok;
    char field[CHECK_FIELD_MAX], got[64];
    check_join_field(field, where, key);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || floor(v->valuedouble) != v->valuedouble) {
        check_describe(v, got, sizeof got);
        return check_fail(c, field, "must be an integer, got %s", got);
    }
    if (v->valuedouble < lo || v->valuedouble > hi) return check_fail_range(c, field, lo, hi, v->valuedouble);
    *dst = v->valuedouble;
    return true;
}

bool check_int(const checker *c, const cJSON *obj, const char *where, const char *key,
                    bool required, int lo, int hi, int *dst) {
    double x;
    bool present;
    if (!check_integer(c, obj, where, key, required, lo, hi, &x, &present)) return false;
    if (present) *dst = (int)x;
    return true;
}

/* A non-empty string that fits dst (size bytes including the NUL). */
bool check_string_value(const checker *c, const cJSON *v, const char *field, char *dst, size_t size) {
    char got[64];
    if (!cJSON_IsString(v)) {
        check_describe(v, got, sizeof got);
        return check_fail(c, field, "must be a string, got %s", got);
    }
    size_t n = strlen(v->valuestring);
    if (n == 0) return check_fail(c, field, "must not be empty");
    if (n >= size) return check_fail(c, field, "must be at most %zu characters, got %zu", size - 1, n);
    memcpy(dst, v->valuestring, n + 1);
    return true;
}

bool check_string(const checker *c, const cJSON *obj, const char *where, const char *key,
                       bool required, char *dst, size_t size) {
    bool ok;
    const cJSON *v = check_member(c, obj, where, key, required, &ok);
    if (!v) return ok;
    char field[CHECK_FIELD_MAX];
    check_join_field(field, where, key);
    return check_string_value(c, v, field, dst, size);
}

bool check_object(const checker *c, const cJSON *v, const char *field) {
    char got[64];
    if (cJSON_IsObject(v)) return true;
    check_describe(v, got, sizeof got);
    return check_fail(c, field, "must be an object, got %s", got);
}

bool check_array(const checker *c, const cJSON *v, const char *field) {
    char got[64];
    if (cJSON_IsArray(v)) return true;
    check_describe(v, got, sizeof got);
    return check_fail(c, field, "must be an array, got %s", got);
}

bool lesson_check_muscle_ref(const checker *c, const cJSON *obj, const char *where, const char *key, bool required,
                             const sim_world_desc *wd, bool names_ok, int *muscle) {
    char name[SIM_NAME_MAX], field[CHECK_FIELD_MAX];
    bool ok;
    const cJSON *v = check_member(c, obj, where, key, required, &ok);
    if (!v) return ok;
    check_join_field(field, where, key);
    if (!check_string_value(c, v, field, name, sizeof name)) return false;
    *muscle = -1;
    for (int i = 0; i < wd->muscle_count; i++)
        if (strcmp(wd->muscles[i].name, name) == 0) *muscle = i;
    if (*muscle >= 0) return true;
    if (!names_ok) return false;
    return check_fail(c, field, "no muscle named \"%s\" in muscles", name);
}

/* An array of one-line strings (script lines, sources). */
bool check_string_array(const checker *c, const cJSON *v, const char *where) {
    char field[CHECK_FIELD_MAX], got[64];
    if (!check_array(c, v, where)) return false;
    bool ok = true;
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        check_index_field(field, where, i);
        if (!cJSON_IsString(it)) {
            check_describe(it, got, sizeof got);
            ok = check_fail(c, field, "must be a string, got %s", got);
        } else if (strpbrk(it->valuestring, "\r\n")) {
            ok = check_fail(c, field, "must be one line");
        }
    }
    return ok;
}

/* "PATH:LINE:COL: reason" for a JSON syntax error at byte `at` of text. */
void check_syntax_error(const char *path, const char *text, size_t length, size_t at, lesson_error *err) {
    int line = 1, col = 1;
    for (size_t i = 0; i < at && i < length; i++) {
        if (text[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    size_t rest = at;
    while (rest < length && strchr(" \t\r\n", text[rest])) rest++;
    char near[24];
    int n;
    if (rest >= length) {
        n = snprintf(err->message, sizeof err->message, "%s:%d:%d: invalid JSON: unexpected end of file",
                     path, line, col);
    } else {
        size_t k = 0;
        for (size_t i = at; i < length && k < 16 && text[i] != '\n' && text[i] != '\r'; i++)
            near[k++] = (unsigned char)text[i] < 0x20 ? ' ' : text[i];
        near[k] = '\0';
        n = snprintf(err->message, sizeof err->message, "%s:%d:%d: invalid JSON near '%s'", path, line, col, near);
    }
    (void)n;
}

/* The file name without directories and without ".json". */
void check_file_id(const char *path, char *out, size_t size) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".json") == 0) n -= 5;
    snprintf(out, size, "%.*s", (int)n, base);
}

cJSON *check_parse(const checker *c, const char *text, size_t length) {
    if (memchr(text, '\0', length)) {
        check_fail_line(c, "cannot read: contains a NUL byte (not text)");
        return NULL;
    }
    /* cJSON wants the terminating NUL inside the buffer it is given: its
     * "nothing after the document" check looks for it. */
    char *copy = malloc(length + 1);
    if (!copy) {
        check_fail_line(c, "out of memory");
        return NULL;
    }
    memcpy(copy, text, length);
    copy[length] = '\0';
    size_t skip = length >= 3 && strncmp(copy, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a UTF-8 byte order mark */
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(copy + skip, length - skip + 1, &end, true);
    if (!root) {
        lesson_error syntax;
        check_syntax_error(c->path, copy, length, end ? (size_t)(end - copy) : skip, &syntax);
        /* already "PATH:LINE:COL: reason": goes out as it is */
        if (*c->errors == 0) *c->err = syntax;
        (*c->errors)++;
        if (c->sink) c->sink(syntax.message, c->user);
    }
    free(copy);
    return root;
}

bool check_header(const checker *c, const cJSON *root, const char *const *keys, int key_count, char *id,
                  size_t id_size, bool *ok) {
    char got[64], want[LESSON_PATH_MAX];
    if (!cJSON_IsObject(root)) {
        check_describe(root, got, sizeof got);
        return check_fail(c, "(top level)", "must be an object, got %s", got);
    }
    *ok = check_keys(c, root, "", keys, key_count) && *ok;
    /* Another schema is another set of keys: nothing below would mean anything. */
    double schema = 0;
    if (!check_integer(c, root, "", "schema", true, -LESSON_MAX_EXACT_INT, LESSON_MAX_EXACT_INT, &schema, NULL))
        return false;
    if (schema != 1) return check_fail(c, "schema", "must be 1, got %g", schema);
    check_file_id(c->path, want, sizeof want);
    if (check_string(c, root, "", "id", true, id, id_size)) {
        if (strcmp(id, want) != 0) *ok = check_fail(c, "id", "must equal the file name \"%s\", got \"%s\"", want, id);
    } else {
        *ok = false;
    }
    return true;
}
