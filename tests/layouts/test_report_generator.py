"""The report randomiser itself (pip-only): deterministic draws, well-formed gold, metamorphic variants.

These tests check the generator, never the tool: gold must come from content, so nothing here runs
``hmic_extract``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from tests.layouts.report import content_for, make_draw, render_report, render_with_gold
from tests.layouts.report.content import TYPES, content_ids, content_type, load_content
from tests.layouts.report.draw import DIMENSIONS
from tests.layouts.report.metamorphic import scored, variant
from tests.scoring import pages_of

CI = Path(__file__).resolve().parent / "ci" / "report"
DRAWS = [make_draw(5, i, producers=("reportlab",)) for i in range(24)]


def test_same_seed_gives_the_same_draw_and_the_same_pdf():
    assert make_draw(9, 3) == make_draw(9, 3)
    assert make_draw(9, 3) != make_draw(9, 4)
    d = make_draw(9, 3, producers=("reportlab",))
    assert render_report(content_for(d), d) == render_report(content_for(d), d)


def test_content_sets_cover_every_era_and_type():
    ids = content_ids()
    assert len(ids) >= 8
    assert {content_type(c) for c in ids} == set(TYPES)
    for c in ids:
        assert load_content(c).findings(), c


@pytest.mark.parametrize("draw", DRAWS, ids=lambda d: f"{d.index}-{d.content}")
def test_gold_refs_run_1_to_n_per_section_and_pages_match_page_ref(draw):
    _, gold = render_with_gold(content_for(draw), draw)
    assert gold["rows"], "every draw states at least one finding"
    refs = defaultdict(list)
    for row in gold["rows"]:
        refs[row["section"]].append(row["ref"])
        assert row["section"] in ("Areas for improvement", "Causes of concern", "Recommendations",
                                  "Issues of concern")
        assert set(row["pages"]) == set(pages_of(row["page_ref"]))
        assert row["pages"] == list(range(row["pages"][0], row["pages"][-1] + 1))
        assert row["issue"].strip() and not row["issue"].lower().startswith(("area for improvement", "afi "))
    for section, seen in refs.items():
        assert seen == list(range(1, len(seen) + 1)), section
    causes = {r["ref"] for r in gold["rows"] if r["section"] == "Causes of concern"}
    for row in gold["rows"]:
        if "cause" in row:
            assert row["cause"] in causes


@pytest.mark.parametrize("draw", DRAWS[:8], ids=lambda d: f"{d.index}-{d.content}")
def test_gold_pages_agree_with_where_the_text_is_found(draw):
    """The page callbacks (reportlab) and the text locator (other producers) must agree."""
    from tests.layouts.report.producers.geometry import body_box
    from tests.layouts.report.producers.locate import locate, page_texts
    from tests.layouts.report.producers.reportlab_pdf import render_reportlab
    from tests.layouts.report.templates import build_document

    content = content_for(draw)
    doc, _ = build_document(content, draw)
    rendered = render_reportlab(doc, draw, content.inspectorate)
    found = locate(doc.blocks, page_texts(rendered.pdf, body_box(draw)))
    assert {k: sorted(v) for k, v in found.tag_pages.items() if not k.startswith("note:")} == rendered.tag_pages


@pytest.mark.parametrize("dimension", ["afi_label", "rec_numbering", "box", "number_format", "heading_case",
                                       "heading_synonym"])
def test_metamorphic_variants_keep_the_gold(dimension):
    kept = 0
    for draw in DRAWS[:12]:
        content = content_for(draw)
        _, gold = render_with_gold(content, draw)
        found = variant(content, draw, dimension, seed=draw.index)
        if found is None:
            continue
        changed, _, new_gold = found
        assert getattr(changed, dimension) != getattr(draw, dimension)
        assert {k: v for k, v in changed.as_dict().items() if k != dimension} == \
            {k: v for k, v in draw.as_dict().items() if k != dimension}
        assert scored(new_gold) == scored(gold)
        kept += 1
    assert kept >= 3, f"too few {dimension} variants keep the pages"


def test_committed_ci_sample_covers_every_dimension_value_that_matters():
    manifest = json.loads((CI / "manifest.json").read_text(encoding="utf-8"))
    draws = [e["draw"] for e in manifest["draws"]]
    assert len(draws) >= 20
    for dim in ("type", "afi_label", "box", "number_format", "producer", "cause_label", "rec_form"):
        values = set(TYPES) if dim == "type" else set(DIMENSIONS[dim])
        if dim == "producer":
            values = {"reportlab", "chromium", "docx"}
        assert values <= {d[dim] for d in draws}, (dim, values - {d[dim] for d in draws})
    assert sum(1 for d in draws if d.get("scan")) >= 2
    total = 0
    for entry in manifest["draws"]:
        pdf = CI / entry["file"]
        gold = json.loads(pdf.with_suffix(".gold.json").read_text(encoding="utf-8"))
        assert gold["rows"] and gold["kind"] == "report"
        total += pdf.stat().st_size
    assert total < 10_000_000


def test_committed_reportlab_draws_still_render_to_their_gold():
    """The generator must not drift under the committed sample (its gold would silently go stale)."""
    manifest = json.loads((CI / "manifest.json").read_text(encoding="utf-8"))
    from tests.layouts.report.draw import Draw

    checked = 0
    for entry in manifest["draws"]:
        draw = Draw.from_dict(entry["draw"])
        if draw.producer != "reportlab" or draw.scan:
            continue
        gold = json.loads((CI / entry["file"]).with_suffix(".gold.json").read_text(encoding="utf-8"))
        _, fresh = render_with_gold(content_for(draw), draw, source=gold["source"])
        assert fresh["rows"] == gold["rows"], entry["file"]
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize(("position", "running"), [("header", "title-header"), ("header", "series-header"),
                                                   ("footer", "copyright-footer"), ("footer", "date-footer")])
def test_a_centred_page_number_never_shares_its_margin_with_a_running_title(position, running):
    """A long running title set left of a centred number runs over it (report-9437-82, -116: "...inspection 20121"):
    no typesetter prints that, and the gold's printed pages could not be read from such a page."""
    from dataclasses import replace

    from tests.layouts.report.pages import running_texts

    draw = replace(make_draw(5, 1), number_align="centre", number_position=position, running=running,
                   number_format="n")
    texts = running_texts(draw, title="A long inspection title " * 3, series="PEEL", force=None,
                          copyright="© Crown copyright " * 3, date="1 March 2024", label="12", last="40")
    number = next(t for t in texts if t.text == "12")
    assert all(t.position != number.position for t in texts if t is not number)
