"""Regrouping one-row-per-text-line input into whole rows: variants the seed does not show."""

from __future__ import annotations

from hmic_extract.extract.pipetext import pipe_text_to_raw
from hmic_extract.model import RawRow, RowKind
from hmic_extract.normalise import normalise
from hmic_extract.normalise.lines import break_cost, regroup_lines
from hmic_extract.normalise.pieces import Piece

HEADER = "| Ref | Page Ref | Issue of concern | Action taken |\n|---|---|---|---|\n"


def line(ref: str, page: str, text: str, top: float, section: str = "Issues of concern", part: int = 1,
         method: str = "stream") -> Piece:
    """One text line of an unruled table as the extractor hands it on: ref, page and text cells with its top."""
    return Piece(row=RawRow(ref=ref, page_ref=page, issue=text, is_line=True, top=top, bottom=top + 10,
                            method=method, table_id=part, page_index=part - 1), section=section)


def rows_of(text: str):
    return normalise(pipe_text_to_raw(HEADER + text)).findings


def test_refs_on_the_first_line_of_each_row():
    doc = rows_of("| 1 | Page 4 | The force does not record crime | |\n"
                  "| | | accurately in every case. | |\n"
                  "| 2 | Page 6 | Supervision of investigations is | |\n"
                  "| | | inconsistent across teams. | |\n"
                  "| 3 | Page 9 | Victims are not kept informed. | |\n")
    assert [(f.ref, f.issue) for f in doc] == [
        (1, "The force does not record crime accurately in every case."),
        (2, "Supervision of investigations is inconsistent across teams."),
        (3, "Victims are not kept informed.")]


def test_refs_on_the_middle_line_of_each_row():
    doc = rows_of("| | | Officers in the control room are | |\n"
                  "| 1 | Page 12 | not trained to assess risk, and | |\n"
                  "| | | calls are graded inconsistently. | |\n"
                  "| | | The force has no plan to reduce | |\n"
                  "| 2 | Page 14 | the backlog of digital devices | |\n"
                  "| | | awaiting examination | |\n")
    assert [f.issue for f in doc] == [
        "Officers in the control room are not trained to assess risk, and calls are graded inconsistently.",
        "The force has no plan to reduce the backlog of digital devices awaiting examination"]


def test_refs_on_the_last_line_of_each_row():
    doc = rows_of("| | | Neighbourhood officers are often | |\n"
                  "| | | taken from their area to support | |\n"
                  "| 1 | Page 3 | response teams. | |\n"
                  "| | | Partnership data is not used to | |\n"
                  "| 2 | Page 5 | understand the local threat. | |\n")
    assert [f.issue for f in doc] == [
        "Neighbourhood officers are often taken from their area to support response teams.",
        "Partnership data is not used to understand the local threat."]


def test_row_broken_over_two_page_breaks_is_one_row():
    doc = rows_of("| 1 | Page 8 | Whole first row. | |\n"
                  "| | | The force's plans to improve the | |\n"
                  "| 2 | Page 9 | quality of investigations have not | |\n"
                  "\n| | | yet been communicated to all staff, | |\n|---|---|---|---|\n"
                  "| | | and their effect is not known | |\n"
                  "\n| | | to the force or to victims. | |\n|---|---|---|---|\n"
                  "| 3 | Page 11 | Last row. | |\n")
    assert [f.ref for f in doc] == [1, 2, 3]
    assert doc[1].issue.endswith("not yet been communicated to all staff, and their effect is not known to the "
                                 "force or to victims.")
    assert any(r.rule == "merge-continuation" for r in doc[1].provenance.repairs)


def test_other_garbles_of_page_and_ref_are_repaired_from_neighbours():
    doc = rows_of("| 1 | Page 4 | First row. | |\n"
                  "| 2 | Pago 7 | Second row with a look-alike page word. | |\n"
                  "| 8 | Page 9 | Third row whose ref was misread. | |\n"
                  "| 4 | Page 12 | Fourth row. | |\n")
    assert [f.ref for f in doc] == [1, 2, 3, 4]
    assert doc[1].page_ref == "Page 7" and any(r.rule == "ocr-page-word" for r in doc[1].provenance.repairs)
    assert any(r.rule == "ref-sequence" and r.before == "8" for r in doc[2].provenance.repairs)
    assert not doc[2].needs_review


def test_ref_that_cannot_be_inferred_is_kept_and_flagged():
    doc = rows_of("| 1 | Page 4 | First row. | |\n| 7 | Page 9 | A row after a gap. | |\n")
    assert doc[1].ref == 7 and doc[1].needs_review


def test_ocr_duplicate_of_a_ref_line_is_dropped_and_recorded():
    doc = rows_of("| | | Staff do not always record the | |\n"
                  "| 5 | Page 21 | rationale for the grading of calls, | |\n"
                  "| 8 | Dage 27 | which weakens supervision. | |\n"
                  "| 6 | Page 22 | Next row. | |\n")
    assert [f.ref for f in doc] == [5, 6]
    assert doc[0].page_ref == "Page 21" and doc[0].pages == [21]
    assert {r.before for r in doc[0].provenance.repairs} >= {"8", "Dage 27"}


def test_unreadable_page_ref_is_kept_and_flagged():
    doc = rows_of("| 1 | l ugo oo | A row whose page cell OCR could not read. | |\n")
    assert doc[0].needs_review


def test_reviewer_notes_inside_a_cell_stay_in_the_text():
    doc = rows_of("| 1 | Page 35 | The case was resolved by a harassment | |\n"
                  "| | | warning. (PG: despite the training given). | |\n")
    assert doc[0].issue.endswith("(PG: despite the training given).")


def test_rows_with_geometry_are_split_at_the_wider_gaps():
    pieces = [line("1", "Page 2", "The force should improve", 100), line("", "", "its response to calls", 112),
              line("", "", "Partner agencies are not", 134), line("2", "Page 3", "told of the outcome", 146)]
    rows = regroup_lines(pieces)
    assert [r.row.issue for r in rows] == ["The force should improve\nits response to calls",
                                           "Partner agencies are not\ntold of the outcome"]


def test_break_cost_prefers_sentence_ends():
    assert break_cost("the victim.", "Supervisors") < break_cost("the victim", "Supervisors")
    assert break_cost("risk and", "Harm") > break_cost("risk better", "The")
    assert break_cost("the victim.", "and then") > break_cost("the victim.", "And then")


def test_two_alike_lines_of_a_pdfs_own_text_are_both_kept():
    def rec(ref: str, page: str, text: str, top: float) -> Piece:
        return line(ref, page, text, top, "Recommendations")

    pieces = [rec("R3", "33", "Within six months, the force", 0), rec("", "", "investigations so that: (a)", 14),
              rec("", "", "every investigation has a", 28), rec("", "", "plan; (b) supervisors", 42),
              rec("R4", "34", "Investigations so that the force", 60), rec("", "", "investigations so that it", 74)]
    rows = regroup_lines(pieces)
    assert rows[0].row.issue.split("\n") == ["Within six months, the force", "investigations so that: (a)",
                                             "every investigation has a", "plan; (b) supervisors"]


def test_a_number_under_a_page_range_broken_after_its_dash_ends_that_range_not_the_next_rows():
    def afi(ref: str, page: str, text: str, top: float) -> Piece:
        return line(ref, page, text, top, "Areas for improvement")

    pieces = [afi("5", "pp.", "The force should improve how it", 0), afi("", "23-", "uses its understanding", 14),
              afi("", "24", "to plan its workforce.", 28), afi("6", "Pag", "The force should evaluate", 48),
              afi("", "e 24", "its investment.", 62)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.split("\n")[-1]) for r in rows] == [
        ("5", "pp. 23-24", "to plan its workforce."), ("6", "Page 24", "its investment.")]


