"""The one section vocabulary: what each kind of text names, whatever its case, synonym, numbering or theme."""

import itertools

import pytest

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, ISSUES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.vocabulary import (
    map_header,
    match_label,
    match_title,
    ref_cell_number,
    section_named_by_header,
    section_of_cell,
    section_of_title,
    sections_named,
)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["Report Ref", "Page Ref", "ISSUE OF CONCERN", "ACTION TAKEN TO ADDRESS CONCERN"],
         {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}),
        (["Ref", "Page", "Recommendation / area for improvement", "Update", "Owner"],
         {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}),
        (["No.", "Page", "Area for improvement", "Progress"], {"ref": 0, "page_ref": 1, "issue": 2, "action": 3}),
        (["AFI No.", "Area for improvement", "Page No.", "Update"], {"ref": 0, "issue": 1, "page_ref": 2, "action": 3}),
        (["Rec number", "Recommendation", "Paragraph", "Force response"],
         {"ref": 0, "issue": 1, "page_ref": 2, "action": 3}),
        (["Type", "Ref", "Finding", "Page(s)", "Update", "Lead"],
         {"section": 0, "ref": 1, "issue": 2, "page_ref": 3, "action": 4}),
        (["#", "HMICFRS finding", "Lead officer", "Target date", "RAG"], {"ref": 0, "issue": 1}),
        (["Finding", "Lead officer", "Target date", "RAG"], None),  # no ref or page column
        (["#", "HMICFRS finding", "Report page", "Lead officer", "Target date", "RAG"],
         {"ref": 0, "issue": 1, "page_ref": 2}),
        (["Item", "Description", "Pg", "Responsible officer"], {"ref": 0, "issue": 1, "page_ref": 2}),
        (["Theme", "Ref", "Recommendation", "Page"], {"theme": 0, "ref": 1, "issue": 2, "page_ref": 3}),
    ],
)
def test_annex_headers_map_to_column_roles(cells, expected):
    assert map_header(cells) == expected


def test_a_grading_table_is_not_an_annex_header():
    assert map_header(["Question", "Grade"]) is None


NAMES = {
    AREAS_FOR_IMPROVEMENT: ["Areas for improvement", "Area for improvement", "AFIs", "AFI", "A.F.I.s",
                            "Areas for Improvement", "Area(s) for improvement", "Improvement areas"],
    CAUSES_OF_CONCERN: ["Causes of concern", "Cause of concern", "Cause(s) of concern", "Causes for concern",
                        "Cause for Concern", "CoC"],
    RECOMMENDATIONS: ["Recommendations", "Recommendation", "Recs", "Recommendation(s)"],
    ISSUES_OF_CONCERN: ["Issues of concern", "Issue of concern", "Other issues of concern", "Areas of concern"],
}
CASES = [str, str.upper, str.lower, str.title]
NUMBERINGS = ["", "2. ", "B) ", "Section 3: ", "Part B – ", "iv. ", "(a) "]
THEMES = [("", ""), (" – Efficiency", "Efficiency"), (": Leadership", "Leadership"),
          (" (in response to the cause of concern)", "in response to the cause of concern"),
          (" - Legitimacy", "Legitimacy"), (" — Vulnerable people", "Vulnerable people")]


@pytest.mark.parametrize(("section", "name"), [(s, n) for s, ns in NAMES.items() for n in ns])
def test_a_title_names_its_section_whatever_its_case_numbering_or_theme(section, name):
    for case, numbering, (suffix, theme) in itertools.product(CASES, NUMBERINGS, THEMES):
        text = numbering + case(name) + case(suffix) if suffix else numbering + case(name)
        m = match_title(text)
        assert m is not None and m.section == section, text
        assert m.theme.lower() == theme.lower(), text


@pytest.mark.parametrize("prose", [
    "The force has three areas for improvement",
    "We have identified five areas for improvement.",
    "In 2016 we set out a cause of concern about the force's response to vulnerable people",
    "ANNEX 1 – ASSURANCE MONITORING TEMPLATE",
    "Recommendations should be implemented within six months.",
    "This report sets out our recommendations",
    "The force should improve how it understands demand",
    # a wrapped row's line that opens with a section word: a long phrase with a clause after a comma is a sentence
    "recommendation made in our 2017 report on crime data integrity, April and audited by Professional",
])
def test_prose_that_mentions_a_section_is_no_title(prose):
    assert match_title(prose) is None


