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


def test_the_pieces_of_one_row_are_read_left_to_right_whatever_their_heights():
    # OCR boxed "removed from" 1 pt lower than "unsupervised access until" on one row, and the gap between them
    # split the row in two pieces: read by height, the row came out right piece first.
    from hmic_extract.extract.findings.lines import words_to_lines
    from hmic_extract.extract.findings.reading import reading_order

    def word(text: str, x0: float, x1: float, top: float) -> dict:
        return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 13.3, "size": 10.5, "fontname": ""}

    page = [word("staff", 84.6, 110, 594.7), word("without", 116, 150, 594.7), word("vetting", 156, 190, 594.7),
            word("unsupervised", 163.1, 220.0, 608.4), word("access", 231.1, 259.2, 608.4),
            word("until", 267.8, 288.0, 608.0), word("removed", 84.6, 123.5, 609.5), word("from", 131.8, 149.4, 609.1),
            word("vetting", 86.4, 113.8, 625.0), word("is", 118.1, 124.6, 625.0)]
    text = " ".join(ln.text for ln in reading_order(words_to_lines(page, 1, [])))  # (the pieces may be one line)
    assert "removed from" in text and text.index("removed from") < text.index("unsupervised access until")


def test_a_title_set_below_a_progress_table_is_no_merged_row_of_it():
    """A table row whose cells run together counts as a row of the table around it; a section title set below the
    table, further from its last row than its rows stand from one another, is not one, even where it runs over the
    table's column boundary ("AREAS FOR IMPROVEMENT" under a two-column progress table: taken for a table row, it
    labelled nothing and its area for improvement was read from the summary a page later)."""
    from hmic_extract.extract.findings.lines import Line
    from hmic_extract.extract.findings.reading import mark_merged_table_rows

    def cell(text: str, top: float, x0: float, x1: float, peers: int = 1) -> Line:
        return Line(text=text, page=2, top=top, bottom=top + 8.5, x0=x0, x1=x1, size=8.5, bold=False, column=2,
                    peers=peers)

    lines = []
    for top in (499.5, 516.1, 526.7, 537.3, 548.0, 564.6, 575.2, 585.8, 596.5, 607.1):
        lines += [cell("Detainees should have", top, 313.0, 410.3), cell("Most detainees had", top, 436.1, 519.6)]
    merged = cell("access to a solicitor within prompt access, but", 553.0, 313.0, 518.1, peers=0)
    title = cell("AREAS FOR IMPROVEMENT", 626.2, 309.0, 444.8, peers=0)
    mark_merged_table_rows([*lines, merged, title])
    assert (merged.peers, title.peers) == (1, 0)
