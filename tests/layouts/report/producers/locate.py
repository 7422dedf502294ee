"""Find where each tagged block landed in a PDF typeset by a producer we cannot instrument (Chromium, Word).

The blocks are searched in document order in the text of the page bodies (running heads excluded by
clipping to the text area), each search starting where the previous block was found, so a finding repeated
in a summary is told apart from its statement by position, never by guessing. A block is found by the first
and last 40 letters and digits of its text, which survive line breaks, hyphen-free justification and page
breaks; a statement's pages run from where its head is to where its tail is.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from ..doc import Box, Contents, Cover, Figure, Heading, Para, Part, Table, plain

SNIPPET = 40
MIN_ANCHOR = 25


class LocateError(RuntimeError):
    """A tagged block was not found in the rendered text."""


def norm(text: str) -> str:
    """Keep only lower-case letters and digits (after NFKC: ligatures become letters)."""
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", text).lower())


@dataclass
class Located:
    """Where blocks landed: PDF page indices per tag, per heading key, and each part's first page."""

    tag_pages: dict[str, list[int]] = field(default_factory=dict)  # also "note:<n>" -> [page of its marker]
    key_pages: dict[str, int] = field(default_factory=dict)
    part_starts: dict[str, int] = field(default_factory=dict)


def page_texts(pdf: bytes, box: tuple[float, float, float, float]) -> list[str]:
    """Return the normalised text inside ``box`` (left, bottom, right, top in points) of every page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for page in doc:
            tp = page.get_textpage()
            out.append(norm(tp.get_text_bounded(*box)))
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


def _texts(block) -> list[tuple[str, str | None, str | None, tuple]]:
    """(text, mark, key, footnotes) for a block and what it contains, in reading order.

    A mark is a finding tag, or "note:<n>" for an untagged paragraph carrying footnote n (whose page is
    where the paragraph ends).
    """
    if isinstance(block, Para):
        mark = block.tag or (f"note:{block.notes[0][0]}" if block.notes else None)
        return [(plain(block.runs), mark, None, tuple(block.notes))]
    if isinstance(block, Heading):
        return [(block.text, None, block.key, ())]
    if isinstance(block, Box):
        out = [(block.title, None, None, ())] if block.title else []
        for child in block.children:
            out += _texts(child)
        return out
    if isinstance(block, Table):
        return [(plain(cell), None, None, ()) for row in block.rows for cell in row]
    if isinstance(block, Figure):
        return [(block.caption, None, None, ())]
    if isinstance(block, Contents):
        return [(block.title, None, "contents", ())]
    if isinstance(block, Cover):
        return [(block.inspectorate, None, None, ()), (block.title, None, None, ())]
    return []


def locate(blocks: list, texts: list[str]) -> Located:
    """Return where the document's blocks are in ``texts`` (one normalised string per page)."""
    starts, total = [], 0
    for t in texts:
        starts.append(total)
        total += len(t)
    whole = "".join(texts)

    def page_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    found = Located()
    cursor = 0
    pending_part: str | None = None
    for block in blocks:
        if isinstance(block, Part):
            pending_part = block.role if block.role != "cover" else None  # the cover is page 0
            if block.role == "cover":
                found.part_starts["cover"] = 0
            continue
        for text, tag, key, notes in _texts(block):
            n = norm(re.sub(r"\{\{page:[^}]+\}\}", "", text or ""))
            if not n or (len(n) < MIN_ANCHOR and not tag and not key):
                continue
            head = n[:SNIPPET]
            pos = whole.find(head, cursor)
            if pending_part:
                # a part starts a new page: its first text must open a page (not sit in a contents line)
                while pos >= 0 and pos - starts[page_of(pos)] > 3:
                    pos = whole.find(head, pos + 1)
            if pos < 0:
                if tag:
                    raise LocateError(f"{tag}: {text[:60]!r} not found after offset {cursor}")
                continue
            end = pos + len(head)
            if tag:
                tail = n[-SNIPPET:]
                tail_pos = whole.find(tail, max(pos, pos + len(n) - len(tail) - 200))
                if tail_pos < 0:
                    raise LocateError(f"{tag}: end of {text[:60]!r} not found")
                end = tail_pos + len(tail)
                pages = found.tag_pages.setdefault(tag, [])
                for p in range(page_of(pos), page_of(end - 1) + 1):
                    if p not in pages:
                        pages.append(p)
                for number, _ in notes:
                    found.tag_pages[f"note:{number}"] = [page_of(end - 1)]
            if key and key not in found.key_pages:
                found.key_pages[key] = page_of(pos)
            if pending_part:
                found.part_starts.setdefault(pending_part, page_of(pos))
                pending_part = None
            cursor = end
    return found


def roles_from_parts(part_starts: dict[str, int], n_pages: int) -> list[str]:
    """Given the first page of each part, return every page's role."""
    roles = []
    bounds = sorted((start, role) for role, start in part_starts.items())
    for index in range(n_pages):
        role = "cover"
        for start, name in bounds:
            if index >= start:
                role = name
        roles.append(role)
    return roles


def check_body(found: Located, roles: list[str]) -> None:
    """Raise unless every statement was found on a body page (statements are never in front matter)."""
    for tag, pages in found.tag_pages.items():
        if not tag.startswith("note:") and any(roles[p] != "body" for p in pages):
            raise LocateError(f"{tag} located on a {[roles[p] for p in pages]} page: the text match is wrong")
