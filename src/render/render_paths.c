/* render_paths.c: finding shaders and assets (render_paths.h). */
#define _XOPEN_SOURCE 700 /* POSIX 2008 with realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render_paths.h"

static bool try_path(char *out, size_t out_size, const char *root, const char *rel) {
    int n = snprintf(out, out_size, "%s/%s", root, rel);
    return n > 0 && (size_t)n < out_size && access(out, R_OK) == 0;
}

#ifndef FIBRELAB_RELATIVE_DATADIR
#define FIBRELAB_RELATIVE_DATADIR "../share/fibrelab"
#endif

/* An installed or packaged copy (a binary known to run outside the build tree
 * it was built in) must not read the checkout it was built from. */
static bool outside_build_tree(const char *exe_dir) {
#ifdef FIBRELAB_BUILD_DIR
    char build[RENDER_PATH_MAX];
    if (!exe_dir) return false;
    if (!realpath(FIBRELAB_BUILD_DIR, build)) return true;
    size_t n = strlen(build);
    return strncmp(exe_dir, build, n) != 0 || (exe_dir[n] != '/' && exe_dir[n] != '\0');
#else
    (void)exe_dir;
    return false;
#endif
}

bool render_find_file(const char *rel, char *out, size_t out_size) {
    /* $FIBRELAB_DATA_DIR is the assets folder itself (it holds lessons/). */
    const char *env = getenv("FIBRELAB_DATA_DIR");
    if (env && env[0] && strncmp(rel, "assets/", 7) == 0 && try_path(out, out_size, env, rel + 7)) return true;

    char exe[RENDER_PATH_MAX];
    ssize_t got = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (got > 0) {
        exe[got] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const up[] = {"", "/..", "/" FIBRELAB_RELATIVE_DATADIR};
        for (size_t i = 0; i < sizeof up / sizeof *up; i++) {
            char root[RENDER_PATH_MAX + 32];
            snprintf(root, sizeof root, "%s%s", exe, up[i]);
            if (try_path(out, out_size, root, rel)) return true;
        }
    }
#ifdef FIBRELAB_SOURCE_DIR
    if (!outside_build_tree(got > 0 ? exe : NULL) && try_path(out, out_size, FIBRELAB_SOURCE_DIR, rel)) return true;
#endif
    if (out_size) out[0] = '\0';
    return false;
}

char *render_read_file(const char *path, size_t *size_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        buf = malloc((size_t)n + 1);
        if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    if (size_out) *size_out = (size_t)n;
    return buf;
}
