"""Regroup one-row-per-text-line input (stream tables, OCR, pipe text) into whole table rows.

Input pieces with ``row.is_line`` are single text lines; output pieces are whole logical rows
(ref, page ref and the issue text of all their lines), ready for ``merge_continuations``.

Each row has an anchor (the lines holding its ref and page cells, see ``anchors``). Between two
anchors lies exactly one row boundary; it is placed where the total cost is lowest, counting
- the sentence break it makes (a row rarely ends on "and" or a comma, or starts lower-case),
- the y gap, when there is geometry (rows are spaced further apart than the lines of a cell),
- how far each row's ref sits from where its table aligns refs (centre, top or bottom of the
  row's part on that page), the alignment being the one that fits the whole run best.
Lines after a page break or footnotes carry no centring cost for the row above, so a row's
continuation on the next page stays with it.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence

from hmic_extract.model import RawRow, Repair
from hmic_extract.regions import band, merge_regions

from .anchors import Anchor, carried_over, find_anchors
from .line_units import FUNCTION_WORDS, TERMINAL, Unit, pieces_to_units
from .ocr_pagerefs import PageChoice, choose_page_ref
from .pieces import Piece

ALIGNMENTS = ("centre", "top", "bottom", "box centre")  # "box centre": centred in a row sized taller than its text
# (the text at the row's top, the row reaching down to the next row's first line: a spreadsheet's padded rows)
DANGLING_COST = 4.0  # a row ending on "and", "the", a comma or a hyphen
LOWER_START_COST = 3.0  # a row starting with a lower-case word
OPEN_END_COST = 1.0  # a row ending without a full stop (common in annexes, so cheap)
TIGHT_GAP_COST = 2.5  # a boundary where the y gap is no wider than between lines of one cell (per line height rows
# are set further apart than that, when more than one)
ROW_GAP_SHARE = 0.5  # of the boundaries between refs: how many wide gaps show that rows are set apart
ALIGN_COST = 1.0  # per line height the ref sits off its alignment
WHOLE_LINE = 1.8  # a ref line this many usual widths long holds the whole cell on its page
WHOLE_LINE_COST = 6.0  # per line put above such a line in its row on the same page
EARLIER_PART_COST = 1.5  # a row whose text starts on a page before its ref's (text goes on after a break, not before;
# once per row, not per line: a tall row centred on its ref may set many lines on the page before; per line where
# refs sit at the top of their rows, as a ref set beside its row's first line is never cut off from it)
EMPTY_ROW_COST = 8.0  # a row left with no text at all (every finding has some)
UNSURE_MARGIN = 0.5  # a boundary whose best alternative costs less than this much more is flagged


def first_word(text: str) -> str:
    m = re.search(r"[A-Za-z0-9]\S*", text)
    return m.group() if m else ""


ITEM_MARKER = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s")


def bracket_open_across(before: str, after: str) -> bool:
    """Whether a bracket opened in ``before`` is still open at its end, or ``after`` closes one it never opened:
    "two stations (expected to raise" / "£4.7m) that has ...": the two are one cell's lines."""
    after = ITEM_MARKER.sub("", after)  # "a) ..." opens an item, it closes nothing
    return before.rfind("(") > before.rfind(")") or -1 < after.find(")") < (after.find("(") % (len(after) + 1))