def test_a_page_ref_broken_letter_by_letter_in_a_narrow_column_with_refs_between_lines_is_whole():
    pieces = [line("", "", "The force has a good understanding of", 0), line("", "Page", "", 8),
              line("", "s", "county lines drug supply, but its", 15), line("Issue 6", "", "depends on a team", 29),
              line("", "11/1", "", 37), line("", "2", "beyond March.", 44),
              line("", "Page", "Officers are not always aware", 65), line("", "13", "of the policy.", 79),
              line("Issue 7", "", "", 87)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.split("\n")[-1]) for r in rows] == [
        ("Issue 6", "Pages 11/12", "beyond March."), ("Issue 7", "Page 13", "of the policy.")]


def test_a_tall_row_cut_by_a_page_break_keeps_its_lines_when_the_next_rows_refs_are_centred():
    def rec(ref: str, page: str, text: str, top: float, part: int) -> Piece:
        return line(ref, page, text, top, "Recommendations", part)

    first = [f"evidence line {k} of the cause of concern" for k in range(26)]
    pieces = [rec("CoC 1", "11-12", first[0], 149, 1),
              *[rec("", "", t, 164 + 14.5 * k, 1) for k, t in enumerate(first[1:])],
              *[rec("", "", f"the rest of the cause, line {k}", 107 + 15 * k, 2) for k in range(4)],
              rec("", "", "Within three months, the force", 172, 2), rec("", "Page 14", "should use THRIVE", 187, 2),
              rec("Rec. 1", "(para 4.4)", "for every call", 201, 2), rec("", "", "and record why.", 216, 2),
              rec("", "", "Within six months, the force", 251, 2), rec("", "", "should make sure staff", 266, 2),
              rec("Rec. 2", "Page 17,", "understand the policy", 273, 2), rec("", "Table 2", "on grading", 287, 2),
              rec("", "", "of calls.", 310, 2)]
    rows = regroup_lines(pieces)
    assert [r.row.issue.replace("\n", " ") for r in rows] == [
        " ".join(first + [f"the rest of the cause, line {k}" for k in range(4)]),
        "Within three months, the force should use THRIVE for every call and record why.",
        "Within six months, the force should make sure staff understand the policy on grading of calls."]


def test_a_row_whose_text_sits_above_its_centred_ref_and_long_action_keeps_its_text():
    doc = rows_of("| | | Staff recognise vulnerable people | |\n"
                  "| 3 | Pg 7 | but do not always record | |\n"
                  "| | | their assessment on the incident log. | |\n"
                  "| | | The force does not evaluate operations | The force accepts |\n"
                  "| | | and does not share good practice. | this finding. A dip |\n"
                  "| | | | sample of 50 |\n"
                  "| | | | records will be |\n"
                  "| 4 | 7 | | carried out each |\n"
                  "| | | | month and |\n"
                  "| | | | reported to the |\n"
                  "| | | | Deputy Chief |\n"
                  "| | | | Constable. |\n")
    assert [f.issue for f in doc] == [
        "Staff recognise vulnerable people but do not always record their assessment on the incident log.",
        "The force does not evaluate operations and does not share good practice."]


def test_a_page_pair_cut_before_a_final_zero_keeps_the_zero():
    pieces = [line("", "Pages", "Within six months, the force", 0), line("Rec 30", "", "should make sure that", 14),
              line("", "39/4", "supervisors review progress at set", 28), line("", "0", "intervals.", 42),
              line("", "Page", "The force should develop", 62), line("Rec 31", "41", "an action plan.", 76)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref) for r in rows] == [("Rec 30", "Pages 39/40"), ("Rec 31", "Page 41")]


def stream_row(ref: str, page: str, text: str, top: float, action: str = "", part: int = 1) -> RawRow:
    """One text line of an unruled table with its geometry, as the stream reader hands it to the normaliser."""
    return RawRow(ref=ref, page_ref=page, issue=text, action=action, is_line=True, top=top, bottom=top + 10,
                  method="stream", table_id=part, page_index=part - 1)


def centred_row(ref: str, page: str, words: list[str], top: float, part: int) -> list[RawRow]:
    """A row of five text lines with its ref and page cells on the middle one."""
    return [stream_row(ref if k == 2 else "", page if k == 2 else "", w, top + 14 * k, part=part)
            for k, w in enumerate(words)]


def test_a_row_whose_ref_is_centred_beside_a_tall_action_cell_keeps_its_text_at_the_top_of_a_page():
    from hmic_extract.model import RawDocument

    action = [f"update line {k} of the force's response" for k in range(31)]
    text = ["The force should improve how it uses", "its understanding of demand to plan",
            "its workforce and make sure that", "officers are deployed where they", "are needed most."]
    rows = [RawRow(kind=RowKind.TEXT, text="Areas for improvement", top=80, bottom=90, method="stream", table_id=1),
            *centred_row("AFI 1", "Page 24", text, 100, part=1),
            # the next page: the row's text and action start at the top, its ref is centred on the tall action
            stream_row("", "", "The force needs to improve how it records", 50, action[0], part=2),
            stream_row("", "", "the vulnerability of victims.", 64, action[1], part=2),
            *[stream_row("AFI 2" if k == 15 else "", "Page 26" if k == 15 else "", "", 50 + 14 * k, action[k],
                         part=2) for k in range(2, 31)],
            *centred_row("AFI 3", "Page 28", text, 500, part=2),
            *centred_row("AFI 4", "Page 29", text, 580, part=2),
            *centred_row("AFI 5", "Page 30", text, 660, part=2)]
    doc = normalise(RawDocument(source="t.pdf", kind="annex", rows=rows))
    whole = " ".join(text)
    assert [(f.ref, f.issue) for f in doc.findings] == [
        (1, whole), (2, "The force needs to improve how it records the vulnerability of victims."), (3, whole),
        (4, whole), (5, whole)]
    assert doc.findings[1].action.startswith("update line 0") and "update line 30" in doc.findings[1].action


def test_a_page_cell_cut_by_a_page_break_ends_on_the_next_page_with_the_rest_of_its_row():
    """"Page 30 Figure 4" wrapped as "Page" / "30" / "Figur" / "e 4": the page break falls after "30", so the
    last two fragments sit at the top of the next page, above the next row's ref; they and the text beside them
    still belong to the cut row."""
    pieces = [line("61.", "Page", "We said that the force should", 100), line("", "30", "train all officers.", 114),
              line("62.", "Page", "We said that the force", 142), line("", "30", "should improve the", 156),
              line("", "", "supervision of its digital", 170),
              line("", "Figur", "forensic backlog, which", 40, part=2), line("", "e 4", "stood at 1,432", 54, part=2),
              line("", "", "devices in June.", 68, part=2),
              line("63.", "Page", "We said that the force should", 96, part=2),
              line("", "31", "engage with communities.", 110, part=2)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("61.", "Page 30", "We said that the force should train all officers."),
        ("62.", "Page 30 Figure 4", "We said that the force should improve the supervision of its digital forensic "
                                    "backlog, which stood at 1,432 devices in June."),
        ("63.", "Page 31", "We said that the force should engage with communities.")]


def test_a_row_whose_page_cell_goes_on_with_a_figure_label_keeps_its_first_line():
    """"IOC-" / "16" and "Page 11" / "Figure 1" over two lines: the label under the page ref names no other page, so
    the first line (ref label, page ref, text) is the row below's, not the row above's that cites page 11 too."""
    pieces = [line("IOC-", "Page 11", "Spending on overtime was £3.1m,", 0), line("15", "", "22% above budget,", 14),
              line("", "", "to cover vacancies.", 28),
              line("IOC-", "Page 11", "23 incidents were brought to the", 50),
              line("16", "Figure 1", "force because of serious concerns", 64), line("", "", "about welfare.", 78)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("IOC-15", "Page 11", "Spending on overtime was £3.1m, 22% above budget, to cover vacancies."),
        ("IOC-16", "Page 11 Figure 1", "23 incidents were brought to the force because of serious concerns about "
                                       "welfare.")]


