"""Lines in reading order -> blocks: headings, paragraphs, bullet/numbered items and captions.

A block is lines that belong together. A line carries on the block above it when it is set alike
(weight, size, box) and close below it, or when a page or column break falls mid-sentence; a list
marker, a change of weight or size, a wider gap or a box edge starts a new block. A line that is a
section title and nothing else ("Areas for improvement", "Cause of concern 2") is always a block of
its own, bold or not, so a label printed in regular weight (or read by OCR) is still a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hmic_extract.vocabulary import PROSE_WORDS, match_title

from .lines import Line
from .settings import ReportSettings
from .statements import MODAL, is_lead_in, is_statement, strip_timescale

CAPTION = re.compile(r"(?i)^(?:figure|fig\.|table|chart|graph|source|note)s?\s*\d*[a-z]?\s*[:.–—-]")
# A heading wrapped after a word that cannot end one ("and", "to", "of the") runs on: "Our recommendations to" /
# "chief constables" is one title.
DANGLING = re.compile(r"(?i)(?:\b(?:and|or|to|for|of|in|on|from|by|with|at|into|the|a|an)|&|,)\s*$")
SENTENCE_END = re.compile(r"[.!?:;]['’”)]?$")
FULL_STOP = re.compile(r"[.!?;]['’”)]?$")


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

    @property
    def pages(self) -> list[int]:
        return sorted({ln.page for ln in self.lines})

    @property
    def in_table(self) -> bool:
        """Whether the block's first line shares its row with other fragments (a table cell, a contents line)."""
        return self.lines[0].peers > 0


def is_title_line(line: Line, fuzzy: bool = False) -> bool:
    """A line that is a section title and nothing else ("Areas for improvement", "CAUSE OF CONCERN 2:")."""
    text = line.text.strip()
    if (not text[:1].isupper() and not text[:1].isdigit()) or FULL_STOP.search(text):
        return False
    if line.lead_bold and not line.bold:  # a bold label run, then the finding in regular type
        return False
    match = match_title(text.rstrip(":–—- "), fuzzy=fuzzy)
    return match is not None and is_theme(match.theme)


MAX_THEME_WORDS = 7
DATE_WITHOUT_YEAR = re.compile(r"(?i)^(?:by|before)\b(?!.*\d{4})")  # "By 31 December" whose year is on the next line


def is_theme(text: str) -> bool:
    """What may follow a title after a dash or colon: a short theme ("– Efficiency"), not a finding's sentence (one
    opened by a timescale, "By 31 March 2024, the", is cut only by the end of its line; "By 31 December", a date
    cut before its year, too)."""
    text = text.strip()
    words = {w.lower() for w in re.findall(r"[\w']+", text)}
    timescale, rest = strip_timescale(text)
    cut_date = bool(timescale) and not rest and DATE_WITHOUT_YEAR.search(timescale) is not None
    return len(text.split()) <= MAX_THEME_WORDS and not SENTENCE_END.search(text) and not text[:1].islower() \
        and not MODAL.search(text) and not words & PROSE_WORDS and not (timescale and rest) and not cut_date


def gap_below(upper: Line, lower: Line) -> float:
    """The white space between a line and one set below it (-1 when it is not below: above, or beside it).

    OCR boxes of two lines of one paragraph may overlap by a fraction of a point (a descender over an ascender):
    a line whose middle lies below the upper line's foot is below it, with no white space between.
    """
    if (lower.top + lower.bottom) / 2 <= upper.bottom:
        return -1.0
    return max(0.0, lower.top - upper.bottom)


def white_gap(prev: Line, line: Line, settings: ReportSettings) -> float:
    """The white space above a line, as a paragraph's leading would set it: on a scan whose line pitch is known,
    the usual gap plus how much further the line's middle sits than the usual pitch (box edges move with the
    letters a line holds); else the space between the two boxes."""
    if not settings.line_pitch:
        return line.top - prev.bottom
    return settings.line_gap + (line.top + line.bottom - prev.top - prev.bottom) / 2 - settings.line_pitch


