"""Glyphs -> cell text: each glyph goes to the cell under its centre, lines in reading order, logical order.

A glyph that merely touches a cell's box (a descender, a tall bracket, a letter of the next row set
tight) is not in that cell; only its centre counts. Glyphs arrive in the page's *visual* order (left
to right); right-to-left runs (Arabic, Hebrew, Kurdish) are put into logical order by the Unicode
bidi algorithm (python-bidi), the paragraph's direction being that of most of its strong letters, so a
cell mixing English and Kurdish keeps its English words in order and "Page 15" inside a right-to-left
paragraph stays "Page 15". Arabic presentation forms are folded to plain letters and the result is NFC.
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .settings import TableSettings


@dataclass(frozen=True)
class Glyph:
    """One character as drawn: its text (a ligature may carry several letters) and its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None
    size: float = 0.0  # font size in points, when the PDF says (0 for OCR words)
    drawn: int = -1  # its place in the order the PDF draws the page's glyphs (-1: unknown, OCR)

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


def centre_in(glyph: Glyph, box: tuple[float, float, float, float]) -> bool:
    """True when the glyph's centre lies in the (x0, top, x1, bottom) box."""
    return box[0] <= glyph.x_mid <= box[2] and box[1] <= glyph.y_mid <= box[3]


def glyphs_in(glyphs: Iterable[Glyph], box: tuple[float, float, float, float]) -> list[Glyph]:
    """Given glyphs and a box, return those whose centre lies in it."""
    return [g for g in glyphs if centre_in(g, box)]


def glyphs_to_lines(glyphs: Sequence[Glyph], settings: TableSettings) -> list[list[Glyph]]:
    """Given glyphs, return text lines top to bottom, each left to right (visual order).

    A glyph joins the line whose vertical band holds its centre; its place in the line is ``visual_x``. The
    letters of a ligature share one box and come in reading order: left to right that is their order for a
    left-to-right script and the reverse for a right-to-left one (lam-alef "لا" is drawn alef left of lam). A
    space the PDF draws (" ") joins the line whose band holds it and never starts one.
    """
    spaces = [g for g in glyphs if g.text == " "]
    order = {id(g): i for i, g in enumerate(glyphs)}
    tight = tight_boxes(glyphs, settings)
    lines, bands = chained_lines([g for g in glyphs if g.text.strip() and id(g) not in tight], settings)
    left = []
    for g in sorted((g for g in glyphs if id(g) in tight), key=lambda g: g.y_mid):
        k = holding_line(g, lines, bands, settings)
        if k is None:
            left.append(g)
        else:
            lines[k].append(g)
    more, more_bands = chained_lines(left, settings)
    ranked = sorted(zip(lines + more, bands + more_bands, strict=True), key=lambda lb: lb[1][0] + lb[1][1])
    lines, bands = [line for line, _ in ranked], [band for _, band in ranked]
    for g in spaces:
        k = next((k for k, (top, bottom) in enumerate(bands) if top <= g.y_mid <= bottom), None)
        if k is not None:
            lines[k].append(g)
    return [ligatures_in_visual_order(overprints_apart(drawn_pairs_in_order(
        sorted(line, key=lambda g: (round(visual_x(g), 1), g.text != " ",
                                    -order[id(g)] if is_rtl(g.text) else order[id(g)]))), order, settings))
            for line in lines]


Band = tuple[float, float]  # a line's top and bottom


def chained_lines(glyphs: Sequence[Glyph], settings: TableSettings) -> tuple[list[list[Glyph]], list[Band]]:
    """Glyphs grouped into lines top to bottom, with each line's band (its first glyph's box): a glyph joins the
    line whose band holds its centre, or whose last glyph's centre is near its own."""
    lines: list[list[Glyph]] = []
    bands: list[Band] = []
    for g in sorted(glyphs, key=lambda g: g.y_mid):
        if lines and (bands[-1][0] <= g.y_mid <= bands[-1][1] or abs(g.y_mid - lines[-1][-1].y_mid)
                      <= settings.line_tolerance):
            lines[-1].append(g)
        else:
            lines.append([g])
            bands.append((g.top, g.bottom))
    return lines, bands


