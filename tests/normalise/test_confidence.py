"""Rows with low OCR confidence are flagged for review; others, and born-digital rows, are not."""

from __future__ import annotations

from hmic_extract.model import Finding, Provenance
from hmic_extract.normalise.confidence import LOW_CONFIDENCE, flag_low_confidence


def finding(confidence: float | None) -> Finding:
    return Finding(section="Issues of concern", ref=1, ref_text="1", page_ref="Page 5", pages=[5], issue="x",
                   provenance=Provenance(confidence=confidence))


def test_a_row_below_the_threshold_is_flagged_with_its_confidence():
    low, high, digital = flag_low_confidence([finding(LOW_CONFIDENCE - 0.3), finding(0.99), finding(None)])
    assert low.needs_review and "0.50" in low.provenance.review_flags[0]
    assert not high.needs_review
    assert not digital.needs_review


def test_a_row_holding_print_ocr_could_not_read_is_flagged_where_and_the_marks_leave_its_text():
    from hmic_extract.model import UNREAD

    row = finding(0.95)
    row.issue = f"A helpline card headed «{UNREAD} {UNREAD}» showed the wrong number."
    (flagged,) = flag_low_confidence([row])
    assert flagged.needs_review and "could not read" in flagged.provenance.review_flags[0]
    assert "after “card headed «”" in flagged.provenance.review_flags[0]
    assert flagged.issue == "A helpline card headed «» showed the wrong number."
