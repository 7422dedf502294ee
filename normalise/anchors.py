"""Find the anchor of each logical row among text lines: the line(s) holding its Report Ref and Page Ref.

A row's ref may sit on any of its lines, and an OCR layer may repeat the ref and page cells on a
neighbouring line in garbled form ("30 | Page 27" and "50 | raye 27"). A line starts a new row
(a *primary* anchor) when its ref is the next in sequence, or when nothing near it is; a numbered
line next to a primary that repeats its ref, or carries only a look-alike page next to the expected
ref, is a duplicate. Page cells on other lines join the nearest primary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from hmic_extract.model import Repair
from hmic_extract.vocabulary import ref_cell_number, section_of_cell_unbroken

from .line_units import Unit
from .ocr_pagerefs import (
    JOINS_NEXT,
    LABEL_NUMBER,
    PageChoice,
    choose_page_ref,
    cut_number,
    hyphenated,
    mended_word,
    page_cell_kind,
)

NEAR = 1  # lines: how far an OCR duplicate of a ref sits from the ref it repeats
PAGE_REACH = 3  # lines: how far a page cell may sit from its row's ref (refs on the last line)
STRONG_PAGE = ("page", "other")


def ref_number(cell: str) -> int | None:
    """Given a ref cell ("12", "12.", "AFI 3", "R2", "C1", "Issue 3"), return its number, or None for noise."""
    return ref_cell_number(cell) if cell.strip() else None


@dataclass
class Anchor:
    """The lines that carry one row's ref and page cells."""

    primary: int  # unit index of the line that starts the row's anchor
    members: list[int] = field(default_factory=list)
    ref: str = ""
    page: PageChoice = field(default_factory=lambda: PageChoice(""))
    repairs: list[Repair] = field(default_factory=list)
    first: int = 0
    last: int = 0


def is_duplicate_ref(units: list[Unit], i: int, refs: list[int | None], last: int | None,
                     expected: set[int]) -> bool:
    """Given a numbered line, return True when it repeats a nearby row's ref (an OCR duplicate)."""
    u = units[i]
    strong_page = page_cell_kind(u.page) in STRONG_PAGE

    def near(j: int) -> bool:
        return units[j].part == u.part and abs(units[j].line_no - u.line_no) <= NEAR and j != i

    if last is not None and near(last) and refs[i] == refs[last]:
        return True
    if strong_page or not expected or refs[i] in expected:
        return False
    if last is not None and near(last):
        return True
    return any(near(j) and refs[j] in expected for j in range(max(0, i - 3), min(len(units), i + 4)))


def join_cut_refs(units: list[Unit]) -> None:
    """Mend refs a narrow ref column broke after their first digits ("AFI-1" / "0"): the digits alone on the next
    line complete the ref when the whole number is the one the refs before it lead to (9, then 10), and neither the
    first part nor the digits alone are ("1" then "2" on one-line rows start a new run). Bare digits under a ref that
    carries a label ("AfI-1" / "2") are no ref of that table's form: they complete it even where they would be the
    next ref alone, and at a run's start (no refs before it to lead there) when no page cell stands beside them; and
    wherever the next labelled ref, cut the same way, completes to the number after theirs ("AFI1" / "5", then "AFI1"
    / "6": a section whose numbers go on from an earlier part's, 15 and 16, where the refs before lead elsewhere)."""
    last: int | None = None
    for i, u in enumerate(units):
        n = ref_number(u.ref)
        if n is None:
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and nxt.part == u.part and re.fullmatch(r"\d{1,2}", nxt.ref):
            whole = ref_number(u.ref + nxt.ref)
            labelled = re.search(r"[^\W\d_]", u.ref) is not None
            if last is None:
                join = labelled and not nxt.page
            else:
                join = n != last + 1 and (ref_number(nxt.ref) != n + 1 or labelled) and whole == last + 1
            join = join or (labelled and whole is not None and next_cut_ref(units, i + 2) == whole + 1)
            if join and whole is not None:
                u.ref, nxt.ref = u.ref + nxt.ref, ""
                n = whole
        last = n


