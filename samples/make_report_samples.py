#!/usr/bin/env python3
"""Build report-style sample PDFs (HMIC 2016 and HMICFRS 2021+ layouts) and their expected JSON.

An inspection report has no annex table: its findings sit in boxed call-outs, bullet lists and
numbered headings among pages of prose. These samples reproduce what makes real reports hard:
an unnumbered cover, roman-numbered front matter (real /PageLabels *and* printed footers), a
summary that repeats findings, a finding that crosses a page break, two-column pages, figures
with captions, running headers, and prose that merely mentions "areas for improvement".

The layout engine (reportlab) records the PDF page on which each finding's text is drawn, so the
expected page numbers come from the same build as the PDF and cannot drift. Each build is
checked: the page-crossing finding must really cross, or the script fails.

Needs reportlab; the outputs are committed, so users and CI never run this.
Usage: ``python samples/make_report_samples.py [--only NAME]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
PROSE = json.loads((HERE / "content" / "report-prose.json").read_text(encoding="utf-8"))["paragraphs"]

AFI, COC, REC = "Areas for improvement", "Causes of concern", "Recommendations"
SECTION_ORDER = (AFI, COC, REC)
PAGE_W, PAGE_H = A4
MARGIN = 2.2 * cm
FRAME_W = PAGE_W - 2 * MARGIN
GUTTER = 0.8 * cm
COL_W = (FRAME_W - GUTTER) / 2

NAVY = colors.HexColor("#1F3864")
BOX_FILL = colors.HexColor("#E8EEF7")
COC_FILL = colors.HexColor("#FBE9E7")


def style(name: str, font: str = "Helvetica", size: float = 10.5, leading: float | None = None, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.35, alignment=TA_LEFT, **kw)


BODY = style("body", spaceAfter=7)
H1 = style("h1", "Helvetica-Bold", 17, spaceBefore=4, spaceAfter=12, textColor=NAVY)
H2 = style("h2", "Helvetica-Bold", 13, spaceBefore=10, spaceAfter=6, textColor=NAVY)
H3 = style("h3", "Helvetica-Bold", 11, spaceBefore=6, spaceAfter=4)
BOX_HEAD = style("boxhead", "Helvetica-Bold", 11.5, spaceAfter=2)
BOX_TEXT = style("boxtext", spaceAfter=3)
BULLET = style("bullet", leftIndent=14, bulletIndent=2, spaceAfter=4)
NUMBERED = style("numbered", leftIndent=18, bulletIndent=0, spaceAfter=4)
CAPTION = style("caption", "Helvetica-Oblique", 8.5, spaceBefore=2, spaceAfter=10, textColor=colors.HexColor("#404040"))
CONTENTS = style("contents", size=11, leading=20)
COVER_TITLE = style("covertitle", "Helvetica-Bold", 26, leading=32, textColor=NAVY, spaceAfter=14)
COVER_SUB = style("coversub", "Helvetica", 15, leading=20, spaceAfter=10)


# --- recording where things are drawn ---------------------------------------------------------


@dataclass
class Layout:
    """What one build recorded: tracked key -> PDF page indexes, and each page's printed number."""

    drawn: dict[str, list[int]] = field(default_factory=dict)
    printed: dict[int, str] = field(default_factory=dict)

    def pages_of(self, key: str) -> list[int]:
        return sorted(set(self.drawn.get(key, [])))


LAYOUT = Layout()


class Tracked(Paragraph):
    """A paragraph that records the PDF page(s) it is drawn on, also when split across pages."""

    track = ""

    def draw(self) -> None:
        LAYOUT.drawn.setdefault(self.track, []).append(self.canv.getPageNumber() - 1)
        super().draw()

    def split(self, avail_width: float, avail_height: float) -> list:
        parts = super().split(avail_width, avail_height)
        for part in parts:
            part.track = self.track
        return parts


def tracked(text: str, st: ParagraphStyle, key: str, bullet: str | None = None) -> Tracked:
    para = Tracked(text, st, bulletText=bullet)
    para.track = key
    return para


def roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


# --- page templates ---------------------------------------------------------------------------


class ReportDoc(BaseDocTemplate):
    """Cover (no number), front matter (roman), body (arabic), in one or two columns, with real /PageLabels."""

    def __init__(self, path: Path, spec: dict) -> None:
        super().__init__(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                         bottomMargin=MARGIN, title=spec["pdf_title"], author=spec["author"],
                         subject=spec["force"], creator="samples/make_report_samples.py")
        self.spec = spec
        self.starts: dict[str, int] = {}
        full = Frame(MARGIN, MARGIN, FRAME_W, PAGE_H - 2 * MARGIN, id="full", leftPadding=0, rightPadding=0)
        cols = [Frame(MARGIN, MARGIN, COL_W, PAGE_H - 2 * MARGIN, id="left", leftPadding=0, rightPadding=0),
                Frame(MARGIN + COL_W + GUTTER, MARGIN, COL_W, PAGE_H - 2 * MARGIN, id="right", leftPadding=0,
                      rightPadding=0)]
        self.addPageTemplates([
            PageTemplate("cover", [full], onPage=self.on_cover),
            PageTemplate("front", [full], onPage=self.on_front),
            PageTemplate("front2", cols, onPage=self.on_front),
            PageTemplate("body", [full], onPage=self.on_body),
            PageTemplate("body2", cols, onPage=self.on_body),
        ])

    def number(self, canv, part: str, style_code: str) -> int:
        """Start a /PageLabels range the first time a part is used; return the page's number in it."""
        index = canv.getPageNumber() - 1
        if part not in self.starts:
            self.starts[part] = index
            canv.addPageLabel(index, style=style_code, start=1)
        return index - self.starts[part] + 1

    def on_cover(self, canv, doc) -> None:
        index = canv.getPageNumber() - 1
        canv.addPageLabel(index, prefix="Cover")
        LAYOUT.printed[index] = ""
        canv.saveState()
        canv.setFillColor(NAVY)
        canv.rect(0, PAGE_H - 5 * cm, PAGE_W, 5 * cm, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont("Helvetica-Bold", 20)
        canv.drawString(MARGIN, PAGE_H - 2.6 * cm, self.spec["inspectorate_short"])
        canv.setFont("Helvetica", 9)
        canv.drawString(MARGIN, PAGE_H - 3.3 * cm, self.spec["inspectorate"])
        canv.restoreState()

    def on_front(self, canv, doc) -> None:
        n = self.number(canv, "front", "ROMAN_LOWER")
        LAYOUT.printed[canv.getPageNumber() - 1] = roman(n)
        canv.saveState()
        canv.setFont("Helvetica", 9)
        canv.drawCentredString(PAGE_W / 2, 1.2 * cm, roman(n))
        canv.restoreState()

    def on_body(self, canv, doc) -> None:
        n = self.number(canv, "body", "ARABIC")
        LAYOUT.printed[canv.getPageNumber() - 1] = str(n)
        canv.saveState()
        canv.setFont("Helvetica", 8)
        canv.setFillColor(colors.HexColor("#555555"))
        if self.spec["style"] == "2016":
            canv.drawCentredString(PAGE_W / 2, PAGE_H - 1.3 * cm, self.spec["running_header"])
            canv.setStrokeColor(colors.HexColor("#999999"))
            canv.line(MARGIN, PAGE_H - 1.5 * cm, PAGE_W - MARGIN, PAGE_H - 1.5 * cm)
            canv.setFont("Helvetica", 9)
            canv.drawCentredString(PAGE_W / 2, 1.2 * cm, str(n))
        else:
            canv.drawString(MARGIN, 1.2 * cm, self.spec["running_header"])
            canv.setFont("Helvetica-Bold", 9)
            canv.drawRightString(PAGE_W - MARGIN, 1.2 * cm, str(n))
        canv.restoreState()


# --- building blocks --------------------------------------------------------------------------


def prose_stream(offset: int) -> Callable[[], str]:
    """Return a function that hands out report prose paragraphs in turn, starting at ``offset``."""
    it = itertools.islice(itertools.cycle(PROSE), offset, None)
    return lambda: next(it)


def box(rows: list[Flowable], fill, width: float = FRAME_W) -> Table:
    """A shaded, ruled call-out box; it may split between (and inside) rows at a page break."""
    table = Table([[r] for r in rows], colWidths=[width], splitInRow=1)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.9, NAVY), ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    return table


