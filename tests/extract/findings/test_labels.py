"""Finding labels: any phrase of the shared section vocabulary, in any of the forms a report prints it.

The forms are generated here (number or none, colon, dash, full stop or nothing, bold or not, own line or
inline, case), and every phrase and abbreviation of ``hmic_extract.vocabulary`` is tried, so a label
accepted only in the spelling some generator writes fails here.
"""

from __future__ import annotations

import pytest

from hmic_extract.extract.findings.blocks import Block
from hmic_extract.extract.findings.labels import label_of
from hmic_extract.extract.findings.lines import Line
from hmic_extract.extract.findings.settings import ReportSettings
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.vocabulary import SECTION_ABBREVIATIONS, SECTION_PHRASES

SETTINGS = ReportSettings(body_size=10.5, line_gap=3.5)
SENTENCE = "The force should make sure that it records equality data for victims."
FINDING_SECTIONS = (AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS)
PHRASES = [(s, p) for s in FINDING_SECTIONS for p in SECTION_PHRASES[s]]
ABBREVIATIONS = [(s, a) for s in FINDING_SECTIONS for a in SECTION_ABBREVIATIONS[s]]


def line(text: str, top: float = 100, bold: bool = False, lead_bold: str = "", size: float = 10.5) -> Line:
    return Line(text=text, page=0, top=top, bottom=top + size, x0=62, x1=62 + 5.2 * len(text), size=size,
                bold=bold, lead_bold=lead_bold, text_x0=62)


def cased(text: str, case: str) -> str:
    return {"lower": text[:1].upper() + text[1:], "title": text.title(), "upper": text.upper()}[case]


@pytest.mark.parametrize("section,phrase", PHRASES, ids=lambda v: v.replace(" ", "-"))
@pytest.mark.parametrize("case", ["lower", "title", "upper"])
@pytest.mark.parametrize("number", ["", " 3", " 12"])
def test_a_bold_title_on_its_own_line_is_a_label_of_its_section_with_its_number(section, phrase, case, number):
    text = cased(phrase, case) + number
    found = label_of(Block("heading", [line(text, bold=True)]), None, SETTINGS)
    assert found is not None, text
    assert (found.section, found.number, found.inline) == (section, number.strip(), False)


@pytest.mark.parametrize("separator", [":", " –", ".", " -"])
@pytest.mark.parametrize("bold", [True, False])
@pytest.mark.parametrize("section,phrase", PHRASES, ids=lambda v: v.replace(" ", "-"))
def test_a_numbered_label_opening_a_paragraph_is_cut_from_its_finding(section, phrase, separator, bold):
    head = f"{cased(phrase, 'lower')} 2{separator}"
    cut = SENTENCE.index(" it ")
    first = f"{head} {SENTENCE[:cut]}"
    block = Block("para", [line(first, lead_bold=head if bold else ""), line(SENTENCE[cut + 1:], top=114)])
    found = label_of(block, None, SETTINGS)
    assert found is not None, first
    assert (found.section, found.number) == (section, "2")
    assert " ".join(found.rest.split()) == SENTENCE


@pytest.mark.parametrize("section,abbr", ABBREVIATIONS)
@pytest.mark.parametrize("dots", [False, True])
def test_an_abbreviated_numbered_label_names_its_section(section, abbr, dots):
    printed = ".".join(abbr.upper()) + "." if dots else abbr.upper()
    first = f"{printed} 4: {SENTENCE}"
    found = label_of(Block("para", [line(first, lead_bold=f"{printed} 4:")]), None, SETTINGS)
    assert found is not None, first
    assert (found.section, found.number, " ".join(found.rest.split())) == (section, "4", SENTENCE)


def test_an_unnumbered_bold_label_with_a_colon_opens_its_finding():
    first = f"Area for improvement: {SENTENCE}"
    found = label_of(Block("para", [line(first, lead_bold="Area for improvement:")]), None, SETTINGS)
    assert found is not None and found.section == AREAS_FOR_IMPROVEMENT and found.rest.strip() == SENTENCE


def test_the_same_words_set_plain_without_a_number_or_separator_are_prose_not_a_label():
    for text in (f"Areas for improvement {SENTENCE[0].lower()}{SENTENCE[1:]}",
                 "Recommendations made in 2019 were reviewed by the force and most have been closed."):
        assert label_of(Block("para", [line(text)]), None, SETTINGS) is None, text


def test_a_count_of_findings_in_prose_is_not_a_label():
    for text in ("We have identified five areas for improvement and two causes of concern.",
                 "We found three causes of concern and made 12 recommendations."):
        assert label_of(Block("para", [line(text)]), None, SETTINGS) is None, text


def test_a_definition_after_a_colon_is_not_a_label():
    text = "Cause of concern: a serious or critical shortfall in policing practice that the force must address."
    assert label_of(Block("para", [line(text, lead_bold="Cause of concern:")]), None, SETTINGS) is None


def test_a_label_in_caption_size_type_is_not_a_label():
    text = f"Recommendation 2: {SENTENCE}"  # a footnote or chart note quoting one
    assert label_of(Block("para", [line(text, size=7)]), None, SETTINGS) is None
    assert label_of(Block("para", [line(text)]), None, SETTINGS) is not None


def test_a_title_naming_a_summary_or_an_earlier_inspection_is_marked_so():
    summary = label_of(Block("heading", [line("Summary of recommendations", bold=True)]), None, SETTINGS)
    earlier = label_of(Block("heading", [line("Recommendations from the 2019 inspection", bold=True)]), None,
                       SETTINGS)
    plain = label_of(Block("heading", [line("Recommendations", bold=True)]), None, SETTINGS)
    assert (summary.summary, summary.earlier) == (True, False)
    assert (earlier.summary, earlier.earlier) == (False, True)
    assert (plain.summary, plain.earlier) == (False, False)


def test_a_recommending_lead_in_labels_the_list_under_it_as_recommendations():
    text = "To address this cause of concern, we recommend that the force immediately:"
    found = label_of(Block("para", [line(text)]), None, SETTINGS)
    assert found is not None and found.section == RECOMMENDATIONS and found.lead_in == text
