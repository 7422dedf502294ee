"""Printed page numbers: the number that steps by one from page to page at the same place.

A report prints its page number in a running footer or header that may hold anything else too (a
report title, a year, a cycle such as "2021/22" or "2023–25", "© HMICFRS 2024", "Page 3 of 40").
Whatever the furniture says, the page number is the one token, at the same place (top or bottom of
the page, first or last in its line), whose value minus the PDF page index stays the same across
pages. Years and cycles stay constant, so they never form such a progression. Roman front matter
is a second progression before the first arabic page; pages that print no number (a cover, a
chapter opener, a full-page figure) take their number from the progression around them, and the
PDF's /PageLabels are the fallback when no page prints a number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from hmic_extract.vocabulary import PAGE_WORDS

from .lines import SUPERSCRIPT_SHARE, Line, is_label
from .settings import ReportSettings

# A number standing on its own: not part of "2021/22", "2023–25", "1,204", "3.5" or a word.
# Not part of a cycle, even one OCR split at a space ("PEEL 201 8/19", "2023– 25").
NUMBER_TOKEN = re.compile(r"(?<![\w/–—.,:£$%-])(?<!\d[/–—]\s)(\d{3,4}(?!\s\d{1,2}[/–—-]\d)|\d{1,2}|[ivxlc]{1,7})"
                          r"(?![\w/–—,%-]|\.\d)")
FEW_PAGES = 4  # a document this short may print its page number on one page only
YEARS = (1900, 2099)  # a number in this range on a single page reads as a year, not a page number
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ROMAN_FORM = re.compile(r"^c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_value(text: str) -> int | None:
    """The value of a lowercase roman numeral in its strict form ("iv" -> 4), or None."""
    if not text or not ROMAN_FORM.match(text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        value = ROMAN_VALUES[a]
        total += -value if b != " " and ROMAN_VALUES[b] > value else value
    return total


def to_roman(value: int) -> str:
    out = ""
    for n, s in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= n:
            out += s
            value -= n
    return out


@dataclass(frozen=True)
class Candidate:
    """One number printed in a page's margin: where it is and what it says."""

    page: int
    value: int
    roman: bool
    place: tuple[str, str]  # ("top" | "bottom", "first" | "last"): where on the page and in its line
    line: int  # id() of the margin line that prints it
    edge: bool = True  # it opens or closes its line (but for separators and page words), as page numbers do


@dataclass(frozen=True)
class Progression:
    """Numbers at one place that step by one with the page: value = page index + offset, for each run of pages
    (a report renumbered in an annex, or a scan of a few pages, has several runs)."""

    place: tuple[str, str]
    values: dict[int, int]  # page index -> printed value, for the pages that print it
    lines: frozenset[int]

    @property
    def pages(self) -> list[int]:
        return sorted(self.values)

    def value_at(self, page: int) -> int | None:
        """The number page ``page`` prints, or carries on from the nearest numbered page before it (else after)."""
        if page in self.values:
            return self.values[page]
        before = [p for p in self.values if p < page]
        nearest = max(before) if before else min(self.values)
        return self.values[nearest] + page - nearest


def in_margin(line: Line, height: float, settings: ReportSettings) -> str:
    """ "top" or "bottom" for a line in a page's top or bottom margin zone, else ""."""
    if line.bottom < settings.margin_zone * height:
        return "top"
    if line.top > (1 - settings.margin_zone) * height:
        return "bottom"
    return ""


def note_number(line: Line, lines: list[Line]) -> bool:
    """Whether a bare number is a footnote's number: set smaller than the note's text that starts right after it,
    level with it (a page number stands apart, at its own size)."""
    if not line.text.strip().isdigit():
        return False
    middle = (line.top + line.bottom) / 2
    return any(o is not line and o.page == line.page and 0 <= o.x0 - line.x1 <= 2 * o.size
               and line.size <= SUPERSCRIPT_SHARE * o.size and o.top - o.height / 2 <= middle <= o.bottom
               for o in lines)


def margin_candidates(pages: dict[int, list[Line]], heights: dict[int, float],
                      settings: ReportSettings) -> list[Candidate]:
    """Given each page's lines, return every number that opens or closes a line in a margin zone."""
    out = []
    for index, lines in pages.items():
        for ln in lines:
            band = in_margin(ln, heights[index], settings)
            if not band or is_label(ln) or note_number(ln, lines):
                continue
            if settings.weightless:
                out += glued_candidates(ln, index, band)
            tokens = list(NUMBER_TOKEN.finditer(ln.text))
            if not tokens or NOTE_SENTENCE.match(ln.text.strip()):  # numbers inside a footnote's sentence
                continue
            for which, token in (("first", tokens[0]), ("last", tokens[-1])):
                if which == "first" and opens_note(ln.text, token):
                    continue
                text = token.group(1)
                edge = at_line_edge(ln.text, token, which)
                if not text.isdigit() and not edge:
                    continue  # a roman page number opens or closes its line; a lone "l" inside is a spaced-out word's
                value = int(text) if text.isdigit() else roman_value(text)
                if value is None or value == 0:
                    continue
                out.append(Candidate(index, value, not text.isdigit(), (band, which), id(ln), edge))
    return out


