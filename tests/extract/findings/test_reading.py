"""Reading a report's prose: what is a finding and what only talks about findings, through the whole pipeline.

Each report is written here from parts whose rows are known (gold from the content): counts of findings in
prose, an earlier inspection's finding quoted, lead-ins over fragment bullets, a recommendation whose bullets
complete it. Every test also states the rows that must be there, so a tool that reads nothing fails too.
"""

from __future__ import annotations

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.pipeline import extract_file

from .reportpdf import HEADING, Box, Para, Report, build, filler

AFI = "The force should make sure that it records equality data for victims."
CAUSE = "The force isn’t answering emergency and non-emergency calls quickly enough."
FRAGMENTS = ["make sure that it has enough call handlers on duty to answer calls within national standards",
             "make sure that call handlers use a structured triage process to identify vulnerable victims"]


def sections(pdf) -> dict[tuple[str, int], str]:
    return {(f.section, f.ref): f.issue for f in extract_file(pdf).findings}


def test_counts_and_quoted_earlier_findings_in_prose_are_not_findings(tmp_path):
    body = [Para("Summary", style=HEADING),
            Para("We have identified two areas for improvement and one cause of concern in this report."),
            Para("In our 2019 inspection we said that the force should improve how it supervises investigations. "
                 "It has done so."),
            Para("Our last report made 12 recommendations, of which the force has completed nine."),
            *filler(1), Para("<b>Area for improvement 1</b>"), Para(AFI), *filler(1),
            Box([Para("<b>Cause of concern</b>"), Para(CAUSE), Para("<b>Recommendation</b>"),
                 Para("To address this cause of concern, we recommend that, within three months, the force:"),
                 Para(FRAGMENTS[0] + "; and", bullet="•"), Para(FRAGMENTS[1] + ".", bullet="•")]), *filler(1)]
    pdf, _ = build(Report(body), tmp_path / "r.pdf")
    assert sections(pdf) == {(AREAS_FOR_IMPROVEMENT, 1): AFI, (CAUSES_OF_CONCERN, 1): CAUSE,
                             (RECOMMENDATIONS, 1): FRAGMENTS[0], (RECOMMENDATIONS, 2): FRAGMENTS[1] + "."}


def test_a_lead_in_is_not_a_finding_whether_numbered_or_not(tmp_path):
    for bullet in ("•", "1.", "(a)"):
        body = [*filler(1), Para("<b>Recommendations</b>"), Para("Within six months, the force should:"),
                *(Para(f + ";", bullet=bullet) for f in FRAGMENTS), *filler(1)]
        pdf, _ = build(Report(body), tmp_path / "l.pdf")
        assert sections(pdf) == {(RECOMMENDATIONS, 1): FRAGMENTS[0], (RECOMMENDATIONS, 2): FRAGMENTS[1]}, bullet


def test_bullets_that_complete_one_recommendation_stay_with_it(tmp_path):
    rec = "Within six months the force should put in place arrangements to ensure that:"
    bullets = ["crimes are recorded within 24 hours of the report;", "victims are told of the outcome; and",
               "crime registrars review a sample of incidents each month."]
    body = [*filler(1), Para("<b>Recommendations</b>"), Para(rec), *(Para(b, bullet="–") for b in bullets),
            *filler(1)]
    pdf, _ = build(Report(body), tmp_path / "c.pdf")
    found = sections(pdf)
    assert list(found) == [(RECOMMENDATIONS, 1)]
    text = found[(RECOMMENDATIONS, 1)]
    assert text.startswith(rec) and all(b.removesuffix("; and").rstrip(";.") in text for b in bullets)
