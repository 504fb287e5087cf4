/* condition.h: condition cards (assets/conditions/ID.json): for each
 * condition STR is taught for (tennis elbow, carpal tunnel, ...), when it
 * may help, its cautions, when not to treat, and the sources.
 *
 * A card is data, read and checked like a lesson: a broken file is one line
 * "PATH: FIELD: reason". Lessons name the cards that apply to them
 * (`"conditions": ["tennis-elbow"]`). Every card is shown with
 * CONDITION_NOT_ADVICE: the program teaches concepts, it does not advise.
 *
 *     condition_card *card = malloc(sizeof *card);
 *     if (condition_resolve("tennis-elbow", path, sizeof path) && condition_load(path, card, &err))
 *         condition_write_text(stdout, card);
 */
#ifndef FIBRELAB_CONDITION_H
#define FIBRELAB_CONDITION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lesson.h"

#define CONDITION_ID_MAX 64
#define CONDITION_NAME_MAX 128
#define CONDITION_TEXT_MAX 640
#define CONDITION_MAX_ITEMS 8

#define CONDITION_NOT_ADVICE \
    "fibrelab teaches concepts of a massage technique; it is not medical advice. See a qualified health professional for a diagnosis and treatment."

/* A list of points, each one line. */
typedef struct condition_list {
    char items[CONDITION_MAX_ITEMS][CONDITION_TEXT_MAX];
    int count;
} condition_list;

typedef struct condition_card {
    char path[LESSON_PATH_MAX];
    char id[CONDITION_ID_MAX];
    char name[CONDITION_NAME_MAX];  /* "Tennis elbow (lateral epicondylitis)" */
    char about[CONDITION_TEXT_MAX]; /* what it is, in a sentence or two */
    condition_list may_help;        /* when STR may help */
    condition_list cautions;
    condition_list do_not_treat;    /* when not to treat: refer on */
    condition_list sources;
} condition_card;

/* An id (looked up in the "conditions" data directories, as lessons are in
 * "lessons") or a path (anything with a '/' or ending in ".json"). */
bool condition_resolve(const char *id_or_path, char *path, size_t path_size);
/* Loads and checks a card; false with err = "PATH: FIELD: reason". */
bool condition_load(const char *path, condition_card *out, lesson_error *err);
bool condition_load_text(const char *path, const char *text, size_t length, condition_card *out, lesson_error *err);
/* The ids of the cards found, sorted; returns how many. */
int condition_list_ids(char ids[][64], int max_ids);
/* The card in plain text, ending with CONDITION_NOT_ADVICE. False on a write error. */
bool condition_write_text(FILE *f, const condition_card *card);

#endif
