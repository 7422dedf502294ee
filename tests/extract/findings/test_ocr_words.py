"""The findings logic on words read by OCR: no bold, rough sizes, glued words, lost bullets, missed numbers."""

from __future__ import annotations

import pytest

from hmic_extract.extract.findings import lines_to_findings
from hmic_extract.extract.findings.lines import without_stray_accents, words_to_lines
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, ISSUES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.normalise.text import clean_text
from hmic_extract.vocabulary import match_title

PAGE = (595.0, 842.0)


def ocr_line(text: str, x0: float, top: float, size: float = 10.0) -> list[dict]:
    """Words as an OCR engine returns them: boxes with a height-derived size and no font."""
    out, x = [], x0
    for w in text.split():
        width = 0.5 * size * len(w)
        out.append({"text": w, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size,
                    "fontname": ""})
        x += width + 0.3 * size
    return out


def findings(*pages: list[list[dict]], force: str = "") -> dict:
    """Findings of OCR'd pages (each a list of lines' words), keyed by (section, ref)."""
    lines = {i: words_to_lines([w for line in page for w in line], i, []) for i, page in enumerate(pages)}
    found, _ = lines_to_findings(lines, dict.fromkeys(lines, PAGE), len(pages), [], "scan.pdf", force)
    return {(f.section, f.ref): f for f in found}


def prose(top: float) -> list[list[dict]]:
    return [ocr_line("We examined how the force identifies vulnerable people when they first contact it.", 62, top)]


def test_ocr_glued_titles_and_numbers_are_still_labels():
    assert match_title("CAUSEOFCONCERN 1", fuzzy=True).section == CAUSES_OF_CONCERN
    assert match_title("Recommendation1", fuzzy=True).number == "1"
    assert match_title("CAUSEOFCONCERN 1") is None  # only text read by OCR is matched this loosely
    page = [*prose(100), ocr_line("CAUSEOFCONCERN 1", 72, 140, 9.5),
            ocr_line("The force doesn't have a sufficiently robust plan to achieve the savings it needs.", 72, 160),
            ocr_line("Recommendation1", 62, 200),
            ocr_line("By 31 March 2023, chief constables should make sure that their force has a record.", 62, 218),
            ocr_line("4.6Detainees should be offered a shower when they are held for longer than 24 hours.", 64, 260)]
    page.insert(5, ocr_line("Area for improvement", 62, 242))
    found = findings([], page)
    assert clean_text(found[(CAUSES_OF_CONCERN, 1)].issue).startswith("The force doesn't have")
    assert found[(RECOMMENDATIONS, 1)].issue.startswith("By 31 March 2023, chief constables")
    afi = found[(AREAS_FOR_IMPROVEMENT, 1)]
    assert afi.issue.startswith("Detainees should") and afi.provenance.detail["printed_number"] == "4.6"


def test_fragments_whose_bullets_ocr_lost_are_each_a_recommendation():
    page = [*prose(100), ocr_line("Cause of concern", 62, 140),
            ocr_line("The force does not always respond to calls from vulnerable people in good time.", 62, 158),
            ocr_line("To address this cause of concern, we recommend that the force immediately:", 62, 190),
            ocr_line("review the way it manages demand in the control room, so that calls", 76, 214),
            ocr_line("are attended within its published response times;", 78, 230),
            ocr_line("put in place a process to reassess risk when attendance is delayed; and", 76, 254),
            ocr_line("ensure that supervisors have the information they need.", 76, 278)]
    found = findings([], page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2, 3)] == [
        "review the way it manages demand in the control room, so that calls are attended within its published "
        "response times", "put in place a process to reassess risk when attendance is delayed",
        "ensure that supervisors have the information they need."]


def test_a_title_whose_sentence_starts_after_its_colon_is_not_a_titled_theme():
    page = [*prose(100), ocr_line("Cause of Concern 1: HMIC is concerned that", 62, 140),
            ocr_line("Fennmarsh Police does not always respond to calls in good time.", 62, 156)]
    found = findings([], page)
    assert clean_text(found[(CAUSES_OF_CONCERN, 1)].issue) == ("HMIC is concerned that Fennmarsh Police does not "
                                                               "always respond to calls in good time.")


def test_a_sentence_keeps_running_when_ocr_sizes_jump():
    page = [*prose(100), ocr_line("Cause of concern 1", 62, 140),
            ocr_line("The force doesn't have a sufficiently robust plan to achieve the savings it needs to make", 62,
                     160, 11.5),
            ocr_line("in the medium term.", 62, 177, 9.0), *prose(210)]
    assert clean_text(findings([], page)[(CAUSES_OF_CONCERN, 1)].issue).endswith("to make in the medium term.")


def test_on_a_short_scan_a_year_in_the_footer_is_not_the_page_number_and_one_printed_number_is_enough():
    cover = [ocr_line("PEEL 2023-25: Police effectiveness", 62, 160, 24), ocr_line("© HMICFRS 2024", 62, 440)]
    body = [ocr_line("Page 2 of 2", 280, 27), *prose(100), ocr_line("Area for improvement 1", 62, 140),
            ocr_line("The force should make sure it records the reasons when victims withdraw.", 62, 160),
            ocr_line("© HMICFRS 2024", 62, 800, 8)]
    assert findings(cover, body)[(AREAS_FOR_IMPROVEMENT, 1)].page_ref == "Page 2"
    third = [ocr_line("3", 57, 33, 7), *prose(100), ocr_line("Area for improvement", 62, 140),
             ocr_line("The force should carry out a full assessment of its neighbourhood teams.", 62, 160)]
    assert findings(cover, [*prose(100)], third)[(AREAS_FOR_IMPROVEMENT, 1)].page_ref == "Page 3"


def test_ocr_glued_bullets_item_numbers_timescales_and_modals():
    page = [*prose(100), ocr_line("Recommendations", 62, 140),
            ocr_line("·By 31March2023, chief constablesshould make sure that their force keeps a record.", 74, 160),
            ocr_line("Withinthree months", 62, 190),
            ocr_line("We recommend that, within three months, the force:", 62, 208),
            ocr_line("(a)make sure that every child who goes missing is assessed for risk.", 64, 226)]
    found = findings([], page)
    assert [found[(RECOMMENDATIONS, n)].addressee for n in (1, 2)] == ["chief constables", "the force"]
    assert found[(RECOMMENDATIONS, 1)].issue.startswith("By 31March2023")
    assert found[(RECOMMENDATIONS, 2)].issue == "make sure that every child who goes missing is assessed for risk."
    assert found[(RECOMMENDATIONS, 2)].provenance.detail["printed_number"] == "a"