def runs_on(line: Line, after: Line | None, settings: ReportSettings) -> bool:
    """Whether a line's sentence runs on into the next line (set just below it, starting in lower case): a label
    opening a paragraph ("Area for improvement: The force needs / to make sure …"), not a title. A small letter
    numbering an item ("i. The force …", its number read inline) opens no running-on words."""
    return after is not None and after.page == line.page and after.column == line.column \
        and 0 <= gap_below(line, after) <= settings.para_gap and after.text[:1].islower() \
        and not OPENING_NUMBER.match(after.text)


def line_kind(line: Line, settings: ReportSettings) -> str:
    """Given a line, return "caption", "item", "title" (a bare section title) or "text"."""
    if CAPTION.match(line.text) or settings.read_size(line.text, line.size) < settings.caption_size:
        return "caption"
    if line.marker:
        return "item"
    if not line.peers and is_title_line(line, settings.weightless) and not DANGLING.search(line.text):
        return "title"
    return "text"


def block_kind(lines: list[Line], settings: ReportSettings) -> str:
    """Given a block's lines, say what it is: a heading is larger than body text, or a short bold run that does not
    end a sentence (a bold label ending in ":" included); a bold statement is a paragraph."""
    first = lines[0]
    text = " ".join(ln.text for ln in lines)
    if CAPTION.match(first.text) or settings.read_size(first.text, first.size) < settings.caption_size:
        return "caption"
    if first.marker:
        return "item"
    if first.size >= settings.heading_size and not (settings.weightless and (is_lead_in(text) or is_statement(text))):
        return "heading"  # (on a scan, a line of digits and descenders may read as large: a lead-in is no heading)
    if len(lines) == 1 and is_title_line(first, settings.weightless):
        return "heading"
    if settings.weightless and is_wrapped_title(lines, text, settings):
        return "heading"
    if all(ln.bold for ln in lines) and len(text.split()) <= settings.max_heading_words and not FULL_STOP.search(text):
        return "heading" if not text.endswith(":") else "para"
    return "para"


MAX_TITLE_LINES = 3


def is_wrapped_title(lines: list[Line], text: str, settings: ReportSettings) -> bool:
    """On a scan, a section title wrapped over a few lines ("Annex A: Summary of" / "recommendations"): nothing but a
    title, set no smaller than body text on average (OCR reads each line's size from its letters' boxes, so a line
    of few ascenders reads small, and a title's first line may read under heading size)."""
    if len(lines) < 2 or len(lines) > MAX_TITLE_LINES or FULL_STOP.search(text) or not text[:1].isupper():
        return False
    mean = sum(settings.read_size(ln.text, ln.size) for ln in lines) / len(lines)
    match = match_title(text.rstrip(":–—- "), fuzzy=True)
    return mean >= settings.body_size - settings.size_slack and match is not None and is_theme(match.theme)


