"""Where each row was read (Provenance.regions): filled by every path, merged per page and column, kept in JSON."""

from __future__ import annotations

import json

import pytest

from hmic_extract import extract_file
from hmic_extract.export.json_out import document_from_json, json_text
from hmic_extract.regions import band, merge_regions


def test_lines_of_one_block_become_one_region_per_page() -> None:
    lines = [(3, 72.0, 100.0, 500.0, 112.0), (3, 72.0, 113.0, 480.0, 125.0), (4, 72.0, 60.0, 300.0, 72.0)]
    assert merge_regions(lines) == [(3, 72.0, 100.0, 500.0, 125.0), (4, 72.0, 60.0, 300.0, 72.0)]


def test_two_columns_on_one_page_stay_two_regions() -> None:
    left, right = (0, 50.0, 600.0, 280.0, 700.0), (0, 310.0, 80.0, 540.0, 120.0)
    assert merge_regions([left, right]) == [left, right]


def test_a_band_without_width_spans_the_page_and_unknown_geometry_gives_none() -> None:
    assert band(2, 10.0, 30.0) == (2, 0.0, 10.0, 0.0, 30.0)
    assert band(2, None, 30.0) is None
    assert merge_regions([band(1, 10.0, 20.0), band(1, 20.0, 40.0), None]) == [(1, 0.0, 10.0, 0.0, 40.0)]


@pytest.mark.parametrize("name", ["westshire-2019-appendix", "notts-2016-annex", "eastshire-2018-unruled",
                                  "eastmoor-2016-report"])
def test_every_row_of_a_sample_has_regions_on_its_own_pages(samples_dir, name: str) -> None:
    doc = extract_file(str(samples_dir / f"{name}.pdf"))
    for f in doc.findings:
        regions = f.provenance.regions
        assert regions, f"{f.section} {f.ref_text} has no region"
        assert {r[0] for r in regions} <= set(f.provenance.pdf_pages)
        assert all(r[4] > r[2] for r in regions)


def test_a_row_broken_by_a_page_break_has_a_region_on_each_page(samples_dir) -> None:
    doc = extract_file(str(samples_dir / "westshire-2019-appendix.pdf"))
    broken = next(f for f in doc.findings if len(f.provenance.pdf_pages) == 2)
    assert [r[0] for r in broken.provenance.regions] == broken.provenance.pdf_pages


def test_regions_survive_the_json_round_trip(samples_dir) -> None:
    doc = extract_file(str(samples_dir / "eastmoor-2016-report.pdf"))
    back = document_from_json(json.loads(json_text(doc)))
    assert [f.provenance.regions for f in back.findings] == [f.provenance.regions for f in doc.findings]
