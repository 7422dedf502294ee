"""Blocks put right after grouping: footnotes that do not look like footnotes, bullets OCR read as letters.

Both need the blocks around them (what follows a note at a column's foot; a run of items after a lead-in),
which ``blocks`` does not see while it groups lines.
"""

from __future__ import annotations

import re

from .blocks import LOOKALIKE_BULLET, Block
from .settings import ReportSettings


def repair_blocks(blocks: list[Block], settings: ReportSettings) -> list[Block]:
    """Given blocks in reading order, mark footnotes as captions and, on a scan, misread bullets as items."""
    mark_footnotes(blocks, settings)
    if settings.weightless:
        read_lookalike_bullets(blocks)
        read_lost_bullets(blocks, settings)
    return blocks


FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-Z]")
FINDING_MODAL = re.compile(r"(?i)\b(?:should|must|needs?\s+to)\b")  # what a finding says and a note does not


def mark_footnotes(blocks: list[Block], settings: ReportSettings) -> None:
    """A short paragraph opened by a note number, set apart at the foot of its column (the next block is on another
    page or column), that says nothing should or must be done, is a footnote: a caption, even where OCR sizes do
    not show it smaller."""
    for before, block, after in zip(blocks, blocks[1:], [*blocks[2:], None], strict=False):
        first, last = block.lines[0], before.lines[-1]
        if block.kind == "para" and FOOTNOTE.match(first.text):
            note = block.flat.split(None, 1)[1]
        elif block.kind == "item" and block.marker.isdigit() and first.text[:1].isupper():  # the number set apart
            note = block.flat
        else:
            continue
        if FINDING_MODAL.search(note) or len(block.lines) > settings.footnote_lines or last.page != first.page \
                or last.column != first.column or first.top - last.bottom <= 2 * settings.para_gap:
            continue
        if after is None or (after.lines[0].page, after.lines[0].column) != (first.page, first.column) \
                or after.lines[0].top < first.top:
            block.kind = "caption"


# apart, or glued: "o The force …", "oThe force …"; a capital apart before a word in lower case: "O review its …"
LONE_O = re.compile(r"^(?:([o°])(?:\s+(?=[A-Z])|(?=[A-Z][a-z]))|(O)\s+(?=[a-z]{2}))")


def read_lookalike_bullets(blocks: list[Block]) -> None:
    """OCR reads a hollow bullet as a letter ("o", "0"): paragraphs after a lead-in ending ":" that all open with
    the same such letter (two or more in a row) are that lead-in's items; the letter is their marker. A lone
    "o" before a capital ("o The force should …"), or glued to a capital and a small letter ("oThe", which no
    word opens with), or a lone "O" before a small letter ("O review …", no sentence opens so), is a bullet
    wherever it stands."""
    for block in blocks:
        m = LONE_O.match(block.lines[0].text) if block.kind == "para" else None
        if m is not None:
            letter = m.group(1) or m.group(2)
            block.lines[0].marker, block.lines[0].text = letter, block.lines[0].text[m.end():]
            block.kind, block.marker = "item", letter
    for i, block in enumerate(blocks):
        if block.kind != "para" or not block.flat.rstrip().endswith(":"):
            continue
        run: list[tuple[Block, str, int]] = []
        for after in blocks[i + 1:]:
            if after.kind != "para":
                break
            m = LOOKALIKE_BULLET.match(after.lines[0].text)
            letter = (m.group(1) or m.group(2)) if m else ""
            if m is None and after.lines[0].text[:1].islower():  # a fragment whose bullet OCR lost altogether
                run.append((after, "", 0))
                continue
            if m is None or any(seen and seen != letter for _, seen, _ in run):
                break
            run.append((after, letter, m.end()))
        letters = {letter for _, letter, _ in run if letter}
        if len(letters) != 1 or sum(1 for _, letter, _ in run if letter) < 2:
            continue
        letter = letters.pop()
        for after, _, end in run:
            first = after.lines[0]
            first.marker, first.text = letter, first.text[end:]
            after.kind, after.marker = "item", letter


MIN_LOST_ITEMS = 2  # paragraphs set in alike before they count as a list (one alone may be a quotation)


def text_start(block: Block) -> float:
    """Where a paragraph's text, or an item's after its marker, starts."""
    first = block.lines[0]
    return first.text_x0 if block.kind == "item" and first.text_x0 > first.x0 else first.x0


def read_lost_bullets(blocks: list[Block], settings: ReportSettings) -> None:
    """OCR drops small bullets altogether: two or more paragraphs right under a heading, each set in from the
    heading by at least a bullet's width and all at one indent, are its list's items; so are fewer among items
    whose bullets were read and whose text starts at that indent. (A box's title is set in as far as its text, so
    a box's paragraphs are not.)"""
    indent = max(settings.indent_slack, 0.8 * settings.body_size)
    for i, head in enumerate(blocks):
        if head.kind != "heading":
            continue
        first = head.lines[0]
        run: list[Block] = []
        for after in blocks[i + 1:]:
            start, x = after.lines[0], text_start(after)
            wrapped = after.lines if after.kind == "para" else after.lines[1:]
            if after.kind not in ("para", "item") or (start.page, start.column) != (first.page, first.column) \
                    or x < first.x0 + indent or any(abs(ln.x0 - x) > settings.indent_slack for ln in wrapped) \
                    or (run and abs(x - text_start(run[0])) > settings.indent_slack):
                break
            run.append(after)
        lost = [block for block in run if block.kind == "para"]
        if len(run) >= MIN_LOST_ITEMS and lost:
            for block in lost:
                block.kind, block.marker = "item", "•"
                block.lines[0].marker, block.lines[0].text_x0 = "•", block.lines[0].x0
