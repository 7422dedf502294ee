"""The real noisy Annex 1 (Nottinghamshire 2016, one row per text line, OCR-garbled) comes back clean."""

from __future__ import annotations

import pytest

from hmic_extract.export.xlsx import write_xlsx
from hmic_extract.extract.pipetext import pipe_text_to_raw
from hmic_extract.normalise import normalise
from tests.scoring import score


@pytest.fixture(scope="module")
def seed_doc(request):
    from tests.conftest import DATA

    raw = pipe_text_to_raw((DATA / "notts-2016-seed.txt").read_text(encoding="utf-8"), "notts-2016-seed.txt")
    return normalise(raw)


def test_seed_annex_scores_at_least_095_against_the_gold(seed_doc, tmp_path, data_dir):
    out = write_xlsx(seed_doc, tmp_path / "seed.xlsx")
    result = score(out, data_dir / "notts-2016-annex1.gold.json")
    assert result["row_accuracy"] >= 0.95, result["problems"]
    assert result["output_rows"] == result["gold_rows"] == 78


def test_every_wrong_seed_row_is_flagged_for_review(seed_doc, tmp_path, data_dir):
    out = write_xlsx(seed_doc, tmp_path / "seed.xlsx")
    result = score(out, data_dir / "notts-2016-annex1.gold.json")
    flagged = {(f.section.lower(), f.ref) for f in seed_doc.findings if f.needs_review}
    for problem in result["problems"]:
        key = problem.split(": ")[0].removeprefix("wrong ").removeprefix("missing ")
        assert any(str(k) == key.replace('"', "'") for k in flagged), problem


def test_seed_sections_and_counts(seed_doc):
    assert seed_doc.rows_per_section() == {"Issues of concern": 65, "Areas for improvement": 10,
                                           "Causes of concern": 1, "Recommendations": 2}


def test_seed_footnotes_go_to_notes_and_markers_stay_in_the_text(seed_doc):
    assert len(seed_doc.notes) == 4
    assert seed_doc.notes[0].startswith("¹ The term safeguarding")
    row27 = next(f for f in seed_doc.findings if f.section == "Issues of concern" and f.ref == 27)
    assert "safeguarding ¹" in row27.issue or "safeguarding¹" in row27.issue
    assert not any("The term safeguarding is applied" in f.issue for f in seed_doc.findings)


def test_seed_ocr_duplicate_page_refs_are_dropped_and_recorded(seed_doc):
    rows = {(f.section, f.ref): f for f in seed_doc.findings}
    row26 = rows[("Issues of concern", 26)]
    assert row26.page_ref == "Page 23"
    assert any(r.before == "Dama 22" for r in row26.provenance.repairs)
    row24 = rows[("Issues of concern", 24)]
    assert row24.page_ref == "Page 21/22"
    row54 = rows[("Issues of concern", 54)]
    assert row54.page_ref == "Page 45/46" and any(r.before == "10/10" for r in row54.provenance.repairs)
    row30 = rows[("Issues of concern", 30)]
    assert any(r.rule == "ocr-duplicate-ref" and r.before == "50" for r in row30.provenance.repairs)


def test_seed_row_continued_after_footnotes_keeps_its_continuation(seed_doc):
    rows = {(f.section, f.ref): f for f in seed_doc.findings}
    assert rows[("Issues of concern", 41)].issue.endswith("a considerable time after the incident.")
    assert rows[("Issues of concern", 42)].issue.startswith("The appointments which involve")
    assert "asternal" not in rows[("Issues of concern", 32)].issue


def test_seed_glued_lines_are_split_between_their_rows(seed_doc):
    rows = {(f.section, f.ref): f for f in seed_doc.findings}
    assert rows[("Issues of concern", 26)].issue.endswith("per 1,000 population.")
    assert rows[("Issues of concern", 27)].issue.startswith("Victims are offered")
    assert rows[("Issues of concern", 29)].issue.endswith("manage risk better")
    assert rows[("Issues of concern", 30)].issue.startswith("The force has worked")

