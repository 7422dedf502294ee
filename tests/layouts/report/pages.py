"""Printed page numbers and running heads: what each page says about itself, shared by every producer.

The printed number of a page (what its footer or header shows) is what gold cites, so it is computed in one
place from the page's role (cover, front matter, body) and the draw's numbering scheme; the same numbers go
into the running heads and, when the draw says so, into the PDF's /PageLabels.
"""

from __future__ import annotations

from dataclasses import dataclass

from .draw import Draw
from .templates.base import roman


def printed_labels(draw: Draw, roles: list[str]) -> list[str | None]:
    """Given each PDF page's role, return the number printed on it (None: nothing printed)."""
    out: list[str | None] = []
    front = body = 0
    scheme = draw.page_numbering
    for index, role in enumerate(roles):
        if role == "cover":
            out.append(None)
        elif role == "front":
            front += 1
            out.append(str(index + 1) if scheme == "arabic-all" else roman(front) if scheme == "roman-front"
                       else None)
        else:
            body += 1
            if scheme == "arabic-all":
                out.append(str(index + 1))
            elif scheme == "arabic-offset":
                out.append(str(draw.number_offset + body - 1))
            else:
                out.append(str(body))
    return out


def label_ranges(draw: Draw, roles: list[str], labels: list[str | None]) -> list[tuple[int, str | None, int, str]]:
    """Return /PageLabels ranges (first page index, style D/r/None, start, prefix) matching the printed numbers."""
    if draw.page_numbering == "arabic-all":
        return [(0, "D", 1, "")]
    ranges: list[tuple[int, str | None, int, str]] = [(0, None, 1, "Cover")]
    if "front" in roles:
        ranges.append((roles.index("front"), "r", 1, ""))
    if "body" in roles:
        first = roles.index("body")
        ranges.append((first, "D", int(labels[first] or 1), ""))
    return ranges


@dataclass(frozen=True)
class RunningText:
    """One piece of running text: where it goes and what it says."""

    position: str  # header or footer
    align: str  # left, centre, right
    text: str
    size_delta: float = -1.5


def number_text(draw: Draw, doc_title: str, series: str, force: str | None, label: str, last: str) -> str:
    """Return the page-number text in the draw's format ("12", "Page 12", "12 | PEEL 2021/22", …)."""
    fmt = draw.number_format
    if fmt == "Page n":
        return f"Page {label}"
    if fmt == "n | series":
        return f"{label} | {series}"
    if fmt == "title n":
        return f"{doc_title}   {label}"
    if fmt == "force – series   n":
        return f"{force or 'HMICFRS'} – {series}   {label}"
    if fmt == "Page n of N":
        return f"Page {label} of {last}"
    return label


def running_texts(draw: Draw, *, title: str, series: str, force: str | None, copyright: str, date: str,
                  label: str | None, last: str) -> list[RunningText]:
    """Return the running heads of a page whose printed number is ``label`` (none on unnumbered pages)."""
    if label is None:
        return []
    align = draw.number_align
    if align == "outer":
        align = "right" if (not label.isdigit() or int(label) % 2) else "left"
    out = [RunningText(draw.number_position, align, number_text(draw, title, series, force, label, last))]
    other = "left" if align != "left" else "right"
    extra = {"title-header": ("header", title), "series-header": ("header", f"{force + ' – ' if force else ''}"
                                                                            f"{series}"),
             "copyright-footer": ("footer", copyright), "date-footer": ("footer", f"Published {date}")}
    if draw.running in extra:
        pos, text = extra[draw.running]
        if pos == draw.number_position and align == "centre":  # a long title beside a centred number would run over
            pos = "footer" if pos == "header" else "header"  # it (as no typesetter would): the other margin
        out.append(RunningText(pos, other if pos == draw.number_position else "left", text, -2.0))
    return out
