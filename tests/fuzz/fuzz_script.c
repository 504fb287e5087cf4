/* fuzz_script.c: libFuzzer harness for the script parser, against a lesson
 * with two muscles (one name with a space, as scripts quote or underscore
 * it). No crash, leak or sanitizer report; a failure is one line. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static lesson l;
    if (l.desc.muscle_count == 0) {
        l.desc = sim_world_desc_default();
        l.desc.muscles[0] = sim_muscle_desc_default();
        strcpy(l.desc.muscles[0].name, "muscle");
        l.desc.muscles[1] = sim_muscle_desc_default();
        strcpy(l.desc.muscles[1].name, "biceps femoris");
        l.desc.muscle_count = 2;
    }
    /* scripts are text: the parser takes a NUL-terminated string */
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    script s;
    lesson_error err;
    if (script_parse(text, "fuzz", &l, &s, &err)) {
        for (int i = 0; i < s.count; i++)
            if (s.actions[i].time_s < 0 || s.actions[i].time_s > s.end_s + 1e-9) abort();
        script_free(&s);
    } else if (strchr(err.message, '\n')) {
        abort();
    }
    free(text);
    return 0;
}
