/* main.c: fibrelab's command line.
 *
 *     fibrelab [--lesson NAME|PATH] [--script PATH|-] [--seed N] [--set KEY=VALUE]...
 *     fibrelab --headless --lesson NAME|PATH [--script PATH|-] [--report PATH|-]
 *              [--seed N] [--set KEY=VALUE]... [--screenshot PATH [--size WxH] [--view NAME]]
 *              [--quiz] [--save-report DIR]
 *     fibrelab --check-lesson PATH
 *     fibrelab --conditions [ID]
 *     fibrelab --list-lessons | --help | --version
 *
 * Without --headless the window opens; where there is no display to open
 * it on, the run happens without one and prints a summary and its report.
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

#include "app.h"
#include "condition_cli.h"
#include "lesson.h"
#include "playback.h"
#include "report_save.h"
#include "render_image.h"
#include "runner.h"
#include "script.h"
#include "snapshot.h"

#ifndef FIBRELAB_VERSION
#define FIBRELAB_VERSION "unknown"
#endif

#define DEFAULT_LESSON "two-bands"
/* Largest seed a JSON report (IEEE doubles) carries exactly. */
#define MAX_SEED 9007199254740991ull

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

typedef struct cli {
    bool headless, list, help, version, quiz, conditions;
    const char *lesson, *script, *report, *check, *condition_id, *save_report;
    const char *screenshot, *size, *view;
    int width, height;
    render_view view_id;
    bool seed_given;
    uint64_t seed;
    const char **sets;
    int set_count;
} cli;

static const char usage_text[] =
    "usage: fibrelab --headless --lesson NAME|PATH [--script PATH|-] [--report PATH|-]\n"
    "                [--seed N] [--set KEY=VALUE]... [--quiz] [--save-report DIR]\n"
    "                [--screenshot PATH [--size WxH] [--view side|front|lock]]\n"
    "       fibrelab [--lesson NAME|PATH] [--script PATH|-] [--seed N] [--set KEY=VALUE]...\n"
    "       fibrelab --check-lesson PATH\n"
    "       fibrelab --list-lessons\n"
    "       fibrelab --conditions [ID]\n"
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
    "  --screenshot PATH   with --headless: draw the run's last frame into a PNG (the\n"
    "                      report is then written only if --report is given)\n"
    "  --size WxH          the picture's size in pixels (default 1280x720)\n"
    "  --view NAME         the picture's view: side (default), front or lock\n"
    "  --quiz              with --headless: hide one tight spot (placed by the seed) instead\n"
    "                      of the lesson's, and add the treatment's score to the report\n"
    "  --save-report DIR   with --headless: write the report a student hands in into DIR\n"
    "                      (made if missing): an HTML page (steps, feedback, score, figures,\n"
    "                      plots) and a CSV of the time series (every 0.1 s); prints where.\n"
    "                      The JSON report is then written only if --report is given\n"
    "  --check-lesson NAME|PATH  list every problem in a lesson (status 2 if any)\n"
    "  --list-lessons      list the lessons found\n"
    "  --conditions [ID]   print the condition card ID (e.g. tennis-elbow), or every card:\n"
    "                      when STR may help, cautions, when not to treat, sources\n"
    "  -h, --help          this text\n"
    "  --version           the version\n"
    "\n"
    "Without --headless, opens the window on the lesson (default " DEFAULT_LESSON "), playing\n"
    "--script if given. Where there is no display, runs it without one and prints a summary\n"
    "and its report. In the window: click and hold on the muscle to lock, drag the limb or\n"
    "use the arrows to move the joint, Tab moves the focus (joint, lock, each control),\n"
    "L locks at the keyboard's spot, +/- or the wheel set the pressure, H hides the skin,\n"
    "1 2 3 and R choose views, F11 full screen, F12 a picture, F1 every key, Esc quits.\n"
    "Lesson files, scripts and the report: assets/lessons/README.md.\n"
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
                       : strcmp(flag, "--quiz") == 0         ? &o->quiz
                                                             : NULL;
        if (toggle) {
            if (value) return usage_error(flag, "takes no value");
            *toggle = true;
            continue;
        }
        /* --conditions takes an optional card id: the next argument unless it is a flag */
        if (strcmp(flag, "--conditions") == 0) {
            if (o->conditions) return usage_error(flag, "given more than once");
            o->conditions = true;
            if (!value && i + 1 < argc && argv[i + 1][0] != '-') value = argv[++i];
            if (value && value[0] == '\0') return usage_error(flag, "empty value");
            o->condition_id = value;
            continue;
        }
        bool takes_value = strcmp(flag, "--lesson") == 0 || strcmp(flag, "--script") == 0 ||
                           strcmp(flag, "--report") == 0 || strcmp(flag, "--seed") == 0 ||
                           strcmp(flag, "--set") == 0 || strcmp(flag, "--screenshot") == 0 ||
                           strcmp(flag, "--size") == 0 || strcmp(flag, "--view") == 0 ||
                           strcmp(flag, "--check-lesson") == 0 || strcmp(flag, "--save-report") == 0;
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
        const char **slot = strcmp(flag, "--lesson") == 0       ? &o->lesson
                            : strcmp(flag, "--script") == 0     ? &o->script
                            : strcmp(flag, "--screenshot") == 0 ? &o->screenshot
                            : strcmp(flag, "--size") == 0       ? &o->size
                            : strcmp(flag, "--view") == 0       ? &o->view
                            : strcmp(flag, "--check-lesson") == 0 ? &o->check
                            : strcmp(flag, "--save-report") == 0 ? &o->save_report
                                                                : &o->report;
        if (*slot) return usage_error(flag, "given more than once");
        *slot = value;
    }
    return EXIT_OK;
}

