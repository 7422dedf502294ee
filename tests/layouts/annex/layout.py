"""Turn content + draw into a producer-neutral document: letter items, table parts, rows of plain strings.

Every producer renders this same model, so a difference between producers' outputs is a difference of
rendering only. The model is also what says which table row is which gold row.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import words
from .content import Block, Content, Row, excerpt, load_content
from .draw import Draw
from .letter import grades_table, letter_paragraphs, long_update

SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass
class TRow:
    """A table row: ``title``/``band`` rows have one text spanning all columns; ``header``/``data`` one per column."""

    kind: str
    cells: list[str]
    gold: tuple[str, int] | None = None
    tall: bool = False


@dataclass
class Column:
    key: str
    name: str  # "\n" where the header breaks over two lines
    width: float  # fraction of the table width
    align: str = "left"


@dataclass
class TablePart:
    """One table object on the page. ``head`` leading rows are the header group (repeated when ``repeat``)."""

    columns: list[Column]
    rows: list[TRow]
    head: int
    repeat: bool
    continued: bool = False  # a later part of the same logical table (after footnotes)


@dataclass
class Item:
    """A flow item: heading, para, footnote, grades (small table), table, pagebreak."""

    kind: str
    text: str = ""
    table: TablePart | None = None
    grid: list[tuple[str, str]] | None = None
    level: int = 1


@dataclass
class AnnexDoc:
    draw: Draw
    content: Content
    items: list[Item] = field(default_factory=list)
    running_header: str | None = None  # with {page} and {pages}
    running_footer: str | None = None

    @property
    def title(self) -> str:
        """Document title metadata, as an office would leave it (never the generator's file names)."""
        return f"{self.content.meta['pcc']} – response to HMICFRS"

    @property
    def tables(self) -> list[TablePart]:
        return [i.table for i in self.items if i.kind == "table" and i.table]


def split_marks(text: str, raised: bool) -> list[tuple[str, bool]]:
    """Split text into (run, is_raised) pieces; with ``raised`` each ¹²³ becomes a raised ASCII digit."""
    if not raised:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    for ch in text:
        is_mark = ch in SUPER
        piece = str(SUPER.index(ch)) if is_mark else ch
        if out and out[-1][1] == is_mark:
            out[-1] = (out[-1][0] + piece, is_mark)
        else:
            out.append((piece, is_mark))
    return out


def heading_text(draw: Draw, block: Block, n: int, band: bool) -> str:
    """The printed heading (or band) for a block: synonym, case, theme and numbering as drawn."""
    pool = words.HEADINGS[block.section]
    text = pool[draw.heading_synonyms[block.section] % len(pool)]
    text = words.attach_theme(text, block.theme, draw.theme_style)
    text = words.apply_case(text, draw.heading_case)
    if band and draw.band_look.get("caps"):
        text = text.upper()
    # a band row inside a table is not a document section: "Section 2:" numbering is kept for headings only
    numbering = "none" if band and draw.heading_numbering.startswith("Section") else draw.heading_numbering
    return words.number_heading(text, numbering, n)


def theme_printed(draw: Draw, block: Block, titled: bool) -> bool:
    """True when the block's theme is on the page (only headings and bands carry it)."""
    return bool(block.theme) and titled and draw.theme_style != "none" and (
        "band" in draw.section_marker or "heading" in draw.section_marker)


def type_label(draw: Draw, section: str) -> str:
    """What the Type column says for a section ("AFI", "Cause of concern", "R"…)."""
    pool = words.TYPE_LABELS[section]
    label = pool[draw.type_labels[section] % len(pool)]
    return label.upper() if draw.type_case == "UPPER" else label


def header_name(draw: Draw, name: str) -> str:
    """A column header as printed: case, and a line break in the middle when drawn over two lines."""
    if draw.header_case == "UPPER":
        name = name.upper()
    if draw.header_lines == 2 and " " in name:
        parts = name.split(" ")
        cut = (len(parts) + 1) // 2
        name = " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:])
    return name


def data_cells(draw: Draw, row: Row, columns: list[Column], tall_text: str | None) -> list[str]:
    """One finding's cells in column order (tracker columns blank unless the draw fills them)."""
    filled = {c["key"]: c.get("filled", True) for c in draw.columns}
    out = []
    for col in columns:
        key = col.key
        if key == "ref":
            out.append(words.ref_text(row.ref, row.section, dict(draw.ref_style, prefixed=draw.ref_prefixed)))
        elif key == "page":
            out.append(row.page_ref)
        elif key == "issue":
            out.append(row.issue)
        elif key == "type":
            out.append(type_label(draw, row.section))
        elif key == "action" and tall_text:
            out.append(tall_text)
        else:
            out.append(row.extras.get(key, "") if filled.get(key) else "")
    return out


def build_columns(draw: Draw) -> list[Column]:
    total = sum(c["width"] for c in draw.columns)
    align = {"ref": draw.ref_align, "page": draw.ref_align}
    return [Column(c["key"], header_name(draw, c["name"]), c["width"] / total, align.get(c["key"], "left"))
            for c in draw.columns]


def _fill(text: str, content: Content) -> str:
    return text.format(**content.meta, page="{page}", pages="{pages}")


def build(draw: Draw, content: Content | None = None) -> AnnexDoc:
    """Lay out the draw's content as flow items; the table rows carry their gold keys."""
    content = excerpt(content or load_content(draw.content), draw.excerpt)
    doc = AnnexDoc(draw, content)
    rng = random.Random(f"{draw.seed}/layout")
    if draw.running_header != "none":
        doc.running_header = _fill(draw.running_header, content)
    if draw.running_footer != "none":
        doc.running_footer = _fill(draw.running_footer, content)
    items = doc.items
    if draw.letter_pages:
        paras = letter_paragraphs(content, draw.letter_pages, rng, draw.letter_numbered)
        items.append(Item("heading", f"{content.meta['pcc']}: response to HMICFRS", level=1))
        for i, text in enumerate(paras):
            items.append(Item("para", text))
            if i == 3 and draw.grades_table:
                items.append(Item("grades", grid=grades_table(rng)))
        if draw.annex_new_page:
            items.append(Item("pagebreak"))
    if draw.annex_heading:
        items.append(Item("heading", draw.annex_heading, level=1))
    columns = build_columns(draw)
    header = TRow("header", [c.name for c in columns])
    title_rows = [TRow("title", [_fill(t, content)]) for t in draw.title_rows]
    tall = {tuple(k) for k in draw.tall_rows}
    marks_seen: set[str] = set()
    footnotes_done: set[str] = set()
    by_heading = "heading" in draw.section_marker
    banded = "band" in draw.section_marker

    by_table = draw.section_marker == "column_header"

    def new_part(first: bool, continued: bool = False, section: str | None = None) -> TablePart:
        rows = list(title_rows) if first else []
        if section:  # the text column's header says the section
            pool = words.COLUMN_HEADER_SECTIONS[section]
            name = header_name(draw, pool[draw.heading_synonyms[section] % len(pool)])
            rows.append(TRow("header", [name if c.key == "issue" else c.name for c in columns]))
        elif first or (by_heading and draw.header_per_table) or (continued and draw.repeat_header):
            rows.append(header)
        return TablePart(columns, rows, head=len(rows), repeat=draw.repeat_header, continued=continued)

    def flush_footnotes() -> None:
        for mark in sorted(marks_seen - footnotes_done):
            if mark in content.footnotes:
                items.append(Item("footnote", f"{SUPER[int(mark)]} {content.footnotes[mark]}"))
            footnotes_done.add(mark)

    part = None if by_heading or by_table else new_part(True)
    if part:
        items.append(Item("table", table=part))
    n = 0
    for index, block in enumerate(content.blocks):
        titled = not (index == 0 and draw.untitled_first)
        if titled:
            n += 1
        if by_heading:
            if draw.footnotes == "between":
                flush_footnotes()
            if titled:
                items.append(Item("heading", heading_text(draw, block, n, band=False), level=2))
            part = new_part(index == 0)
            items.append(Item("table", table=part))
        elif by_table:
            if draw.footnotes == "between":
                flush_footnotes()
            part = new_part(index == 0, section=block.section)
            items.append(Item("table", table=part))
        elif draw.footnotes == "between" and index and (marks_seen - footnotes_done):
            flush_footnotes()
            part = new_part(False, continued=True)
            items.append(Item("table", table=part))
        if banded and titled:
            part.rows.append(TRow("band", [heading_text(draw, block, n, band=True)]))
        for row in block.rows:
            key = (row.section, row.ref)
            text = long_update(rng) if key in tall else None
            part.rows.append(TRow("data", data_cells(draw, row, columns, text), gold=key, tall=key in tall))
            marks_seen.update(str(SUPER.index(ch)) for ch in row.issue if ch in SUPER)
    if draw.footnotes != "none":
        flush_footnotes()
    return doc


def gold(draw: Draw, content: Content | None = None) -> dict:
    """The expected rows, written from the content (and, for the theme, what the layout printed)."""
    content = excerpt(content or load_content(draw.content), draw.excerpt)
    rows = []
    for index, block in enumerate(content.blocks):
        titled = not (index == 0 and draw.untitled_first)
        for row in block.rows:
            out = {"section": row.section, "ref": row.ref, "pages": list(row.pages), "page_ref": row.page_ref,
                   "issue": row.issue}
            if theme_printed(draw, block, titled):
                out["theme"] = block.theme
            if block.theme:
                out["content_theme"] = block.theme
            if row.answers:
                out["answers"] = row.answers
            if row.rtl:
                out["rtl"] = True
            rows.append(out)
    return {"source": None, "kind": "annex", "content": content.id, "draw": draw.as_dict(), "rows": rows}
