/* settings.c: the window's remembered settings (settings.h). */
#define _POSIX_C_SOURCE 200809L
#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "ui_theme.h"

const float settings_scales[SETTINGS_SCALE_COUNT] = {1.0f, 1.25f, 1.5f, 2.0f};

settings settings_default(void) {
    settings s = {.ui_scale = 1.0f};
    snprintf(s.theme, sizeof s.theme, "default");
    return s;
}

static char *read_all(const char *path, bool *missing) {
    FILE *f = fopen(path, "rb");
    *missing = !f && errno == ENOENT;
    if (!f) return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *b = cap <= (1u << 20) ? realloc(buf, cap) : NULL; /* a settings file is small */
            if (!b) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = b;
        }
        size_t n = fread(buf + len, 1, 4096, f);
        len += n;
        if (n < 4096) break;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;
}

/* The first thing wrong with the parsed file, or NULL (out filled). */
static const char *check(const cJSON *root, settings *out, const char **field) {
    if (!cJSON_IsObject(root)) return *field = "(file)", "is not a JSON object";
    const cJSON *theme = cJSON_GetObjectItemCaseSensitive(root, "theme");
    const cJSON *scale = cJSON_GetObjectItemCaseSensitive(root, "ui_scale");
    const cJSON *last = cJSON_GetObjectItemCaseSensitive(root, "last_lesson");
    if (theme) {
        ui_theme_id id;
        if (!cJSON_IsString(theme) || !ui_theme_from_name(theme->valuestring, &id))
            return *field = "theme", "must be default, projector or dark";
        snprintf(out->theme, sizeof out->theme, "%s", theme->valuestring);
    }
    if (scale) {
        bool known = false;
        for (int i = 0; cJSON_IsNumber(scale) && i < SETTINGS_SCALE_COUNT; i++)
            known |= fabs(scale->valuedouble - settings_scales[i]) < 1e-6;
        if (!known) return *field = "ui_scale", "must be 1, 1.25, 1.5 or 2";
        out->ui_scale = (float)scale->valuedouble;
    }
    if (last) {
        if (!cJSON_IsString(last) || strlen(last->valuestring) >= sizeof out->last_lesson)
            return *field = "last_lesson", "must be a lesson id (a string under 64 characters)";
        snprintf(out->last_lesson, sizeof out->last_lesson, "%s", last->valuestring);
    }
    return NULL;
}

settings_status settings_load(const char *path, settings *out, char *err, size_t err_size) {
    *out = settings_default();
    bool missing;
    char *text = read_all(path, &missing);
    if (!text) {
        if (missing) return SETTINGS_MISSING;
        snprintf(err, err_size, "%s: cannot read: %s", path, strerror(errno));
        return SETTINGS_CORRUPT;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    settings s = settings_default();
    const char *field = "(file)", *why = root ? check(root, &s, &field) : "is not valid JSON";
    cJSON_Delete(root);
    if (why) {
        snprintf(err, err_size, "%s: %s: %s", path, field, why);
        return SETTINGS_CORRUPT;
    }
    *out = s;
    return SETTINGS_READ;
}

bool settings_save(const char *path, const settings *s, char *err, size_t err_size) {
    cJSON *root = cJSON_CreateObject();
    if (!root || !cJSON_AddStringToObject(root, "theme", s->theme) ||
        !cJSON_AddNumberToObject(root, "ui_scale", s->ui_scale) ||
        !cJSON_AddStringToObject(root, "last_lesson", s->last_lesson)) {
        cJSON_Delete(root);
        snprintf(err, err_size, "%s: out of memory", path);
        return false;
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = text ? fopen(tmp, "wb") : NULL;
    bool ok = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0) ok = false;
    if (ok && rename(tmp, path) != 0) ok = false;
    if (!ok) {
        snprintf(err, err_size, "%s: cannot write: %s", path, text ? strerror(errno) : "out of memory");
        if (f) remove(tmp);
    }
    free(text);
    return ok;
}
