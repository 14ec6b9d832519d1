#!/usr/bin/env python3
"""Build corpus/reference.docx from pandoc's default reference document:
A4 paper with Danish margins, Danish language (da-DK) and fonts that are
installed here (DejaVu), so LibreOffice does not substitute silently.
Usage: make_reference.py OUT.docx"""
import re
import subprocess
import sys
import zipfile

out = sys.argv[1]
default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                         check=True, capture_output=True).stdout
tmp = out + ".tmp"
with open(tmp, "wb") as f:
    f.write(default)

A4 = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
      '<w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" '
      'w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/>'
      '<w:docGrid w:linePitch="360"/></w:sectPr>')

with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode("utf-8")
            s = re.sub(r"<w:sectPr\s*/>", A4, s)
            data = s.encode("utf-8")
        elif item.filename == "word/styles.xml":
            s = data.decode("utf-8")
            s = s.replace('w:val="en-US"', 'w:val="da-DK"')
            s = s.replace('w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"',
                          'w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:eastAsia="DejaVu Serif" w:cs="DejaVu Serif"')
            s = s.replace('w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"',
                          'w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"')
            data = s.encode("utf-8")
        elif item.filename == "word/settings.xml":
            s = data.decode("utf-8")
            s = s.replace('w:val="en-US"', 'w:val="da-DK"')
            data = s.encode("utf-8")
        # fixed timestamps keep the file byte-stable
        zi = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(zi, data)
import os
os.remove(tmp)
