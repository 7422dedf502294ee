"""The normaliser's working unit before rows are whole: a raw row with the section it falls under."""

from __future__ import annotations

from dataclasses import dataclass, field

from hmic_extract.model import RawRow, Region, Repair


@dataclass
class Piece:
    """A raw table row (or text line) on its way to becoming a Finding."""

    row: RawRow
    section: str = ""
    theme: str = ""
    extra_pages: list[int] = field(default_factory=list)  # PDF pages of merged fragments
    notes: list[str] = field(default_factory=list)  # what was merged into it, for provenance
    repairs: list[Repair] = field(default_factory=list)  # repairs made before it became a Finding
    flags: list[str] = field(default_factory=list)  # review flags raised before it became a Finding
    regions: list[Region] = field(default_factory=list)  # where its lines were read, when regrouped from lines
    block: int = 0  # rows under one title or band; a row's lines never cross into another block (a repeated
    # header does not end one: a row cut by a page break goes on under it)
