/* script.c: action scripts, one timed action a line, parsed into an array.
 *
 *     # comment
 *     0    stretch to=0 over=5
 *     5    lock at=0.49 pressure=250 tool=thumb muscle="biceps femoris"
 *     6    stretch to=1 over=12
 *     28   unlock
 *     30   palpate at=0.6 pressure=150
 *     36   end
 *
 * Values containing spaces are written in double quotes; in a muscle name an
 * underscore also stands for a space (muscle=biceps_femoris). Every problem
 * is one line "SCRIPT:LINE: reason"; the whole script is checked before any
 * of it runs.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

#define SCRIPT_LINE_MAX 1024
#define SCRIPT_MAX_TOKENS 16
/* A day of model time: far beyond any lesson, small enough for frame counts. */
#define SCRIPT_MAX_TIME_S 86400.0
#define SCRIPT_MAX_PRESSURE_KPA 2000.0
/* How long a run goes on after its last action when no `end` is given. */
#define SCRIPT_TAIL_S 5.0

typedef struct parser {
    const char *name;
    int line;
    lesson_error *err;
} parser;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static bool bad(const parser *p, const char *fmt, ...) {
    char reason[LESSON_ERROR_MAX / 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int n = snprintf(p->err->message, sizeof p->err->message, "%s:%d: %s", p->name, p->line, reason);
    (void)n;
    /* a stray carriage return or other control byte in a word stays out of the one-line message */
    for (unsigned char *c = (unsigned char *)p->err->message; *c; c++)
        if (*c < 0x20) *c = ' ';
    return false;
}

/* Splits a line in place into whitespace-separated tokens, honouring double
 * quotes (removed) and stopping at an unquoted '#'. */
static int tokenize(const parser *p, char *s, char **tokens, bool *ok) {
    int n = 0;
    *ok = true;
    char *r = s;
    for (;;) {
        while (*r == ' ' || *r == '\t') r++;
        if (*r == '\0' || *r == '#') return n;
        if (n == SCRIPT_MAX_TOKENS) {
            *ok = bad(p, "too many words (at most %d)", SCRIPT_MAX_TOKENS);
            return n;
        }
        char *w = r; /* tokens shrink as quotes go, so write behind the reader */
        tokens[n++] = w;
        bool quoted = false;
        while (*r && (quoted || (*r != ' ' && *r != '\t' && *r != '#'))) {
            if (*r == '"')
                quoted = !quoted;
            else
                *w++ = *r;
            r++;
        }
        if (quoted) {
            *ok = bad(p, "unterminated quote");
            return n;
        }
        bool more = *r == ' ' || *r == '\t';
        bool comment = *r == '#';
        *w = '\0';
        if (more) r++;
        if (comment) return n;
        if (!more && *r == '\0') return n;
    }
}

static bool parse_number(const char *s, double *out) {
    char *end;
    if (*s == '\0' || isspace((unsigned char)*s)) return false;
    double x = strtod(s, &end);
    if (*end != '\0' || !isfinite(x)) return false;
    *out = x;
    return true;
}

static bool number_arg(const parser *p, const char *key, const char *text, double lo, double hi, double *out) {
    if (!parse_number(text, out)) return bad(p, "%s: bad number \"%s\"", key, text);
    if (*out < lo || *out > hi) return bad(p, "%s: must be between %g and %g, got %g", key, lo, hi, *out);
    return true;
}

/* Muscle names compared with '_' standing for ' ', so names need no quotes. */
static bool same_name(const char *a, const char *b) {
    for (; *a && *b; a++, b++) {
        char ca = *a == '_' ? ' ' : *a, cb = *b == '_' ? ' ' : *b;
        if (ca != cb) return false;
    }
    return *a == *b;
}

/* key=value arguments of lock and stretch: each key known, at most once. */
static bool split_args(const parser *p, const char *verb, char **tokens, int count, const char *const *keys,
                       int key_count, const char **values) {
    for (int k = 0; k < key_count; k++) values[k] = NULL;
    for (int i = 0; i < count; i++) {
        char *eq = strchr(tokens[i], '=');
        if (!eq || eq == tokens[i]) return bad(p, "%s: expected key=value, got \"%s\"", verb, tokens[i]);
        *eq = '\0';
        int k = 0;
        while (k < key_count && strcmp(tokens[i], keys[k]) != 0) k++;
        if (k == key_count) {
            char list[128] = "";
            for (int j = 0; j < key_count; j++) {
                size_t used = strlen(list);
                snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "", keys[j]);
            }
            return bad(p, "%s: unknown key \"%s\" (expected %s)", verb, tokens[i], list);
        }
        if (values[k]) return bad(p, "%s: %s given twice", verb, keys[k]);
        values[k] = eq + 1;
    }
    return true;
}

