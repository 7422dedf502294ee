"""Settings estimated from the report: body size and the leading of one paragraph."""

from __future__ import annotations

from hmic_extract.extract.findings.lines import Line
from hmic_extract.extract.findings.settings import estimate_settings, usual_line_gap


def line(text: str, top: float, x1: float, size: float = 9.0) -> Line:
    return Line(text=text, page=0, top=top, bottom=top + size, x0=62, x1=x1, size=size, bold=False)


def test_the_line_gap_is_read_inside_paragraphs_even_when_short_paragraphs_are_the_rule():
    lines = []
    top = 100.0
    for _ in range(4):  # a two-line paragraph (a full line, a short one), then three one-line paragraphs
        lines += [line("a full line of text that wraps at the right edge", top, 533), line("ends.", top + 11.5, 200)]
        top += 11.5 + 17.4
        for _ in range(3):
            lines.append(line("A short paragraph of one line.", top, 300))
            top += 17.4
    assert usual_line_gap(lines) == 2.5
    assert estimate_settings(lines).body_size == 9.0
