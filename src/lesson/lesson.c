/* lesson.c: lesson files (JSON) read, checked field by field and turned into
 * a sim_world_desc.
 *
 * A lesson file is data written by teachers, so every problem is reported as
 * one line naming the file, the field and the reason, and the model's own
 * sim_validate_desc runs last as a safety net. Files use mm, N, kPa, s, deg
 * and g; the model takes metres and kilograms, so lengths and masses are
 * converted here and nowhere else. The schema is documented in
 * assets/lessons/README.md: keep the two in step.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "lesson.h"
#include "lesson_set.h"
#include "script.h"

/* Largest integer a JSON number (an IEEE double) holds exactly. */
#define LESSON_MAX_EXACT_INT 9007199254740991.0
/* Lesson files are small; anything bigger is not a lesson. */
#define LESSON_MAX_FILE_BYTES (16u << 20)
#define FIELD_MAX 160

typedef struct checker {
    const char *path;
    lesson_error *err;
} checker;

/* ---- messages ---- */

static bool fail(const checker *c, const char *field, const char *fmt, ...) {
    char reason[LESSON_ERROR_MAX / 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int n = snprintf(c->err->message, sizeof c->err->message, "%s: %s: %s", c->path, field, reason);
    (void)n; /* a message longer than the buffer is cut, never overrun */
    return false;
}

/* A short picture of a JSON value for "got ..." in messages. */
static void describe(const cJSON *v, char *out, size_t size) {
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

/* Appends to a field name, cutting at FIELD_MAX (names are short in practice). */
static void field_append(char *out, const char *s) {
    size_t used = strlen(out), n = strlen(s);
    if (used + n >= FIELD_MAX) n = FIELD_MAX - 1 - used;
    memcpy(out + used, s, n);
    out[used + n] = '\0';
}

static void join_field(char *out, const char *where, const char *key) {
    out[0] = '\0';
    field_append(out, where);
    if (where[0]) field_append(out, ".");
    field_append(out, key);
}

static void index_field(char *out, const char *where, int i) {
    char idx[16];
    snprintf(idx, sizeof idx, "[%d]", i);
    out[0] = '\0';
    field_append(out, where);
    field_append(out, idx);
}

static bool fail_range(const checker *c, const char *field, double lo, double hi, double got) {
    if (hi >= LESSON_MAX_EXACT_INT) /* one-sided: the upper bound is JSON's, not the schema's */
        return got < lo ? fail(c, field, "must be at least %g, got %g", lo, got)
                        : fail(c, field, "must be at most %.0f, got %.0f", hi, got);
    return fail(c, field, "must be between %g and %g, got %g", lo, hi, got);
}

/* ---- typed getters: each leaves *dst alone when an optional key is absent ---- */

static bool check_keys(const checker *c, const cJSON *obj, const char *where,
                       const char *const *keys, int key_count) {
    char field[FIELD_MAX];
    for (const cJSON *it = obj->child; it; it = it->next) {
        join_field(field, where, it->string);
        bool known = false;
        for (int k = 0; k < key_count && !known; k++) known = strcmp(it->string, keys[k]) == 0;
        if (!known) return fail(c, field, "unknown key (typo?)");
        /* cJSON keeps both copies of a repeated key; the reader would silently
         * use the first, so say so instead. */
        for (const cJSON *b = obj->child; b != it; b = b->next)
            if (strcmp(b->string, it->string) == 0) return fail(c, field, "key given twice");
    }
    return true;
}

static const cJSON *member(const checker *c, const cJSON *obj, const char *where,
                           const char *key, bool required, bool *ok) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *ok = true;
    if (!v && required) {
        char field[FIELD_MAX];
        join_field(field, where, key);
        *ok = fail(c, field, "missing required key");
    }
    return v;
}

static bool get_double(const checker *c, const cJSON *obj, const char *where, const char *key,
                       bool required, double lo, double hi, double *dst, bool *present) {
    bool ok;
    const cJSON *v = member(c, obj, where, key, required, &ok);
    if (present) *present = v != NULL;
    if (!v) return ok;
    char field[FIELD_MAX], got[64];
    join_field(field, where, key);
    if (!cJSON_IsNumber(v)) {
        describe(v, got, sizeof got);
        return fail(c, field, "must be a number, got %s", got);
    }
    double x = v->valuedouble;
    if (!isfinite(x) || x < lo || x > hi) return fail_range(c, field, lo, hi, x);
    *dst = x;
    return true;
}

/* A number in file units, stored as float times `scale` (mm -> m: 0.001). */
static bool get_float(const checker *c, const cJSON *obj, const char *where, const char *key,
                      bool required, double lo, double hi, double scale, float *dst) {
    double x;
    bool present;
    if (!get_double(c, obj, where, key, required, lo, hi, &x, &present)) return false;
    if (present) *dst = (float)(scale == 1.0 ? x : x * scale);
    return true;
}

static bool get_integer(const checker *c, const cJSON *obj, const char *where, const char *key,
                        bool required, double lo, double hi, double *dst, bool *present) {
    bool ok;
    const cJSON *v = member(c, obj, where, key, required, &ok);
    if (present) *present = v != NULL;
    if (!v) return ok;
    char field[FIELD_MAX], got[64];
    join_field(field, where, key);
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || floor(v->valuedouble) != v->valuedouble) {
        describe(v, got, sizeof got);
        return fail(c, field, "must be an integer, got %s", got);
    }
    if (v->valuedouble < lo || v->valuedouble > hi) return fail_range(c, field, lo, hi, v->valuedouble);
    *dst = v->valuedouble;
    return true;
}