def break_cost(before: str, after: str) -> float:
    """Given the last text of a row and the first text of the next, return how unlikely that break is."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return 0.0
    cost = DANGLING_COST if bracket_open_across(before, after) else 0.0
    last = re.sub(r"[^\w'’-]", "", before.split()[-1]).lower()
    if TERMINAL.search(before):
        pass
    elif before.endswith((",", "-", "–", "/", "(", "&")) or last in FUNCTION_WORDS:
        cost += DANGLING_COST
    else:
        cost += OPEN_END_COST
    word = first_word(after)
    if word[:1].islower():
        cost += LOWER_START_COST
    return cost


def text_before(units: list[Unit], b: int) -> str:
    return next((units[i].text for i in range(b - 1, -1, -1) if units[i].text), "")


def text_from(units: list[Unit], b: int) -> str:
    return next((units[i].text for i in range(b, len(units)) if units[i].text), "")


def gap_costs(units: list[Unit], geometric: bool) -> list[float]:
    """Per boundary position b (row starts at unit b): the cost of the y gap above unit b."""
    costs = [0.0] * (len(units) + 1)
    if not geometric:
        return costs
    gaps = [units[b].lo - units[b - 1].hi for b in range(1, len(units)) if units[b].part == units[b - 1].part]
    if not gaps:
        return costs
    usual = statistics.median(gaps)
    wide = [g for g in gaps if g > usual + 0.35]
    if not wide:
        return costs  # rows set as close as a cell's lines: white space tells no boundary, so it costs none anywhere
    # rows set a blank line or more apart (a spreadsheet's padded rows) tell their boundaries the more surely, when
    # most rows are; a few wide gaps among rows set at their lines' pitch (above a band or a footnote, or above a line
    # of letters without ascenders, set lower in its box) tell only in proportion to the boundaries they could mark
    rows = sum(1 for u in units if u.ref)
    need = max(2.0, ROW_GAP_SHARE * (rows - 1))
    contrast = statistics.median(wide) - usual if len(wide) >= need else len(wide) / need
    tight = TIGHT_GAP_COST * (max(1.0, contrast) if len(wide) >= need else contrast)
    for b in range(1, len(units)):
        if units[b].part == units[b - 1].part and units[b].lo - units[b - 1].hi <= usual + 0.35:
            costs[b] = tight
    return costs


def row_cost(units: list[Unit], anchor: Anchor, start: int, end: int, alignment: str, width_lines: bool) -> float:
    """Cost of a row made of units[start:end] around its anchor, under one ref alignment."""
    part = units[anchor.primary].part
    same = [i for i in range(start, end) if units[i].part == part]
    earlier = sum(1 for i in range(start, min(end, anchor.first)) if units[i].part != part and units[i].text)
    earlier = earlier if alignment == "top" else min(earlier, 1)
    empty = EMPTY_ROW_COST if not any(units[i].text for i in range(start, end)) else 0.0
    if not same:
        return EARLIER_PART_COST * earlier + empty
    lo, hi = units[same[0]].lo, units[same[-1]].hi
    a_lo, a_hi = units[anchor.first].lo, units[anchor.last].hi
    cut = any(units[i].part != part for i in range(start, end))  # its lines (an action cell's too) run over a break
    if alignment == "box centre" and end < len(units) and units[end].part == part and not cut:
        hi = units[end].lo
    if alignment in ("centre", "box centre") and cut:
        off = max(0.0, lo - a_lo, a_hi - hi)  # a row a page break cut is centred on the whole row, not on the part
        # its ref is in: the ref need only lie among that part's lines
    elif alignment in ("centre", "box centre"):
        off = abs((lo + hi) / 2 - (a_lo + a_hi) / 2)
    elif alignment == "top":
        off = abs(a_lo - lo)
    else:
        off = abs(hi - a_hi)
    cost = ALIGN_COST * off + EARLIER_PART_COST * earlier + empty
    if width_lines and units[anchor.primary].weight >= WHOLE_LINE:
        cost += WHOLE_LINE_COST * sum(1 for i in same if i < anchor.first)
    return cost


def place_boundaries(units: list[Unit], anchors: list[Anchor], alignment: str, geometric: bool,
                     gaps: list[float]) -> tuple[float, list[int]]:
    """Given units and their anchors, return (total cost, first unit of each row) for one alignment."""
    k = len(anchors)
    bounds = [0] + [0] * (k - 1) + [len(units)]
    # best[j][b]: cheapest cost of rows 0..j-1 with row j starting at unit b
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, -1)}]
    for j in range(1, k):
        options = range(anchors[j - 1].last + 1, anchors[j].first + 1)
        layer: dict[int, tuple[float, int]] = {}
        for b in options:
            edge = break_cost(text_before(units, b), text_from(units, b)) + gaps[b]
            for prev_b, (prev_cost, _) in best[j - 1].items():
                total = prev_cost + row_cost(units, anchors[j - 1], prev_b, b, alignment, not geometric) + edge
                if b not in layer or total < layer[b][0]:
                    layer[b] = (total, prev_b)
        best.append(layer)
    last_cost, last_b = min(
        ((c + row_cost(units, anchors[-1], b, len(units), alignment, not geometric), b)
         for b, (c, _) in best[-1].items()), key=lambda t: t[0])
    bounds[k - 1] = last_b
    for j in range(k - 1, 0, -1):
        bounds[j - 1] = best[j][bounds[j]][1]
    bounds[0] = 0
    return last_cost, bounds


def join(texts: list[str]) -> str:
    return "\n".join(t for t in texts if t)


def row_page(units: list[Unit], anchor: Anchor, start: int, end: int, loose: Sequence[int]) -> PageChoice:
    """The row's page ref: its anchor's page cell, ended by fragments a page break carried into the row's lines."""
    carried = [i for i in loose if start <= i < end]
    if not carried:
        return anchor.page
    return choose_page_ref([units[i].page for i in sorted({*anchor.members, *carried}) if units[i].page])


