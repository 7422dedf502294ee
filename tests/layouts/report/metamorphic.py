"""Metamorphic variants: the same content with ONE layout choice changed and the same gold rows.

A change of label form, numbering, box style, running heads or heading wording must not change what the
tool extracts. Some changes move text across a page break (a box's title line, a label on its own line);
then the page a finding is on really changes, so such values are skipped and the next value is tried:
every variant returned has rows identical to the original's in everything the scorer compares.
"""

from __future__ import annotations

import random

from . import Content, render_with_gold
from .draw import DIMENSIONS, Draw

METAMORPHIC = ("afi_label", "afi_numbering", "cause_label", "cause_numbering", "rec_label", "rec_numbering",
               "box", "number_format", "number_align", "number_position", "running", "heading_case",
               "heading_synonym", "page_labels", "bullet", "number_style")


def scored(gold: dict) -> list[tuple]:
    """The parts of the gold rows the scorer compares: section, ref, pages and text."""
    return [(r["section"], r["ref"], tuple(r["pages"]), r["issue"]) for r in gold["rows"]]


def variant(content: Content, draw: Draw, dimension: str, *, seed: int = 0) -> tuple[Draw, bytes, dict] | None:
    """Return (variant draw, its PDF, its gold) differing from ``draw`` only in ``dimension``, or None.

    Values are tried in a seed-dependent order; the first whose gold rows equal the original's is returned.
    """
    if dimension not in METAMORPHIC:
        raise ValueError(f"{dimension!r} is not a metamorphic dimension ({', '.join(METAMORPHIC)})")
    base_pdf, base = render_with_gold(content, draw)
    values = [v for v in DIMENSIONS[dimension] if v != getattr(draw, dimension)]
    random.Random(f"variant:{seed}:{dimension}").shuffle(values)
    for value in values:
        changed = draw.varied(**{dimension: value})
        pdf, gold = render_with_gold(content, changed)
        if scored(gold) == scored(base) and pdf != base_pdf:
            return changed, pdf, gold
    return None
