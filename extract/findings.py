"""Inspection-report findings: causes of concern, recommendations and areas for improvement.

A report has no annex table; its findings sit in boxed call-outs, bullet lists and numbered
headings among pages of prose. This module reads pdfplumber words (text, font, size, position)
and turns them, one named step at a time, into findings:

    page words -> line fragments (a column gutter splits a line)
    -> page furniture dropped (running headers, footers, page numbers) and printed page numbers read
    -> reading order (two-column bands read left column, then right)
    -> blocks (headings, paragraphs, bullet/numbered items, captions), joined across page breaks
    -> drafts, by a small state machine keyed on labels ("Areas for improvement", "Cause of
       concern", "Area for improvement 3:"), with boxes, bullets and lead-ins marking where a
       finding starts and ends
    -> summary repeats merged into the chapter's statement -> ``Finding`` rows, refs 1..n a section.

Page refs are the numbers printed on the pages (footer/header numbers, else /PageLabels), never
PDF indexes. Text cleaning (wrapped lines, ligatures) is the normaliser's job, so the text handed
on keeps its line breaks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from hmic_extract.model import (
    AREAS_FOR_IMPROVEMENT,
    CAUSES_OF_CONCERN,
    RECOMMENDATIONS,
    SECTIONS,
    Finding,
    Provenance,
    RawDocument,
)
from hmic_extract.regions import merge_regions

from .pdf import OpenPdf

METHOD = "report-findings"

# Tolerances (points unless said otherwise), named so the algorithm reads top to bottom.
SAME_LINE_OVERLAP = 0.5  # share of the smaller word height two words must overlap to sit on one line
GUTTER_GAP = 1.2  # x font size: a wider gap between words splits a line (column gutter, footer parts)
MARGIN_ZONE = 0.1  # share of the page height at top and bottom where running headers and footers live
SAME_SPOT = 4.0  # a running header repeats at the same height, give or take this
MIN_BOX = (80.0, 14.0)  # width, height of the smallest call-out box
COLUMN_EDGE = 3.0  # right-column lines start within this of a common left edge
MIN_COLUMN_LINES = 5  # lines at one right-hand edge before a page counts as two columns
SAME_INDENT = 3.0  # a wrapped item line starts within this of the item's text
HEADING_GROWTH = 1.5  # a line this much larger than body text is a heading
SMALL_TEXT = 1.2  # a line this much smaller than body text is a caption, chart label or footnote
SAME_TEXT = 0.9  # similarity at which a summary's finding is the chapter's finding restated

KEYWORDS = re.compile(r"(?i)improvement|concern|recommend")
SECTION_NAMES = (
    (AREAS_FOR_IMPROVEMENT, re.compile(r"(?i)^areas?\s+for\s+improvements?$")),
    (CAUSES_OF_CONCERN, re.compile(r"(?i)^causes?\s+of\s+concern$")),
    (RECOMMENDATIONS, re.compile(r"(?i)^recommendations?$")),
)
# "Area for improvement 3:", "2. Areas for improvement", "Recommendation 1 –", "Cause of concern"
LABEL = re.compile(
    r"(?is)^(?:\d{1,2}[.)]?\s+)?(?P<name>areas?\s+for\s+improvements?|causes?\s+of\s+concern|recommendations?)"
    r"(?:\s+(?P<num>\d{1,2}))?\s*(?P<sep>[:.–—-](?=\s|$))?\s*(?P<rest>.*)$")
# A bullet glyph (also as an unmapped "(cid:127)" or a Symbol-font private-use character) or an item number.
MARKER = re.compile(r"^(?:[•●▪■◦‣∙·○□➢►*–—\uf000-\uf0ff-]|\(cid:\d+\)|\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-h][.)]"
                    r"|\(?[ivx]{1,4}[.)])$")
PAGE_NUMBER = re.compile(r"(?i)^(?:page\s+)?(\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*\|\s*page)?$")
CAPTION = re.compile(r"(?i)^(?:figure|fig\.|table|chart|graph|source|note)s?\s*\d*[a-z]?\s*[:.–—-]")
LEAD_IN_WORDS = re.compile(r"(?i)\brecommend|\bshould\b|\bmust\b")
SHOULD = re.compile(r"(?i)^(?:the\s+force|forces|chief\s+constables?|the\s+constabulary|[A-Z][\w ]{2,40}?)\s+"
                    r"(?:should|must|needs\s+to)\b")
CHAPTER_SUMMARY = re.compile(r"(?i)\b(summary|overview|at a glance|key findings|executive)\b")
ROMAN = re.compile(r"(?i)^[ivxlc]+$")
BOLD_FONT = re.compile(r"(?i)bold|black|heavy|semibold|demi|,b$")
SENTENCE_END = re.compile(r"[.!?:;]['’”)]?$")


# --- lines -------------------------------------------------------------------------------------


@dataclass
class Line:
    """One line fragment on one page: a line of one column, with its font facts."""

    text: str
    page: int  # 0-based PDF page index
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool  # most characters are bold
    lead_bold: str = ""  # the bold words the line starts with ("Area for improvement 4:")
    marker: str = ""  # bullet or item number printed before the text
    text_x0: float = 0.0  # where the text starts after the marker
    column: int = 0  # 0: one column (or spans the gutter), 1: left column, 2: right column
    box: int | None = None  # the call-out box the line sits in


def word_is_bold(word: dict) -> bool:
    return bool(BOLD_FONT.search(word.get("fontname", "")))


def words_to_rows(words: list[dict]) -> list[list[dict]]:
    """Given a page's words, return them grouped into physical rows (words that overlap vertically)."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = word["bottom"] - word["top"]
        for row in reversed(rows[-3:]):
            top, bottom = min(w["top"] for w in row), max(w["bottom"] for w in row)
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap > SAME_LINE_OVERLAP * min(height, bottom - top):
                row.append(word)
                break
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def row_to_fragments(row: list[dict]) -> list[list[dict]]:
    """Given a row's words, split it where a gap is wider than a column gutter; a lone marker stays with its text."""
    parts: list[list[dict]] = [[row[0]]]
    for prev, word in pairwise(row):
        gap = word["x0"] - prev["x1"]
        lone_marker = len(parts[-1]) == 1 and MARKER.match(parts[-1][0]["text"])
        if gap > GUTTER_GAP * max(prev["size"], word["size"]) and not lone_marker:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def fragment_to_line(words: list[dict], page: int) -> Line:
    """Given a fragment's words, return a Line with its dominant size, boldness and any leading marker."""
    sizes: Counter[float] = Counter()
    bold_chars = 0
    for w in words:
        sizes[round(w["size"], 1)] += len(w["text"])
        bold_chars += len(w["text"]) if word_is_bold(w) else 0
    chars = sum(len(w["text"]) for w in words)
    marker, body = "", words
    if len(words) > 1 and MARKER.match(words[0]["text"]) and words[1]["x0"] - words[0]["x1"] > 0.3 * words[0]["size"]:
        marker, body = words[0]["text"], words[1:]
    lead = []
    for w in body:
        if not word_is_bold(w):
            break
        lead.append(w["text"])
    return Line(text=" ".join(w["text"] for w in body), page=page, top=min(w["top"] for w in words),
                bottom=max(w["bottom"] for w in words), x0=words[0]["x0"], x1=max(w["x1"] for w in words),
                size=sizes.most_common(1)[0][0], bold=bold_chars * 2 > chars, lead_bold=" ".join(lead),
                marker=marker, text_x0=body[0]["x0"])


