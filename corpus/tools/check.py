#!/usr/bin/env python3
"""Sanity checks of the corpus: every gold file parses and has the loader's
keys, every listed built file exists, the gold outline equals the DOCX
heading paragraphs (number split off the way the README describes), and
every placeholder, misspelling and target value occurs in the source.
Usage: check.py    (exit status 1 on any problem)"""
import html
import os
import re
import sys
import zipfile

import yaml

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGIMES = {"2008-2010", "2011", "2012-2015", "2016-2024"}
KINDS = {"plan", "draft", "annex", "other"}
STATUSES = {"pass", "fail", "warn", "not-applicable"}
IDS = {"minister-goals", "goal-targets", "challenges", "citizen-strategy", "company-strategy", "other-actors",
       "budget", "annex-goal-overview", "annex-lbr-plan", "annex-jobconsultants", "repatriation",
       "no-placeholders", "targets-consistent"}
LABEL = re.compile(r"^(?:(?:kapitel|tillæg(?: nr\.)?|bilag)\s+)?(\d+[a-z]?(?:\.\d+)*)\.?(?:\s*[:\-–]\s*|\s+)(.*)$", re.I)
DOUBLE = re.compile(r"^bilag\s+\d+\s+tillæg\s+(\d+)\s*[:\-–]?\s*(.*)$", re.I)


def split(text):
    text = " ".join(text.split())
    m = DOUBLE.match(text) or LABEL.match(text)
    if m:
        return m.group(1), m.group(2)
    return "", text


def docx_headings(path):
    with zipfile.ZipFile(path) as z:
        doc = z.read("word/document.xml").decode("utf-8")
    out = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", doc, re.S):
        m = re.search(r'<w:pStyle w:val="Heading(\d)"', p)
        if not m:
            continue
        p = re.sub(r"<w:delText[^>]*>.*?</w:delText>", "", p, flags=re.S)
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>", p, re.S))
        text = html.unescape(text)
        out.append((int(m.group(1)),) + split(text))
    return out


def main():
    problems = 0
    golds = sorted(f for f in os.listdir(os.path.join(HERE, "gold")) if f.endswith(".yaml"))
    srcs = sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "src")) if f.endswith(".md"))
    if sorted(g[:-5] for g in golds) != srcs:
        print("sources and gold files differ:", set(srcs) ^ {g[:-5] for g in golds})
        problems += 1
    for g in golds:
        y = yaml.safe_load(open(os.path.join(HERE, "gold", g), encoding="utf-8"))
        pid = g[:-5]
        def bad(msg):
            nonlocal problems
            problems += 1
            print(f"{pid}: {msg}")
        if y.get("id") != pid:
            bad("id differs from file name")
        for k in ("description", "municipality", "years", "kind", "regime", "formats", "variants", "outline",
                  "requirements", "goals", "targets", "placeholders", "misspellings"):
            if k not in y:
                bad(f"missing key {k}")
        if y.get("regime") not in REGIMES:
            bad(f"regime {y.get('regime')}")
        if y.get("kind") not in KINDS:
            bad(f"kind {y.get('kind')}")
        for k, v in (y.get("requirements") or {}).items():
            if k not in IDS or v not in STATUSES:
                bad(f"requirement {k}: {v}")
        for f in y.get("formats", []):
            if not os.path.exists(os.path.join(HERE, f, f"{pid}.{f}")):
                bad(f"no {f} file")
        src = open(os.path.join(HERE, "src", pid + ".md"), encoding="utf-8").read()
        for p in y.get("placeholders") or []:
            if p not in src:
                bad(f"placeholder not in source: {p}")
        for m in y.get("misspellings") or []:
            if not re.search(r"(?<![\wæøå])" + re.escape(m["word"]) + r"(?![\wæøå])", src):
                bad(f"misspelling not in source: {m['word']}")
        for t in y.get("targets") or []:
            if t.get("value") is not None:
                v = t["value"]
                s = f"{v:,.0f}".replace(",", ".") if float(v).is_integer() else str(v).replace(".", ",")
                if s not in src and str(v) not in src:
                    bad(f"target value not in source: {v}")
        docx = os.path.join(HERE, "docx", pid + ".docx")
        if os.path.exists(docx):
            got = docx_headings(docx)
            want = [(h["level"], str(h["number"]), h["title"]) for h in y.get("outline") or []]
            if got != want:
                bad("outline differs from DOCX headings:")
                for a, b in zip(got + [None] * len(want), want + [None] * len(got)):
                    if a != b and (a or b):
                        print(f"    docx {a}\n    gold {b}")
    print(f"{len(golds)} gold files, {problems} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