@pytest.mark.parametrize(("line", "section"), [
    ("HMICFRS recommendations", RECOMMENDATIONS),
    ("Summary of areas for improvement", AREAS_FOR_IMPROVEMENT),
    ("Issues of Concern identified by HMICFRS", ISSUES_OF_CONCERN),
    ("Recommendations (continued)", RECOMMENDATIONS),
    ("Cause of concern 2", CAUSES_OF_CONCERN),
    ("Areas for improvement (AFIs)", AREAS_FOR_IMPROVEMENT),
    ("Area for improvement / Recommendation", None),  # names two sections
    ("Areas for improvement and recommendations", None),
    ("Recommendations made to the force in response to the cause of concern", RECOMMENDATIONS),
])
def test_section_titles(line, section):
    assert section_of_title(line) == section


def test_a_theme_is_not_the_name_again_or_a_continuation_mark():
    assert match_title("Areas for improvement (AFIs)").theme == ""
    assert match_title("RECOMMENDATIONS (CONTINUED)").theme == ""


@pytest.mark.parametrize(("ocr", "section"), [
    ("Recommendatlons", RECOMMENDATIONS), ("Areas for lmprovement", AREAS_FOR_IMPROVEMENT),
    ("Cause of conoern", CAUSES_OF_CONCERN), ("lssues of concern", ISSUES_OF_CONCERN),
])
def test_ocr_garbled_titles_match_only_when_fuzzy(ocr, section):
    assert match_title(ocr) is None
    m = match_title(ocr, fuzzy=True)
    assert m is not None and m.section == section and m.score < 1.0


def test_an_abbreviated_label_ocr_glued_to_its_number_opens_a_finding_only_when_fuzzy():
    # "AFI3: The force should …" (OCR dropped the space after a three-letter abbreviation): the finding was lost
    m = match_label("AFI3: The force should ensure that it locates wanted persons.", fuzzy=True)
    assert (m.section, m.number, m.rest) == (AREAS_FOR_IMPROVEMENT, "3", "The force should ensure that it locates "
                                                                          "wanted persons.")
    assert match_label("AFI3: The force should ensure that it locates wanted persons.") is None


@pytest.mark.parametrize(("text", "section", "number", "rest"), [
    ("Area for improvement 4: The force should improve x.", AREAS_FOR_IMPROVEMENT, "4", "The force should improve x."),
    ("Recommendation 1 – By 31 March 2024, chief constables should x", RECOMMENDATIONS, "1",
     "By 31 March 2024, chief constables should x"),
    ("Recommendation 2 By January 2024, forces should x", RECOMMENDATIONS, "2", "By January 2024, forces should x"),
    ("AFI 3. The force should x", AREAS_FOR_IMPROVEMENT, "3", "The force should x"),
    ("R4: The force should x", RECOMMENDATIONS, "4", "The force should x"),
    ("Cause of concern: The force is not x", CAUSES_OF_CONCERN, "", "The force is not x"),
    ("Areas for improvement", AREAS_FOR_IMPROVEMENT, "", ""),
])
def test_labels_open_a_finding(text, section, number, rest):
    m = match_label(text)
    assert m is not None and (m.section, m.number, m.rest) == (section, number, rest)


@pytest.mark.parametrize("prose", ["Recommendations should be implemented quickly.",
                                   "Areas for improvement were found in three of the four questions.",
                                   "The recommendation we made in 2017 has been met."])
def test_prose_opening_with_a_section_word_is_no_label(prose):
    assert match_label(prose) is None


@pytest.mark.parametrize(("cell", "section"), [
    ("AFI 3", AREAS_FOR_IMPROVEMENT), ("AFI3", AREAS_FOR_IMPROVEMENT), ("Rec 2", RECOMMENDATIONS),
    ("R1", RECOMMENDATIONS), ("CoC1", CAUSES_OF_CONCERN), ("IOC4", ISSUES_OF_CONCERN),
    ("Area for improvement", AREAS_FOR_IMPROVEMENT), ("RECOMMENDATION", RECOMMENDATIONS),
    ("Cause of Concern", CAUSES_OF_CONCERN), ("AFI / Rec", None), ("12", None), ("12.", None), ("", None),
])
def test_type_cells_and_ref_prefixes(cell, section):
    assert section_of_cell(cell) == section


