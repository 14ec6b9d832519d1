"""Reads plantjek.xlsx back with openpyxl (Debian's python3-openpyxl).

Usage: test_region_xlsx.py BOOK.xlsx DUMP.txt
Checks what a reader of the workbook relies on — the four sheets by name,
a frozen header row, an autofilter over the whole table, set column widths,
bold headers, and hyperlinks from the file cells of Oversigt to the plans'
HTML reports beside the workbook — and writes the cell content of every
sheet as text (one line per row, cells separated by ' | ') for the golden
comparison. Exit 1 with a message on the first failed check.
"""
import os
import sys

import openpyxl


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    book, dump = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(book)
    if wb.sheetnames != ["Oversigt", "Mål", "Fund", "Frister"]:
        fail("sheets %r" % wb.sheetnames)
    lines = []
    for ws in wb:
        if ws.freeze_panes != "A2":
            fail("%s: header row not frozen (%r)" % (ws.title, ws.freeze_panes))
        ref = ws.auto_filter.ref
        if not ref or ref != "A1:%s%d" % (openpyxl.utils.get_column_letter(ws.max_column), ws.max_row):
            fail("%s: autofilter %r over %s" % (ws.title, ref, ws.dimensions))
        if not all(c.font.b for c in ws[1]):
            fail("%s: header not bold" % ws.title)
        if not ws.column_dimensions["A"].width or ws.column_dimensions["A"].width < 20:
            fail("%s: column A width %r" % (ws.title, ws.column_dimensions["A"].width))
        lines.append("== " + ws.title)
        for row in ws.iter_rows(values_only=True):
            lines.append(" | ".join("" if v is None else str(v).replace("\n", " / ") for v in row))
    links = 0
    for row in wb["Oversigt"].iter_rows(min_row=2):
        cell = row[0]
        if cell.hyperlink is None:
            fail("Oversigt %s: no link" % cell.coordinate)
        target = cell.hyperlink.target
        if not target.startswith(cell.value) or not target.endswith(".html"):
            fail("Oversigt %s: link %r for %r" % (cell.coordinate, target, cell.value))
        if not os.path.exists(os.path.join(os.path.dirname(book), target)):
            fail("Oversigt %s: link %r goes nowhere" % (cell.coordinate, target))
        links += 1
    lines.append("== links: %d" % links)
    with open(dump, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


main()