def assemble(units: list[Unit], anchor: Anchor, start: int, end: int, alignment: str,
             loose: Sequence[int] = ()) -> Piece:
    """Given the units of one row and its anchor, return the whole-row piece with its repairs."""
    members = units[start:end]
    primary = units[anchor.primary]
    page = row_page(units, anchor, start, end, loose)
    texts: list[str] = []
    for i, u in enumerate(members):
        glued = i > 0 and u.split_from and members[i - 1].split_from == u.split_from and \
            members[i - 1].piece is u.piece
        if glued and texts:
            texts[-1] = f"{texts[-1]} {u.text}"
        else:
            texts.append(u.text)
    rows = [u.piece.row for u in members]
    tops = [r.top for r in rows if r.top is not None and r.page_index == primary.piece.row.page_index]
    bottoms = [r.bottom for r in rows if r.bottom is not None and r.page_index == primary.piece.row.page_index]
    confidences = [r.confidence for r in rows if r.confidence is not None]
    base = primary.piece.row
    row = RawRow(ref=anchor.ref, page_ref=page.text, issue=join(texts),
                 action=join([u.action for u in members]), page_index=base.page_index,
                 top=min(tops) if tops else None, bottom=max(bottoms) if bottoms else None, is_line=False,
                 method=base.method, confidence=min(confidences) if confidences else None, table_id=base.table_id)
    piece = Piece(row=row, section=primary.piece.section, theme=primary.piece.theme,
                  extra_pages=sorted({r.page_index for r in rows} - {base.page_index}),
                  regions=merge_regions(band(r.page_index, r.top, r.bottom) for r in rows))
    piece.repairs.extend(anchor.repairs)
    piece.repairs.extend(page.repairs)
    piece.flags.extend(page.flags)
    last = texts[-1] if texts else ""
    if last and break_cost(last, "A") >= DANGLING_COST:
        piece.flags.append(f"row text ends mid-sentence ('...{last[-30:]}'): a line may be lost")
    lines = len(members)
    piece.repairs.append(Repair("regroup-lines", "issue", f"{lines} text line{'s' * (lines != 1)}",
                                f"one row (ref on line {anchor.primary - start + 1}, refs aligned {alignment})"))
    carried = [u for u in members if u.part != primary.part and u.text]
    if carried:
        piece.repairs.append(Repair("merge-continuation", "issue", carried[0].text[:60],
                                    f"{len(carried)} line{'s' * (len(carried) != 1)} joined across a page break "
                                    "or footnotes"))
    for u in members:
        for dup in u.duplicates:
            piece.repairs.append(Repair("drop-ocr-duplicate", "issue", dup[:80],
                                        f"dropped: garbled reading of {u.text[:40]!r}"))
        if u.ref and u.ref != anchor.ref and not re.search(r"\d", u.ref):
            piece.repairs.append(Repair("ocr-noise", "ref", u.ref, "dropped"))
    own = {id(m.piece) for m in members if m.split_from}
    halves = [u for u in units if u.split_from and id(u.piece) in own]
    if any(all(u is not m for m in members) for u in halves):
        piece.repairs.append(Repair("split-glued-line", "issue", halves[0].split_from[:80],
                                    "two visual lines of two rows, split between them"))
    return piece