def page_boxes(page) -> list[tuple[float, float, float, float]]:
    """Given a pdfplumber page, return the call-out boxes on it (filled or ruled rectangles), smallest first."""
    area = page.width * page.height
    rects = sorted((r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects if r["width"] >= MIN_BOX[0])
    boxes: list[tuple[float, float, float, float]] = []
    for x0, top, x1, bottom in sorted(rects, key=lambda r: r[1]):
        # A box is often drawn as one shaded rectangle per row: stack touching ones of the same width.
        below = next((i for i, b in enumerate(boxes) if abs(b[0] - x0) <= 2 and abs(b[2] - x1) <= 2
                      and -2 <= top - b[3] <= 3), None)
        if below is None:
            boxes.append((x0, top, x1, bottom))
        else:
            boxes[below] = (boxes[below][0], boxes[below][1], boxes[below][2], max(bottom, boxes[below][3]))
    boxes = [b for b in boxes if b[3] - b[1] >= MIN_BOX[1] and (b[2] - b[0]) * (b[3] - b[1]) < 0.8 * area]
    return sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))


def page_to_lines(page, index: int) -> list[Line]:
    """Given a pdfplumber page, return its line fragments with the box each sits in."""
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)
    return words_to_lines(words, index, page_boxes(page))


def words_to_lines(words: list[dict], index: int, boxes: list[tuple[float, float, float, float]]) -> list[Line]:
    """Given a page's words (text, x0, x1, top, bottom, size, fontname) and its boxes, return its line fragments."""
    lines = []
    for row in words_to_rows(words):
        for fragment in row_to_fragments(row):
            line = fragment_to_line(fragment, index)
            cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
            for i, (x0, top, x1, bottom) in enumerate(boxes):
                if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2:
                    line.box = index * 1000 + i
                    break
            lines.append(line)
    return lines


