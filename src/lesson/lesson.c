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
#define _XOPEN_SOURCE 700 /* POSIX 2008 with realpath */

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "condition.h"
#include "lesson.h"
#include "lesson_check.h"
#include "lesson_set.h"
#include "script.h"

/* Lesson files are small; anything bigger is not a lesson. */
#define LESSON_MAX_FILE_BYTES (16u << 20)

/* ---- the schema, object by object ----
 * Each reader checks every key it can and returns false if any failed; it
 * skips only the checks that depend on a value that failed (a muscle's
 * attachments need the joint; a tangle's muscle needs the muscle names), so
 * that --check-lesson lists real problems and not their echoes. */

static bool read_joint(const checker *c, const cJSON *j, sim_joint_desc *out) {
    static const char *const keys[] = {"shortened_deg", "stretched_deg", "start_deg", "limit_deg",
                                       "proximal_mm", "distal_mm", "end_feel_nm", "client_pace_deg_s",
                                       "second_joint_deg"};
    const char *w = "joint";
    if (!check_object(c, j, w)) return false;
    bool ok = check_keys(c, j, w, keys, (int)(sizeof keys / sizeof *keys));
    sim_joint_desc d = sim_joint_desc_default();
    bool has_start = false, has_limit = false;
    double start = 0, limit = 0;
    bool poses = check_float(c, j, w, "shortened_deg", true, -180, 180, 1.0, &d.shortened_deg);
    poses = check_float(c, j, w, "stretched_deg", true, -180, 180, 1.0, &d.stretched_deg) && poses;
    bool start_ok = check_double(c, j, w, "start_deg", false, -180, 180, &start, &has_start);
    bool limit_ok = check_double(c, j, w, "limit_deg", false, -180, 180, &limit, &has_limit);
    ok = check_float(c, j, w, "proximal_mm", false, 10, 2000, 0.001, &d.proximal_m) && ok;
    ok = check_float(c, j, w, "distal_mm", false, 10, 2000, 0.001, &d.distal_m) && ok;
    ok = check_float(c, j, w, "end_feel_nm", false, 0.1, 1000, 1.0, &d.end_feel_nm) && ok;
    ok = check_float(c, j, w, "client_pace_deg_s", false, 0.1, 180, 1.0, &d.client_pace_deg_s) && ok;
    ok = check_float(c, j, w, "second_joint_deg", false, -180, 180, 1.0, &d.second_deg) && ok;
    ok = ok && poses && start_ok && limit_ok;
    if (!poses) return false;
    float sh = d.shortened_deg, st = d.stretched_deg;
    if (sh == st) return check_fail(c, "joint.stretched_deg", "must differ from shortened_deg (%g)", sh);
    float lo = sh < st ? sh : st, hi = sh < st ? st : sh;
    /* The model's defaults are knee-like; in a lesson whose range excludes
     * them, start short and stop at the stretched pose instead. */
    if (has_start && start_ok) {
        if (start < lo || start > hi)
            ok = check_fail(c, "joint.start_deg",
                            "must be between shortened_deg and stretched_deg (%g and %g), got %g", sh, st, start);
        d.start_deg = (float)start;
    } else if (d.start_deg < lo || d.start_deg > hi) {
        d.start_deg = sh;
    }
    float dir = st > sh ? 1.0f : -1.0f; /* the way the stretch goes */
    if (has_limit && limit_ok) {
        if ((float)(limit - st) * dir < 0)
            ok = check_fail(c, "joint.limit_deg",
                            "must be at or beyond stretched_deg (%g), away from shortened_deg, got %g", st, limit);
        d.limit_deg = (float)limit;
    } else if ((d.limit_deg - st) * dir < 0) {
        d.limit_deg = st;
    }
    if (ok) *out = d;
    return ok;
}