static bool get_int(const checker *c, const cJSON *obj, const char *where, const char *key,
                    bool required, int lo, int hi, int *dst) {
    double x;
    bool present;
    if (!get_integer(c, obj, where, key, required, lo, hi, &x, &present)) return false;
    if (present) *dst = (int)x;
    return true;
}

/* A non-empty string that fits dst (size bytes including the NUL). */
static bool string_value(const checker *c, const cJSON *v, const char *field, char *dst, size_t size) {
    char got[64];
    if (!cJSON_IsString(v)) {
        describe(v, got, sizeof got);
        return fail(c, field, "must be a string, got %s", got);
    }
    size_t n = strlen(v->valuestring);
    if (n == 0) return fail(c, field, "must not be empty");
    if (n >= size) return fail(c, field, "must be at most %zu characters, got %zu", size - 1, n);
    memcpy(dst, v->valuestring, n + 1);
    return true;
}

static bool get_string(const checker *c, const cJSON *obj, const char *where, const char *key,
                       bool required, char *dst, size_t size) {
    bool ok;
    const cJSON *v = member(c, obj, where, key, required, &ok);
    if (!v) return ok;
    char field[FIELD_MAX];
    join_field(field, where, key);
    return string_value(c, v, field, dst, size);
}

static bool expect_object(const checker *c, const cJSON *v, const char *field) {
    char got[64];
    if (cJSON_IsObject(v)) return true;
    describe(v, got, sizeof got);
    return fail(c, field, "must be an object, got %s", got);
}

static bool expect_array(const checker *c, const cJSON *v, const char *field) {
    char got[64];
    if (cJSON_IsArray(v)) return true;
    describe(v, got, sizeof got);
    return fail(c, field, "must be an array, got %s", got);
}

/* ---- the schema, object by object ---- */