def test_a_ref_whose_last_digit_wraps_to_the_next_line_is_whole():
    """"AFI-1" / "0" in a narrow ref column is AFI-10 when the refs run 8, 9 and on to 11: not a second AFI-1."""
    pieces = [line("AFI-8", "Page 55", "The force should make sure that", 0),
              line("", "", "stop and search is fair.", 14),
              line("AFI-9", "Page 57", "The force should improve the way", 34), line("", "", "it collects data.", 48),
              line("AFI-1", "Page 58", "The force should review its approach to", 68),
              line("0", "", "neighbourhood policing so that officers", 82),
              line("", "", "have time for problem-solving.", 96),
              line("AFI-1", "Page 60", "The force should make sure that", 116),
              line("1", "", "victims are updated.", 130)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.issue.split("\n")[0]) for r in rows] == [
        ("AFI-8", "The force should make sure that"), ("AFI-9", "The force should improve the way"),
        ("AFI-10", "The force should review its approach to"), ("AFI-11", "The force should make sure that")]


def test_a_prefixed_ref_whose_last_digit_wraps_reads_on_though_the_digit_alone_is_the_next_ref():
    """"AfI-1" / "2" after AfI-11 is AfI-12, not AfI-1 and a row 2: a bare "2" is no ref of a table whose refs carry a
    prefix ("1" / "2" on one-line rows of plain refs start a new run; the rest of the section was numbered 1 and 2)."""
    pieces = [line("AfI-1", "p.24", "The force should improve the timeliness of", 0),
              line("1", "", "its response to calls.", 14),
              line("AfI-1", "P25", "The force should improve its use of ancillary", 34),
              line("2", "", "orders to protect the public.", 48),
              line("AfI-1", "p.27", "The force needs to make sure it complies", 68),
              line("3", "", "with the Code.", 82)]
    rows = regroup_lines(pieces)
    assert [r.row.ref for r in rows] == ["AfI-11", "AfI-12", "AfI-13"]


def test_a_paragraph_label_and_its_number_wrapped_under_the_page_ref_stay_with_their_row():
    """"Page 22 (para 5.5)" wrapped in a narrow page column as "Page" / "22" / "(para" / "5.5)": the bracket goes on
    with the page ref above and the number ends the label, however near the next row's ref they sit (taken by the
    next row, the cut row lost its last line and the next row its page ref)."""
    from hmic_extract.model import RawDocument

    rows = [stream_row("3.", "Page", "By December 2024, the force should have a", 100),
            stream_row("", "22", "sustainable plan for the recruitment and", 112),
            stream_row("", "(para", "retention of call handlers.", 124),
            stream_row("", "5.5)", "", 136),
            stream_row("4.", "26–27", "By September 2023, chief constables should", 148),
            stream_row("", "", "make sure their forces have enough capacity.", 160)]
    doc = normalise(RawDocument(source="t.pdf", kind="annex", rows=rows))
    assert [(f.ref, f.pages, f.issue) for f in doc.findings] == [
        (3, [22], "By December 2024, the force should have a sustainable plan for the recruitment and retention of "
                  "call handlers."),
        (4, [26, 27], "By September 2023, chief constables should make sure their forces have enough capacity.")]


def test_a_label_under_a_page_ref_that_ends_in_a_comma_goes_on_with_it():
    """"Page 45," / "Table 2" wrapped over two lines, the next row's ref one line below the label: the comma leaves
    the page ref open, so the label and the text beside it are the row above's."""
    pieces = [line("5.", "Page", "The force should improve the supervision of its", 0),
              line("", "45,", "digital forensic backlog, which stood at 1,432", 12),
              line("", "Table 2", "devices in June.", 24),
              line("6.", "Page", "The force should make sure its vetting", 36),
              line("", "49", "arrangements comply with the APP.", 48)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("5.", "The force should improve the supervision of its digital forensic backlog, which stood at 1,432 "
               "devices in June."),
        ("6.", "The force should make sure its vetting arrangements comply with the APP.")]


def test_a_page_ref_ending_in_a_figure_label_over_the_centred_refs_number_is_that_rows():
    """"Page 11 Figure" / "1" in the page column, the ref centred on the second line: the label's number is on the
    ref's line, so the line above (page ref and the row's first text) is that row's, not the row above's that cites
    page 11 too."""
    pieces = [line("", "", "Spending on overtime was £3.1m, 22%", 0), line("IoC-15", "Page 11", "above budget.", 14),
              line("", "", "to cover vacancies.", 28),
              line("", "Page 11 Figure", "23 incidents were brought to the", 48),
              line("IoC-16", "1", "force because of serious concerns", 62), line("", "", "about welfare.", 76)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.split("\n")[0]) for r in rows] == [
        ("IoC-15", "Page 11", "Spending on overtime was £3.1m, 22%"),
        ("IoC-16", "Page 11 Figure 1", "23 incidents were brought to the")]


def test_rows_set_as_close_as_their_lines_leave_a_page_tops_line_with_the_cut_row():
    """Rows set with no more space between them than between a cell's lines: the white space says nothing, so it must
    not make the page break the cheapest boundary; the sentence's end does ("... Home Office" / "Counting Rules
    (HOCR)." at the next page's top ends the cut row, whose ref is on its first line)."""
    pieces = [line("1.", "29-30", "Within six months, the force should put in place", 500),
              line("", "", "arrangements to record crimes in accordance with the", 514),
              line("", "", "national crime recording standard and Home Office", 528),
              line("", "", "Counting Rules (HOCR).", 54, part=2),
              line("2.", "Page 31", "By 31 March 2024, the force should review its", 68, part=2),
              line("", "", "response to missing children so that the risk they", 82, part=2),
              line("", "", "face is understood.", 96, part=2),
              line("3.", "Page 33", "Within six months, the force should improve its", 110, part=2),
              line("", "", "supervision of investigations.", 124, part=2)]
    rows = regroup_lines(pieces)
    assert [r.row.issue.split("\n")[-1] for r in rows] == ["Counting Rules (HOCR).", "face is understood.",
                                                            "supervision of investigations."]


def test_a_joiner_under_a_page_ref_is_no_label_whose_number_the_next_row_holds():
    """"Pages 39" / "and" / "42" over three lines, the next row's page "39" a few lines below: "and" goes on with the
    page ref above (only a label, "Figure" or "para", ends with the number on the next row's line)."""
    pieces = [line("", "Page", "The force should develop an action plan to", 0),
              line("Rec31", "s 39", "address the recommendation made in our", 14),
              line("", "and", "2017 report, which", 28), line("", "42", "it has not yet implemented.", 42),
              line("", "Page", "The force should review its use of voluntary", 56),
              line("Rec32", "39", "attendance for suspects.", 70)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref) for r in rows] == [("Rec31", "Pages 39 and 42"), ("Rec32", "Page 39")]