def continues(block: list[Line], kind: str, line: Line, line_type: str, settings: ReportSettings) -> bool:
    """Whether ``line`` carries on the block (a wrapped line, or the rest of it after a page or column break)."""
    prev = block[-1]
    if kind == "title" and line_type == "text" and wraps_title(block, line, settings):
        return True
    if line_type == "item" or kind == "title" or (line_type == "title" and not DANGLING.search(prev.text)):
        return False
    sentence_runs_on = not SENTENCE_END.search(prev.text) and (
        line.text[:1].islower() or ocr_leading_runs_on(prev, line, settings))
    if (line_type == "caption") != (kind == "caption") and not small_ocr_box_runs_on(line, line_type, prev, settings) \
            and not wrapped_caption_title(block, kind, line, settings):
        return False
    if prev.bold != line.bold or (abs(prev.size - line.size) > settings.size_slack and not sentence_runs_on):
        return False
    if (prev.box is None) != (line.box is None):
        return False
    if kind == "item" and opens_next_item(block, line):
        return False
    if opens_lookalike_item(block, line, settings):
        return False
    if kind == "item" and line.x0 < item_indent(block, line) - settings.indent_slack and line.column == prev.column \
            and line.page == prev.page and not runs_on_at_leading(prev, line, settings):
        return False
    if line.page == prev.page and line.column == prev.column and line.top >= prev.top:
        gap = white_gap(prev, line, settings)
        if line.box != prev.box:
            return False
        # A sentence running on into a line set lower than usual (a footnote mark or a larger word widened the
        # leading) is still one paragraph: a new paragraph never starts in lower case.
        # A line cut after a word no line ends on ("… and areas for" / "improvement") runs on across a larger
        # type's leading too: a heading's pitch grows with its size.
        reach = 2 * settings.para_gap * (max(1.0, line.size / settings.body_size) if DANGLING.search(prev.text)
                                         else 1.0)
        return gap <= settings.para_gap or (gap <= reach and line.text[:1].islower()
                                            and not SENTENCE_END.search(prev.text))
    # A page or column break: the block goes on unless it had ended a sentence (and the next line starts one).
    # A list item goes on only into a line that cannot open the next one (lower case, a number): fragments
    # often end without punctuation, and the next column may open with a lead-in. A row of table cells ends in
    # no full stop either, but is no sentence: it goes on only into another row of cells.
    if prev.peers and not line.peers:
        return False
    if heading_ends_at_break(prev, line, settings):
        return False
    if kind == "item":  # (a footnote at the page's foot opens with a number too: "1 Code of Practice …")
        return line.text[:1].islower() or (line.text[:1].isdigit() and not starts_footnote(line.text)) \
            or prev.text.endswith("-")
    return not SENTENCE_END.search(prev.text) or line.text[:1].islower()


def heading_ends_at_break(prev: Line, line: Line, settings: ReportSettings) -> bool:
    """Whether a heading-size line ending a page or column is a whole heading, not one carried on by ``line`` at
    the top of the next: a heading ends no sentence, so only its words say it goes on (cut after "of", or going on
    in lower case); a line opening in capitals there is the next heading or paragraph (a title left alone at a
    column's foot, "Summary of recommendations", and the next chapter's "Glossary")."""
    return settings.read_size(prev.text, prev.size) >= settings.heading_size and line.text[:1].isupper() \
        and not DANGLING.search(prev.text)


# A hollow bullet OCR read as a letter, apart or glued: "○ review" read "o review", "oreview"
LOOKALIKE_BULLET = re.compile(r"^(?:([oO0°+])\s+(?=\S)|(o)(?=[a-z]{2}))")


def opens_lookalike_item(block: list[Line], line: Line, settings: ReportSettings) -> bool:
    """On a scan, whether a line opening with a bullet OCR read as a letter starts the next item of a list whose
    first line opened so too: it stands out at the block's first line, left of the wrapped line above it (a
    hanging indent). Read as text, such lines open in lower case and run on as one paragraph."""
    prev, first = block[-1], block[0]
    return settings.weightless and (line.page, line.column) == (first.page, first.column) == (prev.page, prev.column) \
        and bool(LOOKALIKE_BULLET.match(line.text)) and bool(LOOKALIKE_BULLET.match(first.text)) \
        and abs(line.x0 - first.x0) <= settings.indent_slack and prev.x0 - line.x0 > settings.indent_slack


def wraps_title(block: list[Line], line: Line, settings: ReportSettings) -> bool:
    """Whether a line set right below a title, alike, carries the title on ("OUR RECOMMENDATIONS TO CHIEF" /
    "CONSTABLES"): a few more words alike, bold (or, without bold, capitals like it), and the lines together still
    a title, not a title and a sentence."""
    prev = block[-1]
    if len(block) >= MAX_TITLE_LINES or prev.bold != line.bold or abs(prev.size - line.size) > settings.size_slack \
            or (prev.box is None) != (line.box is None) or SENTENCE_END.search(prev.text) \
            or len(line.text.split()) > settings.title_tail_words:
        return False
    if not line.bold and not (prev.text.isupper() and line.text.isupper()):
        return False
    if not 0 <= gap_below(prev, line) <= settings.para_gap or (line.page, line.column) != (prev.page, prev.column):
        return False
    return is_title_line(replace(prev, text=" ".join([*(ln.text for ln in block), line.text])), settings.weightless)