def inline_candidates(pages: dict[int, list[Line]], heights: dict[int, float],
                      settings: ReportSettings) -> list[Candidate]:
    """Given each page's lines, return every arabic number inside a margin line, placed by the line's height.

    The last resort when no number opens or closes a margin line in step with the page: two parts of a running
    head set on one baseline with no gap between them read as one line ("Westshire Police – Crime data 2017
    Westshire Police inspection 2017 2"), and a page number on the outer side then stands mid-line on every other
    page. A running head comes back at the same height (``settings.same_spot``); a count in prose reaching into
    the margin zone does not."""
    out = []
    for index, lines in pages.items():
        for ln in lines:
            band = in_margin(ln, heights[index], settings)
            if not band or is_label(ln) or note_number(ln, lines) or NOTE_SENTENCE.match(ln.text.strip()):
                continue
            place = (band, f"at {round(ln.top / settings.same_spot)}")
            out += [Candidate(index, int(token.group(1)), False, place, id(ln), edge=False)
                    for token in NUMBER_TOKEN.finditer(ln.text) if token.group(1).isdigit() and int(token.group(1))]
    return out


# What may stand between a page number and its line's edge: separators and page words ("Page 3 of 40", "- 3 -",
# "| 12"), never words of a sentence ("In 16 the child ...": a count in prose reaching into the margin zone).
EDGE_BEFORE = re.compile(rf"^[\W_]*(?:(?:{PAGE_WORDS})\.?[\W_]*)?$", re.IGNORECASE)
EDGE_AFTER = re.compile(r"^[\W_]*(?:of\s+\d+[\W_]*)?$", re.IGNORECASE)


def at_line_edge(text: str, token: re.Match, which: str) -> bool:
    """Whether a number opens (``which`` "first") or closes ("last") its line, but for separators and page words.

    Evidence, not a rule: a page number may stand mid-line where OCR or line grouping joins it to the running
    head's other parts ("Westshire Police 7 11–22 September 2017")."""
    if which == "first":
        return bool(EDGE_BEFORE.match(text[:token.start()])) or bool(EDGE_AFTER.match(text[token.end():]))
    return bool(EDGE_AFTER.match(text[token.end():]))


NOTE_SENTENCE = re.compile(r"^[A-Z][^.!?]*(?:\s\S+){2,}[.!?]['’”)]?$")  # "Home Office Counting Rules, April 2017."


def opens_note(text: str, token: re.Match) -> bool:
    """Whether a number opens a footnote: it starts the line and a sentence follows it, ending in a full stop
    (a running head or footer after a page number names the report, it says nothing)."""
    return token.start() == 0 and bool(NOTE_SENTENCE.match(text[token.end():].strip()))


GLUED_NUMBER = re.compile(r"(?<=[A-Za-z\-–—])(\d{1,4})$")
CYCLE_BEFORE = re.compile(r"\b(?:19|20)\d\d\s?[-–—/]$")  # a cycle's first year and its dash ("2023-" of "2023-25")


GLUED_LEADING = re.compile(r"^(\d{1,4})(?=[A-Z][a-z])")  # "1Spotlight report 2023": "1 | Spotlight …" read glued


def glued_candidates(line: Line, page: int, band: str) -> list[Candidate]:
    """OCR glues a page number to the running head before it ("…re-inspection2", "…PEEL 2023-252"): each
    tail of the trailing digits may be the number; the progression over pages tells which. It glues one that
    opens the line to the head's first word after it too ("1Spotlight report 2023"), separator and all."""
    text = line.text.strip()
    lead = GLUED_LEADING.match(text)
    leading = [Candidate(page, int(lead.group(1)), False, (band, "glued-first"), id(line))] \
        if lead and int(lead.group(1)) > 0 else []
    m = GLUED_NUMBER.search(text)
    if not m:
        return leading
    digits = m.group(1)
    if CYCLE_BEFORE.search(text[:m.start()]):  # "PEEL 2023-25" (+ "7"): the first two digits end the cycle
        digits = digits[2:]
    if not digits:
        return leading
    return leading + [Candidate(page, int(digits[-k:]), False, (band, f"glued-{k}"), id(line))
                      for k in range(1, min(3, len(digits)) + 1) if int(digits[-k:]) > 0]


