"""Page words -> line fragments with their font facts, list marker and call-out box.

A *line fragment* is the words of one physical row that belong together: a row is cut where the
gap between two words is wider than a column gutter, so the two columns of a page, a table's cells
and a footer's parts ("PEEL 2023–25" ... "12") are separate fragments. Each fragment carries what
later steps decide with: size, weight, font, the list marker printed before the text, the box it
sits in and how many other fragments share its row (a table row has several).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from .settings import ReportSettings

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points

JUSTIFIED_SPACE = 1.2  # x the usual space inside a line's piece: the space to its other piece may be as wide
SAME_ROW = 0.35  # x the smaller word height: two words whose centres are closer sit on one row
GUTTER_GAP = 1.2  # x font size: a wider gap between words splits a row into fragments
JUSTIFIED_GAP = 1.6  # x the usual gap either side: a narrower wide gap is a justified line's space, not a gutter
WIDE_GAP = 2.5  # x font size: a gap this wide splits a row whatever its other gaps
COLUMN_SNAP = 3.0  # points: fragments starting this close start the same column
MIN_COLUMN_ROWS = 3  # rows whose second fragment starts at one x before that x is a column start
MIN_COLUMN_WIDTH = 8.0  # x font size: two column starts closer than this are a column and an indent inside it
SUPERSCRIPT_SHARE = 0.85  # a footnote mark is set at most this share of the size of the word it follows
MIN_BOX = (80.0, 14.0)  # width, height of the smallest call-out box
BOLD_SHARE = 0.9  # share of a line's characters in bold for the line to be bold (a bold run then prose is not)
MAX_BOX_SHARE = 0.5  # a rectangle covering more of the page is a page background or border, not a call-out

BOLD_FONT = re.compile(r"(?i)bold|black|heavy|semibold|demi|,b$")
DOT_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")  # a contents line: a title, dots, a page number
# A bullet glued to the word after it ("·Within"); a dash only before a capitalised word ("-The force"), as no
# word opens so (a dash before a small letter may be a word's own: "-based" carried over).
GLUED_BULLET = re.compile(r"^([•●▪■◦‣∙·○□➢►])(?=[A-Za-z])|^([–—-])(?=[A-Z][a-z])")
DASH = re.compile(r"^[–—-]$")
SYMBOL_FONT = re.compile(r"(?i)dingbat|wingding|symbol|webdings")
# A glyph that is only ever a bullet (also as an unmapped "(cid:127)" or a Symbol-font private-use character).
BULLET_GLYPH = re.compile(r"^(?:[•●▪■◦‣∙·○□➢►✓✔➤◆◇♦*\uf000-\uf0ff]|\(cid:\d+\))$")
# A mark that numbers an item or may be a dash bullet, but may also open an ordinary wrapped line ("2.4 percent"); a
# roman numeral whose full stop OCR lost ("iii") too, though only when set apart as a marker is (see marker_words), or
# misread in case or stop ("iI.", "iii,"): a lower-case numeral letter and capital I or l lookalikes; one in capitals
# with its stop or bracket ("IV.", "V.": printed so, or "v." read in capitals).
ITEM_NUMBER = re.compile(r"^(?:[–—-]|\d{1,2}(?:\.\d{1,2})?[.)]?|\(\d{1,2}\)|\(?[a-hj-z][.)]|\([a-z]\)|\(?[ivx]{1,4}[.)]"
                         r"|[ivx]{2,4}|(?=[ivxIl]*[ivx])[ivxIl]{1,4}[.,)]|[IVX]{1,4}[.)]|[A-Z]{1,2}\d{1,2}[.)]?)$")


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
    bold: bool  # (nearly) all characters after the marker are bold
    lead_bold: str = ""  # the bold words the line starts with ("Area for improvement 4:")
    marker: str = ""  # bullet or item number printed before the text
    text_x0: float = 0.0  # where the text starts after the marker
    column: int = 0  # 0: one column (or spans the gutter), 1: left column, 2: right column
    box: int | None = None  # the call-out box the line sits in
    peers: int = 0  # other fragments on the same physical row and column (a table row or contents line has some)
    font: str = ""
    row: int = 0  # the physical row on its page (fragments of one row share it)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def word_is_bold(word: dict) -> bool:
    return bool(BOLD_FONT.search(word.get("fontname", "")))


def is_label(line: Line) -> bool:
    """Whether a line is a finding label or title (never page furniture, never a page number)."""
    from hmic_extract.vocabulary import match_label, match_title

    return match_title(line.text) is not None or match_label(line.text) is not None


def words_to_rows(words: list[dict]) -> list[list[dict]]:
    """Given a page's words, return them grouped into physical rows: words whose vertical centres lie together.

    Centres, not overlaps: a list number set a point larger than its text, or a heading in the other column,
    overlaps the line above as much as its own; its centre lies on its own line.
    """
    def centre(w: dict) -> float:
        return (w["top"] + w["bottom"]) / 2

    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (centre(w), w["x0"])):
        if rows:
            row = rows[-1]
            height = min(word["bottom"] - word["top"], median(w["bottom"] - w["top"] for w in row))
            if abs(centre(word) - median(centre(w) for w in row)) <= SAME_ROW * height:
                row.append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def is_marker_word(word: dict) -> bool:
    return bool(BULLET_GLYPH.match(word["text"]) or ITEM_NUMBER.match(word["text"])
                or SYMBOL_FONT.search(word.get("fontname", "")))


def is_bullet_word(word: dict) -> bool:
    """A bullet glyph (or a symbol-font character), never a number: it marks an item wherever it stands."""
    return bool(BULLET_GLYPH.match(word["text"])) or (bool(SYMBOL_FONT.search(word.get("fontname", "")))
                                                     and len(word["text"]) <= 2)


def split_row(words: list[dict], wide: bool, marker_gap: float) -> list[list[dict]]:
    """Split words at gutters: with ``wide``, gaps wider than any word space; else gaps wider than a gutter and much
    wider than the usual gap among these words (a justified line's wide spaces are all alike). A lone list marker
    stays with text up to ``marker_gap`` font sizes after it."""
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(words)]
    # The gap after a leading list marker is the marker's indent, not a word space: it says nothing about
    # how wide the spaces after it are (a justified "•  Kelderwick      Police      should"). Before a
    # marker it still counts: a narrow marker gap right after a wide one shows the wide one is a gutter.
    spaces = [None if is_marker_word(a) and (i == 0 or gaps[i - 1] > WIDE_GAP * a["size"]) else gap
              for i, (a, gap) in enumerate(zip(words, gaps, strict=False))]
    parts: list[list[dict]] = [[words[0]]]
    for i, ((prev, word), gap) in enumerate(zip(pairwise(words), gaps, strict=True)):
        size = max(prev["size"], word["size"])
        lone_marker = len(parts[-1]) == 1 and gap <= marker_gap * word["size"] and is_marker_word(parts[-1][0])
        # Wider than the spaces next to it on either side (each side may be a justified line with its own
        # spacing; the spaces of the other column further along the row say nothing about this one). A gap
        # wider than a gutter beside ordinary word spaces on one side ends that side's line: one justified line
        # spaces its words alike (a few words justified across the other column have spaces as wide as a gutter).
        # Whether a side is ordinary is told by its space next to the gap: further on, the side may already run
        # into the next column (justified spaces as wide as the gutter, then the other column's narrow ones).
        sides = ([g for g in spaces[max(0, i - 2):i] if g is not None][::-1], gaps[i + 1:i + 3])
        usual = max((median(side) for side in sides if side), default=0.0)
        if any(side[0] <= GUTTER_GAP * size for side in sides if side):
            usual = min(median(side) for side in sides if side)
        gutter = gap > (WIDE_GAP if wide else GUTTER_GAP) * size and gap > JUSTIFIED_GAP * usual
        if gutter and not lone_marker:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def row_to_fragments(row: list[dict], marker_gap: float) -> list[list[dict]]:
    """Given a row's words, split it into fragments: first at gaps no word space reaches (the gutter between two
    columns), then inside each part at gaps much wider than that part's own spaces (table cells); a lone marker
    stays with its text."""
    return [piece for part in split_row(row, True, marker_gap) for piece in split_row(part, False, marker_gap)]


BULLET_LOOKALIKE = re.compile(r"^[Il|!eo°]$")  # what OCR reads a square or round bullet as (never a word alone)
HOLLOW_LOOKALIKE = re.compile(r"^[o°]$")  # a hollow bullet read as a letter that is no English word alone


def misread_bullet(first: dict, second: dict, small_mark: float) -> bool:
    """A bullet OCR read as a letter ("I The force …"), set apart from the text after it: a lone stroke whose box
    is at most ``small_mark`` of the height of the text's after it (a capital I reaches from the cap height to the
    line's foot), or a lone "o" before a capital (no sentence opens so; an engine that boxes a whole line at one
    height gives the bullet no smaller box)."""
    height, text_height = first["bottom"] - first["top"], second["bottom"] - second["top"]
    small = 0 < height <= small_mark * text_height
    hollow = bool(HOLLOW_LOOKALIKE.match(first["text"])) and second["text"][:1].isupper()
    return bool(BULLET_LOOKALIKE.match(first["text"])) and (small or hollow) \
        and second["x0"] - first["x1"] >= 0.3 * text_height


def marker_words(words: list[dict], small_mark: float) -> int:
    """How many of a fragment's first words are a list marker (0 or 1).

    A bullet glyph or a symbol-font character is a marker; a number or dash is one only when set off
    by a wider gap than the line's other word gaps (so "2.4 percent" opening a wrapped line is text).
    """
    if len(words) < 2:
        return 0
    first, second = words[0], words[1]
    size = first["size"]
    gap = second["x0"] - first["x1"]
    if BULLET_GLYPH.match(first["text"]) or (SYMBOL_FONT.search(first.get("fontname", "")) and len(first["text"]) <= 2):
        return 1 if gap > 0.1 * size else 0
    if misread_bullet(first, second, small_mark):
        return 1
    if not ITEM_NUMBER.match(first["text"]) or gap < 0.3 * size:
        return 0
    if DASH.match(first["text"]) and second["text"][:1].isupper():
        return 1  # no sentence wraps to open a line with a lone dash and a capital (OCR word spaces jitter)
    rest_gaps = [b["x0"] - a["x1"] for a, b in pairwise(words[1:])]
    usual = median(rest_gaps) if rest_gaps else 0.25 * size
    return 1 if gap >= 1.4 * usual + 0.05 * size else 0


def fragment_to_line(words: list[dict], page: int, small_mark: float) -> Line:
    """Given a fragment's words, return a Line with its dominant size, font, boldness and any leading marker."""
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    bold_chars = 0
    for w in words:
        sizes[round(w["size"], 1)] += len(w["text"])
        fonts[w.get("fontname", "")] += len(w["text"])
        bold_chars += len(w["text"]) if word_is_bold(w) else 0
    n = marker_words(words, small_mark)
    marker, body = ("", words) if n == 0 else (words[0]["text"], words[n:])
    if n and misread_bullet(words[0], words[1], small_mark):
        marker = "•"
    glued = GLUED_BULLET.match(body[0]["text"]) if not marker else None
    if glued:  # OCR glues a small bullet to the word after it ("·Within")
        marker = glued.group(1) or glued.group(2)
        body = [{**body[0], "text": body[0]["text"][1:], "x0": body[0]["x0"] + 0.5 * body[0]["size"]}, *body[1:]]
    chars = sum(len(w["text"]) for w in body)
    body_bold = sum(len(w["text"]) for w in body if word_is_bold(w))
    lead = []
    for w in body:
        if not word_is_bold(w):
            break
        lead.append(w["text"])
    return Line(text=" ".join(w["text"] for w in body), page=page, top=min(w["top"] for w in words),
                bottom=max(w["bottom"] for w in words), x0=words[0]["x0"], x1=max(w["x1"] for w in words),
                size=sizes.most_common(1)[0][0], bold=body_bold >= BOLD_SHARE * chars, lead_bold=" ".join(lead),
                marker=marker, text_x0=body[0]["x0"], font=fonts.most_common(1)[0][0])


