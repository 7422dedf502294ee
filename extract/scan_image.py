"""Page images of scans: render, deskew, find ruling lines and the cell grid they make, erase lines, test ink.

Pure image work with pypdfium2 and OpenCV, no OCR: ``scanned`` plans pages with it and the OCR
runner reads the cleaned images it produces. Pixels are at RENDER_DPI; SCALE converts to PDF points.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .ocr.base import OcrWord

if TYPE_CHECKING:
    import numpy as np

RENDER_DPI = 200
SCALE = RENDER_DPI / 72  # pixels per PDF point
MAX_SKEW = 3.0  # degrees searched when deskewing
SKEW_SCALE = 0.5  # the page is measured for skew at this share of its size
H_LINE_DIVISOR = 35  # a horizontal rule is at least page width / this long
V_LINE_PX = 30  # a vertical rule candidate is at least this many pixels tall (taller than a glyph at 200 dpi)
TOUCH_PX = 7  # how near a rule's end must come to a crossing rule to meet it
MERGE_PX = 8  # ruling lines closer than this are one line
MIN_ROW_PX = 12  # a row band thinner than this is a double rule, not a row
INK_SHARE = 0.004  # dark-pixel share above which a cell holds text
FAINT_RULE_STEP = 12  # grey levels: a pixel column this much darker than the paper down a whole row is a faint rule
FAINT_RULE_SHARE = 0.9  # of a row's height a faint rule darkens (a letter's stem on a band's edge: 0.5-0.8)
BAND_DARK = 110  # grey level below which a filled area is a dark band (light print on a dark fill)
BAND_SOLID = 0.6  # share of a dark band's box that is dark: print alone (even bold, closed) is far less
BAND_RULE_STEP = 25  # grey levels below a band's fill at which a pixel is a rule drawn on it, not fill
BAND_MIN_HEIGHT_PX = 24  # a dark band holds at least a line of print with room around it


def render_page(path: Path, page_index: int, password: str | None = None) -> np.ndarray:
    """Given a PDF and a page index, return the page as a greyscale image at RENDER_DPI."""
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path), password=password)
    try:
        bitmap = doc[page_index].render(scale=SCALE, grayscale=True)
        image = np.array(bitmap.to_numpy(), copy=True)
    finally:
        doc.close()
    return image[:, :, 0] if image.ndim == 3 else image


def skew_angle(image: np.ndarray) -> float:
    """Given a greyscale page, return the rotation in degrees (counter-clockwise) that levels its lines.

    Projection profiles: text lines and rules give the sharpest row-sum profile when level. Each candidate is turned
    without interpolation: a blend blurs every turned candidate but not the page as scanned (angle 0), which then won
    over a skew of a fraction of a degree. At half size a pixel's step is a small enough angle to tell 0.1 degree.
    """
    import cv2
    import numpy as np

    small = cv2.resize(image, None, fx=SKEW_SCALE, fy=SKEW_SCALE, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    if ink.sum() < 50:
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (w, h), flags=cv2.INTER_NEAREST)
        profile = turned.sum(axis=1)
        return float(np.square(np.diff(profile)).sum())

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.2), key=sharpness)
    fine = max(np.arange(best - 0.2, best + 0.2 + 1e-9, 0.04), key=sharpness)
    return round(float(fine), 2)


def lighten_dark_bands(image: np.ndarray) -> np.ndarray:
    """Given a level page, return it with every dark filled band (a header row shaded dark, its labels printed
    light) turned to dark print on a light fill.

    Light print on a dark fill defeats both the rule finder (the strokes between letters read as a thicket of
    short vertical rules) and OCR; inverted, the band reads like the rest of the page and its outline stays a rule.
    A band is a solid dark area at least a page-width quarter wide and a print line tall: dark print, even bold,
    closed into blobs, covers far less of its box.
    """
    import cv2
    import numpy as np

    dark = (cv2.blur(image, (3, 3)) < BAND_DARK).astype(np.uint8)
    closed = cv2.morphologyEx(dark, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9)))
    solid = cv2.morphologyEx(closed, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (BAND_MIN_HEIGHT_PX * 2, BAND_MIN_HEIGHT_PX)))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    out = image
    for x, y, w, h, _area in stats[1:count]:
        if w < image.shape[1] / 4 or float(dark[y:y + h, x:x + w].mean()) < BAND_SOLID:
            continue
        x, y, w, h = solid_core(dark[y:y + h, x:x + w], x, y)
        if out is image:
            out = image.copy()
        box = out[y:y + h, x:x + w]
        fill = float(np.median(box))
        # light print turns dark and the fill light; rules darker than the fill (a grid's column rules) stay dark
        out[y:y + h, x:x + w] = np.where(box < fill - BAND_RULE_STEP, box, 255 - box)
    return out


def solid_core(dark: np.ndarray, x: int, y: int) -> tuple[int, int, int, int]:
    """Given the dark mask of a band's box (its top left at ``x``, ``y``), return the box (x, y, w, h) without the
    edge rows and columns that are not solidly dark: the closing that finds a band bridges the few pixels of paper
    between it and print set tight against it (a body row's capitals under a header band), and that paper, inverted,
    became a black strip over the letters' tops that rule erasing then cut off."""
    rows, cols = dark.mean(axis=1) >= BAND_SOLID, dark.mean(axis=0) >= BAND_SOLID
    if not rows.any() or not cols.any():
        return x, y, dark.shape[1], dark.shape[0]
    top, bottom = int(rows.argmax()), len(rows) - int(rows[::-1].argmax())
    left, right = int(cols.argmax()), len(cols) - int(cols[::-1].argmax())
    return x + left, y + top, right - left, bottom - top


def rotation_matrix(image: np.ndarray | tuple[int, int], angle: float) -> np.ndarray:
    """Given a page (or its (height, width)) and its skew angle, return the turn about its centre that levels it."""
    import cv2

    h, w = image if isinstance(image, tuple) else image.shape[:2]
    return cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)


