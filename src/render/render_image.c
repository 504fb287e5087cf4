/* render_image.c: PNG in and out, framebuffer read-back (render_image.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_gl.h"
#include "render_image.h"
#include "render_paths.h"
#include "stb_image.h"
#include "stb_image_write.h"

bool render_image_write_png(const char *path, int w, int h, const unsigned char *rgba, char *err, size_t err_size) {
    if (!stbi_write_png(path, w, h, 4, rgba, w * 4)) {
        snprintf(err, err_size, "%s: cannot write the PNG", path);
        return false;
    }
    return true;
}

void render_image_read_framebuffer(int w, int h, unsigned char *rgba) {
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    /* GL's rows run bottom up; files run top down */
    size_t row = (size_t)w * 4;
    unsigned char *tmp = malloc(row);
    if (!tmp) return;
    for (int y = 0; y < h / 2; y++) {
        unsigned char *a = rgba + (size_t)y * row, *b = rgba + (size_t)(h - 1 - y) * row;
        memcpy(tmp, a, row);
        memcpy(a, b, row);
        memcpy(b, tmp, row);
    }
    free(tmp);
    /* the picture is opaque whatever alpha blending left in the buffer */
    for (size_t i = 3; i < (size_t)w * (size_t)h * 4; i += 4) rgba[i] = 255;
}

unsigned render_image_load_texture(const char *name, char *err, size_t err_size) {
    char rel[256], path[RENDER_PATH_MAX];
    snprintf(rel, sizeof rel, "assets/textures/%s", name);
    if (!render_find_file(rel, path, sizeof path)) {
        snprintf(err, err_size, "%s: not found next to the program, in the source tree or the data directory", rel);
        return 0;
    }
    int w, h, n;
    unsigned char *px = stbi_load(path, &w, &h, &n, 4);
    if (!px) {
        snprintf(err, err_size, "%s: %s", path, stbi_failure_reason());
        return 0;
    }
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glGenerateMipmap(GL_TEXTURE_2D);
    /* one mip level per pixel, no blend between levels: cheap on a software renderer */
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_REPEAT);
    stbi_image_free(px);
    return tex;
}