def boxes_from_rects(rects: list[Box], page_area: float) -> list[Box]:
    """Given a page's rectangles, return its call-out boxes: rectangles stacked into boxes, page backgrounds left out.

    A box is often drawn as one shaded rectangle per row (or a title bar over a frame): rectangles of
    the same width that touch are one box.
    """
    boxes: list[Box] = []
    for x0, top, x1, bottom in sorted((r for r in rects if r[2] - r[0] >= MIN_BOX[0]), key=lambda r: r[1]):
        below = next((i for i, b in enumerate(boxes) if abs(b[0] - x0) <= 2 and abs(b[2] - x1) <= 2
                      and -2 <= top - b[3] <= 3), None)
        if below is None:
            boxes.append((x0, top, x1, bottom))
        else:
            boxes[below] = (boxes[below][0], boxes[below][1], boxes[below][2], max(bottom, boxes[below][3]))
    return [b for b in boxes if b[3] - b[1] >= MIN_BOX[1] and (b[2] - b[0]) * (b[3] - b[1]) < MAX_BOX_SHARE * page_area]


def page_boxes(page) -> list[Box]:
    """Given a pdfplumber page, return the call-out boxes on it (filled or ruled rectangles)."""
    rects = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects]
    return boxes_from_rects(rects, page.width * page.height)


