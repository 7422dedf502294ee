"""What every table flavour hands to the shared base: parts of tables on pages, as rows of cells.

A flavour (ruled, stream, scanned, shaded) knows only how to find cells on a page; what a header is, which
rows are bands, which parts continue a table and how a row cut by a page break is joined is decided once,
in ``base``, over these types. Coordinates are PDF points from the page's top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .settings import TableSettings


@dataclass
class Cell:
    """One cell's text and horizontal extent (a cell merged across columns is one wide cell)."""

    text: str
    x0: float
    x1: float
    confidence: float | None = None  # weakest OCR word, when read by OCR
    opens_column: bool = False  # a word starting where many lines of its page start (a column's left edge)
    runs_on: bool = False  # a word the PDF drew right after the word before it and one space: the same text run
    cuts: tuple[float, ...] = ()  # where each later column-name word of a word glued from them is drawn (its x0)


@dataclass
class Row:
    """One physical row of a table part (or one text line, for tables without row rules).

    ``open_top``/``open_bottom``: the row's border is missing where a page break cut it (the row goes on
    from the page before / on the next page).
    """

    top: float
    bottom: float
    cells: list[Cell]
    is_line: bool = False
    open_top: bool = False
    open_bottom: bool = False
    method: str = ""
    confidence: float | None = None
    size: float | None = None  # the font size of a text line's letters, when the PDF says

    @property
    def text(self) -> str:
        return " ".join(" ".join(c.text.split()) for c in self.cells if c.text.strip())

    def is_empty(self) -> bool:
        return not any(c.text.strip() for c in self.cells)


@dataclass
class Part:
    """The rows of one table on one page.

    ``edges``: the column boundaries (n+1 x positions) when the flavour sees them (ruled and scanned
    grids); None when columns must come from the header and the white space under it (stream).
    """

    page_index: int
    bbox: tuple[float, float, float, float]
    rows: list[Row]
    edges: list[float] | None = None
    method: str = ""


@dataclass
class TextLine:
    """A line of text outside every table part (a title above a table, a footnote, a running head)."""

    text: str
    top: float
    bottom: float
    method: str = ""
    confidence: float | None = None


@dataclass
class PageTables:
    """What a flavour found on one page: its table parts and its other text lines."""

    page_index: int
    parts: list[Part] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)
    height: float | None = None
    settings: TableSettings = field(default_factory=TableSettings)  # tolerances estimated from this page
