"""Minimal inspection-report PDFs built with reportlab at test time (pip-only, like CI).

A test says what the pages hold: paragraphs (with an optional bold lead run, bullet or number),
headings, call-out boxes and forced page breaks; every page gets a running footer and/or header
made from its printed number. ``build`` returns the PDF path and, for each marked paragraph, the
PDF pages its text was drawn on, so a test can check that a finding really crosses a page break.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

MARGIN = 62.0
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=7)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=8, spaceBefore=6)
SUBHEADING = ParagraphStyle("subheading", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceAfter=6)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=18, bulletIndent=2)
SUB = ParagraphStyle("sub", parent=BODY, leftIndent=34, bulletIndent=22)  # a bullet under a list item
SMALL = ParagraphStyle("small", fontName="Helvetica", fontSize=8, leading=10)


@dataclass
class Para:
    """A paragraph: ``text`` may hold reportlab markup (<b>…</b>); ``key`` marks it for page tracking."""

    text: str
    style: ParagraphStyle = BODY
    bullet: str | None = None  # "•", "1.", "(a)", …
    key: str = ""


@dataclass
class Box:
    """A shaded call-out box holding paragraphs."""

    paras: list[Para]
    fill: object = colors.HexColor("#E8EEF7")


@dataclass
class Gap:
    """Vertical white space (points), to push what follows towards a page foot."""

    height: float


PAGE_BREAK = "page-break"


@dataclass
class Report:
    """What a test report holds: a cover, then the body; printed numbers start at ``first_number`` on the body."""

    body: list
    title: str = "PEEL 2021/22 – Westshire Police"
    cover: list[str] = field(default_factory=lambda: ["PEEL 2021/22", "An inspection of Westshire Police"])
    footer: Callable[[int], str] | None = lambda n: f"PEEL 2021/22 – Westshire Police {n}"
    header: Callable[[int], str] | None = None
    first_number: int = 1
    footnotes: dict[int, str] = field(default_factory=dict)  # PDF page index -> a footnote printed at its foot


class Tracked(Paragraph):
    """A paragraph that records the PDF pages it is drawn on."""

    def __init__(self, text: str | None, style: ParagraphStyle, key: str = "", where: dict | None = None, **kw):
        super().__init__(text, style, **kw)
        self.key, self.where = key, where if where is not None else {}

    def draw(self):
        page = self.canv.getPageNumber() - 1
        pages = self.where.setdefault(self.key, [])
        if page not in pages:
            pages.append(page)
        super().draw()

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.key, part.where = self.key, self.where
        return parts


def flowables(items: list, where: dict[str, list[int]]) -> list:
    out: list = []
    for item in items:
        if item == PAGE_BREAK:
            out.append(PageBreak())
        elif isinstance(item, Gap):
            out.append(Spacer(1, item.height))
        elif isinstance(item, Box):
            cell = flowables(item.paras, where)
            table = Table([[cell]], colWidths=[A4[0] - 2 * MARGIN - 4])
            table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), item.fill),
                                       ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#1F3864")),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 8)]))
            out.append(table)
            out.append(Spacer(1, 8))
        elif isinstance(item, Para):
            kw = {"bulletText": item.bullet} if item.bullet else {}
            style = ITEM if item.bullet and item.style is BODY else item.style
            if item.key:
                out.append(Tracked(item.text, style, item.key, where, **kw))
            else:
                out.append(Paragraph(item.text, style, **kw))
        else:
            raise TypeError(item)
    return out


def build(report: Report, path: Path) -> tuple[Path, dict[str, list[int]]]:
    """Write ``report`` to ``path``; return the path and the PDF pages (0-based) each keyed paragraph touches."""
    where: dict[str, list[int]] = {}
    width, height = A4

    def furniture(canvas, doc) -> None:
        page = canvas.getPageNumber() - 1
        if page == 0:
            return
        number = page - 1 + report.first_number
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if report.footer is not None:
            canvas.drawString(MARGIN, 30, report.footer(number))
        if report.header is not None:
            canvas.drawString(MARGIN, height - 30, report.header(number))
        if page in report.footnotes:
            canvas.setFont("Helvetica", 7)
            canvas.drawString(MARGIN, MARGIN - 14, report.footnotes[page])
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=report.title)
    frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=furniture)])
    cover = [Paragraph(report.cover[0], ParagraphStyle("cover", fontName="Helvetica-Bold", fontSize=24,
                                                       leading=30)),
             *(Paragraph(line, ParagraphStyle("sub", fontName="Helvetica", fontSize=14, leading=20))
               for line in report.cover[1:]), PageBreak()]
    doc.build(cover + flowables(report.body, where))
    return path, where


FILLER = ("We examined how the force identifies vulnerable people when they first contact it, how it "
          "responds to them, and how it works with partner organisations to safeguard them. Neighbourhood "
          "teams are visible in their communities, and officers told us that they understood the priorities "
          "of the people they serve.")


def filler(n: int = 1) -> list[Para]:
    """``n`` paragraphs of explanatory prose (no finding in them)."""
    return [Para(FILLER) for _ in range(n)]


def build_crossing(make: Callable[[float], Report], key: str, path: Path) -> tuple[Path, dict[str, list[int]]]:
    """Build ``make(gap)`` with growing gaps until the paragraph ``key`` is drawn over a page break."""
    for gap in range(0, 720, 6):
        built = build(make(float(gap)), path)
        if len(built[1].get(key, [])) == 2:
            return built
    raise AssertionError(f"no gap puts {key!r} across a page break")
