"""Turn the boxes a row was read from into the few page regions a reviewer is shown.

A finding read from twelve text lines is one region per page (per column on a two-column page), not twelve
boxes: the reviewer wants to see the block, outlined once. Both the annex normaliser (raw rows with page and
top/bottom) and the report findings path (lines with full boxes) hand their boxes here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Region

ROUND = 1  # decimals kept (a tenth of a point is far below what a rendered page shows)


def band(page: int, top: float | None, bottom: float | None) -> Region | None:
    """Given a page and a row's top/bottom (x unknown), return its region across the page, or None when unknown."""
    if top is None or bottom is None:
        return None
    return (page, 0.0, round(top, ROUND), 0.0, round(bottom, ROUND))


def overlaps(a: Region, b: Region) -> bool:
    """True when two regions on one page share horizontal extent (bands span the page, so always share it)."""
    if a[3] <= a[1] or b[3] <= b[1]:
        return True
    return a[1] < b[3] and b[1] < a[3]


def union(a: Region, b: Region) -> Region:
    whole = a[3] <= a[1] or b[3] <= b[1]
    x0, x1 = (0.0, 0.0) if whole else (min(a[1], b[1]), max(a[3], b[3]))
    return (a[0], x0, min(a[2], b[2]), x1, max(a[4], b[4]))


def merge_regions(boxes: Iterable[Region | None]) -> list[Region]:
    """Given boxes in reading order, return one region per page and column: a box joins the last region of its
    page that it shares horizontal extent with, else starts a new one."""
    out: list[Region] = []
    for box in boxes:
        if box is None:
            continue
        box = (box[0], *(round(v, ROUND) for v in box[1:]))  # type: ignore[assignment]
        for i in range(len(out) - 1, -1, -1):
            if out[i][0] == box[0] and overlaps(out[i], box):
                out[i] = union(out[i], box)
                break
        else:
            out.append(box)
    return out
