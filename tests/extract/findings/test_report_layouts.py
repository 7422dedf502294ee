"""Inspection-report layouts that once failed, each as a minimal reportlab PDF read through the whole pipeline.

Expected rows are written here from the content, never from the tool's output.
"""

from __future__ import annotations

import pytest

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.pipeline import extract_file

from .reportpdf import HEADING, PAGE_BREAK, SUB, SUBHEADING, Box, Gap, Para, Report, build, build_crossing, filler

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


THEMATIC_RECS = [
    "By 31 March 2024, chief constables should make sure that their forces analyse the information they receive.",
    "By 30 June 2024, the Home Office, working with the NPCC, should make sure that there is a national victim care "
    "service for fraud that includes:",
    "By 31 December 2024, the College of Policing should publish guidance for investigators.",
]
SUB_BULLETS = ["a minimum standard for the time taken to contact vulnerable victims;",
               "an assessment of each victim’s needs; and", "referral to specialist support where it is needed."]


def test_a_numbered_recommendation_ending_in_a_colon_keeps_its_bullets_and_its_siblings_stay_apart(tmp_path):
    body = [*filler(1), Para("<b>Recommendations</b>"), Para(THEMATIC_RECS[0], bullet="(1)"),
            Para(THEMATIC_RECS[1], bullet="(2)"), *(Para(b, bullet="•", style=SUB) for b in SUB_BULLETS),
            Para(THEMATIC_RECS[2], bullet="(3)"), *filler(1)]
    pdf, _ = build(Report(body, cover=["Nobody’s priority", "A national thematic inspection"]), tmp_path / "t.pdf")
    doc = extract_file(pdf)
    found = rows(doc)
    assert [found[(RECOMMENDATIONS, n)].issue for n in (1, 2, 3)] == [
        THEMATIC_RECS[0], THEMATIC_RECS[1] + " " + " ".join(SUB_BULLETS), THEMATIC_RECS[2]]
    assert [found[(RECOMMENDATIONS, n)].addressee for n in (1, 2, 3)] == [
        "chief constables", "the Home Office", "the College of Policing"]
    assert len(found) == 3


def test_a_summary_of_full_sentences_repeating_lead_in_fragments_counts_once_at_the_chapter(tmp_path):
    summary = ["Within three months, the force should make sure that investigations are allocated to skilled staff.",
               "Within six months, the force should develop a plan to increase the number of detectives."]
    body = [Para("Summary of findings", style=HEADING), Para("<b>Recommendations</b>"),
            *(Para(s, bullet="–") for s in summary), PAGE_BREAK,
            Para("Investigating crime", style=HEADING), *filler(1), Box([
                Para("<b>Cause of concern</b>"),
                Para("The force doesn’t carry out effective investigations for victims."),
                Para("<b>Recommendations</b>"), Para("Within three months, the force should:"),
                Para("make sure that investigations are allocated to skilled staff.", bullet="(1)"),
                Para("Within six months, the force should:"),
                Para("develop a plan to increase the number of detectives.", bullet="(2)")]), *filler(1)]
    pdf, _ = build(Report(body, footer=lambda n: f"Westshire Police – PEEL 2023–25 {n}"), tmp_path / "s.pdf")
    found = rows(extract_file(pdf))
    recs = [found[(RECOMMENDATIONS, n)] for n in (1, 2)]
    assert [r.issue for r in recs] == ["make sure that investigations are allocated to skilled staff.",
                                       "develop a plan to increase the number of detectives."]
    assert [r.page_ref for r in recs] == ["Page 2", "Page 2"]
    assert [r.provenance.detail["summary_page"] for r in recs] == ["Page 1", "Page 1"]
    assert [r.provenance.detail["timescale"] for r in recs] == ["Within three months", "Within six months"]
    assert [r.cause for r in recs] == ["Cause of concern 1", "Cause of concern 1"]
    assert len(found) == 3


def test_a_recommendations_list_with_an_introduction_and_timescale_headings(tmp_path):
    body = [Para("Recommendations", style=HEADING),
            Para("We make the following recommendations. We will review progress against them in 2023."),
            *filler(1),
            Para("<b>Immediately</b>"), Para("We recommend that, with immediate effect, the force:"),
            Para("make sure that every child who goes missing is assessed for the risk of exploitation", bullet="i."),
            Para("<b>Within three months</b>"), Para("We recommend that, within three months, the force:"),
            Para("review the capacity of the missing persons unit", bullet="ii."),
            Para("Initial contact", style=HEADING), *filler(1)]
    pdf, _ = build(Report(body, cover=["National child protection inspection", "An inspection of Westshire Police"]),
                   tmp_path / "cp.pdf")
    found = rows(extract_file(pdf))
    assert [found[(RECOMMENDATIONS, n)].issue for n in (1, 2)] == [
        "make sure that every child who goes missing is assessed for the risk of exploitation",
        "review the capacity of the missing persons unit"]
    assert [found[(RECOMMENDATIONS, n)].provenance.detail["printed_number"] for n in (1, 2)] == ["i", "ii"]
    assert found[(RECOMMENDATIONS, 1)].addressee == "Westshire Police"
    assert len(found) == 2


