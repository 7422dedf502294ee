"""Scanned flavour: the grid rebuilt from the page image's rules (``scan_image``), filled with words.

Each word (from an office OCR text layer when it covers a cell, else from the OCR engine) goes into the
cell under its centre; the grid's rows and cells, in points, go to the shared base like a born-digital
ruled table's, so a scanned annex's header is found below title rows and on later pages the same way.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from hmic_extract.model import RawRow

from ..ocr.base import OcrWord
from ..scan_image import SCALE, Grid, GridRow, inside
from .model import Cell, PageTables, Part, Row, TextLine
from .settings import TableSettings
from .text import Glyph, cell_text, glyphs_to_lines

METHOD = "ocr-grid"
LAYER_SOURCE = "text-layer"


def parted_at_rules(words: list[OcrWord], grid: Grid, settings: TableSettings) -> list[OcrWord]:
    """Given words and a grid, return the words with each one that lies over a rule between two cells of its row cut in
    two where a digit meets a letter or stop near the rule (letters spaced evenly over its box): OCR reads the last
    word of a cell and the first of the next as one ("cases31.12.2021"), and under its centre the whole went into the
    next cell (held-out 9471-303)."""
    from .base import glued_boundary

    out = []
    for w in words:
        pitch = (w.x1 - w.x0) / max(len(w.text), 1)
        rows = [r for r in grid.rows if r.top <= w.y_mid <= r.bottom]
        rules = [c.x0 for r in rows for c in r.cells[1:] if w.x0 + pitch < c.x0 < w.x1 - pitch]
        cuts = [k for k in range(1, len(w.text)) if glued_boundary(w.text[k - 1], w.text[k])]
        near = [(abs(w.x0 + k * pitch - x), k) for x in rules for k in cuts]
        best = min(near, default=None)
        if best is None or best[0] > settings.glued_cut_chars * pitch:
            out.append(w)
            continue
        at = w.x0 + best[1] * pitch
        out += [replace(w, text=w.text[:best[1]], x1=at), replace(w, text=w.text[best[1]:], x0=at)]
    return out


def fill_cells(grid: Grid, layer: list[OcrWord], ocr: list[OcrWord],
               settings: TableSettings | None = None) -> dict[int, str]:
    """Put each word into the cell under its centre: layer words first, OCR words where a cell has none; a word read
    over a column rule is first parted there (``parted_at_rules``).

    Returns the source of each row's text by row index ("layer", "ocr", or both joined by "+").
    """
    settings = settings or TableSettings()
    layer, ocr = parted_at_rules(layer, grid, settings), parted_at_rules(ocr, grid, settings)
    sources: dict[int, str] = {}
    for r, row in enumerate(grid.rows):
        used = set()
        for cell in row.cells:
            cell.words = [w for w in layer if inside(w, cell, row)]
            read = [w for w in ocr if inside(w, cell, row)] if ocr else []
            if cell.words and not misread_number(cell.words, read) and not lost_words(cell.words, read) and \
                    not surely_misread(cell.words, read):
                used.add("layer")
            else:
                cell.words = read
                if cell.words:
                    used.add("ocr")
        sources[r] = "+".join(sorted(used))
    return sources


SHORT_CELL = 14  # characters: a ref or page cell


def misread_number(layer: list[OcrWord], ocr: list[OcrWord]) -> bool:
    """Whether a short cell's layer text lost the number the engine reads there ("@" for "(1)", "aitaiiiea" for
    "pp. 10-11"): a scanner's OCR layer garbles small cells more than whole lines."""
    text = "".join(w.text for w in layer)
    return bool(ocr) and len(text) <= SHORT_CELL and not any(ch.isdigit() for ch in text) and \
        any(ch.isdigit() for w in ocr for ch in w.text)


ENGINE_SURE = 0.95  # an engine's word read with at least this confidence: surer than a scanner's layer in a short cell


def surely_misread(layer: list[OcrWord], ocr: list[OcrWord]) -> bool:
    """Whether a short cell's layer text differs from the engine's reading of it and every word of that is sure: a
    scanner's layer garbles small cells ("10C1" for "IOC1", "Aff11" for "AfI11", "Ro" for "R2") more than the
    engine does; an unsure engine word ("AF19" for "AFI 9") leaves the layer's text."""
    text = " ".join(w.text for w in layer)
    return bool(ocr) and len(text) <= SHORT_CELL and all(w.confidence >= ENGINE_SURE for w in ocr) and \
        "".join(text.split()) != "".join("".join(w.text for w in ocr).split())


LOST_WORDS = 2  # engine's words with no layer word over them: this many and the layer lost part of the cell
LOST_SCORE = 0.9  # ... each read with at least this confidence and three letters (not a speck's reading)


