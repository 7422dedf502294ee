"""A draw: every layout choice for one annex, each from its own random stream so choices are independent.

Each dimension has its own ``random.Random(f"{seed}/{name}")``: changing how one dimension is drawn never
shifts another, and a metamorphic variant can redraw exactly one. A producer that cannot render a choice
maps it to the nearest it can (``adapt``) and says so in ``notes``; the draw records what was rendered.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, fields

from ..scan import draw_scan_params
from . import words
from .content import SECTIONS, content_ids, excerpt, load_content

PRODUCERS = ("docx", "xlsx", "html", "latex", "reportlab", "canvas")
PRODUCER_WEIGHTS = (22, 14, 20, 16, 14, 14)
RTL_PRODUCERS = ("docx", "xlsx", "html")  # reportlab built-in fonts and pdflatex cannot shape Arabic script
RULES = ("grid", "hrules", "header_rule", "booktabs", "none", "shading")
RULE_WEIGHTS = (25, 17, 14, 14, 12, 18)
# column_header: one table per section, no heading; the text column's header names the section
SECTION_MARKERS = ("band", "heading", "type_column", "heading+type_column", "band+type_column", "column_header", "none")
MARKER_WEIGHTS = (26, 26, 14, 8, 6, 9, 18)
VARIANTS = {"docx": ("table",), "xlsx": ("sheet",), "html": ("table",),
            "latex": ("endhead+endfoot", "endhead", "plain"), "reportlab": ("Table", "LongTable"),
            "canvas": ("hand-drawn",)}


@dataclass
class Draw:
    """All choices for one rendered annex (JSON-able; ``notes`` says what a producer changed)."""

    seed: str
    content: str
    producer: str
    variant: str
    rules: str
    header_fill: bool
    zebra: bool
    section_marker: str
    ref_prefixed: bool
    band_look: dict
    heading_case: str
    heading_synonyms: dict
    theme_style: str
    heading_numbering: str
    untitled_first: bool
    header_per_table: bool
    type_labels: dict
    type_case: str
    ref_style: dict
    ref_valign: str
    ref_align: str
    columns: list
    header_lines: int
    header_case: str
    repeat_header: bool
    page_size: str
    orientation: str
    margins_mm: int
    font_family: str
    font_choice: int
    font_size: float
    letter_pages: int
    letter_numbered: bool
    grades_table: bool
    annex_heading: str | None
    annex_new_page: bool
    title_rows: list
    footnotes: str
    footnote_marks: str
    running_header: str
    running_footer: str
    rows_split: bool
    hyphenate: bool
    cut_border: str | None
    tall_rows: list
    excerpt: int | None
    scan: dict | None
    continuation_note: str = words.CONTINUATION_NOTES[0]  # drawn last, from its own stream: older seeds keep the rest
    colours: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    @property
    def section_style(self) -> str:
        """The section-marking style as one label: "band", "heading+prefix", "prefix" (refs only)…"""
        marker = "" if self.section_marker == "none" else self.section_marker
        return "+".join(p for p in (marker, "prefix" if self.ref_prefixed else "") if p)

    def as_dict(self) -> dict:
        return dict(asdict(self), section_style=self.section_style)

    @classmethod
    def from_dict(cls, data: dict) -> Draw:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _rng(seed: str, name: str) -> random.Random:
    return random.Random(f"{seed}/{name}")


def _weighted(rng: random.Random, values: tuple, weights: tuple):
    return rng.choices(values, weights=weights, k=1)[0]


def draw_columns(rng: random.Random, with_type: bool) -> list[dict]:
    """Columns in order, each with its printed name, relative width and whether its cells are filled."""
    cols = [{"key": "ref", "width": rng.randint(7, 12)}, {"key": "page", "width": rng.randint(8, 14)},
            {"key": "issue", "width": rng.randint(30, 55)}]
    if rng.random() < 0.75:
        cols.append({"key": "action", "width": rng.randint(18, 35), "filled": rng.random() < 0.6})
    extras = [k for k in words.EXTRA_KEYS if rng.random() < 0.3]
    for key in extras:
        cols.append({"key": key, "width": rng.randint(7, 12), "filled": rng.random() < 0.6})
    order = [c for c in cols if c["key"] in ("ref", "page", "issue")]
    if rng.random() < 0.3:  # page after the text
        order = [order[0], order[2], order[1]]
    if rng.random() < 0.15:  # ref not first
        order = [order[1], order[0], order[2]]
    rest = [c for c in cols if c["key"] not in ("ref", "page", "issue")]
    rng.shuffle(rest)
    order += rest
    if with_type:
        at = next(i for i, c in enumerate(order) if c["key"] == "ref") + (rng.random() < 0.5)
        order.insert(at, {"key": "type", "width": rng.randint(8, 14)})
    for col in order:
        col["name"] = rng.choice(words.COLUMN_NAMES[col["key"]])
    return order


def draw_annex(seed: str | int, *, scan_share: float = 0.12, only_producer: str | None = None,
               content_id: str | None = None) -> Draw:
    """Draw every choice for the annex with this seed (same seed, same draw)."""
    seed = str(seed)
    r = lambda name: _rng(seed, name)  # noqa: E731
    cid = content_id or r("content").choice(content_ids())
    content = load_content(cid)
    producer = only_producer or _weighted(r("producer"), PRODUCERS, PRODUCER_WEIGHTS)
    content_note = None
    if only_producer and not content_id and content.has_rtl and producer not in RTL_PRODUCERS:
        cid = r("content-no-rtl").choice([c for c in content_ids() if not load_content(c).has_rtl])
        content, content_note = load_content(cid), f"{producer} cannot shape right-to-left text: content redrawn"
    rules = _weighted(r("rules"), RULES, RULE_WEIGHTS)
    fills = r("fills")
    header_fill, zebra = fills.random() < 0.4, fills.random() < 0.15
    if rules == "shading" and not (header_fill or zebra):
        header_fill, zebra = fills.choice(((True, False), (False, True), (True, True)))
    marker = _weighted(r("section_marker"), SECTION_MARKERS, MARKER_WEIGHTS)
    prefixed = r("ref_prefixed").random() < 0.3
    rs = r("ref_style")
    ref_style = {"plain": rs.choice(words.REF_PLAIN), "joiner": rs.choice(words.REF_JOINERS),
                 "prefix_choice": {s: rs.randrange(6) for s in SECTIONS}}
    band = r("band_look")
    heading = r("heading")
    syn = r("heading_synonyms")
    types = r("type_labels")
    page = r("page")
    letter = r("letter")
    annex = r("annex_heading")
    notes_rng = r("footnotes")
    running = r("running")
    split = r("rows_split")
    tall = r("tall_rows")
    scan_rng = r("scan")
    scan = draw_scan_params(scan_rng).as_dict() if scan_rng.random() < scan_share else None
    ex = r("excerpt")
    per_block = ex.randint(2, 6) if ex.random() < 0.12 else None
    rows = [(row.section, row.ref) for row in content.rows]
    draw = Draw(
        seed=seed, content=cid, producer=producer, variant=r("variant").choice(VARIANTS[producer]),
        rules=rules, header_fill=header_fill, zebra=zebra, section_marker=marker, ref_prefixed=prefixed,
        band_look={"shaded": band.random() < 0.5, "bold": band.random() < 0.8, "caps": band.random() < 0.35},
        heading_case=heading.choice(words.HEADING_CASES), theme_style=heading.choice(words.THEME_STYLES),
        heading_numbering=heading.choice(words.HEADING_NUMBERING),
        heading_synonyms={s: syn.randrange(len(words.HEADINGS[s])) for s in SECTIONS},
        untitled_first=heading.random() < 0.4, header_per_table=heading.random() < 0.7,
        type_labels={s: types.randrange(len(words.TYPE_LABELS[s])) for s in SECTIONS},
        type_case=types.choice(("as written", "as written", "UPPER")),
        ref_style=ref_style, ref_valign=r("ref_valign").choice(("top", "top", "middle")),
        ref_align=r("ref_align").choice(("left", "center")),
        columns=draw_columns(r("columns"), "type_column" in marker),
        header_lines=r("header_lines").choice((1, 1, 2)), header_case=r("header_case").choice(("as written", "UPPER")),
        repeat_header=r("repeat_header").random() < 0.6,
        page_size=page.choice(("A4", "A4", "A4", "Letter")), orientation=page.choice(("portrait", "landscape")),
        margins_mm=page.randint(12, 30), font_family=page.choice(("serif", "sans", "sans")),
        font_choice=page.randrange(4), font_size=page.choice((8, 8.5, 9, 10, 10, 11, 11, 12)),
        letter_pages=_weighted(letter, (0, 1, 2, 3), (40, 30, 20, 10)), letter_numbered=letter.random() < 0.4,
        grades_table=letter.random() < 0.3,
        annex_heading=annex.choice(words.ANNEX_HEADINGS) if annex.random() < 0.6 else None,
        annex_new_page=annex.random() < 0.7,
        title_rows=[annex.choice(words.TITLE_ROWS)] * (annex.random() < 0.35),
        footnotes=notes_rng.choice(("none", "below", "between")),
        footnote_marks=notes_rng.choice(("unicode", "raised")),
        running_header=running.choice(words.RUNNING_HEADERS), running_footer=running.choice(words.RUNNING_FOOTERS),
        rows_split=split.random() < 0.6, hyphenate=r("hyphenate").random() < 0.5,
        cut_border=split.choice(("open", "closed")),
        tall_rows=[list(k) for k in tall.sample(rows, k=_weighted(tall, (0, 1, 2), (50, 30, 20)))],
        excerpt=per_block, scan=scan,
    )
    col = r("colours")
    header = col.choice(("#D9D9D9", "#DCE6F1", "#1F4E79", "#E2EFDA", "#BFBFBF", "#FCE4D6"))
    draw.colours = {"header": header, "header_text": "#FFFFFF" if header == "#1F4E79" else "#000000",
                    "zebra": col.choice(("#F2F2F2", "#EAF1FB", "#F7F7F7")),
                    "band": col.choice(("#D9D9D9", "#C6E0B4", "#FFF2CC", "#DDEBF7")),
                    "rule": col.choice(("#000000", "#000000", "#404040", "#7F7F7F"))}
    draw.continuation_note = _weighted(r("continuation_note"), words.CONTINUATION_NOTES, words.CONTINUATION_WEIGHTS)
    if content_note:
        draw.notes.append(content_note)
    if draw.title_rows and annex.random() < 0.4:
        draw.title_rows.append(annex.choice(words.SUBTITLE_ROWS))
    return adapt(draw)


def adapt(draw: Draw) -> Draw:
    """Map choices a producer (or the content) cannot honour to the nearest it can, noting each change."""
    content = load_content(draw.content)
    note = draw.notes.append
    if content.has_rtl and draw.producer not in RTL_PRODUCERS:
        old = draw.producer
        draw.producer = _rng(draw.seed, "producer-rtl").choice(RTL_PRODUCERS)
        draw.variant = VARIANTS[draw.producer][0]
        note(f"producer {old} cannot shape right-to-left text: redrawn as {draw.producer}")
    if draw.section_marker == "none" and not draw.ref_prefixed:
        draw.ref_prefixed = True
        note("no section marker: refs carry the section prefix")
    first = content.blocks[0]
    if draw.untitled_first and not (first.untitled_ok and ("band" in draw.section_marker
                                                          or "heading" in draw.section_marker)):
        draw.untitled_first = False
    if draw.scan:
        if draw.excerpt is None or draw.excerpt > 4:
            draw.excerpt = max(1, min(4, 12 // len(content.blocks)))
            note(f"scan: excerpt of {draw.excerpt} rows per block to keep it to a few pages")
        if draw.letter_pages > 1:
            draw.letter_pages = 1
            note("scan: letter cut to one page")
    shown = {(r.section, r.ref) for r in excerpt(content, draw.excerpt).rows}
    draw.tall_rows = [k for k in draw.tall_rows if tuple(k) in shown]
    if not any(c["key"] == "action" for c in draw.columns) and draw.tall_rows:
        draw.tall_rows = []
        note("no action column: no tall update rows")
    if draw.producer in ("latex", "xlsx") and draw.rows_split:
        draw.rows_split = False
        note(f"{draw.producer} never breaks a row across pages")
    if draw.hyphenate and draw.producer != "latex":
        draw.hyphenate = False  # seen: headless Chromium has no hyphenation dictionaries; Writer/Calc need options
    if draw.producer == "latex" and draw.variant == "plain" and draw.repeat_header:
        draw.repeat_header = False
        note("latex plain longtable: header not repeated (no \\endhead)")
    if draw.producer != "canvas" or not draw.rows_split or draw.rules not in ("grid", "hrules"):
        # only the hand-drawn table chooses; the others do what they do (seen: Chromium and reportlab
        # leave a cut row open at the page foot, Writer closes it)
        draw.cut_border = {"html": "open", "docx": "closed", "reportlab": "open"}.get(draw.producer) \
            if draw.rows_split and draw.rules in ("grid", "hrules") else None
    if draw.producer == "xlsx":
        for name, value in (("letter_pages", 0), ("grades_table", False), ("letter_numbered", False)):
            if getattr(draw, name):
                setattr(draw, name, value)
                note(f"xlsx: {name} not rendered (a sheet has no covering letter)")
        if draw.annex_new_page:
            draw.annex_new_page = False
    if draw.footnote_marks == "unicode" and draw.producer in ("reportlab", "canvas") and any(
            ch in r.issue for r in content.rows for ch in "⁰⁴⁵⁶⁷⁸⁹"):
        note("built-in fonts lack ⁴–⁹: those markers are raised digits")
    return draw
