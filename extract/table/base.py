"""The one table reader: page parts of cells (from any flavour) -> the annex's raw rows.

camelot keeps one parser base and a flavour per way of finding cells; here every flavour (``ruled``,
``stream``, ``scanned``) only supplies ``PageTables`` and this module decides, the same way for all:

1. ``find_header``: the annex header among the first rows of a part (below title rows; a header whose
   labels wrap over several rows or lines is stacked; a label broken mid-word by a narrow column is read
   whole), on whichever page the table starts;
2. ``part_columns``: the column boundaries, from the grid when the flavour sees one, else from the
   header's labels and the white space under them;
3. ``continues``: a part with no header continues the table above when its columns line up with it;
4. ``parts_before_header``: a backward pass: parts read before the header was known (a table whose first
   page shows no header) are read with it once it is found;
5. ``row_to_raw``: a row whose one cell spans the columns is a *band* (a section title inside the table),
   handed on as text with the table's id for the normaliser to place; other rows give their cells by role;
6. ``join_cut_rows``: a row left open at a page foot (no bottom border) and the open row at the head of
   the next part are one row: their cells are joined, never glued to the row above.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from hmic_extract.model import UNREAD, RawRow, RowKind
from hmic_extract.vocabulary import (
    CONTINUATION_NOTE,
    PAGE_FOLIO,
    PAGE_WORDS,
    PROSE_WORDS,
    ROLES,
    fold,
    glued_words,
    map_header,
    match_title,
    reads_as_sentence,
    ref_cell_number,
    role_of_label,
    section_of_cell,
    tokens_of,
    unglue,
)

from .model import Cell, PageTables, Part, Row
from .settings import TableSettings
from .text import logical_order, plain_letters, strong_counts

KEY_ROLES = ("ref", "page_ref", "issue")  # their labels hold no numbers; their body cells usually do
PAGE_JOINER = re.compile(r"(?:[-–/,&]|\band|\bto)$", re.I)  # a page ref that goes on: "Pages 9-", "pp. 4 and"


# --- header -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """An annex header found in a part: where it is, its label cells and the role of each label."""

    first: int  # index of its first row in the part
    count: int  # rows/lines it covers
    cells: list[Cell]
    roles: dict[str, int]  # role -> index into ``cells``


def phrases(row: Row, settings: TableSettings, split: bool = False) -> list[Cell]:
    """Given a row, return its cells with the words of a text line grouped into phrases (cells of a grid as is).

    ``split``: a word that starts where body columns start opens a phrase however close it is set, on a line
    that already holds several phrases (a title line is one phrase and stays one)."""
    if not row.is_line:
        return [c for c in row.cells if c.text.strip()]
    if split and len(phrases(row, settings)) < 2:
        return phrases(row, settings)
    out: list[Cell] = []
    for c in sorted(row.cells, key=lambda c: c.x0):
        if out and c.x0 - out[-1].x1 <= settings.phrase_gap and not (split and c.opens_column):
            last = out[-1]
            out[-1] = Cell(f"{last.text} {c.text}", last.x0, max(last.x1, c.x1), min_confidence(last, c))
        else:
            out.append(c)
    return out


def min_confidence(*cells: Cell) -> float | None:
    scores = [c.confidence for c in cells if c.confidence is not None]
    return min(scores) if scores else None


def stack(rows: list[Row], settings: TableSettings, split: bool = False) -> list[Cell] | None:
    """Given the rows of a header that may wrap, return one label cell per column (x-overlapping parts joined).

    None when they do not stack into labels: a row with a single phrase among several, or a phrase that
    spans two labels of another row (a title above the header, body text under it). A lone first phrase
    may be a label's first line set higher than the rest ("PAGE" over "REFERENCE", labels centred in a header
    of several lines), when it is a word or two; the tails of two labels set close are read word by word.
    """
    if split:
        rows = [broken_over_tails(r, rows[k + 1:], settings) for k, r in enumerate(rows)]
    groups = [phrases(r, settings, split) for r in rows]
    main = first_of_labels(rows, groups, settings) % len(groups)  # the line of most labels, under labels set higher
    if any(sum(1 for p in groups[main] if overlap(groups[k][0], p) > 0) > 1 for k in range(main)):
        return None  # a lone phrase over two labels is a title ("Action plan" over "No." and "Report"), not a label
    tails = zip(rows[main + 1:], groups[main + 1:], strict=True)
    if len(groups) > 1 and (len(groups[main]) < 2 or
                            any(not g or (len(g) < 2 and not (r.is_line and (is_label_tail(g[0]) or tails_of_labels(
                                g[0], r, groups[main])))) for r, g in tails)):
        return None  # a label wraps within its grid cell: a ruled row holding one cell is body (a cut row's rest)
    if any(len(p.text.split()) > settings.label_tail_words for g in groups[main + 1:] for p in g):
        return None  # a wrapped label goes on in a word or few; a longer phrase is the body's first line
    cells: list[Cell] = []
    grew_on: list[int] = []  # the line each label last grew on
    for k, group in enumerate(groups):
        if k > main:
            group = [w for p in group for w in label_words(p, rows[k], cells)]
        above = len(cells)  # labels of the lines above: a phrase of this line never stacks under its own line's
        # (a word too wide for its narrow column runs under the next label on the same line: "NUMBER" over "ISSUE")
        for p in group:
            hits = overrun_hits(p, [i for i, c in enumerate(cells[:above]) if overlap(p, c) > 0], cells, settings,
                                len(group))
            pieces = tails_run_together(p, [cells[i] for i in hits]) if k and len(hits) == 2 else None
            if pieces is not None:
                for i, piece in zip(hits, pieces, strict=True):
                    cells[i] = Cell(f"{cells[i].text}\n{piece}", cells[i].x0, cells[i].x1)
                    grew_on[i] = k
                continue
            if len(hits) > 1 or (k > main and len(group) < 2 and not hits):
                return None
            if hits and beyond_wrap(rows[grew_on[hits[0]]], rows[k], settings):
                return None  # a row's first line under a label of its column, further than the label wraps
            if hits:
                c = cells[hits[0]]
                cells[hits[0]] = Cell(f"{c.text}\n{p.text}", min(c.x0, p.x0), max(c.x1, p.x1))
                grew_on[hits[0]] = k
            else:
                cells.append(Cell(p.text, p.x0, p.x1))
                grew_on.append(k)
    return sorted(cells, key=lambda c: c.x0)


def beyond_wrap(above: Row, row: Row, settings: TableSettings) -> bool:
    """Whether a text line stands further under a label line of its column than a label wraps (top to top beyond a
    wrapped line's pitch and beyond half as much again as the label line is tall): labels centred in a header of
    several lines sit half a pitch apart from line to line, but one label's own lines a pitch apart, so a row's page
    cell set higher than its ref ("Pages" a pitch under another column's last label line) is no label's tail."""
    if not (above.is_line and row.is_line):
        return False
    return row.top - above.top > max(settings.line_pitch + settings.band_gap, 1.5 * (above.bottom - above.top))


def first_of_labels(rows: list[Row], groups: list[list[Cell]], settings: TableSettings) -> int:
    """The index of a header's line holding most labels: 0, or the first line of several phrases under lone label
    lines set higher (labels of one, two and three lines centred in one header: "Type" / "Report" over "AFI ref | of |
    Detail", a line to each), or a later line holding more labels still under lines of short labels only, set close
    under them (``more_labels_under``: "Page" / "Finding | Report" over "Area for improvement / Recommendation |
    refer- | Responsible | Action")."""
    best: int | None = None
    for k, group in enumerate(groups):
        more = len(group) > 1 if best is None else \
            len(group) > len(groups[best]) and more_labels_under(rows, groups, k, settings)
        best = k if more else best
        if not (group and rows[k].is_line and all(is_label_tail(p) for p in group)):
            return best if best is not None else 0
    return best if best is not None else len(groups)  # lone labels only (none when no line holds several)


def more_labels_under(rows: list[Row], groups: list[list[Cell]], k: int, settings: TableSettings) -> bool:
    """Whether line ``k`` may be the main line of a header under the short label lines above it: it names labels only
    (no digits, no sentence: a body line's cells hold a ref or a page number), set no further under the line above
    than a wrapped line's pitch (labels centred over different numbers of lines interleave at half a pitch)."""
    if not rows[k].is_line or rows[k].top - rows[k - 1].top > settings.line_pitch + settings.band_gap:
        return False
    return not any(any(ch.isdigit() for ch in p.text) or reads_as_sentence(p.text) for p in groups[k])


def broken_over_tails(row: Row, below: list[Row], settings: TableSettings) -> Row:
    """A header line whose labels are set closer than a phrase gap: a lower line's short phrase that starts under one
    word and ends before the next ends that word's label, so the next word opens a label of its own, when it mends
    the word broken mid-word by its narrow column ("NUMBE PAGE NO." over "R": "NUMBER") or when another lower phrase
    starts under the next word ("Finding Rec" over "type" and "No.": two labels' first lines)."""
    if not row.is_line or not below:
        return row
    tails = [p for r in below if r.is_line for p in phrases(r, settings) if is_label_tail(p)]
    words = sorted(row.cells, key=lambda c: c.x0)
    cells = words[:1]
    for word, after in pairwise(words):
        under = [t for t in tails if word.x0 - settings.cross_slack <= t.x0 < word.x1 and t.x1 < after.x0]
        next_under = any(after.x0 - settings.cross_slack <= t.x0 < after.x1 for t in tails)
        ends = any(mends(word, t) for t in under) or (bool(under) and next_under) or \
            any(heads_tail(after, word, t, settings) for t in tails)
        cells.append(replace(after, opens_column=True) if ends else after)
    return replace(row, cells=cells)


def parted_over_gutters(row: Row, body: list[Row], settings: TableSettings, glued_open: bool = False) -> Row:
    """A header line whose labels are set closer than a phrase gap over two body columns: a word opens a label of its
    own where most body lines under the line hold text under the word before it that ends short of the gap and text
    under the word that starts past it, white space between ("NUMBER PAGE" over refs centred under "NUMBER" and page
    cells set right under "PAGE": neither column's text starts at its label, so no column start parts them). A
    label of two words over one column has one phrase under both words, or text under one of them only. Two labels
    OCR read as one word ("pageNumb") are parted so where a small letter meets a capital; words of the PDF's text
    glued from column-name words are parted where those words meet (``glued_open``: the first piece opens a label
    too)."""
    if not row.is_line or not row.cells:
        return row
    lines = [phrases(r, settings) for r in body if r.is_line]
    words = [piece for c in sorted(row.cells, key=lambda c: c.x0)
             for piece in parted_label_word(c, lines, settings, glued_open)]
    cells = words[:1]
    for k, (word, after) in enumerate(pairwise(words)):
        opens = parts_body(lines, word, after, settings) or labels_spaced_apart(words, k + 1, settings)
        cells.append(replace(after, opens_column=True) if opens and not after.opens_column else after)
    return replace(row, cells=cells) if len(cells) > 1 else row


def labels_spaced_apart(words: list[Cell], k: int, settings: TableSettings) -> bool:
    """Whether word ``k`` of a header line of the PDF's text opens a label of its own inside a phrase: set after a gap
    wider than the page's word spaces (by ``label_space``), the words of its phrase before it and those from it on
    each naming a column ("FINDING TYPE" 3.4 pt short of "NO.", the page's words 1.9 pt apart: a label run on up to
    the next, whose cells' texts are no words of one label)."""
    word, after = words[k - 1], words[k]
    gap = after.x0 - word.x1
    if word.confidence is not None or after.confidence is not None or \
            not settings.label_space * settings.word_space < gap <= settings.phrase_gap:
        return False
    start = k - 1
    while start > 0 and words[start].x0 - words[start - 1].x1 <= settings.phrase_gap and \
            not words[start].opens_column:
        start -= 1
    end = k + 1
    while end < len(words) and words[end].x0 - words[end - 1].x1 <= settings.phrase_gap and \
            not words[end].opens_column:
        end += 1
    runs = (words[start:k], words[k:end])
    return all(role_of_label(" ".join(w.text for w in run))[1] is not None for run in runs)


def parts_body(lines: list[list[Cell]], word: Cell, after: Cell, settings: TableSettings) -> bool:
    """Whether most body lines (each as its phrases) part under the gap between two header words: text under the first
    ending short of the gap, text under the second starting past it; at least ``gutter_lines`` of them."""
    gap = (word.x1 + after.x0) / 2
    parted = sum(1 for found in lines if any(overlap(p, word) > 0 and p.x1 < gap for p in found)
                 and any(overlap(p, after) > 0 and p.x0 > gap for p in found))
    across = sum(1 for found in lines if any(p.x0 < gap < p.x1 for p in found))
    return parted >= settings.gutter_lines and parted > across


def parted_label_word(word: Cell, lines: list[list[Cell]], settings: TableSettings,
                      glued_open: bool = False) -> list[Cell]:
    """A header word as one cell, or cut in two or more: where column- and section-name words make up a word of the
    PDF's text (two labels set touching, a label run on past its column up to the next: "NUMBERREPORT",
    "refRecommendation"; a label's own words are set a space apart), each piece after the first a label of its own,
    the first one too when ``glued_open`` (a word runs on past its column only as the first of its line: "NUMBER",
    not the end of "Report page ref"; readings of both kinds are weighed by the roles they name); else, where a small
    letter meets a capital, in two when the body parts under the cut (``parts_body``: OCR read two labels set close as
    one word, "pageNumb"). A piece starts where the PDF draws it (``Cell.cuts``), else letters are taken to share the
    word's width evenly."""
    text = word.text
    pitch = (word.x1 - word.x0) / max(len(text), 1)
    glued = glued_words(text) if word.confidence is None else (text,)
    if len(glued) > 1:
        ends = [sum(len(p) for p in glued[:n]) for n in range(1, len(glued))]
        cuts = list(word.cuts) if len(word.cuts) == len(ends) else [word.x0 + at * pitch for at in ends]
        starts, stops = [word.x0, *cuts], [*cuts, word.x1]
        return [replace(word, text=piece, x0=x0, x1=x1, cuts=(), opens_column=word.opens_column or k > 0 or glued_open)
                for k, (piece, x0, x1) in enumerate(zip(glued, starts, stops, strict=True))]
    for k in range(1, len(text)):
        if text[k - 1].islower() and text[k].isupper():
            at = word.x0 + k * pitch
            left, right = replace(word, text=text[:k], x1=at), replace(word, text=text[k:], x0=at)
            if parts_body(lines, left, right, settings):
                return [left, right]
    return [word]


def heads_tail(word: Cell, before: Cell, tail: Cell, settings: TableSettings) -> bool:
    """Whether a lower line's short phrase lines up with a word of a header line as its label's next line and not
    with the word before it: it starts where the word starts (labels set left: "TYPE REPORT" over "PAGE" at
    "REPORT"), or its middle sits under the word's middle (labels centred: "NUMBER PAGE" over "REFERENCE" centred
    on "PAGE"). The word then opens a label of its own however close the word before it is set."""
    if abs(tail.x0 - word.x0) <= settings.cross_slack:
        return abs(tail.x0 - before.x0) > settings.cross_slack
    middle = (tail.x0 + tail.x1) / 2
    return tail.x0 < word.x0 and abs(middle - (word.x0 + word.x1) / 2) <= settings.cross_slack and \
        abs(middle - (before.x0 + before.x1) / 2) > settings.cross_slack


def mends(word: Cell, tail: Cell) -> bool:
    """Whether a label's next line ends its last word broken mid-word ("NUMBE" / "R" read as the label "NUMBER")."""
    reading, role = role_of_label(f"{word.text}\n{tail.text}")
    return role is not None and fold(f"{word.text}{tail.text}").lower() in fold(reading).lower()


def tails_run_together(word: Cell, labels: list[Cell]) -> tuple[str, str] | None:
    """A scan's OCR reads the tails of two labels set side by side as one word ("STATU·TUS" under "RAG" and "STA" of
    "RAG STATUS" | "STATUS"): cut at a mark inside the word, else where the white space between the two labels falls
    (letters share the word's width evenly, a letter either way), when each piece ends its label as a column name (a
    word of a title under two labels names none)."""
    text = word.text
    if len(text.split()) != 1 or word.x1 <= word.x0:
        return None
    marks = [m.start() for m in re.finditer(r"(?<=[^\W\d_])[^\w\s]+(?=[^\W\d_])", text)]
    at = round(((labels[0].x1 + labels[1].x0) / 2 - word.x0) / (word.x1 - word.x0) * len(text))
    for cut in marks or [at, at - 1, at + 1]:
        pieces = (text[:cut], re.sub(r"^[^\w]+", "", text[cut:]))
        if all(piece.isalpha() for piece in pieces) and \
                all(ends_label(label, piece) for label, piece in zip(labels, pieces, strict=True)):
            return pieces
    return None


def ends_label(label: Cell, piece: str) -> bool:
    """Whether a piece of a word set under a label ends it as a column name: it mends the label's broken last word
    ("STA" + "TUS"), makes a label of one that names nothing yet, or names a column itself ("STATU" under "RAG")."""
    if mends(label, Cell(piece, label.x0, label.x1)) or role_of_label(piece)[1] is not None:
        return True
    return role_of_label(label.text)[1] is None and role_of_label(f"{label.text}\n{piece}")[1] is not None


def overrun_hits(word: Cell, hits: list[int], labels: list[Cell], settings: TableSettings, among: int = 1) -> list[int]:
    """The labels a wrapped label's phrase stacks under: a single word too wide for its narrow column (pdflatex lets it
    run over the column's edge: "REFERENCE" under "PAGE") belongs to the one label its middle sits under, when it runs
    under the others by a small share of its width only (a title word spanning two labels does not). A word that
    starts where one of the labels starts, its middle under that label or under none, on a line of ``among`` phrases
    (other labels' tails beside it: a lone word under a header is a title's), is that label's however far it runs on
    (labels set left: a cell's text runs over its right edge only, "REFERENCE" from "PAGE" past the gutter under
    "ISSUE", "/" from "Open" under the end of "Rating" run on over "Open")."""
    if len(hits) < 2 or len(word.text.split()) != 1:
        return hits
    middle = (word.x0 + word.x1) / 2
    under = [i for i in hits if labels[i].x0 <= middle <= labels[i].x1]
    starts_at = [i for i in hits if abs(labels[i].x0 - word.x0) <= settings.cross_slack]
    if len(starts_at) == 1 and (not under or starts_at[0] in under) and among > 1:
        return starts_at
    run = settings.overrun_share * (word.x1 - word.x0)
    slight = all(overlap(word, labels[i]) < run for i in hits if i not in under)
    aligned = len(under) == 1 and abs(labels[under[0]].x0 - word.x0) <= settings.cross_slack
    return under if len(under) == 1 and (slight or aligned) else hits


def label_words(phrase: Cell, row: Row, labels: list[Cell]) -> list[Cell]:
    """A wrapped label line's phrase, or its words where it runs under two labels: the tails of two narrow labels
    set closer than a phrase gap ("officer date" under "Lead" and "Completion") are two tails."""
    if not row.is_line or sum(1 for c in labels if overlap(phrase, c) > 0) < 2:
        return [phrase]
    words = [c for c in row.cells if c.text.strip() and c.x0 >= phrase.x0 - 0.5 and c.x1 <= phrase.x1 + 0.5]
    return sorted(words, key=lambda c: c.x0) or [phrase]


def tails_of_labels(phrase: Cell, row: Row, labels: list[Cell]) -> bool:
    """Whether a lower line's lone phrase is the tails of two or more labels run together ("PAGE REF STATUS" under
    "REPORT" and "RAG": a scan's OCR boxes a word wider than its print, closing the gap between two labels' tails):
    its words, grouped by the label each lies under, are each a label's tail."""
    under: dict[int, list[str]] = {}
    for word in label_words(phrase, row, labels):
        hits = [i for i, label in enumerate(labels) if overlap(word, label) > 0]
        if len(hits) != 1:
            return False
        under.setdefault(hits[0], []).append(word.text)
    return len(under) > 1 and all(is_label_tail(Cell(" ".join(w), 0, 0)) for w in under.values())


def is_label_tail(cell: Cell) -> bool:
    """A lone phrase that may end one wrapped label ("REPORT" / "REF"): a word or two, no digits, no sentence's end
    (a cut row's rest under a repeated header: "crime record.")."""
    text = cell.text
    return len(text.split()) <= 2 and not any(ch.isdigit() for ch in text) and not reads_as_sentence(text) and \
        not PROSE_WORDS.intersection(t.word for t in tokens_of(fold(text)))  # "they pose.": a sentence's end


def overlap(a: Cell, b: Cell) -> float:
    """How far two cells overlap horizontally (cells of a grid that share a rule do not)."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) - 0.5


def label_text(text: str) -> str:
    """A header label as one line; a word a narrow column broke over lines ("Numbe" / "r", "PAG" / "E NO.") is read
    whole."""
    return role_of_label(text)[0]


def find_header(rows: list[Row], settings: TableSettings, search: int | None, like: int | None = None) -> Header | None:
    """Given a part's rows, return its annex header among the first ``search`` rows (all when None).

    Of the stackings of a wrapped header, the one naming most roles wins ("Report" / "Ref" stacked name
    the ref column that either line alone does not), the deepest of equals ("PAGE" / "REF" is one label), or the one
    as deep as the table's header read before (``like``: a repeated header has as many lines; short body lines of a
    cut row under it stack on as label tails would).
    Labels set close are read both as phrases and split where body columns start ("PAGE AREA FOR" over a
    page column and a text column); the split wins only when it names more.
    """
    header = first_header(rows, settings, search)
    if header is not None and like is not None and header.count > like:
        shallow = header_at(rows, header.first, settings, like)
        if shallow is not None and shallow.count == like and len(shallow.roles) >= len(header.roles):
            return shallow
    return header


def first_header(rows: list[Row], settings: TableSettings, search: int | None) -> Header | None:
    """``find_header`` without regard to an earlier header's depth."""
    limit = len(rows) if search is None else min(search, len(rows))
    for i in range(limit):
        header = header_at(rows, i, settings)
        if header is None:
            continue
        if header.count > 1:
            # a title line (or a row's last line) over the header stacks too: the header under it names as much
            # (a first line of short labels is the header's own: "AFI | ISSUE OF | REPORT" over "REF | CONCERN"),
            # or more when it reaches a line further down (the title took the place of a two-line header's last line);
            # a line of short words set further above the header than its own lines are apart ("Annex A") is a title
            under = header_at(rows, i + 1, settings)
            end = header.first + header.count
            # ... or, naming as many, when it names more of the ref, page and text columns (a page head "Action
            # plan" stacked onto "No." reads as the action column and loses the ref column)
            if under is not None and under.first + under.count >= end and \
                    (len(under.roles) > len(header.roles) or (under.first + under.count == end and len(
                        under.roles) == len(header.roles) and (not labels_only(rows[i], settings)
                                                               or set_above(rows, i, under.count)
                                                               or key_roles(under) > key_roles(header)))):
                return under
        return header
    return None


def key_roles(header: Header) -> int:
    """How many of the ref, page and text columns a header names."""
    return sum(role in header.roles for role in KEY_ROLES)


def labels_only(row: Row, settings: TableSettings) -> bool:
    """A line of several short labels: a word or few each, no digits, no sentence (not a title, not a body line)."""
    found = phrases(row, settings)
    return len(found) > 1 and all(len(p.text.split()) <= settings.label_tail_words and not reads_as_sentence(p.text)
                                  and not any(ch.isdigit() for ch in p.text) for p in found)


def set_above(rows: list[Row], i: int, depth: int) -> bool:
    """Whether line ``i`` stands further above the ``depth`` header lines under it than they stand apart (a title)."""
    if depth < 2 or i + 2 >= len(rows):
        return False
    pitch = rows[i + 2].top - rows[i + 1].top
    return pitch > 0 and rows[i + 1].top - rows[i].top > 1.5 * pitch


def header_at(rows: list[Row], i: int, settings: TableSettings, like: int | None = None) -> Header | None:
    """The best reading of the rows from ``i`` on as a header (stacked over 1..header_lines lines), or None; of
    readings naming as many roles, one ``like`` lines deep when there is one."""
    found: list[tuple[tuple[int, int, bool], Header]] = []
    for split, glued_open in ((False, False), (True, False), (True, True)):
        if glued_open and not any(len(glued_words(c.text)) > 1 for c in rows[i].cells if c.confidence is None):
            continue  # no word of the line is glued from column names: the reading is the one before
        first = parted_over_gutters(rows[i], rows[i + 1:], settings, glued_open) if split and i < len(rows) else None
        for n in range(1, settings.header_lines + 1):
            group = rows[i:i + n] if first is None else [first, *rows[i + 1:i + n]]
            if len(group) < n or (n > 1 and (group[-1].top - group[-2].bottom > 1.5 * settings.line_pitch or
                                              set_apart(group[-2], group[-1], settings) or
                                              under_the_labels(group, settings))):
                break
            cells = stack(group, settings, split)
            if cells is None and first_of_labels(group, [phrases(r, settings, split) for r in group], settings) == n:
                continue  # lone labels set higher so far: the line holding most labels is still to come
            if cells is None:
                break
            header = header_of(cells, i, n, settings)
            if header is not None:
                found.append(((len(header.roles), n, not split), header))
    if not found:
        return None
    best = max(found, key=lambda f: f[0])
    same = [f for f in found if f[0][0] == best[0][0] and f[1].count == like]
    return max(same, key=lambda f: f[0])[1] if same else best[1]


def under_the_labels(group: list[Row], settings: TableSettings) -> bool:
    """Whether the last of a header's candidate lines is set further below the line above than a wrapped line's pitch
    and than any two of the lines above are apart: a row's first line under a header of several lines (its short
    phrases would stack on as label tails), not a label's next line."""
    if len(group) < 3:
        return False
    gaps = [b.top - a.top for a, b in pairwise(group)]
    return gaps[-1] > max(settings.line_pitch, *gaps[:-1]) + settings.band_gap


def set_apart(above: Row, row: Row, settings: TableSettings) -> bool:
    """A lone phrase set further below a header line than its labels wrap (a band under the header, "A. AFIS"),
    not a label's tail: top to top beyond a wrapped line's pitch and beyond half as much again as the line above
    is tall (a header set larger than the body wraps at its own pitch)."""
    if not row.is_line or len(phrases(row, settings)) > 1:
        return False
    return row.top - above.top > max(settings.line_pitch + settings.band_gap, 1.5 * (above.bottom - above.top))


SPECK_LABEL = re.compile(r"^[\s|¦｜_~.,:;'`‘’\-–—]+$")  # a bar, dash or stop OCR read off a rule's stub or a speck


def header_of(cells: list[Cell], first: int, count: int, settings: TableSettings) -> Header | None:
    """Given stacked label cells, return them as a header when the vocabulary reads them as one (a lone mark OCR read
    off a speck or a rule's stub on the header line labels no column)."""
    cells = [c for c in rejoined_labels(cells, settings) if not SPECK_LABEL.match(c.text)]
    texts = [label_text(c.text) for c in cells]
    if len(cells) < settings.min_columns or any(len(t) > settings.max_header_cell for t in texts):
        return None
    roles = map_header(texts)
    if roles is None or any(any(ch.isdigit() for ch in texts[k]) for role, k in roles.items() if role in KEY_ROLES):
        return None  # "Issue 3 | Pg 7 | ...": a body row whose cells happen to name roles
    if any(ref_cell_number(t) is not None for t in texts):
        return None  # "1 | pp. | We have serious concerns ...": a row's ref, which no column label is
    return Header(first, count, [replace(c, text=t) for c, t in zip(cells, texts, strict=True)], roles)


def rejoined_labels(cells: list[Cell], settings: TableSettings) -> list[Cell]:
    """Labels split where body lines start, joined again where the split cut one label in two: a word set close after
    a label that names a role some earlier label already names, and that leaves the label's own role when joined
    ("Page" + "reference" over a centred page column, with "Rec No." the ref column's label)."""
    out: list[Cell] = []
    for cell in cells:
        if out:
            last = out[-1]
            role = role_of_label(cell.text)[1]
            joined = Cell(f"{last.text} {cell.text}", last.x0, max(last.x1, cell.x1))
            named = {role_of_label(c.text)[1] for c in out[:-1]}
            if role is not None and role in named and cell.x0 - last.x1 <= settings.phrase_gap and \
                    "\n" not in cell.text and role_of_label(joined.text)[1] == role_of_label(last.text)[1] is not None:
                out[-1] = joined
                continue
        out.append(cell)
    return out


# --- columns ----------------------------------------------------------------------------------------


@dataclass
class Table:
    """The annex table being read: column boundaries (n+1 x positions) and the column of each role."""

    edges: list[float]
    roles: dict[str, int]
    gridded: bool  # the columns come from ruling lines (a continued part must show the same grid)
    starts: list[float | None] = field(default_factory=list)  # where text lines usually start in each column
    body_size: float | None = None  # the font size of the table's body text, where the PDF says
    label_starts: list[float | None] = field(default_factory=list)  # where each column's header label starts
    label_middles: list[float | None] = field(default_factory=list)  # the middle of each column's header label

    @property
    def ncols(self) -> int:
        return len(self.edges) - 1

    def column_of(self, x: float, settings: TableSettings) -> int:
        """The column a text starting at ``x`` belongs to."""
        i = 0
        for j, edge in enumerate(self.edges[:-1]):
            if x >= edge - settings.cross_slack:
                i = j
        return i

    def nearest_edge(self, x: float) -> int:
        return min(range(len(self.edges)), key=lambda i: abs(self.edges[i] - x))

    def span_of(self, cell: Cell) -> tuple[int, int]:
        """(first column, last column) a grid cell covers."""
        first = min(self.nearest_edge(cell.x0), self.ncols - 1)
        last = max(first, self.nearest_edge(cell.x1) - 1)
        return first, last


def gutters(rows: list[Row], lo: float, hi: float, settings: TableSettings) -> list[tuple[float, float]]:
    """Return the x ranges between ``lo`` and ``hi`` that no text of ``rows`` covers."""
    spans = sorted((c.x0, c.x1) for r in rows for c in r.cells if c.text.strip())
    out = []
    cursor = lo
    for x0, x1 in spans:
        if x1 <= cursor:
            continue
        if x0 >= hi:
            break  # text beyond the range: the gap up to ``hi`` is still a gutter
        if x0 - cursor >= settings.min_gutter:
            out.append((cursor, x0))
        cursor = max(cursor, x1)
    if hi - cursor >= settings.min_gutter:
        out.append((cursor, hi))
    return out


def least_covered(rows: list[Row], lo: float, hi: float, step: float = 0.5) -> float:
    """Where no white gutter separates two columns (text set tight), the x between ``lo`` and ``hi`` that the
    fewest lines cover with a word, the rightmost of equals (the next column's text starts there)."""
    if hi <= lo:
        return (lo + hi) / 2
    spans = [(c.x0, c.x1) for r in rows for c in r.cells if c.text.strip() and c.x1 > lo and c.x0 < hi]
    best_x, best = hi, None
    x = hi
    while x >= lo:
        count = sum(1 for a, b in spans if a < x < b)
        if best is None or count < best:
            best_x, best = x, count
        x -= step
    return best_x


def crosses(cell: Cell, labels: list[Cell]) -> bool:
    """Text that runs from one header label's span into the next one's: full-width text."""
    return sum(1 for c in labels if overlap(cell, c) > 0) >= 2


def columns_from_labels(labels: list[Cell], body: list[Row], right: float, settings: TableSettings) -> list[float]:
    """Given header labels and the text lines under them, return column boundaries.

    A column's left edge is the right end of the widest white-space gutter between its label and the
    one before (text in a column starts where the gutter ends; a narrower gap inside a column, between a
    short band and centred refs, is not the edge); without a clear gutter, halfway.
    """
    edges = [labels[0].x0]
    narrow = [r for r in body if not any(crosses(p, labels) for p in phrases(r, settings))]
    for prev, cell in pairwise(labels):
        found = gutters(narrow, prev.x0 + 1, cell.x1 - 1, settings)
        near = [g for g in found if prev.x0 <= g[0] <= cell.x0 + 1]
        if near:  # a gutter that ends under the label before is inside its column (text centred under it)
            best = max(near, key=lambda g: (g[1] > prev.x1 - settings.cross_slack,
                                            round(min(g[1], cell.x1) - g[0], 1), -abs(g[1] - cell.x0)))
            edge = min(best[1], cell.x0)  # an empty column's gutter runs on past its label
        else:
            edge = least_covered(narrow, prev.x1, cell.x0)
        edges.append(edge)
    return [*edges, max(right, labels[-1].x1)]


def header_table(part: Part, header: Header, settings: TableSettings) -> Table:
    """Given a part and its header, return the table: grid columns when ruled, else from labels and gutters."""
    body = part.rows[header.first + header.count:]
    if part.edges is not None:
        table = Table(list(part.edges), {}, gridded=True)
        cols = [table.span_of(c)[0] for c in header.cells]
        table.roles = {role: cols[i] for role, i in header.roles.items()}
        table.roles.update(spanned_label_roles(header, table))
        if "ref" not in table.roles:
            unlabelled = set(range(table.ncols)) - set(cols)
            found = [i for i in sorted(unlabelled) if holds_refs([grid_row_cells(r, table)[0][i] for r in body])]
            if found:
                table.roles["ref"] = found[0]
        with_page_column(table, header, [grid_row_cells(r, table)[0] for r in body], settings)
        return table
    header = without_crossed_labels(header, body, part.bbox[2], settings)
    edges = columns_from_labels(header.cells, body, part.bbox[2], settings)
    roles = dict(header.roles)
    if "ref" not in roles:
        firsts = [min(r.cells, key=lambda c: c.x0) for r in body if r.cells]
        before = [c for c in firsts if c.x1 < edges[0] - settings.cross_slack]
        if before and holds_refs([c.text for c in before]):
            edges = [min(c.x0 for c in before), *edges]  # a ref column left of the first label, its own label lost
            roles = {"ref": 0, **{r: i + 1 for r, i in roles.items()}}
    table = Table(edges, roles, gridded=False, starts=column_starts(body, edges, settings))
    table.label_starts = [None] * table.ncols
    table.label_middles = [None] * table.ncols
    for cell in header.cells:
        i = table.column_of(cell.x0, settings)
        if table.label_starts[i] is None:
            table.label_starts[i], table.label_middles[i] = cell.x0, (cell.x0 + cell.x1) / 2
    with_page_column(table, header, [t for t in (line_row_cells(r, table, settings) for r in body) if t], settings)
    return table


def moved_by(table: Table, dx: float) -> Table:
    """The table moved ``dx`` points sideways: its edges, and where its lines and labels start and sit."""
    def by(xs: list[float | None]) -> list[float | None]:
        return [x + dx if x is not None else None for x in xs]

    return replace(table, edges=[e + dx for e in table.edges], starts=by(table.starts),
                   label_starts=by(table.label_starts), label_middles=by(table.label_middles))


def spanned_label_roles(header: Header, table: Table) -> dict[str, int]:
    """Roles named word by word by a label cell that spans grid columns, one word for each ("Ref Pg" over the ref
    and page columns: a scan lost the rule between them in the header row); none when the words do not name one role
    each."""
    out: dict[str, int] = {}
    for cell in header.cells:
        first, last = table.span_of(cell)
        words = cell.text.split()
        if last == first or len(words) != last - first + 1:
            continue
        roles = [role_of_label(w)[1] for w in words]
        if all(roles) and len(set(roles)) == len(roles):
            out.update({role: first + k for k, role in enumerate(roles) if role in ROLES})  # type: ignore[misc]
    return out


REF_CELL_CHARS = 10  # a ref cell is short: "1", "R3", "AFI 2", "2.4"


def holds_refs(cells: list[str]) -> bool:
    """Whether a column's body cells read as refs (two at least, most of the filled ones): the ref column, known by
    its content when its label is missing (a scan's OCR lost a "#")."""
    filled = [t.strip() for t in cells if t.strip()]
    refs = [t for t in filled if len(t) <= REF_CELL_CHARS and ref_cell_number(t) is not None]
    return len(refs) >= 2 and len(refs) >= 0.6 * len(filled)


PAGE_CELL = re.compile(rf"(?i)^\(?\s*(?:(?:{PAGE_WORDS}|paras?)\.?\s*|(?:and|to)\s+|[-–/,&]\s*)?\d")
PAGE_WORD_CELL = re.compile(rf"(?i)^\(?\s*(?:{PAGE_WORDS})\.?\s*\d")


def holds_pages(cells: list[str], settings: TableSettings) -> bool:
    """Whether a column's body cells read as page refs: most of the filled ones start with a page number, with or
    without a page word ("Page 6", "pp. 29-31", "4", "and 42" on a wrapped cell's second line), and two at least
    with one (a column of bare numbers may be refs or counts)."""
    filled = [" ".join(t.split()) for t in cells if t.strip()]
    pages = [t for t in filled if len(t) <= settings.page_cell_chars and PAGE_CELL.match(t)]
    return sum(1 for t in pages if PAGE_WORD_CELL.match(t)) >= 2 and len(pages) >= 0.6 * len(filled)


def with_page_column(table: Table, header: Header, rows: list[list[str]], settings: TableSettings) -> None:
    """Name the page column by its content when its label names no role: a scan's OCR read "PAGE" as "Pace", or the
    column has no label. Only a column no role holds, under a label that names nothing (an owner's column is not it)."""
    if "page_ref" in table.roles or not rows:
        return
    named = {table.span_of(c)[0] if table.gridded else table.column_of(c.x0, settings)
             for c in header.cells if role_of_label(c.text)[1] is not None}
    free = [i for i in range(table.ncols) if i not in table.roles.values() and i not in named]
    found = [i for i in free if holds_pages([texts[i] for texts in rows if i < len(texts)], settings)]
    if len(found) == 1:
        table.roles["page_ref"] = found[0]


def without_crossed_labels(header: Header, body: list[Row], right: float, settings: TableSettings) -> Header:
    """The header without labels that name no role and whose left edge the body's text runs across line after
    line: a mark a scan's OCR layer left in a shaded header ("Screen" over a text column) is no column."""
    cells = list(header.cells)
    named = set(header.roles.values())
    while True:
        edges = columns_from_labels(cells, body, right, settings)
        crossed = [k for k in range(1, len(cells)) if k not in named and
                   crossed_often(body, edges[k], settings, cells[k].x0)]
        if not crossed:
            break
        k = crossed[0]
        left = cells[k - 1]
        cells[k - 1] = Cell(f"{left.text} {cells[k].text}", left.x0, max(left.x1, cells[k].x1))
        del cells[k]
        named = {i - (i > k) for i in named}
        header = Header(header.first, header.count, cells, {r: i - (i > k) for r, i in header.roles.items()})
    return header


def crossed_often(body: list[Row], edge: float, settings: TableSettings, label: float | None = None) -> bool:
    """Whether most body lines with words on both sides of ``edge`` run across it (a word over it, or words set no
    further apart than within a phrase). A word that starts right at the label's left edge (``label``) opens the
    column however close the text before it runs (a spreadsheet's wrapped cell filled to its edge, the next column's
    text set a word space after it)."""
    near = crossing = 0
    for row in body:
        words = sorted((c for c in row.cells if c.text.strip()), key=lambda c: c.x0)
        left = [w for w in words if w.x0 < edge]
        right = [w for w in words if w.x0 >= edge]
        if not left or not right:
            continue
        near += 1
        over = left[-1].x1 > edge + settings.cross_slack
        run_on = right[0].x0 - left[-1].x1 <= settings.phrase_gap and not (
            at_label(right[0].x0, label, settings))
        crossing += over or run_on
    return near >= 3 and crossing >= 0.6 * near


def header_row(header: Header, table: Table, part: Part, row: Row, table_id: int, settings: TableSettings) -> RawRow:
    """The header as a row of labels by role (the normaliser reads the section a text column's label names)."""
    texts = [""] * table.ncols
    for cell in header.cells:
        i = table.span_of(cell)[0] if table.gridded else table.column_of(cell.x0, settings)
        texts[i] = f"{texts[i]} {cell.text}".strip()
    cells = by_role(texts, table)
    return RawRow(**{r: cells.get(r, "") for r in ROLES}, page_index=part.page_index, top=row.top, bottom=row.bottom,
                  is_line=row.is_line, method=row.method or part.method, table_id=table_id)


def continues(table: Table, part: Part, settings: TableSettings) -> bool:
    """Given the table being read and a part with no header, return True when the part continues it."""
    if part.edges is None:
        return not table.gridded
    if not table.gridded or len(part.edges) != len(table.edges):
        return False
    return grid_shift(table, part, settings) is not None


def grid_shift(table: Table, part: Part, settings: TableSettings) -> float | None:
    """How far a ruled part's columns sit sideways from the table's, all by one distance (a page whose margins differ,
    a part a producer draws a few points further left), or None when its grid is another one."""
    if part.edges is None or len(part.edges) != len(table.edges):
        return None
    shifts = [a - b for a, b in zip(part.edges, table.edges, strict=True)]
    dx = statistics.median(shifts)
    if abs(dx) > settings.page_shift or any(abs(d - dx) > settings.column_tolerance for d in shifts):
        return None
    return dx


# --- rows -------------------------------------------------------------------------------------------


def text_row(text: str, part: Part | None, row: Row, page_index: int, table_id: int, band: bool) -> RawRow:
    """A TEXT row: a title row above a header, or a band inside the table (``band``)."""
    text = in_reading_order(text) if row.is_line else text
    return RawRow(kind=RowKind.TEXT, text=" ".join(text.split()), page_index=page_index, top=row.top,
                  bottom=row.bottom, method=row.method or (part.method if part else ""), table_id=table_id,
                  confidence=row.confidence, band=band)


def grid_row_cells(row: Row, table: Table) -> tuple[list[str], list[tuple[int, int]]]:
    """Given a grid row, return each column's text and the column span of each filled cell."""
    texts = [""] * table.ncols
    spans = []
    for cell in row.cells:
        first, last = table.span_of(cell)
        if cell.text.strip():
            spans.append((first, last))
            texts[first] = f"{texts[first]}\n{cell.text}".strip("\n")
    return texts, spans


def line_row_cells(row: Row, table: Table, settings: TableSettings, rtl_around: bool | None = None) -> list[str] | None:
    """Given a text line's words, return each column's text, or None when a word runs across a column edge.

    Words, not phrases, are placed: a narrow gutter can sit closer than a phrase gap, but a word of
    full-width text (a title, a band, a footnote) straddles an edge at word spacing; a word set apart by more than
    a phrase gap that straddles one opens a cell wider than its column ("pp. 23-24" centred in a narrow page column)
    and goes to the column holding its middle, unless the next word is drawn over its end (a word run on past its
    cell's edge under the next cell's text stays in the column it starts in). Only the edges of the ref, page and text
    columns count: full-width text runs across them, while an owner's name set wider than its column or two
    overprinted cells between columns the tool does not read leave the line a row's line.
    """
    texts = [""] * table.ncols
    placed: list[int] = []  # the column each word went to
    key = key_edges(table)
    words = [c for c in sorted(row.cells, key=lambda c: c.x0) if any(ch.isalnum() for ch in c.text)
             or len(c.text) > 1 or c.text in MARK_WORDS]  # a lone "_" or "|" a scan left between columns is no text
    one_phrase = len(phrases(row, settings)) == 1  # a run of text drawn over the columns is one phrase; a run that also
    # holds cells set far apart is a row's cells a producer drew in one run
    for k, cell in enumerate(words):
        crossing = any(cell.x0 < table.edges[e] - settings.cross_slack < table.edges[e] + settings.cross_slack < cell.x1
                       for e in key)
        anchored = crossing and runs_past_column(table, words, k, settings)
        drawn_over = k > 0 and cell.x0 < words[k - 1].x1 - settings.overprint_slack  # another cell's text
        apart = k > 0 and cell.x0 - words[k - 1].x1 > settings.phrase_gap
        centred = crossing and not anchored and centred_cell(words, k, table, settings)
        if crossing and not anchored and not apart and centred is None:
            return None  # a word of a phrase straddles an edge (one set apart opens a cell wider than its column)
        overrun = anchored or (k + 1 < len(words) and words[k + 1].x0 < cell.x1 - settings.overprint_slack)
        middle = centred if centred is not None else (cell.x0 + cell.x1) / 2
        i = table.column_of(middle if crossing and not overrun else cell.x0, settings)
        before = placed[-1] if placed else i
        ran_on = k > 0 and one_phrase and runs_on(cell, words[k - 1], settings)
        if i != before and any(before < e <= i for e in key) and not drawn_over and \
                (ran_on or (not starts_column(table, i, cell, words[k - 1], settings)
                            and not opens_run(cell, words[k - 1])
                            and not centred_on_label(words, k, i, table, settings))):
            return None  # words run on across a column edge as one phrase: full-width text
        placed.append(i)
        texts[i] = f"{texts[i]} {cell.text}".strip()
    return [in_reading_order(t, rtl_around) for t in texts]


def centred_cell(words: list[Cell], k: int, table: Table, settings: TableSettings) -> float | None:
    """The middle of the phrase word ``k`` opens, when that phrase is a cell centred in a column too narrow for it: it
    opens the line (inside the table's first edge: a band starts at the table's left), follows a gap wider than a
    phrase's, or is drawn over the word before it (another cell's word run on past its column); of the ref, page and
    text columns' edges it runs across one only, and it is centred under the label of the column after that edge
    ("Page 17, Table 2" centred in the page column runs left over the Type column's "RECOMMENDATION"); else None."""
    first = words[k]
    if k == 0 and first.x0 < table.edges[0] - settings.cross_slack:
        return None
    if k > 0 and not (first.x0 - words[k - 1].x1 > settings.phrase_gap or
                      first.x0 < words[k - 1].x1 - settings.overprint_slack):
        return None
    x0, x1 = first.x0, phrase_end(words, k, settings)
    crossed = [e for e in key_edges(table) if x0 < table.edges[e] - settings.cross_slack and
               table.edges[e] + settings.cross_slack < x1]
    if len(crossed) != 1 or not centred_on_label(words, k, crossed[0], table, settings):
        return None
    return (x0 + x1) / 2


def phrase_end(words: list[Cell], k: int, settings: TableSettings) -> float:
    """Where the phrase word ``k`` starts ends: the words after it set no further apart than a phrase gap, none drawn
    back over the one before (another cell's text)."""
    end = k
    gap = settings.phrase_gap
    while end + 1 < len(words) and -settings.overprint_slack <= words[end + 1].x0 - words[end].x1 <= gap:
        end += 1
    return max(w.x1 for w in words[k:end + 1])


def centred_on_label(words: list[Cell], k: int, i: int, table: Table, settings: TableSettings) -> bool:
    """Whether the phrase word ``k`` starts is centred under column ``i``'s label and ends inside the column: a cell
    centred as its label is ("Page 30" under "PG"), its first word however close after a word run on past the column
    before ("RECOMMENDATION" over a narrow Type column). Full-width text runs on over the column's far edge."""
    middle = table.label_middles[i] if i < len(table.label_middles) else None
    if middle is None:
        return False
    end = phrase_end(words, k, settings)
    return abs((words[k].x0 + end) / 2 - middle) <= settings.cross_slack and \
        end <= table.edges[i + 1] + settings.cross_slack


OCR_METHOD = "ocr"  # the methods of rows read from a scan's words start so


def ocr_line_with_ref(row: Row, table: Table, settings: TableSettings) -> list[str] | None:
    """An OCR'd line whose words read as a row's line once each goes to the column holding its middle: OCR boxes run
    wider than the print (a lone "6" over the page column's edge, close to "Page 24"; a row's last line "to fill
    them." whose first word's box starts in the gutter), so a word seems to straddle an edge it does not. It is a
    row's line when that gives it a ref, a ref whose number wrapped in its narrow column ("AFI-" over "10"), or all
    its words in the text column. A title or band holds no ref of its own (one the vocabulary reads as a title stays
    one)."""
    ref_col = table.roles.get("ref")
    if ref_col is None:
        return None
    texts = [""] * table.ncols
    for cell in sorted(row.cells, key=lambda c: c.x0):
        if any(ch.isalnum() for ch in cell.text) or len(cell.text) > 1 or cell.text in MARK_WORDS:
            i = table.column_of((cell.x0 + cell.x1) / 2, settings)
            texts[i] = f"{texts[i]} {cell.text}".strip()
    wrapped = wrapped_ref_label(texts[ref_col])  # the label alone reads as a title ("AFI- The force ..."): not the line
    if not wrapped and match_title(" ".join(row.text.split())) is not None:
        return None
    in_text_column = {i for i, t in enumerate(texts) if t} == {table.roles.get("issue")}
    if ref_cell_number(texts[ref_col]) is None and not wrapped and not in_text_column:
        return None
    rest = " ".join(t for i, t in enumerate(texts) if i != ref_col)
    return None if match_title(rest) is not None else texts  # a numbered band, its stop read as a comma ("4,")


WRAPPED_REF_LABEL = re.compile(r"^[^\W\d_]{1,6}\s*[-–.]$")  # "AFI-", "Rec.": a label and joiner, the number below


def wrapped_ref_label(text: str) -> bool:
    """Whether a ref cell's line holds a ref's label and joiner alone ("AFI-"): a prefixed ref wrapped in its narrow
    column, its number on the next line."""
    return bool(WRAPPED_REF_LABEL.match(text.strip())) and section_of_cell(text) is not None


def parted_at_edges(row: Row, table: Table, settings: TableSettings) -> Row:
    """An OCR'd line with each word that lies over a ref, page or text column's edge parted where a digit meets a
    letter or stop close to that edge: OCR reads two cells' words set a gutter apart as one ("workforce.24/25",
    "6IOC-1"), while a word printed across an edge (a title, a band) has no such boundary there."""
    edges = [table.edges[e] for e in key_edges(table)]
    cells = [part for cell in row.cells for part in parted_word(cell, edges, settings)]
    return replace(row, cells=cells) if len(cells) != len(row.cells) else row


def parted_word(cell: Cell, edges: list[float], settings: TableSettings) -> list[Cell]:
    """A word as one cell, or as two cut at the digit/letter boundary nearest the edge it lies over (letters spaced
    evenly over its box), when that boundary falls within ``glued_cut_chars`` letters of the edge."""
    text = cell.text
    pitch = (cell.x1 - cell.x0) / max(len(text), 1)
    for edge in edges:
        if not cell.x0 + settings.cross_slack < edge < cell.x1 - settings.cross_slack:
            continue
        cuts = [k for k in range(1, len(text)) if glued_boundary(text[k - 1], text[k])]
        if not cuts:
            continue
        k = min(cuts, key=lambda k: abs(cell.x0 + k * pitch - edge))
        at = cell.x0 + k * pitch
        if abs(at - edge) <= settings.glued_cut_chars * pitch:
            return [replace(cell, text=text[:k], x1=at), replace(cell, text=text[k:], x0=at, opens_column=False)]
    return [cell]


def glued_boundary(before: str, after: str) -> bool:
    """Whether two letters of one OCR word may be the ends of two words: a digit after a letter or a sentence's stop,
    or a letter after a digit (not the dash or slash inside a ref or a page range)."""
    return (after.isdigit() and (before.isalpha() or before in ".,;:)")) or (before.isdigit() and after.isalpha())


def runs_past_column(table: Table, words: list[Cell], k: int, settings: TableSettings) -> bool:
    """Whether word ``k`` is a cell's word too wide for its narrow column (LaTeX lets "CONCERN" run on over the next
    column's edge): it starts where its column's lines start, and the next word opens a column further right, drawn
    over its end or set where that column's lines start, or it ends a line whose words before it are set apart from
    it. A title or band runs on at word spacing from word to word."""
    word = words[k]
    i = table.column_of(word.x0, settings)
    start = table.starts[i] if i < len(table.starts) else None
    label = table.label_starts[i] if i < len(table.label_starts) else None
    if not ((start is not None and abs(word.x0 - start) <= settings.start_tolerance) or at_label(word.x0, label,
                                                                                                 settings)):
        return False
    if k + 1 == len(words):
        return k > 0 and word.x0 - words[k - 1].x1 > settings.phrase_gap
    after = words[k + 1]
    j = table.column_of(after.x0, settings)
    drawn_over = after.x0 < word.x1 - settings.overprint_slack  # no word of a cell is drawn over the one before
    return j > i and (drawn_over or starts_column(table, j, after, word, settings))


def key_edges(table: Table) -> list[int]:
    """Indexes into ``table.edges`` of the inner edges that bound a ref, page or text column (all of them when the
    table names none of those roles)."""
    keys = {i for role, i in table.roles.items() if role in KEY_ROLES}
    inner = range(1, len(table.edges) - 1)
    return [e for e in inner if not keys or e - 1 in keys or e in keys]


# one-character words that are text (a dash, a bullet, a mark; the OCR engine's mark for print it could not read)
MARK_WORDS = frozenset("–—-&/•·*#%£$€¹²³⁴⁵⁶⁷⁸⁹") | {UNREAD}


def in_reading_order(visual: str, rtl_around: bool | None = None) -> str:
    """A text line's words as drawn (left to right), in reading order with plain letters."""
    return plain_letters(logical_order(visual, rtl_around=rtl_around))


def runs_rtl(part: Part) -> bool | None:
    """Whether most letters of a part run right to left (None when it holds none that do): the direction of a
    line whose own letters do not say it."""
    ltr, rtl = strong_counts(" ".join(c.text for r in part.rows for c in r.cells))
    return rtl > ltr if rtl else None


def runs_on(word: Cell, before: Cell, settings: TableSettings) -> bool:
    """Whether a word goes on the text run of the word before it, a word space after it: drawn right after it and one
    space (a title over the columns), whatever column start or label it happens to sit at."""
    return word.runs_on and word.x0 - before.x1 <= settings.phrase_gap


def opens_run(word: Cell, before: Cell) -> bool:
    """Whether a word starts a text run of its own after a word that went on its run: where the producer draws each
    cell's words as one run with its spaces, a cell's first word set word-close after the cell before ("Issue of
    concern | Page 7 Figure | Some calls" in tight spreadsheet columns), which full-width text, one run, never is."""
    return before.runs_on and not word.runs_on


def starts_column(table: Table, i: int, word: Cell, before: Cell, settings: TableSettings) -> bool:
    """Whether a word after a column edge opens that column's text rather than running on from the left:
    a wide gap before it, or it starts where the column's lines usually start or where its label starts."""
    if word.x0 - before.x1 > settings.phrase_gap:
        return True
    start = table.starts[i] if i < len(table.starts) else None
    label = table.label_starts[i] if i < len(table.label_starts) else None
    at_start = start is not None and abs(word.x0 - start) <= settings.start_tolerance
    return at_start or at_label(word.x0, label, settings)


def at_label(x: float, label: float | None, settings: TableSettings) -> bool:
    """Whether text starting at ``x`` starts where its column's label does (cells and labels are padded alike to
    within the slack text may run past an edge)."""
    return label is not None and abs(x - label) <= max(settings.start_tolerance, settings.cross_slack)


def column_starts(rows: list[Row], edges: list[float], settings: TableSettings) -> list[float | None]:
    """Where text lines usually start in each column: the commonest left x of a column's first word."""
    found: list[dict[float, int]] = [{} for _ in edges[:-1]]
    table = Table(edges, {}, gridded=False)
    for row in rows:
        seen: set[int] = set()
        for c in sorted(row.cells, key=lambda c: c.x0):
            i = table.column_of(c.x0, settings)
            if i not in seen:
                seen.add(i)
                key = round(c.x0)
                found[i][key] = found[i].get(key, 0) + 1
    out: list[float | None] = []
    for counts in found:
        best = max(counts.items(), key=lambda kv: kv[1], default=None)
        out.append(float(best[0]) if best and best[1] >= 2 else None)
    return out


def by_role(texts: list[str], table: Table) -> dict[str, str]:
    return {role: texts[i] if i < len(texts) else "" for role, i in table.roles.items() if role in ROLES}


def row_to_raw(row: Row, part: Part, table: Table, table_id: int, settings: TableSettings) -> RawRow | None:
    """Given a body row, return a CELLS row, a band (TEXT) row, or None for an empty row."""
    if row.is_empty():
        return None
    if row.is_line:
        ocr = (row.method or part.method).startswith(OCR_METHOD)
        if ocr:
            row = parted_at_edges(row, table, settings)
        texts = line_row_cells(row, table, settings, runs_rtl(part))
        if texts is None:
            moved = line_shifted_table(row, table, settings)
            texts = line_row_cells(row, moved, settings, runs_rtl(part)) if moved is not None else None
        if texts is None and ocr:
            texts = ocr_line_with_ref(row, table, settings)
        if texts is None or runs_across_as_title(row, texts, settings, table):
            return text_row(row.text, part, row, part.page_index, table_id, band=True)
        cells = by_role(texts, table)
        # a folio OCR read with its number glued on ("Page3") is a folio too
        if PAGE_FOLIO.match(unglue(row.text, ocr)) and not (cells.get("ref") or cells.get("page_ref")):
            return text_row(row.text, part, row, part.page_index, table_id, band=False)
    else:
        texts, spans = grid_row_cells(row, table)
        if len(spans) == 1 and spans[0][1] > spans[0][0] and spans[0][1] - spans[0][0] + 1 >= max(2, table.ncols // 2):
            return text_row(row.text, part, row, part.page_index, table_id, band=True)
        cells = by_role(split_ref_and_page(texts, spans, table), table)
    return RawRow(**{r: cells.get(r, "") for r in ROLES}, page_index=part.page_index, top=row.top,
                  bottom=row.bottom, is_line=row.is_line, method=row.method or part.method, table_id=table_id,
                  confidence=row.confidence)


def split_ref_and_page(texts: list[str], spans: list[tuple[int, int]], table: Table) -> list[str]:
    """A grid row's texts with one cell spanning the ref and page columns (a scan lost the rule between them in this
    row: "3 P13") split between the two, when it reads as a ref and a page ref in the columns' order."""
    ref, page = table.roles.get("ref"), table.roles.get("page_ref")
    if ref is None or page is None or abs(ref - page) != 1:
        return texts
    left = min(ref, page)
    if not any(first == left and last >= left + 1 for first, last in spans) or texts[left + 1].strip():
        return texts
    words = " ".join(texts[left].split())
    at = words.find(" ") if ref < page else words.rfind(" ")
    if at < 0:
        return texts
    head, tail = words[:at], words[at + 1:]
    ref_text, page_text = (head, tail) if ref < page else (tail, head)
    if len(ref_text) > REF_CELL_CHARS or ref_cell_number(ref_text) is None or not PAGE_CELL.match(page_text):
        return texts
    out = list(texts)
    out[ref], out[page] = ref_text, page_text
    return out


def line_shifted_table(row: Row, table: Table, settings: TableSettings) -> Table | None:
    """The table moved sideways to where one line sets its columns, or None: a row a producer drew a few points off
    the table's columns (reportlab sets the part of a row split at a page foot 6 pt left), so that its words straddle
    the edges. Two of its cells at least must start one distance (within ``page_shift``) from their columns' usual
    starts, so a title or a band running across the columns is not taken for a moved row."""
    if table.gridded or not any(s is not None for s in table.starts):
        return None
    words = sorted((c for c in row.cells if c.text.strip()), key=lambda c: c.x0)
    opens = [c.x0 for k, c in enumerate(words) if k == 0 or c.x0 - words[k - 1].x1 > settings.phrase_gap]
    if len(opens) == 1:
        return lone_phrase_shifted(words, table, settings)
    shifts = [x - s for x in opens for s in table.starts if s is not None and
              settings.start_tolerance < abs(x - s) <= settings.page_shift]
    near = 2 * settings.start_tolerance + 1  # column starts are kept to the point
    best = max(shifts, key=lambda d: sum(1 for e in shifts if abs(e - d) <= near), default=None)
    if best is None or sum(1 for e in shifts if abs(e - best) <= near) < 2:
        return None
    return moved_by(table, best)


def lone_phrase_shifted(words: list[Cell], table: Table, settings: TableSettings) -> Table | None:
    """The table moved to where a line's only phrase starts, when that is a few points off the start of a column
    outside the ref, page and text columns and the phrase then fits that column (an action cell's run-on in a row part
    a producer set sideways), or None. A title, a running head or a band stays a line across the columns."""
    keys = {i for role, i in table.roles.items() if role in KEY_ROLES}
    x0, x1 = words[0].x0, max(w.x1 for w in words)
    fits = []
    for i, (start, label) in enumerate(zip(table.starts, table.label_starts, strict=False)):
        at = start if start is not None else label
        if i in keys or at is None or not settings.start_tolerance < abs(x0 - at) <= settings.page_shift:
            continue
        d = x0 - at
        if table.edges[i] + d - settings.cross_slack <= x0 and x1 <= table.edges[i + 1] + d + settings.cross_slack:
            fits.append(d)
    if not fits:
        return None
    best = min(fits, key=abs)
    return moved_by(table, best)


def runs_across_as_title(row: Row, texts: list[str], settings: TableSettings, table: Table) -> bool:
    """A line set as one phrase over two columns that the vocabulary reads whole as a section title: a heading whose
    word happens to start where a column's lines start ("Legitimacy:" | "Areas for Improvement (AFIs)"). A ref column
    holding a prefixed ref ("IOC-11" | "The Multi-Agency ...") makes it a row's line (a title numbers before its
    words)."""
    if sum(1 for t in texts if t.strip()) < 2 or len(phrases(row, settings)) != 1:
        return False
    ref = by_role(texts, table).get("ref", "")
    if ref_cell_number(ref) is not None and section_of_cell(ref) is not None:
        return False
    title = match_title(in_reading_order(row.text))
    first = next(t for t in texts if t.strip())
    if title is not None and ref_cell_number(first) is not None and first.lower().startswith(title.head.lower()):
        return False  # a prefixed ref set close to its row's text ("IOC-11 | The Multi-Agency ..."), not a heading
    return title is not None and not title.others and not title.number


def join_rows(upper: Row, lower: Row) -> Row:
    """Two parts of one row cut by a page break, as one row (each cell's text joined by column position)."""
    cells = [Cell(c.text, c.x0, c.x1, c.confidence) for c in upper.cells]
    for c in lower.cells:
        same = next((u for u in cells if abs(u.x0 - c.x0) < 0.5 * (c.x1 - c.x0) and abs(u.x1 - c.x1) <
                     0.5 * (c.x1 - c.x0)), None)
        if same is None:
            cells.append(Cell(c.text, c.x0, c.x1, c.confidence))
        else:
            same.text = f"{same.text}\n{c.text}".strip("\n")
            same.confidence = min_confidence(same, c)
    return Row(upper.top, upper.bottom, sorted(cells, key=lambda c: c.x0), upper.is_line, upper.open_top,
               lower.open_bottom, upper.method, min_confidence(Cell("", 0, 0, upper.confidence),
                                                                Cell("", 0, 0, lower.confidence)))


# --- the reader -------------------------------------------------------------------------------------


@dataclass
class Reading:
    """The state of one pass over the pages: the table being read and the rows so far."""

    table: Table | None = None
    table_id: int = 0
    rows: list[RawRow] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    waiting: list[Part] = field(default_factory=list)  # header-less parts seen before any header
    cut: RawRow | None = None  # the last row read, when a page break left it open ...
    cut_row: Row | None = None  # ... as the flavour saw it
    cut_part: Part | None = None
    header_lines: int | None = None  # lines the last header found covers (a repeated header covers as many)
    foot_titles: list[RawRow] = field(default_factory=list)  # section titles ending the last page read before any
    # table, when it holds none (a title left behind by a table moved on to the next page)
    shift: float | None = None  # how far the producer set the last row read sideways (its rest on the next page is too)


def read_part(reading: Reading, part: Part, body: list[Row], settings: TableSettings) -> list[RawRow]:
    """Given a part of the table being read and its body rows, return its raw rows (cut rows joined)."""
    assert reading.table is not None
    out: list[RawRow] = []
    rows = list(body)
    if rows and reading.cut is not None and reading.cut_row is not None and reading.cut_part is not None \
            and continues_cut_row(reading, part, rows[0], settings):
        joined = join_rows(reading.cut_row, rows[0])
        rows = rows[1:]
        raw = row_to_raw(joined, reading.cut_part, reading.table, reading.cut.table_id, settings)
        if raw is not None:
            replace_row(reading.rows, reading.cut, raw)
    reading.cut = reading.cut_row = reading.cut_part = None
    if reading.table.body_size is None:
        reading.table.body_size = body_size(rows)
    size = reading.table.body_size
    # the table as the row read last sets it, when a producer set that row sideways (on the page before, for a part
    # that opens with the rest of a row reportlab split at the page foot)
    moved = moved_by(reading.table, reading.shift) if reading.shift is not None else None
    for i, row in enumerate(rows):
        if row.is_line and row.size and size and (small_print(row, part, size, settings) or (
                row.size < settings.mark_ratio * size and opens_with_mark(row.text)
                and marks_own_cell(row, part, reading.table, settings))):
            out.append(text_row(row.text, part, row, part.page_index, reading.table_id, band=False))
            continue  # a footnote (or other small print) under the table, in the text column's span
        if row.is_line and CONTINUATION_NOTE.match(row.text):
            out.append(text_row(row.text, part, row, part.page_index, reading.table_id, band=False))
            continue  # "continued on next page" under a page's last row: no row's text
        if is_title_line(rows, i, settings) and not holds_key_cells(row, part, reading.table, settings):
            out.append(text_row(row.text, part, row, part.page_index, reading.table_id, band=False))
            continue
        if is_band_line(rows, i, part, reading.table, settings):
            out.append(text_row(row.text, part, row, part.page_index, reading.table_id, band=True))
            continue
        raw = row_to_raw(row, part, reading.table, reading.table_id, settings)
        if raw is None:
            continue
        if row.is_line and raw.kind is RowKind.TEXT and raw.band:
            shifted = moved if moved is not None else moved_below(rows, i, reading.table, settings)
            again = row_to_raw(row, part, shifted, reading.table_id, settings) if shifted is not None else None
            raw = again if again is not None and again.kind is RowKind.CELLS else raw
        if row.is_line and raw.kind is RowKind.CELLS:
            moved = row_moved(row, reading.table, moved, settings)
        if row.is_line and out and wraps_band(out[-1], raw, settings):
            out[-1] = replace(out[-1], text=f"{out[-1].text} {raw.text}", bottom=raw.bottom)
            continue
        out.append(raw)
        if i == len(rows) - 1 and not row.is_line and raw.kind is RowKind.CELLS:
            reading.cut, reading.cut_row, reading.cut_part = raw, row, part  # it may go on on the next page
    reading.shift = moved.edges[0] - reading.table.edges[0] if moved is not None else None
    return out


def moved_below(rows: list[Row], i: int, table: Table, settings: TableSettings) -> Table | None:
    """The table as the first line under line ``i`` that shows a move sets it, when the lines from ``i`` down to it
    follow one another at the wrapped lines' pitch: a row part a producer set sideways whose first lines hold only
    text, its ref centred on the lines below them (reportlab sets a row split at a page foot 6 pt left). None when a
    line that opens a row where the columns are comes first, or the line is a title."""
    if match_title(in_reading_order(rows[i].text)) is not None:
        return None
    for j in range(i + 1, len(rows)):
        if not rows[j].is_line or rows[j].top - rows[j - 1].top > settings.line_pitch + settings.band_gap:
            return None
        shifted = line_shifted_table(rows[j], table, settings)
        if shifted is not None:
            return shifted
        texts = line_row_cells(rows[j], table, settings)
        if texts is not None and any(texts[table.roles[r]].strip() for r in ("ref", "page_ref") if r in table.roles):
            return None
    return None


def row_moved(row: Row, table: Table, moved: Table | None, settings: TableSettings) -> Table | None:
    """The table as a row's lines set it, when the producer set the row sideways (reportlab sets the part of a table
    split at a page foot 6 pt left), else None: a line that opens a row (its ref or page cell filled) sets it anew
    where its cells start a few points off their columns' usual starts, however its words fell into the columns; a line
    of text alone keeps the one its row's first line set (a row's next lines, one phrase in the text column, are set as
    far off)."""
    texts = line_row_cells(row, table, settings)
    opens = texts is None or any(texts[table.roles[r]].strip() for r in ("ref", "page_ref") if r in table.roles)
    if not opens:
        return moved
    return line_shifted_table(row, table, settings) or (moved if texts is None else None)


NOTE_MARK = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}\s+[A-Z])")  # "² Police ...", "3 See, for example ..."


def small_print(row: Row, part: Part, size: float, settings: TableSettings) -> bool:
    """A line set smaller than the table's body. A scan's sizes are its words' letter pitches, too rough to tell small
    print by on their own (a line of narrow letters), so there only a footnote's mark tells it (``marks_own_cell``)."""
    return row.size is not None and row.size < settings.note_size * size and \
        not (row.method or part.method).startswith(OCR_METHOD)


def marks_own_cell(row: Row, part: Part, table: Table, settings: TableSettings) -> bool:
    """Whether a line opening with a footnote's mark is no row's line: the mark is no ref of its own. A scan reads a
    raised "²" as a "2" set before a capital, as a row's first line sets its ref in the ref column; a footnote's
    number goes to the column its words do, or its words run on after it into the ref column ("2 Police National")
    where no ref reads so."""
    if not (row.method or part.method).startswith(OCR_METHOD):
        return True
    texts = line_row_cells(row, table, settings, runs_rtl(part))
    ref = "" if texts is None else by_role(texts, table).get("ref", "").strip()
    return not ref or ref_cell_number(ref) is None


def opens_with_mark(text: str) -> bool:
    """A line opening as a footnote does: its mark (raised, or a number set before a capital)."""
    return bool(NOTE_MARK.match(text))


def continues_cut_row(reading: Reading, part: Part, first: Row, settings: TableSettings) -> bool:
    """Whether the first row of a part is the rest of the last row read on the page before.

    It is when a page break left that row open (no border under it, none over this one), or when the break
    closed the border but cut a key cell short: a ref with no number yet ("AfI-" / "16") or a page ref with no
    page yet ("pp." / "56-58", "Pages 9-" / "10").
    """
    assert reading.cut is not None and reading.table is not None
    if reading.cut_part is not None and reading.cut_part.page_index == part.page_index:
        return False
    if first.open_top and reading.cut_row is not None and reading.cut_row.open_bottom:
        return True
    lower = row_to_raw(first, part, reading.table, reading.table_id, settings)
    if lower is None or lower.kind is not RowKind.CELLS:
        return False
    upper = reading.cut
    ref_open = bool(upper.ref.strip()) and ref_cell_number(upper.ref) is None and bool(lower.ref.strip()) and \
        ref_cell_number(upper.ref.strip() + lower.ref.strip()) is not None
    page_open = bool(upper.page_ref.strip()) and bool(lower.page_ref.strip()) and \
        (not any(ch.isdigit() for ch in upper.page_ref) or bool(PAGE_JOINER.search(upper.page_ref.strip()))) and \
        lower.page_ref.strip()[:1].isdigit()
    return ref_open or page_open


def body_size(rows: list[Row]) -> float | None:
    """The font size most of a table's text lines are set in (None when the flavour knows no sizes)."""
    sizes = [r.size for r in rows if r.size]
    return statistics.median(sizes) if sizes else None


def is_title_line(rows: list[Row], i: int, settings: TableSettings) -> bool:
    """A text line between table rows that is a section title ("Section 2: Areas for improvement (AFIs)") set
    apart by white space: a heading over the next table, even when it fits within one column."""
    row = rows[i]
    if not row.is_line or len([c for c in row.cells if c.text.strip()]) == 0:
        return False
    title = match_title(in_reading_order(row.text))
    if title is None or title.others:
        return False
    above = row.top - rows[i - 1].bottom if i else None
    below = rows[i + 1].top - row.bottom if i + 1 < len(rows) else None
    if (above is None or below is None) and ends_like_a_sentence(row.text):
        return False  # at a page top or foot: the rest of a row cut by the page break ("areas for improvement.")
    if above is None and wraps_on(rows, i, settings):
        return False  # at a page top, the next line at a wrapped line's pitch: a cell's line the page break cut
    return (above is None or above >= settings.title_gap) and (below is None or below >= 0.5 * settings.title_gap)


def wraps_on(rows: list[Row], i: int, settings: TableSettings) -> bool:
    """Whether the line under line ``i`` follows it at a wrapped line's pitch, starting where it starts (one cell's
    lines: "recommendation" / "s, of which 7 have" at a page top), not set further below as under a title."""
    if i + 1 >= len(rows) or not rows[i + 1].is_line:
        return False
    row, under = rows[i], rows[i + 1]
    starts = min(c.x0 for c in row.cells if c.text.strip())
    same_start = any(abs(c.x0 - starts) <= settings.cross_slack for c in under.cells if c.text.strip())
    return same_start and under.top - row.top <= settings.line_pitch + settings.band_gap


def holds_key_cells(row: Row, part: Part, table: Table, settings: TableSettings) -> bool:
    """Whether a text line sets a ref number in the ref column and a page number in the page column: a row's key line
    ("AFI 12" | "50" under a tall action cell), however the vocabulary reads its words as a numbered section name."""
    texts = line_row_cells(row, table, settings, runs_rtl(part))
    if texts is None:
        return False
    cells = by_role(texts, table)
    return ref_cell_number(cells.get("ref", "")) is not None and any(ch.isdigit() for ch in cells.get("page_ref", ""))


def ends_like_a_sentence(text: str) -> bool:
    """A line ending in a full stop, comma or semicolon: a sentence's end, which titles and bands seldom are."""
    return text.rstrip().endswith((".", ",", ";"))


def is_band_line(rows: list[Row], i: int, part: Part, table: Table, settings: TableSettings) -> bool:
    """A band row set inside one column of an unruled table: a whole line the vocabulary reads as a section
    title, in one column (or one phrase), with no ref number and no page number, set further from the lines
    above and below than a wrapped line's pitch (at row spacing from both; read as cells it ran on as the row
    above's last line).
    A row's first line that opens with section words is followed at a wrapped line's leading, so is no band.

    At a part's first or last line (a page top or foot, right under a header) only the neighbour there is can
    tell; a line that ends like a sentence (the rest of a row cut by the page break) is then no band."""
    row = rows[i]
    if not row.is_line:
        return False
    text = in_reading_order(row.text)
    title = match_title(text)
    if title is None or title.others or title.number:
        return False
    if heads_next_row(rows, i, part, table, settings) or band_at_foot(rows, i, part, table, settings):
        return True
    apart = settings.line_pitch + settings.band_gap  # top to top: line boxes differ in height, pitches do not
    above = row.top - rows[i - 1].top if i and rows[i - 1].is_line else None
    below = rows[i + 1].top - row.top if i + 1 < len(rows) and rows[i + 1].is_line else None
    if (above is None and below is None) or any(g is not None and g < apart for g in (above, below)):
        return False
    if (above is None or below is None) and ends_like_a_sentence(text):
        return False
    texts = line_row_cells(row, table, settings, runs_rtl(part))
    if texts is None or (sum(1 for t in texts if t.strip()) != 1 and len(phrases(row, settings)) != 1):
        return False  # in one column, or one phrase that a column's start happens to cut ("Part C AREAS" | "FOR ...")
    cells = by_role(texts, table)
    page = cells.get("page_ref", "")
    numbered = any(ch.isdigit() for ch in page) and match_title(page) is None  # not the band's own numbering ("3. Cause
    # for concern" set from the table's left edge, over a page column that comes first)
    return ref_cell_number(cells.get("ref", "")) is None and not numbered


def heads_next_row(rows: list[Row], i: int, part: Part, table: Table, settings: TableSettings) -> bool:
    """A section title (already read as one) short enough to sit alone in the table's first column or its ref column,
    right over a line that opens a row with its ref ("1) Causes for Concern" over "(1) | 11-12 | The force's ..."): a
    band set at the rows' own leading (rules, not white space, set rows apart), not a row whose ref or page is the
    title."""
    if i + 1 >= len(rows) or not rows[i + 1].is_line or "ref" not in table.roles:
        return False
    texts = line_row_cells(rows[i], table, settings, runs_rtl(part))
    below = line_row_cells(rows[i + 1], table, settings, runs_rtl(part))
    ref = table.roles["ref"]
    filled = [k for k, t in enumerate(texts or []) if t.strip()]
    if texts is None or below is None or len(filled) != 1 or filled[0] not in (0, ref):
        return False
    return ref_cell_number(texts[filled[0]]) is None and ref_cell_number(below[ref]) is not None


def band_at_foot(rows: list[Row], i: int, part: Part, table: Table, settings: TableSettings) -> bool:
    """A section title (already read as one) alone in the table's first column or its ref column on a part's last line,
    with no number and no sentence's end: a band whose rows the page break pushed on to the next page ("AFIS" at a page
    foot, set at the rows' own leading under the last row's tall cell, no line under it to show it set apart)."""
    if i != len(rows) - 1 or ends_like_a_sentence(rows[i].text):
        return False
    texts = line_row_cells(rows[i], table, settings, runs_rtl(part))
    filled = [k for k, t in enumerate(texts or []) if t.strip()]
    if texts is None or len(filled) != 1 or filled[0] not in (0, table.roles.get("ref", 0)):
        return False
    return ref_cell_number(texts[filled[0]]) is None


def wraps_band(above: RawRow, row: RawRow, settings: TableSettings) -> bool:
    """Whether a band line goes on the band right above it: a section title wrapped to a second line of the
    table's width ("… IN RESPONSE TO THE CAUSE OF" / "CONCERN"), set at a wrapped line's pitch, that the
    vocabulary reads whole (two title lines over a header are two lines)."""
    if not (above.kind is RowKind.TEXT and above.band and row.kind is RowKind.TEXT and row.band and
            above.page_index == row.page_index and above.top is not None and row.top is not None and
            row.top - above.top <= settings.line_pitch + settings.band_gap):
        return False
    title = match_title(f"{above.text} {row.text}")
    return title is not None and not title.others


def replace_row(rows: list[RawRow], old: RawRow, new: RawRow) -> None:
    for i, r in enumerate(rows):
        if r is old:
            rows[i] = new
            return


def text_lines_to_rows(page: PageTables, parts: list[Part]) -> list[RawRow]:
    """A page's text lines outside its annex parts, as TEXT rows (titles, footnotes, running heads)."""
    out = []
    for line in page.lines:
        mid = (line.top + line.bottom) / 2
        if any(p.bbox[1] <= mid <= p.bbox[3] for p in parts):
            continue
        out.append(RawRow(kind=RowKind.TEXT, text=line.text, page_index=page.page_index, top=line.top,
                          bottom=line.bottom, method=line.method, confidence=line.confidence))
    return out


def read_tables(pages: Iterable[PageTables], header_search: int | None = None) -> tuple[list[RawRow], list[int]]:
    """Given the parts each page holds, return the annex's raw rows in reading order and its pages.

    ``header_search``: how many first rows of a part may hold its header (None: any row, as a page of
    text lines with the annex starting after letter prose needs).
    """
    reading = Reading()
    for page in pages:
        settings = page.settings
        page_rows: list[RawRow] = []
        kept: list[Part] = []
        for part in page.parts:
            page_rows.extend(read_page_part(reading, part, settings, header_search, kept))
        if not page_rows:
            reading.foot_titles = foot_titles(page) if reading.table is None else []
            if reading.table is not None and page.parts == [] and reading.table.gridded:
                if holds_text(page):
                    reading.table = None  # a page with no table part after the annex began: the annex has ended
                else:  # a blank page, or one holding a section's title only: the table goes on after it
                    reading.rows.extend(text_lines_to_rows(page, []))
            continue
        if not any(r.kind is RowKind.CELLS for r in page_rows) and not kept:
            continue
        reading.pages.append(page.page_index)
        page_rows.extend(text_lines_to_rows(page, kept))
        page_rows.sort(key=lambda r: r.top if r.top is not None else 0.0)
        reading.rows.extend(page_rows)
    if not reading.pages:
        return [], []
    reading.rows.sort(key=lambda r: r.page_index)  # parts read by the backward pass come first (stable sort)
    return reading.rows, sorted(reading.pages)


def foot_titles(page: PageTables) -> list[RawRow]:
    """The section titles a page without a table ends with, as title rows (TEXT): read from its last line up, page
    folios and the bottom margin aside, while lines read whole as a section's title ("Areas identified for
    improvement: Effectiveness" left under the annex's heading when the table moved on to the next page)."""
    lines = [(" ".join(r.text.split()), r.top, r.bottom, r.method or p.method, r.confidence)
             for p in page.parts for r in p.rows if not r.is_empty()]
    if not page.parts:
        lines = [(t.text, t.top, t.bottom, t.method, t.confidence) for t in page.lines]
    foot = (1 - page.settings.margin) * page.height if page.height is not None else None
    out: list[RawRow] = []
    for text, top, bottom, method, confidence in sorted(lines, key=lambda t: t[1], reverse=True):
        if PAGE_FOLIO.match(text) or (foot is not None and top > foot):
            continue
        title = match_title(in_reading_order(text))
        if title is None or title.others or ends_like_a_sentence(text):
            break
        out.insert(0, RawRow(kind=RowKind.TEXT, text=text, page_index=page.page_index, top=top, bottom=bottom,
                             method=method, confidence=confidence))
    return out


def holds_text(page: PageTables) -> bool:
    """Whether a page without table parts holds text that ends a table: more lines than a running head and a section's
    title take (page numbers aside), or a line ending a sentence. A page a word processor left blank but for its
    running head, or a title kept with a table pushed on to the next page, does not."""
    lines = [line.text for line in page.lines if line.text.strip() and not PAGE_FOLIO.match(line.text)]
    return len(lines) > page.settings.title_lines or any(reads_as_sentence(t) for t in lines)


def read_page_part(reading: Reading, part: Part, settings: TableSettings, header_search: int | None,
                   kept: list[Part]) -> list[RawRow]:
    """Given one part, return its raw rows: from its header on, or all of it when it continues the table."""
    out: list[RawRow] = []
    rows = part.rows
    start = 0
    while start <= len(rows):
        header = find_header(rows[start:], settings, header_search if start == 0 else None, reading.header_lines)
        if header is not None and start == 0 and reading.table is not None and not names_keys(header, reading.table):
            # a body line of the table going on whose cells happen to name roles ("Page" / "ISSUE OF" / "Issue")
            later = next_header(rows, header.first + 1, reading.table, settings) if part.edges is None else None
            header = later
        if header is None:
            if start == 0:
                if reading.table is None or not continues(reading.table, part, settings):
                    if reading.table is None:
                        reading.waiting.append(part)
                    return out
                reading.table_id += 1
                kept.append(part)
            table, reading.table = reading.table, shifted_table(reading.table, part, rows[start:], settings)
            out.extend(read_part(reading, part, rows[start:], settings))
            reading.table = table
            return out
        first = start + header.first
        reading.header_lines = header.count
        table = header_table(Part(part.page_index, part.bbox, rows[start:], part.edges, part.method), header,
                             settings)
        if reading.table is not None:  # an annex sets its tables in one body size: a short part (a last row over
            table.body_size = reading.table.body_size  # footnotes) cannot tell it by its lines' median
        if start == 0 and first > 0 and reading.table is not None and continues(reading.table, part, settings):
            if part not in kept:  # the part goes on with the table above until its own header
                reading.table_id += 1
                kept.append(part)
            out.extend(titles_last(read_part(reading, part, rows[:first], settings)))
        else:
            for row in rows[start:first]:  # title rows above the header
                if not row.is_empty():
                    out.append(text_row(row.text, part, row, part.page_index, reading.table_id, band=False))
        if reading.table is None and reading.foot_titles and reading.foot_titles[0].page_index == part.page_index - 1:
            reading.rows.extend(reading.foot_titles)  # the page before: rows are put in page order at the end
        reading.foot_titles = []
        if reading.table is None and reading.waiting:
            out_before = parts_before_header(reading, table, settings)
            reading.rows.extend(out_before)
        reading.table, reading.shift = table, None
        reading.table_id += 1
        if part not in kept:
            kept.append(part)
        out.append(header_row(header, table, part, rows[first], reading.table_id, settings))
        end = first + header.count
        following = next_header(rows, end, table, settings) if part.edges is None else None
        stop = following.first if following is not None else len(rows)
        body = read_part(reading, part, rows[end:stop], settings)
        out.extend(titles_last(body) if following is not None else body)
        if following is None:
            return out
        start = stop
    return out


def names_keys(header: Header, table: Table) -> bool:
    """Whether a header names the ref, page and text columns the table read before it names."""
    return {role for role in KEY_ROLES if role in table.roles} <= set(header.roles)


def next_header(rows: list[Row], end: int, table: Table, settings: TableSettings) -> Header | None:
    """The next header among a part's lines after ``end`` (its ``first`` counted from the part's first row): one that
    names the ref, page and text columns the table above names. A body line whose cells happen to name roles
    ("Issue of" | "force's policy on positive action in" | "Page") names fewer."""
    at = end
    while at < len(rows):
        found = find_header(rows[at:], settings, None)
        if found is None:
            return None
        if names_keys(found, table) and not keys_crossed(found, table, settings):
            return replace(found, first=at + found.first)
        at += found.first + 1
    return None


def keys_crossed(header: Header, table: Table, settings: TableSettings) -> bool:
    """Whether a header found among a table's lines sets the label of one of the ref, page and text columns where the
    table has another of them: body words that happen to name roles ("cross-reference the links between" in the text
    column read as the ref column's label), not a next table's header, whose labels stand over their own columns."""
    columns = {table.roles[role]: role for role in KEY_ROLES if role in table.roles}
    for role in KEY_ROLES:
        if role in header.roles:
            label = header.cells[header.roles[role]]
            at = columns.get(table.column_of((label.x0 + label.x1) / 2, settings))
            if at is not None and at != role:
                return True
    return False


def shifted_table(table: Table, part: Part, rows: list[Row], settings: TableSettings) -> Table:
    """The table as a part with no header of its own sets it: moved sideways when the part's lines start where the
    table's columns start, all moved by one distance (a left-hand page with mirrored margins sets the whole table a
    few points further left or right; read with the first page's edges, a wrapped line straddles one); a ruled part
    by its own grid."""
    if table.gridded:
        dx = grid_shift(table, part, settings)
        return replace(table, edges=list(part.edges)) if dx and part.edges is not None else table
    if not table.starts:
        return table
    counts: dict[float, int] = {}
    for row in rows:
        cells = sorted((c for c in row.cells if c.text.strip()), key=lambda c: c.x0)
        for k, c in enumerate(cells):
            if k == 0 or c.x0 - cells[k - 1].x1 > settings.phrase_gap:
                counts[round(c.x0)] = counts.get(round(c.x0), 0) + 1
    # each column's candidate moves, with the lines that make them: to where two lines at least start, within a page
    # shift of its usual start (a neighbouring column's starts may lie as near, and be more common: the one move all
    # columns share is taken)
    options = [[(x - start, n) for x, n in counts.items() if abs(x - start) <= settings.page_shift and n >= 2]
               for start in (s for s in table.starts if s is not None)]
    options = [o for o in options if o]
    near = 2 * settings.start_tolerance + 1
    shared = [d for d in {d for o in options for d, _ in o}
              if all(any(abs(e - d) <= near for e, _ in o) for o in options)]
    if len(options) < 2 or not shared:
        return table
    starts = [s for s in table.starts if s is not None]
    at = settings.start_tolerance + 0.5  # a line starts at a column's start to the point (centred cells start near it)
    support = {d: sum(n for x, n in counts.items() for s in starts if abs(x - s - d) <= at) for d in shared}
    # the move most lines start at, the least of equals (no move at all, where every column's lines also start where
    # they usually do): a page may hold rows a producer set sideways under rows set where the table's columns are
    best = max(shared, key=lambda d: (support[d], -abs(d)))
    dx = commonest_move([min(o, key=lambda e: abs(e[0] - best)) for o in options])
    if abs(dx) <= settings.start_tolerance + 0.5:
        return table
    return moved_by(table, dx)


def commonest_move(moves: list[tuple[float, int]]) -> float:
    """The move most lines share, each column's move counting by the lines that start there (no move of equals): a
    centred column's lines start further left where its text is wider ("24" after "1"), as if it moved, while the many
    wrapped lines of a left-aligned text column start where they always do."""
    lines: dict[float, int] = {}
    for move, n in moves:
        lines[move] = lines.get(move, 0) + n
    return max(lines, key=lambda move: (lines[move], -abs(move)))


def titles_last(rows: list[RawRow]) -> list[RawRow]:
    """Rows read above a header: full-width lines after the last row of cells are the next table's titles (a
    title and a date set over a header repeated at a page top), not band rows inside the table above; so is a line
    that fits in one column under such a title and holds no ref or page cell ("Report published 17 October 2023" set
    under the next table's title, in the text column's span), not the last row's text going on."""
    keyed = [i for i, r in enumerate(rows) if r.kind is RowKind.CELLS and (r.ref.strip() or r.page_ref.strip())]
    title = next((i for i, r in enumerate(rows) if i > (keyed[-1] if keyed else -1) and r.kind is RowKind.TEXT), None)
    if title is not None and all(r.kind is RowKind.TEXT or lone_cell(r) is not None for r in rows[title:]):
        return rows[:title] + [replace(r, band=False) if r.kind is RowKind.TEXT else title_of(r) for r in rows[title:]]
    cells = [i for i, r in enumerate(rows) if r.kind is RowKind.CELLS]
    after = cells[-1] + 1 if cells else 0
    return rows[:after] + [replace(r, band=False) if r.kind is RowKind.TEXT else r for r in rows[after:]]


def lone_cell(row: RawRow) -> str | None:
    """The text of a row of cells that fills one cell only (None when it fills more, or none)."""
    filled = [t for t in (row.ref, row.page_ref, row.section, row.theme, row.issue, row.action) if t.strip()]
    return filled[0] if len(filled) == 1 else None


def title_of(row: RawRow) -> RawRow:
    """A row of one cell as a title line (TEXT) over the next table."""
    return RawRow(kind=RowKind.TEXT, text=" ".join((lone_cell(row) or "").split()), page_index=row.page_index,
                  top=row.top, bottom=row.bottom, is_line=row.is_line, method=row.method, confidence=row.confidence,
                  table_id=row.table_id)


def parts_before_header(reading: Reading, table: Table, settings: TableSettings) -> list[RawRow]:
    """The backward pass: header-less parts read before the header was known, that line up with its columns."""
    out: list[RawRow] = []
    for part in reading.waiting:
        if not continues(table, part, settings) or part.edges is None:
            continue
        reading.table, reading.table_id = table, reading.table_id + 1
        rows = [r for r in (row_to_raw(row, part, table, reading.table_id, settings) for row in part.rows) if r]
        if any(r.kind is RowKind.CELLS and ref_cell_number(r.ref or "") is not None for r in rows):
            out.extend(rows)
            if part.page_index not in reading.pages:
                reading.pages.append(part.page_index)
    reading.waiting = []
    reading.table = None
    return out