def figure(number: int, caption: str, labels: list[str], values: list[float], width: float = FRAME_W) -> list:
    """A bar chart with axis labels and numbers (text that must never leak into findings), and its caption."""
    height = 150
    d = Drawing(width, height)
    d.add(Line(40, 20, width - 10, 20, strokeColor=colors.black))
    top = max(values)
    step = (width - 60) / len(values)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = (height - 45) * value / top
        d.add(Rect(50 + i * step, 20, step * 0.6, h, fillColor=NAVY, strokeColor=None))
        d.add(String(50 + i * step, 22 + h + 3, f"{value:g}", fontName="Helvetica", fontSize=7))
        d.add(String(50 + i * step, 8, label, fontName="Helvetica", fontSize=7))
    return [Spacer(1, 6), d, Paragraph(f"Figure {number}: {caption}", CAPTION),
            Paragraph("Source: HMIC data collection", CAPTION)]


@dataclass
class Row:
    key: str
    section: str
    text: str
    summary_key: str = ""


@dataclass
class Report:
    """A report being written: its flowables and the findings in the order the template lists them."""

    spec: dict
    story: list = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def finding(self, key: str, section: str, text: str) -> Row:
        row = Row(key, section, text)
        self.rows.append(row)
        return row


def contents_page(r: Report, entries: list[tuple[str, str]], previous: Layout | None) -> None:
    """A contents list with dot leaders; page numbers come from the previous build's layout."""
    r.add(Paragraph("Contents", H1))
    for title, key in entries:
        pages = previous.pages_of(key) if previous else []
        number = previous.printed.get(pages[0], "") if pages else ""
        dots = "." * max(4, 90 - len(title))
        r.add(Paragraph(f"{title} {dots} {number}", CONTENTS))


def heading(text: str, st: ParagraphStyle) -> Tracked:
    return tracked(text, st, f"h:{text}")


# --- the 2016 report: boxed areas for improvement, a cause of concern with recommendations -------


EASTMOOR = {
    "name": "eastmoor-2016-report",
    "style": "2016",
    "force": "Eastmoor Constabulary",
    "pdf_title": "PEEL: Police effectiveness 2016 - Eastmoor Constabulary",
    "author": "HMIC",
    "inspectorate": "Her Majesty's Inspectorate of Constabulary",
    "inspectorate_short": "HMIC",
    "running_header": "PEEL: Police effectiveness 2016 – Eastmoor Constabulary",
}

EASTMOOR_COC = ("Eastmoor Constabulary is failing to respond appropriately to some people who are vulnerable and at "
                "risk at the initial point of contact. This means that early opportunities to safeguard victims and "
                "secure evidence at the scene are being missed, and victims are being put at risk.")