def next_cut_ref(units: list[Unit], start: int) -> int | None:
    """The number the first ref from ``start`` on makes with the bare digits on the line under it, when it carries a
    label and such digits follow ("AFI1" / "6": 16); None otherwise."""
    i = next((k for k in range(start, len(units)) if ref_number(units[k].ref) is not None), None)
    if i is None or i + 1 >= len(units) or units[i + 1].part != units[i].part:
        return None
    u, nxt = units[i], units[i + 1]
    if re.search(r"[^\W\d_]", u.ref) is None or not re.fullmatch(r"\d{1,2}", nxt.ref):
        return None
    return ref_number(u.ref + nxt.ref)


def find_primaries(units: list[Unit]) -> tuple[list[int], list[int]]:
    """Given units, return (primary unit indexes, duplicate-ref unit indexes)."""
    refs = [ref_number(u.ref) for u in units]
    primaries: list[int] = []
    duplicates: list[int] = []
    expected: set[int] = set()
    for i, n in enumerate(refs):
        if n is None:
            continue
        last = primaries[-1] if primaries else None
        if is_duplicate_ref(units, i, refs, last, expected):
            duplicates.append(i)
            continue
        primaries.append(i)
        expected = {n + 1} | ({e + 1 for e in expected} if n not in expected else set())
    return primaries, duplicates


LABEL_END = re.compile(r"(?i)\b(?:fig(?:ure)?|table|chart|para(?:graph)?|chapter|section|annex|appendix|box)\.?\s*$")


def completes_cut(units: list[Unit], i: int) -> bool:
    """Whether line ``i``'s page cell is the last digits of a page pair or range the page cell above it ended short
    ("39/4" / "0"), the number of a label the line above ended with ("(para" / "5.5)") or the rest of a word it
    hyphenated ("Fig-" / "ure 2"): such a piece ends that page cell even where it would name no page alone."""
    above = next((v for v in reversed(units[:i]) if v.page and v.part == units[i].part), None)
    if above is None or units[i].line_no - above.line_no > PAGE_REACH:
        return False
    label_open = page_cell_kind(above.page) == "label" or bool(JOINS_NEXT.search(above.page) and
                                                                re.search(r"[^\W\d_]$", above.page))
    return cut_number(above.page, units[i].page) or hyphenated(above.page, units[i].page) or \
        (label_open and bool(LABEL_NUMBER.match(units[i].page)))


def label_number_in(units: list[Unit], i: int, anchor: Anchor) -> bool:
    """Whether the page cell right under line ``i`` (a page ref ending in a label: "Page 11 Figure") is a label's
    number held by this anchor: the label's number is the next page fragment down its column, never a later one (the
    next row's "Page" / "11")."""
    below = next((j for j in range(i + 1, len(units)) if units[j].page and units[j].part == units[i].part), None)
    return below is not None and below in anchor.members and bool(LABEL_NUMBER.match(units[below].page))


