"""Scanned pages: rebuild the annex table's cell grid from the page image and fill it with words.

A scan has no usable cells: either no text at all (image only), or an office OCR text layer whose
words follow the scan's skew rather than the table. So every such page is rendered with pypdfium2,
deskewed, and its ruling lines found with OpenCV; the lines give the cell grid, and each word (from
the OCR text layer when it is usable, else from an OCR engine) goes into the cell under its centre.
Each physical table row becomes one CELLS RawRow (method ``ocr-grid/<source>``, confidence = its
weakest OCR word). Pages whose tables have no ruling lines hand their words on as one RawRow per
text line (``is_line=True``) for the normaliser's row reconstruction.

The work runs in two passes: a cheap one over all pages (render, deskew, grid, text layer) that
decides which pages need OCR, then OCR of just those pages, in worker processes when ``jobs > 1``.
Image work lives in ``scan_image``, OCR scheduling in ``ocr.runner``; this module plans pages and
turns grids + words into raw rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hmic_extract.model import RawRow

from .ocr.base import OcrWord
from .ocr.runner import OcrJob, OcrPool, Progress, run_ocr
from .ocr.settings import ENGINE_VARIABLE, OcrSettings, settings_from
from .page_kinds import PageKind
from .scan_image import (
    RENDER_DPI,
    SCALE,
    Cell,
    Grid,
    GridRow,
    cells_with_ink,
    deskew,
    erase_lines,
    find_grids,
    inside,
    lighten_dark_bands,
    render_page,
    rotation_matrix,
    skew_angle,
)
from .table.scanned import plans_to_rows  # grids + words -> raw rows: the shared table reader

if TYPE_CHECKING:
    import numpy as np

    from .pdf import OpenPdf

METHOD = "ocr-grid"
LINE_METHOD = "ocr-lines"
OCR_SIZE = 0.8  # font size, as a share of an OCR word box's height (the box holds ascenders and descenders)
LAYER_SOURCE = "text-layer"
LAYER_PLAUSIBLE = 0.8  # share of layer words that must look like words for the layer to be trusted
MIN_COLUMNS = 3
COLUMN_TOLERANCE = 8.0  # points: how far a continuation's column edges may sit from the header's
WORD_GAP = 0.12  # a gap wider than this share of the glyph height separates two text-layer words
WORD_RE = re.compile(r"^[\w'’‘\"“”().,;:/%&£$€+\-–—?!\[\]*¹²³⁴⁵⁶⁷⁸⁹⁰]+$")

# image helpers and OCR names, re-exported for callers of this module
__all__ = ["ENGINE_VARIABLE", "RENDER_DPI", "SCALE", "Cell", "Grid", "GridRow", "OcrJob", "Progress", "deskew",
           "erase_lines", "find_grids", "render_page", "rotation_matrix", "skew_angle"]


# --- words: from the text layer or from OCR ----------------------------------------------------------


def layer_words(page, matrix: np.ndarray) -> list[OcrWord]:
    """Given a pdfplumber page with a text layer and the deskew matrix, return its words in level pixels.

    Works from characters, not pdfplumber's words: the layer follows the scan's skew, so lines are
    only straight once each character is mapped through the same turn as the image.
    """
    placed = []
    for c in page.chars:
        text = c["text"]
        x_mid, y_mid = (c["x0"] + c["x1"]) / 2 * SCALE, (c["top"] + c["bottom"]) / 2 * SCALE
        x = matrix[0][0] * x_mid + matrix[0][1] * y_mid + matrix[0][2]
        y = matrix[1][0] * x_mid + matrix[1][1] * y_mid + matrix[1][2]
        half_w, half_h = (c["x1"] - c["x0"]) * SCALE / 2, (c["bottom"] - c["top"]) * SCALE / 2
        placed.append((text, x - half_w, y - half_h, x + half_w, y + half_h))
    words: list[OcrWord] = []
    for line in group_lines(placed, key_top=lambda p: p[2], key_bottom=lambda p: p[4]):
        line.sort(key=lambda p: p[1])
        current: list[tuple] = []
        for p in [*line, None]:
            height = (p[4] - p[2]) if p else 0.0
            breaks = p is None or not p[0].strip() or (current and p[1] - current[-1][3] > WORD_GAP * height)
            if breaks and current:
                words.append(OcrWord("".join(q[0] for q in current), min(q[1] for q in current),
                                     min(q[2] for q in current), max(q[3] for q in current),
                                     max(q[4] for q in current), 1.0))
                current = []
            if p is not None and p[0].strip():
                current.append(p)
    return words


def layer_is_plausible(words: list[OcrWord]) -> bool:
    """Given a text layer's words, return True when they read like text rather than OCR garbage."""
    if len(words) < 3:
        return False
    good = sum(1 for w in words if WORD_RE.match(w.text))
    return good / len(words) >= LAYER_PLAUSIBLE


