"""Ruled flavour: cells from the page's ruling lines (pdfium edges -> pdfplumber's lattice functions).

pdfium hands over the page's path segments in milliseconds, in pdfplumber's edge format, so pdfplumber's
own table algorithm (merge_edges -> edges_to_intersections -> intersections_to_cells -> cells_to_tables)
builds the grid. A row cut by a page break whose bottom border was left open (a browser or word processor
printing a long row) has no closing rule: ``close_open_ends`` closes it where its column rules stop and
marks the row open, so the base joins it with its other part. Cell text is taken by glyph centre.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hmic_extract.vocabulary import PAGE_FOLIO, glued_words

from .model import Cell, PageTables, Part, Row, TextLine
from .settings import TableSettings
from .stream import running_key_at
from .text import (
    Glyph,
    cell_text,
    centre_in,
    glyph_sizes,
    glyphs_to_lines,
    is_ltr,
    line_gaps,
    line_middles,
    line_spans,
    line_text,
    starts_under,
    starts_under_digit,
)

METHOD = "ruled"
Box = tuple[float, float, float, float]


@dataclass
class Grid:
    """One ruled table on a page: its rows of cell boxes (None where a cell is merged into its left)."""

    bbox: Box
    rows: list[tuple[Box, list[Box | None]]]

    @property
    def ncols(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)

    def edges(self) -> list[float]:
        """Column boundaries: every cell's left and right x, clustered."""
        xs = sorted({round(c[i], 1) for _, cells in self.rows for c in cells if c is not None for i in (0, 2)})
        out: list[float] = []
        for x in xs:
            if not out or x - out[-1] > 2.0:
                out.append(x)
        return out


def edge_meets(end: float, x: float, horizontals: list[dict], snap: float) -> bool:
    """True when a horizontal edge passes through (x, end)."""
    return any(abs(h["top"] - end) <= snap and h["x0"] - snap <= x <= h["x1"] + snap for h in horizontals)


def close_open_ends(edges: list[dict], settings: TableSettings) -> tuple[list[dict], list[float], list[float]]:
    """Given a page's edges, return them with the open ends of tables closed, and where (bottoms, tops).

    Column rules of a table that stop together where no row rule meets them mark a row a page break cut
    without drawing its border: a rule is added there so the cut row is a cell like any other.
    """
    snap = settings.snap
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    added: list[dict] = []
    found: dict[str, list[float]] = {"bottom": [], "top": []}
    for end in ("bottom", "top"):
        loose = sorted((v[end], v["x0"]) for v in vs if not edge_meets(v[end], v["x0"], hs, snap))
        groups: list[list[tuple[float, float]]] = []
        for y, x in loose:
            if groups and y - groups[-1][-1][0] <= snap:
                groups[-1].append((y, x))
            else:
                groups.append([(y, x)])
        for group in groups:
            xs = sorted({round(x, 1) for _, x in group})
            if len(xs) < settings.min_columns:
                continue
            y = sum(g[0] for g in group) / len(group)
            added.append({"x0": xs[0], "x1": xs[-1], "top": y, "bottom": y, "width": xs[-1] - xs[0], "height": 0.0,
                          "orientation": "h", "object_type": "line"})
            found[end].append(y)
    return edges + added, found["bottom"], found["top"]


def edges_to_grids(edges: list[dict], settings: TableSettings) -> list[Grid]:
    """Given a page's edges, return its ruled tables, top to bottom (pdfplumber's lattice algorithm)."""
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    if not edges:
        return []
    s = settings.snap
    merged = filter_edges(merge_edges(edges, s, s, s, s), min_length=s)
    cells = intersections_to_cells(edges_to_intersections(merged, s, s))
    grids = []
    for table_cells in cells_to_tables(cells):
        table = Table(None, table_cells)  # type: ignore[arg-type] - rows/bbox need no page
        grids.append(Grid(table.bbox, [(row.bbox, list(row.cells)) for row in table.rows]))
    return sorted(grids, key=lambda g: g.bbox[1])


