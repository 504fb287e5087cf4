/* condition.c: condition cards read with cJSON, checked key by key like
 * lessons (lesson_check.c's getters), and written out as plain text.
 * The schema is documented in assets/lessons/README.md ("Condition cards"):
 * keep the two in step.
 */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "condition.h"
#include "lesson_check.h"

/* A required list of 1 to CONDITION_MAX_ITEMS one-line strings. */
static bool read_list(const checker *c, const cJSON *root, const char *key, condition_list *out) {
    char field[CHECK_FIELD_MAX];
    bool ok;
    const cJSON *v = check_member(c, root, "", key, true, &ok);
    if (!v) return false;
    if (!check_string_array(c, v, key)) return false;
    int n = cJSON_GetArraySize(v);
    if (n < 1 || n > CONDITION_MAX_ITEMS)
        return check_fail(c, key, "must list 1 to %d points, got %d", CONDITION_MAX_ITEMS, n);
    int i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        check_index_field(field, key, i);
        ok = check_string_value(c, it, field, out->items[i], sizeof out->items[i]) && ok;
    }
    out->count = n;
    return ok;
}

static bool read_card(const checker *c, const cJSON *root, condition_card *card) {
    static const char *const keys[] = {"schema", "id", "name", "about", "may_help", "cautions", "do_not_treat",
                                       "sources"};
    bool ok = true;
    if (!check_header(c, root, keys, (int)(sizeof keys / sizeof *keys), card->id, sizeof card->id, &ok)) return false;
    ok = check_string(c, root, "", "name", true, card->name, sizeof card->name) && ok;
    ok = check_string(c, root, "", "about", true, card->about, sizeof card->about) && ok;
    ok = read_list(c, root, "may_help", &card->may_help) && ok;
    ok = read_list(c, root, "cautions", &card->cautions) && ok;
    ok = read_list(c, root, "do_not_treat", &card->do_not_treat) && ok;
    ok = read_list(c, root, "sources", &card->sources) && ok;
    return ok;
}

bool condition_load_text(const char *path, const char *text, size_t length, condition_card *out, lesson_error *err) {
    int errors = 0;
    checker c = {.path = path, .err = err, .errors = &errors};
    memset(out, 0, sizeof *out);
    err->message[0] = '\0';
    cJSON *root = check_parse(&c, text, length);
    if (!root) return false;
    bool ok = read_card(&c, root, out) && errors == 0;
    cJSON_Delete(root);
    if (!ok) {
        memset(out, 0, sizeof *out);
        return false;
    }
    snprintf(out->path, sizeof out->path, "%s", path);
    return true;
}

bool condition_load(const char *path, condition_card *out, lesson_error *err) {
    memset(out, 0, sizeof *out);
    char *text = lesson_read_text(path, err);
    if (!text) return false;
    bool ok = condition_load_text(path, text, strlen(text), out, err);
    free(text);
    return ok;
}

bool condition_resolve(const char *id_or_path, char *path, size_t path_size) {
    return lesson_asset_resolve("conditions", id_or_path, path, path_size);
}

int condition_list_ids(char ids[][64], int max_ids) {
    return lesson_asset_list("conditions", ids, max_ids);
}

static void write_list(FILE *f, const char *heading, const condition_list *l) {
    fprintf(f, "%s\n", heading);
    for (int i = 0; i < l->count; i++) fprintf(f, "  - %s\n", l->items[i]);
}

bool condition_write_text(FILE *f, const condition_card *card) {
    fprintf(f, "%s [%s]\n  %s\n", card->name, card->id, card->about);
    write_list(f, "When STR may help:", &card->may_help);
    write_list(f, "Cautions:", &card->cautions);
    write_list(f, "When not to treat (refer to a health professional):", &card->do_not_treat);
    write_list(f, "Sources:", &card->sources);
    fprintf(f, "%s\n", CONDITION_NOT_ADVICE);
    return !ferror(f);
}