static bool read_joint(const checker *c, const cJSON *j, sim_joint_desc *out) {
    static const char *const keys[] = {"shortened_deg", "stretched_deg", "start_deg", "limit_deg",
                                       "proximal_mm", "distal_mm", "end_feel_nm", "client_pace_deg_s",
                                       "second_joint_deg"};
    const char *w = "joint";
    if (!expect_object(c, j, w) || !check_keys(c, j, w, keys, (int)(sizeof keys / sizeof *keys)))
        return false;
    sim_joint_desc d = sim_joint_desc_default();
    bool has_start = false, has_limit = false;
    double start = 0, limit = 0;
    if (!get_float(c, j, w, "shortened_deg", true, -180, 180, 1.0, &d.shortened_deg) ||
        !get_float(c, j, w, "stretched_deg", true, -180, 180, 1.0, &d.stretched_deg) ||
        !get_double(c, j, w, "start_deg", false, -180, 180, &start, &has_start) ||
        !get_double(c, j, w, "limit_deg", false, -180, 180, &limit, &has_limit) ||
        !get_float(c, j, w, "proximal_mm", false, 10, 2000, 0.001, &d.proximal_m) ||
        !get_float(c, j, w, "distal_mm", false, 10, 2000, 0.001, &d.distal_m) ||
        !get_float(c, j, w, "end_feel_nm", false, 0.1, 1000, 1.0, &d.end_feel_nm) ||
        !get_float(c, j, w, "client_pace_deg_s", false, 0.1, 180, 1.0, &d.client_pace_deg_s) ||
        !get_float(c, j, w, "second_joint_deg", false, -180, 180, 1.0, &d.second_deg))
        return false;
    float sh = d.shortened_deg, st = d.stretched_deg;
    if (sh == st) return fail(c, "joint.stretched_deg", "must differ from shortened_deg (%g)", sh);
    float lo = sh < st ? sh : st, hi = sh < st ? st : sh;
    /* The model's defaults are knee-like; in a lesson whose range excludes
     * them, start short and stop at the stretched pose instead. */
    if (has_start) {
        if (start < lo || start > hi)
            return fail(c, "joint.start_deg", "must be between shortened_deg and stretched_deg (%g and %g), got %g",
                        sh, st, start);
        d.start_deg = (float)start;
    } else if (d.start_deg < lo || d.start_deg > hi) {
        d.start_deg = sh;
    }
    float dir = st > sh ? 1.0f : -1.0f; /* the way the stretch goes */
    if (has_limit) {
        if ((float)(limit - st) * dir < 0)
            return fail(c, "joint.limit_deg", "must be at or beyond stretched_deg (%g), away from shortened_deg, got %g",
                        st, limit);
        d.limit_deg = (float)limit;
    } else if ((d.limit_deg - st) * dir < 0) {
        d.limit_deg = st;
    }
    *out = d;
    return true;
}

static bool read_muscle(const checker *c, const cJSON *m, int index, const sim_joint_desc *joint,
                        sim_muscle_desc *out) {
    static const char *const keys[] = {"name", "fibres", "particles", "origin_mm", "insertion_mm",
                                       "offset_mm", "lateral_mm", "radius_mm", "tendon_fraction",
                                       "max_force_n", "slack_fraction", "mass_g", "second_joint_arm_mm"};
    char w[FIELD_MAX], field[FIELD_MAX];
    index_field(w, "muscles", index);
    if (!expect_object(c, m, w) || !check_keys(c, m, w, keys, (int)(sizeof keys / sizeof *keys)))
        return false;
    sim_muscle_desc d = sim_muscle_desc_default();
    /* Ranges follow sim_validate_desc, in file units. */
    if (!get_string(c, m, w, "name", true, d.name, sizeof d.name) ||
        !get_int(c, m, w, "fibres", true, 1, 20000, &d.fibres) ||
        !get_int(c, m, w, "particles", false, 4, 256, &d.particles) ||
        !get_float(c, m, w, "origin_mm", false, 1, 2000, 0.001, &d.origin_m) ||
        !get_float(c, m, w, "insertion_mm", false, 1, 2000, 0.001, &d.insertion_m) ||
        !get_float(c, m, w, "offset_mm", false, 1, 500, 0.001, &d.offset_m) ||
        !get_float(c, m, w, "lateral_mm", false, -500, 500, 0.001, &d.lateral_m) ||
        !get_float(c, m, w, "radius_mm", false, 1, 200, 0.001, &d.radius_m) ||
        !get_float(c, m, w, "tendon_fraction", false, 0, 0.8, 1.0, &d.tendon_fraction) ||
        !get_float(c, m, w, "max_force_n", false, 1, 20000, 1.0, &d.max_force_n) ||
        !get_float(c, m, w, "slack_fraction", false, -1, 1, 1.0, &d.slack_fraction) ||
        !get_float(c, m, w, "mass_g", false, 0.1, 20000, 0.001, &d.mass_kg) ||
        !get_float(c, m, w, "second_joint_arm_mm", false, 0, 200, 0.001, &d.second_arm_m))
        return false;
    /* An attachment past the end of its bone would hang in the air. */
    if (d.origin_m > joint->proximal_m + 1e-6f) {
        join_field(field, w, "origin_mm");
        return fail(c, field, "must be at most joint.proximal_mm (%g), got %g",
                    joint->proximal_m * 1000.0, d.origin_m * 1000.0);
    }
    if (d.insertion_m > joint->distal_m + 1e-6f) {
        join_field(field, w, "insertion_mm");
        return fail(c, field, "must be at most joint.distal_mm (%g), got %g",
                    joint->distal_m * 1000.0, d.insertion_m * 1000.0);
    }
    *out = d;
    return true;
}

