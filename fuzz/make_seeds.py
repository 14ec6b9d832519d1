#!/usr/bin/env python3
"""Builds the fuzz seed corpora from corpus/ and tests/fixtures/ into OUT/<target>/.

Usage: fuzz/make_seeds.py OUT

Nothing here is committed: the seeds are regenerated on every scripts/fuzz
run (a second or two). Per target:
  fuzz_pdf      fixture PDFs, corpus PDFs, and a tiny hand-written PDF
  fuzz_docx     the DOCX files as they stand, their XML parts as bundles
                (fuzz/fuzz_common.h), and hostile bundles (DOCTYPE, external
                entities, XInclude, external images, deep nesting)
  fuzz_odt      the same for ODT
  fuzz_txt      corpus texts in UTF-8, UTF-8 with BOM, UTF-16 LE/BE, cp1252,
                double-encoded UTF-8, with CRLF and form feeds
  fuzz_segment  corpus texts and the Markdown sources (their '#' headings
                become heading blocks)
  fuzz_profile  rules/profiles/*.yaml
  fuzz_config   the README's plantjek.yaml and a few variants (flow style,
                every key, wrong types)
"""
import hashlib
import io
import pathlib
import sys
import zipfile

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])


def put(target, data, name=None):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = name or hashlib.sha1(data).hexdigest()[:16]
    (d / name).write_bytes(data)


def bundle(parts):
    return b"".join(b"=== " + n.encode() + b"\n" + d + b"\n" for n, d in parts)


def tiny_pdf(text):
    stream = b"BT /F1 24 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
        b"<< /Title (" + text.encode("latin-1") + b") /Parent 6 0 R /Dest [3 0 R /XYZ 0 842 0] >>",
    ]
    pdf = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(pdf))
        pdf += str(i).encode() + b" 0 obj\n" + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 " + str(len(objs) + 1).encode() + b"\n0000000000 65535 f \n"
    for o in offs:
        pdf += b"%010d 00000 n \n" % o
    pdf += b"trailer\n<< /Size " + str(len(objs) + 1).encode() + b" /Root 1 0 R /Info << /Title (Plan) >> >>\n"
    pdf += b"startxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return pdf


# ---- PDF
for p in sorted((root / "tests/fixtures/pdf").glob("*.pdf")) + sorted((root / "corpus/pdf").glob("*.pdf"))[:8]:
    put("fuzz_pdf", p.read_bytes(), p.name)
put("fuzz_pdf", tiny_pdf("Kapitel 1 - Beskaeftigelsesplan 2012"), "tiny.pdf")

# ---- DOCX / ODT
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:xi="http://www.w3.org/2001/XInclude"')
CT = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      b'<Default Extension="xml" ContentType="application/xml"/></Types>')
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xi="http://www.w3.org/2001/XInclude"')
URL = "http://127.0.0.1:9/x"


def docx_doc(body, prolog=""):
    return ('<?xml version="1.0"?>' + prolog + "<w:document " + W + "><w:body>" + body +
            "</w:body></w:document>").encode()


def odt_doc(body, prolog=""):
    return ('<?xml version="1.0"?>' + prolog + "<office:document-content " + ODT_NS +
            "><office:body><office:text>" + body + "</office:text></office:body></office:document-content>").encode()


def package_seeds(target, files, keep):
    for p in files:
        raw = p.read_bytes()
        put(target, raw, p.name)
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                parts = [(n, z.read(n)) for n in z.namelist() if keep(n)]
        except zipfile.BadZipFile:
            continue
        put(target, bundle(parts), p.stem + ".bundle")


docx_files = sorted((root / "tests/fixtures/docx").glob("*.docx")) + sorted((root / "corpus/docx").glob("*.docx"))[:6]
package_seeds("fuzz_docx", docx_files,
              lambda n: n.endswith(".xml") or n.endswith(".rels"))
package_seeds("fuzz_annotate", docx_files[:4],
              lambda n: n.endswith(".xml") or n.endswith(".rels"))
odt_files = sorted((root / "tests/fixtures/odt").glob("*.odt")) + sorted((root / "corpus/odt").glob("*.odt"))[:4]
package_seeds("fuzz_odt", odt_files,
              lambda n: n == "mimetype" or n.endswith(".xml"))

p = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Kapitel 1</w:t></w:r></w:p>'
hostile_docx = {
    "xxe": docx_doc("<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", '<!DOCTYPE d [<!ENTITY x SYSTEM "' + URL + '">]>'),
    "dtd": docx_doc(p, '<!DOCTYPE d SYSTEM "' + URL + '">'),
    "xinclude": docx_doc(p + '<xi:include href="' + URL + '" parse="text"/>'),
    "passwd": docx_doc(p + '<xi:include href="file:///etc/passwd" parse="text"/>'),
    "deep": docx_doc("<w:sdt>" * 300 + "</w:sdt>" * 300),
}
for k, d in hostile_docx.items():
    put("fuzz_docx", bundle([("[Content_Types].xml", CT), ("word/document.xml", d)]), "hostile-" + k)
put("fuzz_docx", bundle([
    ("[Content_Types].xml", CT), ("word/document.xml", docx_doc(p + '<w:p><w:r><w:drawing><a:blip xmlns:a="x" r:link="rId9"/></w:drawing></w:r></w:p>')),
    ("word/_rels/document.xml.rels", ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                     '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
                                     'Target="' + URL + '" TargetMode="External"/></Relationships>').encode())]), "hostile-image")

