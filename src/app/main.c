/* main.c: fibrelab's command line.
 *
 *     fibrelab --headless --lesson NAME|PATH [--script PATH|-] [--report PATH|-]
 *              [--seed N] [--set KEY=VALUE]...
 *     fibrelab --list-lessons | --help | --version
 *     fibrelab [--lesson NAME|PATH] ...   (the window later; for now a summary)
 *
 * Exit status: 0 ok, 1 a failure at run time (the report cannot be written),
 * 2 bad usage or bad input. Every error is one line on stderr, "fibrelab: "
 * then the flag, file or field it is about.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "runner.h"
#include "script.h"

#ifndef FIBRELAB_VERSION
#define FIBRELAB_VERSION "unknown"
#endif

#define DEFAULT_LESSON "two-bands"
/* Largest seed a JSON report (IEEE doubles) carries exactly. */
#define MAX_SEED 9007199254740991ull

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct cli {
    bool headless, list, help, version;
    const char *lesson, *script, *report;
    bool seed_given;
    uint64_t seed;
    const char **sets;
    int set_count;
} cli;

static const char usage_text[] =
    "usage: fibrelab --headless --lesson NAME|PATH [--script PATH|-] [--report PATH|-]\n"
    "                [--seed N] [--set KEY=VALUE]...\n"
    "       fibrelab --list-lessons\n"
    "       fibrelab --help | --version\n"
    "\n"
    "Soft tissue release, simulated: lock a muscle, stretch it, and see why the lock works.\n"
    "\n"
    "  --headless          run without a window and print or write the report\n"
    "  --lesson NAME|PATH  a lesson id (see --list-lessons) or a lesson file\n"
    "  --script PATH|-     timed actions to play (default: the lesson's demonstration,\n"
    "                      else a plain stretch with no lock); - reads standard input\n"
    "  --report PATH|-     where to write the JSON report (default: standard output)\n"
    "  --seed N            random seed, a non-negative integer (default: the lesson's)\n"
    "  --set KEY=VALUE     change one lesson value before the run, e.g.\n"
    "                      --set tangles[0].at=0.62  --set muscles[0].fibres=400\n"
    "  --list-lessons      list the lessons found\n"
    "  --help, --version   this text, or the version\n"
    "\n"
    "With no arguments, runs the default lesson (" DEFAULT_LESSON ") and prints a summary\n"
    "and its report. Lesson files, scripts and the report: assets/lessons/README.md.\n"
    "Exit status: 0 ok, 1 failure at run time, 2 bad usage or input.\n";

static int usage_error(const char *flag, const char *reason) {
    fprintf(stderr, "fibrelab: %s: %s\n", flag, reason);
    return EXIT_USAGE;
}

static bool parse_seed(const char *text, uint64_t *out) {
    if (text[0] < '0' || text[0] > '9') return false; /* no sign, no space */
    errno = 0;
    char *end;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || *end != '\0' || v > MAX_SEED) return false;
    *out = v;
    return true;
}

/* Flags take their value as the next argument or after '=' (--seed=3). */
static int parse_args(int argc, char **argv, cli *o) {
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        char flag[64];
        const char *value = NULL;
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        size_t flen = eq ? (size_t)(eq - arg) : strlen(arg);
        snprintf(flag, sizeof flag, "%.*s", (int)(flen < sizeof flag ? flen : sizeof flag - 1), arg);
        if (eq) value = eq + 1;

        bool *toggle = strcmp(flag, "--headless") == 0       ? &o->headless
                       : strcmp(flag, "--list-lessons") == 0 ? &o->list
                       : strcmp(flag, "--help") == 0         ? &o->help
                       : strcmp(flag, "-h") == 0             ? &o->help
                       : strcmp(flag, "--version") == 0      ? &o->version
                                                             : NULL;
        if (toggle) {
            if (value) return usage_error(flag, "takes no value");
            *toggle = true;
            continue;
        }
        bool takes_value = strcmp(flag, "--lesson") == 0 || strcmp(flag, "--script") == 0 ||
                           strcmp(flag, "--report") == 0 || strcmp(flag, "--seed") == 0 ||
                           strcmp(flag, "--set") == 0;
        if (!takes_value) {
            if (arg[0] == '-' && arg[1] != '\0') return usage_error(flag, "unknown option (see --help)");
            return usage_error(arg, "unexpected argument (see --help)");
        }
        if (!value) {
            /* "--lesson --seed 3" is a forgotten value, not a lesson named --seed */
            if (i + 1 >= argc || strncmp(argv[i + 1], "--", 2) == 0) return usage_error(flag, "missing value");
            value = argv[++i];
        }
        if (value[0] == '\0') return usage_error(flag, "empty value");
        if (strcmp(flag, "--set") == 0) {
            o->sets[o->set_count++] = value;
            continue;
        }
        if (strcmp(flag, "--seed") == 0) {
            if (o->seed_given) return usage_error(flag, "given more than once");
            if (!parse_seed(value, &o->seed)) {
                fprintf(stderr, "fibrelab: --seed: must be a non-negative integer, got \"%s\"\n", value);
                return EXIT_USAGE;
            }
            o->seed_given = true;
            continue;
        }
        const char **slot = strcmp(flag, "--lesson") == 0 ? &o->lesson
                            : strcmp(flag, "--script") == 0 ? &o->script
                                                            : &o->report;
        if (*slot) return usage_error(flag, "given more than once");
        *slot = value;
    }
    return EXIT_OK;
}

