#!/usr/bin/env python3
"""Build the stream-path sample PDFs (annex tables without a cell grid) and their expected JSON.

Two layouts that pdfplumber's lattice cannot read, drawn line by line with reportlab so that every
cell line is its own text line, as in real exports:

- ``eastshire-2018-unruled``: only white space between columns, wrapped cells, refs on the first
  line of their row, rows packed with no extra spacing, one row broken over a page break and one
  over two page breaks, no repeated header.
- ``eastshire-2018-rules-only``: horizontal rules between rows but no vertical lines (so no cell
  grid), refs vertically centred, page refs wrapped over two lines ("Page" / "21/22"), a footnote
  between two parts of the table, the header repeated on every page.

The expected JSON (gold schema) is written from the same content. Needs reportlab; the outputs are
committed. Usage: ``python samples/make_stream_samples.py``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content" / "eastshire-2018.json"
FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 9.5, 12.0
LEFT, TOP, BOTTOM = 50.0, 790.0, 70.0
COLUMNS = {"ref": (LEFT, 40.0), "page_ref": (LEFT + 48, 52.0), "issue": (LEFT + 110, 270.0),
           "action": (LEFT + 392, 100.0)}


@dataclass
class Layout:
    name: str
    ref_align: str  # "top" | "centre"
    row_gap: float  # extra points between rows
    rules: bool  # horizontal rules between rows
    repeat_header: bool
    header: tuple[str, str, str, str]
    page_width: float  # page column width (narrow: "Page 21/22" wraps)
    footnote_after: int | None  # draw the footnotes on the page where this row index ends
    page_length: int | None  # force a page break after this many body lines (to break rows)


def pages_of(page_ref: str) -> list[int]:
    text = re.sub(r"(?i)\b(figure|fig\.?|table|annex|para(graph)?|chapter)\s*\d+", " ", page_ref)
    out = {int(n) for n in re.findall(r"\d+", text)}
    for a, b in re.findall(r"(\d+)\s*[-–]\s*(\d+)", text):
        if int(a) < int(b) <= int(a) + 20:
            out.update(range(int(a), int(b) + 1))
    return sorted(out)


class Page:
    """A canvas with a cursor: draws lines of the table and breaks pages."""

    def __init__(self, path: Path, layout: Layout, footnotes: list[str]) -> None:
        self.c = Canvas(str(path), pagesize=A4)
        self.layout = layout
        self.footnotes = footnotes
        self.y = TOP
        self.number = 1
        self.lines_on_page = 0
        self.pending_notes: list[str] = []
        self.c.setTitle(f"Eastshire PCC response ({layout.name})")

    def text(self, x: float, y: float, s: str, font: str = FONT, size: float = SIZE) -> None:
        self.c.setFont(font, size)
        self.c.drawString(x, y, s)

    def footer(self) -> None:
        y = BOTTOM + 10
        for note in self.pending_notes:
            for part in simpleSplit(note, FONT, 7.5, 490):
                self.text(LEFT, y, part, size=7.5)
                y -= 9
        self.pending_notes = []
        self.text(280, 30, f"Page {self.number}", size=8)

    def new_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.number += 1
        self.y = TOP
        self.lines_on_page = 0
        if self.layout.repeat_header:
            self.header()

    def header(self) -> None:
        layout = self.layout
        parts = [simpleSplit(h, BOLD, SIZE, COLUMNS[role][1]) for h, role in
                 zip(layout.header, ("ref", "page_ref", "issue", "action"), strict=True)]
        for k in range(max(len(p) for p in parts)):
            for p, role in zip(parts, ("ref", "page_ref", "issue", "action"), strict=True):
                if k < len(p):
                    self.text(COLUMNS[role][0], self.y, p[k], BOLD)
            self.y -= LEADING
        self.c.line(LEFT, self.y + LEADING - 3, LEFT + 492, self.y + LEADING - 3)
        self.y -= 4

    def room(self) -> bool:
        limit = self.layout.page_length
        return self.y - LEADING > BOTTOM + 30 and (limit is None or self.lines_on_page < limit)

    def title(self, s: str) -> None:
        if self.y - 3 * LEADING < BOTTOM + 30:
            self.new_page()
        self.y -= 6
        self.text(LEFT, self.y, s, BOLD, 11)
        self.y -= LEADING + 6


def draw_row(page: Page, row: dict, layout: Layout) -> None:
    issue = simpleSplit(row["issue"], FONT, SIZE, COLUMNS["issue"][1])
    page_lines = simpleSplit(row["page_ref"], FONT, SIZE, layout.page_width)
    n = max(len(issue), len(page_lines))
    first = 0 if layout.ref_align == "top" else (n - 1) // 2
    page_first = 0 if layout.ref_align == "top" else max(0, (n - len(page_lines)) // 2)
    for k in range(n):
        if not page.room():
            page.new_page()
        if k == first:
            page.text(COLUMNS["ref"][0], page.y, str(row["ref"]))
        if page_first <= k < page_first + len(page_lines):
            page.text(COLUMNS["page_ref"][0], page.y, page_lines[k - page_first])
        if k < len(issue):
            page.text(COLUMNS["issue"][0], page.y, issue[k])
        page.y -= LEADING
        page.lines_on_page += 1
    page.y -= layout.row_gap
    if layout.rules:
        page.c.setLineWidth(0.5)
        page.c.line(LEFT, page.y + LEADING - 2 + layout.row_gap / 2, LEFT + 492, page.y + LEADING - 2 +
                    layout.row_gap / 2)


def build(layout: Layout, content: dict, out_dir: Path) -> None:
    pdf = out_dir / f"{layout.name}.pdf"
    page = Page(pdf, layout, content["footnotes"])
    page.text(LEFT, TOP, "ANNEX A - ASSURANCE MONITORING TEMPLATE (FORCE RESPONSE)", BOLD, 11)
    page.y -= 2 * LEADING
    index = 0
    for section in content["sections"]:
        if section["title"]:
            page.title(section["title"])
        page.header()
        for row in section["rows"]:
            draw_row(page, row, layout)
            if layout.footnote_after == index:
                page.pending_notes = list(content["footnotes"])
                page.new_page()
            index += 1
    page.footer()
    page.c.save()
    rows = [{"section": s["name"], "ref": r["ref"], "pages": pages_of(r["page_ref"]), "page_ref": r["page_ref"],
             "issue": r["issue"]} for s in content["sections"] for r in s["rows"]]
    expected = {"source": pdf.name, "kind": "annex", "rows": rows}
    (out_dir / f"{layout.name}.expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n",
                                                          encoding="utf-8")
    print(f"wrote {pdf.name} ({page.number} pages, {len(rows)} rows)")


LAYOUTS = (
    Layout("eastshire-2018-unruled", ref_align="top", row_gap=0.0, rules=False, repeat_header=False,
           header=("Ref", "Page Ref", "Issue of concern", "Action taken"), page_width=52.0, footnote_after=None,
           page_length=20),
    Layout("eastshire-2018-rules-only", ref_align="centre", row_gap=8.0, rules=True, repeat_header=True,
           header=("Report Ref", "Page Ref", "Issue of concern", "Action taken to address concern"),
           page_width=28.0, footnote_after=4, page_length=None),
)


def main() -> None:
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    for layout in LAYOUTS:
        build(layout, content, HERE)


if __name__ == "__main__":
    main()