def test_a_page_word_a_narrow_column_cut_around_a_middle_aligned_ref_stays_with_its_row():
    """"Pag" / "e 10" on lines of their own above and below a ref centred in a tall row: the cut word is the page
    cell's, not a junk line (the row lost its page ref, and its pages)."""
    doc = rows_of("| | | The force's leaflet for victims of | |\n"
                  "| | | domestic abuse has been translated | |\n"
                  "| | Pag | | |\n"
                  "| 1 | | into Arabic but the Urdu version | |\n"
                  "| | e 10 | | |\n"
                  "| | | has not been updated since 2018. | |\n"
                  "| | | All forces should, within six months, | |\n"
                  "| | Pag | inform HMICFRS of their progress in | |\n"
                  "| 2 | | | |\n"
                  "| | e 12 | improving their response to stalking. | |\n")
    assert [(f.ref, f.page_ref, f.pages) for f in doc] == [(1, "Page 10", [10]), (2, "Page 12", [12])]


def test_a_page_cells_joiner_and_last_number_set_under_the_refs_line_stay_with_the_row():
    """A page cell set at its own pitch beside a tall row's text, the ref centred on a line between its pieces:
    "Pages 15" / (ref line) / "and" / "21". The lone "and" two lines under the page cell goes on the cell (it was
    dropped as junk, and with it page 21)."""
    doc = rows_of("| 7 | Page 13 | Officers are not always aware. | |\n"
                  "| | | The force's digital media | |\n"
                  "| | Pages 15 | investigators (DMIs) are | |\n"
                  "| 8 | | not available at weekends, | |\n"
                  "| | and | | |\n"
                  "| | | which delays the early | |\n"
                  "| | 21 | capture of evidence. | |\n"
                  "| 9 | Page 22 | The number of arrests has fallen. | |\n")
    assert [(f.ref, f.pages) for f in doc] == [(7, [13]), (8, [15, 21]), (9, [22])]


def test_a_figure_label_a_narrow_page_column_cut_stays_with_the_row_above():
    """"Page" / "11" / "Figu" / "re 1" down a narrow page column beside a row's five lines: "Figu" is a cut label,
    not a page ref of its own, so it does not pull the row's last lines into the next row."""
    doc = rows_of("| 16) | Page | 23 incidents were brought to | |\n"
                  "| | 11 | the attention of the force | |\n"
                  "| | Figu | immediately because of | |\n"
                  "| | re 1 | serious concerns about | |\n"
                  "| | | welfare and safeguarding. | |\n"
                  "| 17) | Page | The force can examine | |\n"
                  "| | 11 | handsets, but where analysis | |\n"
                  "| | | is needed for evidential | |\n"
                  "| | | purposes there can be a delay. | |\n")
    assert [(f.ref, f.issue) for f in doc] == [
        (16, "23 incidents were brought to the attention of the force immediately because of serious concerns about "
             "welfare and safeguarding."),
        (17, "The force can examine handsets, but where analysis is needed for evidential purposes there can be a "
             "delay.")]


def test_rows_set_blank_lines_apart_keep_their_lines_though_the_ref_sits_low_in_a_padded_row():
    """A spreadsheet pads its rows: the text sits at the top of a tall row, the ref centred in it, so low beside the
    text; rows are set three blank lines apart. The wide gaps tell the boundaries (the first row's last lines went to
    the next row, whose ref then sat at the foot of its lines as the first row's did)."""
    first = ["The force's control room does not have enough staff to meet",
             "demand. In the year to March it answered",
             "71% of 999 calls within ten seconds, against a national",
             "standard of 90%, and the average time to",
             "answer a 101 call was 11 minutes. Call handlers told us",
             "they felt under constant pressure to move on",
             "to the next call. We listened to 40 calls and found that",
             "in 12 the caller's vulnerability had not been",
             "identified. The force has started a recruitment campaign,",
             "but it does not yet know whether it works.",
             "It has not carried out a demand analysis of the control",
             "room since 2019, and its shift patterns do not",
             "match the times of peak demand on Fridays and Saturdays."]
    pieces = [line("(1)" if k == 9 else "", "11-12" if k == 9 else "", text, 100 + 14 * k,
                   section="Causes of concern") for k, text in enumerate(first)]
    top = 100 + 14 * len(first) + 40
    for n, texts in enumerate((["Within three months, the force should make sure that call",
                                "handlers use a structured", "triage process for every call."],
                               ["Within three months, the force should make sure that", "officers understand the",
                                "policy on the grading of calls."]), start=1):
        pieces += [line(f"({n})" if k == 2 else "", f"Page {12 + 2 * n}" if k == 2 else "", text, top + 14 * k,
                        section="Recommendations") for k, text in enumerate(texts)]
        top += 14 * len(texts) + 40
    rows = regroup_lines(pieces)
    assert [len(r.row.issue.split("\n")) for r in rows] == [13, 3, 3]


def test_a_paragraph_label_and_its_number_carried_over_a_page_break_stay_with_the_cut_row():
    """"Page" / "28" / "(para" / "4.4)": the page break falls after "28"; "(para" and its number at the next page's
    top end the cut row's page cell, so they and the text beside them stay with that row (the number was taken for
    the next row's, which then began above its own ref)."""
    pieces = [line("AFI 18", "Page", "The force should ensure that", 100),
              line("", "28", "all officers receive an", 114), line("", "", "annual performance", 128),
              line("", "(para", "development review that is", 40, part=2),
              line("", "4.4)", "meaningful to them.", 54, part=2),
              line("AFI 19", "Page", "The force should improve the", 68, part=2),
              line("", "28", "quality of its investigations.", 82, part=2)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("AFI 18", "The force should ensure that all officers receive an annual performance development review that is "
                   "meaningful to them."),
        ("AFI 19", "The force should improve the quality of its investigations.")]


def test_one_wide_gap_among_rows_set_at_their_lines_pitch_does_not_outweigh_a_cut_rows_sentence():
    """Rows set as close as their lines, one wide gap among them (above a footnote or a band): the row cut by the page
    break keeps its rest on the next page ("are" / "booked in two-hour slots"), however tight the gaps there."""
    pieces = [line("IOC 9", "Page 8", "The number of arrests has fallen.", 0),
              line("IOC 10", "Page 9", "Forces define a vulnerable victim in", 88),
              line("", "", "different ways, and the force uses its own", 102),
              line("", "", "definition, not understood by staff.", 116),
              line("IOC 11", "Page 9", "Appointments for domestic abuse incidents are", 130),
              line("", "", "booked in two-hour slots, which means there is", 40, part=2),
              line("", "", "sometimes a lack of resources to cover other", 54, part=2),
              line("", "", "appointments.", 68, part=2),
              line("IOC 12", "Page 10", "2,314 crimes were recorded as no further action", 82, part=2),
              line("", "", "in the quarter without a supervisor's review.", 96, part=2),
              line("IOC 13", "Page 10", "A number of officers told us they had not", 110, part=2),
              line("", "", "received training in the use of the risk", 124, part=2),
              line("", "", "assessment for more than three years.", 138, part=2)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, len(r.row.issue.split("\n"))) for r in rows] == [
        ("IOC 9", 1), ("IOC 10", 3), ("IOC 11", 4), ("IOC 12", 2), ("IOC 13", 3)]


def test_a_figure_label_under_a_page_ref_waits_for_its_own_number_not_the_next_rows_page():
    """"Page" / "11" / "Figure" / "1" down the page column of a row whose ref sits on its second line, the next row's
    "Page" / "11" a line under "1": the label's number is the line right under it, so "Figure" does not end the next
    row's page ref (which pulled the row's last line into the next row)."""
    pieces = [line("Issue-", "Page", "23 incidents were brought to the attention of the", 0),
              line("16", "11", "force immediately because of serious concerns about", 14),
              line("", "Figure", "welfare and safeguarding.", 28), line("", "1", "", 42),
              line("Issue-", "Page", "The force can examine handsets, but where analysis", 58),
              line("17", "11", "is needed for evidential purposes.", 72)]
    rows = regroup_lines(pieces)
    assert [(r.row.page_ref, r.row.issue.split("\n")[-1]) for r in rows] == [
        ("Page 11 Figure 1", "welfare and safeguarding."), ("Page 11", "is needed for evidential purposes.")]