def page_settings(glyphs: list[Glyph], stroke_widths: list[float]) -> TableSettings:
    """Settings estimated from the page: body font size, line pitch, rule thickness."""
    lines = [line for line in glyphs_to_lines(glyphs, TableSettings()) if line]
    spans = [line_spans((g.x0, g.x1, g.size or g.bottom - g.top) for g in line if g.text.strip()) for line in lines]
    return TableSettings.for_page(glyph_sizes(glyphs), line_gaps(line_middles(lines), spans), stroke_widths)


def grid_to_part(grid: Grid, glyphs: list[Glyph], page_index: int, opens: tuple[list[float], list[float]],
                 settings: TableSettings, page_height: float | None = None,
                 template: frozenset[int] | set[int] = frozenset()) -> Part:
    """Given a grid and the page's glyphs, return the part: each cell's text by glyph centre (a page folio printed
    over a row the page's edge cuts left out, see ``edge_folios``; the page's own folio too over a row run on into the
    page's bottom margin, where no text block reaches: pdflatex sets a row too tall for the page whole; and the ids in
    ``template``, a page template's lines printed over a row, see ``template_glyphs``)."""
    bottoms, tops = opens
    placed = word_starts(glyphs, settings, grid.edges())
    folios = edge_folios(glyphs, page_height, settings)
    own_folios = edge_folios(glyphs, page_height, settings, page_index + 1)
    rows = []
    for bbox, boxes in grid.rows:
        open_top = any(abs(bbox[1] - y) <= settings.snap for y in tops)
        open_bottom = any(abs(bbox[3] - y) <= settings.snap for y in bottoms)
        past_edge = page_height is not None and (bbox[3] > page_height + settings.snap or bbox[1] < -settings.snap)
        in_margin = page_height is not None and bbox[3] > (1 - settings.margin) * page_height
        dropped = set(template) | (folios if past_edge else set()) | (
            own_folios if past_edge or in_margin or open_top or open_bottom else set())
        mine = [g for g in glyphs if id(g) not in dropped]
        cells = [Cell(cell_text([g for g in mine if b[0] <= placed[id(g)] <= b[2] and b[1] <= g.y_mid <= b[3]],
                                settings), b[0], b[2]) for b in boxes if b is not None]
        rows.append(Row(bbox[1], bbox[3], cells, method=METHOD,
                        open_top=open_top, open_bottom=open_bottom))
    return Part(page_index, grid.bbox, rows, edges=grid.edges(), method=METHOD)


def edge_folios(glyphs: list[Glyph], page_height: float | None, settings: TableSettings,
                page_number: int | None = None) -> set[int]:
    """The ids of glyphs making a page folio ("- 3 -", "Page 3") in the page's head or footer zone: a page template
    prints it over whatever runs there, a grid row the page's edge cuts among them. Given ``page_number``, the folios
    that name it, each a phrase apart on its line (a tall action cell's "PCC." may share the folio's line): those a
    row a page break cut holds too, the number telling the page's folio from a lone number of the row's own."""
    if page_height is None:
        return set()
    zone = settings.footer_zone * page_height
    out: set[int] = set()
    for line in glyphs_to_lines(glyphs, settings):
        top, bottom = min(g.top for g in line), max(g.bottom for g in line)
        if not (bottom < zone or top > page_height - zone):
            continue
        for phrase in (phrases_apart(line, settings) if page_number is not None else [line]):
            m = PAGE_FOLIO.match(line_text(phrase, settings))
            if m and (page_number is None or re.findall(r"\d+", m.group())[:1] == [str(page_number)]):
                out.update(id(g) for g in phrase)
    return out