def attach(units: list[Unit], i: int, anchors: dict[int, Anchor]) -> int | None:
    """Given a non-primary anchor line, return the primary it belongs to (nearest, same part), or None."""
    u = units[i]
    kind = "number" if completes_cut(units, i) else page_cell_kind(u.page)
    cut_above = next((k for k in range(i - 1, -1, -1) if units[k].page and units[k].part == u.part), None)
    best: tuple[float, int] | None = None
    for p, anchor in anchors.items():
        q = units[p]
        distance = abs(q.line_no - u.line_no)
        word_goes_on = ends_word_above(units, i, anchor)
        cut_goes_on = kind == "number" and cut_above in anchor.members  # the number completing the label or range
        # this row's page cell left cut may lie further from its ref than a page cell reaches ("(par" / "a" / "5.5)")
        if q.part != u.part or (distance > PAGE_REACH and not (word_goes_on or cut_goes_on)):
            continue
        cost = float(distance) - (PAGE_REACH + distance if word_goes_on else 0.0)
        if u.ref and ref_number(u.ref) is None and ref_number(f"{u.ref}{q.ref}") is not None and q.line_no > u.line_no:
            cost -= PAGE_REACH  # "AfI-" over "15": the label of the ref below
        pages = [units[m].page for m in sorted(anchor.members) if units[m].page and units[m].line_no < u.line_no]
        if kind in ("number", "label") and pages and (JOINS_NEXT.search(pages[-1]) or
                                                      page_cell_kind(pages[-1]) == "word" or
                                                      cut_number(pages[-1], u.page)):
            cost -= PAGE_REACH  # "pp. 23-" / "24", "Page" / "24", "11/1" / "2", "Page 45," / "Table 2" above: it ends
            # that page ref
        if kind == "word" and q.line_no < u.line_no and pages and re.search(r"\d", pages[-1]) \
                and not JOINS_NEXT.search(pages[-1]):
            cost += PAGE_REACH  # a bare "Page" whose number is to come does not end the row above's page ref
        label_ended = bool(LABEL_END.search(u.page)) and label_number_in(units, i, anchor)
        below = next((j for j in range(i + 1, len(units)) if units[j].page and units[j].part == u.part), None)
        left_open = bool(JOINS_NEXT.search(u.page)) and bool(re.search(r"\d", u.page)) and below in anchor.members \
            and page_cell_kind(units[below].page) == "number"  # the number ending it is the next fragment down the
        # column ("Page 22 (para" / "5.5)"), never a later row's whole page cell ("26–27")
        if label_ended or left_open:
            cost -= PAGE_REACH  # "Page 11 Figure" over the row's "1", "Pages 8 and" over its "16": the number below
            # ends the label or the open page ref
        elif kind in (*STRONG_PAGE, "lookalike"):
            held = [units[m].page for m in anchor.members if page_cell_kind(units[m].page) in STRONG_PAGE]
            whole = choose_page_ref([units[m].page for m in sorted(anchor.members) if units[m].page]).text
            if not (re.search(r"\d", whole) and not JOINS_NEXT.search(whole)) or page_cell_kind(whole) == "label":
                whole = ""  # no page ref yet, one still open ("Pages 15 and"), or a label naming no page ("Figure 1")
            if any(re.findall(r"\d+", h) != re.findall(r"\d+", u.page) for h in [*held, *([whole] if whole else [])]):
                cost += PAGE_REACH + 1  # that row already has a different page ref ("Pages" / "17/18")
        if u.page.startswith(("(", "[")) and q.line_no < u.line_no and pages and re.search(r"\d", " ".join(pages)):
            cost -= PAGE_REACH  # "Page 22" / "(para 5.5)": a bracket opened after the page ref above goes on with it
        cost += 0.1 if q.line_no > u.line_no else 0.0  # on a tie, a fragment continues the row above it
        if best is None or cost < best[0]:
            best = (cost, p)
    return best[1] if best else None


def ends_word_above(units: list[Unit], i: int, anchor: Anchor) -> bool:
    """Whether line ``i``'s page cell is the rest of a word the anchor's page cell broke on the line right above, a
    column too narrow for it ("Pag" / "e", "Tabl" / "e 2"): it opens lower case under a piece ending in a letter. Such a
    piece goes on with that page ref however many lines it has run since the ref ("Page 17, Table 2" over five)."""
    u = units[i]
    above = [units[m] for m in anchor.members if units[m].page and units[m].part == u.part
             and units[m].line_no == u.line_no - 1]
    return bool(above) and bool(re.match(r"[^\W\d_]", above[-1].page[-1:])) and \
        bool(re.match(r"[a-z]", u.page)) and page_cell_kind(u.page) not in STRONG_PAGE


PAGE_STARTS = ("word", "page", "lookalike")  # page-cell fragments that open a page ref ("Page", "Page 12")


