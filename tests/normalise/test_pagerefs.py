import pytest

from hmic_extract.model import Finding
from hmic_extract.normalise.pagerefs import pages_of, parse_page_refs


@pytest.mark.parametrize(
    ("printed", "pages"),
    [
        ("Page 5", [5]),
        ("Page 21/22", [21, 22]),
        ("Page 45/46", [45, 46]),
        ("Page 20 Figure 4", [20]),
        ("Page 7 (Figure 3)", [7]),
        ("p.12", [12]),
        ("p. 28", [28]),
        ("Pages 14-15", [14, 15]),
        ("Pages 33\u201334", [33, 34]),
        ("Page 12, Table 3", [12]),
        ("pp. 8 and 10", [8, 10]),
    ],
)
def test_printed_page_refs_parse_to_page_numbers(printed, pages):
    assert pages_of(printed) == pages


def test_a_year_range_is_not_expanded_into_pages():
    assert 2000 not in pages_of("Page 4 (2016-2017)") or len(pages_of("Page 4 (2016-2017)")) < 5


def test_missing_page_number_is_flagged_not_invented():
    f = Finding(section="Issues of concern", ref=1, ref_text="1", page_ref="See report", pages=[], issue="x")
    parse_page_refs([f])
    assert f.pages == []
    assert f.needs_review


def test_page_beyond_the_reports_page_count_is_flagged():
    f = Finding(section="Issues of concern", ref=1, ref_text="1", page_ref="Page 320", pages=[], issue="x")
    parse_page_refs([f], report_pages=120)
    assert any("beyond" in flag for flag in f.provenance.review_flags)