h = '<text:h text:outline-level="1">Kapitel 1</text:h>'
hostile_odt = {
    "xxe": odt_doc("<text:p>&x;</text:p>", '<!DOCTYPE d [<!ENTITY x SYSTEM "' + URL + '">]>'),
    "xinclude": odt_doc(h + '<xi:include href="' + URL + '" parse="text"/>'),
    "image": odt_doc(h + '<draw:frame><draw:image xlink:href="' + URL + '"/></draw:frame>'),
    "relative": odt_doc(h + '<draw:frame><draw:image xlink:href="../secret"/></draw:frame>'),
}
for k, d in hostile_odt.items():
    put("fuzz_odt", bundle([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", d)]),
        "hostile-" + k)

# ---- text
texts = sorted((root / "corpus/txt").glob("*.txt"))
for i, t in enumerate(texts):
    s = t.read_text(encoding="utf-8", errors="replace")[:6000]
    put("fuzz_txt", s, t.name)
    put("fuzz_segment", t.read_bytes()[:20000], t.name)
    if i < 3:
        put("fuzz_txt", b"\xef\xbb\xbf" + s.encode(), t.stem + ".bom")
        put("fuzz_txt", s.encode("utf-16"), t.stem + ".utf16")
        put("fuzz_txt", b"\xfe\xff" + s.encode("utf-16-be"), t.stem + ".utf16be")
        put("fuzz_txt", s.encode("cp1252", errors="replace").replace(b"\n", b"\r\n"), t.stem + ".cp1252")
        put("fuzz_txt", s.encode().decode("cp1252", errors="replace").encode(), t.stem + ".double")
        put("fuzz_txt", s.replace("\n\n", "\n\f", 3), t.stem + ".ff")
for m in sorted((root / "corpus/src").glob("*.md"))[:10]:
    put("fuzz_segment", m.read_bytes()[:20000], m.name)
put("fuzz_segment", "#Kapitel 1 - Indledning\n\n!2.1. Unge\n\n@Jobcenter Testkommune\n\n~Side 1\n\n"
                    "|Mål 1\n\n|X personer\n\n-a) punkt\n\n^1 Fodnote\n\n%Budget\n\nTillæg nr. 1: Målopfølgning\n\n"
                    "Beskæf-\ntigelsesplan 2012 for Aarhus Kommune\n", "structure.txt")

# ---- RTF (hand-written: stylesheet headings, \\outlinelevel, tables, \\'hh,
# \\uN, footnotes, \\info; and corpus texts wrapped as RTF paragraphs)
RTF_HEAD = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}"
            r"{\stylesheet{\s0 Normal;}{\s1\outlinelevel0 heading 1;}{\s2 Overskrift 2;}}"
            r"{\info{\title Besk\'e6ftigelsesplan 2012}{\author Jobcenter}}")
put("fuzz_rtf", RTF_HEAD + r"{\pard\s1 Kapitel 1 - Indledning\par}"
    r"{\pard\s2 1.1 M\'e5l\par}{\pard Besk\u230?ftigelse for unge\footnote{\pard Fodnote\par}.\par}"
    r"\trowd\cellx2000\cellx4000 A1\cell B1\cell\row\page{\pard\outlinelevel1 Budget\par}"
    r"{\*\unknown skipped}{\field{\*\fldinst HYPERLINK \"http://127.0.0.1:9/x\"}{\fldrslt link}}}", "plan.rtf")
for t in texts[:4]:
    body = t.read_text(encoding="utf-8", errors="replace")[:4000]
    esc = "".join(c if ord(c) < 128 and c not in "\\{}" else "\\u%d?" % ord(c) for c in body)
    put("fuzz_rtf", RTF_HEAD + "".join(r"{\pard " + para + r"\par}" for para in esc.split("\n\n")) + "}",
        t.stem + ".rtf")

# ---- profiles
for y in sorted((root / "rules/profiles").glob("*.yaml")):
    put("fuzz_profile", y.read_bytes(), y.name)
put("fuzz_profile", "requirements:\n  - id: my-rule\n    kind: section\n", "rules.yaml")

# ---- plantjek.yaml
readme = (root / "README.md").read_text(encoding="utf-8")
start = readme.find("```yaml\nlang:")
if start >= 0:
    put("fuzz_config", readme[start + 8:readme.find("```", start + 8)], "readme.yaml")
for i, text in enumerate([
    "format: json\nspelling: false\nwaivers:\n  - {requirement: budget, kommune: Vejle, reason: x}\n",
    "lang: en\ncolor: always\nstage: draft\nprofile: 2016-2024\nfail-on: warning\nsuggestions: true\n"
    "spelling-severity: error\nrules: [a.yaml, /abs/b.yaml]\nwords: ord.txt\n",
    "waivers:\n  - requirement: goal-1\n    year: 2012\n    reason: \"aftalt med regionen\"\n"
    "  - requirement: annex\n    kommune: \u00c5rhus\n    reason: ok\n",
    "lang: [da]\nwaivers: {requirement: x}\n",
    "spelling: maybe\nwaivers:\n  - requirement: budget\n    year: tyve\n    reason: r\n",
    "? [a, b]\n: c\n",
]):
    put("fuzz_config", text, "variant%d.yaml" % i)
