"""Content sets: what an annex says (findings, refs, printed page refs), independent of how it is laid out.

A content set is a JSON file in ``tests/layouts/content/``. Gold rows are written from it alone, so the
expected answer never depends on the tool or on the layout draw.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"
SECTIONS = ("Issues of concern", "Areas for improvement", "Causes of concern", "Recommendations")
THEMES = ("Efficiency", "Effectiveness", "Legitimacy", "Leadership", "in response to the cause of concern")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
RTL_CHARS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class Row:
    """One finding as printed: its section, printed ref, page ref (and the pages it names), and its text."""

    section: str
    ref: int
    page_ref: str
    pages: tuple[int, ...]
    issue: str
    extras: dict = field(default_factory=dict, compare=False, hash=False)  # action/owner/rag/target/status
    answers: dict | None = None
    rtl: bool = False


@dataclass(frozen=True)
class Block:
    """A run of rows of one section (a section may appear in several blocks, e.g. one per theme)."""

    section: str
    theme: str | None
    rows: tuple[Row, ...]
    untitled_ok: bool = False


@dataclass(frozen=True)
class Content:
    """A whole annex's content plus the facts a covering letter needs (force, PCC, report title)."""

    id: str
    meta: dict
    blocks: tuple[Block, ...]
    footnotes: dict[str, str]

    @property
    def rows(self) -> list[Row]:
        return [r for b in self.blocks for r in b.rows]

    @property
    def has_rtl(self) -> bool:
        return any(r.rtl for r in self.rows)

    def count(self, section: str) -> int:
        return sum(1 for r in self.rows if r.section == section)


def pages_named(page_ref: str) -> set[int]:
    """The page numbers a printed page ref names (figure/table/para numbers are not pages; ranges expand)."""
    text = re.sub(r"(?i)\b(figure|fig\.?|table|para(graph)?)\s*[\d.]+", " ", page_ref)
    out = {int(n) for n in re.findall(r"\d+", text)}
    for a, b in re.findall(r"(\d+)\s*[-\u2013]\s*(\d+)", text):
        out.update(range(int(a), int(b) + 1))
    return out


def _validate(content: Content) -> None:
    """Refuse content the scorer could not key, or whose page lists disagree with the printed refs."""
    keys = [(r.section, r.ref) for r in content.rows]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise ValueError(f"{content.id}: (section, ref) not unique: {sorted(dupes)}")
    for row in content.rows:
        if row.section not in SECTIONS:
            raise ValueError(f"{content.id}: unknown section {row.section!r}")
        if set(row.pages) != pages_named(row.page_ref):
            raise ValueError(f"{content.id} {row.section} {row.ref}: pages {row.pages} vs {row.page_ref!r}")
        if "\n" in row.issue:
            raise ValueError(f"{content.id} {row.section} {row.ref}: issue has a line break")
        if row.rtl != bool(RTL_CHARS.search(row.issue)):
            raise ValueError(f"{content.id} {row.section} {row.ref}: rtl flag disagrees with the text")
    for block in content.blocks:
        if block.theme is not None and block.theme not in THEMES:
            raise ValueError(f"{content.id}: unknown theme {block.theme!r}")


def parse_content(data: dict) -> Content:
    blocks = []
    for b in data["blocks"]:
        rows = tuple(
            Row(section=b["section"], ref=int(r["ref"]), page_ref=r["page_ref"], pages=tuple(r["pages"]),
                issue=r["issue"], answers=r.get("answers"), rtl=bool(r.get("rtl")),
                extras={k: r[k] for k in ("action", "owner", "rag", "target", "status") if r.get(k)})
            for r in b["rows"])
        blocks.append(Block(b["section"], b.get("theme"), rows, bool(b.get("untitled_ok"))))
    meta = {k: v for k, v in data.items() if k not in ("blocks", "footnotes", "id")}
    content = Content(data["id"], meta, tuple(blocks), dict(data.get("footnotes", {})))
    _validate(content)
    return content


def content_ids() -> list[str]:
    return sorted(p.stem for p in CONTENT_DIR.glob("*.json"))


@cache
def load_content(content_id: str) -> Content:
    return parse_content(json.loads((CONTENT_DIR / f"{content_id}.json").read_text(encoding="utf-8")))


def excerpt(content: Content, per_block: int | None) -> Content:
    """The same content cut to the first ``per_block`` rows of each block (short annexes, cheap scans)."""
    if per_block is None:
        return content
    blocks = tuple(Block(b.section, b.theme, b.rows[:per_block], b.untitled_ok) for b in content.blocks)
    return Content(content.id, content.meta, blocks, content.footnotes)