def item_indent(block: list[Line], line: Line) -> float:
    """Where an item's text starts on the page and column of ``line``: its text after the marker, or, for an item
    carried over a page or column break, its first line there (the new page sets its own margin)."""
    if (block[0].page, block[0].column) == (line.page, line.column):
        return block[0].text_x0
    return next((ln.x0 for ln in block if (ln.page, ln.column) == (line.page, line.column)), line.x0)


def marker_style(marker: str) -> str:
    """How a list marker is written, whatever it counts: "2.5" and "2.6" alike, "(a)" and "(b)", "○"."""
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"\d+", "9", marker.strip()))


def opens_next_item(block: list[Line], line: Line) -> bool:
    """Whether a line opens with a number written as the item's own marker ("ii." under "i."): the list's next
    item, whose number was not set apart as a marker (a justified line's spaces are as wide as its gap)."""
    m = OPENING_NUMBER.match(line.text)
    number = (m.group(1) or m.group(2) or "").strip() if m else ""
    return bool(number) and bool(block[0].marker) and number != block[0].marker \
        and marker_style(number) == marker_style(block[0].marker)


ITALIC_FONT = re.compile(r"(?i)italic|oblique|cmti\d|,i$|,bi$")  # TeX names its italic cmti10


def is_italic(font: str) -> bool:
    return bool(ITALIC_FONT.search(font))


def ocr_leading_runs_on(prev: Line, line: Line, settings: ReportSettings) -> bool:
    """On a scan, a line set at a paragraph's leading under an unfinished sentence carries it on even when it opens
    with a capital (a name: "… Wexmoor and Dunhallow" / "Police should …") and OCR reads it at another size; a
    heading is set further apart or much larger."""
    if not settings.weightless or line.page != prev.page or line.column != prev.column \
            or not 0 <= gap_below(prev, line) <= settings.para_gap:
        return False
    # a line whose middle sits the usual pitch below is the paragraph's next line whatever size OCR gives it
    pitch = (line.top + line.bottom - prev.top - prev.bottom) / 2
    at_pitch = bool(settings.line_pitch) and pitch <= settings.line_pitch + settings.indent_slack / 2
    return at_pitch or abs(line.size - prev.size) <= settings.heading_growth


def small_ocr_box_runs_on(line: Line, line_type: str, prev: Line, settings: ReportSettings) -> bool:
    """OCR sizes come from word-box heights, which vary with the letters a line holds: a wrapped line may read
    as caption-small. Set at a paragraph's leading under a sentence that runs on into it, it is that sentence."""
    return settings.weightless and line_type == "caption" and not CAPTION.match(line.text) \
        and line.text[:1].islower() and not SENTENCE_END.search(prev.text) and line.page == prev.page \
        and line.column == prev.column and 0 <= gap_below(prev, line) <= settings.para_gap


def wrapped_caption_title(block: list[Line], kind: str, line: Line, settings: ReportSettings) -> bool:
    """A figure's or table's title ("Figure 2: Overdue visits to registered") wraps onto lines set at body size:
    a line right below an unfinished title line, at a paragraph's leading, carries the title on."""
    prev = block[-1]
    return kind == "caption" and bool(CAPTION.match(block[0].text)) and not SENTENCE_END.search(prev.text) \
        and (line.page, line.column) == (prev.page, prev.column) and 0 <= gap_below(prev, line) <= settings.para_gap


def runs_on_at_leading(prev: Line, line: Line, settings: ReportSettings) -> bool:
    """A numbered paragraph whose wrapped lines return to the margin: the sentence runs on at the leading of one
    paragraph (not the wider gap before the next paragraph)."""
    return not SENTENCE_END.search(prev.text) and 0 <= gap_below(prev, line) <= settings.line_gap + 1.5


