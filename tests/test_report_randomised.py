"""The tool on inspection reports drawn at random by the report randomiser (tests/layouts/report), gold from content.

- every draw of the committed CI sample (born-digital and scanned, every era, producer and layout choice) must
  give every row right, through the same pipeline and workbook a user gets;
- metamorphic: a draw and its variant in ONE layout choice (label form, numbering, box style, running heads and
  footer style, heading case or synonym, bullets) must give the same rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hmic_extract.export import write_xlsx
from hmic_extract.pipeline import extract_file
from tests.layouts.report import content_for, make_draw, render_with_gold
from tests.layouts.report.metamorphic import METAMORPHIC, scored, variant
from tests.scoring import norm_text, pages_of, score

CI = Path(__file__).resolve().parent / "layouts" / "ci" / "report"
MANIFEST = json.loads((CI / "manifest.json").read_text(encoding="utf-8"))["draws"]


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: f"{Path(e['file']).stem}-{e['draw']['content']}")
def test_every_committed_draw_gives_every_row_right(tmp_path, entry):
    pdf = CI / entry["file"]
    doc = extract_file(pdf, jobs=1)
    out = write_xlsx(doc, tmp_path / "out.xlsx")
    result = score(out, CI / entry["file"].replace(".pdf", ".gold.json"))
    assert result["row_accuracy"] == 1.0, result["problems"]
    assert result["output_rows"] == result["gold_rows"], "no extra rows"


def rows_of(pdf: bytes, path: Path) -> list[tuple]:
    """What the tool reads from a PDF, in the terms the scorer compares: section, ref, pages, text."""
    path.write_bytes(pdf)
    return sorted((f.section, f.ref, tuple(sorted(pages_of(f.page_ref))), norm_text(f.issue))
                  for f in extract_file(path, jobs=1).findings)


def gold_rows(gold: dict) -> list[tuple]:
    return sorted((s, ref, tuple(pages), norm_text(text)) for s, ref, pages, text in scored(gold))


def draw_with_variant(dimension: str):
    """The first of a few fixed draws with a variant in ``dimension`` that keeps every row where it was."""
    for attempt in range(8):
        draw = make_draw(77, METAMORPHIC.index(dimension) + len(METAMORPHIC) * attempt, producers=("reportlab",))
        content = content_for(draw)
        found = variant(content, draw, dimension, seed=1)
        if found is not None:
            return draw, content, found
    raise AssertionError(f"no draw has a {dimension} variant that keeps its pages")


@pytest.mark.parametrize("dimension", METAMORPHIC)
def test_changing_one_layout_choice_does_not_change_the_rows(tmp_path, dimension):
    draw, content, found = draw_with_variant(dimension)
    base_pdf, base_gold = render_with_gold(content, draw)
    _, variant_pdf, _ = found
    base = rows_of(base_pdf, tmp_path / "base.pdf")
    assert base == gold_rows(base_gold)
    assert rows_of(variant_pdf, tmp_path / "variant.pdf") == base
