#!/usr/bin/env python3
"""Author's helper: print the DOCX headings of a plan as gold outline lines
(or, with --write, put them into gold/<id>.yaml in place of `outline: []`).
Review the result by eye: the gold file is what a correct reader finds."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import HERE, docx_headings  # noqa: E402


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


for pid in [a for a in sys.argv[1:] if a != "--write"]:
    lines = [f"  - {{level: {lv}, number: {q(n)}, title: {q(t)}}}"
             for lv, n, t in docx_headings(os.path.join(HERE, "docx", pid + ".docx"))]
    if "--write" in sys.argv:
        path = os.path.join(HERE, "gold", pid + ".yaml")
        text = open(path, encoding="utf-8").read()
        if "outline: []\n" in text:
            text = text.replace("outline: []\n", "outline:\n" + "\n".join(lines) + "\n")
            open(path, "w", encoding="utf-8").write(text)
    print(pid)
    print("\n".join(lines))
