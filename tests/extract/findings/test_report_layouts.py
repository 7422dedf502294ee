"""Inspection-report layouts that once failed, each as a minimal reportlab PDF read through the whole pipeline.

Expected rows are written here from the content, never from the tool's output.
"""

from __future__ import annotations

import pytest

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.pipeline import extract_file

from .reportpdf import HEADING, PAGE_BREAK, Box, Gap, Para, Report, build, build_crossing, filler

AFI_1 = "The force should make sure that it records equality data for victims."
AFI_2 = "The force should improve how it scrutinises its use of stop and search."
COC_1 = "The force isn’t answering emergency and non-emergency calls quickly enough."
COC_2 = "The force doesn’t manage the risk posed by registered sex offenders effectively."
RECS_1 = ["Make sure that it has enough call handlers on duty to answer calls within national standards.",
          "Make sure that call handlers use a structured triage process to identify vulnerable victims."]
RECS_2 = ["Make sure that it has enough trained staff to manage registered sex offenders.",
          "Make sure that risk assessments of registered sex offenders are completed on time.",
          "Make sure that it takes prompt enforcement action when offenders breach their requirements."]


def rows(doc) -> dict[tuple[str, int], object]:
    return {(f.section, f.ref): f for f in doc.findings}


def cause_box(n: int, statement: str, recs: list[str]) -> Box:
    return Box([Para(f"<b>Cause of concern {n}</b>"), Para(statement), Para("<b>Recommendations</b>"),
                Para("Within three months, the force should:"),
                *(Para(text, bullet=f"{i}.") for i, text in enumerate(recs, 1))])


def test_peel_2021_bold_label_lines_and_boxed_causes_with_recommendations_restarting_under_each(tmp_path):
    body = [Para("Providing a service to the victims of crime", style=HEADING), *filler(1),
            Para("<b>Area for improvement 1:</b>"), Para(AFI_1), *filler(1),
            Para("<b>Area for improvement 2:</b>"), Para(AFI_2), *filler(1),
            cause_box(1, COC_1, RECS_1), *filler(1),
            cause_box(2, COC_2, RECS_2), *filler(1)]
    pdf, _ = build(Report(body), tmp_path / "peel-2021.pdf")
    found = rows(extract_file(pdf))
    assert [found[(AREAS_FOR_IMPROVEMENT, n)].issue for n in (1, 2)] == [AFI_1, AFI_2]
    assert [found[(CAUSES_OF_CONCERN, n)].issue for n in (1, 2)] == [COC_1, COC_2]
    recs = [found[(RECOMMENDATIONS, n)] for n in range(1, 6)]
    assert [r.issue for r in recs] == RECS_1 + RECS_2
    assert [r.provenance.detail["printed_number"] for r in recs] == ["1", "2", "1", "2", "3"]
    assert [r.cause for r in recs] == ["Cause of concern 1"] * 2 + ["Cause of concern 2"] * 3
    assert len(found) == 9
    assert all(f.page_ref == "Page 1" for f in found.values())


def test_2016_finding_over_a_page_break_cites_both_printed_pages(tmp_path):
    crossing = ("The force should ensure that its focus on crime prevention is not undermined by the redeployment "
                "of neighbourhood officers and staff to undertake reactive duties away from their assigned "
                "neighbourhood area, and should monitor how often neighbourhood officers are taken away from "
                "their communities so that the effect of these abstractions is understood by its senior leaders.")

    def report(gap: float) -> Report:
        body = [*filler(2), Gap(gap), Para("<b>Areas for improvement</b>"),
                Para("The force should work with partner organisations to share information.", bullet="•"),
                Para(crossing, bullet="•", key="crossing"), *filler(2)]
        return Report(body, footer=lambda n: f"PEEL: Police effectiveness 2016 – Eastmoor Constabulary {n}",
                      first_number=11)

    pdf, where = build_crossing(report, "crossing", tmp_path / "peel-2016.pdf")
    assert where["crossing"] == [1, 2], "the layout must put the finding across the page break"
    found = rows(extract_file(pdf))
    assert found[(AREAS_FOR_IMPROVEMENT, 2)].issue == crossing
    assert found[(AREAS_FOR_IMPROVEMENT, 2)].page_ref == "Pages 11-12"
    assert found[(AREAS_FOR_IMPROVEMENT, 1)].page_ref == "Page 11"


@pytest.mark.parametrize("footer", [
    lambda n: f"PEEL 2023–25 {n}",
    lambda n: f"Nobody’s priority: a spotlight report on the police response to fraud {n}",
    lambda n: f"{n} | PEEL 2021/22",
    lambda n: f"Page {n} of 24",
    lambda n: f"Westshire Police – PEEL 2023–25   {n}",
], ids=["cycle", "report-title", "number-first", "page-of", "force-and-cycle"])
def test_printed_page_comes_from_a_footer_whatever_else_it_holds(tmp_path, footer):
    body = [*filler(2), Para("<b>Areas for improvement</b>"), Para(AFI_1, bullet="•"), PAGE_BREAK,
            *filler(2), Para("<b>Area for improvement 2</b>"), Para(AFI_2), *filler(1)]
    pdf, _ = build(Report(body, footer=footer, first_number=5), tmp_path / "footer.pdf")
    found = rows(extract_file(pdf))
    assert (found[(AREAS_FOR_IMPROVEMENT, 1)].page_ref, found[(AREAS_FOR_IMPROVEMENT, 2)].page_ref) == \
        ("Page 5", "Page 6")
    assert all("PEEL" not in f.issue and "Page" not in f.issue for f in found.values())