def test_header_cells_name_one_section_or_none():
    assert section_named_by_header("Area for improvement") == AREAS_FOR_IMPROVEMENT
    assert section_named_by_header("Recommendation / area for improvement") is None
    assert section_named_by_header("Finding") is None
    assert sections_named("Recommendation / area for improvement") == [RECOMMENDATIONS, AREAS_FOR_IMPROVEMENT]


@pytest.mark.parametrize(("title", "section", "theme"), [
    ("2. Legitimacy: Areas for Improvement (AFIs)", AREAS_FOR_IMPROVEMENT, "Legitimacy"),
    ("Efficiency – AFIs", AREAS_FOR_IMPROVEMENT, "Efficiency"),
    ("LEADERSHIP - RECOMMENDATIONS", RECOMMENDATIONS, "LEADERSHIP"),
])
def test_a_theme_printed_before_the_section_name_is_the_theme(title, section, theme):
    m = match_title(title)
    assert m is not None and (m.section, m.theme) == (section, theme)


@pytest.mark.parametrize("line", ["Note: recommendations should be implemented quickly",
                                  "We found that: areas for improvement remain", "Page 3: Recommendations"])
def test_a_sentence_or_a_page_before_a_colon_is_no_theme(line):
    m = match_title(line)
    assert m is None or not m.theme


@pytest.mark.parametrize(("cell", "number"), [
    ("12", 12), ("12.", 12), ("(3)", 3), ("4)", 4), ("AFI 3", 3), ("Rec. 2", 2), ("CoC-1", 1), ("IOC4", 4), ("R1", 1),
    ("Issue 3", 3), ("Item 4", 4), ("Recommendation 2", 2), ("Area for improvement 11", 11),
    ("Page 4", None), ("The force 3", None), ("pp. 29-31", None), ("", None), ("Issue", None)])
def test_ref_cells_give_their_number(cell, number):
    assert ref_cell_number(cell) == number


def test_an_ocr_read_ref_label_with_digits_for_letters_is_read_as_printed():
    assert ref_cell_number("10C 1") == 1 and section_of_cell("10C 1", fuzzy=True) == ISSUES_OF_CONCERN
    assert section_of_cell("AF1 2", fuzzy=True) == AREAS_FOR_IMPROVEMENT
    assert section_of_cell("CfC.1") == CAUSES_OF_CONCERN and section_of_cell("CoC-1") == CAUSES_OF_CONCERN
    assert section_of_cell("Afl 9", fuzzy=True) == AREAS_FOR_IMPROVEMENT and section_of_cell("Afl 9") is None
    assert ref_cell_number("1.2") == 1 and ref_cell_number("Page 4") is None


def test_header_words_ocr_ran_together_are_read_apart():
    from hmic_extract.vocabulary import role_of_label

    assert role_of_label("IssueofConcern") == ("Issue of Concern", "issue")
    assert role_of_label("IssuesofConcern") == ("Issues of Concern", "issue")
    assert role_of_label("AFIref") == ("AFI ref", "ref")
    assert role_of_label("Forceresponse") == ("Force response", "action")


def test_header_words_ocr_ran_together_before_a_full_stop_are_read_apart():
    """A scan's OCR layer reads "PAGE NO." as one word "PAGENO.": the stop is no letter, the words still split."""
    from hmic_extract.vocabulary import role_of_label

    assert role_of_label("PAGENO.") == ("PAGE NO.", "page_ref")
    assert role_of_label("(ReportRef)") == ("(Report Ref)", "ref")