/* `joint` is NULL when the joint failed: the attachments are then not checked against it. */
static bool read_muscle(const checker *c, const cJSON *m, int index, const sim_joint_desc *joint,
                        sim_muscle_desc *out, bool *name_ok) {
    static const char *const keys[] = {"name", "fibres", "particles", "origin_mm", "insertion_mm",
                                       "offset_mm", "lateral_mm", "radius_mm", "tendon_fraction",
                                       "max_force_n", "slack_fraction", "mass_g", "second_joint_arm_mm"};
    char w[CHECK_FIELD_MAX], field[CHECK_FIELD_MAX];
    check_index_field(w, "muscles", index);
    *name_ok = false;
    if (!check_object(c, m, w)) return false;
    bool ok = check_keys(c, m, w, keys, (int)(sizeof keys / sizeof *keys));
    sim_muscle_desc d = sim_muscle_desc_default();
    /* Ranges follow sim_validate_desc, in file units. */
    *name_ok = check_string(c, m, w, "name", true, d.name, sizeof d.name);
    ok = check_int(c, m, w, "fibres", true, 1, 20000, &d.fibres) && ok;
    ok = check_int(c, m, w, "particles", false, 4, 256, &d.particles) && ok;
    bool origin_ok = check_float(c, m, w, "origin_mm", false, 1, 2000, 0.001, &d.origin_m);
    bool insertion_ok = check_float(c, m, w, "insertion_mm", false, 1, 2000, 0.001, &d.insertion_m);
    ok = check_float(c, m, w, "offset_mm", false, 1, 500, 0.001, &d.offset_m) && ok;
    ok = check_float(c, m, w, "lateral_mm", false, -500, 500, 0.001, &d.lateral_m) && ok;
    ok = check_float(c, m, w, "radius_mm", false, 1, 200, 0.001, &d.radius_m) && ok;
    ok = check_float(c, m, w, "tendon_fraction", false, 0, 0.8, 1.0, &d.tendon_fraction) && ok;
    ok = check_float(c, m, w, "max_force_n", false, 1, 20000, 1.0, &d.max_force_n) && ok;
    ok = check_float(c, m, w, "slack_fraction", false, -1, 1, 1.0, &d.slack_fraction) && ok;
    ok = check_float(c, m, w, "mass_g", false, 0.1, 20000, 0.001, &d.mass_kg) && ok;
    ok = check_float(c, m, w, "second_joint_arm_mm", false, 0, 200, 0.001, &d.second_arm_m) && ok;
    ok = ok && *name_ok && origin_ok && insertion_ok;
    /* An attachment past the end of its bone would hang in the air. */
    if (joint && origin_ok && d.origin_m > joint->proximal_m + 1e-6f) {
        check_join_field(field, w, "origin_mm");
        ok = check_fail(c, field, "must be at most joint.proximal_mm (%g), got %g", joint->proximal_m * 1000.0,
                        d.origin_m * 1000.0);
    }
    if (joint && insertion_ok && d.insertion_m > joint->distal_m + 1e-6f) {
        check_join_field(field, w, "insertion_mm");
        ok = check_fail(c, field, "must be at most joint.distal_mm (%g), got %g", joint->distal_m * 1000.0,
                        d.insertion_m * 1000.0);
    }
    *out = d; /* the name is needed by what refers to it, even when a number failed */
    return ok;
}

/* `names_ok` false: some muscle's name could not be read, so an unknown
 * name here may be that one and is not reported. */
static bool read_tangle(const checker *c, const cJSON *t, int index, const sim_world_desc *wd, bool names_ok,
                        sim_tangle_desc *out) {
    static const char *const keys[] = {"muscle", "at", "length", "share", "severity"};
    char w[CHECK_FIELD_MAX];
    check_index_field(w, "tangles", index);
    if (!check_object(c, t, w)) return false;
    bool ok = check_keys(c, t, w, keys, (int)(sizeof keys / sizeof *keys));
    sim_tangle_desc d = sim_tangle_desc_default();
    if (!lesson_check_muscle_ref(c, t, w, "muscle", true, wd, names_ok, &d.muscle)) ok = false;
    ok = check_float(c, t, w, "at", true, 0, 1, 1.0, &d.at) && ok;
    ok = check_float(c, t, w, "length", true, 0.01, 1, 1.0, &d.length) && ok;
    ok = check_float(c, t, w, "share", true, 0, 1, 1.0, &d.share) && ok;
    ok = check_float(c, t, w, "severity", true, 0, 1, 1.0, &d.severity) && ok;
    if (ok) *out = d;
    return ok;
}