def group_lines(items: list, key_top: Callable, key_bottom: Callable) -> list[list]:
    """Given boxed items, return them grouped into text lines (top to bottom) by vertical overlap of centres."""
    lines: list[list] = []
    spans: list[tuple[float, float]] = []
    for item in sorted(items, key=lambda i: (key_top(i) + key_bottom(i)) / 2):
        top, bottom = key_top(item), key_bottom(item)
        mid = (top + bottom) / 2
        if lines and spans[-1][0] <= mid <= spans[-1][1]:
            lines[-1].append(item)
            t, b = spans[-1]
            spans[-1] = (min(t, top), max(b, bottom)) if len(lines[-1]) < 3 else (t, b)
        else:
            lines.append([item])
            spans.append((top, bottom))
    return lines


def words_to_text(words: list[OcrWord]) -> str:
    """Given a cell's words, return its text: words in reading order, one text line per line."""
    lines = group_lines(words, key_top=lambda w: w.top, key_bottom=lambda w: w.bottom)
    return "\n".join(" ".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines)


# --- pass 1: per page, everything but OCR -------------------------------------------------------------


@dataclass
class PagePlan:
    """What pass 1 learned about one page, and whether pass 2 must OCR it."""

    page_index: int
    kind: PageKind
    angle: float
    size: tuple[int, int]  # image (height, width)
    grids: list[Grid]
    words: list[OcrWord] = field(default_factory=list)  # text-layer words, level pixels
    layer: list[OcrWord] = field(default_factory=list)  # the plausible layer's words, kept when ``words`` gives way
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # every ruled frame, pixels
    needs_ocr: bool = False
    source: str = LAYER_SOURCE
    inked: list[tuple[GridRow, Cell]] = field(default_factory=list)  # cells with print (none kept on image-only pages)
    # the page as OCR reads it (level, rules erased) and every ruled frame on it, lent to the OCR worker so that it
    # need not render and grid the page again; dropped once the page is OCR-ed (or kept by no plan: over budget)
    image: np.ndarray | None = field(default=None, repr=False, compare=False)
    frames: list[Grid] = field(default_factory=list, repr=False)


def plan_page(pdf: OpenPdf, page_index: int, kind: PageKind, password: str | None, force_ocr: bool,
              seen: PagePlan | None = None) -> PagePlan:
    """Given a scanned (or forced) page, return its grid, its layer words and whether it needs OCR.

    ``seen``, a plan of the same page made for the other reading (forced OCR or not), lends its image work (render,
    deskew, grid, inked cells): it is the same page image, and that work is most of a plan's cost.
    """
    if seen is None:
        image = render_page(pdf.path, page_index, password)
        angle = skew_angle(image)
        level = lighten_dark_bands(deskew(image, angle))
        frames, lines = find_grids(level, angle)
        grids = [g for g in frames if g.ncols >= MIN_COLUMNS]
        inked = cells_with_ink(level, lines, grids) if kind is not PageKind.IMAGE_ONLY else []
        seen = PagePlan(page_index, kind, angle, level.shape[:2], grids, boxes=[g.box for g in frames], inked=inked,
                        image=erase_lines(level, lines), frames=frames)
    plan = PagePlan(page_index, kind, seen.angle, seen.size, seen.grids, boxes=seen.boxes, inked=seen.inked,
                    image=seen.image, frames=seen.frames)
    if kind is PageKind.IMAGE_ONLY or force_ocr:
        plan.needs_ocr = True
        return plan
    words = layer_words(pdf.plumber.pages[page_index], rotation_matrix(plan.size, plan.angle))
    if not layer_is_plausible(words):
        plan.needs_ocr = True
        return plan
    plan.words = plan.layer = words
    empty = [c for r, c in plan.inked if not any(inside(w, c, r) for w in words)]
    plan.needs_ocr = bool(empty)  # the layer missed some cells: OCR the page, use it only there
    return plan


# --- no ruling lines: one raw row per text line ----------------------------------------------------------


