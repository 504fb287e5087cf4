/* settings.h: what the window remembers between runs (theme, interface
 * size, last lesson), as JSON in the user's preference folder
 * (platform_pref_dir), written whole or not at all (temp file + rename). */
#ifndef FIBRELAB_SETTINGS_H
#define FIBRELAB_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_FILE "settings.json"
#define SETTINGS_SCALE_COUNT 4

/* The interface sizes a student can choose (the Size button steps through them). */
extern const float settings_scales[SETTINGS_SCALE_COUNT];

typedef struct settings {
    char theme[16];          /* ui_theme name */
    float ui_scale;          /* 1, 1.25, 1.5 or 2 */
    char last_lesson[64];    /* lesson id */
} settings;

settings settings_default(void);
typedef enum settings_status { SETTINGS_READ, SETTINGS_MISSING, SETTINGS_CORRUPT } settings_status;
/* Reads PATH into out. MISSING: no file, defaults. CORRUPT: not what we
 * write (bad JSON, a field of the wrong type or out of range): defaults,
 * and one line in err ("PATH: FIELD: reason") for the caller to print. */
settings_status settings_load(const char *path, settings *out, char *err, size_t err_size);
/* Writes atomically; false with one line in err. */
bool settings_save(const char *path, const settings *s, char *err, size_t err_size);

#endif
