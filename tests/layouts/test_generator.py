"""The annex generator itself (pip-only, fast): determinism, gold keyed uniquely, page lists, variants.

These test the instrument, not the tool: the tool's scores come from ``bench/sweep_annex.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.layouts.annex import CHANGES, content_ids, draw_annex, gold, load_content, render_annex, variant
from tests.layouts.annex.content import pages_named
from tests.layouts.annex.draw import PRODUCERS, RULES, SECTION_MARKERS, Draw
from tests.layouts.annex.verify import missing_rows

CI = Path(__file__).resolve().parent / "ci" / "annex"
SEEDS = [f"t-{n}" for n in range(40)]
GOLD_KEYS = ("section", "ref", "pages", "page_ref", "issue")


def key_rows(expected: dict) -> list[tuple]:
    return [tuple(json.dumps(r[k], ensure_ascii=False) for k in GOLD_KEYS) for r in expected["rows"]]


@pytest.mark.parametrize("seed", SEEDS[:10])
def test_same_seed_gives_the_same_draw_and_gold(seed: str) -> None:
    assert draw_annex(seed).as_dict() == draw_annex(seed).as_dict()
    assert gold(draw_annex(seed)) == gold(draw_annex(seed))


def test_draw_round_trips_through_json() -> None:
    draw = draw_annex("t-round")
    again = Draw.from_dict(json.loads(json.dumps(draw.as_dict())))
    assert again.as_dict() == draw.as_dict()


def test_same_seed_gives_the_same_reportlab_pdf() -> None:
    draw = draw_annex("t-bytes", only_producer="reportlab", scan_share=0)
    assert render_annex(draw.content, draw) == render_annex(draw.content, draw)


@pytest.mark.parametrize("content_id", content_ids())
def test_content_rows_are_unique_by_section_and_ref(content_id: str) -> None:
    rows = load_content(content_id).rows
    keys = [(r.section, r.ref) for r in rows]
    assert len(keys) == len(set(keys))
    assert 12 <= len(rows) <= 90


@pytest.mark.parametrize("content_id", content_ids())
def test_every_gold_page_is_printed_in_its_page_ref(content_id: str) -> None:
    for row in load_content(content_id).rows:
        printed = {int(n) for n in re.findall(r"\d+", row.page_ref)}
        assert set(row.pages) <= printed | set(range(min(row.pages), max(row.pages) + 1)), row
        assert set(row.pages) == pages_named(row.page_ref), row


@pytest.mark.parametrize("seed", SEEDS)
def test_gold_of_any_draw_is_keyed_uniquely(seed: str) -> None:
    rows = gold(draw_annex(seed))["rows"]
    assert rows
    assert len({(r["section"], r["ref"]) for r in rows}) == len(rows)
    assert all("\n" not in r["issue"] for r in rows)


def test_right_to_left_rows_are_marked_and_include_lam_alef() -> None:
    rtl = [r for c in content_ids() for r in load_content(c).rows if r.rtl]
    assert len(rtl) >= 3
    assert any("لا" in r.issue for r in rtl)


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("seed", SEEDS[:6])
def test_a_variant_changes_one_choice_and_keeps_the_gold_rows(seed: str, change: str) -> None:
    draw = draw_annex(seed, scan_share=0)
    other = variant(draw, change)
    assert key_rows(gold(other)) == key_rows(gold(draw))
    before, after = draw.as_dict(), other.as_dict()
    changed = {k for k in before if before[k] != after[k]} - {"notes", "section_style"}
    assert len(changed) == 1, changed


@pytest.mark.parametrize("producer", ["reportlab", "canvas"])
@pytest.mark.parametrize("seed", ["t-r1", "t-r2", "t-r3"])
def test_pip_only_producers_put_every_gold_row_on_the_page(producer: str, seed: str) -> None:
    draw = draw_annex(seed, only_producer=producer, scan_share=0)
    pdf = render_annex(draw.content, draw)
    assert pdf.startswith(b"%PDF")
    assert missing_rows(pdf, gold(draw)["rows"]) == []


def test_a_variant_renders_differently() -> None:
    draw = draw_annex("t-variant", only_producer="reportlab", scan_share=0)
    assert render_annex(draw.content, variant(draw, "column_order")) != render_annex(draw.content, draw)


def test_ci_sample_covers_every_producer_rule_style_and_section_style() -> None:
    manifest = json.loads((CI / "manifest.json").read_text(encoding="utf-8"))
    draws = [e["draw"] for e in manifest["draws"] if "error" not in e]
    assert len(draws) >= 40
    assert {d["producer"] for d in draws} == set(PRODUCERS)
    assert {d["rules"] for d in draws} == set(RULES)
    assert {d["section_marker"] for d in draws} == set(SECTION_MARKERS)
    assert {d["ref_prefixed"] for d in draws} == {True, False}
    scans = [d for d in draws if d["scan"]]
    assert len(scans) >= 4 and all(d["scan"]["pages"] <= 3 for d in scans)
    for entry in manifest["draws"]:
        if "error" in entry:
            continue
        expected = json.loads((CI / f"{entry['name']}.gold.json").read_text(encoding="utf-8"))
        assert (CI / f"{entry['name']}.pdf").exists()
        assert len({(r["section"], r["ref"]) for r in expected["rows"]}) == len(expected["rows"])


def test_the_render_check_notices_text_that_is_not_on_the_page() -> None:
    draw = draw_annex("t-verify", only_producer="canvas", scan_share=0)
    rows = gold(draw)["rows"]
    lost = dict(rows[0], ref=999, issue="Zebrafish quartermaster xylophone juxtaposition quixotic")
    assert missing_rows(render_annex(draw.content, draw), [*rows, lost]) == [
        f"{lost['section']} 999: 0/5 words on the page"]


def test_the_continuation_note_wording_is_drawn_from_real_wordings_the_vocabulary_reads() -> None:
    """The note latex's endfoot prints under a page's last row varies as real annexes' do, each wording one that
    ``vocabulary.CONTINUATION_NOTE`` knows; it is drawn from a stream of its own (the other choices stay)."""
    from hmic_extract.vocabulary import CONTINUATION_NOTE
    from tests.layouts.annex import words
    from tests.layouts.annex.producers.latex import table_tex

    assert all(CONTINUATION_NOTE.match(note) for note in words.CONTINUATION_NOTES)
    drawn = {draw_annex(f"t-note-{n}", scan_share=0).continuation_note for n in range(60)}
    assert len(drawn) >= 4 and drawn <= set(words.CONTINUATION_NOTES)
    old = draw_annex("t-note-1", scan_share=0).as_dict()
    del old["continuation_note"]  # a gold file written before the choice existed still loads, with the one wording
    assert Draw.from_dict(old).continuation_note == words.CONTINUATION_NOTES[0]
    from tests.layouts.annex.layout import build

    seed = next(f"t-note-{n}" for n in range(60)
                if draw_annex(f"t-note-{n}", scan_share=0, only_producer="latex").continuation_note != "continued on "
                "next page")
    draw = draw_annex(seed, scan_share=0, only_producer="latex")
    draw.variant = "endhead+endfoot"
    doc = build(draw)
    tex = "".join(table_tex(doc, part) for part in doc.tables)
    assert draw.continuation_note.replace("…", "") in tex and "continued on next page" not in tex