LIST_JOINER_END = re.compile(r";\s*(?:and|or)?$")
JOINER_WORD = re.compile(r"(?i)^(?:and|or|but)\b")
# A fragment opening inside a line, after a lead-in's colon or a joiner ("that: its policy …; reports …"): the
# fragments run in, as a paragraph's words do, and one reaching a line's start there is no item of its own.
RUN_IN = re.compile(r"[:;]\s+(?!(?:and|or)\s*$)\S")


def text_indent(block: list[Line], line: Line) -> float:
    """Where an item's text starts on the page and column of ``line``: for an item carried over a page or column
    break, where its first line there starts (the new column sets its own margin); else after its marker where the
    marker was read apart; for a marker cut from the line's own text (a dash OCR spaced like a word: its text's
    place unknown), where the item's wrapped lines start (a hanging indent), else the line's start."""
    first = block[0]
    here = next((ln for ln in block if (ln.page, ln.column) == (line.page, line.column)), first)
    if here is not first:
        return here.x0
    if first.text_x0 > first.x0 or not first.marker:
        return first.text_x0
    return next((ln.x0 for ln in block[1:] if (ln.page, ln.column) == (first.page, first.column)), first.text_x0)


def scan_hanging_indent(block: list[Line], line: Line, settings: ReportSettings) -> list[float]:
    """On a scan, where a bulleted item's wrapped lines hang, on the page and column of ``line``: OCR may box the
    bullet with its first words and place the text's start anywhere between them, so the wrapped lines show the
    item's text indent better (empty when the item has no wrapped line there, or off a scan)."""
    first = block[0]
    if not settings.weightless or not first.marker or (first.page, first.column) != (line.page, line.column):
        return []
    return [ln.x0 for ln in block[1:2] if (ln.page, ln.column) == (first.page, first.column)]


def lost_bullet(block: list[Line], kind: str, line: Line, line_type: str, settings: ReportSettings) -> bool:
    """A list item whose bullet is lost (OCR drops small bullets; some PDFs draw them as shapes).

    - a sentence that starts at an item's text indent right after an item ends, on the page where that item
      began, is the next item (an item carried over from the page before may be followed by prose once its box
      ends); on a scan, also one opening the next page at the item's hanging indent; on a scan, only after an item
      that opens with a capital too;
    - a fragment set in from a lead-in ending in ":" ("… we recommend that the force:" / "review the way …") is
      its first item, and one starting at an item's text indent after a list joiner (";", "; and") the next, or,
      on a scan (where the line pitch tells a paragraph's gap), a paragraph's gap below the item.
    """
    prev = block[-1]
    indent = text_indent(block, line)
    at_indent = any(abs(line.x0 - x) <= settings.indent_slack for x in (indent, *scan_hanging_indent(block, line,
                                                                                                      settings)))
    # (an item whose number is set inline, "– the results …", has no text indent apart from its margin)
    hanging = indent > block[0].x0 + settings.indent_slack or not block[0].marker
    # on a scan (where a title's weight is lost), after a fragment opening in lower case (completing a lead-in) a line
    # opening with a capital is no sibling of it: a title such as "Summary of findings" set at the items' indent
    alike = not (settings.weightless and block[0].text[:1].islower())
    if settings.weightless and kind == "item" and line_type == "text" and line.page == prev.page + 1 \
            and block[0].page == prev.page and at_indent and hanging and bool(SENTENCE_END.search(prev.text)) \
            and line.text[:1].isupper() and alike:
        return True  # on a scan, a sentence opening the next page at the item's hanging indent: the next item
    if line_type != "text" or line.page != prev.page or line.box != prev.box:
        return False
    near = 0 <= gap_below(prev, line) <= 3 * settings.para_gap  # not a footnote at the page foot
    if kind == "item" and bool(SENTENCE_END.search(prev.text)) and line.text[:1].isupper() and at_indent and hanging \
            and line.page == block[0].page and near and is_italic(line.font) == is_italic(prev.font) and alike:
        return True  # (a quotation in italic at the item's indent is not an item)
    if not line.text[:1].islower() or not near:
        return False
    if kind == "item":  # not the joiner itself wrapped onto the next line ("…risk;" / "and")
        if at_indent and settings.weightless and settings.line_pitch and white_gap(prev, line, settings) > \
                settings.para_gap and not JOINER_WORD.match(line.text):
            return True  # on a scan, a fragment at the text indent a paragraph's gap below: the next item
        return at_indent and bool(LIST_JOINER_END.search(prev.text)) and not JOINER_WORD.match(line.text) \
            and not wraps_to_measure(block, settings) and not RUN_IN.search(prev.text)
    indent = max(settings.indent_slack, 0.8 * settings.body_size)
    return prev.text.rstrip().endswith(":") and line.x0 >= block[0].x0 + indent


