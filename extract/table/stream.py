"""Stream flavour: tables without a cell grid, read from words with positions (camelot's "stream").

For tables drawn without ruling lines (white space between columns), with rules between rows only, or
with shading only, each text line of the page is one row whose cells are its words. The shared base
finds the header among the lines, takes the columns from the header's labels and the white-space
gutters under them, and places each word in its column; a line with a word straddling a column edge is
full-width text (a title, a band, a footnote). Rows carry ``is_line=True`` and their y position; the
normaliser regroups lines into whole rows. Lines in the top and bottom margins (running heads, folios)
are set aside as text.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from hmic_extract.model import RawRow, RowKind
from hmic_extract.vocabulary import glued_words, header_score, match_title

from .model import Cell, PageTables, Part, Row, TextLine
from .settings import TableSettings
from .text import line_gaps, line_spans, plain_letters

METHOD = "stream"


def words_to_lines(words: list[dict], settings: TableSettings) -> list[list[dict]]:
    """Given words (pdfplumber's, or OCR words in points), return text lines top to bottom, left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if lines and abs(sum((v["top"] + v["bottom"]) / 2 for v in lines[-1]) / len(lines[-1]) - mid) <= \
                settings.line_tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def word_settings(words: list[dict]) -> TableSettings:
    """Settings estimated from the words' heights and the pitch of their lines."""
    heights = [w["bottom"] - w["top"] for w in words]
    lines = words_to_lines(words, TableSettings.for_page(heights))
    middles = [sum((w["top"] + w["bottom"]) / 2 for w in line) / len(line) for line in lines]
    spans = [line_spans((w["x0"], w["x1"], w["bottom"] - w["top"]) for w in line) for line in lines]
    return TableSettings.for_page(heights, line_gaps(middles, spans)).with_word_spaces(word_spaces(lines))


def word_spaces(lines: list[list[dict]]) -> list[float]:
    """The gaps between neighbouring words of each line (the page's word spaces, and a few column gaps)."""
    return [b["x0"] - a["x1"] for line in lines for a, b in itertools.pairwise(line)]


def line_to_row(line: list[dict], method: str) -> Row:
    """One text line as a row whose cells are its words."""
    scores = [w["confidence"] for w in line if w.get("confidence") is not None]
    cells = [Cell(w["text"], w["x0"], w["x1"], w.get("confidence"), opens_column=bool(w.get("cell_start")),
                  runs_on=bool(w.get("runs_on")), cuts=tuple(w.get("cuts", ()))) for w in line]
    sizes = [w["size"] for w in line if w.get("size")] or [w["mark_size"] for w in line if w.get("mark_size")]
    return Row(min(w["top"] for w in line), max(w["bottom"] for w in line), cells, is_line=True, method=method,
               confidence=min(scores) if scores else None, size=statistics.median(sizes) if sizes else None)


FOLIO = re.compile(r"^[\W_]*(?:page\s+)?\d{1,4}(?:\s*of\s*\d{1,4})?[\W_]*$", re.I)  # OCR may drop "of"'s spaces
EDGE_LINES = 3  # running heads and folios are among the first or last lines of a page


@dataclass
class PageLines:
    """One page's text lines (words) with the settings estimated from it."""

    page_index: int
    lines: list[list[dict]]
    height: float | None
    settings: TableSettings


def line_words_text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def running_key(line: list[dict], page: PageLines) -> tuple[str, float] | None:
    """What a running head or folio keeps from page to page: its text with numbers masked, and its height
    on the page (points from the nearer page edge; negative from the foot)."""
    return running_key_at(line_words_text(line), min(w["top"] for w in line), max(w["bottom"] for w in line),
                          page.height)


def running_key_at(text: str, top: float, bottom: float, height: float | None) -> tuple[str, float] | None:
    """``running_key`` of a line's text and span on a page ``height`` tall (the ruled reader's glyph lines too)."""
    if height is None:
        return None
    masked = re.sub(r"\d+", "#", text.lower())
    return (masked, top) if top < height / 2 else (masked, -(height - bottom))


def running_lines(pages: list[PageLines]) -> set[tuple[int, int]]:
    """Given the pages' lines, return (page, line number) of running heads and folios.

    A running line sits at a page's top or bottom edge, set apart from the body by white space, and either
    recurs, numbers aside, at the same height on another page ("Page 3 of 9", "Force response – OFFICIAL")
    or is a lone page number ("- 3 -", "Page 3"); a phrase or two at the same height on most pages is a running
    line however close it sits to the body. A table header's lines are never running lines, nor is a section's
    heading that recurs on some pages only (each of its tables starts a page).
    """
    seen: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for k in edge_indexes(page):
            key = running_key(page.lines[k], page)
            if key is not None:
                seen.setdefault(key[0], []).append((page.page_index, key[1]))

    def recurs(key: tuple[str, float] | None, page: PageLines) -> bool:
        """Set at the same height (within the page's running drift) on another page: a page template drew it,
        where a heading the text flow placed (a second "Cause for Concern" table) sits a line higher or lower."""
        return key is not None and any(i != page.page_index and abs(at - key[1]) <= page.settings.running_drift
                                       for i, at in seen.get(key[0], ()))
    def on_most_pages(key: tuple[str, float] | None, page: PageLines) -> bool:
        """At the same height on most pages (a page template's line, however close it sits above the table); on
        every page of an annex of fewer pages than ``running_pages`` (two at least)."""
        if key is None:
            return False
        found = {i for i, at in seen.get(key[0], ()) if abs(at - key[1]) <= page.settings.running_drift}
        need = max(2, min(page.settings.running_pages, len(pages)), page.settings.running_share * len(pages))
        return len(found) >= need

    def heads_section(line: list[dict], key: tuple[str, float] | None, page: PageLines) -> bool:
        """A section's heading that recurs at one height only because each of its tables starts a page: a page
        template's line is on most pages."""
        return match_title(line_words_text(line)) is not None and not on_most_pages(key, page)

    def page_template_line(page: PageLines, k: int) -> bool:
        return on_most_pages(running_key(page.lines[k], page), page) and \
            len(phrases_of(page.lines[k], page.settings)) <= RUNNING_PHRASES

    out = set()
    for page in pages:
        headers = header_lines(page)
        n = len(page.lines)
        for side in (range(min(EDGE_LINES, n)), range(n - 1, max(-1, n - 1 - EDGE_LINES), -1)):
            marked: list[int] = []
            for k in side:
                key = running_key(page.lines[k], page)
                if k in headers or not ((recurs(key, page) and not heads_section(page.lines[k], key, page))
                                        or FOLIO.match(line_words_text(page.lines[k])) or lone_footer(page, k)):
                    break
                marked.append(k)
            if marked and set_apart(page, marked[-1], toward=1 if side.step > 0 else -1):
                out.update((page.page_index, k) for k in marked)
            else:  # the page template's own lines from the edge in, however close the body sits under them
                template = list(itertools.takewhile(partial(page_template_line, page), marked))
                out.update((page.page_index, k) for k in template)
    return out


def phrase_spans(line: list[dict], settings: TableSettings) -> list[tuple[int, int]]:
    """A line's phrases as word index ranges [start, end): words further apart than a phrase gap start a new one, and
    so does a word set back over the one before it (a run of text drawn over another, kept whole by the reader) or set
    in another size (``sized_apart``: a page head printed on over a header's labels)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(line)):
        gap = line[k]["x0"] - line[k - 1]["x1"]
        if gap > settings.phrase_gap or line[k]["x0"] < line[k - 1]["x0"] or \
                sized_apart(line[k - 1], line[k], settings):
            spans.append((start, k))
            start = k
    return [*spans, (start, len(line))] if line else []


def sized_apart(a: dict, b: dict, settings: TableSettings) -> bool:
    """Whether two words of the PDF's text are set in sizes of their own (the smaller under ``size_ratio`` of the
    larger): a page template's text and a table's, however close the one prints over the other."""
    sizes = (a.get("size") or 0.0, b.get("size") or 0.0)
    return min(sizes) > 0 and min(sizes) < settings.size_ratio * max(sizes)


def sized_over(line: list[dict], span: tuple[int, int], settings: TableSettings) -> bool:
    """Whether a phrase drawn over a line's other words is set in a size of its own: apart from every other word of
    the line (the labels it lies over and those beside it), words without letters aside."""
    inside = [u for u in line[span[0]:span[1]] if u.get("size")]
    others = [v for v in line[:span[0]] + line[span[1]:] if v.get("size")]
    return bool(inside) and bool(others) and all(sized_apart(u, v, settings) for u in inside for v in others)


RUNNING_WORD = re.compile(r"(?!(?:pages?|pp?|pg)\b)[^\W\d_]{3,}")  # a running head's words outnumber its numbers


@dataclass(frozen=True)
class Occurrence:
    """Where an edge line's run of phrases stands on a page: the key's height, its numbers, in a header line or not."""

    page_index: int
    at: float
    numbers: list[int]
    in_header: bool


@dataclass(frozen=True)
class RunningCandidate:
    """A run of phrases (words ``first``..``end`` of line ``line``) that may be a running head beside a row's words.

    ``back``: drawn back over the words before it, or over a header's label, so one other page is evidence enough;
    ``over_label``: lies over a header's label, so it must recur on a line no header holds; ``sized``: set in a size of
    its own over the labels, so it needs to recur nowhere."""

    page: PageLines
    line: int
    first: int
    end: int
    text: str
    at: float
    numbers: list[int]
    back: bool
    over_label: bool
    sized: bool


def running_words(pages: list[PageLines], running: set[tuple[int, int]]) -> dict[tuple[int, int], set[int]]:
    """Given the pages' lines and their running lines, return the words of edge lines that hold a running head or
    footer beside a row's words ("OFFICIAL – … PCC response" printed on the line of a page's first row, a row run over
    the page foot beside "… | Page 4"): a run of phrases at one end of the line, more words than numbers, at the same
    height on ``running_pages`` pages at least (this one and others) as it is here, but for numbers that go up with
    the page (a folio). A row's cells at one height on every page ("20) | Page 13", "46) | Page 25") differ otherwise,
    and a ref and page cell whose numbers go up with the page ("AFI-15 | p.32") hold more numbers. The rest of such a
    line is the row's. A head drawn back over the line's words before it (a page template printing over the table's
    first line) needs to recur on one other page only (an annex of two pages), and may lie over a header's labels,
    which a header's own words never are; so may a head printed from the left over a header's label (the label then
    seems drawn back) when it recurs at that height on a line no header holds (its own, over a title), or, set in a
    size other than the labels it lies over (``sized_over``), on no other page (a one-page annex)."""
    runs: dict[str, list[Occurrence]] = {}
    candidates: list[RunningCandidate] = []
    for page in pages:
        headers = header_lines(page)  # a repeated header recurs at one height too, and is never a running line
        for k in edge_indexes(page):
            line = page.lines[k]
            spans = phrase_spans(line, page.settings)
            for a in range(len(spans)):
                for b in range(a + 1, len(spans) + 1):
                    words = line[spans[a][0]:spans[b - 1][1]]
                    key = running_key(words, page)
                    if key is None:
                        continue
                    numbers = [int(n) for n in re.findall(r"\d+", line_words_text(words))]
                    runs.setdefault(key[0], []).append(Occurrence(page.page_index, key[1], numbers, k in headers))
                    at_end = a == 0 or b == len(spans) or (b == a + 1 and overlaid(line, spans[a]))
                    back = b == a + 1 and drawn_back(line, spans[a])
                    over_label = b == a + 1 and k in headers and not back and overlaid(line, spans[a])
                    if len(spans) > 1 and b - a < len(spans) and (page.page_index, k) not in running and \
                            (k not in headers or back or over_label) and at_end and \
                            (back or not heads_wrapped_cell(page, k, spans[a][0])) and \
                            len(RUNNING_WORD.findall(key[0])) > (0 if back else len(numbers)):  # a date drawn over
                        candidates.append(RunningCandidate(
                            page, k, spans[a][0], spans[b - 1][1], key[0], key[1], numbers, back or over_label,
                            over_label, over_label and sized_over(line, spans[a], page.settings)))
    need = max(1, (pages[0].settings if pages else TableSettings()).running_pages - 1)  # (boilerplate cells, "Work
    # is under way.", may sit at one height on two pages)
    def recurs(page: PageLines, text: str, at: float, numbers: list[int], off_header: bool = False) -> set[int]:
        return {seen.page_index for seen in runs.get(text, ()) if seen.page_index != page.page_index and
                abs(seen.at - at) <= page.settings.running_drift and not (off_header and seen.in_header) and
                all(n == m or n - m == page.page_index - seen.page_index
                    for n, m in zip(numbers, seen.numbers, strict=True))}

    out: dict[tuple[int, int], set[int]] = {}
    for c in candidates:
        line = c.page.lines[c.line]
        key = running_key(line, c.page)
        whole = [int(n) for n in re.findall(r"\d+", line_words_text(line))]
        if not c.back and key is not None and recurs(c.page, key[0], key[1], whole):
            continue  # the whole line recurs (a repeated header whose labels the vocabulary does not read)
        again = recurs(c.page, c.text, c.at, c.numbers, off_header=c.over_label)
        place = (c.page.page_index, c.line)
        if len(again) >= (0 if c.sized else 1 if c.back else need) and c.end - c.first > len(out.get(place, ())):
            out[place] = set(range(c.first, c.end))
    template = template_keys(pages, running)
    for page in pages:
        edges = set(edge_indexes(page))
        for k, words in over_template(page, template, need).items():
            if k not in edges and (page.page_index, k) not in running:
                out[(page.page_index, k)] = words
    return out


def heads_wrapped_cell(page: PageLines, k: int, first: int) -> bool:
    """Whether the phrase from word ``first`` of line ``k`` is a cell's first line: the line under it, a wrapped
    line's pitch lower, has a word starting where the phrase starts (its cell's text going on down the column). Rows
    of one kind may open alike ("We said that the force" / "should ...") at one height on several pages; a page head
    printed beside a row's cells shares no column with the lines under it."""
    if k + 1 >= len(page.lines):
        return False
    line, below = page.lines[k], page.lines[k + 1]
    settings = page.settings
    if min(w["top"] for w in below) - min(w["top"] for w in line) > settings.line_pitch + settings.band_gap:
        return False
    return any(abs(w["x0"] - line[first]["x0"]) <= settings.start_tolerance for w in below)