# --- page furniture and printed page numbers ---------------------------------------------------


def in_margin(line: Line, height: float) -> bool:
    return line.bottom < MARGIN_ZONE * height or line.top > (1 - MARGIN_ZONE) * height


def furniture_key(line: Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line.text.lower()), round(line.top / SAME_SPOT)


def drop_furniture(pages: dict[int, list[Line]], heights: dict[int, float],
                   body_size: float) -> tuple[dict[int, list[Line]], dict[int, str]]:
    """Given each page's lines, return them without running headers/footers, and each page's printed number.

    Furniture is a line in the top or bottom margin that is a page number, smaller than body text, or
    repeated at the same height on another page. Finding labels are never furniture.
    """
    counts: Counter[tuple[str, int]] = Counter()
    for lines in pages.values():
        counts.update({furniture_key(ln) for ln in lines if in_margin(ln, heights[ln.page])})
    kept: dict[int, list[Line]] = {}
    printed: dict[int, str] = {}
    for index, lines in pages.items():
        kept[index] = []
        for ln in lines:
            if in_margin(ln, heights[index]) and not LABEL.match(ln.text):
                number = PAGE_NUMBER.match(ln.text)
                if number:
                    # The footer number wins over a header number when a page prints both.
                    if index not in printed or ln.top > heights[index] / 2:
                        printed[index] = number.group(1)
                    continue
                if ln.size < body_size - 1 or counts[furniture_key(ln)] >= 2:
                    continue
            kept[index].append(ln)
    return kept, printed


def printed_page_numbers(page_count: int, footers: dict[int, str], labels: list[str]) -> list[str]:
    """Given footer/header numbers found on some pages and the PDF's /PageLabels, return each page's printed number.

    A number printed on the page wins; a page without one (a full-page figure) falls back to its
    page label, else to its neighbours' arabic numbering.
    """
    out = [footers.get(i) or (labels[i] if i < len(labels) else "") for i in range(page_count)]
    for i in range(page_count):
        if not out[i]:
            before = next(((j, out[j]) for j in range(i - 1, -1, -1) if out[j].isdigit()), None)
            after = next(((j, out[j]) for j in range(i + 1, page_count) if out[j].isdigit()), None)
            if before and after and int(after[1]) - int(before[1]) == after[0] - before[0]:
                out[i] = str(int(before[1]) + i - before[0])
    return out


# --- reading order -----------------------------------------------------------------------------


def assign_columns(lines: list[Line], width: float) -> None:
    """Mark lines of two-column pages as left (1) or right (2) column; lines spanning the gutter stay 0."""
    mid = width / 2
    right_edges = Counter(round(ln.x0 / COLUMN_EDGE) for ln in lines if ln.x0 > mid)
    if not right_edges or right_edges.most_common(1)[0][1] < MIN_COLUMN_LINES:
        return
    for ln in lines:
        if ln.x1 <= mid + COLUMN_EDGE:
            ln.column = 1
        elif ln.x0 >= mid - COLUMN_EDGE:
            ln.column = 2


def reading_order(lines: list[Line]) -> list[Line]:
    """Given a page's lines with columns marked, return them in reading order.

    Lines spanning the gutter cut the page into bands; inside a band the left column is read
    before the right one.
    """
    out: list[Line] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda x: (x.top, x.x0)):
        if ln.column == 0 and any(b.column for b in band):
            out.extend(sorted(band, key=lambda x: (x.column, x.top, x.x0)))
            band = []
        band.append(ln)
    out.extend(sorted(band, key=lambda x: (x.column, x.top, x.x0)))
    return out


# --- blocks ------------------------------------------------------------------------------------


