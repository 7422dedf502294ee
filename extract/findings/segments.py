"""Blocks -> labelled segments: each label with the blocks that state its findings, explanation left out.

A segment runs from a label to the next label or heading. Not everything under a label is a
finding: reports follow a finding with the evidence for it ("We found that …"). What belongs is
told by what each block is, in small rules read top to bottom in ``statement_units``:

- everything in the call-out box the label heads (a box split by a page or column break is one box);
- list items under a title, or under a lead-in, or under a statement ending in ":" (its bullets);
- a paragraph that is a lead-in, or a statement (an obligation with an action of its own);
- the first paragraph after a cause-of-concern title (a cause is a statement of fact, not an obligation),
  or after a numbered title ("Area for improvement 3" + the paragraph that states it).

The first block that fits none of these ends the segment; so do a table row and a heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from hmic_extract.model import CAUSES_OF_CONCERN, ISSUES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.vocabulary import sections_named

from .blocks import Block, marker_style
from .labels import Label, label_of
from .settings import ReportSettings
from .statements import is_lead_in, is_statement, strip_timescale

CHAPTER_SUMMARY = re.compile(r"(?i)\b(summary|overview|at a glance|key findings|executive)\b")
STATEMENT_OF_FACT = (CAUSES_OF_CONCERN, ISSUES_OF_CONCERN)  # sections whose findings need not be obligations


@dataclass
class Unit:
    """A block in context: the label it is or opens (if any) and the chapter it sits in."""

    block: Block
    label: Label | None
    chapter: int  # counts chapter-size headings before it
    summary: bool  # the chapter's heading names a summary ("Summary of findings", "Executive summary")
    position: int  # index in reading order


@dataclass
class Segment:
    """A label and the blocks under it, up to the next label or heading."""

    head: Unit
    body: list[Unit] = field(default_factory=list)

    @property
    def label(self) -> Label:
        assert self.head.label is not None
        return self.head.label


def chapter_heading_size(blocks: list[Block], settings: ReportSettings) -> float:
    """The size of chapter headings: the largest heading size used on more than one page (a cover title is used
    once, perhaps over several lines)."""
    sizes = Counter(size for size, _ in {(round(b.size), b.lines[0].page) for b in blocks if b.kind == "heading"})
    repeated = [size for size, n in sizes.items() if n > 1 and size >= settings.heading_size]
    return max(repeated) - 0.5 if repeated else settings.body_size + 4


def blocks_to_units(blocks: list[Block], settings: ReportSettings) -> list[Unit]:
    """Given blocks in reading order, return them with their labels, chapters and summary context."""
    chapter_size = chapter_heading_size(blocks, settings)
    units: list[Unit] = []
    chapter, summary = 0, False
    previous: Block | None = None
    last_section = ""  # the section of the last label in this chapter
    earlier_box: int | None = None  # the call-out box listing an earlier inspection's findings
    summary_size = 0.0  # a summary titled by a heading smaller than a chapter's runs to a heading as large
    for position, block in enumerate(blocks):
        label = label_of(block, previous, settings)
        if block.kind == "heading" and block.size >= chapter_size:
            chapter += 1
            summary = label.summary if label is not None else bool(CHAPTER_SUMMARY.search(block.flat))
            summary_size = 0.0
            last_section = ""
        elif block.kind == "heading" and summary_size and block.size >= summary_size:
            summary, summary_size = False, 0.0
        if block.kind == "heading" and label is not None and label.summary and not summary:
            summary, summary_size = True, block.size - settings.size_slack
        if label is None and last_section == CAUSES_OF_CONCERN:
            label = answering_lead_in(block)
        if label is not None and not label.earlier and earlier_box is not None and block.box == earlier_box:
            label = replace(label, earlier=True)
        if label is not None and label.earlier and not label.inline:
            # the box right under a title pointing at an earlier inspection (a progress table) lists earlier
            # findings, whatever its own labels say
            after = blocks[position + 1] if position + 1 < len(blocks) else None
            earlier_box = after.box if after is not None else None
        elif block.box is None or block.box != earlier_box:
            earlier_box = None
        if label is not None:
            last_section = label.section
        units.append(Unit(block, label, chapter, summary, position))
        previous = block
    return units


def answering_lead_in(block: Block) -> Label | None:
    """After a cause of concern, a lead-in ("Within three months, the force should:") opens its recommendations,
    even where the cause's explanation stands between them and no title says "Recommendations"."""
    text = " ".join(block.flat.split())
    if block.kind not in ("para", "item") or block.in_table or not is_lead_in(text):
        return None
    return Label(RECOMMENDATIONS, printed=text, lead_in=text, score=1.0)


def is_timescale(text: str) -> bool:
    """A heading that is only a timescale ("Immediately", "Within three months") groups findings under their label."""
    timescale, rest = strip_timescale(text.strip().rstrip(":"))
    return bool(timescale) and not rest


def units_to_segments(units: list[Unit]) -> list[Segment]:
    """Given units in reading order, return one segment per label, holding the units up to the next label or
    heading (a timescale heading inside a list does not end it)."""
    segments: list[Segment] = []
    current: Segment | None = None
    for unit in units:
        if unit.label is not None:
            current = Segment(unit)
            segments.append(current)
        elif unit.block.kind == "heading" and not (current is not None and is_timescale(unit.block.flat)):
            current = None
        elif current is not None:
            current.body.append(unit)
    return segments


