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


def band(line, page_index=0, table_id=1):
    """A full-width row inside a table (the extractor hands it on as text marked as a band, with the table's id)."""
    return RawRow(kind=RowKind.TEXT, text=line, page_index=page_index, table_id=table_id, band=True)


def header(issue="Area for improvement / Recommendation"):
    return cells("Ref", "Page", issue)


def test_capitalised_band_rows_with_themes_name_their_sections():
    rows = [header(), band("AREAS FOR IMPROVEMENT – EFFICIENCY"), cells("1", "5", "A"), cells("2", "6", "B"),
            band("AREAS FOR IMPROVEMENT – LEGITIMACY"), cells("3", "9", "C"),
            band("CAUSE OF CONCERN"), cells("1", "12", "D"),
            band("RECOMMENDATIONS (in response to the cause of concern)"), cells("1", "12", "E"), cells("2", "13", "F")]
    pieces, _notes, _ = classify(rows)
    assert [(p.section, p.theme) for p in pieces] == [
        (AREAS_FOR_IMPROVEMENT, "EFFICIENCY"), (AREAS_FOR_IMPROVEMENT, "EFFICIENCY"),
        (AREAS_FOR_IMPROVEMENT, "LEGITIMACY"), (CAUSES_OF_CONCERN, ""),
        (RECOMMENDATIONS, "in response to the cause of concern"),
        (RECOMMENDATIONS, "in response to the cause of concern")]
    assert not any(p.flags for p in pieces)


def test_refs_that_restart_at_1_with_no_heading_start_a_new_section_and_say_it_is_a_guess():
    rows = [cells("Report Ref", "Page Ref", "Issue of concern"), cells("1", "5", "A"), cells("2", "6", "B"),
            cells("1", "9", "C"), cells("2", "10", "D")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN, ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT,
                                           AREAS_FOR_IMPROVEMENT]
    assert not pieces[0].flags
    assert all("refs restart at 1" in p.flags[0] for p in pieces[2:])


def test_a_garbled_1_inside_a_running_sequence_is_no_restart():
    rows = [cells("Ref", "Page", "Issue of concern"), cells("59", "5", "A"), cells("1", "6", "B"),
            cells("61", "9", "C")]
    pieces, _notes, _ = classify(rows)
    assert {p.section for p in pieces} == {ISSUES_OF_CONCERN}


def test_an_unknown_band_is_a_theme_while_refs_run_on_and_a_new_section_when_they_restart():
    rows = [cells("Ref", "Page", "Area for improvement"), band("Efficiency"), cells("1", "5", "A"),
            band("Effectiveness"), cells("2", "6", "B"), band("Chief constable's response"), cells("1", "9", "C")]
    pieces, _notes, _ = classify(rows)
    assert [(p.section, p.theme) for p in pieces] == [
        (AREAS_FOR_IMPROVEMENT, "Efficiency"), (AREAS_FOR_IMPROVEMENT, "Effectiveness"),
        (CAUSES_OF_CONCERN, "Chief constable's response")]
    assert pieces[2].flags and "names no section" in pieces[2].flags[0]


def test_a_table_whose_section_nothing_names_is_flagged_not_silently_issues_of_concern():
    rows = [cells("No.", "Page", "Finding"), cells("1", "5", "A")]
    pieces, _notes, _ = classify(rows)
    assert pieces[0].section == ISSUES_OF_CONCERN
    assert pieces[0].flags == ["section not printed, taken as issues of concern: no section heading, Type column "
                               "or ref prefix"]


def test_a_new_tables_header_names_its_section_but_a_repeated_header_does_not():
    rows = [cells("Ref", "Page", "Issue of concern"), cells("1", "5", "A"),
            text("Areas for improvement"), cells("1", "8", "B"),
            cells("Ref", "Page", "Issue of concern", page_index=1, table_id=2), cells("2", "9", "C"),
            cells("Ref", "Page", "Recommendation", page_index=2, table_id=3), cells("1", "12", "D")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT, AREAS_FOR_IMPROVEMENT,
                                           RECOMMENDATIONS]