def deskew(image: np.ndarray, angle: float) -> np.ndarray:
    """Given a page and its skew angle, return the page turned level (white fill)."""
    import cv2

    if abs(angle) < 0.01:
        return image
    h, w = image.shape[:2]
    return cv2.warpAffine(image, rotation_matrix(image, angle), (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=255)


def ruling_masks(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Given a level page, return masks of its horizontal and vertical ruling lines."""
    import cv2

    ink = cv2.adaptiveThreshold(image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 20)
    h_len = max(40, image.shape[1] // H_LINE_DIVISOR)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1)))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, V_LINE_PX)))
    return horizontal, vertical


@dataclass(frozen=True)
class Segment:
    """One ruling line: its position across (y for horizontal, x for vertical) and its extent along."""

    at: float
    start: float
    end: float


def mask_to_segments(mask: np.ndarray, horizontal: bool) -> list[Segment]:
    """Given a line mask, return its lines as segments."""
    import cv2

    count, _labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for x, y, w, h, _area in stats[1:count]:
        if horizontal:
            out.append(Segment(y + h / 2, float(x), float(x + w)))
        else:
            out.append(Segment(x + w / 2, float(y), float(y + h)))
    return out


def cluster_positions(values: Iterable[float], tolerance: float = MERGE_PX) -> list[float]:
    """Given positions, return one position per run of values closer than ``tolerance``."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(run) / len(run) for run in out]


@dataclass
class Cell:
    x0: float
    x1: float
    col: int  # index of the table column it starts in
    span: int = 1
    words: list[OcrWord] = field(default_factory=list)


@dataclass
class GridRow:
    top: float
    bottom: float
    cells: list[Cell]


@dataclass
class Grid:
    """One ruled table on a page image: its column edges and rows of cells (pixels)."""

    box: tuple[float, float, float, float]
    columns: list[float]
    rows: list[GridRow]

    @property
    def ncols(self) -> int:
        return len(self.columns) - 1


def segments_to_grid(box: tuple[float, float, float, float], hs: list[Segment], vs: list[Segment]) -> Grid | None:
    """Given a table's box and the ruling lines inside it, return its cell grid (None if it is no table)."""
    ys = cluster_positions(s.at for s in hs)
    xs = cluster_positions(s.at for s in vs)
    if len(ys) < 2 or len(xs) < 2:
        return None
    rows = []
    for top, bottom in itertools.pairwise(ys):
        if bottom - top < MIN_ROW_PX:
            continue
        crossing = cluster_positions(s.at for s in vs if s.start <= top + MERGE_PX and s.end >= bottom - MERGE_PX)
        if len(crossing) < 2:
            continue
        cells = []
        for left, right in itertools.pairwise(crossing):
            start = min(range(len(xs)), key=lambda i: abs(xs[i] - left))
            stop = min(range(len(xs)), key=lambda i: abs(xs[i] - right))
            cells.append(Cell(left, right, start, max(1, stop - start)))
        rows.append(GridRow(top, bottom, cells))
    return Grid(box, xs, rows) if rows else None


def meets(v: Segment, h: Segment, at_end: float | None = None) -> bool:
    """Given a vertical and a horizontal rule, return True when they cross or touch (at ``at_end`` if given)."""
    if not h.start - TOUCH_PX <= v.at <= h.end + TOUCH_PX:
        return False
    if at_end is not None:
        return abs(h.at - at_end) <= TOUCH_PX
    return v.start - TOUCH_PX <= h.at <= v.end + TOUCH_PX


def table_rules(hs: list[Segment], vs: list[Segment]) -> tuple[list[Segment], list[Segment]]:
    """Given candidate rules, return those that form tables: verticals whose both ends meet a horizontal,
    horizontals met by at least two such verticals. Glyph strokes and underlines meet nothing.

    A table cut open at a page's foot or head (or both, on the middle page of a table split over three) has column
    rules that run on past its outer horizontal rules to the cut: two or more verticals whose open ends line up are
    closed there by a rule of the tool's own, so the open row is a row of the grid (``open_ends_closed``)."""
    closed, loose = [], []
    for v in (trimmed(v, hs) for v in vs):
        top, bottom = any(meets(v, h, v.start) for h in hs), any(meets(v, h, v.end) for h in hs)
        if top and bottom:
            closed.append(v)
        elif any(meets(v, h) for h in hs):
            loose.append((v, [end for end, met in ((v.start, top), (v.end, bottom)) if not met]))
    added = open_ends_closed(hs, loose)
    closed.extend(v for v, ends in loose
                  if all(any(abs(a.at - end) <= MERGE_PX and a.start <= v.at <= a.end for a in added) for end in ends))
    hs = [h for h in [*hs, *added] if sum(1 for v in closed if meets(v, h)) >= 2]
    return hs, closed


def open_ends_closed(hs: list[Segment], loose: list[tuple[Segment, list[float]]]) -> list[Segment]:
    """Given the horizontals and the verticals with open ends (each with those ends), return the rules that close a
    cut table: one along each line of two or more open ends, from the first of their verticals to the last.

    A line of ends is a cut when its verticals each cross two horizontals, or when they are a frame's sides: a
    horizontal they cross runs from the first of them to the last (a single cut row above the table's last rule).
    Letter stems standing on an underline line up too, but cross one rule that runs on past them."""
    def crossings(v: Segment) -> int:
        return sum(1 for h in hs if meets(v, h))

    added = []
    for at in cluster_positions(end for _v, ends in loose for end in ends):
        group = [v for v, ends in loose if any(abs(end - at) <= MERGE_PX for end in ends)]
        if len(group) < 2:
            continue
        left, right = min(v.at for v in group), max(v.at for v in group)
        framed = any(abs(h.start - left) <= TOUCH_PX and abs(h.end - right) <= TOUCH_PX
                     and all(meets(v, h) for v in group) for h in hs)
        if framed or all(crossings(v) >= 2 for v in group):
            added.append(Segment(at, left, right))
    return added


def trimmed(v: Segment, hs: list[Segment]) -> Segment:
    """The vertical cut back to the outermost horizontals it crosses where it runs on past them by less than a rule
    candidate's least length: a glyph touching the rule (a descender of a line just above the table) lengthens its
    mask by the stroke, and that end then met no horizontal. A longer run on (a table cut open at the page's foot)
    is left."""
    crossed = [h.at for h in hs if meets(v, h)]
    if not crossed or max(crossed) - min(crossed) < MIN_ROW_PX:
        return v  # a stroke that stands on one rule only (a letter's stem on a row's top rule) is no column rule
    top, bottom = min(crossed), max(crossed)
    start = top if 0 < top - v.start < V_LINE_PX else v.start
    end = bottom if 0 < v.end - bottom < V_LINE_PX else v.end
    return v if (start, end) == (v.start, v.end) else Segment(v.at, start, end)


def at_scan_edge(x: float, y: float, shape: tuple[int, int], angle: float) -> bool:
    """Whether a point of a level page lies on the edge of what the scan shows: the level page's own border, or the
    scan's border turned level with the page (a slant when the scan was skewed)."""
    import cv2
    import numpy as np

    h, w = shape
    back = cv2.invertAffineTransform(rotation_matrix(shape, angle)) @ np.array([x, y, 1.0])
    return any(min(a, size - 1 - a) <= TOUCH_PX for a, size in ((x, w), (y, h), (back[0], w), (back[1], h)))


def cut_at_scan_edge(vs: list[Segment], shape: tuple[int, int], angle: float) -> list[Segment]:
    """Given vertical rules, return them with the ends that run to the edge of the scan cut back to one line per
    side: a table cut open by the page's foot (or head) has column rules that run on to the page's edge, and a scan
    skewed by a degree or two loses that edge on a slant, so their open ends lie tens of pixels apart and no longer
    line up as a cut table's open ends do (``open_ends_closed``); the page's own side edges are no column rules."""
    inner = [v for v in vs if not at_scan_edge(v.at, (v.start + v.end) / 2, shape, angle)]
    feet = [v for v in inner if at_scan_edge(v.at, v.end, shape, angle)]
    heads = [v for v in inner if at_scan_edge(v.at, v.start, shape, angle)]
    foot = min((v.end for v in feet), default=None) if len(feet) > 1 else None
    head = max((v.start for v in heads), default=None) if len(heads) > 1 else None
    out = []
    for v in vs:
        start = head if head is not None and v in heads else v.start
        end = foot if foot is not None and v in feet else v.end
        out.append(Segment(v.at, start, end) if end - start >= V_LINE_PX else v)
    return out


def find_grids(image: np.ndarray, angle: float = 0.0) -> tuple[list[Grid], np.ndarray]:
    """Given a level page (and the turn that levelled it, which moves the scan's edges), return its ruled tables
    (top to bottom) and the mask of all ruling lines."""
    import cv2
    import numpy as np

    horizontal, vertical = ruling_masks(image)
    vs = cut_at_scan_edge(mask_to_segments(vertical, horizontal=False), image.shape[:2], angle)
    hs, vs = table_rules(mask_to_segments(horizontal, horizontal=True), vs)
    lines = np.zeros_like(image)
    for h in hs:
        cv2.line(lines, (int(h.start), round(h.at)), (int(h.end), round(h.at)), 255, 3)
    for v in vs:
        cv2.line(lines, (round(v.at), int(v.start)), (round(v.at), int(v.end)), 255, 3)
    lines = cv2.bitwise_and(cv2.bitwise_or(horizontal, vertical), cv2.dilate(lines, np.ones((3, 3), np.uint8)))
    joined = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    grids = []
    for x, y, w, h, _area in stats[1:count]:
        x0, y0, x1, y1 = x - 3, y - 3, x + w + 3, y + h + 3
        inside_h = [s for s in hs if y0 <= s.at <= y1 and s.start >= x0 and s.end <= x1]
        inside_v = [s for s in vs if x0 <= s.at <= x1 and s.start >= y0 and s.end <= y1]
        grid = segments_to_grid((x0, y0, x1, y1), inside_h, inside_v)
        if grid is not None:
            grids.append(with_faint_edges(grid, image))
    grids.sort(key=lambda g: g.box[1])
    return grids, lines


def faint_rule(image: np.ndarray, x: float, top: float, bottom: float) -> bool:
    """Whether a light rule runs down a row near ``x``: some pixel column there is darker than the paper all the way
    down (nearly every pixel of it: a letter's stem standing on the edge of a tight band row does not count). A thin
    rule that JPEG and greying left light grey breaks into pieces too short to read as a line."""
    import numpy as np

    strip = image[int(top) + MERGE_PX // 2:int(bottom) - MERGE_PX // 2,
                  max(0, round(x) - MERGE_PX // 2):round(x) + MERGE_PX // 2 + 1]
    if strip.shape[0] < MIN_ROW_PX // 2 or not strip.size:
        return False
    paper, darkest = float(np.median(strip)), np.median(strip, axis=0)
    column = strip[:, int(darkest.argmin())]
    return (paper - float(darkest.min()) >= FAINT_RULE_STEP
            and float(np.mean(column <= paper - FAINT_RULE_STEP)) >= FAINT_RULE_SHARE)


def with_faint_edges(grid: Grid, image: np.ndarray) -> Grid:
    """The grid with a cell that spans a column edge of the table parted there when a faint rule runs down it (a
    merged cell has no rule at all, so it stays whole)."""
    for row in grid.rows:
        cells: list[Cell] = []
        for cell in row.cells:
            for k in range(cell.col + 1, cell.col + cell.span):
                edge = grid.columns[k]
                if cell.x0 + MERGE_PX < edge < cell.x1 - MERGE_PX and faint_rule(image, edge, row.top, row.bottom):
                    cells.append(Cell(cell.x0, edge, cell.col, k - cell.col))
                    cell = Cell(edge, cell.x1, k, cell.col + cell.span - k)
            cells.append(cell)
        row.cells = cells
    return grid


def erase_lines(image: np.ndarray, lines: np.ndarray) -> np.ndarray:
    """Given a page and its ruling-line mask, return the page with the lines painted white (cleaner OCR)."""
    import cv2

    wide = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    out = image.copy()
    out[wide > 0] = 255
    return out


def has_ink(clean: np.ndarray, row: GridRow, cell: Cell) -> bool:
    """Given a page with its rules erased, return True when the cell holds print."""
    patch = clean[int(row.top) + 3:int(row.bottom) - 2, int(cell.x0) + 3:int(cell.x1) - 2]
    return bool(patch.size) and float((patch < 128).mean()) >= INK_SHARE


def cells_with_ink(image: np.ndarray, lines: np.ndarray, grids: list[Grid]) -> list[tuple[GridRow, Cell]]:
    """Given a page, its line mask and grids, return the cells (with their rows) that hold any print."""
    clean = erase_lines(image, lines)
    return [(row, cell) for grid in grids for row in grid.rows for cell in row.cells if has_ink(clean, row, cell)]


def inside(word: OcrWord, cell: Cell, row: GridRow | None) -> bool:
    if not cell.x0 <= word.x_mid <= cell.x1:
        return False
    return row is None or row.top <= word.y_mid <= row.bottom


# --- text measures: letter height, text lines in a block ------------------------------------------------

LETTER_PX = (4, 60)  # a connected ink blob this tall (pixels at RENDER_DPI) may be a letter
PRINT_PX = 8  # ... and one at least this tall (3 pt) is no speck or stop: a blurred 150 dpi scan's JPEG specks
# outnumber its letters and made them "6 px" (9471-113), so a block a line tall was too tall to be print
INK_LEVEL = 160  # grey level below which a pixel of a block of print is ink: a blurred 150 dpi scan leaves a lone thin
# "1." no darker than 115-160 (9471-113); the lightest fill drawn behind print is lighter (#BFBFBF, 191)
MIN_LETTERS = 20  # fewer letter-sized blobs than this: too little text to measure


def letter_height(image: np.ndarray, least: int = LETTER_PX[0]) -> float | None:
    """Given a greyscale page, return the median height of its letters in pixels (None when it holds too few), blobs
    under ``least`` pixels left out (``PRINT_PX``: specks and stops too).

    Connected ink blobs on a half-size copy: cheap (a few ms) and, on text, between the x-height and
    the cap height, which is what sets how small the page can be for text detection (measured with every blob of
    ``LETTER_PX``, as the detection scale was tuned).
    """
    import cv2
    import numpy as np

    small = image[::2, ::2]
    ink = (small < 128).astype(np.uint8)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:count, cv2.CC_STAT_HEIGHT] * 2
    widths = stats[1:count, cv2.CC_STAT_WIDTH] * 2
    letters = heights[(heights >= least) & (heights <= LETTER_PX[1]) & (widths <= 2 * heights)]
    return float(np.median(letters)) if len(letters) >= MIN_LETTERS else None


def gaps_inside(clean: np.ndarray, box: tuple[float, float, float, float], least: int, wide: float
                ) -> list[tuple[int, int]]:
    """Given a page with its rules erased, a word's box (x0, top, x1, bottom) and a width in pixels, return the white
    runs (x0, x1) at least ``wide`` across between the word's first print and its last, read across the middle half of
    the box (the lines above and below reach into its edges) with blobs shorter there than ``least`` pixels left out:
    a scan's specks (one can stand in a gutter), stops and hyphens part no two letters."""
    import cv2
    import numpy as np

    x0, top, x1, bottom = (max(0, round(v)) for v in box)
    quarter = (bottom - top) // 4
    band = clean[top + quarter:bottom - quarter, x0:x1] < INK_LEVEL
    if not band.size or max((b - a for a, b in white_runs(band.any(axis=0))), default=0) < wide / 2:
        return []  # letters set apart at most a letter's gap, specks or not: the common case, cheap
    count, labels, stats, _ = cv2.connectedComponentsWithStats(band.astype(np.uint8), connectivity=8)
    tall = np.zeros(count, bool)
    tall[1:] = stats[1:, cv2.CC_STAT_HEIGHT] >= least
    return [(x0 + a, x0 + b) for a, b in white_runs(tall[labels].any(axis=0)) if b - a >= wide]


def white_runs(inked: np.ndarray) -> list[tuple[int, int]]:
    """Given which columns hold ink, return the runs (start, end) of blank columns between the first inked column
    and the last."""
    import numpy as np

    at = np.flatnonzero(inked)
    steps = np.flatnonzero(np.diff(at) > 1)
    return [(int(at[k]) + 1, int(at[k + 1])) for k in steps]


def text_bands(block: np.ndarray, min_gap: int = 1) -> list[tuple[int, int, int, int]]:
    """Given a small greyscale crop holding one block of text, return its text lines as (x0, top, x1, bottom).

    Rows with ink, split where at least ``min_gap`` rows hold none; each band is trimmed to its ink
    horizontally. No model: a table cell's lines are level and apart once the rules are erased.
    """
    import numpy as np

    ink = block < INK_LEVEL
    rows = ink.sum(axis=1) > 0
    bands: list[tuple[int, int, int, int]] = []
    y = 0
    height = len(rows)
    while y < height:
        if not rows[y]:
            y += 1
            continue
        top = y
        while y < height and (rows[y] or rows[y:y + min_gap].any()):
            y += 1
        cols = np.flatnonzero(ink[top:y].any(axis=0))
        bands.append((int(cols[0]), top, int(cols[-1]) + 1, y))
    return bands


# --- margins: lone page numbers whole-page detection misses ------------------------------------------------

JOIN_PX = 12  # ink closer than this along a line is one block (a word space at 200 dpi is about 6 px)
MIN_BLOCK_INK = 12  # dark pixels: fewer is scanner noise, not print


def margin_blocks(clean: np.ndarray, share: float, limit: int) -> list[tuple[int, int, int, int]]:
    """Given a page with its rules erased, return (top, bottom, left, right) of the inked blocks of text in its
    top and bottom ``share`` of height: at most ``limit`` per band, the inkiest first.

    Text detection on a whole page drops a lone small token (a centred "7" in a footer); read on its own, as
    a block, it comes back. The blocks of the row nearest the page's edge come first (the running head or footer
    that prints the number), then the inkiest: a chapter heading inside the band must not crowd out a lone "1".
    """
    height = clean.shape[0]
    band = int(height * share)
    out = []
    for y0, y1 in ((0, band), (height - band, height)):
        found = []
        for dark, (top, bottom, left, right) in ink_blocks(clean[y0:y1]):
            if LETTER_PX[0] + 2 <= bottom - top <= LETTER_PX[1]:
                middle = (top + bottom) / 2
                edge = middle if y0 == 0 else band - middle  # the middle's distance from the page edge
                found.append((round(edge / LETTER_PX[1]), -dark, (y0 + top, y0 + bottom, left, right)))
        out += [box for _, _, box in sorted(found)[:limit]]
    return out


def unread_part(clean: np.ndarray, covered: np.ndarray, block: tuple[int, int, int, int], covered_share: float
                ) -> tuple[int, int, int, int] | None:
    """Given an inked block (top, bottom, left, right) and the pixels words read cover, return the block as it
    stands without its covered ink, or None when more than ``covered_share`` of its ink (any, at 0.0) is covered."""
    import numpy as np

    top, bottom, left, right = block
    hidden = covered[top:bottom, left:right]
    if not hidden.any():
        return block
    ink = clean[top:bottom, left:right] < INK_LEVEL
    free = ink & ~hidden
    total = int(ink.sum())
    if not total or int(free.sum()) < (1 - covered_share) * total or not free.any():
        return None
    rows, cols = np.flatnonzero(free.any(axis=1)), np.flatnonzero(free.any(axis=0))
    return top + int(rows[0]), top + int(rows[-1]) + 1, left + int(cols[0]), left + int(cols[-1]) + 1


def ink_blocks(clean: np.ndarray) -> list[tuple[int, tuple[int, int, int, int]]]:
    """Given a page (or band) with its rules erased, return its inked blocks of text as (dark pixels, (top, bottom,
    left, right)): ink closer than a word space along a line joined, scanner specks left out."""
    import cv2
    import numpy as np

    ink = (clean < INK_LEVEL).astype(np.uint8)
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (JOIN_PX, 3)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined)
    found = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        dark = int(ink[y:y + h, x:x + w][labels[y:y + h, x:x + w] == label].sum())
        if dark >= MIN_BLOCK_INK:
            found.append((dark, (int(y), int(y + h), int(x), int(x + w))))
    return found


def missed_blocks(clean: np.ndarray, boxes: list[tuple[float, float, float, float]], heights: tuple[float, float],
                  limit: int, covered_share: float = 0.0, letters: float | None = None
                  ) -> list[tuple[int, int, int, int]]:
    """Given a page with its rules erased and the boxes (x0, top, x1, bottom) of the words read on it, return
    (top, bottom, left, right) of the inked blocks that words leave unread and that stand as tall as a line of the
    page's text (``heights``: bounds as multiples of its letters' height, specks left out); at most ``limit``, the
    inkiest.

    Text detection drops a lone narrow token (a ref "1" alone in its column); read on its own it comes back. It may
    drop a whole line too yet read the footnote mark raised at its end: a block whose ink boxes cover at most
    ``covered_share`` of is still missed, measured and returned without the covered ink (the mark made the line
    look taller than a line). ``letters``: the page's letter height if the caller measured it already.
    """
    import numpy as np

    letters = letters or letter_height(clean, PRINT_PX)
    if letters is None:
        return []
    covered = np.zeros(clean.shape[:2], bool)
    for x0, top, x1, bottom in boxes:
        covered[max(0, int(top)):int(bottom) + 1, max(0, int(x0)):int(x1) + 1] = True
    found = []
    for dark, block in ink_blocks(clean):
        uncovered = unread_part(clean, covered, block, covered_share)
        if uncovered is not None and heights[0] * letters <= uncovered[1] - uncovered[0] <= heights[1] * letters:
            found.append((dark, uncovered))
    return [box for _, box in sorted(found, reverse=True)[:limit]]
