from hmic_extract.model import (
    AREAS_FOR_IMPROVEMENT,
    CAUSES_OF_CONCERN,
    ISSUES_OF_CONCERN,
    RECOMMENDATIONS,
    RawRow,
    RowKind,
)
from hmic_extract.normalise.classify import classify


def cells(ref, page, issue, page_index=0, table_id=1):
    return RawRow(ref=ref, page_ref=page, issue=issue, page_index=page_index, table_id=table_id)


def text(line, page_index=0):
    return RawRow(kind=RowKind.TEXT, text=line, page_index=page_index)


def test_repeated_header_rows_are_dropped():
    rows = [cells("Report\nRef", "Page Ref", "ISSUE OF CONCERN"), cells("1", "Page 5", "A"),
            cells("Report Ref", "Page Ref", "ISSUE OF CONCERN", page_index=1, table_id=2), cells("2", "Page 6", "B")]
    pieces, _notes, dropped = classify(rows)
    assert [p.row.ref for p in pieces] == ["1", "2"]
    assert dropped["header"] == 2


def test_split_header_tail_and_empty_rows_are_junk():
    rows = [cells("1", "Page 5", "A"), RawRow(action="CONCERN"), RawRow()]
    pieces, _notes, dropped = classify(rows)
    assert len(pieces) == 1 and dropped["junk"] == 1


def test_first_untitled_block_is_issues_of_concern_and_titles_switch_sections():
    rows = [cells("1", "Page 5", "A"), text("Areas for improvement"), cells("1", "Page 18", "B"),
            text("RECOMMENDATIONS"), cells("1", "Page 41", "C")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT, RECOMMENDATIONS]


def test_a_title_followed_by_paragraphs_of_prose_is_not_the_tables_section():
    rows = [text("Recommendations"),
            *[text("This letter sets out at some length what the force has done since the inspection took place.")
              for _ in range(3)],
            cells("1", "Page 5", "A")]
    pieces, _notes, _ = classify(rows)
    assert pieces[0].section == ISSUES_OF_CONCERN


def test_prose_that_mentions_areas_for_improvement_is_not_a_title():
    rows = [text("The report identified several areas for improvement which the force is addressing."),
            cells("1", "Page 5", "A")]
    pieces, _notes, _ = classify(rows)
    assert pieces[0].section == ISSUES_OF_CONCERN


def test_footnotes_between_table_parts_become_notes_with_their_wrapped_lines():
    rows = [cells("1", "Page 5", "A"), text("\u00b9 The term safeguarding is applied when protecting children"),
            text("and other vulnerable people."), text("3"), cells("2", "Page 6", "B", page_index=1)]
    pieces, notes, _ = classify(rows)
    assert len(pieces) == 2
    assert notes == ["\u00b9 The term safeguarding is applied when protecting children and other vulnerable people."]


def test_section_named_by_the_issue_column_header_applies_without_a_title():
    rows = [cells("Ref", "Page", "Area for improvement"), cells("1", "Page 5", "A")]
    pieces, _notes, _ = classify(rows)
    assert pieces[0].section == AREAS_FOR_IMPROVEMENT


def test_a_type_column_or_a_prefixed_ref_names_each_rows_section():
    rows = [RawRow(ref="CoC 1", page_ref="p. 10", issue="A", section="Cause of concern"),
            RawRow(ref="Rec 1", page_ref="p. 10", issue="B", section="Recommendation"),
            RawRow(ref="AFI 1", page_ref="p. 4", issue="C"),
            RawRow(ref="2", page_ref="p. 5", issue="D", section="Area for improvement")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [CAUSES_OF_CONCERN, RECOMMENDATIONS, AREAS_FOR_IMPROVEMENT,
                                           AREAS_FOR_IMPROVEMENT]
