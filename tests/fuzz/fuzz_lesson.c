/* fuzz_lesson.c: libFuzzer harness for the lesson reader. Any bytes, read
 * both ways: lesson_load_text (stops at the first problem) and
 * lesson_check_text (lists them all). Neither may crash, leak or trip a
 * sanitizer; every message must be one line. The name makes the shipped
 * two-bands lesson in the corpus read cleanly, so its script is parsed too. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one_line(const char *message, void *user) {
    (void)user;
    if (strchr(message, '\n')) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static lesson l; /* large: not on the stack */
    lesson_error err;
    if (lesson_load_text("two-bands.json", (const char *)data, size, NULL, 0, &l, &err))
        lesson_free(&l);
    else
        one_line(err.message, NULL);
    lesson_check_text("two-bands.json", (const char *)data, size, one_line, NULL);
    return 0;
}
