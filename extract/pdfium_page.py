"""Fast page primitives from pdfium (C): ruling edges, text in a box, text lines.

pdfplumber builds every character as a Python dict through pdfminer (about 0.1-0.2 s a page);
pdfium hands the same facts over in milliseconds. Edges come out in pdfplumber's own edge format,
so pdfplumber's table functions (merge_edges -> edges_to_intersections -> intersections_to_cells ->
cells_to_tables) build the grid: the algorithm stays the library's, only the parsing is faster.
Coordinates are pdfplumber's: points from the page's top-left corner.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

MIN_EDGE = 3.0  # points: shorter strokes are glyph parts or dots, not ruling lines
FLAT = 1.0  # points: how far a ruling line may deviate from horizontal/vertical
MAX_RULE = 3.0  # points: a filled box thinner than this one way is a rule; thicker both ways, shading


@dataclass
class PdfiumPage:
    """One pdfium page with its text page, sized once.

    pdfium reports paths and text in the page's own user space; a page may be rotated for display
    (/Rotate) and its box need not start at (0, 0). Everything handed out here is in the *view*: the
    page as a reader sees it, points from its top-left corner (pdfplumber's convention).
    """

    page: Any  # pypdfium2.PdfPage
    text: Any  # pypdfium2.PdfTextPage
    width: float  # of the view
    height: float
    rotation: int = 0  # degrees clockwise, 0/90/180/270
    left: float = 0.0  # user-space origin of the page box
    bottom: float = 0.0
    box_width: float = 0.0  # user-space size of the page box (before rotation)
    box_height: float = 0.0

    @classmethod
    def load(cls, document: Any, index: int) -> PdfiumPage:
        page = document[index]
        left, bottom, right, top = page.get_bbox()
        rotation = page.get_rotation() % 360
        box_width, box_height = right - left, top - bottom
        width, height = (box_height, box_width) if rotation in (90, 270) else (box_width, box_height)
        return cls(page, page.get_textpage(), width, height, rotation, left, bottom, box_width, box_height)

    def close(self) -> None:
        self.text.close()
        self.page.close()

    def to_view(self, x: float, y: float) -> tuple[float, float]:
        """Given a user-space point, return it in the view as (x, distance from the top)."""
        x, y = x - self.left, y - self.bottom
        w, h = self.box_width, self.box_height
        if self.rotation == 90:
            return y, x
        if self.rotation == 180:
            return w - x, y
        if self.rotation == 270:
            return h - y, w - x
        return x, h - y

    def to_user_rect(self, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """Given a view box (x0, top, x1, bottom), return the user-space rectangle (left, bottom, right, top)."""
        corners = [self.from_view(x, t) for x in (bbox[0], bbox[2]) for t in (bbox[1], bbox[3])]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return min(xs), min(ys), max(xs), max(ys)

    def from_view(self, vx: float, vtop: float) -> tuple[float, float]:
        """The inverse of ``to_view``."""
        w, h = self.box_width, self.box_height
        if self.rotation == 90:
            x, y = vtop, vx
        elif self.rotation == 180:
            x, y = w - vx, vtop
        elif self.rotation == 270:
            x, y = w - vtop, h - vx
        else:
            x, y = vx, h - vtop
        return x + self.left, y + self.bottom

    # --- ruling lines ---------------------------------------------------------------------------

    def edges(self) -> list[dict]:
        """Return the page's horizontal and vertical path segments as pdfplumber edge dicts."""
        import pypdfium2.raw as raw

        x, y = ctypes.c_float(), ctypes.c_float()
        out: list[dict] = []
        for obj in self.page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            if self.is_fill(obj):
                continue
            matrix = obj.get_matrix()
            points: list[tuple[float, float]] = []
            start: tuple[float, float] | None = None
            for k in range(raw.FPDFPath_CountSegments(obj.raw)):
                seg = raw.FPDFPath_GetPathSegment(obj.raw, k)
                raw.FPDFPathSegment_GetPoint(seg, x, y)
                point = self.to_view(*matrix.on_point(x.value, y.value))
                kind = raw.FPDFPathSegment_GetType(seg)
                if kind == raw.FPDF_SEGMENT_MOVETO or not points:
                    points = [point]
                    start = point
                    continue
                if kind == raw.FPDF_SEGMENT_LINETO:
                    self._add_edge(out, points[-1], point)
                points.append(point)
                if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                    self._add_edge(out, point, start)
        return out

    @staticmethod
    def is_fill(obj: Any) -> bool:
        """A path that is only filled and thicker than a rule both ways: shading (a row's or a cell's fill), not
        a ruling line. A filled sliver (a border some producers draw as a thin filled box) is a rule."""
        import pypdfium2.raw as raw

        mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke)):
            return False
        if stroke.value or not mode.value:
            return False
        left, bottom, right, top = obj.get_bounds()
        return min(right - left, top - bottom) > MAX_RULE

    def fills(self) -> list[tuple[float, float, float, float]]:
        """The page's shading: filled boxes thicker than a rule, as (x0, top, x1, bottom) in the view."""
        import pypdfium2.raw as raw

        out = []
        for obj in self.page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            if self.is_fill(obj):
                left, bottom, right, top = obj.get_bounds()
                corners = [self.to_view(x, y) for x in (left, right) for y in (bottom, top)]
                xs, ys = [c[0] for c in corners], [c[1] for c in corners]
                out.append((min(xs), min(ys), max(xs), max(ys)))
        return out

    def _add_edge(self, out: list[dict], a: tuple[float, float], b: tuple[float, float]) -> None:
        """Add the segment a-b (view points: x, top) when it is a horizontal or vertical ruling line."""
        (x0, t0), (x1, t1) = a, b
        if abs(t0 - t1) <= FLAT and abs(x1 - x0) >= MIN_EDGE:
            top = (t0 + t1) / 2
            lo, hi = sorted((x0, x1))
            out.append({"x0": lo, "x1": hi, "top": top, "bottom": top, "width": hi - lo, "height": 0.0,
                        "orientation": "h", "object_type": "line"})
        elif abs(x0 - x1) <= FLAT and abs(t1 - t0) >= MIN_EDGE:
            xm = (x0 + x1) / 2
            top, bottom = sorted((t0, t1))
            out.append({"x0": xm, "x1": xm, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top,
                        "orientation": "v", "object_type": "line"})

    # --- text -----------------------------------------------------------------------------------

    def text_in(self, bbox: tuple[float, float, float, float]) -> str:
        """Return the text inside a (x0, top, x1, bottom) box, its lines separated by newlines."""
        left, bottom, right, top = self.to_user_rect(bbox)
        text = self.text.get_text_bounded(left=left, bottom=bottom, right=right, top=top)
        # pdfium marks a hyphen that ends a line as U+0002 / U+FFFE and drops the line break after it.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text.replace("\x02", "-\n").replace("\ufffe", "-\n")

    def glyphs(self) -> list:
        """Return every drawn character as a ``Glyph`` in the view (loose boxes: font ascent to descent).

        Characters pdfium generates (spaces and line breaks it infers) are left out: words are separated
        by the gaps between glyphs, and by the space characters the PDF itself draws (kept as " " glyphs).
        A hyphen pdfium marks as ending a line (U+0002/U+FFFE) is a hyphen.
        """
        import pypdfium2.raw as raw

        from .table.text import Glyph

        out = []
        handle = self.text.raw
        matrix = raw.FS_MATRIX()
        for i in range(self.text.count_chars()):
            code = raw.FPDFText_GetUnicode(handle, i)
            if raw.FPDFText_IsGenerated(handle, i) == 1 or (code < 32 and code not in (2,)) or code == 0x7F:
                continue
            text = "-" if code in (2, 0xFFFE) else " " if code in (32, 0xA0) else chr(code)
            left, bottom, right, top = self.text.get_charbox(i, loose=True)
            corners = [self.to_view(x, y) for x in (left, right) for y in (bottom, top)]
            xs, tops = [c[0] for c in corners], [c[1] for c in corners]
            size = raw.FPDFText_GetFontSize(handle, i)
            if raw.FPDFText_GetMatrix(handle, i, ctypes.byref(matrix)):  # the size as set on the page
                size *= (matrix.c ** 2 + matrix.d ** 2) ** 0.5 or 1.0
            out.append(Glyph(text, min(xs), min(tops), max(xs), max(tops), size=size, drawn=len(out)))
        return out

    def stroke_widths(self) -> list[float]:
        """The stroke widths of the page's path objects (for estimating rule thickness)."""
        import pypdfium2.raw as raw

        width = ctypes.c_float()
        out = []
        for obj in self.page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=8):
            if raw.FPDFPageObj_GetStrokeWidth(obj.raw, width) and width.value > 0:
                out.append(float(width.value))
        return out

    def text_lines(self) -> list[tuple[str, float, float, float, float]]:
        """Return the page's text lines as (text, x0, top, x1, bottom), top to bottom.

        pdfium's text rectangles are runs of text on one line; runs that share a baseline band are
        joined into one line.
        """
        runs = []
        for k in range(self.text.count_rects()):
            left, bottom, right, top = self.text.get_rect(k)
            corners = [self.to_view(x, y) for x in (left, right) for y in (bottom, top)]
            xs, tops = [c[0] for c in corners], [c[1] for c in corners]
            runs.append((min(tops), max(tops), min(xs), max(xs)))
        runs.sort()
        lines: list[list[float]] = []
        for top, bottom, left, right in runs:
            if lines and top < lines[-1][3] - 0.4 * (bottom - top):  # overlaps the previous line band
                line = lines[-1]
                line[0], line[1] = min(line[0], left), max(line[1], right)
                line[2], line[3] = min(line[2], top), max(line[3], bottom)
            else:
                lines.append([left, right, top, bottom])
        out = []
        for left, right, top, bottom in lines:
            text = " ".join(self.text_in((left - 0.5, top, right + 0.5, bottom)).split())
            if text:
                out.append((text, left, top, right, bottom))
        return out

    def plain_text(self) -> str:
        return self.text.get_text_range()

    # --- what the page is made of ---------------------------------------------------------------

    def image_cover(self) -> float:
        """Share of the page covered by its largest image (a scan covers nearly all of it)."""
        import pypdfium2.raw as raw

        area = (self.width * self.height) or 1.0
        largest = 0.0
        for obj in self.page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=8):
            left, bottom, right, top = obj.get_bounds()
            largest = max(largest, abs((right - left) * (top - bottom)))
        return largest / area


@dataclass(frozen=True)
class PageFacts:
    """What one cheap pass over a page tells every later stage: its text and what it is made of."""

    text: str  # plain text, lines separated by "\n"
    chars: int  # non-blank characters in the text layer
    image_cover: float  # share of the page under its largest image


def scan_pages(document: Any) -> list[PageFacts]:
    """Given a pdfium document, return every page's facts, loading each page once."""
    facts = []
    for index in range(len(document)):
        page = PdfiumPage.load(document, index)
        try:
            text = page.plain_text().replace("\r\n", "\n").replace("\r", "\n")
            chars = len("".join(text.split()))
            facts.append(PageFacts(text, chars, page.image_cover()))
        finally:
            page.close()
    return facts