def test_crime_data_integrity_recommendations_one_with_its_dash_bullets(tmp_path):
    lead = "Within six months the force should put in place arrangements to ensure that:"
    bullets = ["its crime recording policy is understood by all officers and staff;",
               "reports of crime are recorded within 24 hours; and",
               "the results of audits are used to improve crime recording practice."]
    body = [*filler(1), Para("<b>Cause of concern 1:</b> The force is failing to record a significant proportion "
                             "of crimes reported to it."),
            Para("<b>Recommendation</b>"),
            Para("Within three months, the force should take steps to address gaps in its officers’ understanding."),
            Para(lead), *(Para(f"– {b}") for b in bullets),
            Para("Within six months, the force should establish a training programme for its control room."),
            Para("In 2014 we recommended that the force should immediately establish an action plan."),
            Para("Glossary", style=HEADING),
            Para("Cause of concern : a serious shortcoming that needs immediate action; each has recommendations"),
            Para("Recommendation : a specific action that HMICFRS believes should be taken")]
    pdf, _ = build(Report(body, cover=["Westshire Police crime data integrity inspection 2017",
                                       "Her Majesty's Inspectorate of Constabulary"]), tmp_path / "cdi.pdf")
    doc = extract_file(pdf)
    found = rows(doc)
    assert found[(CAUSES_OF_CONCERN, 1)].issue.startswith("The force is failing to record")
    assert found[(RECOMMENDATIONS, 2)].issue == lead + " " + " ".join(bullets)
    assert found[(RECOMMENDATIONS, 3)].issue.startswith("Within six months, the force should establish")
    assert {found[(RECOMMENDATIONS, n)].addressee for n in (1, 2, 3)} == {"Westshire Police"}
    assert doc.metadata["force"] == "Westshire Police"
    assert len(found) == 4


def test_custody_causes_with_their_recommendations_as_numbered_paragraphs_and_a_summary_at_the_back(tmp_path):
    cause = "Detainees’ privacy was not protected during booking in, and some may not have disclosed risks."
    recs = ["The force should make sure that detainees can be booked in privately.",
            "Detainees should be offered a shower when they are held for longer than 24 hours."]
    body = [Para("Section 4. In the custody suite", style=HEADING),
            Para("Custody staff were polite and respectful, but the booking-in areas offered little privacy.",
                 bullet="4.1"),
            Para("<b>Cause of concern and recommendations</b>"), Para(f"4.2 {cause}"),
            Para(recs[0], bullet="4.3"), Para(recs[1], bullet="4.4"),
            Para("We found that officers and staff were committed to a good service, despite high workloads.",
                 bullet="4.5"),
            Para("Progress against the recommendations made in the 2013 report", style=SUBHEADING),
            Para("Section 6. Summary of causes of concern and recommendations", style=HEADING),
            Para(f"<b>Cause of concern:</b> {cause} (4.2)", bullet="6.1"),
            Para(f"<b>Recommendation:</b> {recs[0]} (4.3)", bullet="6.2"),
            Para(f"<b>Recommendation:</b> {recs[1]} (4.4)", bullet="6.3")]
    pdf, _ = build(Report(body, cover=["Report on an unannounced inspection visit to police custody suites in "
                                       "Westshire Police"]), tmp_path / "custody.pdf")
    found = rows(extract_file(pdf))
    assert found[(CAUSES_OF_CONCERN, 1)].issue == cause
    assert found[(CAUSES_OF_CONCERN, 1)].provenance.detail["printed_number"] == "4.2"
    assert [found[(RECOMMENDATIONS, n)].issue for n in (1, 2)] == recs
    assert [found[(RECOMMENDATIONS, n)].provenance.detail["printed_number"] for n in (1, 2)] == ["4.3", "4.4"]
    assert [found[(RECOMMENDATIONS, n)].addressee for n in (1, 2)] == ["Westshire Police"] * 2
    assert all(f.page_ref == "Page 1" for f in found.values()) and len(found) == 3


def test_a_numbered_paragraph_leading_in_to_fragment_bullets(tmp_path):
    body = [Para("Section 2. Leadership", style=HEADING), Para("<b>Cause of concern and recommendation</b>"),
            Para("The force did not have effective arrangements to monitor the use of force in custody.",
                 bullet="2.3"),
            Para("The force should:", bullet="2.4"),
            Para("collect and analyse data on the use of force in custody; and", bullet="–", style=SUB),
            Para("review incidents so that it can show that force is used only when necessary.", bullet="–",
                 style=SUB), *filler(1)]
    pdf, _ = build(Report(body, cover=["Report on police custody suites in Westshire Police"]), tmp_path / "c.pdf")
    found = rows(extract_file(pdf))
    assert [found[(RECOMMENDATIONS, n)].issue for n in (1, 2)] == [
        "collect and analyse data on the use of force in custody",
        "review incidents so that it can show that force is used only when necessary."]
    assert found[(RECOMMENDATIONS, 1)].provenance.detail["lead_in"] == "The force should:"
    assert len(found) == 3