@dataclass
class Block:
    """Lines that belong together: a heading, a paragraph, one bullet/numbered item, or a caption."""

    kind: str  # "heading" | "para" | "item" | "caption"
    lines: list[Line]
    marker: str = ""

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    @property
    def flat(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def box(self) -> int | None:
        return self.lines[0].box

    @property
    def size(self) -> float:
        return max(ln.size for ln in self.lines)


def body_text_size(lines: Iterable[Line]) -> float:
    """The size most text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


OCR_SIZE_SLACK = 1.6  # points: sizes read from OCR boxes wobble from line to line
OCR_INDENT_SLACK = 7.0  # points: so do the left edges of OCR-ed lines (skew left after deskewing, box padding)


def line_kind(line: Line, body_size: float, weightless: bool = False) -> str:
    """Given a line, return "caption", "item", "heading" or "para".

    ``weightless``: the text carries no bold at all (an OCR text layer, or words from OCR), so a line
    that is nothing but a finding label ("Areas for improvement", "Cause of concern 2") is a heading.
    """
    wobble = OCR_SIZE_SLACK if weightless else 0.0  # sizes read from OCR boxes are rough
    if CAPTION.match(line.text) or line.size < body_size - SMALL_TEXT - wobble:
        return "caption"
    if line.marker:
        return "item"
    if line.size >= body_size + HEADING_GROWTH + wobble or (line.bold and not SENTENCE_END.search(line.text)):
        return "heading"
    if weightless and is_bare_label(line.text):
        return "heading"
    return "para"


def is_bare_label(text: str) -> bool:
    """A line that is a finding label and nothing else."""
    m = LABEL.match(" ".join(text.split()))
    return bool(m and not m.group("rest") and section_of(m.group("name")))


def usual_line_gap(lines: list[Line]) -> float:
    """The commonest gap between consecutive lines of one paragraph (leading minus text height)."""
    gaps: Counter[float] = Counter()
    for prev, ln in pairwise(lines):
        gap = ln.top - prev.bottom
        if prev.page == ln.page and prev.column == ln.column and 0 <= gap < prev.size and prev.size == ln.size:
            gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else 3.0


def continues(block: Block, line: Line, kind: str, para_gap: float, size_slack: float = 0.6,
              indent_slack: float = SAME_INDENT) -> bool:
    """Whether ``line`` carries on ``block`` (a wrapped line, or the rest of it after a page or column break).

    ``size_slack``: how far two lines' sizes may differ and still be one block (wider for OCR'd sizes).
    """
    prev = block.lines[-1]
    if kind == "item" or (kind == "caption") != (block.kind == "caption"):
        return False
    if (kind == "heading") != (block.kind == "heading"):
        return False
    if prev.bold != line.bold or abs(prev.size - line.size) > size_slack or (prev.box is None) != (line.box is None):
        return False
    if block.kind == "item" and line.x0 < block.lines[0].text_x0 - indent_slack and line.column == prev.column \
            and line.page == prev.page:
        return False
    if line.page == prev.page and line.column == prev.column and line.top >= prev.top:
        return line.top - prev.bottom <= para_gap and line.box == prev.box
    # A page or column break: the block goes on unless it had ended a sentence (and the next line starts one).
    return not SENTENCE_END.search(prev.text) or line.text[:1].islower()


def lost_bullet(block: Block, line: Line, kind: str) -> bool:
    """OCR drops small bullets: a sentence that starts at an item's text indent right after an item ends, on the
    page where that item began, is the next item (an item carried over from the page before may be followed by
    prose once its box ends)."""
    prev = block.lines[-1]
    return (block.kind == "item" and kind == "para" and bool(SENTENCE_END.search(prev.text))
            and line.text[:1].isupper() and line.page == block.lines[0].page and line.box == prev.box
            and abs(line.x0 - block.lines[0].text_x0) <= OCR_INDENT_SLACK)


def lines_to_blocks(lines: list[Line], body_size: float) -> list[Block]:
    """Given lines in reading order, return blocks, joining a block broken by a page or column break."""
    para_gap = usual_line_gap(lines) + 0.3 * body_size
    weightless = not any(ln.bold for ln in lines)
    blocks: list[Block] = []
    for ln in lines:
        kind = line_kind(ln, body_size, weightless)
        if weightless and blocks and lost_bullet(blocks[-1], ln, kind):
            blocks.append(Block("item", [ln], "•"))
        elif blocks and (continues(blocks[-1], ln, kind, para_gap, OCR_SIZE_SLACK, OCR_INDENT_SLACK) if weightless
                         else continues(blocks[-1], ln, kind, para_gap)):
            blocks[-1].lines.append(ln)
        else:
            blocks.append(Block(kind, [ln], ln.marker))
    return blocks


# --- labels and drafts -------------------------------------------------------------------------


@dataclass
class Label:
    section: str
    number: str
    plural: bool
    rest: str  # finding text printed after an inline label
    printed: str  # the label as printed


def section_of(name: str) -> str | None:
    flat = " ".join(name.split())
    return next((s for s, pattern in SECTION_NAMES if pattern.match(flat)), None)


def label_of(block: Block) -> Label | None:
    """Given a block, return the finding label it is or starts with, or None for prose that merely mentions one.

    A label is a whole heading ("Areas for improvement", "Cause of concern 2") or bold words opening
    a paragraph with a number or a colon ("Area for improvement 3: The force should ...").
    """
    if block.kind == "heading":
        m = LABEL.match(block.flat)
        if m and not m.group("rest"):
            section = section_of(m.group("name"))
            if section:
                plural = m.group("name").lower().rstrip().endswith("s") and not m.group("num")
                return Label(section, m.group("num") or "", plural, "", block.flat.strip(" :.–—-"))
        return None
    if block.kind == "para" and block.lines[0].lead_bold:
        m = LABEL.match(block.lines[0].lead_bold)
        if m and (m.group("num") or m.group("sep")) and not m.group("rest"):
            section = section_of(m.group("name"))
            head = block.lines[0].lead_bold
            rest = block.text[len(head):].lstrip(" :.–—-")
            if section and rest:
                return Label(section, m.group("num") or "", False, rest, head.strip(" :.–—-"))
    return None


@dataclass
class Draft:
    """A finding being assembled: its section, printed number, text lines and where it came from."""

    section: str
    printed_ref: str
    lines: list[Line]
    text: str
    in_summary: bool
    detail: dict[str, str] = field(default_factory=dict)


@dataclass
class Scope:
    """The label we are under: what section its findings belong to and how far it reaches."""

    section: str
    plural: bool
    number: str
    box: int | None
    last: Line
    draft: Draft | None = None
    items: int = 0
    lead_in: str = ""
    cause: Draft | None = None


def is_lead_in(block: Block) -> bool:
    return block.flat.rstrip().endswith(":") and bool(LEAD_IN_WORDS.search(block.flat))


def leaves_box(scope: Scope, block: Block) -> bool:
    """Whether a block lies outside the call-out box the scope's label sits in (a box split by a break is one box)."""
    if scope.box is None or block.box == scope.box:
        return False
    if block.box is None:
        return True
    first = block.lines[0]
    return first.page == scope.last.page and first.column == scope.last.column