def lost_words(layer: list[OcrWord], ocr: list[OcrWord]) -> bool:
    """Whether a cell's layer text lost words the engine reads there: two or more of the engine's sure words of three
    letters or more lie where no layer word is (a scanner's OCR that dropped the start of a line)."""
    def covered(w: OcrWord) -> bool:
        return any(min(w.x1, v.x1) - max(w.x0, v.x0) > 0 and min(w.bottom, v.bottom) - max(w.top, v.top) > 0
                   for v in layer)

    missing = [w for w in ocr if w.confidence >= LOST_SCORE and sum(ch.isalpha() for ch in w.text) >= 3
               and not covered(w)]
    return len(missing) >= LOST_WORDS


def row_confidence(row: GridRow, key_cols: set[int]) -> float | None:
    """Return how far a row's OCR can be trusted: the weakest word of its key cells (ref, page ref), or
    the mean over its other words if lower. One doubtful digit spoils a ref; one doubtful word in a
    long text does not spoil the text. Text-layer words carry no score; None when no word has one.
    """
    key = [w.confidence for c in row.cells if c.col in key_cols for w in c.words if w.confidence < 1.0]
    text = [w.confidence for c in row.cells if c.col not in key_cols for w in c.words if w.confidence < 1.0]
    parts = ([min(key)] if key else []) + ([statistics.fmean(text)] if text else [])
    return round(min(parts), 3) if parts else None


RULE_READ_AS_TEXT = re.compile(r"^[|¦｜]+$")  # OCR reads a ruling line's stub as a bar


def word_glyphs(words: list[OcrWord]) -> list[Glyph]:
    """OCR words (level pixels) as glyphs in points; each word is one glyph. A lone bar is a rule, not text."""
    return [Glyph(w.text, w.x0 / SCALE, w.top / SCALE, w.x1 / SCALE, w.bottom / SCALE,
                  w.confidence if w.confidence < 1.0 else None) for w in words if not RULE_READ_AS_TEXT.match(w.text)]


def words_settings(words: list[OcrWord]) -> TableSettings:
    """Settings from the words' heights; OCR words are whole words, so any gap between two is a space."""
    settings = TableSettings.for_page([(w.bottom - w.top) / SCALE * 0.8 for w in words]).for_scan()
    return replace(settings, word_gap=-1e9)


def method_name(source: str, engine: str) -> str:
    parts = [LAYER_SOURCE if s == "layer" else engine for s in source.split("+") if s]
    return f"{METHOD}/{'+'.join(parts) or 'empty'}"


def grid_to_part(grid: Grid, sources: dict[int, str], page_index: int, engine: str,
                 settings: TableSettings) -> Part:
    """Given a filled grid, return it as a part in points (each row's confidence over all its words)."""
    rows = []
    for r, grow in enumerate(grid.rows):
        cells = []
        for c in grow.cells:
            scores = [w.confidence for w in c.words if w.confidence < 1.0]
            cells.append(Cell(cell_text(word_glyphs(c.words), settings), c.x0 / SCALE, c.x1 / SCALE,
                              round(min(scores), 3) if scores else None))
        rows.append(Row(grow.top / SCALE, grow.bottom / SCALE, cells, method=method_name(sources[r], engine),
                        confidence=row_confidence(grow, set())))
    x0, top, x1, bottom = (v / SCALE for v in grid.box)
    return Part(page_index, (x0, top, x1, bottom), rows, edges=[x / SCALE for x in grid.columns],
                method=rows[0].method if rows else METHOD)


def free_lines(words: list[OcrWord], grids: list[Grid], method: str, settings: TableSettings) -> list[TextLine]:
    """The page's text lines outside its grids (titles, footnotes), in points."""
    free = [w for w in words if not any(g.box[1] <= w.y_mid <= g.box[3] for g in grids)]
    out = []
    for line in glyphs_to_lines(word_glyphs(free), settings):
        scores = [g.confidence for g in line if g.confidence is not None]
        out.append(TextLine(" ".join(g.text for g in line), min(g.top for g in line), max(g.bottom for g in line),
                            method, round(min(scores), 3) if scores else None))
    return out


def plan_to_page(page_index: int, grids: list[Grid], layer: list[OcrWord], ocr: list[OcrWord], engine: str,
                 height: float) -> PageTables:
    """Given a scanned page's grids and its words (text layer, OCR), return its parts and other lines."""
    settings = words_settings(layer or ocr)
    parts = [grid_to_part(g, fill_cells(g, layer, ocr, settings), page_index, engine, settings) for g in grids]
    lines = free_lines(layer or ocr, grids, method_name("layer" if layer else "ocr", engine), settings)
    return PageTables(page_index, parts, lines, height, settings)


def plans_to_rows(plans: list, ocr_words: dict[int, list[OcrWord]], engine: str) -> tuple[list[RawRow], list[int]]:
    """Given pass-1 plans and OCR words, return the annex's raw rows and its pages (the shared table reader)."""
    from .base import read_tables

    pages = (plan_to_page(p.page_index, p.grids, p.words, ocr_words.get(p.page_index, []), engine,
                          p.size[0] / SCALE) for p in plans)
    return read_tables(pages, header_search=TableSettings().header_rows)
