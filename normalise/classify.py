"""Sort raw rows into table rows, section titles, footnotes and junk, and give each table row its section.

Repeated header rows, blank rows and junk rows (page-top fragments with no text) are dropped;
footnote blocks become document notes. A row's section comes, strongest first, from its own cells
(a Type column, a ref prefix such as "AFI 3"), from the last title or band row the section
vocabulary places ("AREAS FOR IMPROVEMENT – EFFICIENCY"), or from the issue column's header.
Structure counts too: a ref that restarts at 1 with no title since starts a new section, and a band
row the vocabulary cannot place is a theme while the refs run on. Where the section is a guess, the
row is flagged and says why; nothing falls back silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hmic_extract.model import SECTIONS, RawRow, RowKind
from hmic_extract.vocabulary import (
    MAX_BROKEN_LINES,
    PAGE_FOLIO,
    PAGE_WORDS,
    header_score,
    match_title,
    reads_as_sentence,
    ref_cell_number,
    role_of_header_cell,
    section_named_by_header,
    section_of_cell_unbroken,
)

from .anchors import PAGE_REACH
from .line_units import FUNCTION_WORDS, TERMINAL
from .ocr_pagerefs import JOINS_NEXT, LABEL_NUMBER, mended_word, page_cell_kind
from .pieces import Piece

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_START = re.compile(rf"^\s*(?:[{SUPERSCRIPT_DIGITS}]+|\d{{1,3}}(?=\s+[A-Z]))\s*\S")
PROSE_LINE = 60  # characters: a text line this long between a title and its table is prose, not a title
BAND_WORDS = 8  # a band row the vocabulary cannot place is at most this many words
HEADER_LABEL = 40  # characters: a text line's cells are header labels only when this short
REF_NUMBER = re.compile(r"\d{1,3}")


def key_cells(row: RawRow) -> tuple[tuple[str, str], ...]:
    """The row's ref, page and text cells with the role each column's label names."""
    return ("ref", row.ref), ("page_ref", row.page_ref), ("issue", row.issue)


def is_header_row(row: RawRow) -> bool:
    """A repeated header: its cells name at least two column roles and its ref cell holds no number.

    A text line (``is_line``) is a header line only when every filled cell is a short column label:
    a body line such as "Page | The force should ensure that its response..." names two roles too, and so may a
    row's last line ("vacancies in response teams." | "Board; lead officer appointed."), which ends a sentence
    or whose ref, page or text cell names another column's role.
    """
    cells = [row.ref, row.page_ref, row.issue, row.action]
    if row.is_line and not all(role_of_header_cell(c) and len(c) <= HEADER_LABEL and not reads_as_sentence(c)
                               for c in cells if c.strip()):
        return False
    if row.is_line and any(c.strip() and role_of_header_cell(c) != role for role, c in key_cells(row)):
        return False  # "force's own target of 12." in the issue column names a role, but not the issue column's
    return header_score(cells) >= 2 and not re.search(r"\d", row.ref + row.page_ref) and len(row.issue) < 80


def is_junk_row(row: RawRow, after_page_line: bool = False, page_near: bool = False, inside: bool = False,
                page_above: str = "") -> bool:
    """A row with no issue text, no usable ref and no action: a page-top fragment, a split header's tail.

    A text line holding only part of a wrapped page cell ("Figure" / "4", "Page" / "21/22") is not
    junk; a lone number is, unless it follows a line with a page cell (it then ends that cell), or sits a line or few
    under one (``page_near``: the cell's lines are set at their own pitch beside the text's, a ref centred in the
    row on a line between them: "10/1" / "1", "Pages 15" / "and" / "21"), or between two lines of its table part
    (``inside``: page-top fragments and folios sit at a part's edge, a tall row's page cell "57–58" beside its text).
    Nor is the rest of a word the page cell a line or few above (``page_above``) broke ("19 Fi" / "gure").
    """
    if row.issue.strip():
        return False
    if row.is_line and row.action.strip() and row.top is not None:
        return False  # a line of a tall action cell: it shows how far its row reaches (refs centred on the row)
    if row.is_line and re.search(r"\d", row.ref + row.page_ref) and re.search(r"[a-z]{2}", row.page_ref, re.I):
        return False  # a line that holds only the ref/page of a row whose text is on other lines
    if row.is_line and not row.ref.strip():
        kind = page_cell_kind(row.page_ref)
        if kind in ("label", "word", "page", "lookalike") or (kind in ("number", "garbled") and after_page_line):
            return False
        if after_page_line and LABEL_NUMBER.match(row.page_ref.strip()):
            return False  # "5.5)" under "(para": the number of the label that ended the line above
        if (page_near or inside) and kind == "number":
            return False  # "and" or "1" two lines under "Pages 15" or "10/1", the ref's line between them
        if page_near and mended_word(page_above, row.page_ref) is not None:
            return False
    return not (row.is_line and ref_cell_number(row.ref) is not None)  # a ref line whose text is on other lines


def inside_part(rows: list[RawRow], index: int) -> bool:
    """Whether a text line sits between two lines of its own table part that hold row text (not at a part's edge,
    where page-top fragments, folios and a split header's tail are)."""
    row = rows[index]

    def body_line(j: int) -> bool:
        other = rows[j] if 0 <= j < len(rows) else None
        return other is not None and other.kind is RowKind.CELLS and other.is_line and bool(other.issue.strip()) \
            and other.table_id == row.table_id and other.page_index == row.page_index and not is_header_row(other)

    return row.is_line and body_line(index - 1) and body_line(index + 1)


def is_footnote(text: str) -> bool:
    return bool(FOOTNOTE_START.match(text)) and len(text) > 15


def is_ocr(row: RawRow) -> bool:
    """Rows read by OCR match section names fuzzily ("Recommendatlons")."""
    return row.method.startswith("ocr")


def ref_number(ref: str) -> int | None:
    m = REF_NUMBER.search(ref)
    return int(m.group()) if m else None


@dataclass
class SectionState:
    """The section the rows being read fall under, and how we know it."""

    section: str | None = None  # None until anything names one
    theme: str = ""
    guess: str = ""  # why the section is a guess ("" when printed)
    last_ref: int | None = None  # the last row's ref number in this section
    used: tuple[str, ...] = ()  # sections met so far, in order

    def enter(self, section: str, theme: str = "", guess: str = "") -> None:
        self.section, self.theme, self.guess, self.last_ref = section, theme, guess, None
        if section not in self.used:
            self.used = (*self.used, section)

    def next_unused(self) -> str:
        """The first section, in template order, after those met so far: the best guess for an unnamed one."""
        after = SECTIONS.index(self.section) + 1 if self.section in SECTIONS else 0
        later = [s for s in SECTIONS[after:] if s not in self.used] or [s for s in SECTIONS if s not in self.used]
        return later[0] if later else SECTIONS[-1]


@dataclass
class Pending:
    """A title or band row read, waiting for the first table row it applies to."""

    section: str | None  # None: a band the vocabulary cannot place
    theme: str
    prose_after: int = 0  # long prose lines read since: a title far above the table does not apply
    from_header: bool = False  # named by a header repeated at a page top (a print title), not a title or band


def title_of(text: str, row: RawRow) -> Pending | None:
    """Given a full-width text line, return the section title or unplaceable band it is, or None."""
    m = match_title(text, fuzzy=is_ocr(row))
    if m is not None and not m.others:
        return Pending(m.section, m.theme)
    if row.band and is_band_text(text):
        return Pending(None, text.strip(" :.-–"))
    return None


def leaves_open(text: str) -> bool:
    """A line that ends on a word or mark that needs more after it ("... IN RESPONSE TO THE", "Legitimacy –"): its
    text goes on on the next line."""
    words = text.rstrip().split()
    return bool(words) and (words[-1].endswith((",", "-", "–", "—", "/", "&", "(")) or
                            re.sub(r"[^\w'’]", "", words[-1]).lower() in FUNCTION_WORDS)


def band_line(rows: list[RawRow], index: int) -> Pending | None:
    """A text line alone in the text column that titles a section ("HMICFRS areas for improvement"), set after a row's
    last sentence: an unruled table's band the reader put in the column it is aligned with. It names the rows below and
    is no row's text. (A wrapped line of prose naming a section goes on with a sentence the line above left open.)
    A band short enough to fit the ref column ("CAUSES FOR CONCERN" at a page foot) falls there: words without a
    number, not a ref label whose number a later line holds."""
    row = rows[index]
    if row.kind is not RowKind.CELLS or not row.is_line or row.page_ref.strip() or row.action.strip() \
            or row.section.strip() or (row.ref.strip() and row.issue.strip()):
        return None
    if row.ref.strip() and (ref_number(row.ref) is not None or len(row.ref.split()) < 2):
        return None  # a ref, or a ref's label whose number is on a later line ("AfI-" / "15")
    text = " ".join((row.issue or row.ref).split())
    if not text[:1].isupper() or reads_as_sentence(text) or TERMINAL.search(text):
        return None
    before = next((r for r in reversed(rows[:index]) if r.kind is RowKind.CELLS and r.issue.strip()), None)
    if before is not None and not TERMINAL.search(before.issue.strip()):
        return None
    m = match_title(text, fuzzy=is_ocr(row))
    return Pending(m.section, m.theme) if m is not None and not m.others else None


def title_going_on(title: str, text: str, pending: Pending | None, row: RawRow) -> Pending | None:
    """The title read whole when a text line is the wrapped last line of the title read just above it (``title``, its
    ``pending`` section), else None: the title's line ends on a word no heading ends on ("... IN RESPONSE TO THE CAUSE
    OF" / "CONCERN") and the two read as one title of its section (alone, the last line reads as a band the vocabulary
    cannot place, or as no title at all)."""
    if pending is None or not title or not leaves_open(title):
        return None
    m = match_title(f"{title} {text}", fuzzy=is_ocr(row))
    if m is None or m.others or m.section != pending.section:
        return None
    return Pending(m.section, m.theme or pending.theme)


def is_band_text(text: str) -> bool:
    """A short line inside a table that is not a sentence: a band row the vocabulary may not know."""
    words = text.split()
    return 0 < len(words) <= BAND_WORDS and not text.rstrip().endswith((".", ",", ";")) and \
        not PAGE_FOLIO.match(text) and any(ch.isalpha() for ch in text)


def apply_pending(state: SectionState, pending: Pending, ref: int | None, header_section: str | None) -> None:
    """A title or band precedes this row: enter its section (or, for an unknown band, decide from the refs).

    A header seen before, repeated at a page top and naming another section while the refs run on (3, then 4)
    is a print title repeating the first table's header, not a new table: the section stays. So it does while no row
    of the section in force was numbered yet (its table's header fell at the foot of the page before, alone)."""
    if pending.from_header and ref is not None and state.last_ref is not None and ref == state.last_ref + 1:
        return
    if pending.from_header and state.section is not None and state.last_ref is None:
        return
    if pending.section is not None:
        state.enter(pending.section, pending.theme)
    elif state.section is not None and not (ref == 1 and state.last_ref not in (None, 0)):
        state.theme = pending.theme  # an unknown band while the refs run on: a theme of the same section
    elif state.section is None and header_section is not None:
        state.enter(header_section, pending.theme)
    else:
        state.enter(state.next_unused() if state.section is not None else SECTIONS[0], pending.theme,
                    f"a band row ({pending.theme!r}) names no section")


def follow_refs(state: SectionState, ref: int | None, next_ref: int | None) -> None:
    """A ref that restarts at 1 with no title since starts a new section (its name a guess).

    The refs after it must start over too (2, or another section's 1, or none): a "1" whose next
    ref carries on the old run is a garbled ref, not a restart.
    """
    if ref == 1 and state.last_ref is not None and state.last_ref >= 1 and state.section is not None \
            and next_ref in (None, 1, 2):
        state.enter(state.next_unused(), "", f"refs restart at 1 after {state.section.lower()} with no heading")


def next_refs(rows: list[RawRow]) -> list[int | None]:
    """For each row, the ref number of the next table row that has one (None at the end)."""
    out: list[int | None] = [None] * len(rows)
    following: int | None = None
    for i in range(len(rows) - 1, -1, -1):
        out[i] = following
        row = rows[i]
        if row.kind is RowKind.CELLS and row.ref.strip():
            following = ref_number(row.ref) if ref_number(row.ref) is not None else following
    return out


def own_section(row: RawRow, type_cell: str | None = None, ref_cell: str | None = None) -> str | None:
    """The section a row names itself: its Type cell ("AFI") or a prefixed ref ("Rec 2")."""
    cell = row.section if type_cell is None else type_cell
    ref = row.ref if ref_cell is None else ref_cell
    return section_of_cell_unbroken(cell, fuzzy=is_ocr(row)) or section_of_cell_unbroken(ref, fuzzy=is_ocr(row))


def ref_cells_of_lines(rows: list[RawRow]) -> dict[int, str]:
    """For text-line rows, the whole ref cell a label without its number belongs to: "AfI-" on one line and "15"
    a line or two below (a narrow ref column, refs centred between lines) are one ref, "AfI-15"; a label a narrow
    column broke over several lines ("Iss" / "ue-" / "1") is one ref with all its lines."""
    out: dict[int, str] = {}
    for i, row in enumerate(rows):
        label = row.ref.strip()
        if i in out or not (row.kind is RowKind.CELLS and row.is_line and label) or \
                ref_cell_number(label) is not None:
            continue
        if role_of_header_cell(label) == "ref" or header_score([row.page_ref, row.issue, row.action]) >= 2:
            continue  # a header line ("Rec No. | Report page ref | Finding"), not a ref over two lines
        lines = [i]
        for j in range(i + 1, min(len(rows), i + MAX_TYPE_LINES)):
            other = rows[j]
            if other.kind is not RowKind.CELLS or not other.is_line or other.table_id != row.table_id:
                break
            if not other.ref.strip():
                continue
            lines.append(j)
            if ref_cell_number(other.ref) is None:
                continue  # the label's next piece ("Iss" / "ue-"): its number is still to come
            whole = "\n".join(rows[k].ref.strip() for k in lines)
            if section_of_cell_unbroken(whole) is not None:
                out.update(dict.fromkeys(lines, whole))
            break
    return out


MAX_TYPE_LINES = MAX_BROKEN_LINES  # a Type cell wrapped over this many text lines at most ("Cau" / "se" / "of" / ...)


def type_cells_of_lines(rows: list[RawRow]) -> dict[int, str]:
    """For text-line rows, the whole Type cell each line's fragment belongs to: consecutive fragments of one
    table part are joined until the vocabulary reads a section ("RECOMMENDATI" + "ON"; fuzzily for OCR, which loses
    a letter: "Area for" + "mprovem" + "ent")."""
    out: dict[int, str] = {}
    i = 0
    while i < len(rows):
        row = rows[i]
        if i in out or not (row.kind is RowKind.CELLS and row.is_line and row.section.strip()):
            i += 1
            continue
        if section_of_cell_unbroken(row.section) is not None:
            out[i] = row.section  # a whole Type cell, or its first line alone over the ref's ("Issue" / "of" / ...)
            i += 1
            continue
        lines = [i]
        j = i + 1
        while j < len(rows) and len(lines) < MAX_TYPE_LINES and rows[j].kind is RowKind.CELLS and rows[j].is_line \
                and (rows[j].table_id == row.table_id or cut_at_page_foot(rows, lines[-1], j)):
            if is_header_row(rows[j]) and rows[j].page_index != row.page_index:
                j += 1
                continue  # the header repeated over the part the page break cut the Type cell into
            if rows[j].section.strip():
                lines.append(j)
                text = "\n".join(rows[k].section for k in lines)
                if section_of_cell_unbroken(text, fuzzy=is_ocr(row)) is not None:
                    out.update(dict.fromkeys(lines, text))
                    break
            j += 1
        i += 1
    return out


def cut_at_page_foot(rows: list[RawRow], last: int, j: int) -> bool:
    """Whether row ``j`` opens the next page's part of the table under its repeated header, holding no ref of its own
    (or is that header): the rest of a row the page break cut after line ``last`` ("AREA FOR" / "IMPROVEM" at a page's
    foot, "ENT" atop the next page)."""
    if rows[j].page_index != rows[last].page_index + 1 or (rows[j].ref.strip() and not is_header_row(rows[j])):
        return False
    between = rows[last + 1:j]
    return all(r.kind is RowKind.CELLS and is_header_row(r) for r in between) and \
        all(r.page_index == rows[j].page_index for r in between)


def column_name_headers(rows: list[RawRow]) -> set[str]:
    """Header texts that name no table's section (not even an untitled first one): the annex reuses the label
    ("Recommendation") as a column name for every table. Such a label is set right under a title that names
    another section, or a title further on opens the section it names (each section is titled once)."""
    out: set[str] = set()
    title: str | None = None
    first_seen: dict[str, int] = {}
    titled: dict[str, int] = {}  # section -> where the last title naming it is
    for i, row in enumerate(rows):
        if row.kind is RowKind.TEXT:
            found = title_of(" ".join(row.text.split()), row)
            title = found.section if found is not None else title
            if found is not None and found.section is not None:
                titled[found.section] = i
        elif is_header_row(row):
            named = section_named_by_header(row.issue)
            if title is not None and named is not None and named != title:
                out.add(row.issue)
            first_seen.setdefault(row.issue, i)
        elif not row.is_blank():
            title = None
    for label, i in first_seen.items():
        named = section_named_by_header(label)
        if named is not None and titled.get(named, -1) > i:
            out.add(label)
    return out


def page_head_key(row: RawRow) -> str:
    """What a running head has in common from page to page: its cells' text with digits masked."""
    return re.sub(r"\d+", "#", " ".join(" ".join([row.ref, row.page_ref, row.issue, row.action]).split()))


PAGE_REF_WORDS = re.compile(rf"(?i)^(?:{PAGE_WORDS}|and|to|of|para(?:graph)?s?)\.?$")


def has_words(key: str) -> bool:
    """Whether a line's text holds a word that is not a number or a page ref's: a running head has words ("Version",
    "March", "progress tracker"); a row's ref and page lines ("13", "Pages", "24 and") recur from page to page once
    their numbers are masked, and are no head."""
    return any(len(w) >= 2 and not PAGE_REF_WORDS.match(w) for w in re.findall(r"[^\W\d_]+", key))


def same_place(a: RawRow, b: RawRow) -> bool:
    """Whether two lines on different pages stand at one height (within half a line; unknown geometry counts)."""
    if a.top is None or b.top is None:
        return True
    height = max((a.bottom or a.top) - a.top, (b.bottom or b.top) - b.top, 2.0)
    return abs(a.top - b.top) <= height / 2


def running_heads(rows: list[RawRow]) -> set[int]:
    """The text lines set above the header on their page that recur, digits masked, at the same height above the
    header of another page: a running head the stream reader split into the table's columns (a row's continuation
    past a page break is never the same text twice at the same place). A line naming a section (a band repeated
    over each part) stays."""
    on_page: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        on_page.setdefault(r.page_index, []).append(i)
    above: dict[int, list[int]] = {}
    for page, indexes in on_page.items():
        header = next((k for k, i in enumerate(indexes) if rows[i].kind is RowKind.CELLS and is_header_row(rows[i])),
                      None)
        if header is not None:
            above[page] = [i for i in indexes[:header] if rows[i].kind is RowKind.CELLS and rows[i].is_line
                           and not rows[i].is_blank()]
    alike: dict[str, list[int]] = {}
    for indexes in above.values():
        for i in indexes:
            alike.setdefault(page_head_key(rows[i]), []).append(i)
    return {i for key, indexes in alike.items() if has_words(key) and match_title(key) is None
            for i in indexes if any(rows[j].page_index != rows[i].page_index and same_place(rows[i], rows[j])
                                    for j in indexes)}


def classify(rows: list[RawRow]) -> tuple[list[Piece], list[str], dict[str, int]]:
    """Given raw rows in reading order, return (table pieces with sections, footnote notes, counts dropped)."""
    pieces: list[Piece] = []
    notes: list[str] = []
    dropped = {"header": 0, "junk": 0, "text": 0}
    state = SectionState()
    pending: Pending | None = None
    header_section: str | None = None
    label_section: str | None = None  # the section the last header's text column names, even as a column name
    last_header = ""
    last_was_footnote = False
    after_page_line = page_open = False
    since_page: int | None = None  # text lines since the last line holding a page cell
    page_above = ""  # that line's page cell
    upcoming = next_refs(rows)
    block = 0
    headers_seen: set[str] = set()
    last_page = -1
    type_cells = type_cells_of_lines(rows)
    ref_cells = ref_cells_of_lines(rows)
    column_names = column_name_headers(rows)
    heads = running_heads(rows)
    title_text = ""  # the title line last read, while nothing but its wrapped lines followed it
    for index, row in enumerate(rows):
        if index in heads:
            dropped["text"] += 1
            continue
        if row.kind is not RowKind.TEXT:
            title_text = ""
        if row.kind is RowKind.TEXT:
            text = " ".join(row.text.split())
            title = title_of(text, row)
            whole = title_going_on(title_text, text, pending, row)
            if whole is not None:  # the title's wrapped last line: the title read whole (its theme with it)
                pending, title_text = whole, f"{title_text} {text}"
                dropped["text"] += 1
                continue
            title_text = text if title is not None else ""
            if title is not None:
                pending, last_was_footnote = title, False
            elif is_footnote(text):
                notes.append(text)
                last_was_footnote = True
            elif last_was_footnote and text and not PAGE_FOLIO.match(text):
                notes[-1] += " " + text
            else:
                last_was_footnote = False
                if pending is not None and len(text) >= PROSE_LINE:
                    pending.prose_after += 1
                dropped["text"] += 1
            continue
        last_was_footnote = False
        band = band_line(rows, index) if index not in ref_cells else None
        if band is not None:
            pending = band
            continue
        if row.is_blank() and index not in type_cells:
            continue  # a line holding only a piece of a Type cell ("Co" / "C") still names its row's section
        if is_header_row(row) and index not in ref_cells:
            dropped["header"] += 1
            label_section = section_named_by_header(row.issue)
            named = label_section if row.issue not in column_names else None
            if row.issue != last_header and named is not None:  # a new table's header (not a repeat) names it
                header_section = named
                print_title = row.issue in headers_seen and row.page_index != last_page
                if state.section is not None and pending is None:
                    pending = Pending(named, "", from_header=print_title)
            last_header = row.issue
            headers_seen.add(row.issue)
            continue
        page_near = since_page is not None and since_page < PAGE_REACH
        junk = is_junk_row(row, after_page_line, page_near, inside_part(rows, index), page_above)
        if junk and index not in ref_cells and index not in type_cells:
            dropped["junk"] += 1
            continue
        since_page = None if not row.is_line else 0 if row.page_ref.strip() else (
            since_page + 1 if since_page is not None else None)
        if row.is_line and row.page_ref.strip():
            after_page_line = True
            page = page_above = row.page_ref.strip()
            # "pp. 37-", "Page", "s" (of "Page" / "s"): the page ref's number is still to come
            page_open = bool(JOINS_NEXT.search(page)) or not any(ch.isdigit() for ch in page)
        else:
            after_page_line = page_open and row.is_line
        ref = ref_number(row.ref) if not row.is_line or row.ref.strip() else None
        if pending is not None and pending.prose_after > 2:
            pending = None  # a title with paragraphs of prose under it is not this table's title
        own = own_section(row, type_cells.get(index), ref_cells.get(index))
        if pending is not None:
            apply_pending(state, pending, ref if ref is not None or not row.is_line else upcoming[index],
                          header_section)  # refs centred in tall rows: the row's ref is on one of its later lines
            pending = None
            block += 1
        elif state.section is None and own is None:
            if header_section is not None:
                state.enter(header_section)
            elif label_section == SECTIONS[0]:  # the guess and the text column's label agree: two signs, no doubt
                state.enter(SECTIONS[0])
            else:
                state.enter(SECTIONS[0], "", "no section heading, Type column or ref prefix")
        elif ref is not None and own is None:
            follow_refs(state, ref, upcoming[index])
        if own is not None and own != state.section:
            state.enter(own, state.theme if state.section is None else "")
        assert state.section is not None
        piece = Piece(row=row, section=state.section, theme=row.theme or state.theme, block=block)
        last_page = row.page_index
        if state.guess and own is None:
            piece.flags.append(f"section not printed, taken as {state.section.lower()}: {state.guess}")
        pieces.append(piece)
        if ref is not None:
            state.last_ref = ref
    return pieces, notes, dropped
