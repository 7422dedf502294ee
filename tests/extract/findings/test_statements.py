"""Reading a sentence: a finding stated, a lead-in to a list, or prose that only mentions findings.

Sentences are composed here from parts (timescale, recommending opener, addressee, modal, action) so each
test covers the shape, not one wording; every composition is checked both ways where it can be.
"""

from __future__ import annotations

import itertools

import pytest

from hmic_extract.extract.findings.statements import (
    addressee_of,
    drop_list_joiner,
    is_lead_in,
    is_statement,
    parse_obligation,
)

TIMESCALES = ["", "Within three months, ", "By 31 March 2024, ", "Immediately, "]
OPENERS = ["", "We recommend that ", "HMICFRS recommends that "]
ADDRESSEES = ["the force", "chief constables", "the College of Policing", "Westshire Police",
              "the Home Office, working with the NPCC,"]
MODALS = ["should", "must"]
ACTION = "make sure that victims are kept informed about their case"


def compose(timescale: str, opener: str, addressee: str, modal: str, action: str) -> str:
    if timescale:
        opener = opener[:1].lower() + opener[1:] if opener.startswith("We ") else opener
    text = f"{timescale}{opener}{addressee} {modal} {action}".strip()
    return text[0].upper() + text[1:]


CASES = list(itertools.product(TIMESCALES, OPENERS, ADDRESSEES, MODALS))


@pytest.mark.parametrize("timescale,opener,addressee,modal", CASES)
def test_an_obligation_with_an_action_is_a_statement_and_names_who_and_when(timescale, opener, addressee, modal):
    text = compose(timescale, opener, addressee, modal, ACTION + ".")
    assert is_statement(text) and not is_lead_in(text), text
    ob = parse_obligation(text)
    assert addressee_of(ob.addressee).lower() == addressee.split(",")[0].lower()
    assert ob.timescale == timescale.strip(" ,")


@pytest.mark.parametrize("timescale,opener,addressee,modal", CASES)
def test_the_same_obligation_ending_in_a_colon_without_its_action_is_a_lead_in(timescale, opener, addressee, modal):
    text = compose(timescale, opener, addressee, modal, ":").replace(" :", ":")
    assert is_lead_in(text) and not is_statement(text), text


def test_a_recommendation_whose_bullets_complete_it_is_a_statement_not_a_lead_in():
    text = "Within six months the force should put in place arrangements to ensure that:"
    assert is_statement(text[:-1]) and not is_lead_in(text)


@pytest.mark.parametrize("text", [
    "In 2017 we recommended that the force should improve its crime recording.",
    "We found that the force should do more to understand demand.",
    "The force was told that it should review its use of force data.",
    "We have identified five areas for improvement and two causes of concern.",
    "Our last report made 12 recommendations, of which the force has completed nine.",
    "Chief constables said they should have been consulted earlier.",
])
def test_prose_that_quotes_or_counts_findings_is_not_a_statement(text):
    assert not is_statement(text) and not is_lead_in(text), text


@pytest.mark.parametrize("joiner", [";", "; and", "; or", ", and", ","])
def test_a_fragment_bullets_list_punctuation_is_not_its_text(joiner):
    assert drop_list_joiner(f"review its response to missing children{joiner}") == \
        "review its response to missing children"
    assert drop_list_joiner("review its response to missing children.") == "review its response to missing children."