def template_keys(pages: list[PageLines], running: set[tuple[int, int]]) -> dict[str, list[tuple[int, float]]]:
    """The running lines' keys (text with numbers masked -> (page, height)): where a page template prints them."""
    out: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for k in range(len(page.lines)):
            key = running_key(page.lines[k], page) if (page.page_index, k) in running else None
            if key is not None:
                out.setdefault(key[0], []).append((page.page_index, key[1]))
    return out


def over_template(page: PageLines, template: dict[str, list[tuple[int, float]]], need: int) -> dict[int, set[int]]:
    """The lines of a page, however far from its edges, that start or end with the words of a running line that
    ``need`` other pages print whole at that height: a row too tall for any page runs on past the page's foot, its
    lines going on under (and beside) the footer the page template prints where every other page has it. The line's
    index -> the indexes of those words."""
    out: dict[int, set[int]] = {}
    for k, line in enumerate(page.lines):
        ends = [range(0, n) for n in range(1, len(line))] + [range(n, len(line)) for n in range(1, len(line))]
        for words in ends:
            key = running_key([line[i] for i in words], page)
            found = {i for i, at in template.get(key[0], ()) if i != page.page_index and
                     abs(at - key[1]) <= page.settings.running_drift} if key is not None else set()
            if len(found) >= need and len(words) > len(out.get(k, ())):
                out[k] = set(words)
    return out