/* muscle=NAME (NULL: the lesson's first) to its index. */
static bool resolve_muscle(const parser *p, const lesson *l, const char *name, int *muscle) {
    *muscle = 0;
    if (!name) return true;
    *muscle = -1;
    for (int i = 0; l && i < l->desc.muscle_count; i++)
        if (same_name(l->desc.muscles[i].name, name)) *muscle = i;
    if (*muscle < 0) return bad(p, "muscle: no muscle named \"%s\" in this lesson", name);
    return true;
}

static bool parse_lock(const parser *p, char **args, int n, const lesson *l, script_action *a) {
    static const char *const keys[] = {"at", "pressure", "tool", "muscle"};
    const char *v[4];
    if (!split_args(p, "lock", args, n, keys, 4, v)) return false;
    if (!v[0]) return bad(p, "lock: missing at=S (position along the muscle, 0..1)");
    if (!v[1]) return bad(p, "lock: missing pressure=KPA");
    double at, kpa;
    if (!number_arg(p, "at", v[0], 0, 1, &at) ||
        !number_arg(p, "pressure", v[1], 0, SCRIPT_MAX_PRESSURE_KPA, &kpa))
        return false;
    a->lock.at = (float)at;
    a->lock.pressure_kpa = (float)kpa;
    a->lock.tool = SIM_TOOL_THUMB;
    if (v[2] && !sim_tool_from_name(v[2], &a->lock.tool))
        return bad(p, "tool: must be one of thumb, knuckle, fist, forearm, got \"%s\"", v[2]);
    return resolve_muscle(p, l, v[3], &a->lock.muscle);
}

/* palpate at=S [pressure=KPA] [muscle=NAME]: where the thumb presses to feel. */
static bool parse_palpate(const parser *p, char **args, int n, const lesson *l, script_action *a) {
    static const char *const keys[] = {"at", "pressure", "muscle"};
    const char *v[3];
    if (!split_args(p, "palpate", args, n, keys, 3, v)) return false;
    if (!v[0]) return bad(p, "palpate: missing at=S (position along the muscle, 0..1)");
    double at, kpa = SCRIPT_PALPATE_KPA;
    if (!number_arg(p, "at", v[0], 0, 1, &at)) return false;
    if (v[1] && !number_arg(p, "pressure", v[1], 0, SCRIPT_MAX_PRESSURE_KPA, &kpa)) return false;
    a->lock.at = (float)at;
    a->lock.pressure_kpa = (float)kpa;
    a->lock.tool = SIM_TOOL_THUMB;
    return resolve_muscle(p, l, v[2], &a->lock.muscle);
}

static bool parse_stretch(const parser *p, char **args, int n, script_action *a) {
    static const char *const keys[] = {"to", "over"};
    const char *v[2];
    if (!split_args(p, "stretch", args, n, keys, 2, v)) return false;
    if (!v[0]) return bad(p, "stretch: missing to=F (0 shortened .. 1 stretched)");
    if (!v[1]) return bad(p, "stretch: missing over=SECONDS");
    double to, over;
    if (!number_arg(p, "to", v[0], 0, 1, &to) || !number_arg(p, "over", v[1], 0, SCRIPT_MAX_TIME_S, &over))
        return false;
    a->to = (float)to;
    a->over_s = (float)over;
    return true;
}