def test_a_lone_page_range_between_a_rows_lines_is_its_page_cell_not_junk():
    """A page cell set alone on a line of its own inside a tall row ("57–58", the ref's label broken over the lines
    around it), further from the last page cell above than a page cell's own lines reach: a number between two lines
    of one table part is no page-top fragment or folio, so it is the row's page ref (it was dropped as junk)."""
    doc = rows_of("| 2 | Page 56 | Staff in the public protection unit carry caseloads | |\n"
                  "| | | of up to 30 investigations. | |\n"
                  "| | | Response officers said that they spend much of a | |\n"
                  "| Issu | | shift waiting with people in mental health crisis | |\n"
                  "| | 57–58 | | |\n"
                  "| e 3 | | at the emergency department – up to 11 hours in | |\n"
                  "| | | one case. | |\n")
    assert [(f.ref, f.pages) for f in doc] == [(2, [56]), (3, [57, 58])]


def test_a_ref_label_broken_over_three_lines_keeps_the_page_cell_beside_its_middle_piece():
    """"Iss" / "ue-" / "1" down a narrow ref column on lines of their own between the text's, the page cell "4" beside
    "ue-": the label's pieces are one ref cell, so the line holding "ue-" and the page is the row's (it was dropped as
    junk, and the row's page with it)."""
    doc = rows_of("| | | During our fieldwork, we found 247 | |\n"
                  "| Iss | | | |\n"
                  "| | | unallocated incidents, none of which | |\n"
                  "| ue- | 4 | | |\n"
                  "| | | had been assessed to see whether | |\n"
                  "| 1 | | | |\n"
                  "| | | a crime should be recorded. | |\n"
                  "| | | The force has plans to improve | |\n"
                  "| Iss | | | |\n"
                  "| | | crime recording at the first | |\n"
                  "| ue- | 6 | | |\n"
                  "| | | point of contact, but these | |\n"
                  "| 2 | | | |\n"
                  "| | | are not yet in place. | |\n")
    assert [(f.ref, f.pages) for f in doc] == [(1, [4]), (2, [6])]


def test_a_ref_label_cut_from_its_number_by_a_page_break_opens_the_row_on_the_next_page():
    """"Iss" / "ue-" at a page's foot beside the row's first lines and its page cell, "6" atop the next page: the label
    opens the next page's first ref, so those lines and the page ref are that row's, not the row's above."""
    pieces = [line("Iss", "", "The force's digital media investigators", 500),
              line("ue-", "Page 9", "are not available at weekends, which", 514),
              line("5", "", "delays the early capture of evidence.", 528),
              line("Iss", "P10", "The force's estate strategy relies", 546),
              line("ue-", "", "on the sale of two", 560),
              line("6", "", "stations that has not yet been agreed.", 54, part=2),
              line("Iss", "Page 12", "Staff told us that the system", 72, part=2),
              line("7", "", "was difficult to use.", 86, part=2)]
    rows = regroup_lines(pieces)
    assert [(r.row.page_ref, r.row.issue.split("\n")[0]) for r in rows] == [
        ("Page 9", "The force's digital media investigators"), ("P10", "The force's estate strategy relies"),
        ("Page 12", "Staff told us that the system")]


def test_a_ref_label_set_further_above_its_number_than_a_page_cell_reaches_is_still_that_rows():
    """"Iss" / "ue-" / "17" on lines of their own between a tall row's text lines: the label four lines above its
    number opens that ref, so its line is the row's first (it went to the row above with the text beside it)."""
    pieces = [line("ue-", "22", "2,314 crimes were recorded as", 0), line("16", "", "without review.", 14),
              line("", "", "Advertised meetings, such", 32), line("Iss", "", "as beat surgeries, are", 46),
              line("", "Page", "", 53), line("ue-", "", "often poorly attended and", 60),
              line("", "24", "", 67), line("17", "", "the force website is not", 74),
              line("", "", "always kept up to date.", 88)]
    rows = regroup_lines(pieces)
    assert [(r.row.page_ref, r.row.issue.split("\n")[0]) for r in rows] == [
        ("22", "2,314 crimes were recorded as"), ("Page 24", "Advertised meetings, such")]


def test_a_tall_row_whose_centred_ref_a_page_break_carried_over_keeps_its_lines_on_the_page_before():
    """Refs centred in their rows, a tall row split by a page break with its ref on the next page: the row's nine lines
    on the page before are its first (text goes on after a break, but a row centred on its ref may set many lines
    before it), not a run-on of the row above, whose ref sits centred on its own three lines."""
    first = ["The force has identified serious problems in its", "compliance with the national standard and has",
             "commissioned its own audit, which found that one", "in five crimes reported to it was not recorded.",
             "It has plans to improve crime recording at the", "first point of contact, but these are not yet",
             "in place and the problem continues; in fieldwork", "we found 31 incidents in which a crime should",
             "have been recorded but was not; they"]
    pieces = [line("", "", "We identified an area for improvement about bail;", 320),
              line("Issue 47", "Page 25", "the force has made little progress and the number", 334),
              line("", "", "of suspects released has risen by 41%.", 347),
              *[line("", "", text, 367 + 13 * k) for k, text in enumerate(first)],
              line("", "", "included crimes of violence against the person", 76, part=2),
              line("Issue 48", "Page 25", "and sexual offences; no referral had been made", 89, part=2),
              line("", "", "and the board has met only twice.", 102, part=2),
              line("", "", "The force should review its use of", 122, part=2),
              line("Issue 49", "Page 26", "voluntary attendance for suspects in", 135, part=2),
              line("", "", "domestic abuse cases.", 148, part=2)]
    rows = regroup_lines(pieces)
    assert [r.row.issue.split("\n")[0] for r in rows] == [
        "We identified an area for improvement about bail;", first[0], "The force should review its use of"]


def test_a_row_a_page_break_cut_is_centred_on_the_whole_row_not_on_the_part_its_ref_is_in():
    """A row taller than the page, its ref at the top of its first part and its text running on over the page break:
    centred on the whole row, its ref need only lie among the part's lines (costed as off-centre, the row's lines went
    to the next row, whose ref is centred on the next page); the same lines held on one page are off-centre."""
    from hmic_extract.normalise.anchors import find_anchors
    from hmic_extract.normalise.line_units import pieces_to_units
    from hmic_extract.normalise.lines import row_cost

    pieces = [line("CoC 1", "11–12", "The force's control room does not have", 100),
              *[line("", "", f"enough staff to meet demand, line {k}", 113 + 13 * k) for k in range(10)],
              line("", "", "and it has not analysed demand.", 60, part=2)]
    units = pieces_to_units(pieces)
    anchor = find_anchors(units)[0]
    assert row_cost(units, anchor, 0, len(units), "centre", False) == 0.0
    assert row_cost(units, anchor, 0, len(units) - 1, "centre", False) > 5.0


