"""Compare two reports or templates: which findings of NEW recur from OLD, and which are new.

Similarity is rapidfuzz's ``token_set_ratio`` (0-100) on lower-cased words with punctuation and
``STOP_WORDS`` dropped: it scores the words two texts share against the words each adds, so a
finding that an inspector reworded, shortened or updated with new figures still scores high.
The stop words are function words plus "force", "police" and "should", which open most findings
("The force should ...") and would otherwise lift unrelated findings towards each other.

Matching is one-to-one and greedy, best pair first. A pair in the same section gets
``SAME_SECTION_BONUS`` points, so the same section is preferred, and a pair is accepted when
similarity + bonus reaches ``MATCH_THRESHOLD``: a same-section pair needs 68, a pair across
sections (an area for improvement that became a cause of concern) needs 78. The values were set
on tests/tracker/data/westshire-2021-followup.json, where true recurrences scored 84-110 with the
bonus and new findings at most 71 (61 + 10 within a section, 71 across), and then checked,
unchanged, on the held-out notts-2017-followup.json; the README ("Closing the loop") gives precision and recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hmic_extract.errors import UnreadableInput
from hmic_extract.model import Document, Finding

SAME_SECTION_BONUS = 10.0
MATCH_THRESHOLD = 78.0
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "do", "does", "for", "force", "forces", "from",
    "has", "have", "in", "is", "it", "its", "not", "of", "on", "or", "police", "should", "that", "the",
    "their", "there", "they", "this", "to", "was", "were", "when", "which", "who", "with",
))
NEW_FINDING = "new finding"


@dataclass
class Match:
    """NEW finding ``new`` recurs from OLD finding ``old`` (indexes into each Document's findings)."""

    new: int
    old: int
    score: float  # similarity 0-100, before the section bonus
    same_section: bool


def content_words(text: str) -> str:
    """Given a finding's text, return its lower-cased words without punctuation and stop words."""
    from rapidfuzz import utils

    return " ".join(w for w in utils.default_process(text).split() if w not in STOP_WORDS)


def similarity_matrix(new: list[str], old: list[str]):
    """Given two lists of texts, return the (len(new), len(old)) matrix of similarities 0-100."""
    from rapidfuzz import fuzz, process

    return process.cdist([content_words(t) for t in new], [content_words(t) for t in old],
                         scorer=fuzz.token_set_ratio)


def match_findings(old: list[Finding], new: list[Finding], threshold: float = MATCH_THRESHOLD,
                   bonus: float = SAME_SECTION_BONUS) -> list[Match]:
    """Given OLD and NEW findings, return one-to-one matches, best first, same section preferred."""
    if not old or not new:
        return []
    scores = similarity_matrix([f.issue for f in new], [f.issue for f in old])
    pairs = []
    for i, f in enumerate(new):
        for j, g in enumerate(old):
            same = f.section == g.section
            effective = float(scores[i][j]) + (bonus if same else 0.0)
            if effective >= threshold:
                pairs.append((effective, float(scores[i][j]), i, j, same))
    pairs.sort(key=lambda p: (-p[0], -p[1], p[2], p[3]))
    used_new: set[int] = set()
    used_old: set[int] = set()
    matches = []
    for _effective, score, i, j, same in pairs:
        if i not in used_new and j not in used_old:
            used_new.add(i)
            used_old.add(j)
            matches.append(Match(new=i, old=j, score=score, same_section=same))
    return sorted(matches, key=lambda m: m.new)


def describe_old(g: Finding, old_doc: Document) -> str:
    page = f", {g.page_ref}" if g.page_ref else ""
    return f"{g.section} {g.ref_text or '?'}{page} ({Path(old_doc.source).name})"


def mark_recurrences(new_doc: Document, old_doc: Document, matches: list[Match]) -> None:
    """Record on each NEW finding where it recurs from (old ref, page, action, status) or that it is new."""
    by_new = {m.new: m for m in matches}
    for i, f in enumerate(new_doc.findings):
        for key in ("recurs from", "match %", "old action", "old status"):
            f.provenance.detail.pop(key, None)
        m = by_new.get(i)
        if m is None:
            f.provenance.detail["recurs from"] = NEW_FINDING
            continue
        g = old_doc.findings[m.old]
        f.provenance.detail["recurs from"] = describe_old(g, old_doc)
        f.provenance.detail["match %"] = str(round(m.score))
        if g.action:
            f.provenance.detail["old action"] = g.action
        if g.status:
            f.provenance.detail["old status"] = g.status


def load_document(path: str | Path, password: str | None = None):
    """Given a PDF or a workbook this tool wrote, return (Document, TrackerWorkbook or None)."""
    from .read_template import read_workbook

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from hmic_extract.pipeline import extract_file

        return extract_file(path, password=password), None
    if suffix in (".xlsx", ".xlsm"):
        book = read_workbook(path)
        return book.doc, book
    raise UnreadableInput(f"{path}: give a .pdf report or response, or an .xlsx template or tracker")