def template_glyphs(pages: list[tuple[int, list[Glyph], list[Box], float | None]], settings: TableSettings) -> set[int]:
    """Given the pages read (index, glyphs, table boxes, height), return the ids of glyphs a page template printed over
    a table: a line of one size in a page's head or footer zone that stands, numbers aside, at the same height (give
    or take ``running_drift``) outside every table on ``running_pages`` - 1 other pages at least (``running_key``, as
    the stream reader finds running heads). A page's footer "Force | 27 February 2020 | Page 5" printed over a tall
    row pdflatex ran past the text block is no cell text; a repeated header line sits inside a table on every page."""
    free: dict[str, list[tuple[int, float]]] = {}
    inside: list[tuple[int, str, float, list[Glyph]]] = []
    for page_index, glyphs, boxes, height in pages:
        for line in zone_lines(glyphs, height, settings):
            key = running_key_at(line_text(line, settings), min(g.top for g in line), max(g.bottom for g in line),
                                 height)
            if key is None:
                continue
            if any(centre_in(g, box) for g in line for box in boxes):
                inside.append((page_index, key[0], key[1], line))
            else:
                free.setdefault(key[0], []).append((page_index, key[1]))
    need = max(1, settings.running_pages - 1)
    out: set[int] = set()
    for page_index, text, at, line in inside:
        others = {i for i, there in free.get(text, ()) if i != page_index and abs(there - at) <= settings.running_drift}
        if len(others) >= need:
            out.update(id(g) for g in line)
    return out


def zone_lines(glyphs: list[Glyph], height: float | None, settings: TableSettings) -> list[list[Glyph]]:
    """The page's lines of one font size each in its head or footer zone (``footer_zone``): a page template's footer
    set in a size of its own is a line apart from a row's text it prints over."""
    if height is None:
        return []
    zone = settings.footer_zone * height
    sizes: dict[float, list[Glyph]] = {}
    for g in glyphs:
        if g.size and g.text.strip() and (g.bottom < zone or g.top > height - zone):
            sizes.setdefault(round(g.size, 1), []).append(g)
    return [line for group in sizes.values() for line in glyphs_to_lines(group, settings) if line]


def phrases_apart(line: list[Glyph], settings: TableSettings) -> list[list[Glyph]]:
    """A line's glyphs in runs a gap wider than the phrase gap (two cells', or a cell's and a folio's) separates."""
    runs: list[list[Glyph]] = []
    for g in sorted(line, key=lambda g: g.x0):
        if runs and g.x0 - runs[-1][-1].x1 <= settings.phrase_gap:
            runs[-1].append(g)
        else:
            runs.append([g])
    return runs


def word_starts(glyphs: list[Glyph], settings: TableSettings, edges: list[float] | None = None) -> dict[int, float]:
    """Where each glyph is placed in a grid: a left-to-right word's letters by its first letter's centre, so a word
    wider than its cell (LaTeX runs "Recommendation" on past a narrow Type column's rule) stays in the cell it starts
    in, not split over two ("Recommen" | "dati"); other glyphs by their own centre. A word's letters are drawn one
    after the other, on one line, a word gap apart at most, or under the letter before by a kerned pair's overlap
    ("AT" in "RECOMMENDATION"). Given the grid's column ``edges``, a word the column-name words make up is two where
    one of them starts past a rule the word started before ("ITEM" run on past its rule up to "DETAIL", set at the
    next cell's start: ``parted_at_rules``)."""
    out: dict[int, float] = {}
    start: Glyph | None = None
    last: Glyph | None = None
    word: list[Glyph] = []
    for g in glyphs:
        goes_on = last is not None and start is not None and is_ltr(g.text) and is_ltr(last.text) and \
            abs(g.y_mid - last.y_mid) <= settings.line_tolerance and g.x0 - last.x1 <= settings.word_gap and \
            (g.x0 - last.x1 >= -settings.overprint_slack or kerned(last, g, settings))
        if not goes_on:
            out.update(parted_at_rules(word, edges or []))
            word = []
        start = start if goes_on else (g if is_ltr(g.text) else None)
        if start is not None:
            word.append(g)
        out[id(g)] = start.x_mid if start is not None else g.x_mid
        last = g
    out.update(parted_at_rules(word, edges or []))
    return out


def parted_at_rules(word: list[Glyph], edges: list[float]) -> dict[int, float]:
    """The places of a word's glyphs where column-name words make it up and one of them starts past a rule the word
    started before (two cells' labels set touching): each such word's glyphs by its own first letter; else none (the
    word stays where its first letter places it)."""
    if len(word) < 2 or not edges:
        return {}
    pieces = glued_words("".join(g.text for g in word))
    if len(pieces) < 2:
        return {}
    out: dict[int, float] = {}
    at, first = 0, word[0]
    cuts = {sum(len(p) for p in pieces[:n]) for n in range(1, len(pieces))}
    for g in word:
        if at in cuts and any(first.x0 < e <= g.x0 for e in edges):
            first = g
        out[id(g)] = first.x_mid
        at += len(g.text)
    return out if first is not word[0] else {}