def carried_over(units: list[Unit], primaries: list[int]) -> list[int]:
    """The page-cell fragments at the top of a later part of the run, above that part's first ref, that do not open
    a page ref ("Figur" / "e 4", "31" under a "Pages 30/" cut at the page foot). A page break may cut a row's page
    cell as it cuts its text: such a fragment ends either the cut row's page cell or the next row's, so it belongs
    to whichever row its line joins and anchors neither."""
    first_ref: dict[int, int] = {}
    for p in primaries:
        first_ref.setdefault(units[p].part, p)
    out = []
    for i, u in enumerate(units):
        if u.part == units[0].part or i >= first_ref.get(u.part, len(units)) or u.ref or not u.page:
            continue
        if page_cell_kind(u.page) not in (*PAGE_STARTS, "junk") or (out and completes_cut(units, i)):
            out.append(i)  # ("4.4)" under a carried "(para": the label's number goes where the label goes)
    return out


def label_owner(units: list[Unit], i: int, primaries: list[int]) -> int | None:
    """The primary a ref label without its number opens: the next ref down the column, when only the label's other
    pieces lie between ("Iss" / "ue-" / "17", each on a line of its own between the text's, the number further than a
    page cell reaches) and it is in the label's part, or a page break cut the ref ("Iss" / "ue-" at a page's foot, "6"
    atop the next page, the first ref there). Its line (and the page cell beside it) is that row's."""
    u = units[i]
    if not u.ref or ref_number(u.ref) is not None:
        return None
    above = ends_label_above(units, i, primaries)
    if above is not None:
        return above
    nxt = next((p for p in primaries if p > i), None)
    if nxt is None or any(ref_number(units[k].ref) is not None for k in range(i + 1, nxt)):
        return None
    whole = "\n".join(units[k].ref for k in range(i, nxt + 1) if units[k].ref)
    if section_of_cell_unbroken(whole) is None:
        return None  # the pieces read as no section's ref ("Iss" / "ue-" / "17" is "Issue-17"): OCR noise, not a label
    if units[nxt].part == u.part:
        return nxt
    first_there = next(p for p in primaries if units[p].part == units[nxt].part)
    return nxt if first_there == nxt and all(units[k].part == u.part for k in range(i, nxt)
                                             if units[k].part != units[nxt].part) else None


def ends_label_above(units: list[Unit], i: int, primaries: list[int]) -> int | None:
    """The primary whose ref label line ``i``'s ref piece goes on: a type label wrapped down the ref column under the
    row's ref ("AREA 1." / "FOR" / "IMPROVEMENT"), the label alone naming no section until the pieces under it (this
    one among them, before the next ref) end it. "IMPROVEMENT" over the next row's "AREA 2." reads as that ref's label
    too, but the label above opened first."""
    above = next((p for p in reversed(primaries) if p < i), None)
    if above is None or units[above].part != units[i].part:
        return None
    label = re.sub(r"\d+\W*", " ", units[above].ref).strip()
    if not re.search(r"[^\W\d_]", label) or section_of_cell_unbroken(label) is not None:
        return None
    nxt = next((p for p in primaries if p > i), len(units))
    pieces = [label]
    for k in range(above + 1, nxt):
        if units[k].part != units[above].part or ref_number(units[k].ref) is not None:
            break
        if units[k].ref:
            pieces.append(units[k].ref)
        if k >= i and section_of_cell_unbroken("\n".join(pieces)) is not None:
            return above
    return None


def mend_cut_words(units: list[Unit]) -> None:
    """Mend a word a narrow page column broke anywhere ("36, T" / "able" / "4"): a page cell line opening with
    lower-case letters that, glued to the last word of the page cell on the line right above, make a label or page
    word goes up to that line ("36, Table" / "4"). Alone such letters read as words, a page cell of a row of its own.
    What is left of the mended line's page cell (the label's number) completes the label (``completes_cut``). The
    line above is the page column's: a page cell centred beside its row's text may set a text line between two of
    its own ("11 Fi" / "(16)" / "gure"), as near as a page cell's pieces reach."""
    above: Unit | None = None  # the last line holding a page cell
    for u in units:
        word = mended_word(above.page, u.page) if above is not None and u.part == above.part and \
            u.line_no - above.line_no <= PAGE_REACH else None
        if above is not None and word is not None:
            head = above.page.strip().rpartition(" ")[0]
            above.page, u.page = f"{head} {word}".strip(), u.page.strip().partition(" ")[2].strip()
        if u.page.strip():
            above = u


