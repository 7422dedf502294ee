"""The Python API: read_pdf gives a DataFrame with the template's columns and a row per finding."""

from __future__ import annotations

from hmic_extract import read_pdf
from tests.conftest import SAMPLES, load_expected


def test_read_pdf_returns_one_row_per_finding_with_the_template_columns():
    df = read_pdf(str(SAMPLES / "westshire-2019-appendix.pdf"))
    expected = load_expected("westshire-2019-appendix")["rows"]
    assert len(df) == len(expected)
    assert {"Section", "Report Ref", "Page Ref", "Issue of Concern", "Theme", "Row ID", "Review flags"} <= set(df)
    first = df.iloc[0]
    assert (first["Section"], first["Report Ref"]) == (expected[0]["section"], expected[0]["ref"])
    assert df["Row ID"].is_unique
    assert df.groupby("Section").size().to_dict() == {s: sum(r["section"] == s for r in expected)
                                                      for s in {r["section"] for r in expected}}