PITCH_LETTERS = 3  # letters a word needs for its width per letter to say its size


def letter_pitch(word: OcrWord) -> float:
    """A scanned word's size as its width per letter, in points (0 for a short word): an OCR box's height is the
    detector's, padded alike round small print and body text, while small print's letters are narrower."""
    letters = sum(ch.isalpha() for ch in word.text)
    return (word.x1 - word.x0) / SCALE / len(word.text) if letters >= PITCH_LETTERS else 0.0


def words_to_line_rows(pages: list[tuple[int, list[OcrWord]]], method: str,
                       heights: dict[int, float] | None = None) -> tuple[list[RawRow], list[int]]:
    """Given OCR words per page (no ruled tables), return one RawRow per text line and the pages of the table.

    The words go, in points, through the stream path's header, gutter and column logic, the same as
    an unruled born-digital table's words; ``heights`` (points) lets it set running heads aside.
    """
    from .table.stream import words_to_rows

    def in_points(words: list[OcrWord]) -> list[dict]:
        return [{"text": w.text, "x0": w.x0 / SCALE, "x1": w.x1 / SCALE, "top": w.top / SCALE,
                 "bottom": w.bottom / SCALE, "confidence": w.confidence if w.confidence < 1.0 else None,
                 "size": letter_pitch(w)} for w in words]

    heights = heights or {}
    return words_to_rows(((i, in_points(words), heights.get(i)) for i, words in pages), method)


# --- the extractor -----------------------------------------------------------------------------------------


def cached_plan(pdf: OpenPdf, index: int, kind: PageKind, password: str | None, force_ocr: bool,
                image_budget: int = OcrSettings.plan_image_bytes) -> PagePlan:
    """Given a page, return its pass-1 plan, made once per document whichever path asks.

    The plan keeps its page image for the OCR worker while the document's plans hold at most ``image_budget`` bytes
    of images; past that, the worker renders the page again.
    """
    key = (index, str(kind), force_ocr)
    if key not in pdf.scan_plans:
        seen = pdf.scan_plans.get((index, str(kind), not force_ocr))
        plan = plan_page(pdf, index, kind, password, force_ocr, seen)
        if plan.image is not None and seen is None and held_image_bytes(pdf.scan_plans.values()) + \
                plan.image.nbytes > image_budget:
            plan.image = None
        pdf.scan_plans[key] = plan
    return pdf.scan_plans[key]


def held_image_bytes(plans: Iterable[PagePlan]) -> int:
    """Given plans, return the bytes of the page images they hold (an image two plans share counted once)."""
    return sum({id(p.image): p.image.nbytes for p in plans if p.image is not None}.values())


def release_images(pdf: OpenPdf, page_indexes: Iterable[int]) -> None:
    """Given pages just OCR-ed, drop their plans' page images: no reading of them needs the image again."""
    done = set(page_indexes)
    for plan in pdf.scan_plans.values():
        if plan.page_index in done:
            plan.image = None


def ocr_pool(pdf: OpenPdf) -> OcrPool:
    """The document's OCR workers, kept from one OCR pass to the next and stopped when the PDF is closed."""
    if pdf.ocr_pool is None:
        pdf.ocr_pool = OcrPool()
    return pdf.ocr_pool


def ocr_plans(pdf: OpenPdf, plans: list[PagePlan], settings: OcrSettings, jobs: int, password: str | None,
              progress: Progress | None) -> dict[int, list[OcrWord]]:
    """Given plans whose pages need OCR, return their words: each page OCR-ed at most once per document.

    Pages no engine could read are recorded on ``pdf.unread_pages`` (and not tried again).
    """
    todo = [p for p in plans if p.page_index not in pdf.ocr_words and p.page_index not in pdf.unread_pages]
    result = run_ocr([OcrJob(str(pdf.path), password, p.page_index, p.angle, settings, image=p.image,
                             frames=p.frames) for p in todo], jobs, progress, ocr_pool(pdf))
    release_images(pdf, [p.page_index for p in todo])
    pdf.ocr_words.update(result.words)
    pdf.unread_pages.update(result.unread)
    pdf.ocr_notes.update(result.notes)
    return {p.page_index: pdf.ocr_words[p.page_index] for p in plans if p.page_index in pdf.ocr_words}