def same_box(box: int | None, last: Block, block: Block) -> bool:
    """Whether ``block`` is in the box ``box`` (a box split by a page or column break is one box)."""
    if box is None or block.box is None:
        return False
    if block.box == box:
        return True
    first, end = block.lines[0], last.lines[-1]
    return first.page != end.page or first.column != end.column


def opens_list(label: Label) -> bool:
    """A title (or recommending lead-in) that heads a list of findings rather than one ("Areas for improvement",
    "Recommendation", but not "Recommendation 3")."""
    return not label.inline and not label.number


def introduces(text: str, label: Label) -> bool:
    """A paragraph introducing the list under a title ("We make the following recommendations."): it names the
    title's section and states nothing itself."""
    return label.section in sections_named(text) and not is_statement(text)


def leads_up(label: Label) -> bool:
    """Under a title heading a list of obligations ("Recommendations", "Areas for improvement"), prose before the
    first finding introduces the list ("We make the following recommendations. …"): the list is still to come."""
    return opens_list(label) and label.section not in STATEMENT_OF_FACT


def item_belongs(label: Label, kept: list[Unit], block: Block) -> bool:
    """Whether a list item under a label states one of its findings.

    The first item under a title does (a numbered paragraph stating the titled finding). Later ones do when they
    state an obligation or lead in to bullets; in a bulleted list of areas for improvement or recommendations,
    when the list goes on with the same marker; under a cause or issue of concern, while no obligation (its
    recommendation) has been stated yet. A numbered paragraph of explanation after them ends the list.
    """
    text = block.flat
    if not kept:
        return not label.inline
    if is_statement(text) or is_lead_in(text):
        return True
    previous = kept[-1].block
    same_kind = previous.kind == "item" and bool(item_number(previous.marker)) == bool(item_number(block.marker))
    if label.section in STATEMENT_OF_FACT:
        return same_kind and not any(is_statement(u.block.flat) for u in kept)
    return opens_list(label) and same_kind and not item_number(block.marker)


def sibling_of_lead_in(head: Block, kept: list[Unit], block: Block) -> bool:
    """Whether an item after a lead-in's bullets is marked as the lead-in itself is, not as its bullets ("2.5 The
    force should:" / "○ collect …" / "2.6 We were told …"): the next numbered paragraph, not a bullet. The
    lead-in is the last one kept, or the segment's head."""
    blocks = [head] + [u.block for u in kept]
    at = next((i for i in range(len(blocks) - 1, -1, -1) if is_lead_in(blocks[i].flat)), None)
    if at is None or blocks[at].kind != "item" or not item_number(blocks[at].marker):
        return False
    style = marker_style(blocks[at].marker)
    after = blocks[at + 1:]
    return marker_style(block.marker) == style and bool(after) and all(
        b.kind == "item" and marker_style(b.marker) != style for b in after)


def item_number(marker: str) -> str:
    """The number an item marker prints, without brackets or full stop ("(b)" -> "b"), or "" for a bullet glyph."""
    stripped = marker.strip("().[] ")
    return stripped if re.fullmatch(r"[0-9A-Za-z]{1,3}(?:\.\d{1,2})?", stripped) else ""


def statement_units(segment: Segment) -> list[Unit]:
    """Given a segment, return the units under its label that state findings, in order (see the module doc)."""
    label = segment.label
    head = segment.head.block
    box = head.box
    kept: list[Unit] = []
    last = head
    wants_bullets = (label.inline and label.rest.rstrip().endswith(":")) or bool(label.lead_in)
    introduced = False
    for unit in segment.body:
        block = unit.block
        if block.kind in ("caption", "heading") or is_timescale(block.flat):  # a timescale heading inside a list
            continue
        if block.in_table:
            break
        if box is not None:
            if not same_box(box, last, block):
                break
            box, last = block.lines[-1].box, block
            kept.append(unit)
            continue
        if block.kind == "item":
            if wants_bullets and sibling_of_lead_in(head, kept, block):
                wants_bullets = False  # the list under the lead-in has ended
            if wants_bullets or item_belongs(label, kept, block):
                kept.append(unit)
                last = block
                if block.flat.rstrip().endswith(":"):  # a lead-in, or a finding completed by the bullets below it
                    wants_bullets = True
                continue
            break
        text = block.flat
        if is_lead_in(text):
            kept.append(unit)
            wants_bullets = True
            last = block
            continue
        if label.inline:
            break
        if not kept and (is_statement(text) or label.section in STATEMENT_OF_FACT or label.number
                         or block.box is not None):
            kept.append(unit)
            wants_bullets = text.rstrip().endswith(":")
            box = block.box
            last = block
            continue
        if kept and is_statement(text) and (opens_list(label) or label.section in STATEMENT_OF_FACT
                                            or label.others):
            kept.append(unit)
            wants_bullets = text.rstrip().endswith(":")
            last = block
            continue
        if not kept and ((not introduced and introduces(text, label)) or leads_up(label)):
            introduced = True
            continue
        break
    return kept