def box_of(line: Line, boxes: list[Box]) -> int | None:
    """The index of the largest box around a line's middle (a title bar inside a frame belongs to the frame)."""
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    around = [i for i, (x0, top, x1, bottom) in enumerate(boxes)
              if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2]
    return max(around, key=lambda i: (boxes[i][2] - boxes[i][0]) * (boxes[i][3] - boxes[i][1])) if around else None


ColumnStart = tuple[float, float, float, float, float, float]  # x, top, bottom, size, column, edge


def column_starts(rows: list[list[list[dict]]]) -> list[ColumnStart]:
    """Where a page's columns of text start, and over which heights: left edges shared by several fragments that
    follow a gutter, as (x, top, bottom, size, column, edge) of the rows that show it; ``edge`` is where the
    fragments before the gutter end at the furthest (the column before's right edge).

    A column's lines that have no line of the other column beside them start their rows at x: chained to the
    rows already found (within a few lines), they carry the column's extent up and down, so a row the two
    columns share at the column's first or last line is still cut there. ``column`` is where the column holding
    x starts: x itself, or, for a start closer to another start on its left over the same rows than a column can
    be narrow, that start (x is an indent inside its column, such as a bulleted list's hanging indent).
    """
    by_x: dict[int, list[dict]] = {}
    edges: dict[int, float] = {}
    for parts in rows:
        for before, fragment in pairwise(parts):
            key = round(fragment[0]["x0"] / COLUMN_SNAP)
            by_x.setdefault(key, []).append(fragment[0])
            edges[key] = max(edges.get(key, 0.0), before[-1]["x1"])
    row_starts = sorted((parts[0][0] for parts in rows if parts), key=lambda w: w["top"])
    starts = []
    for key, ws in by_x.items():
        if len(ws) < MIN_COLUMN_ROWS:
            continue
        x, size = key * COLUMN_SNAP, ws[0]["size"]
        top, bottom = min(w["top"] for w in ws), max(w["bottom"] for w in ws)
        alone = [w for w in row_starts if abs(w["x0"] - x) <= COLUMN_SNAP]
        grown = True
        while grown:
            grown = False
            for w in alone:
                if top - 2 * size <= w["bottom"] and w["top"] <= bottom + 2 * size \
                        and (w["top"] < top or w["bottom"] > bottom):
                    top, bottom, grown = min(top, w["top"]), max(bottom, w["bottom"]), True
        if crossings(rows, x, top, bottom) > len(ws):
            continue
        starts.append((x, top, bottom, size, edges[key]))
    out = []
    for x, top, bottom, size, edge in starts:
        outer = [x2 for x2, top2, bottom2, _, _ in starts
                 if 0 < x - x2 < MIN_COLUMN_WIDTH * size and top2 < bottom + 2 * size and top < bottom2 + 2 * size]
        out.append((x, top, bottom, size, min(outer, default=x), edge))
    return out