def tight_boxes(glyphs: Sequence[Glyph], settings: TableSettings) -> set[int]:
    """The ids of glyphs whose box is the letter's own outline, not its font's ascent to descent: far shorter for its
    size than the page's usual glyph, in a right-to-left script (an Arabic font without metrics). Their centres wander
    up and down their line."""
    ratios = [(g.bottom - g.top) / g.size for g in glyphs if g.size > 0 and g.text.strip()]
    if not ratios:
        return set()
    usual = statistics.median(ratios)
    return {id(g) for g in glyphs if g.size > 0 and right_to_left(g.text) and
            (g.bottom - g.top) / g.size < settings.tight_box * usual}


def right_to_left(text: str) -> bool:
    """A right-to-left letter (Arabic, Hebrew): the scripts whose fonts were seen boxing each letter's outline. Latin
    ligatures and punctuation are also boxed short by some producers (Chromium's "ﬁ", a hyphen) but sit on their line's
    baseline, so the chain of centres places them."""
    return bool(text) and unicodedata.bidirectional(text[0]) in ("R", "AL")


def holding_line(glyph: Glyph, lines: list[list[Glyph]], bands: list[tuple[float, float]],
                 settings: TableSettings) -> int | None:
    """The line whose band holds a tight-boxed glyph whole (a letter lies between its font's ascent and descent);
    where two lines' bands hold it (cells set half a line apart), the one whose glyphs come nearest along the line.
    A glyph no band holds whole (a raised mark) goes with the band holding its centre."""
    slack = settings.line_tolerance
    holding = [k for k, (top, bottom) in enumerate(bands)
               if top - slack <= glyph.top and glyph.bottom <= bottom + slack]
    holding = holding or [k for k, (top, bottom) in enumerate(bands) if top <= glyph.y_mid <= bottom]
    if not holding:
        return None
    return min(holding, key=lambda k: min(max(g.x0 - glyph.x1, glyph.x0 - g.x1, 0.0) for g in lines[k]))


def drawn_pairs_in_order(line: list[Glyph]) -> list[Glyph]:
    """A line (visual order) with each left-to-right glyph kept after the one drawn right before it where that one
    starts further left: a digit sorts by its middle, so a letter set under its end (the next column's first word
    under a ref run on past its narrow column: "COC-29" / "The") sorted before it ("COC-2T9he")."""
    out = list(line)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.drawn >= 0 and b.drawn == a.drawn - 1 and is_ltr(a.text) and is_ltr(b.text) and b.x0 < a.x0:
            out[k], out[k + 1] = b, a
    return out


def steps_back(before: Glyph, glyph: Glyph, settings: TableSettings) -> bool:
    """Whether a glyph drawn after another sits further left (its left edge and its middle): the pen went back, to draw
    another cell's text or a word over the one before it (a wide "R" drawn back over a narrow "r" may end where it
    does; an accent drawn over its letter is centred on it). Only after a left-to-right letter or digit does it tell:
    right-to-left letters, and the brackets and marks set among them, go leftward by nature."""
    return is_ltr(before.text) and not is_rtl(glyph.text) and glyph.x0 < before.x0 - settings.overprint_slack and \
        glyph.x_mid < before.x_mid - settings.overprint_slack


def is_ltr(text: str) -> bool:
    """Left-to-right letters or digits only."""
    return bool(text) and all(unicodedata.bidirectional(ch) in ("L", "EN") for ch in text)