def extract_scanned(pdf: OpenPdf, kinds: dict[int, PageKind], page_indexes: Iterable[int], *,
                    engine: str | None = None, jobs: int = 1, password: str | None = None,
                    force_ocr: bool = False, progress: Progress | None = None,
                    settings: OcrSettings | None = None) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and its scanned pages, return the annex's raw rows and pages ([], [] if none).

    The engine reads every scanned page, those with a scanner's OCR text layer too: over the dev draws
    whose scans carry a layer the engine's reading gave 12 of 18 annexes fully right, the layer's 4 (the
    layer's words agree with the engine's sure words as often on the bad layers as on the good ones, so no
    measure of the layer alone tells them apart). The layer's reading is kept where it finds more numbered
    rows than the engine's (a page the engine could not make out).
    """
    page_indexes = list(page_indexes)
    options = {"engine": engine, "jobs": jobs, "password": password, "progress": progress, "settings": settings}
    read = with_one_for_lookalike(*read_scanned(pdf, kinds, page_indexes, force_ocr=True, **options))
    if force_ocr or not any(kinds.get(i) is PageKind.OCR_LAYER for i in page_indexes):
        return read
    # pages the engine read are not read again
    layered = with_one_for_lookalike(*read_scanned(pdf, kinds, page_indexes, **options))
    return layered if numbered_refs(layered[0]) > numbered_refs(read[0]) else read


ONE_LOOKALIKE = re.compile(r"^(\W*)[iIl|](\W*)$")  # "(i)", "l)", "I.": a ref "1" read as the letter it looks like


def with_one_for_lookalike(rows: list[RawRow], pages: list[int]) -> tuple[list[RawRow], list[int]]:
    """Given a scan's raw rows, return them with a ref cell that holds only a letter OCR reads for the digit 1 (in a
    ref's brackets or stop) read as 1: a scan's "(1)" comes back "(i)". A roman "(i)" is ref 1 as well."""
    for row in rows:
        if row.ref and (m := ONE_LOOKALIKE.match(row.ref.strip())):
            row.ref = f"{m.group(1)}1{m.group(2)}"
    return rows, pages


def numbered_refs(rows: list[RawRow]) -> int:
    """How many refs the table rows of a reading number, each ref once: the measure of which reading lost rows. A ref
    read twice (label, number and section cell alike) is one row and a speck read as a number, as a garbled header's
    lines give, not a row more."""
    from hmic_extract.vocabulary import ref_cell_number

    found = {(re.sub(r"[^A-Za-z]", "", r.ref).upper(), number, r.section.strip().lower()) for r in rows
             if r.kind.value == "cells" and (number := ref_cell_number(r.ref or "")) is not None}
    return len(found)


def read_scanned(pdf: OpenPdf, kinds: dict[int, PageKind], page_indexes: Iterable[int], *,
                 engine: str | None = None, jobs: int = 1, password: str | None = None,
                 force_ocr: bool = False, progress: Progress | None = None,
                 settings: OcrSettings | None = None) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and its scanned pages, return the annex's raw rows and pages read from the text layer
    where a page has one (unless ``force_ocr``), else from the engine ([], [] if none).

    Pages with ruled tables of at least three columns are OCR-ed (unless their text layer covers
    every cell); when no page has such a table, every page is OCR-ed and handed on line by line.
    """
    from .table.stream import has_numbered_rows

    settings = settings or settings_from(engine)
    plans = [cached_plan(pdf, i, kinds[i], password, force_ocr, settings.plan_image_bytes) for i in page_indexes]
    with_grids = [p for p in plans if p.grids]
    targets = with_grids if with_grids else plans
    words = ocr_plans(pdf, [p for p in targets if p.needs_ocr], settings, jobs, password, progress)
    if with_grids:
        rows, found = plans_to_rows(plans, words, settings.engine)
        unread = [p for p in with_grids if p.words and p.page_index not in words and p.page_index in found]
        if unread and (any(key_cell_misread(r) for r in rows) or refs_out_of_step(rows)):
            # a text layer that lost refs or page numbers in small cells, or misread a ref's digit: the engine reads
            # those pages too and its sure reading fills the short cells
            words.update(ocr_plans(pdf, unread, settings, jobs, password, progress))
            rows, found = plans_to_rows(plans, words, settings.engine)
        if has_numbered_rows(rows):
            return rows, found
        # the ruled frames found hold no annex (a grid seen only in part, a frame that is no table): read the
        # pages' words as lines, as for a scan with no rules
        words.update(ocr_plans(pdf, [p for p in plans if p.needs_ocr and p.page_index not in words], settings, jobs,
                               password, progress))
    heights = {p.page_index: p.size[0] / SCALE for p in plans}
    rows, found = lines_of_pages(plans, words, settings.engine, heights)
    layered = [p for p in plans if p.words and not force_ocr]
    misread = {r.page_index for r in rows if key_cell_misread(r)}
    garbled = [p for p in layered if p.page_index in misread]
    if garbled:
        # a text layer that lost refs or page numbers ("pie" for "pp. 29-31"): the engine reads those pages, and
        # its numbers take the place of the layer's words there
        words.update(ocr_plans(pdf, garbled, settings, jobs, password, progress))
        for plan in garbled:
            plan.words = numbers_from_engine(plan.words, words.get(plan.page_index, []))
        rows, found = lines_of_pages(plans, words, settings.engine, heights)
    if not has_numbered_rows(rows) and layered:
        # a text layer no annex can be read from (a label the scanner's OCR missed, words out of line): the
        # page image is read again by the engine
        words.update(ocr_plans(pdf, layered, settings, jobs, password, progress))
        for plan in layered:
            plan.words = []
        again = lines_of_pages(plans, words, settings.engine, heights)
        if has_numbered_rows(again[0]):
            return again
    return rows, found


