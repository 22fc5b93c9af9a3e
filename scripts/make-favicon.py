#!/usr/bin/env python3
"""Writes src/Jishi.Web/wwwroot/favicon.ico: a 32×32 red tile with a gold five-pointed star, one PNG inside an ICO.

Run again only to change the icon; the product serves the file it wrote."""
import math
import pathlib
import struct
import zlib

SIZE = 32
RED = (200, 16, 46, 255)
GOLD = (255, 215, 0, 255)


def star_points(cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points


def inside(x, y, polygon):
    hit = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def pixel(x, y, star):
    # Four samples a pixel soften the star's edges.
    samples = [(x + dx, y + dy) for dx in (0.25, 0.75) for dy in (0.25, 0.75)]
    share = sum(inside(sx, sy, star) for sx, sy in samples) / len(samples)
    return tuple(round(r + (g - r) * share) for r, g in zip(RED, GOLD))


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    star = star_points(SIZE / 2, SIZE / 2 + 1.5, 14, 5.6)
    image = png([[pixel(x, y, star) for x in range(SIZE)] for y in range(SIZE)])
    ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 22) + image
    target = pathlib.Path(__file__).resolve().parent.parent / "src" / "Jishi.Web" / "wwwroot" / "favicon.ico"
    target.write_bytes(ico)


if __name__ == "__main__":
    main()