def test_ref_prefixes_name_sections_row_by_row():
    rows = [cells("Ref", "Page", "Finding"), cells("AFI 1", "5", "A"), cells("AFI 2", "6", "B"),
            cells("R1", "9", "C"), cells("CoC 1", "11", "D")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [AREAS_FOR_IMPROVEMENT, AREAS_FOR_IMPROVEMENT, RECOMMENDATIONS,
                                           CAUSES_OF_CONCERN]
    assert not any(p.flags for p in pieces)


def test_a_text_line_holding_only_a_ref_with_its_punctuation_is_not_junk():
    lines = [RawRow(issue="The force does not evaluate operations", is_line=True, top=10, bottom=20),
             RawRow(ref="4.", page_ref="7", is_line=True, top=16, bottom=26),
             RawRow(issue="consistently.", is_line=True, top=22, bottom=32)]
    pieces, _notes, dropped = classify(lines)
    assert dropped["junk"] == 0 and [p.row.ref for p in pieces] == ["", "4.", ""]


def test_the_number_ending_a_page_ref_broken_after_its_dash_is_kept_across_a_ref_line():
    lines = [RawRow(page_ref="pp. 37-", is_line=True, top=10, bottom=20),
             RawRow(ref="1.", issue="demand to plan its workforce.", is_line=True, top=16, bottom=26),
             RawRow(page_ref="39", is_line=True, top=22, bottom=32)]
    pieces, _notes, dropped = classify(lines)
    assert dropped["junk"] == 0 and [p.row.page_ref for p in pieces] == ["pp. 37-", "", "39"]
    lines[0].page_ref = "Page"
    pieces, _notes, dropped = classify(lines)
    assert dropped["junk"] == 0 and [p.row.page_ref for p in pieces] == ["Page", "", "39"]


def test_a_line_whose_cells_happen_to_name_roles_but_whose_page_cell_holds_a_number_is_no_header():
    lines = [RawRow(ref="Issue", page_ref="Pg 7", issue="HMICFRS has concerns", is_line=True, top=10, bottom=20),
             RawRow(ref="3", issue="about the recording of THRIVE.", is_line=True, top=22, bottom=32)]
    pieces, _notes, dropped = classify(lines)
    assert dropped["header"] == 0 and len(pieces) == 2


def test_a_type_cell_wrapped_over_text_lines_names_the_section_of_each_of_its_lines():
    def line(section, ref, issue, top):
        return RawRow(section=section, ref=ref, page_ref="p. 7" if ref else "", issue=issue, is_line=True, top=top,
                      bottom=top + 8, table_id=1)

    rows = [line("CAUSE FOR", "(1)", "The force does not", 0), line("CONCERN", "", "understand demand.", 8),
            line("RECOMMENDATI", "(2)", "Within 12 months, the", 20), line("ON", "", "force should plan.", 28)]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [CAUSES_OF_CONCERN] * 2 + [RECOMMENDATIONS] * 2


def test_an_ocr_read_type_cell_wrapped_over_text_lines_with_a_letter_lost_names_its_section():
    """A scan's OCR lost the "i" of "Area for" / "improvem" / "ent": the cell still names its section (as an OCR'd
    cell does on one line), not the section before it."""
    def line(section, ref, issue, top):
        return RawRow(section=section, ref=ref, page_ref="p. 7" if ref else "", issue=issue, is_line=True, top=top,
                      bottom=top + 8, table_id=1, method="ocr-rapidocr")

    rows = [line("Recomm", "(1)", "Within 12 months, the", 0), line("endation", "", "force should plan.", 8),
            line("Area for", "", "The force needs to", 20), line("mprovem", "(9)", "improve how it records", 28),
            line("ent", "", "vulnerability.", 36)]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [RECOMMENDATIONS] * 2 + [AREAS_FOR_IMPROVEMENT] * 3


def test_a_ref_label_and_its_number_on_separate_lines_name_the_section():
    def line(ref, page, issue, top):
        return RawRow(ref=ref, page_ref=page, issue=issue, is_line=True, top=top, bottom=top + 8, table_id=1)

    rows = [line("IoC 14", "Page 9", "Body-worn video is available.", 0), line("", "", "The force should", 20),
            line("AfI-", "Pages", "", 27), line("", "", "improve its use of data.", 34), line("15", "24/25", "", 41)]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN] * 2 + [AREAS_FOR_IMPROVEMENT] * 3
    from hmic_extract.normalise.lines import regroup_lines

    whole = regroup_lines(pieces)
    assert [(p.section, p.row.issue.replace("\n", " ")) for p in whole] == [
        (ISSUES_OF_CONCERN, "Body-worn video is available."),
        (AREAS_FOR_IMPROVEMENT, "The force should improve its use of data.")]


