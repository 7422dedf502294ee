"""Returned workbooks are untrusted: a decompression bomb or an XML entity bomb is refused in one line."""

from __future__ import annotations

import pytest

from hmic_extract.errors import UnreadableInput
from hmic_extract.tracker.untrusted import WorkbookLimits, load_untrusted_workbook
from tests.tracker.workbooks import entity_copy, inflating_copy, run


def test_a_workbook_that_inflates_past_the_budget_is_refused_before_it_is_parsed(westshire_template, tmp_path):
    bomb = inflating_copy(westshire_template, tmp_path / "bomb.xlsx", 8)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(UnreadableInput, match="inflates to more than 4 MB"):
        load_untrusted_workbook(bomb, WorkbookLimits(max_inflated_bytes=4 << 20))
    assert load_untrusted_workbook(westshire_template, WorkbookLimits(max_inflated_bytes=4 << 20))


def test_xml_entities_in_a_returned_copy_are_refused(westshire_template, tmp_path):
    bomb = entity_copy(westshire_template, tmp_path / "entities.xlsx")
    with pytest.raises(UnreadableInput, match="declares entities"):
        load_untrusted_workbook(bomb)


def test_merge_reports_a_bomb_in_one_line_and_exits_3(westshire_template, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    bomb = inflating_copy(westshire_template, tmp_path / "bomb.xlsx", 70)  # past the default 64 MB
    entities = entity_copy(westshire_template, tmp_path / "entities.xlsx")
    for copy, words in ((junk, "not a readable .xlsx workbook"), (bomb, "inflates to more than 64 MB"),
                        (entities, "declares entities")):
        result = run("merge", westshire_template, copy, "-o", tmp_path / "tracker.xlsx")
        assert result.exit_code == 3, result.output
        assert words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "tracker.xlsx").exists()