static bool read_tangle(const checker *c, const cJSON *t, int index, const sim_world_desc *wd,
                        sim_tangle_desc *out) {
    static const char *const keys[] = {"muscle", "at", "length", "share", "severity"};
    char w[FIELD_MAX], field[FIELD_MAX];
    index_field(w, "tangles", index);
    if (!expect_object(c, t, w) || !check_keys(c, t, w, keys, (int)(sizeof keys / sizeof *keys)))
        return false;
    sim_tangle_desc d = sim_tangle_desc_default();
    char name[SIM_NAME_MAX];
    if (!get_string(c, t, w, "muscle", true, name, sizeof name)) return false;
    d.muscle = -1;
    for (int i = 0; i < wd->muscle_count; i++)
        if (strcmp(wd->muscles[i].name, name) == 0) d.muscle = i;
    if (d.muscle < 0) {
        join_field(field, w, "muscle");
        return fail(c, field, "no muscle named \"%s\" in muscles", name);
    }
    if (!get_float(c, t, w, "at", true, 0, 1, 1.0, &d.at) ||
        !get_float(c, t, w, "length", true, 0.01, 1, 1.0, &d.length) ||
        !get_float(c, t, w, "share", true, 0, 1, 1.0, &d.share) ||
        !get_float(c, t, w, "severity", true, 0, 1, 1.0, &d.severity))
        return false;
    *out = d;
    return true;
}

static bool read_mode(const checker *c, const cJSON *root, sim_mode *out) {
    bool ok;
    const cJSON *v = member(c, root, "", "mode", true, &ok);
    if (!v) return ok;
    char got[64];
    describe(v, got, sizeof got);
    if (!cJSON_IsString(v) || !sim_mode_from_name(v->valuestring, out))
        return fail(c, "mode", "must be one of passive, active-assisted, active, weight-bearing, got %s", got);
    return true;
}

static bool read_mode_names(const checker *c, const cJSON *root, lesson *l) {
    for (int m = 0; m < SIM_MODE_COUNT; m++)
        snprintf(l->mode_names[m], sizeof l->mode_names[m], "%s", sim_mode_name((sim_mode)m));
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "mode_names");
    if (!v) return true;
    const char *keys[SIM_MODE_COUNT];
    for (int m = 0; m < SIM_MODE_COUNT; m++) keys[m] = sim_mode_name((sim_mode)m);
    if (!expect_object(c, v, "mode_names") || !check_keys(c, v, "mode_names", keys, SIM_MODE_COUNT))
        return false;
    for (int m = 0; m < SIM_MODE_COUNT; m++)
        if (!get_string(c, v, "mode_names", keys[m], false, l->mode_names[m], sizeof l->mode_names[m]))
            return false;
    return true;
}

static bool read_model(const checker *c, const cJSON *root, sim_world_desc *wd) {
    static const char *const keys[] = {"substeps", "adhesion_yield_scale"};
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "model");
    if (!v) return true;
    return expect_object(c, v, "model") && check_keys(c, v, "model", keys, 2) &&
           get_int(c, v, "model", "substeps", false, 1, 64, &wd->substeps) &&
           get_float(c, v, "model", "adhesion_yield_scale", false, 0.01, 100, 1.0, &wd->adhesion_yield_scale);
}

/* An array of one-line strings (script lines, sources). */
static bool check_string_array(const checker *c, const cJSON *v, const char *where) {
    char field[FIELD_MAX], got[64];
    if (!expect_array(c, v, where)) return false;
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        index_field(field, where, i);
        if (!cJSON_IsString(it)) {
            describe(it, got, sizeof got);
            return fail(c, field, "must be a string, got %s", got);
        }
        if (strpbrk(it->valuestring, "\r\n")) return fail(c, field, "must be one line");
    }
    return true;
}