def kerned(before: Glyph, glyph: Glyph, settings: TableSettings) -> bool:
    """Whether a letter starting under the one before it is the second of a kerned pair: further right than it, and
    under it by no more than a font kerns letters."""
    return glyph.x0 - before.x0 > settings.overprint_slack and not starts_under(before, glyph, settings) and \
        not starts_under_digit(before, glyph, settings)


def free_lines(glyphs: list[Glyph], boxes: list[Box], settings: TableSettings) -> list[TextLine]:
    """The page's text lines outside its tables."""
    placed = word_starts(glyphs, settings)
    free = [g for g in glyphs if not any(b[0] <= placed[id(g)] <= b[2] and b[1] <= g.y_mid <= b[3] for b in boxes)]
    out = []
    for line in glyphs_to_lines(free, settings):
        text = " ".join(line_text(line, settings).split())
        if text:
            out.append(TextLine(text, min(g.top for g in line), max(g.bottom for g in line), METHOD))
    return out


@dataclass
class RuledPage:
    """One page as read: its glyphs, settings, ruled tables of three or more columns and open row ends."""

    page_index: int
    glyphs: list[Glyph]
    height: float | None
    settings: TableSettings
    grids: list[Grid]
    opens: tuple[list[float], list[float]]


def read_page(page, page_index: int) -> RuledPage:
    """Given a pdfium page, return its glyphs and its ruled tables of three or more columns."""
    glyphs = page.glyphs()
    settings = page_settings(glyphs, page.stroke_widths())
    edges, bottoms, tops = close_open_ends(page.edges(), settings)
    grids = [g for g in edges_to_grids(edges, settings) if g.ncols >= settings.min_columns]
    return RuledPage(page_index, glyphs, page.height, settings, grids, (bottoms, tops))


def page_tables(read: RuledPage, template: set[int]) -> PageTables:
    """Given a page read, return its ruled tables' parts and its other text lines (``template``: see
    ``template_glyphs``)."""
    parts = [grid_to_part(g, read.glyphs, read.page_index, read.opens, read.settings, read.height, template)
             for g in read.grids]
    return PageTables(read.page_index, parts, free_lines(read.glyphs, [g.bbox for g in read.grids], read.settings),
                      read.height, read.settings)


def ruled_pages(pdf, page_indexes: Iterable[int], may_start) -> Iterator[PageTables]:
    """Yield the ruled tables of each page worth reading: one whose text may start an annex, or the page
    after one with a table (it may continue it). All are read before any is yielded: a page template's lines
    are told by their recurring on the other pages."""
    from ..pdfium_page import PdfiumPage

    reads: list[RuledPage] = []
    previous_had_table = False
    for page_index in page_indexes:
        if not previous_had_table and not may_start(page_index):
            continue
        page = PdfiumPage.load(pdf.pdfium, page_index)
        try:
            reads.append(read_page(page, page_index))
        finally:
            page.close()
        previous_had_table = bool(reads[-1].grids)
    if not reads:
        return
    template = template_glyphs([(r.page_index, r.glyphs, [g.bbox for g in r.grids], r.height) for r in reads],
                               reads[0].settings)
    for read in reads:
        yield page_tables(read, template)


HEADER_WORDS = r"\b(ref|page|concern|recommendation|improvement|issue|finding|action|update|no\.|number)"


def extract_ruled(pdf, page_indexes: Iterable[int]):
    """Given an open PDF and the pages worth looking at, return the ruled annex's raw rows and its pages.

    Pages whose text names no header word and that cannot continue a table are skipped before any grid
    is built. Returns ([], []) when no ruled annex table is found, or when pdfium cannot read the file
    (the stream path is the fallback then).
    """
    from .base import read_tables

    if pdf.pdfium is None:
        return [], []
    facts = pdf.page_facts()
    words = re.compile(HEADER_WORDS, re.I)
    pages = ruled_pages(pdf, page_indexes, lambda i: bool(words.search(facts[i].text)))
    return read_tables(pages, header_search=TableSettings().header_rows)
