#!/usr/bin/env python3
"""Writes a long plan-like flat ODT (.fodt) for bench/scan_bench.sh.

    scan_make_long.py CORPUS_TXT_DIR PAGES OUT.fodt

The plan is corpus/txt/2012-aarhus-complete.txt (a complete 2012 plan, so
the whole check runs: profile, goals, targets, spelling), followed by
annexes ("Bilag N. Baggrundsmateriale") made of the body paragraphs of the
other corpus plans, repeated until roughly PAGES A4 pages (about 420 words a
page in LibreOffice's default style). Varied text, so that the spelling
check's per-word cache does not make the long plan unrealistically cheap.
"""
import pathlib
import re
import sys
from xml.sax.saxutils import escape

src, pages, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
heading = re.compile(r"^(\d+(\.\d+)*\.?|Tillæg( nr\.)? \d+\.?|Bilag \d+\.?)\s+\S")


def blocks(path):
    raw = path.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    text = text.replace("\f", "\n\n")
    for b in re.split(r"\n\s*\n", text):
        b = " ".join(b.split())
        if b:
            yield b


main = src / "2012-aarhus-complete.txt"
others = sorted(p for p in src.glob("*.txt") if p != main)
body = []
words = 0
for b in blocks(main):
    level = 0
    if heading.match(b) and len(b) < 120:
        level = 2 if re.match(r"^\d+\.\d+", b) else 1
    body.append((level, b))
    words += len(b.split())
filler = [b for p in others for b in blocks(p) if not (heading.match(b) and len(b) < 120)]
target_words = pages * 420
n = 1
while words < target_words:
    body.append((1, f"Bilag {n}. Baggrundsmateriale"))
    for b in filler[(n * 7) % len(filler):] + filler[: (n * 7) % len(filler)]:
        body.append((0, b))
        words += len(b.split())
        if words >= target_words:
            break
    n += 1

with out.open("w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>\n')
    for level, b in body:
        if level:
            f.write(f'<text:h text:outline-level="{level}">{escape(b)}</text:h>\n')
        else:
            f.write(f"<text:p>{escape(b)}</text:p>\n")
    f.write("</office:text></office:body></office:document>\n")
