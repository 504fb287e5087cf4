/* lesson_steps.c: a lesson's optional `steps` and `danger_zones`, read and
 * checked like every other key.
 *
 * A step is an instruction in plain words and a condition on the model's
 * state that completes it. Conditions are data: a small set of kinds, each
 * with its parameters, so a lesson needs no code. The app's coach evaluates
 * them (src/app/coach.c); here they are only read and range-checked.
 * assets/lessons/README.md documents both keys: keep the two in step.
 */
#include <float.h>
#include <stdio.h>
#include <string.h>

#include "lesson_check.h"

static const char *const condition_names[LESSON_COND_COUNT] = {
    "joint_near", "lock_before_tangle", "stretch_reached", "unlocked", "adhesions_released",
};

const char *lesson_condition_name(lesson_condition_kind kind) {
    return kind >= 0 && kind < LESSON_COND_COUNT ? condition_names[kind] : "?";
}

/* A number > 0 and at most hi. */
static bool positive(const checker *c, const cJSON *obj, const char *where, const char *key, bool required,
                     double hi, float *dst) {
    double x = 0;
    bool present;
    char field[CHECK_FIELD_MAX];
    if (!check_double(c, obj, where, key, required, -DBL_MAX, DBL_MAX, &x, &present)) return false;
    if (!present) return true;
    check_join_field(field, where, key);
    if (x <= 0) return check_fail(c, field, "must be > 0, got %g", x);
    if (x > hi) return check_fail(c, field, "must be at most %g, got %g", hi, x);
    *dst = (float)x;
    return true;
}

/* A tangle index that exists (checked only when every tangle was read). */
static bool tangle_index(const checker *c, const cJSON *obj, const char *where, const lesson_refs *refs, int *dst) {
    double x = 0;
    bool present;
    if (!check_integer(c, obj, where, "tangle", true, 0, LESSON_MAX_EXACT_INT, &x, &present)) return false;
    char field[CHECK_FIELD_MAX];
    check_join_field(field, where, "tangle");
    int n = refs->desc->tangle_count;
    if (refs->tangles_ok && x >= n) {
        if (n == 0) return check_fail(c, field, "this lesson has no tangles, got %g", x);
        return check_fail(c, field, "must be the index of a tangle (0 to %d), got %g", n - 1, x);
    }
    *dst = (int)x;
    return true;
}

/* done_when: {"KIND": {parameters}}, exactly one kind. */
static bool read_condition(const checker *c, const cJSON *v, const char *where, const lesson_refs *refs,
                           lesson_condition *out) {
    char got[64], field[CHECK_FIELD_MAX];
    if (!check_object(c, v, where)) return false;
    int n = cJSON_GetArraySize(v);
    if (n != 1) {
        if (n == 0)
            return check_fail(c, where,
                              "must name one condition: joint_near, lock_before_tangle, stretch_reached, unlocked "
                              "or adhesions_released");
        return check_fail(c, where, "must name exactly one condition, got %d", n);
    }
    const cJSON *p = v->child;
    check_join_field(field, where, p->string);
    int kind = 0;
    while (kind < LESSON_COND_COUNT && strcmp(p->string, condition_names[kind]) != 0) kind++;
    if (kind == LESSON_COND_COUNT)
        return check_fail(c, field,
                          "unknown condition (expected joint_near, lock_before_tangle, stretch_reached, unlocked "
                          "or adhesions_released)");
    if (!cJSON_IsObject(p)) {
        check_describe(p, got, sizeof got);
        return check_fail(c, field, "must be an object, got %s", got);
    }
    memset(out, 0, sizeof *out);
    out->kind = (lesson_condition_kind)kind;
    bool ok;
    switch (out->kind) {
    case LESSON_COND_JOINT_NEAR: {
        static const char *const keys[] = {"pose", "within_deg"};
        ok = check_keys(c, p, field, keys, 2);
        ok = check_float(c, p, field, "pose", true, 0, 1, 1.0, &out->pose) && ok;
        ok = positive(c, p, field, "within_deg", true, 180, &out->within_deg) && ok;
        return ok;
    }
    case LESSON_COND_LOCK_BEFORE_TANGLE: {
        static const char *const keys[] = {"tangle", "within"};
        ok = check_keys(c, p, field, keys, 2);
        ok = tangle_index(c, p, field, refs, &out->tangle) && ok;
        ok = positive(c, p, field, "within", true, 1, &out->within) && ok;
        return ok;
    }
    case LESSON_COND_STRETCH_REACHED: {
        static const char *const keys[] = {"to", "max_speed_deg_s"};
        ok = check_keys(c, p, field, keys, 2);
        ok = check_float(c, p, field, "to", true, 0, 1, 1.0, &out->to) && ok;
        ok = positive(c, p, field, "max_speed_deg_s", false, 1000, &out->max_speed_deg_s) && ok;
        return ok;
    }
    case LESSON_COND_UNLOCKED:
        return check_keys(c, p, field, NULL, 0);
    case LESSON_COND_ADHESIONS_RELEASED: {
        static const char *const keys[] = {"tangle", "at_least"};
        ok = check_keys(c, p, field, keys, 2);
        ok = tangle_index(c, p, field, refs, &out->tangle) && ok;
        ok = check_float(c, p, field, "at_least", true, 0, 1, 1.0, &out->at_least) && ok;
        return ok;
    }
    case LESSON_COND_COUNT: break;
    }
    return false;
}

