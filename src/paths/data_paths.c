/* data_paths.c: where fibrelab's data is looked for (data_paths.h). */
#define _XOPEN_SOURCE 700 /* POSIX 2008 with realpath */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data_paths.h"

#ifndef FIBRELAB_RELATIVE_DATADIR
#define FIBRELAB_RELATIVE_DATADIR "../share/fibrelab"
#endif

const char *data_path_assets_override(void) {
    const char *env = getenv("FIBRELAB_DATA_DIR");
    return env && env[0] ? env : NULL;
}

/* True when the binary (in exe_dir) runs from outside the build tree it was built in. */
static bool outside_build_tree(const char *exe_dir) {
#ifdef FIBRELAB_BUILD_DIR
    char build[DATA_PATH_MAX];
    if (!exe_dir) return false;
    if (!realpath(FIBRELAB_BUILD_DIR, build)) return true;
    size_t n = strlen(build);
    return strncmp(exe_dir, build, n) != 0 || (exe_dir[n] != '/' && exe_dir[n] != '\0');
#else
    (void)exe_dir;
    return false;
#endif
}

static int add(char roots[][DATA_PATH_MAX], int n, const char *a, const char *b) {
    int len = snprintf(roots[n], DATA_PATH_MAX, "%s%s", a, b);
    return len >= 0 && len < DATA_PATH_MAX ? n + 1 : n; /* "" is a root too: the page's own */
}

int data_path_roots(char roots[][DATA_PATH_MAX]) {
    int n = 0;
    char exe[DATA_PATH_MAX];
    ssize_t got = readlink("/proc/self/exe", exe, sizeof exe - 1); /* none in a browser */
    if (got > 0) {
        exe[got] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        n = add(roots, n, exe, "");
        n = add(roots, n, exe, "/..");
        /* the parentheses tell clang (-Wstring-concatenation) the joined literal is meant */
        n = add(roots, n, exe, ("/" FIBRELAB_RELATIVE_DATADIR));
    }
#ifdef FIBRELAB_SOURCE_DIR
    if (!outside_build_tree(got > 0 ? exe : NULL)) n = add(roots, n, FIBRELAB_SOURCE_DIR, "");
#endif
    return n;
}
