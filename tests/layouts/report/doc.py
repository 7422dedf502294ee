"""The block model every template emits and every producer renders.

Templates decide *what* goes on the page (headings, paragraphs, boxes, lists, tables) and tag the blocks that
state a finding; producers decide *how* it is typeset. Gold pages come from where tagged blocks land, so the
model is the only contract between the two halves.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text with one weight and slant."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False  # a footnote marker


def runs(*parts: str | Run) -> list[Run]:
    """Given strings and runs, return runs (plain strings become plain runs)."""
    return [p if isinstance(p, Run) else Run(p) for p in parts if (p.text if isinstance(p, Run) else p)]


def plain(items: list[Run]) -> str:
    """Given runs, return their text as printed."""
    return "".join(r.text for r in items)


@dataclass
class Heading:
    """A heading; ``key`` names it for the contents page, ``level`` 1 is a chapter."""

    text: str
    level: int = 1
    key: str | None = None


@dataclass
class Para:
    """A paragraph, optionally a list item (``bullet`` is its printed glyph or number).

    ``tag`` names the finding this paragraph states (its body statement); untagged text is never gold.
    ``style`` is one of body, lead, small, caption, quote, label.
    """

    runs: list[Run]
    style: str = "body"
    tag: str | None = None
    bullet: str | None = None
    indent: int = 0
    keep_with_next: bool = False
    notes: list[tuple[int, str]] = field(default_factory=list)  # footnotes whose markers end this paragraph


@dataclass
class Box:
    """A call-out: ``style`` frame, shade, both or none (none keeps the padding, so layout does not move)."""

    children: list[Block]
    style: str = "frame"
    title: str | None = None
    keep_together: bool = False


@dataclass
class Table:
    """A grid of cells, each a list of runs; ``widths`` are fractions of the text width."""

    rows: list[list[list[Run]]]
    widths: list[float]
    header: bool = True
    style: str = "grid"  # grid, lines, plain, shaded-header


@dataclass
class Figure:
    """A small bar chart: its labels and values are digits on the page that are not page numbers."""

    caption: str
    bars: list[tuple[str, float]]
    unit: str = "%"
    source: str = ""


@dataclass
class Contents:
    """A contents page: entries are (title, heading key); page numbers are filled in by the producer."""

    entries: list[tuple[str, str]]
    title: str = "Contents"


@dataclass
class Cover:
    """The cover page: never numbered."""

    inspectorate: str
    title: str
    subtitle: str
    date: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Part:
    """Start of a new part of the document on a new page: ``role`` cover, front or body."""

    role: str


@dataclass
class PageBreak:
    """A forced page break within a part."""


Block = Heading | Para | Box | Table | Figure | Contents | Cover | Part | PageBreak


@dataclass
class Document:
    """A whole report: blocks in reading order plus what the running heads need."""

    blocks: list[Block]
    title: str
    running_title: str
    series: str
    force: str | None
    year_text: str
    copyright: str
    date: str


def iter_blocks(blocks: list[Block]):
    """Yield every block depth-first (box children after their box)."""
    for block in blocks:
        yield block
        if isinstance(block, Box):
            yield from iter_blocks(block.children)