def crossings(rows: list[list[list[dict]]], x: float, top: float, bottom: float) -> int:
    """How many rows between ``top`` and ``bottom`` hold a fragment running on across ``x``, no word of it starting
    there: lines a column starting at x would cut mid-phrase. Two justified columns with a narrow gutter read as
    one fragment still start a word at the gutter; a column's own lines do not cross where the justified lines of
    a few labels happen to start their last word alike ("Recommendation:  …  Greyhaven", three times)."""
    def across(fragment: list[dict]) -> bool:
        return fragment[0]["x0"] < x - COLUMN_SNAP and fragment[-1]["x1"] > x + COLUMN_SNAP \
            and not any(abs(w["x0"] - x) <= COLUMN_SNAP for w in fragment)

    return sum(1 for parts in rows if parts and top < parts[0][0]["top"] < bottom and any(map(across, parts)))


def split_at_columns(fragment: list[dict], starts: list[ColumnStart], reach: float, marker_gap: float
                     ) -> list[list[dict]]:
    """Split a fragment where a word starts a column the page's rows around it start (two justified columns whose
    gutter is no wider than their spaces): the word's middle within ``reach`` font sizes of those rows, or,
    anywhere on the page, a gap spanning the whole gutter (from the column before's right edge to the start, at
    least a gutter wide, also to a word at an indent inside the column) and unlike the spaces beside it (a
    justified line's wide space can happen to span a gutter set far down the page). At an indent inside a column,
    only when the word before it lies left of that column (it belongs to the column before)."""
    parts: list[list[dict]] = [[fragment[0]]]

    gaps = [b["x0"] - a["x1"] for a, b in pairwise(fragment)]

    def widest(i: int) -> bool:
        """Whether gap ``i`` stands apart from the spaces either side of it: a wide justified line spaces its words
        alike, a gutter differs from at least one side's spaces."""
        beside = gaps[max(0, i - 1):i] + gaps[i + 1:i + 2]
        return not beside or any(abs(gaps[i] - g) > 0.2 * gaps[i] for g in beside)

    def near(i: int, x: float, top: float, bottom: float, edge: float, prev: dict, word: dict) -> bool:
        middle = (word["top"] + word["bottom"]) / 2
        slack = reach * max(word["size"], prev["size"])
        spans = prev["x1"] <= edge + 1 and word["x0"] - prev["x1"] >= x - edge - COLUMN_SNAP \
            and x - edge >= GUTTER_GAP * word["size"] and widest(i)
        return top - slack <= middle <= bottom + slack or spans

    def into_indent(i: int, x: float, edge: float, prev: dict, word: dict) -> bool:
        """The gap spans the gutter into the column, to a word at an indent inside it (a wrapped line of a
        numbered item)."""
        size = word["size"]
        return x + COLUMN_SNAP < word["x0"] < x + MIN_COLUMN_WIDTH * size and prev["x1"] <= edge + 1 \
            and x - edge >= GUTTER_GAP * size and widest(i)

    for i, (prev, word) in enumerate(pairwise(fragment)):
        lone_marker = len(parts[-1]) == 1 and is_marker_word(prev)
        if not lone_marker and word["x0"] - prev["x1"] >= 0.4 * word["size"] \
                and any((abs(word["x0"] - x) <= COLUMN_SNAP and prev["x1"] < column
                         and near(i, x, top, bottom, edge, prev, word)) or into_indent(i, x, edge, prev, word)
                        for x, top, bottom, _, column, edge in starts):
            # a bullet set in the gutter before the column's text is that column's list marker
            bullet = len(parts[-1]) > 1 and is_bullet_word(prev) and prev["x0"] - parts[-1][-2]["x1"] > prev["x1"] \
                - prev["x0"] and word["x0"] - prev["x1"] <= marker_gap * word["size"]
            parts.append([parts[-1].pop(), word] if bullet else [word])
        else:
            parts[-1].append(word)
    return parts


