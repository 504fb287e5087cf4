/* render_paths.c: finding shaders and assets (render_paths.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data_paths.h"
#include "render_paths.h"

static bool try_path(char *out, size_t out_size, const char *root, const char *rel) {
    int n = snprintf(out, out_size, "%s/%s", root, rel);
    return n > 0 && (size_t)n < out_size && access(out, R_OK) == 0;
}

bool render_find_file(const char *rel, char *out, size_t out_size) {
    const char *assets = data_path_assets_override();
    if (assets && strncmp(rel, "assets/", 7) == 0 && try_path(out, out_size, assets, rel + 7)) return true;
    char roots[DATA_PATH_MAX_ROOTS][DATA_PATH_MAX];
    int n = data_path_roots(roots);
    for (int i = 0; i < n; i++)
        if (try_path(out, out_size, roots[i], rel)) return true;
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