def overlaid(line: list[dict], span: tuple[int, int]) -> bool:
    """Whether a phrase of a line is drawn over the line's other words (a page template's head printed over a table's
    first line, where the top margin is narrower than the head): such a phrase may sit mid-line."""
    inside = line[span[0]:span[1]]
    others = line[:span[0]] + line[span[1]:]
    return any(min(u["x1"], v["x1"]) > max(u["x0"], v["x0"]) for u in inside for v in others)


def drawn_back(line: list[dict], span: tuple[int, int]) -> bool:
    """Whether a phrase that is not the line's first starts left of where the word before it starts and lies over the
    line's other words: the pen went back to print it over the line's text (a page head printed over a row or a
    header), which no cell's words are."""
    return span[0] > 0 and line[span[0]]["x0"] < line[span[0] - 1]["x0"] and overlaid(line, span)


FOLIO_END = re.compile(r"(?:^|[|•·,–—-]|\s)\s*page\s+\d{1,4}(?:\s*of\s*\d{1,4})?\W*$", re.I)


def lone_footer(page: PageLines, k: int) -> bool:
    """A page's head or footer that no other page repeats (a one-page annex): a line ending in its page number
    ("Marchford Police | 2 May 2019 | Page 1") near the page's top or bottom edge, set further from the body than rows
    are set apart."""
    line = page.lines[k]
    if page.height is None or not FOLIO_END.search(line_words_text(line)):
        return False
    top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
    zone = page.settings.footer_zone * page.height
    if zone < top and bottom < page.height - zone:
        return False
    near = [min(w["top"] for w in other) for j, other in enumerate(page.lines) if j != k]
    gap = min((abs(t - top) for t in near), default=float("inf"))
    return gap > page.settings.footer_apart * page.settings.line_pitch


