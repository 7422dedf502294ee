"""Returned workbooks are untrusted: a decompression bomb or an XML entity bomb is refused in one line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from hmic_extract.errors import UnreadableInput
from hmic_extract.tracker.untrusted import WorkbookLimits, load_untrusted_workbook
from tests.tracker.workbooks import run

SHEET = "xl/worksheets/sheet1.xml"


def rewrite_member(src: Path, dst: Path, name: str, change) -> Path:
    """Copy a workbook, passing one member's bytes through ``change`` (deflated, as Excel writes them)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == name else data)
    return dst


def test_a_workbook_that_inflates_past_the_budget_is_refused_before_it_is_parsed(westshire_template, tmp_path):
    padding = b" " * (8 << 20)  # 8 MB of white space deflates to a few KB
    bomb = rewrite_member(westshire_template, tmp_path / "bomb.xlsx", SHEET,
                          lambda data: data.replace(b"<sheetData>", b"<sheetData>" + padding, 1))
    assert bomb.stat().st_size < 200_000
    with pytest.raises(UnreadableInput, match="inflates to more than 4 MB"):
        load_untrusted_workbook(bomb, WorkbookLimits(max_inflated_bytes=4 << 20))
    assert load_untrusted_workbook(westshire_template, WorkbookLimits(max_inflated_bytes=4 << 20))


def test_xml_entities_in_a_returned_copy_are_refused(westshire_template, tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    bomb = rewrite_member(westshire_template, tmp_path / "entities.xlsx", SHEET,
                          lambda data: laughs + data.split(b"?>", 1)[-1].replace(b"<t>", b"<t>&lol2;", 1))
    with pytest.raises(UnreadableInput, match="declares entities"):
        load_untrusted_workbook(bomb)


def test_merge_reports_a_bomb_in_one_line_and_exits_3(westshire_template, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("merge", westshire_template, junk, "-o", tmp_path / "tracker.xlsx")
    assert result.exit_code == 3
    assert "not a readable .xlsx workbook" in result.output and "Traceback" not in result.output
