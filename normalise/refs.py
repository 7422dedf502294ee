"""Report refs: parse the printed ref and check that each section runs 1..n.

Gaps, duplicates and out-of-order refs are review flags on the row, never silent renumbering.
"""

from __future__ import annotations

import re

from hmic_extract.model import Finding
from hmic_extract.vocabulary import ref_cell_number

REF_NUMBER = re.compile(r"\d+")


def parse_ref(text: str) -> int | None:
    """Given a printed ref ("12", "12.", "AFI 3", "R2", OCR's "10C 1"), return its number or None."""
    number = ref_cell_number(text)
    if number is not None:
        return number
    m = REF_NUMBER.search(text)
    return int(m.group()) if m else None


def parse_refs(findings: list[Finding]) -> list[Finding]:
    for f in findings:
        if f.ref is None:
            f.ref = parse_ref(f.ref_text)
        if f.ref is None:
            f.flag("no Report Ref")
    return findings


def check_ref_sequence(findings: list[Finding]) -> list[Finding]:
    """Flag rows whose ref breaks the 1..n run of their section (gap, duplicate, out of order)."""
    expected: dict[str, int] = {}
    seen: dict[str, set[int]] = {}
    for f in findings:
        if f.ref is None:
            continue
        want = expected.get(f.section, 1)
        refs = seen.setdefault(f.section, set())
        if f.ref in refs:
            f.flag(f"duplicate ref {f.ref} in {f.section}")
        elif f.ref < want:
            f.flag(f"ref {f.ref} out of order (expected {want})")
        elif f.ref > want:
            f.flag(f"ref gap: expected {want}, found {f.ref}")
        refs.add(f.ref)
        expected[f.section] = max(want, f.ref + 1)
    return findings