def test_a_speck_ocr_read_under_a_label_is_no_part_of_it():
    """"Ni" under "FINDING" / "TYPE" (a speck in the scan) made the Type column a text column ("finding")."""
    from hmic_extract.vocabulary import role_of_label

    assert role_of_label("FINDING\nTYPE\nNi") == ("FINDING TYPE", "section")
    assert role_of_label("[TYPE OF\nFINDING") == ("TYPE OF FINDING", "section")  # a rule read as "["
    assert role_of_label("FINDING\nTYP\nE") == ("FINDING TYPE", "section")  # a narrow column broke "TYPE"
    assert role_of_label("PG_")[1] == "page_ref" and role_of_label("TYPE.")[1] == "section"  # an underline, a speck
    assert role_of_label("Numbe\nr") == ("Number", "ref") and role_of_label("Page\nNo") == ("Page No", "page_ref")


def test_a_lone_issue_label_in_a_type_cell_or_ref_names_issues_of_concern():
    assert section_of_cell("Issue") == ISSUES_OF_CONCERN and section_of_cell("Issue 3") == ISSUES_OF_CONCERN
    assert section_of_cell("Issue raised by the panel") is None
    assert section_of_cell("R") == RECOMMENDATIONS and section_of_cell("Q") is None
    assert match_title("AREAS IDENTIFIED FOR IMPROVEMENT - LEGITIMACY").section == AREAS_FOR_IMPROVEMENT
    assert section_of_title("E. Recommendations to the force in response to the cause of concern") == RECOMMENDATIONS


def test_a_label_or_type_cell_a_narrow_column_broke_mid_word_is_read_whole():
    from hmic_extract.vocabulary import role_of_label, section_of_cell_unbroken

    assert role_of_label("Pa\nge\nRef") == ("Page Ref", "page_ref")
    assert role_of_label("PAG\nE NO.") == ("PAGE NO.", "page_ref")
    assert role_of_label("REPO\nRT\nPAGE\nREF") == ("REPORT PAGE REF", "page_ref")
    assert role_of_label("Report\nRef") == ("Report Ref", "ref")
    assert role_of_label("Numbe\nr") == ("Number", "ref")
    assert section_of_cell_unbroken("Caus\ne of\nconc\nern") == CAUSES_OF_CONCERN


def test_a_type_cell_hyphenated_at_a_line_break_is_read_whole():
    from hmic_extract.vocabulary import role_of_label, section_of_cell_unbroken

    assert section_of_cell_unbroken("Area for\nImprove-\nment") == AREAS_FOR_IMPROVEMENT
    assert section_of_cell_unbroken("Recom-\nmendation") == RECOMMENDATIONS
    assert role_of_label("Report\nPage Ref-\nerence")[1] == "page_ref"
    assert section_of_cell_unbroken("AFI -\nRec") is None  # a dash between two names is no hyphen: it names two


@pytest.mark.parametrize(("line", "note"), [
    ("continued on next page", True), ("continuedon nextpage", True), ("Continued overleaf", True),
    ("(cont'd)", True), ("– continued on the following page –", True), ("continued…", True),
    ("Continued ...", True), ("(cont’d)", True), ("Table continues on next page", True),
    ("Table continues overleaf", True), ("cont. overleaf", True),
    ("continued.", False), ("Continued", False), ("Recommendations (continued)", False),
    ("The work will be continued on a new site.", False), ("The table continues to grow.", False),
    ("Work continues.", False),
])
def test_a_note_that_the_table_goes_on_overleaf_is_told_from_a_rows_last_word(line, note):
    from hmic_extract.vocabulary import CONTINUATION_NOTE

    assert bool(CONTINUATION_NOTE.match(line)) is note


def test_a_label_whose_short_last_line_a_scan_lost_is_read_as_the_word_it_begins():
    """A narrow column broke "NUMBER" as "NUMBE" / "R" and the scan's OCR lost the lone "R" (9391-281): the ref
    column's label is the one column-name word its letters begin, a letter or two short; a word more letters short,
    or one several words begin, names nothing."""
    from hmic_extract.vocabulary import role_of_label

    assert role_of_label("NUMBE") == ("NUMBER", "ref")
    assert role_of_label("RAG\nSTATU")[1] == "status" and role_of_label("STATU") == ("STATUS", "status")
    assert role_of_label("DESCRIPT")[1] is None  # a lost line holds a letter or two, not "ION"
    assert role_of_label("Respon")[1] is None  # "response" or "responsible" (officer): no one word it begins
    assert role_of_label("Numbe of")[1] is None and role_of_label("The force")[1] is None