def find_anchors(units: list[Unit]) -> list[Anchor]:
    """Given the units of one run, return one Anchor per logical row, in reading order."""
    join_cut_refs(units)
    mend_cut_words(units)
    primaries, duplicates = find_primaries(units)
    anchors = {p: Anchor(primary=p, members=[p], ref=units[p].ref) for p in primaries}
    loose = set(carried_over(units, primaries))
    pending = sorted(duplicates + [i for i, u in enumerate(units) if i not in anchors and i not in duplicates
                                   and i not in loose and ref_number(u.ref) is None
                                   and (page_cell_kind(u.page) != "junk" or u.ref
                                        or re.fullmatch(r"[^\W\d_]{1,2}", u.page) or completes_cut(units, i))])
    for i in pending:
        owner = label_owner(units, i, primaries)
        owner = attach(units, i, anchors) if owner is None else owner
        owner = cut_rows_page(units, i, primaries, anchors) if owner is None else owner
        if owner is not None:
            anchors[owner].members.append(i)
            if i in duplicates:
                anchors[owner].repairs.append(Repair("ocr-duplicate-ref", "ref", units[i].ref,
                                                     f"dropped; the row's ref is {units[owner].ref!r}"))
        elif i not in duplicates and page_cell_kind(units[i].page) in (*STRONG_PAGE, "lookalike"):
            anchors[i] = Anchor(primary=i, members=[i], ref="")  # a row whose ref was lost
    ordered = [anchors[p] for p in sorted(anchors)]
    for a in ordered:
        a.members.sort()
        label = next((units[m].ref for m in a.members if m < a.primary and units[m].ref
                      and ref_number(units[m].ref) is None and ref_number(units[m].ref + a.ref) is not None), "")
        if label:  # the ref printed over two lines: "AfI-" / "15" is "AfI-15"
            a.ref = f"{label}{a.ref}" if label.endswith(("-", "–")) else f"{label} {a.ref}"
        a.page = choose_page_ref([units[m].page for m in a.members if units[m].page])
        a.first, a.last = a.members[0], a.members[-1]
    separate_spans(ordered)
    return ordered


def cut_rows_page(units: list[Unit], i: int, primaries: list[int], anchors: dict[int, Anchor]) -> int | None:
    """The row above a page break whose page cell the break carried whole to the next page, for a page cell atop a
    later part above that part's first ref: the last row before the break has a ref but no page cell, and the next ref
    follows its ref (no row's ref is lost between them). A producer that splits a row at the page foot may set its ref
    centred in the part before and its page cell in the part after; read as a row whose ref was lost, the cut row
    lost its page ref and its lines after the break."""
    before = [p for p in primaries if p < i]
    after = next((p for p in primaries if p > i), None)
    if not before or units[before[-1]].part == units[i].part:
        return None
    last = before[-1]
    n, m = ref_number(units[last].ref), ref_number(units[after].ref) if after is not None else None
    if n is None or m != n + 1 or any(units[k].page for k in anchors[last].members):
        return None
    return last


def separate_spans(anchors: list[Anchor]) -> None:
    """Make the anchors' line spans disjoint and ordered (a stray member never crosses a neighbour)."""
    for a, b in pairwise(anchors):
        if a.last >= b.first:
            a.last = max([m for m in a.members if m < b.primary] or [a.primary])
            b.first = min([m for m in b.members if m > a.primary] or [b.primary])
        if a.last >= b.first:
            a.last, b.first = a.primary, b.primary