def wraps_to_measure(block: list[Line], settings: ReportSettings) -> bool:
    """Whether an item's last line is a wrapped line of the item itself: the item printed its own bullet as text
    (so its siblings print theirs: none is lost on a born-digital page) and that line runs out to the item's
    measure, as a justified line does whatever word ends it ("... when the incident is closed;")."""
    if settings.weightless or not block[0].marker or len(block) < 2:
        return False
    return block[-1].x1 >= max(ln.x1 for ln in block) - settings.indent_slack


def misread_colon(block: list[Line], kind: str, line: Line, settings: ReportSettings) -> bool:
    """On a scan, whether a paragraph ending in ";" is a lead-in whose colon OCR read as a semicolon: a fragment
    in lower case follows, set in from the paragraph's first line (an item whose bullet was lost; a list's own
    items ending ";" stand at one indent, not in from their own first line)."""
    prev, first = block[-1], block[0]
    indent = max(settings.indent_slack, 0.8 * settings.body_size)
    return settings.weightless and kind == "text" and prev.text.rstrip().endswith(";") \
        and line.text[:1].islower() and (line.page, line.column, line.box) == (prev.page, prev.column, prev.box) \
        and 0 <= gap_below(prev, line) <= 3 * settings.para_gap and line.x0 >= first.x0 + indent


NOTE_START = re.compile(r"^\d{1,2}\s*[A-Z][a-z]")  # "1 Home Office …", OCR's "1Home Office …"
NOTE_MODAL = re.compile(r"(?i)\b(?:should|must|needs?\s+to)\b")  # what a finding says and a note does not


def starts_footnote(text: str) -> bool:
    """Whether a line of text starts a footnote: a note number, then a sentence that says nothing should be done
    (page_numbers.opens_note asks the narrower question of a margin number: does a full sentence follow it)."""
    return bool(NOTE_START.match(text)) and not NOTE_MODAL.search(text)


def is_note(group: tuple[str, list[Line], str]) -> bool:
    """A group opened by a note number that says nothing should be done: a footnote (its size may not show it)."""
    first = group[1][0]
    numbered = bool(NOTE_START.match(first.text)) or (group[2].isdigit() and first.text[:1].isupper())
    return numbered and not NOTE_MODAL.search(" ".join(ln.text for ln in group[1]))


def carried_over(groups: list[tuple[str, list[Line], str]], line: Line, line_type: str,
                 settings: ReportSettings) -> tuple[str, list[Line], str] | None:
    """The block a line at the top of a page or column carries on from, past footnotes and captions at the foot
    of the page before (a sentence broken by a page break, with a footnote between its halves). A footnote is
    passed only at a break: the line is on another page or column than the notes."""
    notes = 0
    for group in reversed(groups):
        if group[0] != "caption" and not is_note(group):
            break
        notes += 1
    if not notes or len(groups) == notes:
        return None
    end, group = groups[-1][1][-1], groups[-1 - notes]
    if groups[-1][0] != "caption" and ((end.page, end.column) == (line.page, line.column)
                                       or SENTENCE_END.search(group[1][-1].text)):
        return None  # past notes only at a break, into a sentence the break cut (not a numbered item's own end)
    return group if continues(group[1], group[0], line, line_type, settings) else None


