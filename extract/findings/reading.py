"""Reading order: which column a line belongs to, and the order a reader takes the lines of a page in.

Lines spanning the gutter (a full-width heading, a box across the page) cut a two-column page into
bands; inside a band the left column is read before the right one.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from .lines import DOT_LEADER, Line
from .settings import ReportSettings


def assign_columns(lines: list[Line], width: float, settings: ReportSettings) -> None:
    """Mark lines of two-column pages as left (1) or right (2) column; lines spanning the gutter stay 0.

    A page is set in two columns when text starts right of the middle while hardly any line crosses the middle
    (a full-width heading or box may); a narrow column of numbers (a table's page column) is not a column of
    text (a short line of words is, beside a left column of enough lines), and a one-column page with a table
    beside its prose has many lines crossing the middle.
    """
    mid = width / 2
    edge = settings.column_edge
    right = [ln for ln in lines if ln.x0 >= mid - edge and len(ln.text.split()) >= 3]
    left = [ln for ln in lines if ln.x1 <= mid + edge]
    if not right and len(left) >= settings.min_column_lines:  # the left column alone shows the page's columns: a
        # short line right of it (a finding's last words carried over) is the right column's
        right = [ln for ln in lines if ln.x0 >= mid - edge and any(c.isalpha() for c in ln.text)]
    crossing = [ln for ln in lines if ln.x0 < mid - edge and ln.x1 > mid + edge]
    if not right or len(left) + len(right) < settings.min_column_lines \
            or len(crossing) > max(2, 0.15 * len(lines)):
        return
    for ln in lines:
        if ln.x1 <= mid + edge:
            ln.column = 1
        elif ln.x0 >= mid - edge:
            ln.column = 2


def count_peers(lines: list[Line]) -> None:
    """Set each line's ``peers``: the other fragments on its physical row in its own column (table cells)."""
    rows: dict[tuple[int, int], list[Line]] = defaultdict(list)
    for ln in lines:
        rows[(ln.row, ln.column)].append(ln)
    for ln in lines:
        ln.peers = len(rows[(ln.row, ln.column)]) - 1 + (1 if DOT_LEADER.search(ln.text) else 0)


def mark_merged_table_rows(lines: list[Line]) -> None:
    """A table row whose cells sit too close to split (one fragment running over a column boundary of the rows
    around it) is a table row too: give it a peer, so it is read as a table cell, not prose. It stands among the
    table's rows: no further from the nearest than the table's rows stand from one another (a title set below a
    table, a paragraph's space off, is not one of its rows)."""
    for ln in lines:
        if ln.peers:
            continue
        reach = 2.5 * ln.size
        near = [o for o in lines if o.peers and o.column == ln.column and o.page == ln.page
                and abs(o.top - ln.top) <= 2.5 * max(ln.size, o.size)]
        boundaries = {o.x0 for o in near for other in near if other.row == o.row and other.x0 < o.x0}
        if not any(ln.x0 < b - 2 < ln.x1 - 2 for b in boundaries):
            continue
        tops = sorted({o.top for o in lines if o.peers and o.column == ln.column and o.page == ln.page})
        spacing = max((b - a for a, b in pairwise(tops) if b - a <= reach), default=reach)
        if min(abs(o.top - ln.top) for o in near) <= spacing + 0.1 * ln.size:
            ln.peers = 1


def reading_order(lines: list[Line]) -> list[Line]:
    """Given a page's lines with columns marked, return them in reading order: in a band, column by column, row by
    row (the pieces of one row left to right, whichever OCR boxed a point higher)."""
    row_top: dict[tuple[int, int], float] = {}
    for ln in lines:
        row_top[(ln.row, ln.column)] = min(ln.top, row_top.get((ln.row, ln.column), ln.top))
    by_row = len({ln.row for ln in lines}) > 1  # (lines made without their rows all say row 0)

    def key(ln: Line) -> tuple[int, float, float]:
        return (ln.column, row_top[(ln.row, ln.column)], ln.x0) if by_row else (ln.column, ln.top, ln.x0)

    out: list[Line] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda x: (x.top, x.x0)):
        if ln.column == 0 and any(b.column for b in band):
            out.extend(sorted(band, key=key))
            band = []
        band.append(ln)
    out.extend(sorted(band, key=key))
    return out


def order_pages(pages: dict[int, list[Line]], widths: dict[int, float], settings: ReportSettings) -> list[Line]:
    """Given each page's lines, return all of them in reading order, page after page."""
    ordered: list[Line] = []
    for index in sorted(pages):
        assign_columns(pages[index], widths[index], settings)
        count_peers(pages[index])
        mark_merged_table_rows(pages[index])
        ordered.extend(reading_order(pages[index]))
    return ordered
