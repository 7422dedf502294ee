"""Text lines of a table as units to regroup: positions, merged lines split, OCR duplicate lines dropped.

A unit is one text line of the table (or half of a line that a text/OCR conversion glued together
from two visual lines). Positions are in line heights: from the geometry when every line has it,
else counted from the line lengths (a line twice the usual width stands for two visual lines).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .pieces import Piece

FUNCTION_WORDS = frozenset(re.findall(r"\w+",
    "a an the and or nor of to in on at by for with from as that which who whom whose is are was were be been "
    "being has have had not but than into onto its their his her our this these those such any all some more "
    "most very would will can may might should could must there where when while if so no per between within "
    "against about after before under over during whether we they it also both either each other"))
TERMINAL = re.compile(r"[.!?;:][\"'’”)\]]*$")
MERGED_LINE = 1.25  # a line this many times the usual width holds two visual lines
DUPLICATE_SIMILARITY = 0.55  # adjacent lines this alike (and as long) are one line read twice
LENGTH_RATIO = 0.85
UNKNOWN_SHARE = 0.3  # share of words found nowhere else that marks the garbled reading
UNKNOWN_MARGIN = 0.15
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


@dataclass
class Unit:
    """One text line of the table (or one half of a glued line)."""

    piece: Piece
    line_no: int  # index of the source line in the run
    text: str
    ref: str
    page: str
    action: str
    part: int
    lo: float = 0.0  # position of the line's top, in line heights
    hi: float = 1.0
    weight: float = 1.0  # visual lines it stands for
    split_from: str = ""  # the glued line it was cut from
    duplicates: list[str] = field(default_factory=list)  # garbled readings of this line that were dropped


def usual_width(texts: list[str]) -> float:
    """The width in characters of a wrapped cell line: the median of the longer lines."""
    lengths = [len(t) for t in texts if len(t) >= 15]
    return float(statistics.median(lengths)) if lengths else 60.0


def is_capitalised(token: str) -> bool:
    letters = token.lstrip("\"'‘“(")
    return len(letters) > 1 and letters[0].isupper() and letters[1:2].islower()


def split_point(text: str, width: float) -> int | None:
    """Given a glued line, return the character offset where the second visual line starts, or None.

    A split needs a sentence-like start (a Capitalised word followed by a lower-case one) after
    either a sentence end or a plain word, and a second part about one line wide.
    """
    tokens = list(re.finditer(r"\S+", text))
    best: tuple[float, int] | None = None
    for i in range(len(tokens) - 1):
        prev, nxt = tokens[i].group(), tokens[i + 1].group()
        after = tokens[i + 2].group() if i + 2 < len(tokens) else ""
        if not is_capitalised(nxt) or (after and not after[:1].islower()):
            continue
        plain_end = prev.isalpha() and prev.islower() and prev not in FUNCTION_WORDS
        if not (TERMINAL.search(prev) or plain_end or prev.isdigit()):
            continue
        first, second = text[: tokens[i + 1].start()].strip(), text[tokens[i + 1].start():].strip()
        if not (0.5 * width <= len(second) <= 1.15 * width and len(first) <= 1.15 * width):
            continue
        score = abs(len(second) - width)
        if best is None or score < best[0]:
            best = (score, tokens[i + 1].start())
    return best[1] if best else None


def words_of(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def unknown_share(text: str, counts: dict[str, int]) -> float:
    """Share of the line's words that occur nowhere else in the table (OCR garble is unique)."""
    words = words_of(text)
    if not words:
        return 0.0
    own: dict[str, int] = {}
    for w in words:
        own[w] = own.get(w, 0) + 1
    return sum(1 for w in words if counts.get(w, 0) <= own[w]) / len(words)


def holds_numbers(unit: Unit) -> bool:
    """A line whose ref or page cell holds a number is an anchor candidate and never dropped as garble."""
    return bool(re.search(r"\d", unit.ref + unit.page))