def test_a_row_whose_tall_action_cell_runs_over_a_page_break_does_not_take_the_next_rows_first_line():
    """A row, its ref at its top, whose action cell runs on over the page break (lines holding only action text): it is
    cut by the break whether or not it also takes the next row's first text line, so taking that line must not make it
    any better centred (it took "the force's own survey showed a fall in public" from the row below)."""
    from hmic_extract.model import RawDocument

    text = ["The force should improve the way it", "supervises investigations.", "It has made some progress."]
    rows = [*centred_row("(5)", "Page 9", [*text, "It has more to do.", "Work is under way."], 100, part=1),
            stream_row("(6)", "P10", "The force's estate strategy relies on the sale", 200, "Update 0", part=1),
            stream_row("", "", "of two stations that has not yet been agreed", 214, "Update 1", part=1),
            stream_row("", "", "by the police and crime commissioner.", 228, "Update 2", part=1),
            *[stream_row("", "", "", 242 + 14 * k, f"Update {k + 3}", part=1) for k in range(30)],
            *[stream_row("", "", "", 50 + 14 * k, f"Update {k + 33}", part=2) for k in range(6)],
            stream_row("", "", "the force's own survey showed a fall in public", 140, part=2),
            stream_row("(7)", "pp. 10-12", "satisfaction, from 84% to 76%, over the two", 154, part=2),
            stream_row("", "", "years to March.", 168, part=2),
            *centred_row("(8)", "P11", ["Staff told us that the", "records system was", "difficult to use and",
                                        "that workarounds were", "common."], 190, part=2)]
    doc = normalise(RawDocument(source="t.pdf", kind="annex", rows=rows))
    assert [f.issue.split(". ")[0][:30] for f in doc.findings][1:3] == [
        "The force's estate strategy re", "the force's own survey showed "]


def test_two_lines_of_a_scan_one_under_the_other_that_read_alike_are_both_kept():
    """OCR of a scan (no text layer): "investigations so that: (a) every" over "investigation has a plan; (b)" read
    alike and the first was dropped as a garbled second reading (9391-3); a line read twice sits at one height."""
    def rec(ref: str, page: str, text: str, top: float) -> Piece:
        return line(ref, page, text, top, "Recommendations", method="ocr-lines/rapidocr")

    pieces = [rec("", "", "Within six months, the force", 0), rec("", "", "should improve its supervision of", 10),
              rec("", "", "investigations so that: (a) every", 20),
              rec("", "Pages", "investigation has a plan; (b)", 30), rec("REC 30", "", "", 40),
              rec("", "39/40", "supervisors review progress at set", 50),
              rec("", "", "intervals; and (c) victims are", 60), rec("REC 31", "Page 41", "The force should make", 80),
              rec("", "", "sure each investigation has a plan", 90),
              rec("", "", "and a supervisor who reviews it.", 100)]
    rows = regroup_lines(pieces)
    assert "investigations so that: (a) every" in rows[0].row.issue.split("\n")


def test_a_page_ref_left_open_above_a_centred_ref_is_ended_by_the_number_on_the_refs_line():
    """A browser-printed row, ref and page cell both centred: "Pages 8 and" on the line above the ref, "16" on the
    ref's own line. The open page ref ("... and") goes on with the number that row holds, not with the next row's
    "Page 8" that shares its first number (the rows came out "16" and "Pages 8 and Page 8")."""
    doc = rows_of("| 1 | Pages 6/7 | The force does not routinely check records. | |\n"
                  "| | | Only 9 of the 20 cases we reviewed had been | |\n"
                  "| | Pages 8 and | recorded as stalking; the rest were | |\n"
                  "| 2 | 16 | recorded as harassment or malicious | |\n"
                  "| | | communications. | |\n"
                  "| 3 | Page 8 | The force's data on hate crime outcomes. | |\n"
                  "| 4 | Page 10 | The force could not show us how it works. | |\n")
    assert [(f.ref, f.pages) for f in doc] == [(1, [6, 7]), (2, [8, 16]), (3, [8]), (4, [10])]


def test_a_label_word_hyphenated_over_two_lines_of_the_page_cell_ends_its_own_rows_page_ref():
    """"Page" / "29" / "Fig-" / "ure 2": a narrow page column hyphenates "Figure" at a line end; the rest of the word
    with the label's number ("ure 2") is the end of that row's page ref, and the row's text beside it is that row's,
    not the start of the row below."""
    pieces = [line("57)", "Page", "We said that the force should improve how", 0),
              line("", "29", "it records the outcomes of its", 14),
              line("", "Fig-", "use of force, including the ethnicity of the", 28),
              line("", "ure 2", "people involved.", 42),
              line("58)", "Page", "We said that the force should improve its", 60),
              line("", "29", "understanding of future demand.", 74)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("57)", "Page 29 Figure 2", "We said that the force should improve how it records the outcomes of its use of "
                                    "force, including the ethnicity of the people involved."),
        ("58)", "Page 29", "We said that the force should improve its understanding of future demand.")]


def test_refs_set_at_the_top_of_their_rows_keep_a_cut_rows_last_lines_before_a_page_break_with_it():
    """Refs aligned to the top of their rows: a page break after a row ("... crime commissioner.") and the next row
    starting lower-case at the next page's top ("the force's own survey"). The next row's text never starts on the
    page before its ref when refs sit at the top of their rows, so the lines above the break stay with the row above,
    however its sentence breaks ("expected to raise" / "£4.7m)")."""
    pieces = [line("IOC", "", "", 0), line("", "Page 9", "The force's investigators are not", 7),
              line("5", "", "", 13), line("", "", "available at weekends.", 20),
              line("IOC", "", "", 33), line("", "P10", "The force's estate strategy", 40), line("6", "", "", 46),
              line("", "", "relies on the sale of two", 53), line("", "", "stations (expected to raise", 66),
              line("", "", "£4.7m) that has not yet been", 80), line("", "", "agreed by the police and", 93),
              line("", "", "crime commissioner.", 106),
              line("", "pp.", "", 83, part=2), line("IOC", "", "", 89, part=2),
              line("", "10-", "the force's own survey", 96, part=2), line("7", "", "", 103, part=2),
              line("", "12", "showed a fall in public", 109, part=2), line("", "", "satisfaction.", 123, part=2),
              line("IOC", "", "", 137, part=2), line("", "P11", "during fieldwork, staff told us", 143, part=2),
              line("8", "", "", 150, part=2), line("", "", "that the system was slow.", 156, part=2)]
    rows = regroup_lines(pieces)
    assert [r.row.issue.replace("\n", " ") for r in rows] == [
        "The force's investigators are not available at weekends.",
        "The force's estate strategy relies on the sale of two stations (expected to raise £4.7m) that has not yet "
        "been agreed by the police and crime commissioner.",
        "the force's own survey showed a fall in public satisfaction.",
        "during fieldwork, staff told us that the system was slow."]


def test_a_page_ref_left_open_is_ended_by_its_number_under_a_finding_type_set_in_the_page_column():
    """The finding type printed in the page column beside the ref ("Issue of concern"), the row's page ref wrapped
    round it: "Pages 8 and" above, "16" below. The words between do not close the page ref (the row came out [8])."""
    doc = rows_of("| 1. | Issue of concern Pages 6/7 | The force does not routinely check records. | |\n"
                  "| | | Only 9 of the 20 cases we reviewed had been | |\n"
                  "| | Pages 8 and | | |\n"
                  "| 2. | Issue of concern | recorded as stalking; the rest were | |\n"
                  "| | 16 | | |\n"
                  "| | | communications. | |\n"
                  "| | | The force's data on hate crime outcomes. | |\n"
                  "| 3. | Issue of concern Page 8 | | |\n"
                  "| 4. | Issue of concern Page 10 | The force could not show us how it works. | |\n")
    assert [(f.ref, f.pages) for f in doc] == [(1, [6, 7]), (2, [8, 16]), (3, [8]), (4, [10])]


