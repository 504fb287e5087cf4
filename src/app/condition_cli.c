/* condition_cli.c: `fibrelab --conditions [ID]`: finds, checks and prints
 * condition cards (src/lesson/condition.h); errors are one line each. */
#include <stdio.h>
#include <stdlib.h>

#include "condition.h"
#include "condition_cli.h"

#define CONDITION_CLI_MAX 64

/* One card by id; `card` is scratch space (a card is large). */
static int print_one(const char *id, condition_card *card) {
    char path[LESSON_PATH_MAX];
    lesson_error err;
    if (!condition_resolve(id, path, sizeof path)) {
        fprintf(stderr, "fibrelab: --conditions: no condition card named \"%s\" (see fibrelab --conditions)\n", id);
        return 2;
    }
    if (!condition_load(path, card, &err)) {
        fprintf(stderr, "fibrelab: %s\n", err.message);
        return 2;
    }
    return condition_write_text(stdout, card) ? 0 : 1;
}

int condition_cli_print(const char *id) {
    condition_card *card = malloc(sizeof *card);
    if (!card) {
        fprintf(stderr, "fibrelab: out of memory\n");
        return 1;
    }
    int status = 0;
    if (id) {
        status = print_one(id, card);
    } else {
        char ids[CONDITION_CLI_MAX][64];
        int n = condition_list_ids(ids, CONDITION_CLI_MAX);
        if (n == 0) {
            fprintf(stderr, "fibrelab: no condition cards found (set FIBRELAB_DATA_DIR to the folder holding conditions/)\n");
            status = 1;
        }
        for (int i = 0; i < n && status == 0; i++) {
            if (i) putchar('\n');
            status = print_one(ids[i], card);
        }
    }
    free(card);
    if (status == 0 && fflush(stdout) != 0) status = 1;
    return status;
}