EASTMOOR_LEAD_IN = "To address this cause of concern, we recommend that the force immediately:"
EASTMOOR_RECS = (
    "Improves its initial assessment and response to incidents involving all vulnerable people, by ensuring that "
    "staff working in call handling understand and complete assessments of threat, risk and harm to appropriate "
    "standards, consistently record them on force systems and are supervised effectively;",
    "Ensures that its response to incidents is determined by this initial assessment of risk in order to ensure "
    "victims are kept safe, and not by the availability of response officers.",
)
EASTMOOR_AFIS = {
    "prevent": (
        "The force should work with partner organisations to share information and improve its understanding of "
        "local communities.",
        "The force should evaluate and share effective practice routinely, both internally and with other "
        "organisations, to continually improve its approach to the prevention of crime and anti-social behaviour.",
        "The force should ensure that its focus on crime prevention is not undermined by the redeployment of "
        "neighbourhood officers and staff to undertake reactive duties away from their assigned neighbourhood "
        "area, and should monitor how often neighbourhood officers are taken away from their communities so "
        "that the effect of these abstractions on problem-solving and on the prevention of crime is understood "
        "by its senior leaders.",
    ),
    "investigate": (
        "The force should ensure that investigations are allocated to officers with the appropriate skills and "
        "experience, and that supervisors review them regularly.",
        "The force should improve the way it manages registered sex offenders so that visits take place when "
        "they are due and risks are reviewed promptly.",
    ),
    "vulnerable": (
        "The force should ensure that officers and staff understand how children can be affected by domestic "
        "abuse, and that there is a process to ensure they undertake safeguarding actions and make referrals to "
        "other organisations which have a role in safeguarding.",
        "The force should improve the way it works with partner organisations to share information and "
        "safeguard victims of domestic abuse and their children, specifically in relation to addressing the "
        "backlog of cases that require further assessment and referral to other organisations.",
        "The force should improve its approach to safeguarding victims of domestic abuse who are assessed as "
        "high risk. It should review the referral process to multi-agency risk assessment conferences to ensure "
        "that victims of domestic abuse are not being placed at risk as a result.",
        "The force should work with partner organisations to improve its understanding of the nature and scale "
        "of vulnerability within its local area.",
    ),
    "soc": (
        "The force should further develop its serious and organised crime local profile in conjunction with "
        "partner organisations to enhance its understanding of the threat posed by serious and organised crime.",
        "The force should complete an action plan that sets out the steps it will take to maximise use of "
        "regional organised crime unit capabilities, minimise duplication at force level, and ensure that the "
        "use of shared regional organised crime unit (ROCU) resources is prioritised effectively between forces "
        "in the region.",
    ),
    "specialist": (
        "The force should ensure that its assessments of the threats in the Strategic Policing Requirement have "
        "sufficient depth and breadth, drawing on partnership data and input.",
    ),
}
EASTMOOR_CHAPTERS = (
    ("1. How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
     "prevent", 8),
    ("2. How effective is the force at investigating crime and reducing re-offending?", "investigate", 9),
    ("3. How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
     "vulnerable", 9),
    ("4. How effective is the force at tackling serious and organised crime?", "soc", 8),
    ("5. How effective are the force's specialist capabilities?", "specialist", 6),
)


def eastmoor_coc_box(r: Report, key: str) -> Table:
    return box([Paragraph("Cause of concern", BOX_HEAD), tracked(EASTMOOR_COC, BOX_TEXT, f"{key}coc1"),
                Paragraph("Recommendations", H3), Paragraph(EASTMOOR_LEAD_IN, BOX_TEXT),
                *[tracked(text, BULLET, f"{key}rec{i}", "•") for i, text in enumerate(EASTMOOR_RECS, 1)]],
               COC_FILL)


def afi_box(keys_texts: list[tuple[str, str]], width: float = FRAME_W) -> Table:
    return box([Paragraph("Areas for improvement", BOX_HEAD),
                *[tracked(text, BULLET, key, "•") for key, text in keys_texts]], BOX_FILL, width)