def test_labelled_refs_a_narrow_column_cut_are_mended_where_a_section_goes_on_from_an_earlier_parts_numbers():
    """Refs "AFI15", "AFI16" cut after their first digit ("AFI1" / "5") in a section whose numbers go on from an
    earlier part's (15, not 1): the refs before lead elsewhere (Issue 6), but each cut ref and the next complete to
    numbers that follow on (the rows came out AFI 1, 1, 1)."""
    doc = rows_of("| Issue 5 | Page 10 | The force could not show us | |\n"
                  "| | | how it evaluates the work | |\n"
                  "| | | of its hubs. | |\n"
                  "| Issue 6 | Page 11 | The force has a good | |\n"
                  "| | | understanding of county | |\n"
                  "| | | lines drug supply. | |\n"
                  "| AFI1 | Pages | The force should improve how | |\n"
                  "| 5 | 24/25 | it uses its understanding of | |\n"
                  "| | | demand to plan its workforce. | |\n"
                  "| AFI1 | Page 26 | The force needs to improve how | |\n"
                  "| 6 | | it identifies and records the | |\n"
                  "| | | vulnerability of victims. | |\n"
                  "| AFI1 | Page 28 | The force should make sure | |\n"
                  "| 7 | | that it understands the needs | |\n"
                  "| | | of its workforce. | |\n")
    assert [(f.section, f.ref, f.pages) for f in doc] == [
        ("Issues of concern", 5, [10]), ("Issues of concern", 6, [11]), ("Areas for improvement", 15, [24, 25]),
        ("Areas for improvement", 16, [26]), ("Areas for improvement", 17, [28])]


def test_a_bracket_left_open_at_a_lines_end_keeps_the_next_line_in_its_row_though_the_row_after_starts_lower_case():
    """"... two stations (expected to raise" / "£4.7m) that has not yet been agreed." then a row that opens in lower
    case ("the force's own survey ..."): the bracket the first line opens closes on the next, so no row ends between
    them, whatever the lower-case start of the row below makes a boundary there cost."""
    pieces = [line("6", "P10", "The force's estate strategy relies on the sale of two stations (expected to raise", 0),
              line("", "", "£4.7m) that has not yet been agreed by the police and crime commissioner.", 14),
              line("7", "pp. 10-12", "the force's own survey showed a fall in public satisfaction, from 84%", 28),
              line("", "", "over the two years to March.", 42),
              line("8", "P11", "during fieldwork, staff told us that the records system", 56),
              line("", "", "was difficult to use.", 70)]
    rows = regroup_lines(pieces)
    assert [r.row.issue.split("\n")[0][:12] for r in rows] == ["The force's ", "the force's ", "during field"]
    assert rows[0].row.issue.endswith("commissioner.")


def test_a_few_wide_gaps_among_rows_set_at_their_lines_pitch_do_not_outweigh_a_rows_last_sentence():
    """Rows set as close as their lines (17 pt top to top), refs at the top of their rows; a line of letters without
    ascenders ("were common.") sits lower in its line box, so the gap above it reads a little wider than the others:
    one such gap among many rows tells no row boundary, so the line stays with the
    sentence it ends, though the next row opens lower-case ("a number of officers ...")."""
    pieces = [line("7", "P10", "The force's own survey showed a", 0),
              line("", "", "fall in public satisfaction over", 17),
              line("", "", "the last two years.", 34),
              line("8", "P11", "during fieldwork, staff told us that", 51),
              line("", "", "the records system was difficult to", 68),
              line("", "", "use and that workarounds", 85),
              line("", "", "were common.", 106.5),  # a line without ascenders: its gap reads wider
              line("9", "Pg 11", "a number of officers told us they", 119),
              line("", "", "had not received training.", 136),
              line("10", "p.13", "Neighbourhood officers are", 153),
              line("", "", "regularly abstracted to cover", 170),
              line("", "", "custody each week.", 187),
              line("11", "p.14", "The Multi-Agency Safeguarding Hub", 204),
              line("", "", "has a backlog of referrals.", 221),
              line("12", "p.15", "Although the force has reduced", 238),
              line("", "", "its backlog, crimes are still not", 255),
              line("", "", "recorded in time.", 272),
              line("13", "p.17", "The force has a good", 289),
              line("", "", "understanding of county lines.", 306)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.issue.split("\n")[-1]) for r in rows] == [
        ("7", "the last two years."), ("8", "were common."), ("9", "had not received training."),
        ("10", "custody each week."), ("11", "has a backlog of referrals."), ("12", "recorded in time."),
        ("13", "understanding of county lines.")]


def test_a_label_word_a_narrow_page_column_broke_mid_word_goes_on_with_its_page_ref():
    """"Page" / "36, T" / "able" / "4": a page column too narrow for "Table" breaks it anywhere. "able" alone reads as
    words (a page cell of its own) and "4" as a page: the row lost its page and its last text lines went to the next
    row (9471-20). Glued to the "T" above, "able" makes the label, and the label's number ends the page ref."""
    pieces = [line("2)", "Page", "The force should improve its use of", 0),
              line("", "36, T", "ancillary orders to protect", 12),
              line("", "able", "the public from dangerous and", 24),
              line("", "4", "sexual offenders.", 36),
              line("3)", "Page", "The force should take steps to reduce", 55),
              line("", "38", "the number of investigations closed.", 67)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("2)", "Page 36, Table 4", "The force should improve its use of ancillary orders to protect the public from "
                                   "dangerous and sexual offenders."),
        ("3)", "Page 38", "The force should take steps to reduce the number of investigations closed.")]


def test_a_page_ref_broken_mid_word_over_five_lines_of_a_narrow_column_keeps_its_last_piece_and_text():
    """"Page 17, Table 2" in a column a few letters wide: "Pag" / "e" / "17," / "Tabl" / "e 2", the last piece four
    lines under the ref, as near the next row's ref. A piece opening lower case right under a piece ending in a letter
    is the rest of that word: it ends the row above's page ref, and the text beside it stays in that row."""
    from hmic_extract.model import RawDocument

    rows = [stream_row("2)", "Pag", "Within three months, the force", 100),
            stream_row("", "e", "should make sure that officers and", 112),
            stream_row("", "17,", "staff in the control room", 124),
            stream_row("", "Tabl", "understand and apply the", 136),
            stream_row("", "e 2", "force's policy on the grading", 148),
            stream_row("", "", "of calls.", 160),
            stream_row("3)", "Pag", "By December 2024, the force", 176),
            stream_row("", "e 22", "should have a sustainable plan.", 188)]
    doc = normalise(RawDocument(source="t.pdf", kind="annex", rows=rows))
    assert [(f.ref, f.pages, f.issue) for f in doc.findings] == [
        (2, [17], "Within three months, the force should make sure that officers and staff in the control room "
                  "understand and apply the force's policy on the grading of calls."),
        (3, [22], "By December 2024, the force should have a sustainable plan.")]


def test_a_label_number_under_a_label_mended_from_two_pieces_ends_its_rows_page_ref_however_far_from_the_ref():
    """"Pag" / "e 22" / "(par" / "a" / "5.5)": the label mended ("(para") leaves its line's page cell empty, and its
    number sits four lines under the row's ref, one over the next row's. The number completes the label the row's
    page cell left open, so it and the text beside it stay in that row (9481-52: four rows lost their last line)."""
    pieces = [line("3)", "Pag", "By December 2024, the", 0),
              line("", "e 22", "force should have a", 12),
              line("", "(par", "sustainable plan for the", 24),
              line("", "a", "recruitment and retention of", 36),
              line("", "5.5)", "call handlers.", 48),
              line("4)", "26–", "By September 2023, chief", 60),
              line("", "27", "constables should act.", 72)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.issue.replace("\n", " ")) for r in rows] == [
        ("3)", "By December 2024, the force should have a sustainable plan for the recruitment and retention of call "
               "handlers."),
        ("4)", "By September 2023, chief constables should act.")]
    assert "22" in rows[0].row.page_ref