static bool read_mode(const checker *c, const cJSON *root, sim_mode *out) {
    bool ok;
    const cJSON *v = check_member(c, root, "", "mode", true, &ok);
    if (!v) return ok;
    char got[64];
    check_describe(v, got, sizeof got);
    if (!cJSON_IsString(v) || !sim_mode_from_name(v->valuestring, out))
        return check_fail(c, "mode", "must be one of passive, active-assisted, active, weight-bearing, got %s", got);
    return true;
}

static bool read_mode_names(const checker *c, const cJSON *root, lesson *l) {
    for (int m = 0; m < SIM_MODE_COUNT; m++)
        snprintf(l->mode_names[m], sizeof l->mode_names[m], "%s", sim_mode_name((sim_mode)m));
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "mode_names");
    if (!v) return true;
    const char *keys[SIM_MODE_COUNT];
    for (int m = 0; m < SIM_MODE_COUNT; m++) keys[m] = sim_mode_name((sim_mode)m);
    if (!check_object(c, v, "mode_names")) return false;
    bool ok = check_keys(c, v, "mode_names", keys, SIM_MODE_COUNT);
    for (int m = 0; m < SIM_MODE_COUNT; m++)
        ok = check_string(c, v, "mode_names", keys[m], false, l->mode_names[m], sizeof l->mode_names[m]) && ok;
    return ok;
}

static bool read_model(const checker *c, const cJSON *root, sim_world_desc *wd) {
    static const char *const keys[] = {"substeps", "adhesion_yield_scale"};
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "model");
    if (!v) return true;
    if (!check_object(c, v, "model")) return false;
    bool ok = check_keys(c, v, "model", keys, 2);
    ok = check_int(c, v, "model", "substeps", false, 1, 64, &wd->substeps) && ok;
    ok = check_float(c, v, "model", "adhesion_yield_scale", false, 0.01, 100, 1.0, &wd->adhesion_yield_scale) && ok;
    return ok;
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
    if (!text) return check_fail(c, "script", "out of memory");
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
        char field[CHECK_FIELD_MAX];
        if (sscanf(serr.message, "script:%d: %n", &line, &used) == 1 && used > 0) {
            check_index_field(field, "script", line - 1);
            return check_fail(c, field, "%s", serr.message + used);
        }
        return check_fail(c, "script", "%s", serr.message);
    }
    script_free(&s);
    l->demo_script = text;
    return true;
}

/* conditions[]: ids of condition cards that exist, each named once. */
static bool read_conditions(const checker *c, const cJSON *root, lesson *l) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "conditions");
    if (!v) return true;
    if (!check_array(c, v, "conditions")) return false;
    int n = cJSON_GetArraySize(v);
    if (n > LESSON_MAX_CONDITIONS)
        return check_fail(c, "conditions", "must list at most %d condition cards, got %d", LESSON_MAX_CONDITIONS, n);
    bool ok = true;
    int i = 0;
    char field[CHECK_FIELD_MAX], path[LESSON_PATH_MAX];
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        char *id = l->conditions[i];
        check_index_field(field, "conditions", i);
        if (!check_string_value(c, it, field, id, sizeof l->conditions[i])) {
            ok = false;
            continue;
        }
        size_t len = strlen(id);
        if (strchr(id, '/') || (len >= 5 && strcmp(id + len - 5, ".json") == 0))
            ok = check_fail(c, field, "must be a condition card id such as \"tennis-elbow\", got \"%s\"", id);
        else if (!condition_resolve(id, path, sizeof path))
            ok = check_fail(c, field, "no condition card \"%s\" (see fibrelab --conditions)", id);
        for (int k = 0; k < i; k++)
            if (strcmp(l->conditions[k], id) == 0) {
                ok = check_fail(c, field, "\"%s\" is listed twice (also conditions[%d])", id, k);
                break;
            }
    }
    l->condition_count = n;
    return ok;
}

