from hmic_extract.model import RawRow, RowKind
from hmic_extract.normalise.classify import classify, is_header_row


def line(ref="", page="", issue=""):
    return RawRow(ref=ref, page_ref=page, issue=issue, is_line=True)


def test_body_line_that_names_two_roles_is_not_a_header():
    assert not is_header_row(line(page="Page", issue="The force should ensure that its response is determined by"))
    assert is_header_row(line(ref="Ref", issue="address concern"))


def test_page_top_junk_is_dropped_but_page_cell_fragments_are_kept():
    rows = [line(page="1"), line("5", "Page 20", "text"), line(page="Figure"), line(page="4"), line(page="T")]
    pieces, _notes, dropped = classify(rows)
    assert [p.row.page_ref for p in pieces] == ["Page 20", "Figure", "4"]
    assert dropped["junk"] == 2


def test_a_rows_last_line_whose_words_happen_to_name_roles_but_which_ends_a_sentence_is_not_a_header():
    last = RawRow(issue="vacancies in response teams.", action="Board; lead officer appointed.", is_line=True)
    assert not is_header_row(last)
    assert is_header_row(RawRow(ref="Ref.", page_ref="Page no.", issue="Issue", action="Lead officer", is_line=True))


def test_a_rows_line_whose_text_cell_names_another_columns_role_is_not_a_header():
    assert not is_header_row(RawRow(issue="force’s own target of 12.", action="officer lead. A working group",
                                    is_line=True))


def test_a_type_cells_first_line_set_alone_above_the_ref_line_names_the_rows_section():
    """Refs and Type cells centred in a row: "Issue" / "of" / "Concern" with the ref "(1)" on the middle line, the first
    line holding the Type word alone. Read alone "Issue" names the section; the line stays (dropped as junk, the row
    fell under the section a title above named, "Areas for Improvement")."""
    def typed(section="", ref="", page="", issue=""):
        return RawRow(ref=ref, page_ref=page, issue=issue, section=section, is_line=True)

    rows = [RawRow(text="Areas for Improvement", kind=RowKind.TEXT),
            typed("TYPE", "REPORT REF", "PG", "ISSUE OF CONCERN"),
            typed("Issue"), typed("of", "(1)", "Page 6", "Officers described the triage car"),
            typed("Concern", issue="as invaluable."),
            typed("Issue", page="Page 7"), typed("of", "(2)", "Figure 8", "Some calls were downgraded"),
            typed("Concern", issue="to a slower response.")]
    pieces, _notes, _dropped = classify(rows)
    refs = [(p.section, p.row.ref) for p in pieces if p.row.ref.startswith("(")]
    assert refs == [("Issues of concern", "(1)"), ("Issues of concern", "(2)")]


def test_a_running_head_set_above_the_header_on_each_page_is_no_row_text():
    """A running head the stream reader split into the table's columns ("Version 1.2 – 2" | "March 2017") or set in
    the text column sits above the header on every page: it belongs to no row, though it stands where a cut row's
    continuation would."""
    def at(page_index, ref="", page="", issue=""):
        return RawRow(ref=ref, page_ref=page, issue=issue, is_line=True, page_index=page_index)

    rows = []
    for p, (version, month) in enumerate([("Version 1.2 – 2", "March 2017"), ("Version 1.2 – 9", "March 2017")]):
        rows += [at(p, issue="Inspection findings: progress tracker"), at(p, ref=version, page=month),
                 at(p, "Ref", "Page", "Issue of Concern")]
        rows += [at(p, issue="Body-worn video is available to all officers, but only"), at(p, f"{p + 1}.", "Page 21"),
                 at(p, issue="few incidents had footage attached.")]
    pieces, _notes, _dropped = classify(rows)
    texts = " ".join(p.row.ref + p.row.page_ref + p.row.issue for p in pieces)
    assert "progress tracker" not in texts and "Version" not in texts and "March" not in texts
    assert texts.count("Body-worn video") == 2


def test_rows_set_above_a_later_tables_header_on_each_page_are_no_running_head():
    """Each section its own table with its own header (a column names the section): the last rows of one section sit
    above the next section's header on the page. Their ref and page lines ("13", "Pages", "24 and") recur, numbers
    masked, above a header on another page, but words make a running head, numbers and page words do not."""
    def at(page_index, ref="", page="", issue=""):
        return RawRow(ref=ref, page_ref=page, issue=issue, is_line=True, page_index=page_index)

    rows = [at(0, "Ref", "Page", "Issue of Concern"), at(0, "1", "Page 6", "The force does not check records.")]
    for p, (ref, text, end, header) in enumerate([
            ("13", "The force has no plan for its", "estate.", "Area for improvement"),
            ("24", "Officers are not trained in", "its use.", "Recommendation")], start=1):
        rows += [at(p, ref, "Pages", text), at(p, page="24 and", issue=end),
                 at(p, page="29"), at(p, "Ref", "Page", header),
                 at(p, f"{p + 30}", "Page 40", "The force should improve how it plans.")]
    pieces, _notes, _dropped = classify(rows)
    assert [p.row.ref for p in pieces if p.row.ref] == ["1", "13", "31", "24", "32"]
    assert sum("29" in p.row.page_ref for p in pieces) == 2


