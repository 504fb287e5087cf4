/* report_csv.c: the run's time series as CSV, one row per sample, with a
 * header naming each column and its unit (RFC 4180: commas, "\r\n" is not
 * needed by spreadsheets, so plain "\n"). Numbers are written with the
 * fewest digits that read back as the same float. */
#include <stdio.h>
#include <stdlib.h>

#include "report_save.h"

#define REPORT_CSV_HEADER \
    "time_s,joint_deg,tension_n,pain_0_10,tone_0_1,adhesions_released,lock_on,pressure_kpa\n"

static void put_float(FILE *f, float x) {
    char buf[32];
    for (int digits = 6; digits <= 9; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (strtof(buf, NULL) == x) break;
    }
    fputs(buf, f);
}

void report_put_csv(FILE *f, const timeseries *ts) {
    fputs(REPORT_CSV_HEADER, f);
    for (int i = 0; i < ts->count; i++) {
        const timeseries_sample *s = &ts->samples[i];
        fprintf(f, "%.4f,", s->time_s);
        const float values[] = {s->joint_deg, s->tension_n, s->pain, s->tone};
        for (size_t k = 0; k < sizeof values / sizeof *values; k++) {
            put_float(f, values[k]);
            fputc(',', f);
        }
        fprintf(f, "%d,%d,", s->adhesions_released, s->locked ? 1 : 0);
        put_float(f, s->pressure_kpa);
        fputc('\n', f);
    }
}