def overprints_apart(line: list[Glyph], order: dict[int, int], settings: TableSettings) -> list[Glyph]:
    """A line (visual order) with words drawn over one another set apart: where the PDF draws a run of glyphs and
    then goes back to draw another run over the same stretch (a word wider than its cell running on into the next
    cell's text, as LaTeX sets it), sorting by x would interleave their letters ("RecommWeintdhatin"); each run is
    kept whole, the run that starts further left first. A glyph drawn twice at one place (overprinted for bold)
    counts once. Lines without such overlaps are returned as they are."""
    drawn = sorted(line, key=lambda g: order.get(id(g), 0))
    runs: list[list[Glyph]] = []
    for g in drawn:
        last = next((k for k in reversed(runs[-1]) if is_ltr(k.text)), None) if runs else None
        end = next((k for k in reversed(runs[-1]) if k.text.strip() and not is_rtl(k.text)), last) if runs else None
        if runs and (g.text == " " or last is None or not (steps_back(last, g, settings) or
                                                           g.x0 - end.x1 > settings.phrase_gap)):
            runs[-1].append(g)
        else:
            runs.append([g])  # the pen went back, or on to another cell
    runs = [r for k, r in enumerate(runs) if not any(drawn_over(r, earlier, settings) for earlier in runs[:k])]
    overlapping = any(word_run(a) and word_run(b) and overprinted(a, b, settings)
                      for a, b in itertools.combinations(runs, 2))
    if not overlapping:
        kept = {id(g) for r in runs for g in r}
        return line if len(kept) == len(line) else [g for g in line if id(g) in kept]
    position = {id(g): k for k, g in enumerate(line)}
    ordered = sorted(runs, key=lambda r: min(g.x0 for g in r))
    return [g for r in ordered for g in sorted(r, key=lambda g: position[id(g)])]


def overprinted(a: list[Glyph], b: list[Glyph], settings: TableSettings) -> bool:
    """Whether a glyph of one run is drawn over a glyph of the other (their boxes overlap sideways)."""
    ink_a = [g for g in a if g.text.strip()]
    ink_b = [g for g in b if g.text.strip()]
    if not ink_a or not ink_b or min(g.x0 for g in ink_a) >= max(g.x1 for g in ink_b) or \
            min(g.x0 for g in ink_b) >= max(g.x1 for g in ink_a):
        return False
    return any(min(x.x1, y.x1) - max(x.x0, y.x0) > settings.overprint_slack for x in ink_a for y in ink_b)


def drawn_over(run: list[Glyph], earlier: list[Glyph], settings: TableSettings) -> bool:
    """Whether every glyph of a run repeats one of an earlier run at the same place (text drawn twice)."""
    return all(any(e.text == g.text and abs(e.x0 - g.x0) <= settings.overprint_slack and
                   abs(e.top - g.top) <= settings.overprint_slack for e in earlier) for g in run if g.text != " ")


MIN_OVERPRINT = 3  # glyphs: a run this long drawn over another is a word (an accent drawn over its letter is not)


def word_run(run: list[Glyph]) -> bool:
    """Whether a drawn run is a word that may be drawn over another: ``MIN_OVERPRINT`` glyphs, or two letters or digits
    and nothing else (a short ref, "R2", drawn over a word run on past its cell; an accent is no letter)."""
    ink = [g for g in run if g.text.strip()]
    return len(run) >= MIN_OVERPRINT or (len(ink) >= 2 and all(is_ltr(g.text) for g in ink))


def visual_x(glyph: Glyph) -> float:
    """Where a glyph sits in the line's visual order: a right-to-left letter by its right edge, where the letter
    before it in reading order joins it (a final letter's tail, "ہ", may reach left under the bracket drawn
    before the run); a left-to-right letter by its left edge (the letters of a ligature share it); a bracket,
    mark or digit by its centre (a bracket may start under the last letter of a run)."""
    if is_rtl(glyph.text):
        return glyph.x1
    if any(unicodedata.bidirectional(ch) == "L" for ch in glyph.text):
        return glyph.x0
    return (glyph.x0 + glyph.x1) / 2


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text)