RUNNING_PHRASES = 2  # a running head is a phrase or two (title, date); a line of more is a header's or a row's cells


def phrases_of(line: list[dict], settings: TableSettings) -> list[str]:
    """A line's words grouped into phrases: words further apart than a phrase gap start a new one."""
    out: list[str] = []
    for k, w in enumerate(line):
        if k and w["x0"] - line[k - 1]["x1"] <= settings.phrase_gap:
            out[-1] += f" {w['text']}"
        else:
            out.append(w["text"])
    return out


def edge_indexes(page: PageLines) -> list[int]:
    n = len(page.lines)
    return sorted({*range(min(EDGE_LINES, n)), *range(max(0, n - EDGE_LINES), n)})


def header_lines(page: PageLines) -> set[int]:
    """The lines of a page that are (or may be) a table header's: lines naming column roles without numbers,
    the lines set close under them (a wrapped label's tail, "REF" under "PAGE") and those set higher by less than a
    wrapped line's pitch (a label centred in a header of several lines: "Page" / "no." beside one-line labels)."""
    out: set[int] = set()
    top = lambda line: min(w["top"] for w in line)  # noqa: E731
    for k, line in enumerate(page.lines):
        # one phrase naming two roles is a title ("... findings: progress tracker", beside a page head "Saltcombe Vale
        # Police" naming none); a header sets three columns
        naming = [p for p in phrases_of(line, page.settings) if header_score(p.split())]
        need = 2 if len(naming) > 1 else page.settings.min_columns
        if header_score([w["text"] for w in line]) >= need and not any(ch.isdigit() for w in line for ch in w["text"]):
            out.add(k)
            j = k - 1
            while j >= 0 and top(page.lines[j + 1]) - top(page.lines[j]) <= page.settings.label_offset * \
                    page.settings.line_pitch:
                out.add(j)
                j -= 1
            j = k + 1
            while j < len(page.lines) and j - k < page.settings.header_lines and \
                    top(page.lines[j]) - top(page.lines[j - 1]) <= 1.5 * page.settings.line_pitch:
                out.add(j)
                j += 1
    return out