/* "WxH" with both in [SNAPSHOT_MIN_SIZE, SNAPSHOT_MAX_SIZE]. */
static bool parse_size(const char *text, int *w, int *h) {
    char *end;
    if (text[0] < '0' || text[0] > '9') return false;
    long a = strtol(text, &end, 10);
    if (*end != 'x' || end[1] < '0' || end[1] > '9') return false;
    long b = strtol(end + 1, &end, 10);
    if (*end != '\0' || a < SNAPSHOT_MIN_SIZE || b < SNAPSHOT_MIN_SIZE || a > SNAPSHOT_MAX_SIZE ||
        b > SNAPSHOT_MAX_SIZE)
        return false;
    *w = (int)a, *h = (int)b;
    return true;
}

/* The picture flags go together, and only with --headless. */
static int check_picture_flags(cli *o) {
    o->width = 1280, o->height = 720, o->view_id = RENDER_VIEW_SIDE;
    if (o->screenshot && !o->headless) return usage_error("--screenshot", "needs --headless (in the window, F12 saves a picture)");
    if (o->size && !o->screenshot) return usage_error("--size", "needs --screenshot");
    if (o->view && !o->screenshot) return usage_error("--view", "needs --screenshot");
    if (o->size && !parse_size(o->size, &o->width, &o->height)) {
        fprintf(stderr, "fibrelab: --size: must be WIDTHxHEIGHT, each from %d to %d pixels, got \"%s\"\n",
                SNAPSHOT_MIN_SIZE, SNAPSHOT_MAX_SIZE, o->size);
        return EXIT_USAGE;
    }
    if (o->view) {
        static const char *const names[RENDER_VIEW_COUNT] = {"side", "front", "lock"};
        int found = -1;
        for (int i = 0; i < RENDER_VIEW_COUNT; i++)
            if (strcmp(o->view, names[i]) == 0) found = i;
        if (found < 0) {
            fprintf(stderr, "fibrelab: --view: must be side, front or lock, got \"%s\"\n", o->view);
            return EXIT_USAGE;
        }
        o->view_id = (render_view)found;
    }
    return EXIT_OK;
}

/* Plays the script on a fresh world and draws its last frame into a PNG,
 * through the window's renderer on an offscreen context. */
static int take_picture(const lesson *l, const script *s, uint64_t seed, const cli *o) {
    sim_world_desc desc = l->desc;
    desc.seed = seed;
    sim_world *w = sim_world_create(&desc);
    if (!w) {
        fprintf(stderr, "fibrelab: %s: cannot build the model\n", l->path);
        return EXIT_RUNTIME;
    }
    playback pb;
    playback_start(&pb, s);
    while (playback_step(&pb, w)) {
    }
    char err[1024];
    int status = EXIT_OK;
    unsigned char *px = malloc((size_t)o->width * (size_t)o->height * 4);
    snapshot *shot = px ? snapshot_open(o->width, o->height, err, sizeof err) : NULL;
    if (!shot) {
        fprintf(stderr, "fibrelab: %s\n", px ? err : "out of memory");
        status = EXIT_RUNTIME;
    } else {
        char lines[RENDER_STATUS_LINES][128];
        render_options opt = snapshot_options(w, l->title, lines, RENDER_STATUS_LINES);
        float focus[3] = {0, 0, 0};
        render_camera cam = render_camera_view_for(w, o->view_id, focus, o->width, o->height);
        snapshot_draw(shot, w, &cam, &opt, px);
        if (!render_image_write_png(o->screenshot, o->width, o->height, px, err, sizeof err)) {
            fprintf(stderr, "fibrelab: %s\n", err);
            status = EXIT_RUNTIME;
        }
        snapshot_close(shot);
    }
    free(px);
    sim_world_destroy(w);
    return status;
}

static bool window_frame(void *user) {
    return app_frame(user);
}