def drop_garbled_duplicates(units: list[Unit]) -> list[Unit]:
    """Given units, return them without lines that are a garbled second reading of a neighbour.

    OCR run over a text layer repeats a line in garbled form; of two adjacent lines that are alike,
    the one whose words occur nowhere else in the table is the garbled reading and is dropped (kept
    on its twin so the repair can be recorded).
    """
    counts: dict[str, int] = {}
    for u in units:
        for w in words_of(u.text):
            counts[w] = counts.get(w, 0) + 1
    out: list[Unit] = []
    skip: set[int] = set()
    for i, u in enumerate(units):
        if i in skip:
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and alike(u, nxt):
            mine, theirs = unknown_share(u.text, counts), unknown_share(nxt.text, counts)
            if mine >= UNKNOWN_SHARE and mine >= theirs + UNKNOWN_MARGIN and not holds_numbers(u):
                nxt.duplicates.append(u.text)
                continue
            if theirs >= UNKNOWN_SHARE and theirs >= mine + UNKNOWN_MARGIN and not holds_numbers(nxt):
                u.duplicates.append(nxt.text)
                skip.add(i + 1)
        out.append(u)
    return out


BORN_DIGITAL = ("ruled", "stream")  # methods reading a PDF's own text, which never repeats a line in garbled form


def stacked(a: Unit, b: Unit) -> bool:
    """Whether two lines of one page stand one under the other (the second's top below the first's middle): a line read
    twice sits at one height, so two lines a pitch apart that read alike ("investigations so that: (a) every" over
    "investigation has a plan; (b)") are two lines of a cell."""
    ra, rb = a.piece.row, b.piece.row
    if None in (ra.top, ra.bottom, rb.top, rb.bottom) or ra.page_index != rb.page_index:
        return False
    return abs(rb.top - ra.top) > (ra.bottom - ra.top) / 2  # type: ignore[operator]


def alike(a: Unit, b: Unit) -> bool:
    """Two adjacent lines of one part that read like the same line twice (same length, same shape).

    Only text read by OCR or converted by another tool repeats a line; a PDF's own text never does."""
    if a.piece.row.method in BORN_DIGITAL or b.piece.row.method in BORN_DIGITAL:
        return False
    if a.part != b.part or a.piece is b.piece or min(len(a.text), len(b.text)) < 20 or stacked(a, b):
        return False
    if min(len(a.text), len(b.text)) < LENGTH_RATIO * max(len(a.text), len(b.text)):
        return False
    if abs(len(a.text.split()) - len(b.text.split())) > 2:
        return False
    return SequenceMatcher(None, a.text.lower(), b.text.lower(), autojunk=False).ratio() >= DUPLICATE_SIMILARITY


def has_geometry(pieces: list[Piece]) -> bool:
    return all(p.row.top is not None and p.row.bottom is not None for p in pieces)


def pieces_to_units(pieces: list[Piece]) -> list[Unit]:
    """Given the line pieces of one run, return its units with positions, glued lines split."""
    texts = [" ".join(p.row.issue.split()) for p in pieces]
    width = usual_width(texts)
    geometric = has_geometry(pieces)
    units: list[Unit] = []
    for n, (piece, text) in enumerate(zip(pieces, texts, strict=True)):
        row = piece.row
        base = Unit(piece=piece, line_no=n, text=text, ref=" ".join(row.ref.split()),
                    page=" ".join(row.page_ref.split()), action=row.action.strip(), part=row.table_id)
        cut = None if geometric or len(text) < MERGED_LINE * width else split_point(text, width)
        if cut is None:
            units.append(base)
            continue
        first, second = text[:cut].strip(), text[cut:].strip()
        units.append(Unit(piece=piece, line_no=n, text=first, ref=base.ref, page=base.page, action=base.action,
                          part=base.part, split_from=text))
        units.append(Unit(piece=piece, line_no=n, text=second, ref="", page="", action="", part=base.part,
                          split_from=text))
    units = drop_garbled_duplicates(units)
    place(units, width, geometric)
    return units


def place(units: list[Unit], width: float, geometric: bool) -> None:
    """Set each unit's position (in line heights): from geometry, else from line lengths."""
    if geometric:
        heights = [u.piece.row.bottom - u.piece.row.top for u in units  # type: ignore[operator]
                   if u.piece.row.bottom is not None and u.piece.row.top is not None]
        pitch = statistics.median(heights) if heights else 10.0
        pitch = pitch if pitch > 0 else 10.0
        for u in units:
            u.lo = (u.piece.row.top or 0.0) / pitch
            u.hi = (u.piece.row.bottom or 0.0) / pitch
            u.weight = max(1.0, u.hi - u.lo)
        return
    pos = 0.0
    for u in units:
        u.weight = max(1.0, len(u.text) / width) if u.text else 0.5
        u.lo, u.hi = pos, pos + u.weight
        pos = u.hi
