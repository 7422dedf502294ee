import pytest

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, ISSUES_OF_CONCERN, RECOMMENDATIONS
from hmic_extract.vocabulary import map_header, section_of_title


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
    ],
)
def test_annex_headers_map_to_column_roles(cells, expected):
    assert map_header(cells) == expected


def test_a_grading_table_is_not_an_annex_header():
    assert map_header(["Question", "Grade"]) is None


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("Areas for improvement", AREAS_FOR_IMPROVEMENT),
        ("Area for Improvement:", AREAS_FOR_IMPROVEMENT),
        ("Cause of concern", CAUSES_OF_CONCERN),
        ("Causes of concern", CAUSES_OF_CONCERN),
        ("2. Recommendations", RECOMMENDATIONS),
        ("Section 1: Issues of concern", ISSUES_OF_CONCERN),
        ("The force has three areas for improvement", None),
        ("ANNEX 1 – ASSURANCE MONITORING TEMPLATE", None),
    ],
)
def test_section_titles(line, section):
    assert section_of_title(line) == section