def set_apart(page: PageLines, k: int, toward: int) -> bool:
    """Whether line k is set apart from the next line toward the page body (``toward`` +1: below it, -1: above
    it) by more than a line pitch and a half; a page's only line is set apart."""
    j = k + toward
    if not 0 <= j < len(page.lines):
        return True
    top = lambda line: min(w["top"] for w in line)  # noqa: E731
    return abs(top(page.lines[j]) - top(page.lines[k])) > 1.5 * page.settings.line_pitch


COLUMN_START_SHARE = 0.15  # of a page's lines: a left x this many lines start a word at is a column's edge
MIN_COLUMN_STARTS = 3


def mark_column_starts(rows: list[Row], settings: TableSettings) -> None:
    """Mark the words that start where many lines of the page start one after white space (left-aligned
    columns: "PAGE AREA FOR" set close in a tight header is two labels when body lines start at "AREA"'s left).
    A number always set after "Page " lines up too, but never after white space. "Many" is a share of the lines that
    show columns (words in two places): a letter's prose above the table, or one long cell running on alone beside
    empty ones, adds lines but no columns."""
    counts: dict[int, int] = {}
    spread = 0  # lines with words in two places or more: the lines that show columns
    for row in rows:
        cells = sorted(row.cells, key=lambda c: c.x0)
        after_gap = [c for k, c in enumerate(cells) if k == 0 or c.x0 - cells[k - 1].x1 > settings.phrase_gap]
        spread += len(after_gap) > 1
        for x in {round(c.x0 / settings.start_tolerance) for c in after_gap}:
            counts[x] = counts.get(x, 0) + 1
    need = max(MIN_COLUMN_STARTS, COLUMN_START_SHARE * spread)
    for row in rows:
        for c in row.cells:
            key = round(c.x0 / settings.start_tolerance)
            c.opens_column = c.opens_column or sum(counts.get(k, 0) for k in (key - 1, key, key + 1)) >= need