static bool read_hints(const checker *c, const cJSON *v, const char *where, lesson_step *out) {
    char field[CHECK_FIELD_MAX];
    if (!check_array(c, v, where)) return false;
    int n = cJSON_GetArraySize(v);
    if (n > LESSON_MAX_HINTS) return check_fail(c, where, "must list at most %d hints, got %d", LESSON_MAX_HINTS, n);
    bool ok = true;
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        check_index_field(field, where, i);
        ok = check_string_value(c, it, field, out->hints[i], sizeof out->hints[i]) && ok;
    }
    out->hint_count = n;
    return ok;
}

static bool read_step(const checker *c, const cJSON *s, int index, const lesson_refs *refs, lesson_step *out) {
    static const char *const keys[] = {"instruction", "done_when", "hints"};
    char w[CHECK_FIELD_MAX], field[CHECK_FIELD_MAX];
    check_index_field(w, "steps", index);
    if (!check_object(c, s, w)) return false;
    memset(out, 0, sizeof *out);
    bool ok = check_keys(c, s, w, keys, 3);
    ok = check_string(c, s, w, "instruction", true, out->instruction, sizeof out->instruction) && ok;
    bool present;
    const cJSON *cond = check_member(c, s, w, "done_when", true, &present);
    if (cond) {
        check_join_field(field, w, "done_when");
        ok = read_condition(c, cond, field, refs, &out->done_when) && ok;
    } else {
        ok = false;
    }
    const cJSON *hints = cJSON_GetObjectItemCaseSensitive(s, "hints");
    if (hints) {
        check_join_field(field, w, "hints");
        ok = read_hints(c, hints, field, out) && ok;
    }
    return ok;
}

bool lesson_read_steps(const checker *c, const cJSON *root, const lesson_refs *refs, lesson *l) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "steps");
    if (!v) return true;
    if (!check_array(c, v, "steps")) return false;
    int n = cJSON_GetArraySize(v);
    if (n > LESSON_MAX_STEPS) return check_fail(c, "steps", "must list at most %d steps, got %d", LESSON_MAX_STEPS, n);
    bool ok = true;
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) ok = read_step(c, it, i, refs, &l->steps[i]) && ok;
    l->step_count = n;
    return ok;
}

static bool read_zone(const checker *c, const cJSON *z, int index, const lesson_refs *refs, lesson_danger_zone *out) {
    static const char *const keys[] = {"name", "muscle", "from", "to"};
    char w[CHECK_FIELD_MAX], field[CHECK_FIELD_MAX];
    check_index_field(w, "danger_zones", index);
    if (!check_object(c, z, w)) return false;
    memset(out, 0, sizeof *out);
    bool ok = check_keys(c, z, w, keys, 4);
    ok = check_string(c, z, w, "name", true, out->name, sizeof out->name) && ok;
    ok = lesson_check_muscle_ref(c, z, w, "muscle", true, refs->desc, refs->names_ok, &out->muscle) && ok;
    bool from_ok = check_float(c, z, w, "from", true, 0, 1, 1.0, &out->from);
    bool to_ok = check_float(c, z, w, "to", true, 0, 1, 1.0, &out->to);
    if (from_ok && to_ok && out->to < out->from) {
        check_join_field(field, w, "to");
        return check_fail(c, field, "must be at least from (%g), got %g", out->from, out->to);
    }
    return ok && from_ok && to_ok;
}

bool lesson_read_danger_zones(const checker *c, const cJSON *root, const lesson_refs *refs, lesson *l) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "danger_zones");
    if (!v) return true;
    if (!check_array(c, v, "danger_zones")) return false;
    int n = cJSON_GetArraySize(v);
    if (n > LESSON_MAX_DANGER_ZONES)
        return check_fail(c, "danger_zones", "must list at most %d danger zones, got %d", LESSON_MAX_DANGER_ZONES, n);
    bool ok = true;
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++)
        ok = read_zone(c, it, i, refs, &l->danger_zones[i]) && ok;
    l->danger_zone_count = n;
    return ok;
}