def best_progression(candidates: list[Candidate], roman: bool, pages: set[int] | None = None,
                     min_support: int = 2) -> Progression | None:
    """Given margin numbers, return the place where most pages agree on stepping by one with the page.

    At that place every run of at least ``min_support`` pages with one offset counts; other numbers there
    (a year in the same footer on a page without a number) do not.
    """
    chosen = [c for c in candidates if c.roman == roman and (pages is None or c.page in pages)
              and not (min_support == 1 and YEARS[0] <= c.value <= YEARS[1])]  # one page's year is no evidence
    values: dict[tuple[str, str], set[int]] = {}
    for c in chosen:
        values.setdefault(c.place, set()).add(c.value)
    constant = {place for place, seen in values.items() if len(seen) == 1 and
                len({c.page for c in chosen if c.place == place}) > 1}  # "of 24", "© 2024": never a page number
    support: Counter[tuple[tuple[str, str], int]] = Counter()
    edges: Counter[tuple[tuple[str, str], int]] = Counter()
    # sorted: ties below are broken by insertion order, which a set's (hash-seeded) order must not decide; a page
    # counts once however many of its lines read the number there (a year mid-line and at a line's edge)
    at_edge = {(c.place, c.page, c.value) for c in chosen if c.edge}
    for place, page, value in sorted({(c.place, c.page, c.value) for c in chosen if c.place not in constant}):
        support[(place, value - page)] += 1
        edges[(place, value - page)] += (place, page, value) in at_edge
    if not support:
        return None
    # Most pages first; then numbers at their line's edge (a count in a sentence is not a page number); then
    # numbers close to the page count (a year in "© HMICFRS 2024" is not a page number); then the footer, then
    # the number closing its line (the usual places).
    def rank(kv: tuple[tuple[tuple[str, str], int], int]) -> tuple:
        (where, offset), n = kv
        return n, edges[(where, offset)], -abs(offset), where[0] == "bottom", where[1] == "last"

    (place, _), count = max(support.items(), key=rank)  # (ranked runs below: the best first)
    if count < min_support:
        return None
    values_at: dict[int, int] = {}
    lines: set[int] = set()
    for (where, offset), n in sorted(support.items(), key=rank, reverse=True):
        if where != place or n < min_support:
            continue
        run = [c for c in chosen if c.place == place and c.value - c.page == offset]
        if values_at and any(min(values_at) <= c.page <= max(values_at) for c in run):
            continue  # runs of numbering follow one another; they never interleave
        if values_at and len({c.page for c in run}) < 2 and not steps_up(values_at | {c.page: c.value for c in run}):
            continue  # one page's number running backwards against the others is a misreading, not a restart
        values_at.update({c.page: c.value for c in run})
        lines.update(c.line for c in run)
    return Progression(place, values_at, frozenset(lines))


def steps_up(values: dict[int, int]) -> bool:
    """Whether printed numbers rise with the page (page index -> value)."""
    ordered = [values[page] for page in sorted(values)]
    return all(a < b for a, b in pairwise(ordered))


def find_progressions(pages: dict[int, list[Line]], heights: dict[int, float],
                      settings: ReportSettings) -> tuple[Progression | None, Progression | None]:
    """Given each page's lines, return the arabic page-number progression and the roman one of the front matter."""
    candidates = margin_candidates(pages, heights, settings)
    arabic = best_progression(candidates, roman=False, min_support=1 if len(pages) <= 2 else 2)
    if arabic is None and len(pages) <= FEW_PAGES:  # a short extract or scan: one printed number is all there is
        arabic = best_progression(candidates, roman=False, min_support=1)
    if arabic is None:
        arabic = best_progression(inline_candidates(pages, heights, settings), roman=False)
    first_arabic = arabic.pages[0] if arabic else max(pages, default=0) + 1
    front = {p for p in pages if p < first_arabic}
    roman = best_progression(candidates, roman=True, pages=front, min_support=1)
    return arabic, roman


def printed_page_numbers(page_count: int, arabic: Progression | None, roman: Progression | None,
                         labels: list[str]) -> list[str]:
    """Given the progressions found and the PDF's /PageLabels, return each page's printed number ("" if none).

    A page inside the arabic numbering gets index + offset, whether it prints the number or not; front
    matter before it gets its roman number; a page outside both (a cover) gets its page label, if any.
    """
    out = []
    for i in range(page_count):
        label = labels[i] if i < len(labels) else ""
        value = arabic.value_at(i) if arabic is not None else None
        front = roman.value_at(i) if roman is not None else None
        if value is not None and value >= 1 and (roman is None or i > roman.pages[-1]):
            out.append(str(value))
        elif front is not None and front >= 1 and (arabic is None or i < arabic.pages[0]):
            out.append(to_roman(front))
        else:
            out.append(label)
    return out


def pdf_pages_when_unnumbered(printed: list[str]) -> list[str] | None:
    """Given each page's printed number ("" if none), return the PDF's own page numbers when no page has one (a
    scan whose numbers OCR could not read, a report that prints none), else None: a reader can still find a
    finding by its place in the file, where an empty reference sends them nowhere."""
    if any(printed):
        return None
    return [str(i + 1) for i in range(len(printed))]
