"""``hmic-extract merge`` accepts the template the tool writes for every born-digital and text-layer sample (the
randomised draws of the CI sample, scans included, in ``tests/test_ci_annex_sample.py``): row ids are unique
whatever the refs."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from hmic_extract.export.xlsx import write_xlsx
from hmic_extract.pipeline import extract_file
from tests.tracker.workbooks import SAMPLES, SHEET, columns, returned_copy, run

# Image-only scans are OCR-ed for a minute or more each on two cores: templates from OCR-ed pages are covered by the
# CI sample's scanned draws (tests/test_ci_annex_sample.py), the samples' own scans by tests/extract.
NAMES = sorted(p.stem for p in SAMPLES.glob("*.pdf") if not p.stem.endswith("-scanned"))


@pytest.mark.parametrize("name", NAMES)
def test_merge_accepts_the_template_written_for_every_sample(tmp_path, name):
    template = write_xlsx(extract_file(SAMPLES / f"{name}.pdf"), tmp_path / f"{name}.xlsx")
    ws = load_workbook(template)[SHEET]
    ids = [ws.cell(r, columns(ws)["Row ID"]).value for r in range(5, ws.max_row + 1)]
    ids = [i for i in ids if i]
    assert len(ids) == len(set(ids))
    copy = returned_copy(template, tmp_path / "back" / "owner.xlsx", {(ids[0][-6:], "Owner"): "DI Shah"})
    merged = run("merge", template, copy, "-o", tmp_path / "tracker.xlsx")
    assert merged.exit_code == 0, merged.output
    assert "appears twice" not in merged.output
