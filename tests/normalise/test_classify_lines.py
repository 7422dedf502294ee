from hmic_extract.model import RawRow
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
