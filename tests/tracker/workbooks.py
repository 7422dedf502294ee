"""Helpers for the tracker tests: edit a workbook the way a recipient would, read cells back, run commands."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result
from openpyxl import load_workbook

from hmic_extract.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SHEET = "Assurance template"
HEADER_ROW = 4
FIRST_SHEET = "xl/worksheets/sheet1.xml"


def columns(ws) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[HEADER_ROW] if c.value is not None}


def row_of(ws, suffix: str) -> int:
    """The sheet row whose Row ID ends with ``suffix`` (e.g. "IOC-02")."""
    col = columns(ws)["Row ID"]
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if str(ws.cell(r, col).value or "").endswith(suffix):
            return r
    raise KeyError(suffix)


def returned_copy(template: Path, out: Path, cells: dict[tuple[str, str], object],
                  extra_rows: list[dict[str, object]] = ()) -> Path:
    """Copy ``template`` to ``out`` and type ``{(row id suffix, header): value}`` into it, as a recipient would."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if Path(template).resolve() != Path(out).resolve():
        shutil.copyfile(template, out)
    wb = load_workbook(out)
    ws = wb[SHEET]
    cols = columns(ws)
    for (suffix, header), value in cells.items():
        ws.cell(row_of(ws, suffix), cols[header]).value = value
    for extra in extra_rows:
        r = ws.max_row + 1
        for header, value in extra.items():
            ws.cell(r, cols[header]).value = value
    wb.save(out)
    return out


def rewrite_member(src: Path, dst: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """Copy a workbook, passing one member's bytes through ``change`` (deflated, as Excel writes them)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, change(data) if info.filename == name else data)
    return dst


def inflating_copy(template: Path, dst: Path, megabytes: int) -> Path:
    """A copy whose first sheet carries ``megabytes`` of white space: a few KB on disk (a decompression bomb)."""
    padding = b" " * (megabytes << 20)
    return rewrite_member(template, dst, FIRST_SHEET,
                          lambda data: data.replace(b"<sheetData>", b"<sheetData>" + padding, 1))


def entity_copy(template: Path, dst: Path) -> Path:
    """A copy whose first sheet declares XML entities and uses one in a cell (the "billion laughs" pattern)."""
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    return rewrite_member(template, dst, FIRST_SHEET,
                          lambda data: laughs + data.split(b"?>", 1)[-1].replace(b"<t>", b"<t>&lol2;", 1))


def cell(path: Path, suffix: str, header: str, sheet: str = SHEET) -> object:
    ws = load_workbook(path, data_only=True)[sheet]
    return ws.cell(row_of(ws, suffix), columns(ws)[header]).value


def run(*args: object) -> Result:
    """Run the real command line in-process."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