LAM = "\u0644"
ALEFS = frozenset("\u0627\u0623\u0625\u0622")


def ligatures_in_visual_order(line: list[Glyph]) -> list[Glyph]:
    """A lam-alef ligature's two letters, sharing one box, in visual order whatever order the PDF names them in:
    the ligature is lam then alef in reading order, so alef is drawn on the left."""
    out = list(line)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if abs(a.x0 - b.x0) < 0.2 and a.text == LAM and b.text in ALEFS:
            out[i], out[i + 1] = b, a
    return out


def visual_text(line: Sequence[Glyph], settings: TableSettings) -> str:
    """Given one line's glyphs left to right, return their text with a space wherever a gap separates words."""
    out: list[str] = []
    last: Glyph | None = None
    space = False
    for g in line:
        if g.text == " ":
            space = space or (last is not None and stands_after(g, last))
            continue
        if last is not None and (space or gap_breaks(last, g, settings)):
            out.append(" ")
        out.append(mark_text(None if space else last, g, settings))
        last, space = g, False
    return "".join(out)


OPENING_BRACKETS = "(["


def starts_under(before: Glyph, glyph: Glyph, settings: TableSettings) -> bool:
    """Whether a glyph starts under the letter before it by more than a kerned pair ever does: the next cell's text,
    set from its column's edge under the end of a word too wide for its own column. Fonts kern letter pairs ("Ty"),
    not a letter and a digit or an opening bracket ("N" and the "(" of a centred ref "(30)"). The letters of a
    ligature share one box ("fi"): they start at one place."""
    size = min(before.size, glyph.size)
    if size <= 0 or not (before.text.isalpha() and is_ltr(before.text)) or \
            glyph.x0 - before.x0 <= settings.overprint_slack:
        return False
    under = before.x1 - glyph.x0
    if glyph.text.isalpha() and is_ltr(glyph.text) and is_ltr(before.text):
        return under > settings.kern_overlap * size
    return (glyph.text.isdigit() or glyph.text in OPENING_BRACKETS) and under > settings.overprint_slack


def starts_under_digit(before: Glyph, glyph: Glyph, settings: TableSettings) -> bool:
    """Whether a letter starts under the digit before it: fonts kern no digit and letter, so it is the next cell's
    text set from its column's edge under the end of a ref run on past its narrow column ("COC-29" / "The"). Only
    glyphs of a font tell (OCR's boxes overlap as they fall)."""
    return min(before.size, glyph.size) > 0 and before.text.isdigit() and glyph.text.isalpha() and \
        is_ltr(glyph.text) and glyph.x0 - before.x0 > settings.overprint_slack and \
        before.x1 - glyph.x0 > settings.overprint_slack


def stands_after(space: Glyph, glyph: Glyph) -> bool:
    """Whether a space sorted after a glyph on its line stands after it: right of its middle. A space whose box reaches
    into the next word's first letter (set with tight tracking: " " at 117.2-120.1, "O" from 117.3) sorts after that
    letter by its centre, but stands before it, and splits no word ("TYPE OF", not "TYPE O F")."""
    return (space.x0 + space.x1) / 2 >= (glyph.x0 + glyph.x1) / 2


def drawn_apart(before: Glyph, glyph: Glyph) -> bool:
    """Whether two left-to-right glyphs side by side on a line were not drawn one after the other: a word's letters
    are drawn in a row, so text drawn between them (a wrapped cell's next line, another cell) means two cells' words
    set touching (a label run on past its narrow column up to the next label)."""
    if before.drawn < 0 or glyph.drawn < 0 or abs(glyph.drawn - before.drawn) <= 1:
        return False
    return is_ltr(before.text) and is_ltr(glyph.text)


SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def mark_text(before: Glyph | None, glyph: Glyph, settings: TableSettings) -> str:
    """A glyph's text, a digit set raised and smaller than the letter it follows written as the footnote mark it is
    ("level¹." , not "level1."; a ref or a page number is set at the body's size)."""
    if before is None or not glyph.text.isdigit() or not glyph.size or not before.size or \
            not (before.text.isalpha() or before.text in ".,;:)’'\"" or before.text in SUPERSCRIPT_MARKS):
        return glyph.text
    small = glyph.size < settings.mark_ratio * before.size
    raised = glyph.bottom < before.bottom - 0.1 * before.size
    return glyph.text.translate(SUPERSCRIPT_DIGITS) if small and raised else glyph.text


SUPERSCRIPT_MARKS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")


def gap_breaks(before: Glyph, glyph: Glyph, settings: TableSettings) -> bool:
    """Whether the gap between two glyphs on a line is a word space. Right-to-left letters that do not join the
    next one leave a small gap inside a word, and every producer that sets them draws its spaces, so between two
    of them only a wider gap counts."""
    gap = glyph.x0 - before.x1
    if steps_back(before, glyph, settings):
        return True  # a word drawn over the one before it (``overprints_apart``)
    if drawn_apart(before, glyph):
        return True  # "REPORT" run on to touch "DESCRIPTION": two cells' words, whatever the gap
    if starts_under(before, glyph, settings) or starts_under_digit(before, glyph, settings):
        return True  # "Number" run on past its narrow column, "Type" set from the next column's edge under its "r"
    if is_rtl(glyph.text) and is_rtl(before.text):
        return gap > settings.rtl_word_gap
    return gap > settings.word_gap


RTL_CLASSES = frozenset({"R", "AL"})


def strong_counts(text: str) -> tuple[int, int]:
    """(left-to-right letters, right-to-left letters) in the text."""
    ltr = rtl = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            ltr += 1
        elif kind in RTL_CLASSES:
            rtl += 1
    return ltr, rtl


def logical_order(visual: str, rtl_paragraph: bool | None = None, rtl_around: bool | None = None) -> str:
    """Given a line as drawn (left to right), return it in logical (reading) order.

    The bidi algorithm applied to the drawn order undoes the reordering a renderer did. The paragraph
    runs as ``rtl_paragraph`` says, else as ``paragraph_is_rtl`` guesses from the line and the text around it
    (``rtl_around``: whether most of the table part's letters run right to left).
    """
    ltr, rtl = strong_counts(visual)
    if not rtl:
        return visual
    from bidi import get_display

    if rtl_paragraph is None:
        rtl_paragraph = paragraph_is_rtl(visual, ltr, rtl, rtl_around)
    return attached_marks(get_display(visual, base_dir="R" if rtl_paragraph else "L"))


def paragraph_is_rtl(visual: str, ltr: int, rtl: int, around: bool | None) -> bool:
    """A line's paragraph direction. English letters at both ends of the drawn line: left to right (a wrapped line of
    an English cell, "card headed «هێڵی یارمەتی» that", may hold more Kurdish letters than English ones);
    right-to-left letters at both ends and most letters right to left: right to left; otherwise the direction of
    the text around it (``around``: a line may start and end in Arabic or Urdu in an English cell), else of
    most of the line's letters."""
    ends = [unicodedata.bidirectional(ch) for ch in visual if unicodedata.bidirectional(ch) in ("L", "R", "AL")]
    if ends and ends[0] == "L" and ends[-1] == "L":
        return False
    if ends and ends[0] != "L" and ends[-1] != "L" and rtl > ltr:
        return True
    return around if around is not None else rtl > ltr


OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›", "\u201c": "\u201d"}
CLOSERS = {v: k for k, v in OPENERS.items()}
MARKS = frozenset(OPENERS) | frozenset(CLOSERS)


