"""Gold rows from the content's statements and the printed pages their text landed on.

Refs are 1..n per section in document order (the body statement of each finding; summaries and contents
repeat findings but never count). Pages are the *printed* numbers (what the page's footer or header says),
every page the statement's text touches: "Page 12" or "Pages 12-13".
"""

from __future__ import annotations

from .draw import Draw
from .templates import Statement


class GoldError(ValueError):
    """A statement could not be placed on a printed page (the draw is unusable)."""


def page_ref(pages: list[int]) -> str:
    """Return "Page 12" or "Pages 12-13" for a sorted list of consecutive pages."""
    return f"Page {pages[0]}" if len(pages) == 1 else f"Pages {pages[0]}-{pages[-1]}"


def make_gold(source: str, draw: Draw, statements: list[Statement], tag_pages: dict[str, list[int]],
              labels: list[str | None]) -> dict:
    """Return the gold JSON for one rendered draw (``tag_pages`` holds PDF page indices)."""
    rows: list[dict] = []
    counters: dict[str, int] = {}
    cause_refs: dict[str, int] = {}
    for s in statements:
        counters[s.section] = counters.get(s.section, 0) + 1
        ref = counters[s.section]
        indices = tag_pages.get(s.tag)
        if not indices:
            raise GoldError(f"{s.tag} was not found on any page")
        printed = [labels[i] for i in indices]
        if any(p is None or not p.isdigit() for p in printed):
            raise GoldError(f"{s.tag} sits on a page without an arabic number: {printed}")
        nums = sorted(int(p) for p in printed)
        pages = list(range(nums[0], nums[-1] + 1))
        row: dict = {"section": s.section, "ref": ref, "pages": pages, "page_ref": page_ref(pages), "issue": s.issue}
        if s.section == "Causes of concern":
            cause_refs[s.tag] = ref
        if s.section == "Recommendations":
            if s.cause_tag:
                row["cause"] = cause_refs[s.cause_tag]
            row["addressee"] = s.addressee
            if s.timescale:
                row["timescale"] = s.timescale
        if s.printed_number:
            row["printed_number"] = s.printed_number
        rows.append(row)
    return {"source": source, "kind": "report", "draw": draw.as_dict(), "rows": rows}