def drop_footnote_marks(words: list[dict]) -> list[dict]:
    """Leave out footnote reference marks: a small number set right after a word of larger type ("complete.¹")."""
    def is_mark(w: dict) -> bool:
        return bool(re.fullmatch(r"\d{1,3}[*†‡]?", w["text"])) and any(
            o is not w and o["size"] * SUPERSCRIPT_SHARE >= w["size"] and abs(o["x1"] - w["x0"]) <= 1.5
            and o["top"] - w["size"] < w["top"] < o["bottom"] for o in words)

    return [w for w in words if not is_mark(w)]


def pieces_of_one_line(left: list[dict], right: list[dict], marker_gap: float) -> bool:
    """Whether fragment ``right`` carries on fragment ``left`` side by side: a word space after it, middles level;
    or ``left`` is a lone list marker whose text starts within a marker's gap after it, the two overlapping by most of
    their height (a marker set larger or higher than its text can fall into the other column's row)."""
    a, b = left[-1], right[0]
    size = max(a["size"], b["size"])
    gap = b["x0"] - a["x1"]
    mark = is_bullet_word(a) or (is_marker_word(a) and a["size"] > SUPERSCRIPT_SHARE * b["size"])  # not a note's
    if len(left) == 1 and mark and 0 < gap <= marker_gap * b["size"]:
        overlap = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
        return overlap >= 0.7 * min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    level = abs((a["top"] + a["bottom"]) / 2 - (b["top"] + b["bottom"]) / 2) <= 0.1 * (a["bottom"] - a["top"])
    spaces = [d["x0"] - c["x1"] for c, d in pairwise(left)]  # a justified line's spaces are as wide as each other
    return level and -0.2 * size <= gap <= max(0.6 * size, JUSTIFIED_SPACE * median(spaces) if spaces else 0.0)