def test_a_rows_first_line_that_recurs_above_a_later_tables_header_at_another_height_is_no_running_head():
    """Two rows open with the same words ("The force needs to improve how it identifies"), each above the next
    section's header on its page: a running head stands at one place on every page, these stand where their rows
    fall."""
    def at(page_index, top, ref="", page="", issue=""):
        return RawRow(ref=ref, page_ref=page, issue=issue, is_line=True, page_index=page_index, top=top,
                      bottom=top + 10.0)

    rows = [at(0, 60.0, "Ref", "Page", "Issue of Concern"), at(0, 80.0, "1", "Page 6", "The force does not check.")]
    for p, (top, ref, end, header) in enumerate([(300.0, "13", "repeat victims.", "Area for improvement"),
                                                 (520.0, "2", "vulnerable victims.", "Recommendation")], start=1):
        rows += [at(p, 60.0, issue="Report on Westshire Police"),
                 at(p, top, issue="The force needs to improve how it identifies"), at(p, top + 12.0, ref, "Page 9"),
                 at(p, top + 24.0, issue=end), at(p, top + 60.0, "Ref", "Page", header),
                 at(p, top + 80.0, f"{p + 30}", "Page 40", "The force should improve how it plans.")]
    pieces, _notes, _dropped = classify(rows)
    texts = [p.row.issue for p in pieces]
    assert texts.count("The force needs to improve how it identifies") == 2
    assert "Report on Westshire Police" not in texts


def test_a_section_band_the_stream_reader_set_in_the_text_column_is_a_title_not_the_next_rows_first_line():
    """An unruled table's band ("HMICFRS areas for improvement"), left-aligned, falls in the text column as a line of
    its own between the last row's full stop and the next row's first line: it names the rows below, it is no row
    text."""
    rows = [line(issue="We said that the force should take steps to reduce"), line("68)", "Page 33"),
            line(issue="the number of closed investigations."),
            line(issue="HMICFRS areas for improvement"),
            line(issue="The force should improve how it uses its"), line("1)", "Page 42"),
            line(issue="understanding of demand to plan its workforce.")]
    pieces, _notes, _dropped = classify(rows)
    assert "HMICFRS areas for improvement" not in [p.row.issue for p in pieces]
    assert [p.section for p in pieces if p.row.ref] == ["Issues of concern", "Areas for improvement"]
    assert not any("guess" in f or "no heading" in f for p in pieces if p.row.ref == "1)" for f in p.flags)


def test_a_section_band_the_stream_reader_set_in_the_ref_column_at_a_page_foot_names_the_rows_below():
    """A band short enough to fit the first column ("CAUSES FOR CONCERN") on a page's last line, after a row's full
    stop, falls in the ref column as a line of its own; the next page opens with the header repeated and the section's
    first row: the band names that row's section (read as a ref cell without its number, the row fell under the
    next band's guess and the cause of concern was lost)."""
    rows = [line("(19)", "Pg 27", "Spending on overtime was 22% above budget."),
            line("CAUSES FOR CONCERN"),
            line("#", "PAGE NO.", "DESCRIPTION"),
            line("(1)", "pp. 29-31", "We have serious concerns about the force's"),
            line(issue="management of registered sex offenders."),
            RawRow(text="RECOMMENDATIONS: IN RESPONSE TO THE CAUSE OF CONCERN", kind=RowKind.TEXT, band=True),
            line("(1)", "29-30", "Within six months, the force should put in place"),
            line(issue="arrangements to record crime."),
            RawRow(text="HMICFRS AREAS FOR IMPROVEMENT: EFFICIENCY", kind=RowKind.TEXT, band=True),
            line("(1)", "pp. 37-39", "The force should improve how it plans its workforce.")]
    for k, row in enumerate(rows):
        row.page_index, row.table_id = (2, 1) if k < 2 else (3, 2)
    pieces, _notes, _dropped = classify(rows)
    assert [(p.row.ref, p.section) for p in pieces if p.row.ref] == [
        ("(19)", "Issues of concern"), ("(1)", "Causes of concern"), ("(1)", "Recommendations"),
        ("(1)", "Areas for improvement")]


def test_a_type_cell_a_page_break_cut_after_a_word_broken_mid_word_goes_on_under_the_repeated_header():
    """A narrow Type column breaks "AREA FOR IMPROVEMENT" mid-word and the page break falls inside it: "AREA FOR" /
    "IMPROVEM" at the page foot, "ENT" atop the next page under the repeated header. The pieces are one Type cell
    across the break, so the row's section is the one it names (it fell under the section above, recommendations)."""
    def typed(page_index, table_id, section="", ref="", page="", issue=""):
        return RawRow(ref=ref, page_ref=page, issue=issue, section=section, is_line=True, page_index=page_index,
                      table_id=table_id)

    rows = [typed(0, 1, "TYPE", "AFI REF", "REPORT PAGE", "HMICFRS FINDING"),
            typed(0, 1, "RECOMMEN", "8.", "p. 21", "The force should develop an action plan."),
            typed(0, 1, "DATION"),
            typed(0, 1, "AREA FOR", "9.", "p.23", "The force needs to improve how it records"),
            typed(0, 1, "IMPROVEM", issue="the vulnerability of victims."),
            typed(1, 2, "TYPE", "AFI REF", "REPORT PAGE", "HMICFRS FINDING"),
            typed(1, 2, "ENT"),
            typed(1, 2, "AREA FOR", "10.", "pp. 23-24", "The force should improve its investigations."),
            typed(1, 2, "IMPROVEM", issue="and record their direction."),
            typed(1, 2, "ENT")]
    pieces, _notes, _dropped = classify(rows)
    refs = [(p.section, p.row.ref) for p in pieces if p.row.ref]
    assert refs == [("Recommendations", "8."), ("Areas for improvement", "9."), ("Areas for improvement", "10.")]