def build_eastmoor(previous: Layout | None, pad: int) -> Report:
    r = Report(EASTMOOR)
    prose = prose_stream(0)
    r.add(Spacer(1, 4 * cm), Paragraph("PEEL: Police effectiveness 2016", COVER_TITLE),
          Paragraph("An inspection of Eastmoor Constabulary", COVER_SUB), Paragraph("March 2017", COVER_SUB),
          Spacer(1, 8 * cm), Paragraph("© HMIC 2017", CAPTION), Paragraph("ISBN: 978-1-78655-000-0", CAPTION),
          NextPageTemplate("front"), PageBreak())
    contents_page(r, [("Introduction", "h:Introduction"), ("Overall summary", "h:Overall summary"),
                      *[(title, f"h:{title}") for title, _, _ in EASTMOOR_CHAPTERS],
                      ("Next steps", "h:Next steps"), ("Annex A – About the data", "h:Annex A – About the data")],
                  previous)
    r.add(PageBreak(), Paragraph("About this report", H1),
          Paragraph("This report is one of a series. HMIC's annual inspections of police effectiveness, efficiency "
                    "and legitimacy (PEEL) assess forces against common criteria. Each chapter ends with a summary "
                    "of our findings; where we found weaknesses we set out areas for improvement, and where a "
                    "weakness is serious we report a cause of concern and make recommendations to the force.", BODY),
          Paragraph(prose(), BODY), Paragraph(prose(), BODY),
          NextPageTemplate("body"), PageBreak())

    r.add(heading("Introduction", H1),
          Paragraph("As part of our annual inspections of police effectiveness, efficiency and legitimacy (PEEL), "
                    "HMIC's effectiveness programme assessed how well forces keep people safe and reduce crime. "
                    "In 2015 we identified a cause of concern and five areas for improvement in Eastmoor "
                    "Constabulary; the force has since addressed three of those areas for improvement.", BODY),
          Paragraph("Areas for improvement and causes of concern from this inspection are set out at the end of "
                    "each chapter of this report, together with our recommendations.", BODY),
          *figure(1, "Recorded crime per 1,000 population, 12 months to 30 June 2016",
                  ["Eastmoor", "Most similar forces", "England and Wales"], [71.2, 64.9, 65.0]),
          Paragraph(prose(), BODY), Paragraph(prose(), BODY),
          PageBreak())

    r.add(heading("Overall summary", H1),
          Paragraph("Eastmoor Constabulary requires improvement in the effectiveness with which it keeps people "
                    "safe and reduces crime. Our overall judgment is the same as last year.", BODY),
          Paragraph(prose(), BODY),
          Paragraph("We have found a cause of concern, which we set out below with our recommendations; it is "
                    "repeated in chapter 3 with our findings.", BODY),
          eastmoor_coc_box(r, "summary:"), Spacer(1, 8), Paragraph(prose(), BODY), Paragraph(prose(), BODY),
          PageBreak())

    for title, topic, paragraphs in EASTMOOR_CHAPTERS:
        r.add(heading(title, H1))
        for i in range(paragraphs):
            if i == 2:
                r.add(Paragraph("Progress against the 2015 areas for improvement", H2))
            r.add(Paragraph(prose(), BODY))
        if topic == "prevent":
            for _ in range(pad):
                r.add(Paragraph(prose().split(". ")[0] + ".", BODY))
        if topic == "investigate":
            r.add(*figure(2, "Areas for improvement from 2015 and progress made, by theme",
                          ["Investigation", "Offenders", "Victims"], [3, 1, 2]))
        if topic == "vulnerable":
            r.add(Paragraph("Summary of findings", H2),
                  Paragraph("Inadequate. The force has a cause of concern and four areas for improvement in this "
                            "area.", BODY),
                  eastmoor_coc_box(r, ""), Spacer(1, 10))
            r.finding("coc1", COC, EASTMOOR_COC).summary_key = "summary:coc1"
            for i, text in enumerate(EASTMOOR_RECS, 1):
                r.finding(f"rec{i}", REC, text).summary_key = f"summary:rec{i}"
        else:
            r.add(Paragraph("Summary of findings", H2),
                  Paragraph(f"Requires improvement. The force has {len(EASTMOOR_AFIS[topic])} area(s) for "
                            "improvement in this part of the inspection.", BODY))
        keys_texts = []
        for text in EASTMOOR_AFIS[topic]:
            key = f"afi{sum(1 for x in r.rows if x.section == AFI) + 1}"
            r.finding(key, AFI, text)
            keys_texts.append((key, text))
        r.add(afi_box(keys_texts), Spacer(1, 8), Paragraph(prose(), BODY), PageBreak())

    r.add(heading("Next steps", H1),
          Paragraph("HMIC will assess progress on any recommendations and areas for improvement identified within "
                    "its reports in a number of ways. We recommend that the force publishes its response.", BODY),
          Paragraph(prose(), BODY), PageBreak(),
          heading("Annex A – About the data", H1))
    for _ in range(9):
        r.add(Paragraph(prose(), BODY))
    return r


