#!/usr/bin/env python3
"""make_textures.py: draws fibrelab's two detail textures (standard library only).

    python3 assets/textures/make_textures.py      # rewrites bone.png here

Both are grey around 0.5 and tile seamlessly; mesh.frag multiplies a colour by
twice the texture, so they add shading detail without changing the hue.
bone.png: fine streaks along the bone's length (u) over soft blotches.
"""
import math
import os
import random
import struct
import zlib

SIZE = 256


def png(path, rows):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def value_noise(rng, cells_x, cells_y):
    """Tileable smooth noise in [0, 1] on a SIZE x SIZE grid."""
    grid = [[rng.random() for _ in range(cells_x)] for _ in range(cells_y)]

    def at(x, y):
        fx, fy = x / SIZE * cells_x, y / SIZE * cells_y
        x0, y0 = int(fx), int(fy)
        tx, ty = fx - x0, fy - y0
        tx, ty = tx * tx * (3 - 2 * tx), ty * ty * (3 - 2 * ty)
        x1, y1 = (x0 + 1) % cells_x, (y0 + 1) % cells_y
        x0, y0 = x0 % cells_x, y0 % cells_y
        a = grid[y0][x0] + (grid[y0][x1] - grid[y0][x0]) * tx
        b = grid[y1][x0] + (grid[y1][x1] - grid[y1][x0]) * tx
        return a + (b - a) * ty

    return at


def texture(seed, octaves, streak):
    rng = random.Random(seed)
    layers = [(value_noise(rng, cx, cy), amp) for cx, cy, amp in octaves]
    rows = []
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            v = sum(amp * (n(x, y) - 0.5) for n, amp in layers)
            if streak:
                v += streak * math.sin(2 * math.pi * (y / SIZE * 24 + 0.8 * layers[0][0](x, y)))
            g = max(0, min(255, int(round(255 * (0.5 + v)))))
            row.append((g, g, g))
        rows.append(row)
    return rows


here = os.path.dirname(os.path.abspath(__file__))
# bone: long cells along u (x), thin across (y), plus streaks
png(os.path.join(here, "bone.png"), texture(4, [(4, 4, 0.16), (8, 32, 0.10), (16, 64, 0.05)], 0.03))
# skin: blotches and pores
