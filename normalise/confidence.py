"""Flag rows whose OCR confidence is low, so a person checks them against the scan.

The extractor puts a confidence on each OCR-ed row (its weakest ref/page word, or its mean text
word if lower); this pass only turns a low one into a review flag. Born-digital rows carry none.
Print the OCR engine saw but has no letters for (Arabic, Urdu or Kurdish words in an English cell) comes as
UNREAD words: the flag names the words before each, and the marks leave the text, as any other print the engine
cannot read, so the cell holds only what was read.
"""

from __future__ import annotations

import re

from hmic_extract.model import UNREAD, Finding

LOW_CONFIDENCE = 0.80  # below this, measured on the scanned samples, OCR rows are worth a second look
CONTEXT_WORDS = 3  # words read before unread print that the flag quotes, to find the place in the scan


def flag_low_confidence(findings: list[Finding]) -> list[Finding]:
    """Given findings, return them with a review flag on each whose OCR confidence is below LOW_CONFIDENCE, or whose
    text holds unread print (then named by the words before it, and taken out of the text)."""
    for f in findings:
        confidence = f.provenance.confidence
        if UNREAD in f.issue:
            places = "; ".join(f"after “{words}”" if words else "at the start" for words in unread_places(f.issue))
            f.flag(f"OCR could not read some print (another script?) {places}: check against the scan")
            f.issue = without_unread(f.issue)
        elif confidence is not None and confidence < LOW_CONFIDENCE:
            f.flag(f"low OCR confidence ({confidence:.2f}): check against the scan")
    return findings


def unread_places(text: str) -> list[str]:
    """Given a text holding UNREAD marks, return for each run of them the (up to CONTEXT_WORDS) read words before."""
    places = []
    for match in re.finditer(rf"{UNREAD}[\s{UNREAD}]*", text):
        before = [w for w in text[:match.start()].split() if UNREAD not in w]
        places.append(" ".join(before[-CONTEXT_WORDS:]))
    return places


def without_unread(text: str) -> str:
    """Given a text holding UNREAD marks, return it without them (and the spaces they leave)."""
    return re.sub(r"[ \t]{2,}", " ", re.sub(rf" ?{UNREAD}", "", text)).strip()