def test_a_header_repeated_at_a_page_top_naming_another_section_while_refs_run_on_keeps_the_section():
    rows = [cells("Ref", "Page Ref", "Issue of concern"), cells("1", "Page 4", "A"),
            cells("Ref", "Page Ref", "Area for improvement", table_id=2), cells("1", "Page 41", "B"),
            cells("Ref", "Page Ref", "Issue of concern", page_index=1, table_id=3), cells("2", "Page 42", "C"),
            cells("Ref", "Page Ref", "Recommendation", page_index=1, table_id=4), cells("3", "Page 50", "D")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT, AREAS_FOR_IMPROVEMENT,
                                           RECOMMENDATIONS]  # refs run on across sections: a new header names it


def test_a_header_label_set_under_titles_of_other_sections_is_a_column_name_not_the_untitled_tables_section():
    rows = [cells("Rec No.", "Page no.", "RECOMMENDATION"), cells("1)", "6", "A"), cells("2)", "8", "B"),
            text("Section 1: AFIS: EFFICIENCY"), cells("Rec No.", "Page no.", "RECOMMENDATION"),
            cells("3)", "24", "C"), text("Section 3: RECOMMENDATIONS"), cells("Rec No.", "Page no.", "RECOMMENDATION"),
            cells("4)", "30", "D")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN, ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT,
                                           RECOMMENDATIONS]
    assert "no section heading" in pieces[0].flags[0]


def test_an_untitled_first_table_whose_column_label_names_the_first_section_is_not_in_doubt():
    def rows(label: str) -> list[RawRow]:
        return [cells("Ref", "Page", label), cells("1", "6", "A"), cells("2", "8", "B"),
                text("Areas for improvement"), cells("Ref", "Page", label), cells("1", "24", "C")]

    agreeing, _notes, _ = classify(rows("ISSUE OF CONCERN"))  # the label is reused under a later title
    assert [p.section for p in agreeing] == [ISSUES_OF_CONCERN, ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT]
    assert not any(p.flags for p in agreeing)
    other, _notes, _ = classify(rows("Recommendation"))  # a label naming another section leaves the guess in doubt
    assert [p.section for p in other] == [ISSUES_OF_CONCERN, ISSUES_OF_CONCERN, AREAS_FOR_IMPROVEMENT]
    assert all("no section heading" in p.flags[0] for p in other[:2])


def test_a_header_repeated_at_a_page_top_keeps_the_section_when_the_rows_ref_sits_on_a_later_line():
    def line(ref, page, issue, page_index=0, table_id=1):
        return RawRow(ref=ref, page_ref=page, issue=issue, page_index=page_index, table_id=table_id, is_line=True)

    rows = [line("Ref", "Page Ref", "Issue of concern"), line("", "", "The force should"),
            line("1)", "Page 4", "improve A."),
            line("Ref", "Page Ref", "Area for improvement", table_id=2), line("", "", "The force should"),
            line("1)", "Page 41", "improve B."),
            line("Ref", "Page Ref", "Issue of concern", page_index=1, table_id=3),  # a print title at a page top
            line("", "", "The force should", page_index=1, table_id=3),  # refs centred: the ref is one line down
            line("2)", "Page 42", "improve C.", page_index=1, table_id=3)]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN] * 2 + [AREAS_FOR_IMPROVEMENT] * 4