def next_fragment_at_break(groups: list[tuple[str, list[Line], str]], line: Line, line_type: str) -> bool:
    """Whether a line opening a page or column is the next fragment of a list whose item ended the page or column
    before with its joiner ("…officers and staff;"), its bullet lost (OCR drops it; some PDFs draw it as a shape):
    a fragment opens in lower case, and the joiner says the item before is complete. Footnotes at the foot between
    the two are passed; the line is no note's last words."""
    notes = 0
    for group in reversed(groups):
        if group[0] != "caption" and not is_note(group):
            break
        notes += 1
    if len(groups) == notes:
        return False
    kind, block, marker = groups[-1 - notes]
    end = block[-1]
    return (kind == "item" or bool(marker)) and line_type == "text" and (end.page, end.column) != (
        line.page, line.column) and bool(LIST_JOINER_END.search(end.text)) and line.text[:1].islower() \
        and not JOINER_WORD.match(line.text)


def foot_note(groups: list[tuple[str, list[Line], str]], i: int, settings: ReportSettings) -> bool:
    """Whether group ``i`` is a footnote at a page's (or column's) foot: opened by a note number, saying nothing
    should be done, set well below the text above it, with only notes after it there (read at body size, as OCR
    may, it is no caption by its size)."""
    first = groups[i][1][0]
    if not is_note(groups[i]):
        return False
    while i > 0 and (is_note(groups[i - 1]) or groups[i - 1][0] == "caption" or note_by_mark(groups, i - 1, settings)) \
            and groups[i - 1][1][0].page == first.page:
        i -= 1  # the notes (and notes read small) above it: the first of them is set apart from the text
    if i == 0:
        return False
    first = groups[i][1][0]
    above = groups[i - 1][1][-1]
    if (above.page, above.column) == (first.page, first.column) and gap_below(above, first) <= 3 * settings.para_gap \
            and not note_by_mark(groups, i, settings):  # (a note whose mark stands apart was found set apart)
        return False
    for later in groups[i + 1:]:
        if (later[1][0].page, later[1][0].column) != (first.page, first.column):
            break
        if later[0] != "caption" and not is_note(later) and not NOTE_START.match(later[1][0].text):
            return False
    return True


BARE_NUMBER = re.compile(r"^\d{1,2}$")


def note_by_mark(groups: list[tuple[str, list[Line], str]], i: int, settings: ReportSettings) -> bool:
    """Whether group ``i`` is a footnote whose number stands apart as a caption-small mark beside its first line, on
    its row (OCR boxes a note's small number as a word of its own, read just before or after the line), set well
    below the text above it and saying nothing should be done."""
    if groups[i][0] != "text":
        return False
    first = groups[i][1][0]

    def is_mark(j: int) -> bool:
        if not 0 <= j < len(groups) or groups[j][0] != "caption" or len(groups[j][1]) != 1:
            return False
        mark = groups[j][1][0]
        return mark.page == first.page and BARE_NUMBER.match(mark.text.strip()) is not None \
            and 0 <= first.x0 - mark.x1 <= 2 * first.size and abs(mark.top - first.top) <= first.height

    before = i - 2 if is_mark(i - 1) else i - 1
    if not (is_mark(i - 1) or is_mark(i + 1)) or before < 0:
        return False
    above = groups[before][1][-1]
    apart = (above.page, above.column) != (first.page, first.column) \
        or gap_below(above, first) > 3 * settings.para_gap
    return apart and not NOTE_MODAL.search(" ".join(ln.text for ln in groups[i][1]))