/* The demonstration script: joined into text and parsed now, so that a bad
 * line is found when the lesson loads, not when it is played. */
static bool read_script(const checker *c, const cJSON *root, lesson *l) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "script");
    if (!v) return true;
    if (!check_string_array(c, v, "script")) return false;
    size_t total = 1;
    for (const cJSON *it = v->child; it; it = it->next) total += strlen(it->valuestring) + 1;
    char *text = malloc(total);
    if (!text) return fail(c, "script", "out of memory");
    size_t at = 0;
    for (const cJSON *it = v->child; it; it = it->next) {
        size_t n = strlen(it->valuestring);
        memcpy(text + at, it->valuestring, n);
        at += n;
        text[at++] = '\n';
    }
    text[at] = '\0';
    script s;
    lesson_error serr;
    /* Named "script" so that "script:LINE: reason" maps back to script[LINE-1]. */
    if (!script_parse(text, "script", l, &s, &serr)) {
        free(text);
        int line = 0, used = 0;
        char field[FIELD_MAX];
        if (sscanf(serr.message, "script:%d: %n", &line, &used) == 1 && used > 0) {
            index_field(field, "script", line - 1);
            return fail(c, field, "%s", serr.message + used);
        }
        return fail(c, "script", "%s", serr.message);
    }
    script_free(&s);
    l->demo_script = text;
    return true;
}

/* The file name without directories and without ".json". */
static void file_id(const char *path, char *out, size_t size) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".json") == 0) n -= 5;
    snprintf(out, size, "%.*s", (int)n, base);
}

static bool read_lesson(const checker *c, const cJSON *root, lesson *l) {
    static const char *const keys[] = {"schema", "id", "title", "description", "seed", "joint", "muscles",
                                       "tangles", "mode", "mode_names", "script", "sources", "model"};
    char field[FIELD_MAX], got[64];
    if (!cJSON_IsObject(root)) {
        describe(root, got, sizeof got);
        return fail(c, "(top level)", "must be an object, got %s", got);
    }
    if (!check_keys(c, root, "", keys, (int)(sizeof keys / sizeof *keys))) return false;

    double schema = 0;
    if (!get_integer(c, root, "", "schema", true, -LESSON_MAX_EXACT_INT, LESSON_MAX_EXACT_INT, &schema, NULL))
        return false;
    if (schema != 1) return fail(c, "schema", "must be 1, got %g", schema);

    char want[LESSON_PATH_MAX];
    file_id(c->path, want, sizeof want);
    if (!get_string(c, root, "", "id", true, l->id, sizeof l->id)) return false;
    if (strcmp(l->id, want) != 0)
        return fail(c, "id", "must equal the file name \"%s\", got \"%s\"", want, l->id);
    if (!get_string(c, root, "", "title", true, l->title, sizeof l->title)) return false;

    const cJSON *desc = cJSON_GetObjectItemCaseSensitive(root, "description");
    if (desc) {
        if (!cJSON_IsString(desc)) {
            describe(desc, got, sizeof got);
            return fail(c, "description", "must be a string, got %s", got);
        }
        l->description = strdup(desc->valuestring);
        if (!l->description) return fail(c, "description", "out of memory");
    }

    sim_world_desc *wd = &l->desc;
    *wd = sim_world_desc_default();
    double seed = 0;
    bool has_seed = false;
    if (!get_integer(c, root, "", "seed", false, 0, LESSON_MAX_EXACT_INT, &seed, &has_seed)) return false;
    if (has_seed) wd->seed = (uint64_t)seed;

    bool ok;
    const cJSON *joint = member(c, root, "", "joint", true, &ok);
    if (!joint || !read_joint(c, joint, &wd->joint)) return false;

    const cJSON *muscles = member(c, root, "", "muscles", true, &ok);
    if (!muscles || !expect_array(c, muscles, "muscles")) return false;
    int n = cJSON_GetArraySize(muscles);
    if (n < 1) return fail(c, "muscles", "must list at least one muscle");
    if (n > SIM_MAX_MUSCLES) return fail(c, "muscles", "must list at most %d muscles, got %d", SIM_MAX_MUSCLES, n);
    int i = 0;
    for (const cJSON *it = muscles->child; it; it = it->next, i++) {
        if (!read_muscle(c, it, i, &wd->joint, &wd->muscles[i])) return false;
        for (int k = 0; k < i; k++)
            if (strcmp(wd->muscles[k].name, wd->muscles[i].name) == 0) {
                char where[FIELD_MAX];
                index_field(where, "muscles", i);
                join_field(field, where, "name");
                return fail(c, field, "duplicate muscle name \"%s\" (also muscles[%d])", wd->muscles[i].name, k);
            }
    }
    wd->muscle_count = n;

    const cJSON *tangles = member(c, root, "", "tangles", true, &ok);
    if (!tangles || !expect_array(c, tangles, "tangles")) return false;
    n = cJSON_GetArraySize(tangles);
    if (n > SIM_MAX_TANGLES) return fail(c, "tangles", "must list at most %d tangles, got %d", SIM_MAX_TANGLES, n);
    i = 0;
    for (const cJSON *it = tangles->child; it; it = it->next, i++)
        if (!read_tangle(c, it, i, wd, &wd->tangles[i])) return false;
    wd->tangle_count = n;

    if (!read_mode(c, root, &wd->mode) || !read_mode_names(c, root, l) || !read_model(c, root, wd))
        return false;
    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
    if (sources && !check_string_array(c, sources, "sources")) return false;

    /* Everything above mirrors the model's limits; this catches any drift. */
    const char *bad = sim_validate_desc(wd);
    if (bad) {
        int len = snprintf(c->err->message, sizeof c->err->message, "%s: %s", c->path, bad);
        (void)len;
        return false;
    }
    return read_script(c, root, l);
}

