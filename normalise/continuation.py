"""Merge the parts of a table row that a page break (or a lost ref cell) split into several rows.

For whole-cell rows (ruled tables) a part with empty Report Ref and Page Ref belongs to a row
next to it: usually the one above, sometimes the one below (see ``merge_continuations``). Text is
joined in reading order and every merge is recorded on the row.
"""

from __future__ import annotations

from hmic_extract.model import Finding, Provenance, Region
from hmic_extract.regions import band, merge_regions

from .anchors import LABEL_END
from .ocr_pagerefs import LABEL_NUMBER, cut_number
from .pagerefs import LABELLED_NUMBER
from .pieces import Piece


def has_anchor(piece: Piece) -> bool:
    """A piece that starts a logical row: it has a ref or a page ref (a letter or digit in it: OCR's "[-" read off a
    cut border is none). A page cell naming only a paragraph, figure or table ("(para 6.8)" under "Page 13" cut by a
    page break) is the end of the row above's page cell, not a page ref of its own."""
    row = piece.row
    if any(ch.isalnum() for ch in row.ref):
        return True
    return any(ch.isalnum() for ch in row.page_ref) and not labels_only(row.page_ref)


def ends_open_page_cell(above: str, piece: Piece) -> bool:
    """Whether a refless piece's page cell is the end of the page cell above that a page break cut short: the
    number of a label it ended with ("Page 28 (para" / "4.4)") or the last digits of a pair ("10/1" / "1")."""
    page = piece.row.page_ref.strip()
    if any(ch.isalnum() for ch in piece.row.ref) or not page or not above.strip():
        return False
    above = " ".join(above.split())
    return bool(LABEL_END.search(above) and LABEL_NUMBER.match(page)) or cut_number(above, page) or \
        ends_broken_label(above, page)


def ends_broken_label(above: str, page: str) -> bool:
    """Whether a page cell cut short ends with a label word a narrow column broke mid-word and ``page`` holds the
    word's rest and the label's number ("Page 34 (pa" / "ra 6.1)": "(para 6.1)")."""
    words = page.split()
    if len(words) != 2 or not above or above[-1].isspace():
        return False
    return bool(LABEL_END.search(above + words[0]) and LABEL_NUMBER.match(words[1]))


def labels_only(page_ref: str) -> bool:
    """Whether a page cell holds labelled numbers only ("(para 6.8)", "Figure 4"): no page."""
    return bool(LABELLED_NUMBER.search(page_ref)) and not any(ch.isalnum() for ch in LABELLED_NUMBER.sub("", page_ref))


def regions_of(piece: Piece) -> list[Region]:
    """Where a piece was read: its lines' regions when regrouped, else the raw row's band on its page."""
    return piece.regions or merge_regions([band(piece.row.page_index, piece.row.top, piece.row.bottom)])


def to_finding(piece: Piece, source: str) -> Finding:
    row = piece.row
    prov = Provenance(source=source, pdf_pages=sorted({row.page_index, *piece.extra_pages}), method=row.method,
                      confidence=row.confidence, regions=regions_of(piece))
    prov.repairs.extend(piece.repairs)
    prov.review_flags.extend(f for f in piece.flags if f not in prov.review_flags)
    return Finding(section=piece.section, theme=piece.theme, ref=None, ref_text=row.ref, page_ref=row.page_ref,
                   pages=[],
                   issue=row.issue, action=row.action, provenance=prov)


def _absorb(into: Finding, piece: Piece, prepend: bool) -> None:
    text = piece.row.issue.strip()
    into.issue = (text + "\n" + into.issue) if prepend else (into.issue + "\n" + text)
    page = piece.row.page_ref.strip()
    if page:  # the rest of a page cell cut by the page break ("Page 13" / "(para 6.8)")
        into.page_ref = f"{page}\n{into.page_ref}".strip() if prepend else f"{into.page_ref}\n{page}".strip()
    if piece.row.action.strip():
        into.action = (into.action + "\n" + piece.row.action).strip()
    if piece.row.page_index not in into.provenance.pdf_pages:
        into.provenance.pdf_pages = sorted({*into.provenance.pdf_pages, piece.row.page_index})
    parts = [regions_of(piece), into.provenance.regions] if prepend else [into.provenance.regions, regions_of(piece)]
    into.provenance.regions = merge_regions([*parts[0], *parts[1]])
    where = "next" if prepend else "previous"
    into.record("merge-continuation", "issue", text[:60], f"joined to the {where} part (PDF page "
                f"{piece.row.page_index + 1})")


def merge_continuations(pieces: list[Piece], source: str) -> list[Finding]:
    """Given whole-cell table pieces, return one Finding per logical row.

    A piece without ref and page ref continues the row above it. The exception is a row broken by
    a page break whose ref sits on the lower part (vertically centred refs): the last piece of a
    table part, anchor-less, whose next piece opens the next part with an anchor, is prepended to
    that next row instead.
    """
    findings: list[Finding] = []
    carried: list[Piece] = []
    for i, piece in enumerate(pieces):
        if has_anchor(piece) and not (findings and not carried and ends_open_page_cell(findings[-1].page_ref, piece)):
            finding = to_finding(piece, source)
            for early in reversed(carried):
                _absorb(finding, early, prepend=True)
            carried = []
            findings.append(finding)
            continue
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        prev = pieces[i - 1] if i > 0 else None
        first_of_part = prev is None or prev.row.table_id != piece.row.table_id
        last_of_part = nxt is not None and nxt.row.table_id != piece.row.table_id
        if last_of_part and not first_of_part and nxt is not None and has_anchor(nxt):
            carried.append(piece)
            continue
        if findings:
            _absorb(findings[-1], piece, prepend=False)
        else:
            carried.append(piece)
    if carried:
        finding = to_finding(carried[0], source)
        for extra in carried[1:]:
            _absorb(finding, extra, prepend=False)
        finding.flag("text with no Report Ref or Page Ref")
        findings.append(finding)
    return findings