static int list_lessons(void) {
    char ids[256][64];
    int n = lesson_list(ids, 256);
    if (n == 0) {
        fprintf(stderr, "fibrelab: no lessons found (set FIBRELAB_DATA_DIR to the folder holding lessons/)\n");
        return EXIT_RUNTIME;
    }
    for (int i = 0; i < n; i++) printf("%s\n", ids[i]);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}

/* A few plain lines for a person; the report follows for tools. */
static void print_summary(const lesson *l, const runner_report *r) {
    printf("fibrelab %s: lesson %s (%s), seed %" PRIu64 ", %s\n", FIBRELAB_VERSION, l->id, l->title, r->seed,
           lesson_mode_name(l, r->mode));
    printf("  %.1f s of model time\n", r->sim_time_s);
    printf("  adhesions released: %d of %d\n", r->adhesions_released, r->adhesions_total);
    printf("  alignment: %.3f -> %.3f (healthy %.3f)\n", r->alignment_start, r->alignment_end,
           r->healthy_alignment);
    printf("  range of motion: %.1f -> %.1f deg\n", r->rom_start_deg, r->rom_end_deg);
    printf("  peak pain %.1f/10, peak tone %.2f, peak pressure %.0f kPa, lock slips %d\n", r->peak_pain,
           r->peak_tone, r->peak_pressure_kpa, r->lock_slips);
    printf("(the window comes later: use --headless for the report alone)\n");
}

static int run(const cli *o) {
    const char *name = o->lesson ? o->lesson : DEFAULT_LESSON;
    char path[LESSON_PATH_MAX];
    if (!lesson_resolve(name, path, sizeof path)) {
        fprintf(stderr, "fibrelab: --lesson: no lesson named \"%s\" (see --list-lessons)\n", name);
        return EXIT_USAGE;
    }
    lesson l;
    lesson_error err;
    if (!lesson_load(path, o->sets, o->set_count, &l, &err)) {
        fprintf(stderr, "fibrelab: %s\n", err.message);
        return EXIT_USAGE;
    }

    /* --script, else the lesson's own demonstration, else the plain stretch. */
    script s;
    bool have_script = false;
    const char *text_name = o->script ? o->script : l.path;
    char *text = o->script ? lesson_read_text(o->script, &err) : l.demo_script;
    if (o->script && !text) {
        lesson_free(&l);
        fprintf(stderr, "fibrelab: %s\n", err.message);
        return EXIT_USAGE;
    }
    if (text) {
        bool ok = script_parse(text, text_name, &l, &s, &err);
        if (o->script) free(text);
        if (!ok) {
            lesson_free(&l);
            fprintf(stderr, "fibrelab: %s\n", err.message);
            return EXIT_USAGE;
        }
        have_script = true;
    }

    runner_report r;
    uint64_t seed = o->seed_given ? o->seed : l.desc.seed;
    bool ran = runner_run(&l, have_script ? &s : NULL, seed, &r, &err);
    if (have_script) script_free(&s);
    if (!ran) {
        lesson_free(&l);
        fprintf(stderr, "fibrelab: %s\n", err.message);
        return EXIT_RUNTIME;
    }
    if (!o->headless) print_summary(&l, &r);
    lesson_free(&l);

    const char *report = o->report ? o->report : "-";
    if (!report_write_json(&r, report)) {
        fprintf(stderr, "fibrelab: %s: cannot write report: %s\n",
                strcmp(report, "-") == 0 ? "standard output" : report, strerror(errno));
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

int main(int argc, char **argv) {
    cli o = {0};
    o.sets = calloc((size_t)argc, sizeof *o.sets);
    if (!o.sets) {
        fprintf(stderr, "fibrelab: out of memory\n");
        return EXIT_RUNTIME;
    }
    int status = parse_args(argc, argv, &o);
    if (status == EXIT_OK) {
        if (o.help) {
            fputs(usage_text, stdout);
        } else if (o.version) {
            printf("fibrelab %s\n", FIBRELAB_VERSION);
        } else if (o.list) {
            status = list_lessons();
        } else if (o.headless && !o.lesson) {
            status = usage_error("--lesson", "required with --headless");
        } else {
            /* Without --headless this is where the window will open; until it
             * exists, the same run prints a summary before its report. */
            status = run(&o);
        }
    }
    free(o.sets);
    return status;
}
