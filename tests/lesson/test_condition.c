/* test_condition.c: condition cards: every shipped card loads whole, every
 * shipped lesson's cards exist, broken cards give their exact one-line
 * message, and a lesson's `conditions` are checked (all problems listed). */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "condition.h"
#include "lesson.h"

#ifndef LESSON_FIXTURES
#error "LESSON_FIXTURES must name tests/lesson/fixtures"
#endif

static const char *const shipped[] = {"tendonitis", "golfers-elbow", "tennis-elbow",
                                      "chronic-pain", "arthritis", "carpal-tunnel"};

static void test_shipped_cards(void **state) {
    (void)state;
    condition_card *card = malloc(sizeof *card);
    assert_non_null(card);
    char ids[64][64], path[LESSON_PATH_MAX];
    int n = condition_list_ids(ids, 64);
    assert_int_equal(n, 6);
    for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
        lesson_error err;
        assert_true(condition_resolve(shipped[i], path, sizeof path));
        if (!condition_load(path, card, &err)) fail_msg("%s", err.message);
        assert_string_equal(card->id, shipped[i]);
        assert_true(card->name[0] && card->about[0]);
        assert_true(card->may_help.count >= 1 && card->cautions.count >= 1);
        assert_true(card->do_not_treat.count >= 1 && card->sources.count >= 1);
        /* the text form carries every part and the not-medical-advice line */
        char *text = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&text, &size);
        assert_non_null(f);
        assert_true(condition_write_text(f, card));
        fclose(f);
        assert_non_null(strstr(text, card->name));
        assert_non_null(strstr(text, card->cautions.items[0]));
        assert_non_null(strstr(text, card->do_not_treat.items[card->do_not_treat.count - 1]));
        assert_non_null(strstr(text, card->sources.items[0]));
        assert_non_null(strstr(text, "not medical advice"));
        free(text);
    }
    free(card);
}

/* Every card a shipped lesson names exists and loads. */
static void test_lessons_name_real_cards(void **state) {
    (void)state;
    condition_card *card = malloc(sizeof *card);
    lesson *l = malloc(sizeof *l);
    assert_true(card && l);
    char ids[64][64], path[LESSON_PATH_MAX];
    int n = lesson_list(ids, 64), named = 0;
    bool tennis_in_extensors = false;
    for (int i = 0; i < n; i++) {
        lesson_error err;
        assert_true(lesson_resolve(ids[i], path, sizeof path));
        if (!lesson_load(path, NULL, 0, l, &err)) fail_msg("%s", err.message);
        for (int k = 0; k < l->condition_count; k++, named++) {
            assert_true(condition_resolve(l->conditions[k], path, sizeof path));
            if (!condition_load(path, card, &err)) fail_msg("%s", err.message);
            tennis_in_extensors |= strcmp(ids[i], "wrist-extensors") == 0 && strcmp(card->id, "tennis-elbow") == 0;
        }
        lesson_free(l);
    }
    assert_true(named >= 5);
    assert_true(tennis_in_extensors);
    free(card);
    free(l);
}

static void expect_card_error(const char *file, const char *tail) {
    char path[LESSON_PATH_MAX], want[LESSON_ERROR_MAX + LESSON_PATH_MAX];
    snprintf(path, sizeof path, "%s/conditions/%s", LESSON_FIXTURES, file);
    snprintf(want, sizeof want, "%s%s", path, tail);
    condition_card *card = malloc(sizeof *card);
    assert_non_null(card);
    lesson_error err;
    assert_false(condition_load(path, card, &err));
    assert_string_equal(err.message, want);
    assert_string_equal(card->id, ""); /* left empty */
    free(card);
}

static void test_bad_cards(void **state) {
    (void)state;
    expect_card_error("missing-cautions.json", ": cautions: missing required key");
    expect_card_error("unknown-key.json", ": may_hlep: unknown key (typo?)");
    expect_card_error("empty-list.json", ": do_not_treat: must list 1 to 8 points, got 0");
    expect_card_error("source-not-text.json", ": sources[1]: must be a string, got 3");
    expect_card_error("id-mismatch-card.json", ": id: must equal the file name \"id-mismatch-card\", got \"other\"");
    expect_card_error("bad-syntax-card.json", ":5:3: invalid JSON near '\"about\": \"y\"'");
    expect_card_error("gone.json", ": cannot open: No such file or directory");
    condition_card *card = malloc(sizeof *card);
    lesson_error err;
    char path[LESSON_PATH_MAX];
    snprintf(path, sizeof path, "%s/conditions/good-card.json", LESSON_FIXTURES);
    assert_true(condition_load(path, card, &err));
    assert_string_equal(card->cautions.items[0], "A caution.");
    /* any bytes: no crash, one line */
    const char junk[] = "{\"schema\": 1, \"id\": \"good-card\", \"name\": \"\\n\", \"about\": [1]}";
    assert_false(condition_load_text(path, junk, sizeof junk - 1, card, &err));
    assert_null(strchr(err.message, '\n'));
    assert_false(condition_load_text(path, "{\0}", 3, card, &err));
    /* a byte order mark before the card is read past, as in lessons */
    char *text = lesson_read_text(path, &err), *marked = malloc(strlen(text) + 4);
    assert_non_null(text);
    assert_non_null(marked);
    snprintf(marked, strlen(text) + 4, "\xEF\xBB\xBF%s", text);
    assert_true(condition_load_text(path, marked, strlen(marked), card, &err));
    assert_string_equal(card->cautions.items[0], "A caution.");
    free(marked);
    free(text);
    free(card);
}

static void collect(const char *message, void *user) {
    char *all = user;
    strncat(all, message, 4096 - strlen(all) - 2);
    strcat(all, "\n");
}

/* A lesson's conditions: every problem listed, in order. */
static void test_lesson_conditions_checked(void **state) {
    (void)state;
    char path[LESSON_PATH_MAX], *all = calloc(4096, 1), want[4096];
    assert_non_null(all);
    snprintf(path, sizeof path, "%s/bad-conditions.json", LESSON_FIXTURES);
    assert_int_equal(lesson_check(path, collect, all), 4);
    const char *const tails[] = {
        ": conditions[1]: no condition card \"no-such-card\" (see fibrelab --conditions)\n",
        ": conditions[2]: \"tennis-elbow\" is listed twice (also conditions[0])\n",
        ": conditions[3]: must be a condition card id such as \"tennis-elbow\", got \"../x.json\"\n",
        ": conditions[4]: must be a string, got 7\n"};
    want[0] = '\0';
    for (int i = 0; i < 4; i++) {
        strcat(want, path);
        strcat(want, tails[i]);
    }
    assert_string_equal(all, want);
    free(all);
    /* --set reaches the key like any other */
    lesson *l = malloc(sizeof *l);
    lesson_error err;
    const char *sets[] = {"conditions=[\"carpal-tunnel\"]"};
    assert_true(lesson_resolve("two-bands", path, sizeof path));
    if (!lesson_load(path, sets, 1, l, &err)) fail_msg("%s", err.message);
    assert_int_equal(l->condition_count, 1);
    assert_string_equal(l->conditions[0], "carpal-tunnel");
    lesson_free(l);
    free(l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_cards),
        cmocka_unit_test(test_lessons_name_real_cards),
        cmocka_unit_test(test_bad_cards),
        cmocka_unit_test(test_lesson_conditions_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
