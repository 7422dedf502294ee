"""Pipe-table text (markdown tables from a text/OCR conversion) -> raw line rows.

Such text is what a stream or OCR extractor hands over: each ``| a | b | c |`` line is one text
line of the table, so every table line becomes a RawRow with ``is_line=True``; each markdown table
is one physical table part (usually one page). Lines outside tables (section titles, footnotes)
become TEXT rows. Only the text from the first annex header table on is the annex.
"""

from __future__ import annotations

import re

from hmic_extract.model import RawDocument, RawRow, RowKind
from hmic_extract.vocabulary import map_header

METHOD = "pipe-text"
SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
MARKUP = re.compile(r"</?[a-z]{1,6}\s*/?>|\*\*", re.I)  # <u>, </u>, <br/>, **bold**


def strip_markup(text: str) -> str:
    return MARKUP.sub("", text)


def split_cells(line: str) -> list[str]:
    """Given one ``| a | b |`` line, return its cell texts (outer pipes dropped)."""
    body = line.strip()
    body = body.removeprefix("|")
    body = body.removesuffix("|")
    return [strip_markup(c).strip() for c in body.split("|")]


def is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|") or line.count("|") >= 3


def cells_to_row(cells: list[str], roles: dict[str, int], table_id: int) -> RawRow:
    """Given a table line's cells and the column roles, return a line RawRow."""

    def get(role: str) -> str:
        i = roles.get(role)
        return cells[i] if i is not None and i < len(cells) else ""

    return RawRow(ref=get("ref"), page_ref=get("page_ref"), issue=get("issue"), action=get("action"),
                  section=get("section"),
                  is_line=True, method=METHOD, table_id=table_id)


def default_roles(ncols: int) -> dict[str, int]:
    """Column roles of a header-less table: the annex's usual Ref | Page | Issue | Action order."""
    return {role: i for i, role in enumerate(("ref", "page_ref", "issue", "action")) if i < ncols}


def pipe_text_to_rows(text: str) -> list[RawRow]:
    """Given pipe-table text, return raw rows from the first annex header on, in reading order."""
    rows: list[RawRow] = []
    roles: dict[str, int] | None = None
    table_id = 0
    in_table = False
    for line in text.splitlines():
        if not line.strip():
            in_table = False
            continue
        if not is_table_line(line):
            in_table = False
            if roles is not None:
                rows.append(RawRow(kind=RowKind.TEXT, text=strip_markup(line).strip(), method=METHOD,
                                   table_id=table_id))
            continue
        if SEPARATOR.match(line):
            continue
        cells = split_cells(line)
        if not in_table:
            in_table = True
            header = map_header(cells)
            if header is not None:
                roles = header
            elif roles is None:
                continue  # a table before the annex began
            table_id += 1
            if header is not None:
                rows.append(RawRow(ref=cells[header["ref"]] if "ref" in header else "",
                                   page_ref=cells[header["page_ref"]] if "page_ref" in header else "",
                                   issue=cells[header["issue"]], method=METHOD, table_id=table_id,
                                   is_line=True))
                continue
        if roles is None:
            continue
        rows.append(cells_to_row(cells, roles or default_roles(len(cells)), table_id))
    return rows


def pipe_text_to_raw(text: str, source: str = "pipe-text") -> RawDocument:
    """Given pipe-table text, return a RawDocument of line rows for the normaliser."""
    rows = pipe_text_to_rows(text)
    return RawDocument(source=source, kind="annex", rows=rows, method=METHOD)