/* muscles[]: fills wd->muscles; *names_ok says every name could be read. */
static bool read_muscles(const checker *c, const cJSON *root, sim_world_desc *wd, bool joint_ok, bool *names_ok) {
    char field[CHECK_FIELD_MAX];
    bool ok;
    *names_ok = false;
    const cJSON *muscles = check_member(c, root, "", "muscles", true, &ok);
    if (!muscles || !check_array(c, muscles, "muscles")) return false;
    int n = cJSON_GetArraySize(muscles);
    if (n < 1) return check_fail(c, "muscles", "must list at least one muscle");
    if (n > SIM_MAX_MUSCLES) return check_fail(c, "muscles", "must list at most %d muscles, got %d", SIM_MAX_MUSCLES, n);
    *names_ok = true;
    int i = 0;
    for (const cJSON *it = muscles->child; it; it = it->next, i++) {
        bool name_ok;
        ok = read_muscle(c, it, i, joint_ok ? &wd->joint : NULL, &wd->muscles[i], &name_ok) && ok;
        *names_ok = *names_ok && name_ok;
        if (!name_ok) continue;
        for (int k = 0; k < i; k++)
            if (strcmp(wd->muscles[k].name, wd->muscles[i].name) == 0) {
                char where[CHECK_FIELD_MAX];
                check_index_field(where, "muscles", i);
                check_join_field(field, where, "name");
                ok = check_fail(c, field, "duplicate muscle name \"%s\" (also muscles[%d])", wd->muscles[i].name, k);
                break;
            }
    }
    wd->muscle_count = n;
    return ok;
}

static bool read_tangles(const checker *c, const cJSON *root, sim_world_desc *wd, bool names_ok) {
    bool ok;
    const cJSON *tangles = check_member(c, root, "", "tangles", true, &ok);
    if (!tangles || !check_array(c, tangles, "tangles")) return false;
    int n = cJSON_GetArraySize(tangles);
    if (n > SIM_MAX_TANGLES) return check_fail(c, "tangles", "must list at most %d tangles, got %d", SIM_MAX_TANGLES, n);
    int i = 0;
    for (const cJSON *it = tangles->child; it; it = it->next, i++)
        ok = read_tangle(c, it, i, wd, names_ok, &wd->tangles[i]) && ok;
    wd->tangle_count = n;
    return ok;
}

/* Reads the whole document; returns false if anything failed (every problem
 * has gone to the checker). Checks run in the order of the file's schema,
 * so the first problem is the one lesson_load has always reported. */
