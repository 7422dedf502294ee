from hmic_extract.extract.pipetext import pipe_text_to_raw, split_cells
from hmic_extract.model import RowKind

TEXT = """A letter before the annex | with a pipe.

| Report Ref | Page Ref | ISSUE OF CONCERN | ACTION |
|---|---|---|---|
| 1 | Page 5 | First line | |
| | | second line | |

¹ A footnote between the parts.

| | 1 | | |
|---|---|---|---|
| 2 | Page 7 | <u>Underlined</u> text | |

Areas for improvement
"""


def test_pipe_lines_become_line_rows_and_other_lines_text_rows():
    raw = pipe_text_to_raw(TEXT, "x.txt")
    kinds = [(r.kind, r.table_id) for r in raw.rows]
    assert kinds[0] == (RowKind.CELLS, 1)  # the header line, dropped later by classify
    cells = [r for r in raw.rows if r.kind is RowKind.CELLS][1:]
    assert [(r.ref, r.page_ref, r.issue) for r in cells] == [
        ("1", "Page 5", "First line"), ("", "", "second line"), ("", "1", ""), ("2", "Page 7", "Underlined text")]
    assert all(r.is_line and r.method == "pipe-text" for r in cells)
    assert [r.text for r in raw.rows if r.kind is RowKind.TEXT] == ["¹ A footnote between the parts.",
                                                                     "Areas for improvement"]
    assert cells[2].table_id == 2


def test_split_cells_drops_outer_pipes():
    assert split_cells("| a | b || c |") == ["a", "b", "", "c"]