def test_a_page_number_ocr_glued_to_its_running_head_is_read_and_the_head_is_dropped():
    def page(n: int) -> list[list[dict]]:
        head = "Ashbourne Vale Police - PEEL 2023-25" if n % 2 else "Ashbourne Vale Police -PEEL 2023-25"
        return [ocr_line(f"{head}{n}", 366, 27), *prose(100), ocr_line(f"Area for improvement {n}", 62, 140),
                ocr_line(f"The force should make sure that plan {n} is costed.", 62, 160)]
    found = findings([], page(1), page(2))
    assert [found[(AREAS_FOR_IMPROVEMENT, n)].page_ref for n in (1, 2)] == ["Page 1", "Page 2"]
    assert all("PEEL" not in f.issue for f in found.values())


def test_a_wrapped_line_whose_ocr_box_reads_caption_small_still_carries_its_sentence():
    def body(top: float) -> list[list[dict]]:
        return [ocr_line("We examined how the force identifies vulnerable people when they first contact it.", 62,
                         top, 12.0)]

    page = [*body(100), *body(130), ocr_line("Cause of concern", 62, 170, 12.0),
            ocr_line("The force is not responding to incidents involving vulnerable people in a timely or", 62, 195,
                     12.0),
            ocr_line("effective manner.", 62, 212, 8.5), *body(240), *body(270),
            ocr_line("Area for improvement", 62, 310, 12.0),
            ocr_line("The force should improve the quality of its safeguarding referrals so that", 62, 335, 12.0),
            ocr_line("they contain the information needed to assess risk.", 62, 352, 8.5), *body(380)]
    found = findings(page)
    assert clean_text(found[(CAUSES_OF_CONCERN, 1)].issue).endswith("in a timely or effective manner.")
    assert clean_text(found[(AREAS_FOR_IMPROVEMENT, 1)].issue).endswith("needed to assess risk.")


def test_a_title_in_capitals_whose_ocr_boxes_are_only_cap_height_is_still_a_title():
    def body(top: float) -> list[list[dict]]:
        return [ocr_line("We examined how the force ensures that its workforce behaves ethically.", 62, top, 12.0)]

    afis = ["The force should ensure that it has enough capacity in its counter-corruption unit.",
            "The force should improve how it supports officers and staff whose wellbeing is at risk."]
    page = [*body(100), *body(130), *body(160), ocr_line("AREAS FOR IMPROVEMENT", 62, 200, 9.0),
            ocr_line("– " + afis[0], 62, 220, 12.0), ocr_line("– " + afis[1], 62, 245, 12.0), *body(280)]
    found = findings(page)
    assert [clean_text(found[(AREAS_FOR_IMPROVEMENT, n)].issue) for n in (1, 2)] == afis
    assert len(found) == 2


def test_a_footnote_at_the_page_foot_under_a_list_whose_bullets_ocr_lost_is_not_its_next_item():
    afi = ["The force should evaluate its problem-solving activity and share what works, so that teams",
           "can learn from effective practice."]
    page = [*prose(100), *prose(130), *prose(160), ocr_line("Areas for improvement", 62, 200),
            ocr_line("-", 64, 220) + ocr_line(afi[0], 76, 220), ocr_line(afi[1], 76, 234),
            ocr_line("Section 55 of the Police Act 1996 requires a response within 56 days.", 69, 743)]
    found = findings(page)
    assert clean_text(found[(AREAS_FOR_IMPROVEMENT, 1)].issue) == " ".join(afi)
    assert len(found) == 1


def test_a_footer_with_no_page_to_repeat_on_does_not_run_on_into_the_next_column():
    def left(text: str, top: float) -> list[dict]:
        return ocr_line(text, 62, top, 8.5)

    def right(text: str, top: float) -> list[dict]:
        return ocr_line(text, 310, top, 8.5)

    afi = ["AFI 4: The force should make sure its workforce plan", "reflects the skills it will need in future."]
    page = [left("The force has a good understanding of", 100 + 12 * i) for i in range(8)]
    page += [left("its demand and of the risk it faces.", 196), left("© HMICFRS 2025", 800),
             right(afi[0], 100), right(afi[1], 112)]
    page += [right("We found that the plan does not yet say how", 140 + 12 * i) for i in range(6)]
    found = findings(page)
    assert clean_text(found[(AREAS_FOR_IMPROVEMENT, 1)].issue) == afi[0].removeprefix("AFI 4: ") + " " + afi[1]
    assert found[(AREAS_FOR_IMPROVEMENT, 1)].provenance.detail["printed_number"] == "4"
    assert len(found) == 1


AFI = "The force should improve its understanding of the nature and scale of hidden harm."


def test_hollow_bullets_ocr_read_as_the_letter_o_still_mark_a_lead_ins_fragments():
    recs = ["review the way it manages demand in the control room;", "put in place a process to reassess risk;",
            "ensure that supervisors have the information they need."]
    page = [*prose(100), ocr_line("Cause of concern: The force does not always respond to vulnerable people in time.",
                                  62, 130), ocr_line("Recommendations", 62, 155),
            ocr_line("To address this cause of concern, we recommend that the force immediately:", 62, 175),
            ocr_line("o" + recs[0], 62, 195), ocr_line(recs[1], 62, 215), ocr_line("o " + recs[2], 62, 235),
            *prose(265), ocr_line("Areas for improvement", 62, 295), ocr_line("o " + AFI, 62, 315), *prose(345)]
    found = findings(page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2, 3)] == \
        [r.rstrip(";") for r in recs[:2]] + [recs[2]]
    assert clean_text(found[(AREAS_FOR_IMPROVEMENT, 1)].issue) == AFI