def action_only(piece: Piece) -> bool:
    """A line holding only action text: the run-on of a tall action cell."""
    row = piece.row
    return not (row.issue.strip() or row.ref.strip() or row.page_ref.strip())


def regroup_run(pieces: list[Piece]) -> list[Piece]:
    """Given the line pieces of one section, return whole-row pieces.

    Lines holding only action text give their row its height (a ref centred beside a tall action cell);
    those before the run's first row (a wrapped header label's tail) belong to no row and are dropped."""
    while pieces and action_only(pieces[0]):
        pieces = pieces[1:]
    if not pieces:
        return []
    units = pieces_to_units(pieces)
    anchors = find_anchors(units)
    if not anchors:
        return [Piece(row=RawRow(issue=join([u.text for u in units]), page_index=pieces[0].row.page_index,
                                 method=pieces[0].row.method, table_id=pieces[0].row.table_id),
                      section=pieces[0].section, theme=pieces[0].theme)]
    geometric = all(p.row.top is not None for p in pieces)
    gaps = gap_costs(units, geometric)
    results = [(place_boundaries(units, anchors, a, geometric, gaps), a) for a in ALIGNMENTS]
    (_, bounds), alignment = min(results, key=lambda r: r[0][0])
    bounds = [*bounds[: len(anchors)], len(units)]
    loose = carried_over(units, [a.primary for a in anchors])
    rows = [assemble(units, a, bounds[j], bounds[j + 1], alignment, loose) for j, a in enumerate(anchors)]
    for j in uncertain_boundaries(units, anchors, bounds, alignment, geometric, gaps):
        where = f"between refs {anchors[j - 1].ref or '?'} and {anchors[j].ref or '?'}"
        rows[j - 1].flags.append(f"row boundary uncertain ({where})")
        rows[j].flags.append(f"row boundary uncertain ({where})")
    return rows


def uncertain_boundaries(units: list[Unit], anchors: list[Anchor], bounds: list[int], alignment: str,
                         geometric: bool, gaps: list[float]) -> list[int]:
    """Return the indexes j of boundaries (row j's first line) that another place would fit almost as well."""

    def local(j: int, b: int) -> float:
        edge = break_cost(text_before(units, b), text_from(units, b)) + gaps[b]
        return (edge + row_cost(units, anchors[j - 1], bounds[j - 1], b, alignment, not geometric)
                + row_cost(units, anchors[j], b, bounds[j + 1], alignment, not geometric))

    unsure = []
    for j in range(1, len(anchors)):
        chosen = local(j, bounds[j])
        others = [local(j, b) for b in range(anchors[j - 1].last + 1, anchors[j].first + 1) if b != bounds[j]
                  and any(units[i].text for i in range(min(b, bounds[j]), max(b, bounds[j])))]
        if others and min(others) - chosen < UNSURE_MARGIN:
            unsure.append(j)
    return unsure


def runs_of(pieces: list[Piece], is_member: Callable[[Piece], bool]) -> list[list[Piece]]:
    """Split pieces into maximal runs that are all members (same block: no title or band between them)
    or single non-members. A run may change section where a row names its own (a ref prefix on a row's middle
    line): each regrouped row takes its ref line's section."""
    runs: list[list[Piece]] = []
    for p in pieces:
        if is_member(p) and runs and is_member(runs[-1][-1]) and runs[-1][-1].block == p.block:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def regroup_lines(pieces: list[Piece]) -> list[Piece]:
    """Given pieces, return them with runs of line pieces regrouped into whole-row pieces."""
    if not any(p.row.is_line for p in pieces):
        return pieces
    out: list[Piece] = []
    for run in runs_of(pieces, lambda p: p.row.is_line):
        out.extend(regroup_run(run) if run[0].row.is_line else run)
    return out