def key_cell_misread(row: RawRow) -> bool:
    """A table row whose ref or page cell holds text without any number (a garbled reading of one; a header's
    labels are no such cells)."""
    from hmic_extract.vocabulary import role_of_header_cell

    return row.kind.value == "cells" and any(cell.strip() and not any(ch.isdigit() for ch in cell)
                                             and len(cell) <= 14 and role_of_header_cell(cell) is None
                                             for cell in (row.ref, row.page_ref))


def refs_out_of_step(rows: list[RawRow]) -> set[int]:
    """The pages of table rows whose ref is out of step with its neighbours: between two refs one apart from the
    next but one ("16", "47", "18"), or above the ref after it while the one before is below that ("16", "47", "29").
    A scanner's layer misreads a digit ("(47)" for "(17)"); refs that jump to the next section or restart at 1 are
    in step."""
    from hmic_extract.vocabulary import ref_cell_number

    refs = [(r.page_index, n) for r in rows if r.kind.value == "cells"
            and (n := ref_cell_number(r.ref or "")) is not None]
    out = set()
    for (_, p), (page, n), (_, q) in zip(refs, refs[1:], refs[2:], strict=False):
        if (q == p + 2 and n != p + 1) or p < q < n:
            out.add(page)
    return out


NUMBER_APART = 0.5  # line heights: an engine's number nearer a layer word than this is that word's own print


def numbers_from_engine(layer: list[OcrWord], ocr: list[OcrWord]) -> list[OcrWord]:
    """Given a page's text-layer words and the engine's, return the layer's words with the engine's numbers put in
    where the layer lost them: a layer word with no digit over which the engine reads one (a garbled ref or page
    ref) gives way to the engine's words there, and an engine's number no layer word covers is added."""
    def overlaps(a: OcrWord, b: OcrWord, reach: float = 0.0) -> bool:
        width = min(a.x1, b.x1) - max(a.x0, b.x0) + reach * (a.bottom - a.top)
        height = min(a.bottom, b.bottom) - max(a.top, b.top)
        return width > 0 and height > 0.5 * min(a.bottom - a.top, b.bottom - b.top)

    def numbered(w: OcrWord) -> bool:
        return any(ch.isdigit() for ch in w.text)

    read = {k for k, o in enumerate(ocr) if numbered(o) and any(numbered(v) and overlaps(o, v) for v in layer)}
    out: list[OcrWord] = []
    taken: set[int] = set()
    for w in layer:  # an engine's number the layer read as a number too is no number that word lost ("1:" | "CAUSE")
        under = [k for k, o in enumerate(ocr) if overlaps(w, o) and k not in read]
        if not numbered(w) and any(numbered(ocr[k]) for k in under):
            out.extend(ocr[k] for k in under if k not in taken)
            taken.update(under)
        else:
            out.append(w)
    out.extend(o for k, o in enumerate(ocr) if k not in taken and numbered(o)  # set apart: a layer word's box is
               and not any(overlaps(o, w, NUMBER_APART) for w in layer))  # often short of its print ("CfC.1" | "1")
    return out


