"""Reading order: which column a line belongs to, and the order a reader takes the lines of a page in.

Lines spanning the gutter (a full-width heading, a box across the page) cut a two-column page into
bands; inside a band the left column is read before the right one.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .lines import Line
from .settings import ReportSettings


def assign_columns(lines: list[Line], width: float, settings: ReportSettings) -> None:
    """Mark lines of two-column pages as left (1) or right (2) column; lines spanning the gutter stay 0."""
    mid = width / 2
    right_edges = Counter(round(ln.x0 / settings.column_edge) for ln in lines if ln.x0 > mid)
    if not right_edges or right_edges.most_common(1)[0][1] < settings.min_column_lines:
        return
    for ln in lines:
        if ln.x1 <= mid + settings.column_edge:
            ln.column = 1
        elif ln.x0 >= mid - settings.column_edge:
            ln.column = 2


def count_peers(lines: list[Line]) -> None:
    """Set each line's ``peers``: the other fragments on its physical row in its own column (table cells)."""
    rows: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for ln in lines:
        rows[(ln.row, ln.column)].append(ln)
    for ln in lines:
        ln.peers = len(rows[(ln.row, ln.column)]) - 1


def reading_order(lines: list[Line]) -> list[Line]:
    """Given a page's lines with columns marked, return them in reading order."""
    out: list[Line] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda x: (x.top, x.x0)):
        if ln.column == 0 and any(b.column for b in band):
            out.extend(sorted(band, key=lambda x: (x.column, x.top, x.x0)))
            band = []
        band.append(ln)
    out.extend(sorted(band, key=lambda x: (x.column, x.top, x.x0)))
    return out


def order_pages(pages: dict[int, list[Line]], widths: dict[int, float], settings: ReportSettings) -> list[Line]:
    """Given each page's lines, return all of them in reading order, page after page."""
    ordered: list[Line] = []
    for index in sorted(pages):
        assign_columns(pages[index], widths[index], settings)
        count_peers(pages[index])
        ordered.extend(reading_order(pages[index]))
    return ordered