# --- the 2021+ report: numbered areas for improvement, numbered causes of concern -----------------


WESTSHIRE = {
    "name": "westshire-2022-report",
    "style": "2021",
    "force": "Westshire Police",
    "pdf_title": "PEEL 2021/22 - An inspection of Westshire Police",
    "author": "HMICFRS",
    "inspectorate": "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
    "inspectorate_short": "HMICFRS",
    "running_header": "PEEL 2021/22 – Westshire Police",
}

WESTSHIRE_COCS = (
    ("The force isn't answering emergency and non-emergency calls quickly enough, and it doesn't always identify "
     "vulnerable and repeat victims when they first contact it.",
     "Within six months, the force should:",
     ("Make sure that it has enough call handlers on duty to answer emergency and non-emergency calls within "
      "national standards.",
      "Make sure that call handlers use a structured triage process to identify vulnerable and repeat victims, "
      "and record that they have done so.")),
    ("The force doesn't manage the risk posed by registered sex offenders effectively, which means that some "
     "people may be at risk of harm.",
     "By 31 March 2023, the force should:",
     ("Make sure that it has enough trained staff to manage registered sex offenders, and that workloads are "
      "manageable.",
      "Make sure that risk assessments of registered sex offenders are completed and reviewed on time.",
      "Make sure that it takes prompt enforcement action when registered sex offenders breach their notification "
      "requirements.")),
)
WESTSHIRE_AFIS = (
    "The force should make sure that it records equality data for victims so that it can understand whether "
    "different groups receive the same service.",
    "The force should make sure that it gives victims the information they need about their rights under the "
    "Code of Practice for Victims of Crime.",
    "The force should improve how it scrutinises its use of stop and search, including the use of force, so "
    "that it can show the public that these powers are used fairly.",
    "The force should make sure that investigations are carried out in a timely manner and are effectively "
    "supervised, that supervisors record their reviews and the direction they give on the crime record, and "
    "that victims are kept informed of progress throughout the investigation and told promptly when the case "
    "is closed or the suspect is charged.",
    "The force should make sure it has effective arrangements for monitoring and managing the demand on its "
    "child abuse investigation teams.",
    "The force should make sure that it manages outstanding suspects, including those circulated as wanted on "
    "the police national computer, effectively.",
    "The force should make sure that its workforce plans are based on an understanding of the skills and "
    "capabilities it needs in future.",
)
WESTSHIRE_CHAPTERS = (
    # (title, AFI numbers boxed after the chapter's prose, causes of concern, two columns?)
    ("Providing a service to the victims of crime", (1, 2), (), False),
    ("Engaging with and treating the public with fairness and respect", (3,), (), True),
    ("Preventing crime and anti-social behaviour", (), (), False),
    ("Responding to the public", (), (1,), False),
    ("Investigating crime", ("inline4",), (), False),
    ("Protecting vulnerable people", (5,), (2,), False),
    ("Managing offenders and suspects", (6,), (), False),
    ("Building, supporting and protecting the workforce", (), (), False),
    ("Strategic planning, organisational management and value for money", (7,), (), False),
)


def westshire_afi_box(n: int, key: str, width: float = FRAME_W) -> Table:
    return box([Paragraph(f"Area for improvement {n}", BOX_HEAD), tracked(WESTSHIRE_AFIS[n - 1], BOX_TEXT, key)],
               BOX_FILL, width)