/* The window, playing the script if one is given. APP_NO_DISPLAY: none to open. */
static int run_window(const lesson *l, const script *s, uint64_t seed, bool *no_display) {
    app a;
    char err[1024];
    *no_display = false;
    app_status st = app_open(&a, l, seed, s, err, sizeof err);
    if (st == APP_NO_DISPLAY) {
        *no_display = true;
        return EXIT_OK;
    }
    if (st != APP_OK) {
        fprintf(stderr, "fibrelab: %s\n", err);
        return EXIT_RUNTIME;
    }
    platform_run(a.plat, window_frame, &a);
    app_close(&a);
    return EXIT_OK;
}

/* --check-lesson: every problem of a lesson file, one a line. */
static void print_problem(const char *message, void *user) {
    (void)user;
    fprintf(stderr, "fibrelab: %s\n", message);
}

static int check_lesson(const char *name) {
    char path[LESSON_PATH_MAX];
    if (!lesson_resolve(name, path, sizeof path)) {
        fprintf(stderr, "fibrelab: --check-lesson: no lesson named \"%s\" (see --list-lessons)\n", name);
        return EXIT_USAGE;
    }
    int problems = lesson_check(path, print_problem, NULL);
    if (problems) return EXIT_USAGE;
    printf("%s: ok\n", path);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
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
    printf("(no display to open the window on: ran without one; --headless gives the report alone)\n");
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

    uint64_t seed = o->seed_given ? o->seed : l.desc.seed;
    if (!o->headless) {
        bool no_display;
        int status = run_window(&l, have_script ? &s : NULL, seed, &no_display);
        if (!no_display) {
            if (have_script) script_free(&s);
            lesson_free(&l);
            return status;
        }
    }
    if (o->screenshot) {
        int status = take_picture(&l, have_script ? &s : NULL, seed, o);
        if (status != EXIT_OK || (!o->report && !o->save_report)) {
            if (have_script) script_free(&s);
            lesson_free(&l);
            return status;
        }
    }
    /* a folder that cannot take the report is found before the run, not after */
    char why[2 * LESSON_PATH_MAX];
    if (o->save_report && !report_save_prepare_dir(o->save_report, why, sizeof why)) {
        if (have_script) script_free(&s);
        lesson_free(&l);
        fprintf(stderr, "fibrelab: %s\n", why);
        return EXIT_RUNTIME;
    }
    runner_report r;
    timeseries series;
    timeseries_init(&series);
    runner_options ropt = {.quiz = o->quiz, .series = o->save_report ? &series : NULL};
    bool ran = runner_run_with(&l, have_script ? &s : NULL, seed, &ropt, &r, &err);
    if (have_script) script_free(&s);
    if (!ran) {
        timeseries_free(&series);
        lesson_free(&l);
        fprintf(stderr, "fibrelab: %s\n", err.message);
        return EXIT_RUNTIME;
    }
    if (!o->headless) print_summary(&l, &r);

    /* --save-report: the JSON report only where --report asks for it */
    int status = EXIT_OK;
    const char *report = o->report ? o->report : o->save_report ? NULL : "-";
    if (report && !report_write_json(&r, report)) {
        fprintf(stderr, "fibrelab: %s: cannot write report: %s\n",
                strcmp(report, "-") == 0 ? "standard output" : report, strerror(errno));
        status = EXIT_RUNTIME;
    }
    if (status == EXIT_OK && o->save_report) {
        char html[LESSON_PATH_MAX + 128], csv[LESSON_PATH_MAX + 128];
        if (report_save(&r, &l, &series, o->save_report, html, csv, sizeof html, why, sizeof why)) {
            /* where they went: on stdout, unless the JSON report is there */
            FILE *say = report && strcmp(report, "-") == 0 ? stderr : stdout;
            fprintf(say, "report: %s\ntime series: %s\n", html, csv);
            if (fflush(say) != 0) status = EXIT_RUNTIME;
        } else {
            fprintf(stderr, "fibrelab: %s\n", why);
            status = EXIT_RUNTIME;
        }
    }
    timeseries_free(&series);
    lesson_free(&l);
    return status;
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
        } else if (o.check) {
            status = check_lesson(o.check);
        } else if (o.conditions) {
            status = condition_cli_print(o.condition_id);
        } else if (o.save_report && !o.headless) {
            status = usage_error("--save-report", "needs --headless");
        } else if (o.quiz && !o.headless) {
            status = usage_error("--quiz", "needs --headless (the quiz in the window comes later)");
        } else if (o.headless && !o.lesson) {
            status = usage_error("--lesson", "required with --headless");
        } else if ((status = check_picture_flags(&o)) == EXIT_OK) {
            /* the window, or without --headless and no display, a run with a summary */
            status = run(&o);
        }
    }
    free(o.sets);
    return status;
}
