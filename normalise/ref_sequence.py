"""Repair Report Refs by their sequence: refs within a section run 1..n.

An OCR-garbled ref ("40" between 45 and 47) or a missing one is repaired when its neighbours
leave exactly one possible value, and the repair is recorded on the row. A ref that cannot be
inferred is kept as printed; ``refs.check_ref_sequence`` then flags the row for review.
"""

from __future__ import annotations

from hmic_extract.model import Finding


def inferred_ref(prev: Finding | None, nxt: Finding | None) -> int | None:
    """Given the rows either side (same section), return the only ref that fits between them, or None."""
    if prev is not None and prev.ref is not None and nxt is not None and nxt.ref is not None:
        return prev.ref + 1 if nxt.ref == prev.ref + 2 else None
    if prev is None and nxt is not None and nxt.ref == 2:
        return 1
    return None


def repair_ref_sequence(findings: list[Finding]) -> list[Finding]:
    """Given findings, return them with garbled or missing refs repaired from their neighbours."""
    by_section: dict[str, list[Finding]] = {}
    for f in findings:
        by_section.setdefault(f.section, []).append(f)
    for rows in by_section.values():
        for i, f in enumerate(rows):
            prev = rows[i - 1] if i > 0 else None
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            fits = f.ref is not None and ((prev is None and f.ref == 1) or (prev is not None and prev.ref is not None
                                                                            and f.ref == prev.ref + 1))
            if fits:
                continue
            want = inferred_ref(prev, nxt)
            if want is None or want == f.ref:
                continue
            before = f.ref_text
            f.ref, f.ref_text = want, str(want)
            f.provenance.review_flags[:] = [r for r in f.provenance.review_flags if r != "no Report Ref"]
            f.record("ref-sequence", "ref", before, f"{want} (between {prev.ref if prev else 'start'} and "
                     f"{nxt.ref if nxt else 'end'})")
    return findings