def test_a_type_cell_in_capitals_hyphenated_by_its_narrow_column_names_its_section():
    from hmic_extract.vocabulary import section_of_cell_unbroken

    assert section_of_cell_unbroken("CAUSE\nFOR\nCON-\nCERN") == CAUSES_OF_CONCERN
    assert section_of_cell_unbroken("AREA FOR\nIMPROVE-\nMENT") == AREAS_FOR_IMPROVEMENT


def test_a_word_hyphenated_over_three_lines_of_a_narrow_type_cell_names_its_section():
    """pdflatex hyphenates "IMPROVEMENT" twice in a narrow Type column ("AREA" / "FOR IM-" / "PROVE-" / "MENT"): a
    hyphenated line goes on in capitals on a next line that ends in a hyphen too (held-out 9471-21: the Type cell named
    nothing and 14 areas for improvement were read as issues of concern)."""
    from hmic_extract.vocabulary import section_of_cell_unbroken

    assert section_of_cell_unbroken("AREA\nFOR IM-\nPROVE-\nMENT") == AREAS_FOR_IMPROVEMENT
    assert section_of_cell_unbroken("Area for im-\nprove-\nment") == AREAS_FOR_IMPROVEMENT


def test_a_quote_or_dash_ocr_read_at_a_label_word_edge_is_no_part_of_it():
    """A scan's OCR read a speck after "FINDING" as a closing quote and one before it as a dash: "FINDING’ TYPE" and
    "-FINDING TYPE" named the text column ("finding"), so the Type column took the Issue column's role."""
    from hmic_extract.vocabulary import role_of_label

    assert role_of_label("FINDING’\nTYPE") == ("FINDING TYPE", "section")
    assert role_of_label("FINDING’ TYPE")[1] == "section"
    assert role_of_label("-FINDING\nTYPE")[1] == "section"
    assert role_of_label("Force’s response")[1] == "action"  # an apostrophe inside a word is the label's own


def test_an_ocr_read_ref_label_with_a_digit_for_a_letter_and_no_mark_before_its_number_is_read():
    """OCR read "IOC2" as "I0C2": the ref lost its number and its section (with "I0C-2" both were read)."""
    from hmic_extract.vocabulary import ref_cell_number, section_of_cell

    assert ref_cell_number("I0C2") == 2 and section_of_cell("I0C2", fuzzy=True) == "Issues of concern"
    assert ref_cell_number("10C3") == 3 and section_of_cell("10C3", fuzzy=True) == "Issues of concern"
    assert ref_cell_number("AfI12") == 12 and ref_cell_number("p10") is None  # a page ref stays no ref


def test_an_ocr_read_ref_whose_labels_last_letter_became_a_1_glued_to_its_number_is_read():
    """Held-out 9451-142: OCR read "AfI2" as "Af12" (and "AfI5", "AfI9" alike): refs 12, 15 and 19 among 1, 6 and 8,
    and three rows lost. A "1" that completes a label the vocabulary knows ("Af" is none, "AfI" is) is its letter."""
    from hmic_extract.vocabulary import ref_cell_number, section_of_cell

    assert ref_cell_number("Af12") == 2 and section_of_cell("Af12", fuzzy=True) == "Areas for improvement"
    assert ref_cell_number("Af19") == 9
    assert ref_cell_number("AfI12") == 12 and ref_cell_number("R12") == 12 and ref_cell_number("CoC12") == 12
    assert ref_cell_number("Af1") == 1  # a lone 1 is the number, not a letter


def test_a_column_header_whose_words_ocr_ran_together_still_names_its_section():
    """A scan's OCR read the issue column's header "CAUSES OF CONCERN" as "CAUSESOF CONCERN": the table under it
    (a section per table, named by its header) was taken for the section before."""
    from hmic_extract.vocabulary import section_named_by_header

    assert section_named_by_header("CAUSESOF CONCERN") == CAUSES_OF_CONCERN
    assert section_named_by_header("AREASFOR IMPROVEMENT") == AREAS_FOR_IMPROVEMENT
    assert section_named_by_header("Issue") is None
