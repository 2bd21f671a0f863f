#!/usr/bin/env python3
"""Reads a PNG screenshot (8-bit RGB or RGBA, as Chromium writes) with the standard library only
and prints, as JSON, what the browser test of `coverage --html` checks: its size, how many
pixels are not white, how many are the chart's green and red, and how many pixel rows below the
chart hold dark (text) pixels, which is where the tables are.
usage: png-regions.py SHOT.png"""
import json, struct, sys, zlib

data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    print(json.dumps({"png": False})); sys.exit(0)
pos, idat = 8, b""
while pos < len(data):
    (length,) = struct.unpack(">I", data[pos:pos + 4])
    kind, chunk = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
    pos += 12 + length
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
    elif kind == b"IDAT":
        idat += chunk
bpp = {2: 3, 6: 4}[colour]
stride = width * bpp
raw = zlib.decompress(idat)
prev, rows, i = bytearray(stride), [], 0
for _ in range(height):
    kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    if kind == 1:
        for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
    elif kind == 2:
        for x in range(stride): line[x] = (line[x] + prev[x]) & 255
    elif kind == 3:
        for x in range(stride): line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
    elif kind == 4:
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
def near(r, g, b, colour):
    return abs(r - colour[0]) < 24 and abs(g - colour[1]) < 24 and abs(b - colour[2]) < 24

GREEN, RED = (0x34, 0xa8, 0x53), (0xea, 0x43, 0x35)
non_white = green = red = 0
chart_bottom = 0
dark_rows = []
for y, line in enumerate(rows):
    dark = False
    run = 0  # a bar is a run of its colour; anti-aliased coloured text never makes one 20 pixels long
    for x in range(0, stride, bpp):
        r, g, b = line[x], line[x + 1], line[x + 2]
        if r < 245 or g < 245 or b < 245: non_white += 1
        if near(r, g, b, GREEN) or near(r, g, b, RED):
            run += 1
            if near(r, g, b, GREEN): green += 1
            else: red += 1
            if run >= 20: chart_bottom = y
        else:
            run = 0
        if r < 110 and g < 110 and b < 110: dark = True
    dark_rows.append(dark)
print(json.dumps({"png": True, "width": width, "height": height, "nonWhite": non_white, "green": green, "red": red,
                  "textRowsBelowChart": sum(1 for y in range(chart_bottom + 1, height) if dark_rows[y])}))