def test_a_type_label_wrapped_down_the_ref_column_under_its_row_ref_ends_that_rows_label_not_the_next():
    """A finding-type column set beside the refs, read as one column with them: "AREA 1." / "FOR" / "IMPROVEMENT"
    on the row's first three lines. "IMPROVEMENT" over the next row's "AREA 2." reads as a label too, but it ends the
    label the row above opened ("AREA" names no section until "FOR IMPROVEMENT" ends it), so its line is that row's
    (the next row took it and each row the lines of the one above, 9491-151)."""
    section = "Areas for improvement"
    pieces = [line("AREA 1.", "Page 42", "The force should", 0, section),
              line("FOR", "", "improve how it uses", 13, section),
              line("IMPROVEMENT", "", "its understanding of", 26, section),
              line("", "", "demand to plan its workforce.", 39, section),
              line("AREA 2.", "Page 44", "The force needs to", 53, section),
              line("FOR", "", "improve how it", 66, section),
              line("IMPROVEMENT", "", "identifies and records", 79, section),
              line("", "", "the vulnerability of victims.", 92, section)]
    rows = regroup_lines(pieces)
    assert [r.row.issue.split("\n")[0] for r in rows] == ["The force should", "The force needs to"]


def test_an_open_page_label_ends_with_the_number_right_under_it_not_the_next_rows_page_range():
    """Refs centred in their rows, "Page 22 (para" / "5.5)" down the page column around the ref "3.", the next row's
    "26–27" beside its ref two lines under: the label's number is the next page fragment down the column, so the open
    page ref is row 3's, not ended by the next row's page range (row 3 lost its page and its last line, 9491-248)."""
    section = "Recommendations"
    pieces = [line("", "", "Within three months, the force should make", 0, section),
              line("", "Page 17, Table 2", "sure that officers and staff in the control", 17, section),
              line("2.", "", "", 26, section),
              line("", "", "room apply the policy on grading calls.", 34, section),
              line("", "", "By December 2024, the force should have a", 52, section),
              line("", "Page 22 (para", "sustainable plan for the recruitment and", 69, section),
              line("3.", "", "", 78, section),
              line("", "5.5)", "retention of call handlers.", 86, section),
              line("4.", "26–27", "By September 2023, chief constables should", 121, section),
              line("", "", "make sure their forces have enough capacity.", 138, section)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref.split(" (")[0], r.row.issue.split("\n")[-1]) for r in rows] == [
        ("2.", "Page 17, Table 2", "room apply the policy on grading calls."),
        ("3.", "Page 22", "retention of call handlers."),
        ("4.", "26–27", "make sure their forces have enough capacity.")]


def test_a_label_word_a_narrow_page_column_broke_mends_across_a_line_of_the_text_between_its_pieces():
    """Page cells centred beside their rows' text, each of their lines between two of the text's: "Page" / "11 Fi" /
    "gure" / "1" with the ref "(16)" on a line of its own between "11 Fi" and "gure". The broken word's pieces are
    the column's lines one under the other though a text line lies between them: "Fi" + "gure" is "Figure" (left
    apart, the page ref read "Page 1 gure", 9491-280)."""
    pieces = [line("(15)", "Page 11", "Spending on overtime was £3.1m, largely", 0),
              line("", "", "to cover vacancies in response teams.", 13),
              line("", "Page", "23 incidents were brought to the", 33),
              line("", "11 Fi", "attention of the force immediately", 46),
              line("(16)", "", "", 53),
              line("", "gure", "because of serious concerns about", 60),
              line("", "1", "welfare and safeguarding.", 73),
              line("", "", "The force can examine handsets, but", 93),
              line("(17)", "Page 11", "where analysis is needed for evidence.", 106)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref) for r in rows] == [
        ("(15)", "Page 11"), ("(16)", "Page 11 Figure 1"), ("(17)", "Page 11")]


def test_a_page_cell_a_page_break_carried_whole_to_the_next_page_is_the_cut_rows_not_a_row_whose_ref_was_lost():
    """A row split at the page foot, its ref centred on its lines there and its page cell centred on the rest atop the
    next page ("Page 30" / "(para 6.9)"): the row above the break has a ref but no page cell and the next ref follows
    its ref, so the page cell is that row's (it was read as a row whose ref was lost, the cut row's page ref and its
    lines after the break with it, 9491-217)."""
    section = "Areas for improvement"
    pieces = [line("", "", "The force should improve the timeliness", 623, section),
              line("21)", "Page 29", "of its response to calls for service", 635, section),
              line("", "", "as priority, especially in rural areas.", 648, section),
              line("", "", "The force should make sure that its use of", 666, section),
              line("", "", "stop and search powers is recorded", 678, section),
              line("22)", "", "accurately, including the grounds for the", 690, section),
              line("", "Page 30", "", 77, section, part=2),
              line("", "(para 6.9)", "search, and that supervisors review a", 86, section, part=2),
              line("", "", "sample of records each month.", 98, section, part=2),
              line("", "", "The force should improve the way it", 119, section, part=2),
              line("23)", "Page 30", "collects and uses data on the protected", 131, section, part=2),
              line("", "", "characteristics of its workforce.", 143, section, part=2)]
    rows = regroup_lines(pieces)
    assert [(r.row.ref, r.row.page_ref.split(" (")[0], r.row.issue.split("\n")[-1]) for r in rows] == [
        ("21)", "Page 29", "as priority, especially in rural areas."),
        ("22)", "Page 30", "sample of records each month."),
        ("23)", "Page 30", "characteristics of its workforce.")]


def test_refs_centred_in_padded_rows_keep_each_rows_lines_below_its_ref():
    """Dev 9481-122: a spreadsheet sizes its rows taller than their text, the text at the top of a row and the ref
    centred in it, so a tall row's ref sits on its 18th line of 25 and a short row's beside its last line. Read as
    refs at the foot of their rows, the first row's last seven lines went to the next row; a ref is centred in its
    row's box, which reaches down to the next row's first line."""
    first = ["The force's control room does not have enough staff to", "meet demand. In the year to March, it",
             "answered 71% of 999 calls within ten seconds,", "against a national standard of 90%, and the",
             "average time to answer a 101 call was 11", "minutes 42 seconds. Call handlers told us they",
             "felt under constant pressure to move on to the", "next call, and that they did not always have time",
             "to complete a full risk assessment. We listened", "to 40 calls and found that in 12 the caller's",
             "vulnerability had not been identified or", "recorded, including two calls from people who",
             "said that they intended to harm themselves. The", "force has started a recruitment campaign, and",
             "has introduced a call-back service for non-", "urgent calls, but it does not yet know whether",
             "these measures are working. It has not carried", "out a demand analysis of the control room since",
             "2019, and its shift patterns do not match the", "times of peak demand - most staff work day",
             "shifts, while the busiest period is between 18:00", "and 01:00 on Fridays and Saturdays. The force",
             "should also make sure that supervisors listen to", "a sample of calls each week, give feedback to call",
             "handlers and record the outcome."]
    pieces = [line("COC 1" if k == 17 else "", "11-12" if k == 17 else "", text, 140.6 + 10.65 * k,
                   section="Causes of concern") for k, text in enumerate(first)]
    top = 515.4
    for n in range(1, 11):
        texts = [f"Within three months, the force should make sure that its {n}", "officers and staff in the control",
                 "room understand and apply the force's policy on", "", "the grading of calls."]
        pieces += [line(f"R {n}" if k == 3 else "", f"Page {12 + 2 * n}" if k == 3 else "", text,
                        top + (10.65 * k if k < 3 else 27.0 if k == 3 else 32.0), section="Recommendations")
                   for k, text in enumerate(texts)]
        top += 66.0
    rows = regroup_lines(pieces)
    assert [len(r.row.issue.split("\n")) for r in rows] == [25] + [4] * 10
