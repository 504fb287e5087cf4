/* fuzz_condition.c: libFuzzer harness for the condition card reader. Any
 * bytes: no crash, leak or sanitizer report, and a failure is one line. The
 * name matches the shipped tennis-elbow card in the corpus, so it reads cleanly. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "condition.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static condition_card card; /* large: not on the stack */
    lesson_error err;
    if (!condition_load_text("tennis-elbow.json", (const char *)data, size, &card, &err) && strchr(err.message, '\n'))
        abort();
    return 0;
}
