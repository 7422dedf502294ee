import pytest

from hmic_extract.model import Finding
from hmic_extract.normalise.pagerefs import pages_of, parse_page_refs, split_para_refs


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
        ("Page 13 (para 6.8)", [13]),  # a dotted paragraph number is no page 8
        ("Page 13 (paras 6.8 and 6.9)", [13]),
        ("Para 4.4, page 12", [12]),
        ("Figures 3 and 4, page 21", [21]),
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


@pytest.mark.parametrize(
    ("printed", "page_ref", "para_ref"),
    [
        ("Page 13 (para 6.8)", "Page 13", "para 6.8"),
        ("Page 13, paragraph 6.8", "Page 13", "paragraph 6.8"),
        ("p.13 para 6.8-6.9", "p.13", "para 6.8-6.9"),
        ("Para 4.4, page 12", "page 12", "Para 4.4"),
        ("Page 9 ¶ 3.2", "Page 9", "¶ 3.2"),
        ("Page 20 Figure 4", "Page 20 Figure 4", ""),  # a figure stays: it points into the page
        ("para 6.8", "para 6.8", ""),  # no page besides it: left as printed
    ],
)
def test_a_paragraph_printed_with_the_page_goes_to_its_own_column(printed, page_ref, para_ref):
    # Anything that counts pages in the Page Ref cell reads "Page 13 (para 6.8)" as pages 13 and 8 (the
    # shared scorer does); the paragraph keeps its own column and the repair keeps the printed form.
    f = Finding("Areas for improvement", 1, "1", printed, [], "text")
    split_para_refs([f])
    assert (f.page_ref, f.para_ref) == (page_ref, para_ref)
    assert [r.before for r in f.provenance.repairs] == ([printed] if para_ref else [])