def westshire_coc(r: Report, n: int, rec_base: int) -> list:
    cause, lead_in, recs = WESTSHIRE_COCS[n - 1]
    r.finding(f"coc{n}", COC, cause).summary_key = f"summary:coc{n}"
    out: list = [box([Paragraph(f"Cause of concern {n}", BOX_HEAD), tracked(cause, BOX_TEXT, f"coc{n}")], COC_FILL),
                 Spacer(1, 6), Paragraph("Recommendations", H3), Paragraph(lead_in, BODY)]
    for i, text in enumerate(recs, 1):
        key = f"rec{rec_base + i}"
        r.finding(key, REC, text)
        out.append(tracked(text, NUMBERED, key, f"{i}."))
    return out


def build_westshire(previous: Layout | None, pad: int) -> Report:
    r = Report(WESTSHIRE)
    prose = prose_stream(7)
    r.add(Spacer(1, 4 * cm), Paragraph("PEEL 2021/22", COVER_TITLE),
          Paragraph("Police effectiveness, efficiency and legitimacy", COVER_SUB),
          Paragraph("An inspection of Westshire Police", COVER_SUB), Paragraph("14 October 2022", COVER_SUB),
          NextPageTemplate("front"), PageBreak())
    contents_page(r, [("About this report", "h:About this report"), ("Overall summary", "h:Overall summary"),
                      *[(title, f"h:{title}") for title, *_ in WESTSHIRE_CHAPTERS]], previous)
    r.add(Paragraph("Cause of concern 1 .... see Responding to the public", CONTENTS))
    r.add(NextPageTemplate("front2"), PageBreak())

    # Front matter in two columns: the summary repeats every cause of concern and area for improvement.
    r.add(heading("Overall summary", H1),
          Paragraph("Our judgments", H2),
          Paragraph("Our inspection assessed how good Westshire Police is in ten areas of policing. We make "
                    "graded judgments in nine of these ten areas.", BODY),
          Paragraph("HM Inspector's observations", H2),
          Paragraph("I am satisfied with some aspects of the performance of Westshire Police, but there are areas "
                    "where the force needs to improve. This report sets out the causes of concern and areas for "
                    "improvement we found, and the recommendations we make.", BODY),
          Paragraph(prose(), BODY),
          Paragraph("Causes of concern", H2))
    for n, (cause, _, _) in enumerate(WESTSHIRE_COCS, 1):
        r.add(Paragraph(f"Cause of concern {n}", H3), tracked(cause, BODY, f"summary:coc{n}"))
    r.add(Paragraph("Areas for improvement", H2))
    for n, text in enumerate(WESTSHIRE_AFIS, 1):
        r.add(Paragraph(f"Area for improvement {n}", H3), tracked(text, BODY, f"summary:afi{n}"))
    r.add(Paragraph(prose(), BODY), NextPageTemplate("body"), PageBreak())

    r.add(heading("About this report", H1),
          Paragraph("We set out our findings for each area of policing. Where we have found an area for "
                    "improvement, we say so in a box, followed by what we found. Areas for improvement are "
                    "numbered in the order they appear in this report.", BODY),
          Paragraph(prose(), BODY), PageBreak())
    rec_base = 0
    for title, afis, cocs, two_columns in WESTSHIRE_CHAPTERS:
        width = COL_W if two_columns else FRAME_W
        if two_columns:
            r.add(NextPageTemplate("body2"), PageBreak())
        r.add(heading(title, H1), *[Paragraph(prose(), BODY) for _ in range(4)])
        if not afis and not cocs:
            r.add(Paragraph("We didn't identify any causes of concern or areas for improvement in this area of "
                            "policing, although the force should continue to monitor its performance.", BODY))
        for n in cocs:
            r.add(*westshire_coc(r, n, rec_base))
            rec_base += len(WESTSHIRE_COCS[n - 1][2])
            r.add(Paragraph(prose(), BODY))
        for item in afis:
            if item == "inline4":
                for _ in range(pad):
                    r.add(Paragraph(prose().split(". ")[0] + ".", BODY))
                row = r.finding("afi4", AFI, WESTSHIRE_AFIS[3])
                row.summary_key = "summary:afi4"
                r.add(tracked(f"<b>Area for improvement 4:</b> {WESTSHIRE_AFIS[3]}", BODY, "afi4"))
            else:
                row = r.finding(f"afi{item}", AFI, WESTSHIRE_AFIS[item - 1])
                row.summary_key = f"summary:afi{item}"
                r.add(CondPageBreak(3 * cm), westshire_afi_box(item, f"afi{item}", width), Spacer(1, 6))
            r.add(Paragraph("We found that " + prose()[0].lower() + prose()[1:], BODY))
            if item == 3:
                r.add(*figure(3, "Areas for improvement by theme, 2019 and 2022", ["2019", "2022"], [4, 7], width))
        r.add(Paragraph(prose(), BODY))
        if two_columns:
            r.add(NextPageTemplate("body"))
        r.add(PageBreak())
    r.add(Paragraph("Annex A: About the data", H1))
    for _ in range(3):
        r.add(Paragraph(prose(), BODY))
    return r


