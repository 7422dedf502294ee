"""Page geometry shared by every producer: A4, the margins, where running heads and footnotes go.

One set of numbers so that the running heads stamped afterwards, the footnotes and the text area searched
for statements agree with what each typesetter laid out.
"""

from __future__ import annotations

from ..draw import Draw

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN_X_MM, MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 22, 24, 22
NOTES_BOTTOM_MM = 36  # the text area ends higher when pages may carry footnotes
HEAD_Y_MM, FOOT_Y_MM = PAGE_H / MM - 13, 12  # baselines of running heads and feet


def bottom_mm(draw: Draw) -> float:
    """Where the text area ends (mm from the page's foot) for this draw."""
    return NOTES_BOTTOM_MM if draw.footnotes else MARGIN_BOTTOM_MM


def body_box(draw: Draw) -> tuple[float, float, float, float]:
    """The text area (left, bottom, right, top in points), a little widened: running heads stay outside it."""
    return (MARGIN_X_MM * MM - 6, bottom_mm(draw) * MM - 4, PAGE_W - MARGIN_X_MM * MM + 6,
            PAGE_H - MARGIN_TOP_MM * MM + 4)