def test_a_type_cell_broken_mid_word_over_six_lines_of_a_narrow_column_names_its_section():
    def line(section, ref, issue, top):
        return RawRow(section=section, ref=ref, page_ref="p. 7" if ref else "", issue=issue, is_line=True, top=top,
                      bottom=top + 8, table_id=1)

    pieces_of_type = ["Cau", "se", "of", "con", "cer", "n"]  # "Cause of concern" in a column three letters wide
    rows = [line(t, "1" if k == 0 else "", f"word{k}", 10 * k) for k, t in enumerate(pieces_of_type)]
    rows += [line("Rec", "2", "Within 12 months,", 70), line("", "", "the force should plan.", 80)]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [CAUSES_OF_CONCERN] * 6 + [RECOMMENDATIONS] * 2


def test_a_header_label_naming_a_section_that_a_later_title_opens_is_a_column_name_not_the_first_tables_section():
    rows = [cells("Item", "Page Ref", "Recommendation"), cells("1", "6", "A"), cells("2", "8", "B"),
            cells("Item", "Page Ref", "Recommendation", page_index=1), cells("3", "9", "C"),  # repeated on each page
            text("1. HMICFRS AREAS FOR IMPROVEMENT", page_index=1), cells("1", "24", "D", page_index=1),
            text("2. RECOMMENDATIONS TO THE FORCE", page_index=1), cells("1", "30", "E", page_index=1)]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN] * 3 + [AREAS_FOR_IMPROVEMENT, RECOMMENDATIONS]


def test_lines_holding_only_pieces_of_a_centred_type_cell_name_the_section_of_their_row():
    def line(section, ref, issue, top):
        return RawRow(section=section, ref=ref, page_ref="p. 7" if ref else "", issue=issue, is_line=True, top=top,
                      bottom=top + 8, table_id=1)

    rows = [line("", "", "North Ambry Constabulary does not", 0), line("", "", "have a good enough grasp", 10),
            line("Co", "", "", 15), line("", "1)", "of the demand it faces.", 20), line("C", "", "", 25),
            line("", "", "It cannot plan.", 30)]  # "CoC" set beside the ref, between the text's lines
    from hmic_extract.normalise.lines import regroup_lines

    pieces, _notes, _ = classify(rows)
    whole = regroup_lines(pieces)
    assert [(p.section, p.row.ref) for p in whole] == [(CAUSES_OF_CONCERN, "1)")]


def test_a_print_title_after_a_tables_header_left_alone_at_the_page_foot_keeps_that_tables_section():
    """A spreadsheet's tables, one per section under its own header: the "Cause for concern" table's header falls at
    page 1's foot (its wrapped label's second line, "status", read as a line of its own under it), and page 2 opens
    with the print title repeating the first table's header ("Area for improvement") over that table's rows. No row
    of the new table was numbered yet, so the repeat is no table of its own: the rows stay causes of concern
    (9471-159)."""
    def line(ref, page, issue, page_index=0, table_id=1, action=""):
        top = 40.0 + 10 * len(rows)
        return RawRow(ref=ref, page_ref=page, issue=issue, action=action, page_index=page_index, table_id=table_id,
                      is_line=True, top=top, bottom=top + 8)

    rows: list[RawRow] = []
    rows += [line("Rec No.", "Page no.", "Area for Improvement", action="Current Action")]
    rows += [line("", "", "", action="status")]
    rows += [
line("9.", "Page 33", "The force needs to improve.")]
    rows += [line("Rec No.", "Page no.", "Cause for concern", table_id=2, action="Current Action")]
    rows += [line("", "", "", table_id=2, action="status")]
    rows += [line("Rec No.", "Page no.", "Area for Improvement", page_index=1, table_id=3, action="Current Action")]
    rows += [line("", "", "", page_index=1, table_id=3, action="status")]
    rows += [line("1.", "Page 36", "The force isn't doing enough.", page_index=1, table_id=3)]
    rows += [line("Rec No.", "Page no.", "Recommendation", page_index=1, table_id=4, action="Current Action")]
    rows += [line("1.", "Page 37", "Within three months, the force should act.", page_index=1, table_id=4)]
    pieces, _notes, _ = classify(rows)
    assert [(p.section, p.row.ref) for p in pieces if p.row.ref] == [
        (AREAS_FOR_IMPROVEMENT, "9."), (CAUSES_OF_CONCERN, "1."), (RECOMMENDATIONS, "1.")]