def wrapped_number(block: list[Line], line: Line, settings: ReportSettings) -> bool:
    """Whether a line whose bare number was set apart as a list marker is the block's sentence wrapped before a
    number ("… recorded within" / "24  hours;"): OCR spaces a short line's words unevenly. The number stands where
    the block's text starts, not out at a marker's place, right under a line that does not end its sentence."""
    prev = block[-1]
    return bool(BARE_NUMBER.match(line.marker)) and (line.page, line.column) == (prev.page, prev.column) \
        and abs(line.x0 - item_indent(block, line)) <= settings.indent_slack and not SENTENCE_END.search(prev.text) \
        and 0 <= gap_below(prev, line) <= settings.para_gap


def lines_to_blocks(lines: list[Line], settings: ReportSettings) -> list[Block]:
    """Given lines in reading order, return blocks, joining a block broken by a page or column break."""
    groups: list[tuple[str, list[Line], str]] = []  # (first line's type, lines, marker)
    for i, ln in enumerate(lines):
        if groups and wrapped_number(groups[-1][1], ln, settings):
            ln.text, ln.marker, ln.text_x0 = f"{ln.marker} {ln.text}", "", ln.x0
        line_type = line_kind(ln, settings)
        if groups and misread_colon(groups[-1][1], groups[-1][0], ln, settings):
            groups[-1][1][-1].text = groups[-1][1][-1].text.rstrip()[:-1] + ":"
        if line_type == "title" and runs_on(ln, lines[i + 1] if i + 1 < len(lines) else None, settings):
            line_type = "text"
        carried = carried_over(groups, ln, line_type, settings)
        # (a footnote at the foot of the page before, its number set apart, is no item whose indent the new page's
        # first lines could carry on)
        if (groups and lost_bullet(groups[-1][1], groups[-1][0], ln, line_type, settings) \
                and not (is_note(groups[-1]) and ln.page != groups[-1][1][-1].page)) \
                or next_fragment_at_break(groups, ln, line_type):
            groups.append(("item", [ln], "•"))
        elif carried is not None and groups[-1][0] != "caption":  # a sentence cut by a break and footnotes
            carried[1].append(ln)
        elif groups and continues(groups[-1][1], groups[-1][0], ln, line_type, settings):
            groups[-1][1].append(ln)
        elif carried is not None:
            carried[1].append(ln)
        else:
            # a paragraph opened by a number set inline is an item from its first line: like a bulleted one, it
            # goes on over a break only into a line that cannot open the next block
            marker = ln.marker or (opening_number(ln) if line_type == "text" else "")
            groups.append(("item" if marker else line_type, [ln], marker))
    out = []
    for i, (line_type, group, marker) in enumerate(groups):
        if line_type == "caption" or foot_note(groups, i, settings) or note_by_mark(groups, i, settings):
            out.append(Block("caption", group))
            continue
        kind = "item" if line_type == "item" or marker else block_kind(group, settings)
        out.append(Block(kind, group, marker))
    return out


OPENING_NUMBER = re.compile(r"^(?:([–—-]|\(\w{1,4}\)[.:]?|\w{1,3}\)|\d{1,2}\.|[a-z]\.|[ivx]{1,4}\.|"
                            r"\d{1,2}\.\d{1,2}(?=\s+[A-Z]))\s+(?=\S)|(\d{1,2}\.\d{1,2}(?=[A-Z])|\d{1,2}\.(?=[A-Z][a-z])"
                            r"|\([a-z\d]{1,3}\)(?=[a-z])|\(\d{1,2}\)(?=[A-Z][a-z])))")


def opening_number(line: Line) -> str:
    """A paragraph opened by a bracketed or dotted number set inline ("(a) Within three months, …", "2. The force
    …", "4.4 Detainees' privacy …") is a numbered item; the number is cut from its text. A number opening a
    sentence ("2.4 percent of …") stays text."""
    m = OPENING_NUMBER.match(line.text)
    if not m or line.bold:
        return ""
    # (2): a number OCR glued to its text ("4.6Detainees", "(a)make", "(1)By"); a stray mark after a bracketed
    # number ("(1). By") is the scan's speck, not a sentence
    line.marker, line.text = m.group(1) or m.group(2), line.text[m.end():]
    return line.marker