def attached_marks(text: str) -> str:
    """Brackets and double quotes as the side they attach to says: an opener is glued to the word after it, a
    closer to the word before it.

    Next to a right-to-left run, renderers draw a neutral bracket or guillemet with its mirrored glyph (")"
    for "(", "«" for "»") while setting it in left-to-right order, and the PDF names the glyph drawn; so
    "(«العنف»)" comes out "(«العنف«(". A mark with text on its left and space on its right closes; one with
    space on its left and text on its right opens (marks next to it are looked through).
    """
    chars = list(text)

    def neighbour(i: int, step: int) -> str:
        j = i + step
        while 0 <= j < len(chars) and chars[j] in MARKS:
            j += step
        return chars[j] if 0 <= j < len(chars) else " "

    for i, ch in enumerate(chars):
        if ch not in MARKS:
            continue
        left, right = not neighbour(i, -1).isspace(), not neighbour(i, 1).isspace()
        if left and not right and ch in OPENERS:
            chars[i] = OPENERS[ch]
        elif right and not left and ch in CLOSERS:
            chars[i] = CLOSERS[ch]
    return "".join(chars)


def plain_letters(text: str) -> str:
    """Arabic presentation forms (contextual shapes, the lam-alef ligatures) folded to letters, then NFC."""
    if any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe" for ch in text):
        text = "".join(unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"
                       else ch for ch in text)
    return unicodedata.normalize("NFC", text)


def line_text(line: Sequence[Glyph], settings: TableSettings, rtl_paragraph: bool | None = None) -> str:
    """Given one line's glyphs (visual order), return its text in logical order with plain letters."""
    return plain_letters(logical_order(visual_text(line, settings), rtl_paragraph))


def cell_text(glyphs: Sequence[Glyph], settings: TableSettings) -> str:
    """Given a cell's glyphs, return its text: lines top to bottom joined by newlines, each in logical order.

    The paragraph direction is the cell's: a mostly right-to-left cell reads each line right to left.
    """
    lines = glyphs_to_lines(glyphs, settings)
    ltr, rtl = strong_counts("".join(g.text for g in glyphs))
    rtl_paragraph = rtl > ltr if rtl else False
    return "\n".join(line_text(line, settings, rtl_paragraph) for line in lines)


def glyph_sizes(glyphs: Iterable[Glyph]) -> list[float]:
    """Font sizes of letter glyphs (their box heights when the size is unknown), for estimating the body size."""
    return [g.size or (g.bottom - g.top) for g in glyphs if g.text.isalpha()]


def line_middles(lines: Iterable[Sequence[Glyph]]) -> list[float]:
    """The vertical centre of each line."""
    return [sum(g.y_mid for g in line) / len(line) for line in lines if line]


def line_gaps(middles: Sequence[float], spans: Sequence[Sequence[tuple[float, float]]] | None = None) -> list[float]:
    """Distances between the centres of lines set one under the other (for estimating the line pitch): from each line
    to the next below it that shares some of its width, given each line's ``spans`` (x ranges of its text); of
    successive lines without them. A ref centred beside a cell's text sits half a pitch off the cell's lines, in
    another column: the two columns' lines interleave, and their half-pitch gaps are no wrapped lines' pitch."""
    if spans is None:
        return [b - a for a, b in pairwise(middles) if b > a]
    order = sorted(range(len(middles)), key=lambda k: middles[k])
    out = []
    for n, k in enumerate(order):
        below = next((j for j in order[n + 1:] if middles[j] > middles[k] and
                      any(a0 < b1 and b0 < a1 for a0, a1 in spans[k] for b0, b1 in spans[j])), None)
        if below is not None:
            out.append(middles[below] - middles[k])
    return out


def line_spans(boxes: Iterable[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """A line's text as x ranges: its boxes (x0, x1, size) joined where less than their size apart (a word's letters,
    a phrase's words), so lines are compared phrase by phrase, not glyph by glyph."""
    out: list[tuple[float, float]] = []
    for x0, x1, size in sorted(boxes):
        if out and x0 - out[-1][1] < size:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out