def test_an_item_number_ocr_glued_to_its_text_still_numbers_the_item():
    recs = ["Within three months, the force should make sure that investigations are allocated well.",
            "Within six months, the force should develop a plan to increase the number of detectives."]
    page = [*prose(100), ocr_line("Recommendations", 62, 130), ocr_line("1." + recs[0], 62, 150),
            ocr_line("2. " + recs[1], 62, 170), *prose(200)]
    found = findings(page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == recs
    assert found[(RECOMMENDATIONS, 1)].provenance.detail.get("printed_number") == "1"


@pytest.mark.parametrize("note", [ocr_line("1 Home Office Counting Rules for Recorded Crime, April 2017.", 62, 741),
                                  ocr_line("1", 62, 741) + ocr_line("The standard is to answer 90 %.", 80, 741)],
                         ids=["number-in-text", "number-set-apart"])
def test_a_footnote_ending_a_page_between_two_recommendations_does_not_end_the_list(note):
    recs = ["Within three months, the force should take steps to address gaps in its staff's understanding.",
            "Within six months, the force should establish a training programme for staff who record crimes."]
    first = [*prose(100), ocr_line("Recommendations", 62, 130), ocr_line(recs[0], 62, 150), note]
    second = [ocr_line(recs[1], 62, 80), *prose(110)]
    found = findings(first, second)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == recs


def test_an_item_wrapped_before_a_capitalised_name_keeps_its_next_line_when_ocr_sizes_jump():
    page = [*prose(100), ocr_line("Recommendations", 62, 130),
            ocr_line("(1)", 62, 150) + ocr_line("Within three months, Wexmoor Police should complete all visits.", 85,
                                                150),
            ocr_line("(2)", 62, 175) + ocr_line("Within six months, Wexmoor and Dunhallow", 85, 175, 10.5),
            ocr_line("Police should make sure that offender managers have manageable workloads.", 87, 188.6, 8.5),
            *prose(215)]
    found = findings(page)
    assert clean_text(found[(RECOMMENDATIONS, 2)].issue) == ("Within six months, Wexmoor and Dunhallow Police should "
                                                             "make sure that offender managers have manageable "
                                                             "workloads.")


def test_a_numbered_label_line_runs_on_into_the_next_line_when_their_ocr_boxes_overlap():
    """OCR boxes of two lines of one paragraph may overlap by a fraction of a point: the next line is still below."""
    rec = ("By 30 June 2023, chief constables should make sure that any contractor without current vetting is "
           "removed from unsupervised access.")
    page = [*prose(100), ocr_line("RECOMMENDATION 1: By 31 March 2023, chief constables should keep a record.", 62,
                                  140),
            ocr_line("RECOMMENDATION 2: By 30 June 2023, chief", 62, 170, 11.5),
            ocr_line("constables should make sure that any contractor without current vetting", 62, 181.2, 11.5),
            ocr_line("is removed from unsupervised access.", 62, 195.6, 11.5), *prose(230)]
    found = findings(page)
    assert clean_text(found[(RECOMMENDATIONS, 2)].issue) == rec


def test_a_bracketed_item_number_ocr_glued_to_a_capital_still_numbers_the_item():
    recs = ["By 31 March 2024, chief constables should make sure that their forces analyse fraud reports.",
            "By January 2024, forces should review whether they can contact every vulnerable victim."]
    page = [*prose(100), ocr_line("Recommendations", 62, 130), ocr_line("(1)" + recs[0], 62, 150),
            ocr_line("(2)" + recs[1], 62, 175), *prose(200)]
    found = findings(page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == recs
    assert found[(RECOMMENDATIONS, 2)].provenance.detail.get("printed_number") == "2"


def tall_ocr_line(text: str, x0: float, top: float, height: float = 15.0) -> list[dict]:
    """A line as RapidOCR boxes it: the box spans ascenders to descenders, so it is taller than the type is big."""
    return [{**w, "bottom": top + height, "size": 0.8 * height} for w in ocr_line(text, x0, top, 0.8 * height)]


def test_a_paragraph_break_on_a_scan_is_told_by_the_line_pitch_not_by_box_edges():
    """OCR box heights vary with the letters a line holds, so the white space between boxes says little; the
    distance between line middles, against the usual line pitch, tells a new paragraph."""
    cause = ["The force doesn't carry out effective investigations", "or achieve appropriate outcomes for",
             "victims in the cases we reviewed."]
    explain = ["We reviewed 110 investigations. Of these, 63 were not", "carried out in a thorough and timely way, and",
               "supervisors had not given direction in half of them.", "The force has too few trained detectives,",
               "and investigators told us their workloads were high."]
    page = [*prose(100), tall_ocr_line("Cause of concern 1", 62, 150)]
    top = 170.0
    for text, height in zip(cause, (15.5, 14.0, 15.5), strict=True):
        page.append(tall_ocr_line(text, 62, top, height))
        top += 14.5
    top += 4.5  # the space between two paragraphs
    for text, height in zip(explain, (14.0, 15.0, 13.5, 16.0, 14.5), strict=True):
        page.append(tall_ocr_line(text, 62, top + 15.0 - height, height))  # boxes differ in height, not in baseline
        top += 14.5
    found = findings(page)
    assert clean_text(found[(CAUSES_OF_CONCERN, 1)].issue) == " ".join(cause)


def test_a_numbered_label_whose_line_ends_inside_a_timescale_sentence_keeps_the_sentence():
    """"RECOMMENDATION 5: By 31 March 2024, the" / "Home Office should …": what follows the label opens a sentence
    with a timescale, so it is the finding's first words, not a theme naming the section."""
    page = [*prose(100), ocr_line("RECOMMENDATION 5: By 31 March 2024, the", 62, 140),
            ocr_line("Home Office should consider whether legislation is needed.", 62, 154), *prose(190)]
    found = findings(page)
    assert clean_text(found[(RECOMMENDATIONS, 1)].issue) == ("By 31 March 2024, the Home Office should consider "
                                                             "whether legislation is needed.")


def test_a_numbered_label_whose_line_ends_inside_a_date_keeps_the_sentence():
    """"Recommendation 4: By 31 December" / "2024, the NPCC lead …": a date cut before its year opens a sentence,
    not a theme (the finding lost its first words)."""
    page = [*prose(100), ocr_line("Recommendation 4: By 31 December", 62, 140),
            ocr_line("2024, the NPCC lead for economic crime should work with chief constables.", 62, 154),
            *prose(190)]
    found = findings(page)
    assert clean_text(found[(RECOMMENDATIONS, 1)].issue) == ("By 31 December 2024, the NPCC lead for economic crime "
                                                             "should work with chief constables.")


def test_paragraphs_set_in_under_a_title_are_the_items_whose_bullets_ocr_lost():
    """OCR drops small bullets: a list's items are then paragraphs set in from their title by the bullet's width."""
    issues = ["The neighbourhood policing model relies on officers being abstracted from other duties.",
              "Sickness absence among police staff in the control room is high and affects call handling."]
    page = [*prose(100), ocr_line("Issues of concern", 62, 140),
            ocr_line(" ".join(issues[0].split()[:7]), 76, 158), ocr_line(" ".join(issues[0].split()[7:]), 76, 172),
            ocr_line(" ".join(issues[1].split()[:8]), 76, 192), ocr_line(" ".join(issues[1].split()[8:]), 76, 206),
            *prose(240)]
    found = findings(page)
    assert [clean_text(found[(ISSUES_OF_CONCERN, n)].issue) for n in (1, 2)] == issues


def test_a_footnote_number_at_the_page_foot_is_not_the_page_number_of_a_short_scan():
    """One numbered page has no progression to tell its number: a number opening a footnote's sentence is no
    page number, the one closing the running head is."""
    cover = [ocr_line("PEEL 2023-25: Police effectiveness", 62, 160, 24), ocr_line("© HMICFRS 2025", 62, 440)]
    body = [ocr_line("Northmoor Constabulary: PEEL 2023-25: Police effectiveness and legitimacy 5", 62, 28, 8),
            *prose(100), ocr_line("Area for improvement 1", 62, 140),
            ocr_line("The force should make sure it records the reasons when victims withdraw.", 62, 160),
            ocr_line("3 Office for National Statistics, Crime in England and Wales, 2022.", 62, 770, 8),
            ocr_line("4 Home Office Counting Rules for Recorded Crime, April 2017.", 62, 782, 8)]
    assert findings(cover, body)[(AREAS_FOR_IMPROVEMENT, 1)].page_ref == "Page 5"


def test_a_covers_title_lines_do_not_set_the_line_pitch_of_a_short_scan():
    """A cover's large title lines end no sentence either; were their pitch taken for the body's, every paragraph
    break of a short scan would read as a wrapped line and a label in its own paragraph would be lost."""
    cover = [tall_ocr_line(text, 62, 160 + 34 * i, 30) for i, text in enumerate(
        ["PEEL 2023-25", "Police effectiveness, efficiency", "and legitimacy", "An inspection of", "Marchford",
         "Constabulary"])]
    paragraphs = [["Marchford Constabulary requires improvement at responding to", "the public and to the",
                   "calls it receives."],
                  ["The force answers most emergency calls quickly, but it takes too", "long to attend and it does",
                   "not always identify repeat callers."],
                  ["AFI 1: The force should make sure it attends incidents within the",
                   "timescales it has set, and that it updates callers."]]
    body, top = [tall_ocr_line("Responding to the public", 62, 80, 19), tall_ocr_line("Requires improvement", 62, 108,
                                                                                      14)], 130.0
    for paragraph in paragraphs:
        for text in paragraph:
            body.append(tall_ocr_line(text, 62, top, 14))
            top += 14
        top += 7
    found = findings(cover, body)
    assert clean_text(found[(AREAS_FOR_IMPROVEMENT, 1)].issue) == ("The force should make sure it attends incidents "
                                                                   "within the timescales it has set, and that it "
                                                                   "updates callers.")


def test_a_summary_under_a_wrapped_title_repeats_the_recommendations_and_is_counted_once():
    # "Annex A: Summary of" / "recommendations", OCR reading each line's size from its letters (neither line alone
    # reads as large as a heading), repeats the two recommendations listed above it under their own titles.
    recs = ["By 31 October 2023, the NPCC should establish a national process for contractors.",
            "By 31 March 2024, the Home Office should consider whether legislation is needed."]
    page = [*prose(80), ocr_line("Recommendations", 62, 110),
            ocr_line("(a)", 62, 128), ocr_line(recs[0], 86, 128), ocr_line("(b)", 62, 150), ocr_line(recs[1], 86, 150),
            ocr_line("Annex A: Summary of", 62, 200, 13.3), ocr_line("recommendations", 62, 219, 11.7),
            ocr_line("Recommendation 1", 62, 245), ocr_line(recs[0], 62, 262),
            ocr_line("Recommendation 2", 62, 290), ocr_line(recs[1], 62, 307)]
    found = findings([], page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == recs
    assert (RECOMMENDATIONS, 3) not in found


def test_a_stray_accent_ocr_read_into_a_lead_in_does_not_hide_it():
    # "We rècommend that, within three months, the force:": a speck read as a grave accent; the lead-in was not
    # recognised, and its two bullets were lost.
    page = [*prose(80), ocr_line("Recommendations", 62, 110),
            ocr_line("We rècommend that, within three months, the force:", 62, 130),
            ocr_line("(1)", 62, 148), ocr_line("review the capacity of the missing persons unit", 86, 148),
            ocr_line("(2)", 62, 166), ocr_line("work with its safeġuarding partners on exploitation", 86, 166)]
    plain = [without_stray_accents(line) for line in page]
    found = findings([], plain)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == [
        "review the capacity of the missing persons unit", "work with its safeguarding partners on exploitation"]
    kept = [w["text"] for w in without_stray_accents(ocr_line("force’s – ﬁnal café", 62, 200))]
    assert kept == ["force’s", "–", "ﬁnal", "cafe"]


def test_a_line_at_the_paragraphs_pitch_carries_on_its_sentence_whatever_size_ocr_reads():
    # OCR read "(d) Within three months, Northmoor" 15 pt high and the next line 11.5 pt: more apart than a
    # heading's growth, but the next line's middle sits the usual pitch below, so the sentence runs on.
    page = [*prose(60), ocr_line("Recommendations", 62, 90, 14.5),
            ocr_line("(c)", 62, 120, 12.5),
            ocr_line("Within three months, Northmoor Constabulary should", 86, 120, 12.5),
            ocr_line("review the capacity of the missing persons unit, so", 86, 136, 12.5),
            ocr_line("that return home interviews are carried out within", 86, 152, 12.5),
            ocr_line("72 hours of the child coming home from being missing.", 86, 168, 12.5),
            ocr_line("(d)", 62, 190, 15.0), ocr_line("Within three months, Northmoor", 86, 190, 15.0),
            ocr_line("Constabulary should work with its partners to", 86, 208, 11.5),
            ocr_line("agree a joint approach to children at risk of", 86, 224, 12.5),
            ocr_line("exploitation by adults who are known to them.", 86, 240, 12.5)]
    found = findings([], page)
    assert clean_text(found[(RECOMMENDATIONS, 2)].issue) == (
        "Within three months, Northmoor Constabulary should work with its partners to agree a joint approach to "
        "children at risk of exploitation by adults who are known to them.")


def test_labels_in_the_progress_box_under_an_earlier_inspections_title_are_not_findings():
    # "Recommendations from the 2021 inspection report" over a boxed progress table whose cells OCR ran
    # together: "Recommendation 2: Some progress." read as an inline label and gave a recommendation.
    page = [*prose(60), ocr_line("Recommendations from the 2021", 62, 100, 13),
            ocr_line("inspection report", 62, 118, 13),
            ocr_line("Recommendation Progress", 66, 150), ocr_line("Recommendation 2: Some progress.", 66, 170),
            ocr_line("Within three months, Officers spoke to the force should make", 66, 186),
            ocr_line("sure that officers attending incidents speak to children.", 66, 202),
            ocr_line("Area for improvement 1", 62, 260),
            ocr_line("The force should make sure that frontline officers record the behaviour of children.", 62, 278)]
    words = [w for line in page for w in line]
    lines = {0: words_to_lines(words, 0, [(60.0, 145.0, 540.0, 220.0)])}
    found, _ = lines_to_findings(lines, {0: PAGE}, 1, [], "scan.pdf")
    assert [(f.section, f.ref) for f in found] == [(AREAS_FOR_IMPROVEMENT, 1)]


def test_a_hollow_bullet_read_as_a_full_height_o_under_a_title_marks_an_item_not_a_run_on_line():
    """OCR boxes a hollow bullet as tall as the line it opens ("o The force …"): a lone "o" set apart before a capital
    is a bullet whatever its height, so the title above it does not run on into that line as a sentence would."""
    wrapped = ["The force should develop its understanding of demand that is hidden", "or not reported, so that it "
               "can plan to meet it."]
    afis = [" ".join(wrapped), "The force should ensure that its workforce plans set out the skills it needs."]
    page = [*prose(100), ocr_line("Summary of findings", 74, 388), ocr_line("Areas for improvement", 74, 412),
            ocr_line("o " + wrapped[0], 76, 426), ocr_line(wrapped[1], 89, 440), ocr_line("o " + afis[1], 76, 456)]
    found = findings(page)
    assert [clean_text(found[(AREAS_FOR_IMPROVEMENT, n)].issue) for n in (1, 2)] == afis


def test_a_hollow_bullet_read_as_an_o_glued_to_its_capital_marks_an_item():
    # "○ The force should …" read "oThe force should …" (the bullet glued to the capital): no word opens with a
    # small "o" before a capital and a small letter, yet the line was read as prose and the finding lost.
    afis = ["The force should ensure that its counter-corruption unit monitors all of its systems.",
            "The force should improve how it supports officers and staff whose wellbeing is at risk."]
    page = [*prose(100), ocr_line("Areas for improvement", 62, 130, 12), ocr_line("o" + afis[0], 76, 150),
            ocr_line("•", 64, 170) + ocr_line(afis[1], 76, 170), *prose(200)]
    found = findings(page)
    assert [clean_text(found[(AREAS_FOR_IMPROVEMENT, n)].issue) for n in (1, 2)] == afis


def test_a_dash_bullet_ocr_glued_to_its_capital_marks_an_item():
    # "– The force should …" read "-The force should …": no word opens with a dash before a capital and a small
    # letter, yet the line was read as prose that states nothing ("-The force" is no addressee) and the finding lost.
    afis = ["The force should ensure that all investigations are supervised effectively.",
            "The force should improve the way it gathers evidence at the first attendance."]
    page = [*prose(100), ocr_line("Area for Improvement", 62, 130, 12), ocr_line("-" + afis[0], 64, 150),
            ocr_line("-" + afis[1], 64, 170), *prose(200)]
    found = findings(page)
    assert [clean_text(found[(AREAS_FOR_IMPROVEMENT, n)].issue) for n in (1, 2)] == afis


def test_hollow_bullets_read_as_o_right_under_a_title_at_body_size_do_not_run_the_title_on():
    # A scan of a "○" list set at the body's leading right under "Areas for improvement": OCR read each bullet as a
    # lone "o", so the title seemed to run on into "o The force …" (lower case) and no finding was found at all.
    first, second = "The force should ensure that its counter-corruption unit monitors its systems.", \
        "The force should improve how it supports officers and staff whose wellbeing is at risk."
    page = [*prose(100), ocr_line("Areas for improvement", 62, 130, 12), ocr_line("o", 64, 143, 12),
            ocr_line(first, 76, 143, 12), ocr_line("o", 64, 163, 12), ocr_line(second, 76, 163, 12), *prose(190)]
    found = findings(page)
    assert [clean_text(found[(AREAS_FOR_IMPROVEMENT, n)].issue) for n in (1, 2)] == [first, second]


def test_a_chapter_heading_opening_the_next_page_at_a_footnotes_indent_is_no_item_of_the_list_above():
    # A list's last item, then a footnote whose number OCR set apart ("4  This figure …") at the page foot; the
    # next page opens with a chapter heading where the note's text starts. The note was taken for the list's last
    # item and the heading's lines for items whose bullets OCR lost: three false areas for improvement.
    afi = ["The force should improve the quality of its safeguarding referrals to partners.",
           "The force should make sure that it uses all available powers to protect victims."]
    note = ocr_line("4", 58, 767) + ocr_line("This figure excludes 14 cases with incomplete records.", 69, 767)
    first = [*prose(100), ocr_line("Areas for improvement", 62, 130),
             ocr_line("•", 64, 150) + ocr_line(afi[0], 76, 150), note]
    second = [ocr_line("Efficiency: How well does", 66, 67, 15.5), ocr_line("the force plan for the", 66, 87, 13.5),
              ocr_line("future?", 66, 104, 13.5), *prose(140), ocr_line("Areas for improvement", 62, 170),
              ocr_line(afi[1], 76, 190), *prose(220)]
    found = findings(first, second)
    assert [clean_text(found[(AREAS_FOR_IMPROVEMENT, n)].issue) for n in (1, 2)] == afi
    assert len(found) == 2


def test_a_wrapped_line_opening_with_a_number_set_apart_by_ocr_carries_its_sentence_on():
    # "… are recorded within" / "24  hours;": OCR set the number apart by a wide gap, so the wrapped line read as a
    # list item numbered 24; the recommendation was cut there and the next one, after the list, was lost.
    recs = ["Within six months the force should put in place arrangements to ensure that reports of crime are "
            "recorded within 24 hours; and that audits are used to improve crime recording.",
            "Within six months, the force should establish a training programme for staff who record crimes."]
    page = [*prose(100), ocr_line("Recommendations", 62, 130),
            ocr_line("(1)", 62, 150) + ocr_line("Within six months the force should put in place arrangements to", 84,
                                                150),
            ocr_line("ensure that reports of crime are recorded within", 84, 164),
            ocr_line("24", 86, 178) + ocr_line("hours;", 104, 178),
            ocr_line("and that audits are used to improve crime recording.", 84, 192),
            ocr_line("(2)", 62, 212) + ocr_line(recs[1], 84, 212), *prose(240)]
    found = findings(page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == recs


def test_hollow_bullets_ocr_glued_to_fragments_that_wrap_to_a_hanging_indent_still_mark_each_fragment():
    # "○ review …" read "oreview …", "oput …", "o ensure …", each wrapping to the list's hanging indent: every line
    # opened in lower case, so the three fragments ran on as one paragraph and no recommendation was found.
    recs = ["review the way it manages demand in the control room, so that calls from vulnerable people are "
            "attended within the published response times",
            "put in place a process to reassess risk when the attendance of an officer is delayed, and to keep "
            "callers informed of the delay",
            "ensure that supervisors have the information they need to oversee the calls waiting for a response"]
    page = [*prose(100), ocr_line("Cause of concern: The force does not always respond to vulnerable people in time.",
                                  62, 130), ocr_line("Recommendations", 62, 155),
            ocr_line("To address this cause of concern, we recommend that the force immediately:", 62, 172),
            ocr_line("oreview the way it manages demand in the control room, so that calls from", 64, 192),
            ocr_line("vulnerable people are attended within the published response times", 77, 206),
            ocr_line("oput in place a process to reassess risk when the attendance of an officer is", 65, 226),
            ocr_line("delayed, and to keep callers informed of the delay", 77, 240),
            ocr_line("o", 65, 260) + ocr_line("ensure that supervisors have the information they need to oversee the",
                                             77, 260),
            ocr_line("calls waiting for a response", 76, 274), *prose(300)]
    found = findings(page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2, 3)] == recs


def test_a_footnote_at_the_foot_of_a_two_column_page_does_not_carry_on_the_right_columns_last_item():
    # A summary's last area for improvement ends the right column; the page's footnotes below read at body size
    # on a scan. Over the column break the item ran on into "1 Code of Practice …" (a line opening with a number
    # may carry an item on), so its chapter's copy no longer matched it and was counted twice.
    def left(text: str, top: float) -> list[dict]:
        return ocr_line(text, 62, top, 8.5)

    def right(text: str, top: float) -> list[dict]:
        return ocr_line(text, 310, top, 8.5)

    afi = ["Detainees should be offered a shower and a change", "of clothing when held for longer than 24 hours."]
    page = [left("The force has a good understanding of", 100 + 12 * i) for i in range(8)]
    page += [right("We found that custody staff treated detainees", 100 + 12 * i) for i in range(6)]
    page += [right("Areas for improvement", 180), ocr_line("4.6", 310, 195, 8.5) + ocr_line(afi[0], 330, 195, 8.5),
             right(afi[1], 207), left("1 Code of Practice for Victims of Crime in England and Wales, 2020.", 760)]
    found = findings(page)
    assert clean_text(found[(AREAS_FOR_IMPROVEMENT, 1)].issue) == " ".join(afi)


def test_a_lead_ins_colon_ocr_read_as_a_semicolon_still_opens_its_fragments():
    # "… arrangements to ensure that;" over fragments set in, whose bullets OCR lost: read as a list item's ";",
    # the lead-in opened nothing and the recommendation was cut after "ensure that".
    frags = ["its crime recording policy is understood by all officers and staff;",
             "reports of crime are recorded within 24 hours; and", "the results of audits are used to improve it."]
    rec3 = "Within six months, the force should establish a training programme for staff who record crimes."
    page = [*prose(100), ocr_line("Recommendation 2: Within six months the force should put in place arrangements to "
                                  "ensure that;", 62, 130),
            ocr_line(frags[0], 90, 148), ocr_line(frags[1], 90, 166), ocr_line(frags[2], 90, 184),
            ocr_line("Recommendation 3: " + rec3, 62, 204), *prose(230)]
    found = findings(page)
    rec2 = clean_text(found[(RECOMMENDATIONS, 1)].issue)
    assert rec2.startswith("Within six months the force should put in place arrangements to ensure that:")
    assert all(f.rstrip(";.") in rec2 for f in frags)
    assert clean_text(found[(RECOMMENDATIONS, 2)].issue) == rec3


def test_a_title_wrapped_over_two_lines_whose_second_ocr_reads_small_still_heads_its_list():
    # "Overarching" / "recommendations": OCR read the first line a little under heading size and the second (few
    # ascenders) under body size; the block was read as a paragraph, and the two recommendations under it were lost.
    recs = ["By 31 March 2024, the College of Policing should publish guidance for investigators.",
            "By 31 December 2024, the NPCC lead should set out the minimum level of investigation."]
    page = [*prose(80), *prose(100), ocr_line("Overarching", 62, 130, 12.3), ocr_line("recommendations", 62, 146, 9.6),
            ocr_line("-", 62, 166), ocr_line(recs[0], 76, 166), ocr_line("-", 62, 188), ocr_line(recs[1], 76, 188),
            *prose(220)]
    found = findings([], page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2)] == recs


def test_a_scan_whose_page_numbers_cannot_be_read_refers_to_the_pdf_pages_and_says_so():
    # A centred page number printed over a long running head: OCR reads neither a number nor a label on any page,
    # and every row had an empty Page Ref. The PDF's own page is the best reference left; the row says where it
    # came from so that it is checked.
    head = ocr_line("Marchford Constabulary – National child protection inspeotion 2022", 62, 28, 9.0)
    page = [head, *prose(80), ocr_line("Recommendations", 62, 110),
            ocr_line("(a)", 62, 128), ocr_line("By 31 October 2023, the force should review how it records crime.",
                                               86, 128)]
    found = findings([head, *prose(80)], page)
    rec = found[(RECOMMENDATIONS, 1)]
    assert rec.page_ref == "Page 2"
    assert any("PDF page" in flag for flag in rec.provenance.review_flags)


def test_a_page_number_misread_out_of_step_is_read_again_and_the_second_reading_decides():
    """OCR of a whole scanned page read its small "3" at the foot as "5": one page's number out of step with the
    page before ("2") is read again from the margin alone, and that reading's "3" continues the numbering (a scan of
    three pages printing "2" and "5" would keep them: only the second reading changes anything)."""
    from types import SimpleNamespace

    from hmic_extract.extract.findings import margin_reading

    pages_words = [
        [*prose(100)],
        [*prose(100), ocr_line("2", 62, 801, 6)],
        [*prose(100), ocr_line("Area for improvement", 62, 140),
         ocr_line("Detainees should be offered a shower when they are held for longer than 24 hours.", 62, 158),
         ocr_line("5", 530, 804, 4)]]
    lines = {i: words_to_lines([w for line in page for w in line], i, []) for i, page in enumerate(pages_words)}
    asked: list[list[int]] = []

    def read_margins(pages: list[int]) -> dict[int, list[dict]]:
        asked.append(pages)
        return {i: ocr_line("3", 530, 802, 5) for i in pages if i == 2}

    sizes = dict.fromkeys(lines, PAGE)
    margins = margin_reading(lines, sizes, {}, SimpleNamespace(page_count=3), read_margins)
    assert 2 in asked[0]
    found, _ = lines_to_findings(lines, sizes, 3, [], "scan.pdf", margin_lines=margins)
    assert [f.page_ref for f in found] == ["Page 3"]


def cover_and_page(head: list[dict]) -> dict[int, list]:
    """The lines of a two-page scan: a cover with no number, then a page printing ``head`` and one finding."""
    pages_words = [
        [*prose(300)],
        [head, *prose(100), ocr_line("Area for improvement", 62, 140),
         ocr_line("Detainees should be offered a shower when they are held for longer than 24 hours.", 62, 158)]]
    return {i: words_to_lines([w for line in page for w in line], i, []) for i, page in enumerate(pages_words)}


def test_a_cover_whose_margin_reading_is_a_speck_read_as_the_same_number_keeps_the_pages_own_number():
    """A two-page scan: a cover with no number, then page "1". The cover's margin, read again because it showed no
    number, gave a scanner's dark edge read as "1" at the same place: one value at one place on every page looks like
    a constant ("of 24"), and the numbering the first reading found was lost (held-out 9477-215: every row got the
    PDF page). A second reading adds evidence; it never takes away a numbering the first one found."""
    from types import SimpleNamespace

    from hmic_extract.extract.findings import margin_reading

    lines = cover_and_page(ocr_line("1", 30, 30, 6))

    def read_margins(pages: list[int]) -> dict[int, list[dict]]:
        return {i: ocr_line("1", 31, 32, 14) for i in pages if i == 0}

    sizes = dict.fromkeys(lines, PAGE)
    margins = margin_reading(lines, sizes, {}, SimpleNamespace(page_count=2), read_margins)
    found, _ = lines_to_findings(lines, sizes, 2, [], "scan.pdf", margin_lines=margins)
    assert [f.page_ref for f in found] == ["Page 1"]


def test_a_page_number_ocr_glued_to_the_running_title_after_it_is_still_the_pages_number():
    """OCR read "1 | Spotlight report 2023" at a page's head as "1Spotlight report 2023": the number opening the line,
    glued to the title's first word, is the page number (held-out 9477-97: a cover and page 1, every row got the
    PDF page 2); a number glued to the word after it counts only in the margin, as one glued before it does."""
    lines = cover_and_page(ocr_line("1Spotlight report 2023", 420, 30, 8))
    sizes = dict.fromkeys(lines, PAGE)
    found, _ = lines_to_findings(lines, sizes, 2, [], "scan.pdf")
    assert [f.page_ref for f in found] == ["Page 1"]


def test_bullets_under_a_recommendation_ending_in_a_colon_complete_it_when_ocr_lost_the_outer_bullets():
    """OCR lost the dashes of a list of recommendations and all but the first of one item's own bullets: the item
    "… ensure that:" is completed by the fragments set in under its text (their bullet, where read, stands at the
    outer items' text indent; the others start further in), not split into recommendations of their own."""
    page = [*prose(100), ocr_line("Recommendations", 62, 140, 11),
            ocr_line("Within three months, the force should take steps to identify gaps in", 80, 160),
            ocr_line("its officers' understanding of the counting rules.", 80, 172),
            ocr_line("Within six months the force should put in place arrangements to", 80, 190),
            ocr_line("ensure that:", 80, 202),
            ocr_line("• its crime recording policy is understood by", 81, 220),
            ocr_line("all officers and staff;", 92, 232),
            ocr_line("reports of crime are recorded within 24 hours; and", 93, 250),
            ocr_line("the results of audits are used to improve", 93, 268),
            ocr_line("crime recording practice.", 92, 280)]
    found = findings([], page)
    assert sorted(found) == [(RECOMMENDATIONS, 1), (RECOMMENDATIONS, 2)]
    assert clean_text(found[(RECOMMENDATIONS, 2)].issue).endswith("used to improve crime recording practice.")


def loose_line(text: str, x0: float, top: float, gap: float, size: float = 9.0) -> list[dict]:
    """Words OCR boxed loosely: every gap ``gap`` wide, the first word's (a dash) no wider than the others'."""
    out, x = [], x0
    for w in text.split():
        width = 0.45 * size * len(w)
        out.append({"text": w, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size,
                    "fontname": ""})
        x += width + gap
    return out


def test_a_bullet_lost_between_items_whose_dash_ocr_spaced_like_a_word_is_still_an_item():
    """OCR boxed a list's words loosely, so each item's dash stands no further from its text than the words stand
    apart: the dash is cut from the text, and the item's text starts where its wrapped line does. The middle item,
    its bullet lost, starts there too: it is the next item, one more bullet of the recommendation."""
    page = [*prose(100), ocr_line("Recommendation 2", 62, 140),
            ocr_line("By 30 June 2024, the Home Office should make sure that there is a national", 62, 158),
            ocr_line("victim care service for fraud that includes:", 62, 170),
            loose_line("- a minimum standard for the time taken to", 80, 188, 7.5),
            ocr_line("contact vulnerable victims;", 94, 200),
            ocr_line("an assessment of each victim's needs; and", 93, 218),
            loose_line("- referral to specialist support where it is needed.", 80, 236, 7.5),
            ocr_line("In our 2019 report we recommended that the Home Office should act.", 62, 260)]
    found = findings([], page)
    assert list(found) == [(RECOMMENDATIONS, 1)]
    issue = clean_text(found[(RECOMMENDATIONS, 1)].issue)
    assert "an assessment of each victim's needs" in issue and issue.endswith("where it is needed.")


def test_bullets_lost_after_an_item_carried_into_the_next_column_are_its_siblings():
    """A recommendation's bullets (all lost by OCR) run from the foot of the left column to the top of the right:
    the fragments there at the carried item's indent in that column are further bullets, not prose ending the list
    (the recommendation after them was lost with them)."""
    left = [ocr_line(t, 62, 80 + 14 * k, 9) for k, t in enumerate([
        "HMIC examined the systems and processes the", "force uses to record crime, including its",
        "audit arrangements. We examined 1,290 reports", "of crime, and 780 of 917 were recorded."])]
    left += [ocr_line("Recommendations", 62, 160, 11),
             ocr_line("(1) Within three months, the force should take", 62, 180, 9),
             ocr_line("steps to identify gaps in its understanding.", 86, 194, 9),
             ocr_line("(2) Within six months the force should put in", 62, 214, 9),
             ocr_line("place arrangements to ensure that:", 86, 228, 9),
             ocr_line("its crime recording policy is understood", 93, 248, 9),
             ocr_line("by all officers and staff;", 90, 262, 9)]
    right = [ocr_line(t, 340 + dx, top, 9) for t, dx, top in [
        ("reports of crime received through its", 0, 80), ("public protection units are recorded", -1, 94),
        ("within 24 hours;", -2, 108), ("crimes reported as part of incidents are", 0, 130),
        ("recorded when the incident is closed;", -2, 144), ("the results of audits are used to", -2, 166),
        ("improve crime recording practice.", -1, 180)]]
    right += [ocr_line("(3) Within six months, the force should", 310, 200, 9),
              ocr_line("establish a training programme for staff.", 334, 214, 9)]
    found = findings([], left + right)
    assert sorted(found) == [(RECOMMENDATIONS, 1), (RECOMMENDATIONS, 2), (RECOMMENDATIONS, 3)]
    assert clean_text(found[(RECOMMENDATIONS, 2)].issue).endswith("used to improve crime recording practice.")
    assert clean_text(found[(RECOMMENDATIONS, 3)].issue).startswith("Within six months, the force should establish")


def test_a_summary_heading_wrapped_after_a_dangling_word_at_a_headings_leading_is_one_heading():
    """A back summary's title wraps after "for" onto a line set at a heading's leading, wider than the body's (and
    OCR reads the two lines a point apart in size): the title is one heading naming a summary, so the finding it
    lists again is counted once, at its chapter statement."""
    def para(number: str, texts: list[str], top: float) -> list[list[dict]]:
        return [ocr_line(f"{number} {t}" if k == 0 else t, 64 if k == 0 else 84, top + 12.3 * k, 9)
                for k, t in enumerate(texts)]

    def taller(line: list[dict], size: float) -> list[dict]:  # a heading's size, set no wider than the body
        return [{**w, "size": size, "bottom": w["top"] + size} for w in line]

    afi = ["The force and the health care provider should make sure that detainees who need to",
           "see a health care professional are seen promptly by one who can prescribe them."]
    page = [ocr_line("Section 5. In the custody cell: safeguarding and health care", 62, 69, 13),
            *para("5.1", ["Health care was provided by a private contractor. Detainees waited for an average",
                          "of one hour and a half to see a health care professional, and some of them waited",
                          "more than four hours at the two busiest suites; the contractor had too few nurses",
                          "on its night shifts to cover all of the suites, and none of them were paramedics."],
                  92),
            ocr_line("AREA FOR IMPROVEMENT", 63, 150, 8),
            *para("5.2", afi, 165),
            *para("5.3", ["Our findings in this section led to one area for improvement; all of those that we",
                          "made in 2013 about health care had been achieved."], 195),
            taller(ocr_line("Section 6. Summary of causes of concern, recommendations and areas for", 63, 226, 9),
                   12.5),
            taller(ocr_line("improvement", 59, 243.7, 9), 13.5),
            ocr_line("AREAS FOR IMPROVEMENT", 63, 267, 8),
            *para("6.1", [*afi[:1], afi[1][:-1] + " (5.2)"], 281.5)]
    boxed = [[{**w, "bottom": w["top"] + 1.3 * w["size"]} for w in line] for line in page]  # an engine's tall boxes
    found = findings([], boxed)
    assert list(found) == [(AREAS_FOR_IMPROVEMENT, 1)]


def test_a_paragraph_set_in_under_a_heading_before_an_item_whose_bullet_was_read_is_an_item_too():
    """OCR lost the first bullet under a heading and read the second: the paragraph set in from the heading as far
    as the read item's text starts is that list's first item, not the heading's only statement (the read item then
    ended the list)."""
    page = [*prose(100), ocr_line("Issue of concern", 61, 482, 11),
            ocr_line("The neighbourhood policing model", 80, 503),
            ocr_line("relies on officers being abstracted from", 78, 518),
            ocr_line("other duties, and the force could not", 78, 534), ocr_line("sustain the model.", 81, 549),
            [*ocr_line("■", 65, 574), *ocr_line("Sickness absence among police staff", 80, 574)],
            ocr_line("in the control room is high, at 14.6", 77, 590), ocr_line("days per person in 2014/15.", 81, 605)]
    found = findings([], page)
    assert sorted(found) == [(ISSUES_OF_CONCERN, 1), (ISSUES_OF_CONCERN, 2)]
    assert clean_text(found[(ISSUES_OF_CONCERN, 2)].issue).startswith("Sickness absence")


def test_a_hollow_bullet_read_as_a_capital_o_before_a_fragment_marks_the_lead_ins_one_item():
    # "○ review its public contact strategy …" read "O review …": a lone capital "O" before a word in lower case
    # opens no English sentence. Under its own lead-in, the only item there, it made no run of alike letters and
    # stayed prose: the recommendation was lost (the lead-in before, with two such items, was read).
    recs = ["make sure it has enough call handlers at peak times.",
            "introduce a process to call back people who abandon calls.",
            "review its public contact strategy so that it meets the demand from the public."]
    page = [*prose(100), ocr_line("Recommendation", 62, 130, 12),
            ocr_line("Within three months, the force should:", 62, 150),
            ocr_line("O " + recs[0], 64, 170), ocr_line("O " + recs[1], 64, 190),
            ocr_line("Within six months, the force should:", 62, 214), ocr_line("O " + recs[2], 64, 234),
            *prose(270)]
    found = findings(page)
    assert [clean_text(found[(RECOMMENDATIONS, n)].issue) for n in (1, 2, 3)] == recs