/* ---- files ---- */

char *lesson_read_text(const char *path, lesson_error *err) {
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    int len;
    if (!f) {
        len = snprintf(err->message, sizeof err->message, "%s: cannot open: %s", path, strerror(errno));
        (void)len;
        return NULL;
    }
    size_t cap = 4096, used = 0;
    char *buf = malloc(cap);
    int read_errno = 0;
    while (buf) {
        if (used + 1 >= cap) {
            if (cap >= LESSON_MAX_FILE_BYTES) {
                read_errno = EFBIG;
                break;
            }
            char *grown = realloc(buf, cap * 2);
            if (!grown) break;
            buf = grown;
            cap *= 2;
        }
        size_t got = fread(buf + used, 1, cap - used - 1, f);
        used += got;
        if (got == 0) {
            if (ferror(f)) read_errno = errno ? errno : EIO;
            break;
        }
    }
    if (!is_stdin) fclose(f);
    if (!buf || read_errno) {
        len = snprintf(err->message, sizeof err->message, "%s: cannot read: %s", path,
                       strerror(buf ? read_errno : ENOMEM));
        (void)len;
        free(buf);
        return NULL;
    }
    buf[used] = '\0';
    if (memchr(buf, '\0', used)) {
        len = snprintf(err->message, sizeof err->message, "%s: cannot read: contains a NUL byte (not text)", path);
        (void)len;
        free(buf);
        return NULL;
    }
    return buf;
}

