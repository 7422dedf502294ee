"""--for: keep only the rows addressed to one body, as a police and crime commissioner's office needs."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from hmic_extract.addressed import keep_addressed_to
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS, Document, Finding
from hmic_extract.vocabulary import addressed_to, canonical_addressee
from tests.clirun import run_cli

THEMATIC = Path(__file__).resolve().parent / "layouts" / "ci" / "report" / "report-2026-0.pdf"


def row(section: str, ref: int, addressee: str = "", cause: str = "") -> Finding:
    return Finding(section=section, ref=ref, ref_text=str(ref), page_ref="Page 1", pages=[1], issue="…",
                   addressee=addressee, cause=cause)


def test_a_body_is_matched_whatever_its_case_plural_or_leading_all():
    assert addressed_to("chief constables", "Chief Constables")
    assert addressed_to("all chief constables", "chief constable")
    assert addressed_to(canonical_addressee("The NPCC lead for economic crime"), "NPCC")
    assert addressed_to(canonical_addressee("the National Police Chiefs’ Council"), "the NPCC")
    assert not addressed_to("the Home Office", "chief constables")


def test_a_force_is_addressed_by_its_own_name_and_by_every_recommendation_to_all_forces():
    for body in ("Westshire Police", "forces", "chief constables", "all forces"):
        assert addressed_to(body, "Westshire Police"), body
    assert not addressed_to("Eastshire Police", "Westshire Police")
    assert not addressed_to("the College of Policing", "Westshire Police")
    assert not addressed_to("Westshire Police", "forces"), "a body's name keeps only its own rows"


def test_a_cause_of_concern_stays_with_its_recommendations():
    doc = Document("r.pdf", "report", findings=[
        row(CAUSES_OF_CONCERN, 1), row(RECOMMENDATIONS, 1, "Westshire Police", "Cause of concern 1"),
        row(CAUSES_OF_CONCERN, 2), row(RECOMMENDATIONS, 2, "the Home Office", "Cause of concern 2"),
        row(AREAS_FOR_IMPROVEMENT, 1, "Westshire Police")], metadata={"force": "Westshire Police"})
    kept = keep_addressed_to(doc, "westshire police")
    assert [(f.section, f.ref) for f in kept.findings] == [(CAUSES_OF_CONCERN, 1), (RECOMMENDATIONS, 1),
                                                           (AREAS_FOR_IMPROVEMENT, 1)]
    assert kept.metadata["addressed_to"] == "westshire police"


def addressees(xlsx: Path) -> list[tuple[str, int, str]]:
    rows = list(load_workbook(xlsx).worksheets[0].iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r and "Addressee" in r)
    cols = {name: j for j, name in enumerate(rows[header]) if name}
    return [(r[cols["Section"]], r[cols["Report Ref"]], r[cols["Addressee"]]) for r in rows[header + 1:]
            if r[cols["Report Ref"]] is not None]


def test_for_on_the_command_line_keeps_a_thematic_report_s_rows_for_one_body(tmp_path):
    out = tmp_path / "cc.xlsx"
    result = run_cli(str(THEMATIC), "--for", "Chief Constables", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert addressees(out) == [(RECOMMENDATIONS, 1, "chief constables")], "the report's own refs are kept"
    force = tmp_path / "force.xlsx"
    assert run_cli(str(THEMATIC), "--for", "Westshire Police", "-o", str(force)).returncode == 0
    assert {a for _, _, a in addressees(force)} == {"chief constables", "forces"}
    missing = run_cli(str(THEMATIC), "--for", "the Ministry of Justice", "-o", str(tmp_path / "none.xlsx"))
    assert missing.returncode == 4 and "no rows addressed to 'the Ministry of Justice'" in missing.stderr