def page_lines(page_index: int, words: list[dict], height: float | None, scanned: bool = False) -> PageLines:
    settings = word_settings(words) if words else TableSettings()
    settings = settings.for_scan() if scanned else settings
    return PageLines(page_index, words_to_lines(words, settings), height, settings)


def page_of_words(page_index: int, words: list[dict], height: float | None, method: str,
                  running: set[tuple[int, int]] | None = None, lines: PageLines | None = None,
                  shared: dict[tuple[int, int], set[int]] | None = None) -> PageTables:
    """Given one page's words, return it as one part of text lines, margin lines and running lines set aside (and
    the running words of a line ``shared`` with a row's, see ``running_words``)."""
    page = lines or page_lines(page_index, words, height)
    settings = page.settings
    rows: list[Row] = []
    margin: list[TextLine] = []
    kept: int | None = None  # the last line kept as the body's
    for k, line in enumerate(page.lines):
        drop = (shared or {}).get((page_index, k))
        if drop:
            head = line_to_row([w for i, w in enumerate(line) if i in drop], method)
            margin.append(TextLine(plain_letters(head.text), head.top, head.bottom, method, head.confidence))
            rows.append(line_to_row([w for i, w in enumerate(line) if i not in drop], method))
            kept = k
            continue  # the row's words, however near the page's edge the running line sets them
        row = line_to_row(line, method)
        edge = settings.margin * height if height is not None else None
        at_foot = edge is not None and height is not None and row.bottom > height - edge
        if (page_index, k) in (running or set()) or (edge is not None and row.top < edge) or (
                at_foot and not (kept == k - 1 and runs_down_column(page.lines[k - 1], line, settings))):
            margin.append(TextLine(plain_letters(row.text), row.top, row.bottom, method, row.confidence))
        else:
            rows.append(row)
            kept = k
    mark_column_starts(rows, settings)
    right = max((c.x1 for r in rows for c in r.cells), default=0.0)
    parts = [Part(page_index, (0.0, 0.0, right, height or 1e6), rows, None, method)] if rows else []
    return PageTables(page_index, parts, margin, height, settings)


def runs_down_column(above: list[dict], line: list[dict], settings: TableSettings) -> bool:
    """Whether a line goes on down a column from the body line right above it: a wrapped line's pitch lower, every
    phrase of it starting where a word above starts. A row too tall for its page runs on so into the foot margin and
    past the page's edge (a typesetter that cannot break a row); a page's footer is set apart or elsewhere."""
    pitch = min(w["top"] for w in line) - min(w["top"] for w in above)
    if pitch > settings.line_pitch + settings.band_gap:
        return False
    starts = [line[a]["x0"] for a, _ in phrase_spans(line, settings)]
    return all(any(abs(x - w["x0"]) <= settings.start_tolerance for w in above) for x in starts)


def words_to_rows(pages: Iterable[tuple[int, list[dict], float | None]],
                  method: str) -> tuple[list[RawRow], list[int]]:
    """Given (page index, words in points, page height) per page, return the annex's line rows and its pages.

    The words may come from the PDF's text (pdfplumber) or from OCR (scanned pages without ruling lines):
    the same header, gutter and column logic serves both. A page may hold several tables (one per
    section), each under its own header; a page without a header continues the table above.
    """
    scanned = method.startswith("ocr")
    return lines_to_rows([page_lines(i, words, height, scanned) for i, words, height in pages], method)


