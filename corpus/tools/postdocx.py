#!/usr/bin/env python3
"""Post-process a pandoc DOCX for the corpus variants.
  postdocx.py FILE.docx [--header TEXT] [--footer-pages] [--columns N]
--header adds a running header with TEXT; --footer-pages adds a footer
"Side N af M" with PAGE/NUMPAGES fields; --columns sets the body's section
to N columns. All zip entries get a fixed timestamp (byte-stable output)."""
import argparse
import os
import re
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def header_xml(text):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>'
            '<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:hdr>')


def field(instr):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def footer_xml(text):
    lead = f'<w:r><w:t xml:space="preserve">{escape(text)}   </w:t></w:r>' if text else ''
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}>'
            '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
            f'{lead}<w:r><w:t xml:space="preserve">Side </w:t></w:r>{field("PAGE")}'
            f'<w:r><w:t xml:space="preserve"> af </w:t></w:r>{field("NUMPAGES")}</w:p></w:ftr>')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--header")
    ap.add_argument("--footer", default=None, help="text before the page number")
    ap.add_argument("--footer-pages", action="store_true")
    ap.add_argument("--columns", type=int, default=1)
    a = ap.parse_args()

    with zipfile.ZipFile(a.file) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}

    doc = parts["word/document.xml"].decode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    refs = ""
    if a.header:
        parts["word/plantjek_header1.xml"] = header_xml(a.header).encode("utf-8")
        rels = rels.replace("</Relationships>",
                            f'<Relationship Id="rIdPjHdr1" Type="{REL}/header" Target="plantjek_header1.xml"/></Relationships>')
        ct = ct.replace("</Types>", f'<Override PartName="/word/plantjek_header1.xml" ContentType="{CT}.header+xml"/></Types>')
        refs += '<w:headerReference w:type="default" r:id="rIdPjHdr1"/>'
    if a.footer_pages:
        parts["word/plantjek_footer1.xml"] = footer_xml(a.footer).encode("utf-8")
        rels = rels.replace("</Relationships>",
                            f'<Relationship Id="rIdPjFtr1" Type="{REL}/footer" Target="plantjek_footer1.xml"/></Relationships>')
        ct = ct.replace("</Types>", f'<Override PartName="/word/plantjek_footer1.xml" ContentType="{CT}.footer+xml"/></Types>')
        refs += '<w:footerReference w:type="default" r:id="rIdPjFtr1"/>'
    # the body's final section properties
    idx = doc.rfind("<w:sectPr")
    if idx < 0:
        raise SystemExit(f"{a.file}: no sectPr")
    end = doc.index(">", idx) + 1
    head = doc[idx:end]
    if head.endswith("/>"):
        doc = doc[:idx] + "<w:sectPr>" + refs + "</w:sectPr>" + doc[end:]
    else:
        doc = doc[:end] + refs + doc[end:]
    if a.columns > 1:
        tail = doc[idx:]
        tail, n = re.subn(r'<w:cols[^>]*/>', f'<w:cols w:num="{a.columns}" w:space="567"/>', tail, count=1)
        if n == 0:
            tail = tail.replace("</w:sectPr>", f'<w:cols w:num="{a.columns}" w:space="567"/></w:sectPr>', 1)
        doc = doc[:idx] + tail
    if 'xmlns:r=' not in doc[:2000]:
        doc = doc.replace("<w:document ", '<w:document xmlns:r="' + REL + '" ', 1)
    parts["word/document.xml"] = doc.encode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    parts["[Content_Types].xml"] = ct.encode("utf-8")

    tmp = a.file + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        order = ["[Content_Types].xml"] + [p for p in parts if p != "[Content_Types].xml"]
        for p in order:
            zi = zipfile.ZipInfo(p, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, parts[p])
    os.replace(tmp, a.file)


if __name__ == "__main__":
    main()
