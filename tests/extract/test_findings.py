"""Inspection-report findings read from the committed report samples (2016 boxed, 2021+ numbered)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from hmic_extract.extract.findings import extract_findings
from hmic_extract.extract.kind import page_texts
from hmic_extract.extract.pdf import open_pdf
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.normalise.text import clean_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REPORTS = ["eastmoor-2016-report", "westshire-2022-report"]


def expected(name: str) -> list[dict]:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))["rows"]


@cache
def findings_of(name: str) -> dict:
    """Findings of one report sample keyed by (section, ref), extracted once per test run."""
    path = SAMPLES / f"{name}.pdf"
    with open_pdf(path) as pdf:
        findings, _notes = extract_findings(pdf, page_texts(path))
    return {(f.section, f.ref): f for f in findings}


@pytest.fixture(params=REPORTS)
def report(request):
    return request.param, findings_of(request.param)


def test_every_finding_is_found_once_with_its_text_and_printed_pages(report):
    name, found = report
    rows = expected(name)
    assert len(found) == len(rows), "no extra rows: summary repeats and mere mentions are not findings"
    for row in rows:
        f = found[(row["section"], row["ref"])]
        assert clean_text(f.issue) == row["issue"]
        assert f.page_ref == row["page_ref"]


def test_finding_stated_in_the_summary_cites_the_chapter_and_keeps_the_summary_page(report):
    name, found = report
    repeated = [row for row in expected(name) if "summary_page" in row]
    assert repeated, "each sample has a summary that repeats findings"
    for row in repeated:
        assert found[(row["section"], row["ref"])].provenance.detail["summary_page"] == row["summary_page"]


def test_page_refs_are_printed_numbers_not_pdf_indexes(report):
    _name, found = report
    for f in found.values():
        assert f.provenance.method == "report-findings"
        # Cover and roman front matter come first, so printed page n sits at PDF index n + 2.
        first_printed = int(f.page_ref.split()[1].split("-")[0])
        assert f.provenance.pdf_pages[0] == first_printed + 2


def test_finding_crossing_a_page_break_has_both_pages(report):
    name, found = report
    crossing = [row for row in expected(name) if row["page_ref"].startswith("Pages")]
    assert crossing
    for row in crossing:
        f = found[(row["section"], row["ref"])]
        assert len(f.provenance.pdf_pages) == 2 and clean_text(f.issue) == row["issue"]


def test_no_bullets_labels_lead_ins_captions_or_running_headers_in_finding_text(report):
    _name, found = report
    for f in found.values():
        text = clean_text(f.issue)
        assert not text.startswith(("•", "(cid", "Area for improvement", "Cause of concern", "1.", "2."))
        for leak in ("recommend that the force", "the force should:", "Figure ", "PEEL: Police effectiveness 2016 –",
                     "PEEL 2021/22 – Westshire", "We found that", "Source: HMIC"):
            assert leak not in text, (f.section, f.ref, leak)


def test_recommendations_record_their_lead_in_and_cause_of_concern():
    findings = list(findings_of("eastmoor-2016-report").values())
    recs = [f for f in findings if f.section == RECOMMENDATIONS]
    cause = next(f for f in findings if f.section == CAUSES_OF_CONCERN)
    assert [f.ref for f in recs] == [1, 2]
    for rec in recs:
        assert rec.provenance.detail["lead_in"] == ("To address this cause of concern, we recommend that the force "
                                                    "immediately:")
        assert rec.provenance.detail["cause_of_concern"] == clean_text(cause.issue)
    assert clean_text(recs[0].issue).startswith("Improves its initial assessment")


def test_recommendation_numbers_restart_under_each_cause_but_refs_run_on():
    found = findings_of("westshire-2022-report")
    recs = [found[(RECOMMENDATIONS, n)] for n in range(1, 6)]
    assert [r.provenance.detail["printed_number"] for r in recs] == ["1", "2", "1", "2", "3"]
    causes = {r.provenance.detail["cause_of_concern"][:40] for r in recs}
    assert len(causes) == 2


def test_inline_label_is_not_part_of_the_text_and_explanation_is_left_out():
    found = findings_of("westshire-2022-report")
    f = found[(AREAS_FOR_IMPROVEMENT, 4)]
    assert f.provenance.detail["printed_number"] == "4"
    assert clean_text(f.issue).startswith("The force should make sure that investigations")
    assert clean_text(f.issue).endswith("the suspect is charged.")