def lines_to_rows(read: list[PageLines], method: str) -> tuple[list[RawRow], list[int]]:
    """Given each page's text lines, return the annex's line rows and its pages (running lines set aside)."""
    from .base import read_tables

    running = running_lines(read)
    shared = running_words(read, running)
    return read_tables((page_of_words(p.page_index, [], p.height, method, running, p, shared) for p in read),
                       header_search=None)


def glyph_words(line: list, settings: TableSettings) -> list[dict]:
    """Given one text line's glyphs (left to right), return its words: glyphs apart by more than the word gap
    are two words (pdflatex sets no space characters; the gaps are the spaces); so are glyphs set touching that were
    not drawn one after the other (``cell_start``: two cells' words, a label run on up to the next). A word drawn
    right after the one before and the one space between them (``runs_on``) goes on the same text run. A word's size is
    its letters' (digits and marks are set raised or small inside body text); ``mark_size`` is its other glyphs', the
    size of a line that holds no letter ("¹" on a line of its own). A word the column-name words make up
    ("refRecommendation": two labels set touching) keeps where each later one is drawn (``cuts``)."""
    from .text import gap_breaks, mark_text, stands_after

    words: list[dict] = []
    space = False
    last = None
    spaces: list = []  # the space glyphs since the last glyph
    for g in line:
        if g.text == " ":
            space = space or last is None or stands_after(g, last)
            spaces.append(g)
            continue
        if words and not space and not gap_breaks(last, g, settings):
            w = words[-1]
            added = mark_text(last, g, settings)
            w["starts"] += [g.x0] * len(added)
            w["text"] += added
            w["x1"], w["top"], w["bottom"] = max(w["x1"], g.x1), min(w["top"], g.top), max(w["bottom"], g.bottom)
            w["size"] = max(w["size"], g.size if g.text.isalpha() else 0.0)
            w["mark_size"] = max(w["mark_size"], 0.0 if g.text.isalpha() else g.size)
        else:
            letter = g.text.isalpha()
            words.append({"text": g.text, "starts": [g.x0] * len(g.text), "x0": g.x0, "x1": g.x1, "top": g.top,
                          "bottom": g.bottom,
                          "size": g.size if letter else 0.0, "mark_size": 0.0 if letter else g.size,
                          "cell_start": bool(words) and not space and g.x0 - last.x1 <= settings.word_gap,
                          "runs_on": bool(words) and space and drawn_on(last, spaces, g)})
        space, last, spaces = False, g, []
    for w in words:
        starts = w.pop("starts")
        pieces = glued_words(w["text"])
        if len(pieces) > 1:
            w["cuts"] = [starts[sum(len(p) for p in pieces[:n])] for n in range(1, len(pieces))]
    return words


def drawn_on(last, spaces: list, glyph) -> bool:
    """Whether a glyph was drawn right after the glyph before it on its line and the one space set between them: a
    text run going on (a title's words), where two cells' words are drawn each in its own run."""
    return len(spaces) == 1 and last.drawn >= 0 and spaces[0].drawn == last.drawn + 1 and \
        glyph.drawn == last.drawn + 2


def pdfium_page_lines(pdf, page_index: int) -> PageLines:
    """One page's text lines from pdfium's glyphs: lines by glyph centre (a right-to-left run set in a font with
    other ascents stays on its line), words by glyph gaps, as the ruled flavour reads cells."""
    from ..pdfium_page import PdfiumPage
    from .ruled import page_settings
    from .text import glyphs_to_lines

    page = PdfiumPage.load(pdf.pdfium, page_index)
    try:
        glyphs = page.glyphs()
        height = float(page.height)
    finally:
        page.close()
    settings = page_settings(glyphs, [])
    lines = [line for line in (glyph_words(line, settings) for line in glyphs_to_lines(glyphs, settings)) if line]
    return PageLines(page_index, lines, height, settings.with_word_spaces(word_spaces(lines)))