def blocks_to_drafts(blocks: list[Block], summary_pages: set[int], chapter_size: float) -> list[Draft]:
    """Given blocks in reading order, return the findings they state, in document order."""
    drafts: list[Draft] = []
    scope: Scope | None = None
    last_cause: Draft | None = None
    in_summary = False

    def emit(section: str, printed: str, lines: list[Line], text: str) -> Draft:
        draft = Draft(section, printed, lines, text, in_summary or lines[0].page in summary_pages)
        if scope and scope.lead_in:
            draft.detail["lead_in"] = scope.lead_in
        if scope and scope.cause and section == RECOMMENDATIONS:
            draft.detail["cause_of_concern"] = " ".join(scope.cause.text.split())
        drafts.append(draft)
        return draft

    for block in blocks:
        label = label_of(block)
        if block.kind == "heading" and label is None:
            if block.size >= chapter_size:
                in_summary = bool(CHAPTER_SUMMARY.search(block.flat))
            scope, last_cause = None, None
            continue
        if label is not None:
            cause = last_cause if label.section == RECOMMENDATIONS else None
            if label.section == AREAS_FOR_IMPROVEMENT:
                last_cause = None
            scope = Scope(label.section, label.plural, label.number, block.box, block.lines[-1], cause=cause)
            if label.rest:
                lines = block.lines
                scope.draft = emit(label.section, label.number or "", lines, label.rest)
            continue
        if scope is None or block.kind == "caption":
            continue
        if leaves_box(scope, block):
            scope = None
            continue
        scope.box = block.lines[-1].box if scope.box is not None else None
        scope.last = block.lines[-1]
        if block.kind == "item":
            scope.items += 1
            emit(scope.section, block.marker.strip("().") if block.marker[:1].isalnum() or block.marker[:1] == "("
                 else "", block.lines, block.text)
            continue
        if block.kind == "heading":  # a bold line that is not a label: a sub-heading inside the scope ends it
            scope = None
            continue
        if is_lead_in(block):
            if scope.section == CAUSES_OF_CONCERN and re.search(r"(?i)recommend", block.flat):
                scope = Scope(RECOMMENDATIONS, True, "", scope.box, block.lines[-1], cause=last_cause)
            scope.lead_in = " ".join(block.flat.split())
            continue
        if not scope.plural:
            if scope.draft is None:
                scope.draft = emit(scope.section, scope.number, block.lines, block.text)
                if scope.section == CAUSES_OF_CONCERN:
                    last_cause = scope.draft
            elif scope.box is not None:  # a further paragraph inside the same box belongs to the finding
                scope.draft.lines.extend(block.lines)
                scope.draft.text += "\n\n" + block.text
            else:  # explanatory prose after the finding
                scope = None
            continue
        if scope.items == 0 and (scope.box is not None or SHOULD.match(block.flat)):
            scope.items += 1
            draft = emit(scope.section, "", block.lines, block.text)
            if scope.section == CAUSES_OF_CONCERN:
                last_cause = draft
            continue
        scope = None
    return drafts