static bool read_lesson(const checker *c, const cJSON *root, lesson *l) {
    static const char *const keys[] = {"schema", "id", "title", "description", "seed", "joint", "muscles",
                                       "tangles", "mode", "mode_names", "script", "sources", "model",
                                       "steps", "danger_zones", "conditions"};
    char got[64];
    bool ok = true;
    if (!check_header(c, root, keys, (int)(sizeof keys / sizeof *keys), l->id, sizeof l->id, &ok)) return false;
    ok = check_string(c, root, "", "title", true, l->title, sizeof l->title) && ok;

    const cJSON *desc = cJSON_GetObjectItemCaseSensitive(root, "description");
    if (desc) {
        if (!cJSON_IsString(desc)) {
            check_describe(desc, got, sizeof got);
            ok = check_fail(c, "description", "must be a string, got %s", got);
        } else {
            l->description = strdup(desc->valuestring);
            if (!l->description) return check_fail(c, "description", "out of memory");
        }
    }

    sim_world_desc *wd = &l->desc;
    *wd = sim_world_desc_default();
    double seed = 0;
    bool has_seed = false;
    if (check_integer(c, root, "", "seed", false, 0, LESSON_MAX_EXACT_INT, &seed, &has_seed)) {
        if (has_seed) wd->seed = (uint64_t)seed;
    } else {
        ok = false;
    }

    bool present;
    const cJSON *joint = check_member(c, root, "", "joint", true, &present);
    bool joint_ok = joint && read_joint(c, joint, &wd->joint);
    bool names_ok, muscles_ok = read_muscles(c, root, wd, joint_ok, &names_ok);
    bool tangles_ok = read_tangles(c, root, wd, names_ok);
    ok = ok && joint_ok && muscles_ok && tangles_ok;

    ok = read_mode(c, root, &wd->mode) && ok;
    ok = read_mode_names(c, root, l) && ok;
    ok = read_model(c, root, wd) && ok;
    const cJSON *sources = cJSON_GetObjectItemCaseSensitive(root, "sources");
    if (sources) ok = check_string_array(c, sources, "sources") && ok;

    /* Everything above mirrors the model's limits; this catches any drift. */
    if (ok) {
        const char *bad = sim_validate_desc(wd);
        if (bad) return check_fail_line(c, "%s", bad);
    }
    /* The script, steps and danger zones name muscles and tangles. */
    if (names_ok) ok = read_script(c, root, l) && ok;
    lesson_refs refs = {.desc = wd, .names_ok = names_ok, .tangles_ok = tangles_ok};
    ok = lesson_read_danger_zones(c, root, &refs, l) && ok;
    ok = lesson_read_steps(c, root, &refs, l) && ok;
    ok = read_conditions(c, root, l) && ok;
    return ok;
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

/* Parses text (any bytes) and reads it as a lesson; problems go to the
 * checker. On success *out is filled; on failure it is left empty. */
static bool parse_and_read(const char *path, const char *text, size_t length, const char *const *sets,
                           int set_count, lesson *out, const checker *c) {
    memset(out, 0, sizeof *out);
    cJSON *root = check_parse(c, text, length);
    if (!root) return false;

    for (int i = 0; i < set_count; i++) {
        lesson_error set_err;
        if (!lesson_set_apply(root, sets[i], &set_err)) {
            check_one_line(set_err.message);
            if (*c->errors == 0) *c->err = set_err;
            (*c->errors)++;
            if (c->sink) c->sink(set_err.message, c->user);
            cJSON_Delete(root);
            return false;
        }
    }

    bool ok = read_lesson(c, root, out);
    cJSON_Delete(root);
    if (!ok || *c->errors) {
        lesson_free(out);
        return false;
    }
    snprintf(out->path, sizeof out->path, "%s", path);
    return true;
}

bool lesson_load_text(const char *path, const char *text, size_t length, const char *const *sets, int set_count,
                      lesson *out, lesson_error *err) {
    int errors = 0;
    err->message[0] = '\0';
    checker c = {.path = path, .err = err, .errors = &errors};
    return parse_and_read(path, text, length, sets, set_count, out, &c);
}

bool lesson_load(const char *path, const char *const *sets, int set_count, lesson *out, lesson_error *err) {
    memset(out, 0, sizeof *out);
    err->message[0] = '\0';
    char *text = lesson_read_text(path, err);
    if (!text) return false;
    bool ok = lesson_load_text(path, text, strlen(text), sets, set_count, out, err);
    free(text);
    return ok;
}

int lesson_check_text(const char *path, const char *text, size_t length, lesson_error_fn sink, void *user) {
    int errors = 0;
    lesson_error first;
    checker c = {.path = path, .err = &first, .errors = &errors, .sink = sink, .user = user};
    /* A lesson is large: on the heap, not the stack of whoever checks. */
    lesson *l = malloc(sizeof *l);
    if (!l) {
        check_fail_line(&c, "out of memory");
        return errors;
    }
    if (parse_and_read(path, text, length, NULL, 0, l, &c)) lesson_free(l);
    free(l);
    return errors;
}

int lesson_check(const char *path, lesson_error_fn sink, void *user) {
    lesson_error err;
    char *text = lesson_read_text(path, &err);
    if (!text) {
        if (sink) sink(err.message, user);
        return 1;
    }
    int n = lesson_check_text(path, text, strlen(text), sink, user);
    free(text);
    return n;
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

#ifndef FIBRELAB_RELATIVE_DATADIR
#define FIBRELAB_RELATIVE_DATADIR "../share/fibrelab"
#endif

/* An installed or packaged copy (a binary known to run outside the build tree
 * it was built in) must not read the checkout it was built from. */
static bool outside_build_tree(const char *exe_dir) {
#ifdef FIBRELAB_BUILD_DIR
    char build[LESSON_PATH_MAX];
    if (!exe_dir) return false;
    if (!realpath(FIBRELAB_BUILD_DIR, build)) return true;
    size_t n = strlen(build);
    return strncmp(exe_dir, build, n) != 0 || (exe_dir[n] != '/' && exe_dir[n] != '\0');
#else
    (void)exe_dir;
    return false;
#endif
}

int lesson_asset_dirs(const char *kind, char dirs[][LESSON_PATH_MAX], int max_dirs) {
    int n = 0, len;
    const char *env = getenv("FIBRELAB_DATA_DIR");
    if (env && env[0] && n < max_dirs) {
        len = snprintf(dirs[n], LESSON_PATH_MAX, "%s/%s", env, kind);
        if (len > 0 && len < LESSON_PATH_MAX) n++;
    }
    /* Installed (BINDIR/../share/fibrelab/assets, wherever the tree was
     * copied to) or run from a folder where assets sit beside the binary. */
    char exe[LESSON_PATH_MAX];
    ssize_t got = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (got > 0) {
        exe[got] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const rel[] = {("/" FIBRELAB_RELATIVE_DATADIR "/assets/"), "/assets/"};
        for (int i = 0; i < 2 && n < max_dirs; i++) {
            len = snprintf(dirs[n], LESSON_PATH_MAX, "%s%s%s", exe, rel[i], kind);
            if (len > 0 && len < LESSON_PATH_MAX) n++;
        }
    }
#ifdef FIBRELAB_SOURCE_ASSETS
    if (n < max_dirs && !outside_build_tree(got > 0 ? exe : NULL)) {
        len = snprintf(dirs[n], LESSON_PATH_MAX, "%s/%s", FIBRELAB_SOURCE_ASSETS, kind);
        if (len > 0 && len < LESSON_PATH_MAX) n++;
    }
#endif
    return n;
}

int lesson_dirs(char dirs[][LESSON_PATH_MAX], int max_dirs) {
    return lesson_asset_dirs("lessons", dirs, max_dirs);
}

bool lesson_asset_resolve(const char *kind, const char *name_or_path, char *path, size_t path_size) {
    size_t n = name_or_path ? strlen(name_or_path) : 0;
    if (n == 0 || path_size == 0) return false;
    if (strchr(name_or_path, '/') || (n >= 5 && strcmp(name_or_path + n - 5, ".json") == 0)) {
        /* A path: the loader reports it if it cannot be opened. */
        return (size_t)snprintf(path, path_size, "%s", name_or_path) < path_size;
    }
    char dirs[4][LESSON_PATH_MAX];
    int nd = lesson_asset_dirs(kind, dirs, 4);
    for (int i = 0; i < nd; i++) {
        int len = snprintf(path, path_size, "%s/%s.json", dirs[i], name_or_path);
        if (len > 0 && (size_t)len < path_size && access(path, R_OK) == 0) return true;
    }
    path[0] = '\0';
    return false;
}

bool lesson_resolve(const char *name_or_path, char *path, size_t path_size) {
    return lesson_asset_resolve("lessons", name_or_path, path, path_size);
}

static int compare_ids(const void *a, const void *b) {
    return strcmp((const char *)a, (const char *)b);
}

int lesson_asset_list(const char *kind, char ids[][64], int max_ids) {
    char dirs[4][LESSON_PATH_MAX];
    int nd = lesson_asset_dirs(kind, dirs, 4), count = 0;
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

int lesson_list(char ids[][64], int max_ids) {
    return lesson_asset_list("lessons", ids, max_ids);
}
