"""Finding labels, recognised by what they are: a run the section vocabulary places, and evidence that it labels.

A label is either a whole block that titles a section ("Areas for improvement", "Cause of concern 2",
"Our recommendations", "RECOMMENDATION 3 –") or a short run opening a paragraph and marked off from
the finding it labels ("Area for improvement 2: The force should …", "AFI 3. …", "R4: …"). The
vocabulary (``hmic_extract.vocabulary``) says *which* section a run names; whether the run is a label
at all is a scored decision over the line's features, each a small named function below:
emphasis (bold, larger), its own line or the top of a box, a number, a separator, what follows
(a capital letter, not a definition), and against: a table row, caption-size type, a title that
points at an earlier inspection. Whether anything follows that states a finding is decided later
(``segments``): a title with nothing under it (a contents line) gives no row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hmic_extract.model import RECOMMENDATIONS
from hmic_extract.vocabulary import SectionMatch, fold, match_label, match_title

from .blocks import Block, is_theme
from .settings import ReportSettings
from .statements import RECOMMEND_THAT, is_lead_in

EARLIER = re.compile(r"(?i)\b(?:previous|earlier|prior|last|past|progress|update|(?:19|20)\d\d)\b")
SUMMARY = re.compile(r"(?i)\b(?:summary|summaries|list|overview|at\s+a\s+glance|index|table)\b")


@dataclass(frozen=True)
class Label:
    """A finding label: the section it names, what it prints, and for an inline label the finding text after it."""

    section: str
    number: str = ""
    plural: bool = False
    theme: str = ""
    others: tuple[str, ...] = ()  # further sections a title names ("Cause of concern and recommendations")
    rest: str = ""  # the finding printed after an inline label ("" for a title)
    printed: str = ""  # the label as printed
    summary: bool = False  # the title names a summary or list ("Summary of recommendations")
    earlier: bool = False  # the title points at an earlier inspection ("Recommendations from the 2021 report")
    lead_in: str = ""  # a recommending lead-in that opens a list by itself ("HMICFRS recommends that the force:")
    score: float = 0.0

    @property
    def inline(self) -> bool:
        return bool(self.rest)


# --- features -----------------------------------------------------------------------------------


def emphasis(block: Block, settings: ReportSettings) -> float:
    """Bold or larger type: how a label stands out from the prose around it."""
    first = block.lines[0]
    if first.size >= settings.heading_size:
        return 2.0
    return 2.0 if first.bold else 0.0


def lead_emphasis(block: Block, head: str) -> float:
    """An inline label set in bold while the finding after it is not."""
    lead = fold(block.lines[0].lead_bold).lower()
    return 2.0 if lead and fold(head).lower().startswith(lead.rstrip(":.–—- ")[:max(4, len(lead) - 3)]) else 0.0


def own_line(block: Block) -> float:
    """A title on a line (or lines) of its own."""
    return 1.0 if block.kind == "heading" else 0.0


def box_top(block: Block, previous: Block | None) -> float:
    """The first text in a call-out box is its title."""
    return 1.0 if block.box is not None and (previous is None or previous.box != block.box) else 0.0


def numbered(match: SectionMatch) -> float:
    return 1.0 if match.number else 0.0


def separated(match: SectionMatch) -> float:
    """A colon or dash between an inline label and its finding (a full stop counts less)."""
    return {"": 0.0, ".": 0.5}.get(match.separator, 1.0)


def opens_sentence(rest: str) -> float:
    """What follows an inline label starts a sentence; a definition ("Cause of concern: a serious …") does not."""
    first = rest.lstrip(" \"'“‘(")[:1]
    if not first:
        return 0.0
    return 1.0 if first.isupper() or first.isdigit() else -3.0


def against(block: Block, settings: ReportSettings) -> float:
    """Caption-size type is not a label (table cells, contents lines and progress tables never are: see callers)."""
    return -3.0 if settings.read_size(block.flat, block.size) < settings.caption_size else 0.0


# --- decisions ----------------------------------------------------------------------------------


def title_label(block: Block, previous: Block | None, settings: ReportSettings) -> Label | None:
    """A block that is a section title and nothing else, if the evidence says it is one."""
    text = block.flat.strip().rstrip(":–—- ")
    match = match_title(text, fuzzy=settings.weightless)
    if match is None or not is_theme(match.theme) or block.in_table:
        return None
    score = emphasis(block, settings) + own_line(block) + box_top(block, previous) + numbered(match) \
        + against(block, settings)
    if score < 1.0:
        return None
    flat = fold(text)
    head_at = max(flat.lower().find(fold(match.head).lower()), 0)
    before, after = flat[:head_at], flat[head_at + len(match.head):]
    return Label(match.section, match.number, match.plural, match.theme, match.others, "", text,
                 summary=bool(SUMMARY.search(before)), earlier=bool(EARLIER.search(after)), score=score)


def inline_label(block: Block, settings: ReportSettings) -> Label | None:
    """A label opening a paragraph ("Area for improvement 2: The force should …"), if the evidence says it is one."""
    first = block.lines[0].text
    match = match_label(first, fuzzy=settings.weightless)
    if match is None or not match.rest or block.in_table:
        return None
    score = lead_emphasis(block, match.head) + numbered(match) + separated(match) + opens_sentence(match.rest) \
        + against(block, settings)
    if score < settings.min_label_score:
        return None
    kept = len(match.rest.split())
    words = first.split()
    rest = "\n".join([" ".join(words[len(words) - kept:]), *(ln.text for ln in block.lines[1:])])
    printed = " ".join(words[:len(words) - kept]).rstrip(":.–—-| ")
    return Label(match.section, match.number, match.plural, match.theme, match.others, rest, printed, score=score)


def recommending_lead_in(block: Block) -> Label | None:
    """A lead-in that recommends ("HMICFRS recommends that, within six months, the force should:") labels the
    fragments below it as recommendations, wherever it stands (after a cause's explanation, without a title)."""
    text = " ".join(block.flat.split())
    if block.in_table or not is_lead_in(text) or not RECOMMEND_THAT.search(text):
        return None
    return Label(RECOMMENDATIONS, printed=text, lead_in=text, score=2.0)


def label_of(block: Block, previous: Block | None, settings: ReportSettings) -> Label | None:
    """Given a block (and the one before it), return the label it is or opens with, or None."""
    if block.kind == "caption":
        return None
    if block.kind in ("para", "item"):
        found = recommending_lead_in(block)
        if found is not None:
            return found
    if block.kind == "heading" or len(block.lines) == 1 or block.lines[0].bold:
        found = title_label(block, previous, settings)
        if found is not None:
            return found
    if block.kind in ("para", "item"):
        return inline_label(block, settings)
    return None