def visual_chars(chars: list[dict]) -> list[dict]:
    """pdfplumber's characters ready for words in visual order: a right-to-left ligature ("لا" as one glyph)
    has its letters reversed, so that putting the run into reading order later puts them back."""
    from .text import strong_counts

    out = []
    for c in chars:
        text = c["text"]
        if len(text) > 1 and strong_counts(text)[1]:
            c = dict(c, text=text[::-1])
        out.append(c)
    return out


def page_words(page) -> list[dict]:
    """A pdfplumber page's words (visual order)."""
    from pdfplumber.utils import extract_words

    return extract_words(visual_chars(page.chars), keep_blank_chars=False, use_text_flow=False)


def stream_pages(pdf, page_indexes: Iterable[int]) -> Iterator[tuple[int, list[dict], float]]:
    for i in page_indexes:
        page = pdf.plumber.pages[i]
        yield i, page_words(page), float(page.height)


def extract_stream(pdf, page_indexes: Iterable[int]) -> tuple[list[RawRow], list[int]]:
    """Given an open PDF and the pages to look at, return the unruled annex's line rows and its pages.

    Returns ([], []) when no annex header is found.
    """
    if pdf.pdfium is None:  # pdfium cannot read the file: pdfplumber's words
        return words_to_rows(stream_pages(pdf, page_indexes), METHOD)
    return lines_to_rows([pdfium_page_lines(pdf, i) for i in page_indexes], METHOD)


MIN_NUMBERED = 2  # rows under a header whose ref or page cell holds a number: enough to call it a table


def page_has_annex_table(page: PageLines, settings: TableSettings | None = None,
                         following: Iterable[PageLines] = ()) -> bool:
    """Whether a page's lines hold an annex header (as the table reader finds it) with numbered rows under it, on
    the page or, for a table whose header is not repeated, on the ``following`` pages it runs on to (a header over
    one long row at a page's foot)."""
    from .base import find_header, header_table

    settings = settings or page.settings
    rows = [line_to_row(line, METHOD) for line in page.lines]
    mark_column_starts(rows, settings)  # labels set close in a tight header split where the body's columns start
    header = find_header(rows, settings, None)
    if header is None:
        return False
    table = header_table(Part(page.page_index, (0.0, 0.0, 1e6, 1e6), rows, None, METHOD), header, settings)
    numbered = numbered_rows(rows[header.first + header.count:], table, settings)
    for later in following:
        if numbered >= MIN_NUMBERED:
            break
        later_rows = [line_to_row(line, METHOD) for line in later.lines]
        mark_column_starts(later_rows, later.settings)
        if find_header(later_rows, later.settings, None) is not None:
            break  # another table's header: its rows are its own
        numbered += numbered_rows(later_rows, table, later.settings)
    return numbered >= MIN_NUMBERED


def numbered_rows(body: list[Row], table, settings: TableSettings) -> int:
    """How many of a table's body lines hold a number in their ref or page cell."""
    from .base import line_row_cells

    numbered = 0
    for row in body:
        cells = line_row_cells(row, table, settings)
        if cells is None:
            continue
        keys = [cells[table.roles[r]] for r in ("ref", "page_ref") if r in table.roles]
        numbered += any(any(ch.isdigit() for ch in k) for k in keys)
    return numbered


FOLLOWING_PAGES = 2  # pages a table whose header is not repeated is followed on to find its numbered rows


def has_annex_table(pdf, page_indexes: Iterable[int]) -> bool:
    """Whether any of the pages holds an annex table in its text (a header the vocabulary reads, numbered rows under
    it there or on the pages after it)."""
    if pdf.pdfium is None:
        return False
    for i in page_indexes:
        page = pdfium_page_lines(pdf, i)
        later = (pdfium_page_lines(pdf, j) for j in range(i + 1, min(i + 1 + FOLLOWING_PAGES, pdf.page_count)))
        if page_has_annex_table(page, following=later):
            return True
    return False


def has_numbered_rows(rows: list[RawRow]) -> bool:
    """True when raw rows include a table row with a number in its ref cell (a real annex table, not a header)."""
    return any(r.kind is RowKind.CELLS and any(ch.isdigit() for ch in r.ref) for r in rows)


__all__ = ["extract_stream", "has_numbered_rows", "words_to_rows"]
