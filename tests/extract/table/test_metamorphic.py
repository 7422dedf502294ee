"""Metamorphic tests through the layout randomiser (pip-only producers): change one thing that must not matter —
a heading's case, synonym or theme, the ref style, the column order, the column names — and the rows the tool
reads must not change. Each base draw is first checked against its gold (written from content, not by the tool)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hmic_extract.pipeline import extract_file
from tests.layouts.annex import CHANGES, draw_annex, gold, render_annex, variant
from tests.scoring import norm_text, pages_of

# (seed, producer): short content sets, sections marked by heading, band, type column and ref prefixes
BASES = [("meta-0", "reportlab"), ("meta-24", "canvas"), ("meta-20", "reportlab"), ("meta-3", "canvas")]


def rows_read(draw, path: Path) -> list[tuple]:
    path.write_bytes(render_annex(draw.content, draw))
    return [(f.section, f.ref, sorted(pages_of(f.page_ref)), norm_text(f.issue)) for f in extract_file(path).findings]


def rows_gold(draw) -> list[tuple]:
    return [(g["section"], int(g["ref"]), sorted(pages_of(g["page_ref"])), norm_text(g["issue"]))
            for g in gold(draw)["rows"]]


@pytest.mark.parametrize(("seed", "producer"), BASES, ids=[f"{s}-{p}" for s, p in BASES])
def test_rows_do_not_change_when_only_the_wording_or_layout_of_markers_changes(tmp_path, seed, producer):
    base = draw_annex(seed, only_producer=producer, scan_share=0)
    expected = rows_read(base, tmp_path / "base.pdf")
    assert expected == rows_gold(base)
    for change in CHANGES:
        changed = variant(base, change)
        assert rows_gold(changed) == rows_gold(base)  # the generator keeps the content
        assert rows_read(changed, tmp_path / f"{change}.pdf") == expected, change
