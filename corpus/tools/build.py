#!/usr/bin/env python3
"""Rebuild every built corpus file from corpus/src/*.md (see corpus/README.md).

Per plan: the formats come from gold/<id>.yaml (`formats:`), the variants
from the source's YAML metadata block, key `build:`:
  header: TEXT          running header on every page
  footer-pages: true    footer "Side N af M" (footer: TEXT puts TEXT before it)
  columns: 2            body set in two columns
  bookmarks: false      PDF exported without bookmarks (outline)
  toc-field: true       pandoc --toc: a Word TOC field titled Indholdsfortegnelse
  txt-encoding: cp1252  TXT written in Windows-1252 instead of UTF-8
Usage: build.py [ID ...]   (no ids: all plans)"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC, GOLD = os.path.join(HERE, "src"), os.path.join(HERE, "gold")
REF = os.path.join(HERE, "reference.docx")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1704067200")


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n(---|\.\.\.)\n", text, re.S)
    return yaml.safe_load(m.group(1)) if m else {}


def run(cmd, **kw):
    r = subprocess.run(cmd, env=ENV, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.stderr.write(f"FAILED: {' '.join(cmd)}\n{r.stdout}{r.stderr}")
        raise SystemExit(1)
    return r


def soffice(convert_to, files, outdir, profile):
    if not files:
        return
    os.makedirs(outdir, exist_ok=True)
    run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", convert_to, "--outdir", outdir] + files)


def main():
    t0 = time.time()
    ids = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(SRC) if f.endswith(".md"))
    if not os.path.exists(REF):
        run([sys.executable, os.path.join(HERE, "tools", "make_reference.py"), REF])
    pdf_bm, pdf_nobm, odt = [], [], []
    for pid in ids:
        src = os.path.join(SRC, pid + ".md")
        gold = yaml.safe_load(open(os.path.join(GOLD, pid + ".yaml"), encoding="utf-8"))
        formats = gold["formats"]
        opts = (front_matter(src) or {}).get("build") or {}
        docx = os.path.join(HERE, "docx", pid + ".docx")
        cmd = ["pandoc", "-f", "markdown-smart", "-t", "docx", "-M", "lang=da-DK",
               f"--reference-doc={REF}", "-o", docx, src]
        if opts.get("toc-field"):
            cmd[5:5] = ["--toc", "--toc-depth=2", "-M", "toc-title=Indholdsfortegnelse"]
        run(cmd)
        post = []
        if opts.get("header"):
            post += ["--header", str(opts["header"])]
        if opts.get("footer-pages"):
            post += ["--footer-pages"]
            if opts.get("footer"):
                post += ["--footer", str(opts["footer"])]
        if int(opts.get("columns", 1)) > 1:
            post += ["--columns", str(opts["columns"])]
        if post:
            run([sys.executable, os.path.join(HERE, "tools", "postdocx.py"), docx] + post)
        if "txt" in formats:
            txt = run(["pandoc", "-s", "-f", "markdown-smart", "-t", "plain", "--columns=78", src]).stdout
            enc = opts.get("txt-encoding", "utf-8")
            with open(os.path.join(HERE, "txt", pid + ".txt"), "w", encoding=enc, newline="\n") as f:
                f.write(txt)
        if "pdf" in formats:
            (pdf_nobm if opts.get("bookmarks") is False else pdf_bm).append(docx)
        if "odt" in formats:
            odt.append(docx)
    profile = tempfile.mkdtemp(prefix="plantjek-corpus-lo-")
    try:
        soffice("pdf:writer_pdf_Export", pdf_bm, os.path.join(HERE, "pdf"), profile)
        soffice('pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"false"}}',
                pdf_nobm, os.path.join(HERE, "pdf"), profile)
        soffice("odt", odt, os.path.join(HERE, "odt"), profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print(f"built {len(ids)} plans ({len(pdf_bm)} PDF with bookmarks, {len(pdf_nobm)} without, "
          f"{len(odt)} ODT) in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
