/* render_shader.c: GLSL programs from files (render_shader.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_gl.h"
#include "render_paths.h"
#include "render_shader.h"

/* Reads a decimal number at *p, advancing it; -1 if none. */
static long read_number(const char **p) {
    if (!isdigit((unsigned char)**p)) return -1;
    long v = 0;
    while (isdigit((unsigned char)**p)) v = v * 10 + (*(*p)++ - '0');
    return v;
}

/* Finds "N:LINE(" / "N:LINE:" / "N(LINE)" in the first log line. */
static long find_line(const char *s, const char **after) {
    for (const char *p = s; *p && *p != '\n'; p++) {
        if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1]))) continue;
        const char *q = p;
        if (read_number(&q) < 0) continue;
        long line = -1;
        if (*q == ':') {
            q++;
            line = read_number(&q);
            if (line >= 0 && *q == '(') { /* Mesa's column */
                while (*q && *q != ')' && *q != '\n') q++;
                if (*q == ')') q++;
            }
        } else if (*q == '(') {
            q++;
            line = read_number(&q);
            if (line >= 0 && *q == ')') q++;
            else line = -1;
        }
        if (line >= 0 && (*q == ':' || *q == ' ')) {
            while (*q == ':' || *q == ' ') q++;
            *after = q;
            return line;
        }
    }
    return -1;
}

void render_shader_format_log(const char *log, char *out, size_t out_size) {
    while (*log == ' ' || *log == '\n' || *log == '\r') log++;
    const char *msg = log;
    long line = find_line(log, &msg);
    size_t len = strcspn(msg, "\r\n");
    if (line >= 0)
        snprintf(out, out_size, "%ld: %.*s", line, (int)len, msg);
    else
        snprintf(out, out_size, "%.*s", (int)len, msg);
}

static unsigned compile(GLenum kind, const char *version_line, const char *source, const char *shown, char *err,
                        size_t err_size) {
    const char *parts[] = {version_line, "#line 1\n", source};
    GLuint sh = glCreateShader(kind);
    glShaderSource(sh, 3, parts, NULL);
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (ok) return sh;
    char log[1024] = "", line[600];
    glGetShaderInfoLog(sh, sizeof log, NULL, log);
    render_shader_format_log(log, line, sizeof line);
    /* "shaders/x.frag:12: message" or "shaders/x.frag: message" */
    snprintf(err, err_size, "%s%s%s", shown, isdigit((unsigned char)line[0]) ? ":" : ": ", line);
    glDeleteShader(sh);
    return 0;
}

static char *load_source(const char *dir, const char *file, char *shown, size_t shown_size, char *err,
                         size_t err_size) {
    char path[RENDER_PATH_MAX];
    if (dir) {
        snprintf(shown, shown_size, "%s/%s", dir, file);
        snprintf(path, sizeof path, "%s/%s", dir, file);
    } else {
        snprintf(shown, shown_size, "shaders/%s", file);
        if (!render_find_file(shown, path, sizeof path)) {
            snprintf(err, err_size, "%s: not found next to the program, in the source tree or the data directory",
                     shown);
            return NULL;
        }
    }
    char *text = render_read_file(path, NULL);
    if (!text) snprintf(err, err_size, "%s: cannot read", dir ? shown : path);
    return text;
}

unsigned render_shader_load(const char *dir, const char *name, const char *version_line, char *err,
                            size_t err_size) {
    char file[160], vshown[RENDER_PATH_MAX + 200], fshown[RENDER_PATH_MAX + 200];
    snprintf(file, sizeof file, "%s.vert", name);
    char *vs_text = load_source(dir, file, vshown, sizeof vshown, err, err_size);
    if (!vs_text) return 0;
    snprintf(file, sizeof file, "%s.frag", name);
    char *fs_text = load_source(dir, file, fshown, sizeof fshown, err, err_size);
    if (!fs_text) {
        free(vs_text);
        return 0;
    }
    unsigned vs = compile(GL_VERTEX_SHADER, version_line, vs_text, vshown, err, err_size);
    unsigned fs = vs ? compile(GL_FRAGMENT_SHADER, version_line, fs_text, fshown, err, err_size) : 0;
    free(vs_text);
    free(fs_text);
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        return 0;
    }
    GLuint prog = glCreateProgram();
    glAttachShader(prog, vs);
    glAttachShader(prog, fs);
    glLinkProgram(prog);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(prog, GL_LINK_STATUS, &ok);
    if (ok) return prog;
    char log[1024] = "", line[600];
    glGetProgramInfoLog(prog, sizeof log, NULL, log);
    render_shader_format_log(log, line, sizeof line);
    snprintf(err, err_size, "%s/%s: link failed: %s", dir ? dir : "shaders", name, line);
    glDeleteProgram(prog);
    return 0;
}