def test_a_section_heading_wrapped_after_an_open_word_keeps_its_section_over_its_last_line():
    """A heading too long for its line ("B. RECOMMENDATIONS TO THE FORCE IN RESPONSE TO THE CAUSE OF" / "CONCERN"):
    its last line alone reads as a band the vocabulary cannot place, which took the heading's place and left the rows
    under the section above while their refs ran on (9471-325). The line above ends on a word that cannot end a
    heading, and the two read as one title name recommendations."""
    band = RawRow(kind=RowKind.TEXT, text="CONCERN", band=True)
    rows = [text("A. CAUSES FOR CONCERN"), cells("1.", "p. 7", "A"), cells("2.", "P10", "B"),
            text("B. RECOMMENDATIONS TO THE FORCE IN RESPONSE TO THE CAUSE OF"), band,
            cells("3.", "P13", "C"), cells("4.", "p. 15", "D")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [CAUSES_OF_CONCERN] * 2 + [RECOMMENDATIONS] * 2
    apart = [*rows[:3], text("Recommendations to the force"), band, *rows[5:]]  # a title closed: the band is its own
    assert [p.theme for p in classify(apart)[0]][2:] == ["CONCERN"] * 2
    themed = [*rows[:3], text("Areas for improvement –"), RawRow(kind=RowKind.TEXT, text="Legitimacy", band=True),
              cells("1.", "P13", "C")]  # a theme wrapped under its title is the title's theme
    assert [(p.section, p.theme) for p in classify(themed)[0]][2:] == [(AREAS_FOR_IMPROVEMENT, "Legitimacy")]


def test_a_title_wrapped_after_a_word_that_leaves_it_open_keeps_its_section():
    # "Section 3: RECOMMENDATIONS MADE BY HMICFRS IN RESPONSE TO THE" / "CAUSE OF CONCERN": the second line goes on
    # with the first (it ends on "THE"); it names the section the recommendations answer, not a new section.
    rows = [cells("1", "Page 5", "A"), text("Section 2: CAUSE FOR CONCERN"), cells("29", "Page 37", "B"),
            text("Section 3: RECOMMENDATIONS MADE BY HMICFRS IN RESPONSE TO THE"), text("CAUSE OF CONCERN"),
            cells("30", "Page 39", "C")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [ISSUES_OF_CONCERN, CAUSES_OF_CONCERN, RECOMMENDATIONS]


def test_a_title_line_that_ends_closed_and_a_title_under_it_are_two_titles():
    rows = [text("Areas for improvement"), text("Recommendations"), cells("1", "Page 5", "A")]
    pieces, _notes, _ = classify(rows)
    assert [p.section for p in pieces] == [RECOMMENDATIONS]


def test_the_rest_of_a_label_word_a_narrow_page_column_broke_is_kept_alone_on_its_line_across_a_ref_line():
    """"19 Fi" / "(29)" / "gure" / "6": the page cell's lines between the text's, "gure" alone on its line. Glued to
    the page cell above it is "Figure", so it is that cell's piece, not junk (dropped, the row's page read "6",
    9491-280); a lower-case word that ends no label there is still junk."""
    def lines(piece: str) -> list[RawRow]:
        return [RawRow(issue="HMICFRS has concerns about the", is_line=True, top=3, bottom=13),
                RawRow(page_ref="Page", is_line=True, top=10, bottom=20),
                RawRow(page_ref="19 Fi", issue="recording of THRIVE", is_line=True, top=17, bottom=27),
                RawRow(ref="(29)", issue="assessments.", is_line=True, top=24, bottom=34),
                RawRow(page_ref=piece, is_line=True, top=31, bottom=41),
                RawRow(issue="Staff do not always record them.", is_line=True, top=38, bottom=48),
                RawRow(page_ref="6", is_line=True, top=45, bottom=55)]
    pieces, _notes, dropped = classify(lines("gure"))
    assert dropped["junk"] == 0 and [p.row.page_ref for p in pieces] == ["", "Page", "19 Fi", "", "gure", "", "6"]
    _pieces, _notes, dropped = classify(lines("xyz"))
    assert dropped["junk"] == 1