/* One non-blank line -> one action. */
static bool parse_action(const parser *p, char **tok, int n, const lesson *l, script_action *a) {
    memset(a, 0, sizeof *a);
    a->line = p->line;
    if (!parse_number(tok[0], &a->time_s)) return bad(p, "bad time \"%s\": expected seconds", tok[0]);
    if (a->time_s < 0 || a->time_s > SCRIPT_MAX_TIME_S)
        return bad(p, "time must be between 0 and %g s, got %g", SCRIPT_MAX_TIME_S, a->time_s);
    if (n < 2) return bad(p, "missing verb after the time (mode, lock, unlock, stretch, palpate or end)");
    const char *verb = tok[1];
    char **args = tok + 2;
    int argc = n - 2;
    if (strcmp(verb, "mode") == 0) {
        a->verb = SCRIPT_MODE;
        if (argc != 1 || !sim_mode_from_name(args[0], &a->mode))
            return bad(p, "mode: expected one of passive, active-assisted, active, weight-bearing%s%s%s",
                       argc ? ", got \"" : "", argc ? args[0] : "", argc ? "\"" : "");
        return true;
    }
    if (strcmp(verb, "lock") == 0) {
        a->verb = SCRIPT_LOCK;
        return parse_lock(p, args, argc, l, a);
    }
    if (strcmp(verb, "stretch") == 0) {
        a->verb = SCRIPT_STRETCH;
        return parse_stretch(p, args, argc, a);
    }
    if (strcmp(verb, "palpate") == 0) {
        a->verb = SCRIPT_PALPATE;
        return parse_palpate(p, args, argc, l, a);
    }
    if (strcmp(verb, "unlock") == 0 || strcmp(verb, "end") == 0) {
        a->verb = verb[0] == 'u' ? SCRIPT_UNLOCK : SCRIPT_END;
        if (argc) return bad(p, "%s takes no arguments, got \"%s\"", verb, args[0]);
        return true;
    }
    return bad(p, "unknown verb \"%s\" (expected mode, lock, unlock, stretch, palpate or end)", verb);
}

bool script_parse(const char *text, const char *name, const lesson *l, script *out, lesson_error *err) {
    memset(out, 0, sizeof *out);
    parser p = {.name = name, .line = 0, .err = err};
    int cap = 0, end_line = 0;
    double finish_s = 0; /* when the last action is done (a stretch lasts `over`) */
    bool ended = false;
    const char *s = text;
    while (*s) {
        size_t len = strcspn(s, "\n");
        p.line++;
        char buf[SCRIPT_LINE_MAX];
        if (len >= sizeof buf) {
            script_free(out);
            return bad(&p, "line too long (at most %d characters)", SCRIPT_LINE_MAX - 1);
        }
        memcpy(buf, s, len);
        buf[len] = '\0';
        if (len && buf[len - 1] == '\r') buf[len - 1] = '\0';
        s += len + (s[len] == '\n');

        char *tok[SCRIPT_MAX_TOKENS];
        bool ok;
        int n = tokenize(&p, buf, tok, &ok);
        if (!ok) {
            script_free(out);
            return false;
        }
        if (n == 0) continue;
        if (ended) {
            script_free(out);
            return bad(&p, "action after end (the script ends at line %d)", end_line);
        }
        script_action a;
        if (!parse_action(&p, tok, n, l, &a)) {
            script_free(out);
            return false;
        }
        if (out->count && a.time_s < out->actions[out->count - 1].time_s) {
            double prev = out->actions[out->count - 1].time_s;
            script_free(out);
            return bad(&p, "time %g is before the previous action's %g (times never decrease)", a.time_s, prev);
        }
        if (out->count == cap) {
            cap = cap ? cap * 2 : 16;
            script_action *grown = realloc(out->actions, (size_t)cap * sizeof *grown);
            if (!grown) {
                script_free(out);
                return bad(&p, "out of memory");
            }
            out->actions = grown;
        }
        out->actions[out->count++] = a;
        double done = a.time_s + (a.verb == SCRIPT_STRETCH ? a.over_s : 0.0);
        if (done > finish_s) finish_s = done;
        if (a.verb == SCRIPT_END) {
            ended = true;
            end_line = p.line;
            out->end_s = a.time_s;
        }
    }
    if (!ended) out->end_s = finish_s + SCRIPT_TAIL_S;
    return true;
}

void script_free(script *s) {
    free(s->actions);
    memset(s, 0, sizeof *s);
}

void script_apply(const script_action *a, sim_world *w) {
    switch (a->verb) {
    case SCRIPT_MODE: sim_world_set_mode(w, a->mode); break;
    case SCRIPT_LOCK: sim_world_lock(w, &a->lock); break;
    case SCRIPT_UNLOCK: sim_world_unlock(w); break;
    case SCRIPT_STRETCH: sim_world_stretch_to(w, a->to, a->over_s); break;
    case SCRIPT_PALPATE: break; /* read-only: the player reads it */
    case SCRIPT_END: break;     /* the runner stops at end_s */
    }
}
