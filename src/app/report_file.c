/* report_file.c: files written whole or not at all: the text goes to
 * PATH.tmp beside the target (so rename() stays on one file system and is
 * atomic) and is renamed into place only once it is all written. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_save.h"

/* PATH.tmp on the heap, or NULL (errno ENOMEM). */
static char *temp_name(const char *path) {
    size_t n = strlen(path);
    char *tmp = malloc(n + 5);
    if (!tmp) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp", 5);
    return tmp;
}

bool report_file_stage(const char *path, report_put_fn put, const void *user) {
    char *tmp = temp_name(path);
    if (!tmp) return false;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        int e = errno;
        free(tmp);
        errno = e;
        return false;
    }
    errno = 0;
    put(f, user);
    int e = 0;
    if (fflush(f) != 0 || ferror(f)) e = errno ? errno : EIO;
    if (fclose(f) != 0 && !e) e = errno ? errno : EIO;
    if (e) remove(tmp);
    free(tmp);
    errno = e;
    return e == 0;
}

bool report_file_commit(const char *path) {
    char *tmp = temp_name(path);
    if (!tmp) return false;
    int e = rename(tmp, path) == 0 ? 0 : errno;
    if (e) remove(tmp);
    free(tmp);
    errno = e;
    return e == 0;
}

void report_file_discard(const char *path) {
    char *tmp = temp_name(path);
    if (!tmp) return;
    remove(tmp);
    free(tmp);
}
