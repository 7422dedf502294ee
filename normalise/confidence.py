"""Flag rows whose OCR confidence is low, so a person checks them against the scan.

The extractor puts a confidence on each OCR-ed row (its weakest ref/page word, or its mean text
word if lower); this pass only turns a low one into a review flag. Born-digital rows carry none.
"""

from __future__ import annotations

from hmic_extract.model import UNREAD, Finding

LOW_CONFIDENCE = 0.80  # below this, measured on the scanned samples, OCR rows are worth a second look


def flag_low_confidence(findings: list[Finding]) -> list[Finding]:
    """Given findings, return them with a review flag on each whose OCR confidence is below LOW_CONFIDENCE."""
    for f in findings:
        confidence = f.provenance.confidence
        if UNREAD in f.issue:
            f.flag(f"OCR could not read some print (marked {UNREAD}; another script?): check against the scan")
        elif confidence is not None and confidence < LOW_CONFIDENCE:
            f.flag(f"low OCR confidence ({confidence:.2f}): check against the scan")
    return findings
