"""Metamorphic variants: a draw that differs from another in exactly ONE layout choice, same content.

The tool's rows must not change when only a heading's case or synonym, the ref style, the column order
or the column names change; these helpers make such pairs for tests (rendered at test time by reportlab).
"""

from __future__ import annotations

import copy
import random

from . import words
from .content import SECTIONS
from .draw import Draw

CHANGES = ("heading_case", "heading_synonym", "theme", "ref_style", "column_order", "column_names")


def _other(rng: random.Random, pool: tuple | list, current):
    choices = [v for v in pool if v != current]
    return rng.choice(choices) if choices else current


def variant(draw: Draw, change: str, seed: int | str = 0) -> Draw:
    """A copy of ``draw`` with one choice changed (``change`` is one of CHANGES)."""
    rng = random.Random(f"{draw.seed}/variant/{change}/{seed}")
    new = copy.deepcopy(draw)
    if change == "heading_case":
        new.heading_case = _other(rng, words.HEADING_CASES, draw.heading_case)
    elif change == "heading_synonym":
        new.heading_synonyms = {s: _other(rng, range(len(words.HEADINGS[s])), draw.heading_synonyms[s] %
                                          len(words.HEADINGS[s])) for s in SECTIONS}
    elif change == "theme":
        new.theme_style = "none" if draw.theme_style != "none" else _other(rng, words.THEME_STYLES, "none")
    elif change == "ref_style":
        if draw.section_marker == "none":  # refs must keep saying the section: change the prefix form instead
            new.ref_style = dict(draw.ref_style, joiner=_other(rng, ("", " ", "-"), draw.ref_style["joiner"]),
                                 prefix_choice={s: v + 1 for s, v in draw.ref_style["prefix_choice"].items()})
        elif draw.ref_prefixed:
            new.ref_prefixed = False
        else:
            new.ref_style = dict(draw.ref_style, plain=_other(rng, words.REF_PLAIN, draw.ref_style["plain"]))
    elif change == "column_order":
        cols = list(draw.columns)
        keys = [c["key"] for c in cols]
        i, j = keys.index("page"), keys.index("issue")
        if abs(i - j) == 1:
            cols[i], cols[j] = cols[j], cols[i]
        else:
            cols.insert(j, cols.pop(i))
        new.columns = cols
    elif change == "column_names":
        new.columns = [dict(c, name=_other(rng, words.COLUMN_NAMES[c["key"]], c["name"])) for c in draw.columns]
    else:
        raise ValueError(f"unknown change {change!r}; one of {CHANGES}")
    new.notes = [*draw.notes, f"variant: {change}"]
    return new