def rejoin_pieces(rows: list[list[list[dict]]], marker_gap: float) -> list[list[list[dict]]]:
    """Given rows of fragments, return them with a line's pieces that fell into neighbouring rows joined again.

    OCR may box one line in two pieces whose heights differ by a little; on a two-column page the other column's
    line, set between those heights, draws one piece into its row, and the line then reads in the wrong order.
    """
    for upper, lower in pairwise(rows):
        for one, other in ((upper, lower), (lower, upper)):
            for left in list(one):
                right = next((f for f in other if f is not left and pieces_of_one_line(left, f, marker_gap)), None)
                if right is not None and left in one:
                    left.extend(right)
                    other.remove(right)
    return [row for row in rows if row]


def same_measure(left: list[dict], right: list[dict], line: list[dict]) -> bool:
    """Whether two fragments cut apart start and end where ``line`` (a line of their column running across the cut)
    does: a justified line of two or three words spreads them over the whole measure ("Recommendation:  …
    Greyhaven"), its one space however wide; a table's cells beside a line of prose do not reach its two edges
    as well."""
    return abs(left[0]["x0"] - line[0]["x0"]) <= COLUMN_SNAP \
        and abs(right[-1]["x1"] - line[-1]["x1"]) <= COLUMN_SNAP


def join_justified_cuts(rows: list[list[list[dict]]], starts: list[ColumnStart]) -> list[list[list[dict]]]:
    """Given rows of fragments, return them with a cut no gutter explains joined again: OCR spaces a justified line's
    words unevenly, and one space a little wider than a gutter beside narrower ones cuts the line in two (read as a
    table row's cells). A cut is no gutter when a line right above or below runs on across it, none is cut there
    and no column starts there."""
    def middle(fragment: list[dict]) -> float:
        return (fragment[0]["top"] + fragment[0]["bottom"]) / 2

    out = []
    for i, parts in enumerate(rows):
        joined = [parts[0]]
        for fragment in parts[1:]:
            a, b = joined[-1][-1], fragment[0]
            size = max(a["size"], b["size"])
            # (any row close by, not only the next: the other column's lines, at another leading, may stand between)
            near = [f for j, other in enumerate(rows) if j != i
                    for f in other if abs(middle(f) - middle(fragment)) <= 2 * size]
            across = [f for f in near if f[0]["x0"] < a["x1"] and f[-1]["x1"] > b["x0"]]
            cut_there = any(a["x1"] <= f[0]["x0"] <= b["x0"] + COLUMN_SNAP for f in near)
            column = any(abs(b["x0"] - start[0]) <= COLUMN_SNAP for start in starts)
            if across and not cut_there and not column and (b["x0"] - a["x1"] <= WIDE_GAP * size or any(
                    same_measure(joined[-1], fragment, f) for f in across)):
                joined[-1] = joined[-1] + fragment
            else:
                joined.append(fragment)
        out.append(joined)
    return out