def lines_of_pages(plans: list[PagePlan], words: dict[int, list[OcrWord]], engine: str,
                   heights: dict[int, float]) -> tuple[list[RawRow], list[int]]:
    """The pages' words (text layer, else OCR) read as text lines, one raw row per line (no ruled table)."""
    pages = [(p.page_index, p.words or words.get(p.page_index, [])) for p in plans]
    source = LAYER_SOURCE if all(p.words for p in plans) else engine
    return words_to_line_rows(pages, f"{LINE_METHOD}/{source}", heights)


def scanned_page_words(pdf: OpenPdf, page_indexes: Iterable[int], *, engine: str | None = None, jobs: int = 1,
                       password: str | None = None, progress: Progress | None = None,
                       settings: OcrSettings | None = None
                       ) -> dict[int, tuple[list[dict], tuple[float, float], list[tuple[float, ...]]]]:
    """Given scanned pages, return their words in points with a size, each page's (width, height) and its
    ruled frames (call-out boxes, tables) in points.

    For the findings path on a scanned report: plans and OCR words the table path made are reused; other pages
    are OCR-ed (sizes are the OCR boxes' heights and nothing is bold). Each page's words are the engine's reading,
    its text layer only where no engine could read it (``report_page_words``).
    """
    settings = settings or settings_from(engine)
    plans = {}
    for index in page_indexes:
        known = [plan for (i, _kind, _forced), plan in pdf.scan_plans.items() if i == index]
        plans[index] = known[0] if known else cached_plan(pdf, index, PageKind.IMAGE_ONLY, password, True,
                                                          settings.plan_image_bytes)
    read = ocr_plans(pdf, list(plans.values()), settings, jobs, password, progress)
    out = {}
    for index, plan in plans.items():
        words = report_page_words(plan, read.get(index, []))
        height_px, width_px = plan.size
        out[index] = (words_in_points(words), (width_px / SCALE, height_px / SCALE),
                      [tuple(v / SCALE for v in box) for box in plan.boxes])
    return out


def report_page_words(plan: PagePlan, engine_words: list[OcrWord]) -> list[OcrWord]:
    """Given a scanned report page's plan and the engine's words for it, return the words to read findings from: the
    engine's, else (a page no engine could read) the text layer's.

    A scanner's text layer cannot be checked against the page the way a table's cells can: over the text-layer
    report draws measured, the engine's reading was as good or better on every one (the layers dropped whole lines,
    misread lone bullets and running-head page numbers, and spaced letters out), so the layer is the fallback.
    """
    return engine_words or plan.layer or plan.words


def words_in_points(words: list[OcrWord]) -> list[dict]:
    """Given words in level pixels, return them as the findings path's word dicts (points, a size, no bold)."""
    return [{"text": w.text, "x0": w.x0 / SCALE, "x1": w.x1 / SCALE, "top": w.top / SCALE, "bottom": w.bottom / SCALE,
             "size": round(OCR_SIZE * (w.bottom - w.top) / SCALE * 2) / 2, "fontname": ""} for w in words]


def margin_page_words(pdf: OpenPdf, page_indexes: Iterable[int], *, engine: str | None = None, jobs: int = 1,
                      password: str | None = None, settings: OcrSettings | None = None) -> dict[int, list[dict]]:
    """Given scanned pages, return the words of their top and foot margins, each inked block read on its own.

    A second reading for pages where no printed number was found: whole-page OCR (and an OCR text layer) drop
    a lone small page number. A page that cannot be read here simply gives nothing.
    """
    settings = settings or settings_from(engine)
    todo = []
    for index in page_indexes:
        known = [plan for (i, _kind, _forced), plan in pdf.scan_plans.items() if i == index]
        plan = known[0] if known else cached_plan(pdf, index, PageKind.IMAGE_ONLY, password, True)
        todo.append(OcrJob(str(pdf.path), password, index, plan.angle, settings, margins_only=True))
    return {i: words_in_points(words) for i, words in run_ocr(todo, jobs, pool=ocr_pool(pdf)).words.items()}


# --- routing: which pages go where -----------------------------------------------------------------------


def merge_by_page(first: list[RawRow], second: list[RawRow]) -> list[RawRow]:
    """Given raw rows from two extractors over disjoint pages, return them in page order with distinct table ids."""
    offset = max((r.table_id for r in first), default=0)
    for r in second:
        if r.table_id:
            r.table_id += offset
    return sorted([*first, *second], key=lambda r: r.page_index)
