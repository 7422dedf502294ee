from hmic_extract.model import Finding
from hmic_extract.normalise.pagerefs import flag_page_outliers, parse_page_refs
from hmic_extract.normalise.ref_sequence import repair_ref_sequence
from hmic_extract.normalise.refs import check_ref_sequence


def rows(*refs, section="Issues of concern"):
    return [Finding(section, r, "" if r is None else str(r), "", [], "x") for r in refs]


def test_garbled_ref_between_its_neighbours_is_repaired_and_recorded():
    found = repair_ref_sequence(rows(44, 45, 40, 47))
    assert [f.ref for f in found] == [44, 45, 46, 47]
    assert found[2].provenance.repairs[0].before == "40"


def test_missing_ref_is_inferred_from_neighbours():
    found = repair_ref_sequence(rows(None, 2, 3, None, 5))
    assert [f.ref for f in found] == [1, 2, 3, 4, 5]


def test_ref_that_no_neighbour_pins_down_is_kept_and_flagged():
    found = check_ref_sequence(repair_ref_sequence(rows(1, 2, 9, 11)))
    assert [f.ref for f in found] == [1, 2, 9, 11]
    assert found[2].needs_review and found[3].needs_review


def test_sections_are_sequenced_separately():
    found = repair_ref_sequence(rows(1, 2) + rows(1, 7, 3, section="Recommendations"))
    assert [f.ref for f in found] == [1, 2, 1, 2, 3]


def test_page_far_outside_its_neighbours_is_flagged():
    found = [Finding("Issues of concern", i + 1, str(i + 1), f"Page {p}", [], "x")
             for i, p in enumerate([30, 31, 33, 22, 33, 35])]
    flag_page_outliers(parse_page_refs(found))
    assert [f.needs_review for f in found] == [False, False, False, True, False, False]