def marker_gap(words: list[dict], settings: ReportSettings) -> float:
    """How far (x font size) a list marker may stand from its text on this page: the settings' gap, or more where
    the page's bullets stand further from their text (a wide hanging indent): half as far again as the usual gap
    between a bullet glyph and the word after it on its row."""
    after = []
    for row in words_to_rows(words):
        for glyph, word in pairwise(row):
            if is_bullet_word(glyph) and word["size"] > 0:
                after.append((word["x0"] - glyph["x1"]) / word["size"])
    usual = median(after) if len(after) >= 2 else 0.0
    return max(settings.marker_gap, 1.5 * usual)


def words_to_lines(words: list[dict], index: int, boxes: list[Box], settings: ReportSettings | None = None
                   ) -> list[Line]:
    """Given a page's words (text, x0, x1, top, bottom, size, fontname) and its boxes, return its line fragments."""
    settings = settings or ReportSettings()
    reach, gap = settings.column_reach, marker_gap(words, settings)
    lines = []
    rows = rejoin_pieces([row_to_fragments(row, gap) for row in words_to_rows(drop_footnote_marks(words))], gap)
    for _ in range(3):  # a row cut at a column's last line shows the column reaching further: look again
        starts = column_starts(rows)
        cut = [[piece for part in parts for piece in split_at_columns(part, starts, reach, gap)] for parts in rows]
        if sum(map(len, cut)) == sum(map(len, rows)):
            break
        rows = cut
    rows = join_justified_cuts(rows, starts)
    for number, split in enumerate(rows):
        fragments = [fragment_to_line(fragment, index, settings.small_mark) for fragment in split]
        for line in fragments:
            found = box_of(line, boxes)
            line.box = None if found is None else index * 1000 + found
            line.peers = len(fragments) - 1 + (1 if DOT_LEADER.search(line.text) else 0)
            line.row = number
            lines.append(line)
    return lines


def without_stray_accents(words: list[dict]) -> list[dict]:
    """OCR words with the accents an engine reads into specks dropped ("rècommend", "safeġuarding"): the section
    vocabulary and the lead-in patterns match plain letters, and a scanned English report's accents are noise far
    more often than print. Dashes, quotes and ligatures are left as they are (canonical decomposition only)."""
    def plain(text: str) -> str:
        if text.isascii():
            return text
        decomposed = unicodedata.normalize("NFD", text)
        return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))

    return [{**w, "text": plain(w["text"])} for w in words]


def page_to_lines(page, index: int) -> list[Line]:
    """Given a pdfplumber page, return its line fragments with the box each sits in."""
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)
    return words_to_lines(words, index, page_boxes(page))