# --- build, check, write -----------------------------------------------------------------------


BUILDERS: dict[str, tuple[dict, Callable[[Layout | None, int], Report], str]] = {
    # name: (spec, builder, the finding that must cross a page break)
    "eastmoor-2016-report": (EASTMOOR, build_eastmoor, "afi3"),
    "westshire-2022-report": (WESTSHIRE, build_westshire, "afi4"),
}


def page_ref(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"Page {numbers[0]}"
    return f"Pages {numbers[0]}-{numbers[-1]}"


def printed_pages(layout: Layout, key: str) -> list[str]:
    return [layout.printed[i] for i in layout.pages_of(key)]


def build_pdf(name: str, path: Path) -> tuple[Report, Layout]:
    """Build the PDF, re-running until the contents page numbers settle and the crossing finding crosses."""
    global LAYOUT
    spec, builder, crossing = BUILDERS[name]
    previous: Layout | None = None
    for attempt in range(60):
        pad = attempt // 2
        LAYOUT = Layout()
        report = builder(previous, pad)
        ReportDoc(path, spec).build(report.story)
        settled = previous is not None and previous.drawn.get("h:Overall summary") == LAYOUT.drawn.get(
            "h:Overall summary") and all(previous.pages_of(k) == LAYOUT.pages_of(k) for k in LAYOUT.drawn
                                         if k.startswith("h:"))
        crosses = len(LAYOUT.pages_of(crossing)) == 2
        if settled and crosses:
            return report, LAYOUT
        previous = LAYOUT
    raise SystemExit(f"{name}: could not lay out {crossing} across a page break")


def expected_rows(report: Report, layout: Layout) -> list[dict]:
    rows: list[dict] = []
    for section in SECTION_ORDER:
        for ref, row in enumerate((r for r in report.rows if r.section == section), 1):
            numbers = [int(p) for p in printed_pages(layout, row.key)]
            if not numbers:
                raise SystemExit(f"{report.spec['name']}: {row.key} was never drawn")
            out = {"section": section, "ref": ref, "pages": numbers, "page_ref": page_ref(numbers),
                   "issue": row.text}
            if row.summary_key:
                summary = printed_pages(layout, row.summary_key)
                if not summary:
                    raise SystemExit(f"{report.spec['name']}: summary of {row.key} was never drawn")
                out["summary_page"] = f"Page {summary[0]}"
            rows.append(out)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(BUILDERS))
    args = parser.parse_args(argv)
    for name in BUILDERS:
        if args.only and name != args.only:
            continue
        pdf = HERE / f"{name}.pdf"
        report, layout = build_pdf(name, pdf)
        spec = report.spec
        payload = {"source": pdf.name, "kind": "report", "force": spec["force"], "rows": expected_rows(report, layout)}
        (HERE / f"{name}.expected.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
        print(f"wrote samples/{pdf.name} ({len(layout.printed)} pages) and its expected JSON "
              f"({len(payload['rows'])} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