def test_a_recommending_lead_in_after_a_causes_explanation_opens_its_recommendations(tmp_path):
    body = [*filler(1), Para("<b>Cause of concern:</b> The force is not responding to incidents involving vulnerable "
                             "people in a timely or effective manner."),
            Para("This is because the force does not have enough officers available at peak times."),
            Para("HMICFRS recommends that the force should immediately:"),
            Para("review its response to incidents involving vulnerable people; and", bullet="•"),
            Para("ensure that the risk to victims is reassessed whenever attendance is delayed.", bullet="•"),
            *filler(1)]
    pdf, _ = build(Report(body), tmp_path / "peel-2018.pdf")
    found = rows(extract_file(pdf))
    assert [found[(RECOMMENDATIONS, n)].issue for n in (1, 2)] == [
        "review its response to incidents involving vulnerable people",
        "ensure that the risk to victims is reassessed whenever attendance is delayed."]
    assert {found[(RECOMMENDATIONS, n)].cause for n in (1, 2)} == {"Cause of concern 1"}
    assert {found[(RECOMMENDATIONS, n)].provenance.detail["timescale"] for n in (1, 2)} == {"immediately"}
    assert len(found) == 3


def test_a_full_recommendation_among_lead_in_fragments_keeps_its_own_bullets(tmp_path):
    own = "Within six months the force should put in place arrangements to ensure that:"
    body = [*filler(1), Para("<b>Our recommendations</b>"), Para("Within three months, the force should:"),
            Para("take steps to address gaps in its officers’ understanding of the counting rules.", bullet="(1)"),
            Para(own, bullet="(2)"),
            Para("its crime recording policy is understood by all officers and staff;", bullet="–", style=SUB),
            Para("the results of audits are used to improve crime recording practice.", bullet="–", style=SUB),
            *filler(1)]
    pdf, _ = build(Report(body), tmp_path / "cdi.pdf")
    found = rows(extract_file(pdf))
    assert found[(RECOMMENDATIONS, 1)].issue == "take steps to address gaps in its officers’ understanding of the " \
                                                "counting rules."
    assert found[(RECOMMENDATIONS, 2)].issue == own + " its crime recording policy is understood by all officers " \
        "and staff; the results of audits are used to improve crime recording practice."
    assert len(found) == 2


def test_a_footnote_mark_and_a_footnote_do_not_cut_a_recommendation_over_a_page_break(tmp_path):
    rec = ("By 31 March 2024, the Home Office should consider whether legislation is needed to put the vetting of "
           "contractors and volunteers on a statutory footing, and whether the Vetting Code of Practice<super>1"
           "</super> should apply to all forces that employ them.")

    def report(gap: float) -> Report:
        return Report([*filler(1), Gap(gap), Para(f"<b>Recommendation 1:</b> {rec}", key="rec"), *filler(1)],
                      cover=["Vetting contractors", "A national thematic inspection"],
                      footnotes={1: "1 See the College of Policing’s Authorised Professional Practice, updated 2020."})

    pdf, _ = build_crossing(report, "rec", tmp_path / "vetting.pdf")
    found = rows(extract_file(pdf))
    assert found[(RECOMMENDATIONS, 1)].issue == rec.replace("<super>1</super>", "")
    assert found[(RECOMMENDATIONS, 1)].page_ref == "Pages 1-2"


def test_a_lead_in_after_a_causes_explanation_opens_its_recommendations_without_a_title(tmp_path):
    body = [*filler(1), Para("<b>Cause of Concern</b>"),
            Para("The force isn’t answering emergency and non-emergency calls quickly enough."),
            Para("In the 12 months to 31 December 2021, the force answered 79 percent of 999 calls within 10 "
                 "seconds, against a national standard of 90 percent."),
            Para("Within three months, Westshire Police should:"),
            Para("make sure it has enough call handlers at peak times to answer emergency calls.", bullet="1."),
            Para("introduce a process to call back people who abandon non-emergency calls.", bullet="2."),
            *filler(1)]
    pdf, _ = build(Report(body), tmp_path / "peel-2021.pdf")
    found = rows(extract_file(pdf))
    assert [found[(RECOMMENDATIONS, n)].issue for n in (1, 2)] == [
        "make sure it has enough call handlers at peak times to answer emergency calls.",
        "introduce a process to call back people who abandon non-emergency calls."]
    assert {found[(RECOMMENDATIONS, n)].cause for n in (1, 2)} == {"Cause of concern 1"}
    assert len(found) == 3