# --- summary repeats and rows ------------------------------------------------------------------


def comparable(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


def same_finding(a: Draft, b: Draft) -> bool:
    if a.section != b.section:
        return False
    x, y = comparable(a.text), comparable(b.text)
    return x == y or SequenceMatcher(None, x, y, autojunk=False).ratio() >= SAME_TEXT


def page_ref_of(labels: list[str]) -> str:
    """Given the printed numbers of the pages a finding sits on, return "Page 12" or "Pages 12-13"."""
    unique = list(dict.fromkeys(label for label in labels if label))
    if not unique:
        return ""
    if len(unique) == 1:
        return f"Page {unique[0]}"
    if all(u.isdigit() for u in unique) and [int(u) for u in unique] == list(range(int(unique[0]),
                                                                                  int(unique[-1]) + 1)):
        return f"Pages {unique[0]}-{unique[-1]}"
    return "Pages " + ", ".join(unique)


def merge_summary_repeats(drafts: list[Draft], printed: list[str]) -> list[Draft]:
    """Given drafts in document order, return one per finding: the chapter's statement, noting the summary's page."""
    kept: list[Draft] = []
    for draft in drafts:
        match = next((k for k in kept if same_finding(k, draft)), None)
        if match is None:
            kept.append(draft)
            continue
        summary, chapter = (match, draft) if match.in_summary or not draft.in_summary else (draft, match)
        chapter.detail["summary_page"] = page_ref_of([printed[ln.page] for ln in summary.lines])
        for key, value in summary.detail.items():
            chapter.detail.setdefault(key, value)
        if chapter is draft:
            kept.remove(match)
            kept.append(draft)
    return kept


def drafts_to_findings(drafts: list[Draft], printed: list[str], source: str) -> list[Finding]:
    """Given merged drafts, return Finding rows grouped by section, refs running 1..n in each section."""
    findings: list[Finding] = []
    for section in SECTIONS:
        for ref, draft in enumerate((d for d in drafts if d.section == section), 1):
            pdf_pages = sorted({ln.page for ln in draft.lines})
            page_ref = page_ref_of([printed[p] for p in pdf_pages])
            provenance = Provenance(source=source, pdf_pages=pdf_pages, method=METHOD, detail=dict(draft.detail),
                                    regions=merge_regions((ln.page, ln.x0, ln.top, ln.x1, ln.bottom)
                                                          for ln in draft.lines))
            if draft.printed_ref:
                provenance.detail["printed_number"] = draft.printed_ref
            findings.append(Finding(section=section, ref=ref, ref_text=str(ref), page_ref=page_ref, pages=[],
                                    issue=draft.text, provenance=provenance))
    return findings


def chapter_heading_size(blocks: list[Block], body_size: float) -> float:
    """The size of chapter headings: the largest heading size used more than once (a cover title is used once)."""
    sizes = Counter(round(b.size) for b in blocks if b.kind == "heading")
    repeated = [size for size, n in sizes.items() if n > 1 and size >= body_size + HEADING_GROWTH]
    return max(repeated) - 0.5 if repeated else body_size + 4


# --- the extractor -----------------------------------------------------------------------------


def pages_worth_reading(texts: list[str]) -> list[int]:
    """Given each page's plain text (a cheap scan), return the pages that can hold findings, and the page after each."""
    hits = {i for i, text in enumerate(texts) if KEYWORDS.search(text)}
    return sorted(hits | {i + 1 for i in hits if i + 1 < len(texts)})


def extract_findings(pdf: OpenPdf, texts: list[str] | None = None) -> tuple[list[Finding], list[str]]:
    """Given an open report PDF (and optionally each page's plain text), return its findings and notes."""
    wanted = pages_worth_reading(texts) if texts is not None else list(range(pdf.page_count))
    pages: dict[int, list[Line]] = {}
    sizes: dict[int, tuple[float, float]] = {}
    for index in wanted:
        page = pdf.plumber.pages[index]
        pages[index] = page_to_lines(page, index)
        sizes[index] = (page.width, page.height)
        page.flush_cache()
    return lines_to_findings(pages, sizes, pdf.page_count, pdf.page_labels, pdf.path.name)


def lines_to_findings(pages: dict[int, list[Line]], sizes: dict[int, tuple[float, float]], page_count: int,
                      page_labels: list[str], source: str) -> tuple[list[Finding], list[str]]:
    """Given each page's line fragments and (width, height), return the findings and notes.

    The lines may come from the PDF's text or from OCR words (scanned reports): the same furniture,
    page-number, reading-order, block and label logic serves both.
    """
    heights = {i: size[1] for i, size in sizes.items()}
    body_size = body_text_size(ln for lines in pages.values() for ln in lines)
    pages, footers = drop_furniture(pages, heights, body_size)
    printed = printed_page_numbers(page_count, footers, page_labels)
    notes = [f"page {i + 1}: printed number {footers[i]} but page label {page_labels[i]}"
             for i in sorted(footers) if i < len(page_labels) and page_labels[i]
             and footers[i] != page_labels[i]]
    ordered: list[Line] = []
    for index in sorted(pages):
        assign_columns(pages[index], sizes[index][0])
        ordered.extend(reading_order(pages[index]))
    blocks = lines_to_blocks(ordered, body_size)
    chapter_size = chapter_heading_size(blocks, body_size)
    front_matter = {i for i in pages if not printed[i].isdigit()}
    drafts = merge_summary_repeats(blocks_to_drafts(blocks, front_matter, chapter_size), printed)
    return drafts_to_findings(drafts, printed, source), notes


SCANNED_METHOD = f"{METHOD}/ocr"


def extract_report(pdf: OpenPdf, texts: list[str] | None = None) -> RawDocument | None:
    """Given an open inspection report, return its findings as a RawDocument, or None when it states none."""
    from .report_meta import read_report_metadata

    findings, notes = extract_findings(pdf, texts)
    if not findings:
        return None
    metadata = read_report_metadata(pdf, str((pdf.plumber.metadata or {}).get("Title") or ""))
    if metadata.get("report_title"):
        metadata["title"] = " – ".join(v for v in (metadata["report_title"], metadata.get("force", "")) if v)
    return RawDocument(source=pdf.path.name, kind="report", page_count=pdf.page_count, page_labels=pdf.page_labels,
                       metadata=metadata, method=METHOD, findings=findings, notes=notes)


def extract_scanned_report(pdf: OpenPdf, page_words: dict[int, tuple[list[dict], tuple[float, float], list]]
                           ) -> RawDocument | None:
    """Given a scanned report's words per page (points, from OCR or its OCR layer), return its findings, or None.

    No bold survives a scan: labels are found as whole lines (see ``line_kind``) and by size; call-out
    boxes are the ruled frames found on the page image. Every row is flagged for a check against the scan.
    """
    pages = {i: words_to_lines(words, i, sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])))
             for i, (words, _, boxes) in page_words.items()}
    sizes = {i: size for i, (_, size, _) in page_words.items()}
    findings, notes = lines_to_findings(pages, sizes, pdf.page_count, pdf.page_labels, pdf.path.name)
    for finding in findings:
        finding.provenance.method = SCANNED_METHOD
        finding.flag("read from a scanned report: check against the scan")
    if not findings:
        return None
    return RawDocument(source=pdf.path.name, kind="report", page_count=pdf.page_count, page_labels=pdf.page_labels,
                       method=SCANNED_METHOD, findings=findings, notes=notes)
