"""Labelled segments -> drafts: one per finding, with its section, printed number, lead-in and cause.

Inside a segment (see ``segments``) each unit is one of: a lead-in, whose bullets are each a finding
(a recommendation when the lead-in recommends or follows a cause of concern), the text "To address
this cause of concern, we recommend that the force:" kept as provenance; a statement that ends in
":", whose bullets complete it (one finding, bullets kept with it); a statement or item, one finding.
Under a cause of concern the first statement is the cause and later obligations its recommendations;
a recommendation answers the last cause of concern before it in the same chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hmic_extract.model import CAUSES_OF_CONCERN, RECOMMENDATIONS

from .blocks import marker_style
from .lines import Line
from .segments import STATEMENT_OF_FACT, Segment, Unit, item_number, statement_units
from .statements import RECOMMEND_THAT, drop_list_joiner, is_lead_in, is_statement, parse_obligation


@dataclass
class Draft:
    """A finding being assembled: its section, printed number, text lines and where it came from."""

    section: str
    printed_ref: str
    lines: list[Line]
    text: str
    in_summary: bool
    position: int  # reading-order index of the block that states it
    chapter: int
    theme: str = ""
    lead_in: str = ""
    open: bool = False  # a statement ending in ":" whose bullets are still to come
    marker: str = ""  # the list marker of an item finding ("" for a paragraph)
    cause: Draft | None = None
    detail: dict[str, str] = field(default_factory=dict)

    def add(self, lines: list[Line], text: str) -> None:
        self.lines.extend(lines)
        self.text += "\n" + text


def marker_kind(marker: str) -> str:
    """ "number" for "1.", "(a)", "iv)"; "glyph" for a bullet."""
    return "number" if item_number(marker) else "glyph"


def sub_item(opener: Draft, block) -> bool:
    """Whether an item completes an open finding (its bullets) rather than starting the next one: any item under a
    paragraph ending in ":", and under an item only one marked differently or set further in, or one marked like
    the bullets it has taken already, or, past a page or column break (where the indents of two pages or columns
    cannot be compared), one printed in another glyph or number style than the opener's. Where the opener's own
    marker was never seen (OCR lost it: its line starts at its text), the item's text start is what compares with
    it, wherever the item's bullet stands."""
    if not opener.marker:
        return True
    first, line = opener.lines[0], block.lines[0]
    if marker_kind(block.marker) != marker_kind(opener.marker):
        return True
    if block.marker != opener.marker and any(ln.marker == block.marker for ln in opener.lines[1:]):
        return True
    if marker_style(block.marker) != marker_style(opener.marker) and line.marker == block.marker \
            and first.marker == opener.marker \
            and (line.page, line.column) != (opener.lines[-1].page, opener.lines[-1].column):
        return True  # past a break, a bullet printed in another glyph (or number style) than the opener: nested
    start = max(line.text_x0, line.x0) if first.text_x0 <= first.x0 else line.x0
    return line.page == first.page and line.column == first.column and start > first.x0 + 4


def section_for(segment: Segment, text: str, drafts: list[Draft], lead_in: str) -> str:
    """The section of a finding stated under a label: the label's, except that under a cause of concern (or a title
    naming recommendations too) an obligation after the cause, or a bullet after a recommending lead-in, is a
    recommendation."""
    label = segment.label
    if lead_in:
        if RECOMMEND_THAT.search(lead_in) or label.section in STATEMENT_OF_FACT or RECOMMENDATIONS in label.others:
            return RECOMMENDATIONS
        return label.section
    if label.section in STATEMENT_OF_FACT or RECOMMENDATIONS in label.others:
        stated = any(d.section == label.section for d in drafts)
        if stated and (is_statement(text) or parse_obligation(text) is not None):
            return RECOMMENDATIONS
        if RECOMMENDATIONS in label.others and is_statement(text):
            return RECOMMENDATIONS
    return label.section


def segment_to_drafts(segment: Segment) -> list[Draft]:
    """Given a labelled segment, return the findings it states, in order."""
    label = segment.label
    head = segment.head
    in_summary = head.summary or label.summary
    drafts: list[Draft] = []

    def new(section: str, printed: str, unit: Unit, lines: list[Line], text: str, lead_in: str = "") -> Draft:
        draft = Draft(section, printed, lines, text, in_summary, unit.position, unit.chapter, label.theme, lead_in)
        drafts.append(draft)
        return draft

    lead_in = label.lead_in
    current: Draft | None = None
    if label.inline:
        if is_lead_in(label.rest):
            lead_in = " ".join(label.rest.split())
        else:
            current = new(label.section, label.number, head, head.block.lines, label.rest)
            current.open = label.rest.rstrip().endswith(":")
    single = bool(label.number) or label.inline  # one finding: its statement, its bullets, its box
    for unit in statement_units(segment):
        block = unit.block
        text = block.text
        if block.kind == "item" and is_lead_in(block.flat) and not (current is not None and current.open):
            lead_in, current = " ".join(block.flat.split()), None  # a numbered paragraph leading in to bullets
            continue
        if block.kind == "item":
            if current is not None and current.open and sub_item(current, block):
                current.add(block.lines, text)
                continue
            whole = is_statement(block.flat)  # a sentence of its own, not a fragment completing the lead-in
            fragment = drop_list_joiner(text) if lead_in and not whole else text
            section = section_for(segment, block.flat, drafts, lead_in)
            current = new(section, item_number(block.marker), unit, block.lines, fragment, "" if whole else lead_in)
            current.open = text.rstrip().endswith(":") and (whole or not lead_in)
            current.marker = block.marker
            continue
        if is_lead_in(block.flat):
            lead_in, current = " ".join(block.flat.split()), None
            continue
        section = section_for(segment, block.flat, drafts, "")
        if single and current is None and not drafts:
            current = new(section, label.number, unit, block.lines, text)
        elif single and drafts and section == drafts[-1].section and block.box is not None \
                and not is_statement(block.flat):
            drafts[-1].add(block.lines, "\n" + text)  # a further paragraph in the box states the same finding
            continue
        else:
            number = label.number if single and not drafts else ""
            current = new(section, number, unit, block.lines, text)
        lead_in = ""
        current.open = text.rstrip().endswith(":")
    return drafts


def link_causes(drafts: list[Draft]) -> None:
    """Give each recommendation the cause of concern it answers: the last one stated before it in its chapter."""
    cause: Draft | None = None
    for draft in sorted(drafts, key=lambda d: d.position):
        if draft.section == CAUSES_OF_CONCERN:
            cause = draft
        elif draft.section == RECOMMENDATIONS and cause is not None and cause.chapter == draft.chapter \
                and cause.in_summary == draft.in_summary:
            draft.cause = cause


def segments_to_drafts(segments: list[Segment]) -> list[Draft]:
    """Given the report's segments, return every finding they state, with recommendations linked to their causes."""
    drafts = [draft for segment in segments if not segment.label.earlier for draft in segment_to_drafts(segment)]
    link_causes(drafts)
    return drafts
