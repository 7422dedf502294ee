"""Findings stated twice: a summary (front table or list, "Summary of recommendations" at the back) repeats the
chapter's statement. Each finding is counted once, at its chapter statement; the summary's page is kept as
provenance. Which of two copies is the summary is told by context: the copy under a summary heading or
title; otherwise the one stated first is kept.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .drafts import Draft
from .settings import ReportSettings

CROSS_REFERENCE = re.compile(r"\s*\((?:para(?:graph)?s?\.?\s*|page\s*|see\s+)?[\d.,\s–-]+\)\s*$", re.I)


def comparable(text: str) -> str:
    """A finding's text for comparison: a trailing cross-reference "(2.4)" dropped, case and punctuation ignored."""
    text = CROSS_REFERENCE.sub("", text.strip())
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


MIN_FRAGMENT_WORDS = 5


def similar(x: str, y: str, settings: ReportSettings) -> bool:
    return x == y or SequenceMatcher(None, x, y, autojunk=False).ratio() >= settings.same_text


def same_finding(a: Draft, b: Draft, settings: ReportSettings) -> bool:
    """Whether two drafts state one finding: the same text, or a fragment under a lead-in and the full sentence a
    summary makes of it ("Within three months, X should:" + "make sure that …" = "Within three months, X should
    make sure that …")."""
    if a.section != b.section:
        return False
    if a.printed_ref and b.printed_ref and a.printed_ref != b.printed_ref and a.in_summary == b.in_summary:
        return False  # two numbered statements in the body are two findings, however alike their wording
    x, y = comparable(a.text), comparable(b.text)
    if similar(x, y, settings):
        return True
    for one, other in ((a, y), (b, x)):
        if one.lead_in and similar(comparable(one.lead_in + " " + one.text), other, settings):
            return True
    shorter, longer = sorted((x, y), key=len)
    return len(shorter.split()) >= MIN_FRAGMENT_WORDS and longer.endswith(shorter)


def merge_summary_repeats(drafts: list[Draft], printed: list[str], settings: ReportSettings) -> list[Draft]:
    """Given drafts, return one per finding in document order: the chapter's statement, noting the summary's page."""
    from .rows import page_ref_of

    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.position):
        match = next((k for k in kept if same_finding(k, draft, settings)), None)
        if match is None:
            kept.append(draft)
            continue
        summary, chapter = (draft, match) if draft.in_summary or not match.in_summary else (match, draft)
        chapter.detail["summary_page"] = page_ref_of([printed[ln.page] for ln in summary.lines])
        for key, value in summary.detail.items():
            chapter.detail.setdefault(key, value)
        if chapter.cause is None and summary.cause is not None:
            chapter.cause = summary.cause
        if chapter is draft:
            kept[kept.index(match)] = draft
    for draft in kept:  # a recommendation whose cause was a summary copy answers the chapter's statement
        if draft.cause is not None and draft.cause not in kept:
            draft.cause = next((k for k in kept if same_finding(k, draft.cause, settings)), None)
    return sorted(kept, key=lambda d: d.position)
