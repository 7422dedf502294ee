"""Regroup one-row-per-text-line input (stream tables, OCR, pipe text) into whole table rows.

Input pieces with ``row.is_line`` are single text lines; output pieces are whole logical rows
(ref, page ref and the issue text of all their lines), ready for ``merge_continuations``.
"""

from __future__ import annotations

from .pieces import Piece


def regroup_lines(pieces: list[Piece]) -> list[Piece]:
    """Given pieces, return them with runs of line pieces regrouped into whole-row pieces."""
    if not any(p.row.is_line for p in pieces):
        return pieces
    raise NotImplementedError("line-row reconstruction is not built yet")