/* "PATH:LINE:COL: reason" for a JSON syntax error at byte `at` of text. */
static void syntax_error(const char *path, const char *text, size_t length, size_t at, lesson_error *err) {
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

bool lesson_load(const char *path, const char *const *sets, int set_count, lesson *out, lesson_error *err) {
    memset(out, 0, sizeof *out);
    err->message[0] = '\0';
    char *text = lesson_read_text(path, err);
    if (!text) return false;
    size_t length = strlen(text);
    size_t skip = strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a UTF-8 byte order mark */
    const char *end = NULL;
    /* The length counts the terminating NUL: cJSON's "nothing after the
     * document" check looks for it inside the buffer. */
    cJSON *root = cJSON_ParseWithLengthOpts(text + skip, length - skip + 1, &end, true);
    if (!root) {
        size_t at = end ? (size_t)(end - text) : skip;
        syntax_error(path, text, length, at, err);
        free(text);
        return false;
    }
    free(text);

    for (int i = 0; i < set_count; i++)
        if (!lesson_set_apply(root, sets[i], err)) {
            cJSON_Delete(root);
            return false;
        }

    checker c = {.path = path, .err = err};
    bool ok = read_lesson(&c, root, out);
    cJSON_Delete(root);
    if (!ok) {
        lesson_free(out);
        return false;
    }
    snprintf(out->path, sizeof out->path, "%s", path);
    return true;
}

void lesson_free(lesson *l) {
    free(l->demo_script);
    free(l->description);
    memset(l, 0, sizeof *l);
}

int lesson_muscle_index(const lesson *l, const char *name) {
    for (int i = 0; i < l->desc.muscle_count; i++)
        if (strcmp(l->desc.muscles[i].name, name) == 0) return i;
    return -1;
}

const char *lesson_mode_name(const lesson *l, sim_mode mode) {
    if (mode < 0 || mode >= SIM_MODE_COUNT) return "?";
    return l && l->mode_names[mode][0] ? l->mode_names[mode] : sim_mode_name(mode);
}

/* ---- finding lessons ---- */

int lesson_dirs(char dirs[][LESSON_PATH_MAX], int max_dirs) {
    int n = 0, len;
    const char *env = getenv("FIBRELAB_DATA_DIR");
    if (env && env[0] && n < max_dirs) {
        len = snprintf(dirs[n], LESSON_PATH_MAX, "%s/lessons", env);
        if (len > 0 && len < LESSON_PATH_MAX) n++;
    }
    /* Installed (bin/../assets) or run from a tree where assets sit beside it. */
    char exe[LESSON_PATH_MAX];
    ssize_t got = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (got > 0) {
        exe[got] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const rel[] = {"/../assets/lessons", "/assets/lessons"};
        for (int i = 0; i < 2 && n < max_dirs; i++) {
            len = snprintf(dirs[n], LESSON_PATH_MAX, "%s%s", exe, rel[i]);
            if (len > 0 && len < LESSON_PATH_MAX) n++;
        }
    }
#ifdef FIBRELAB_SOURCE_ASSETS
    if (n < max_dirs) {
        len = snprintf(dirs[n], LESSON_PATH_MAX, "%s", FIBRELAB_SOURCE_ASSETS "/lessons");
        if (len > 0 && len < LESSON_PATH_MAX) n++;
    }
#endif
    return n;
}

bool lesson_resolve(const char *name_or_path, char *path, size_t path_size) {
    size_t n = name_or_path ? strlen(name_or_path) : 0;
    if (n == 0 || path_size == 0) return false;
    if (strchr(name_or_path, '/') || (n >= 5 && strcmp(name_or_path + n - 5, ".json") == 0)) {
        /* A path: lesson_load reports it if it cannot be opened. */
        return (size_t)snprintf(path, path_size, "%s", name_or_path) < path_size;
    }
    char dirs[4][LESSON_PATH_MAX];
    int nd = lesson_dirs(dirs, 4);
    for (int i = 0; i < nd; i++) {
        int len = snprintf(path, path_size, "%s/%s.json", dirs[i], name_or_path);
        if (len > 0 && (size_t)len < path_size && access(path, R_OK) == 0) return true;
    }
    path[0] = '\0';
    return false;
}

static int compare_ids(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

int lesson_list(char ids[][64], int max_ids) {
    char dirs[4][LESSON_PATH_MAX];
    int nd = lesson_dirs(dirs, 4), count = 0;
    for (int i = 0; i < nd; i++) {
        DIR *d = opendir(dirs[i]);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL && count < max_ids) {
            size_t n = strlen(e->d_name);
            if (e->d_name[0] == '.' || n <= 5 || n - 5 >= 64 || strcmp(e->d_name + n - 5, ".json") != 0)
                continue;
            snprintf(ids[count++], 64, "%.*s", (int)(n - 5), e->d_name);
        }
        closedir(d);
        break; /* the first directory that exists is the one used */
    }
    qsort(ids, (size_t)count, sizeof ids[0], compare_ids);
    return count;
}
