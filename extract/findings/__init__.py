"""Inspection-report findings: causes of concern, recommendations and areas for improvement.

A report has no annex table; its findings sit in boxed call-outs, bullet lists, labelled paragraphs
and numbered headings among pages of prose. Each step is a module named for what it turns into what:

    page words -> line fragments with font facts, markers and boxes           (lines)
    -> printed page numbers: the number stepping by one at the same place     (page_numbers)
    -> running heads, footers and page numbers dropped                        (furniture)
    -> reading order (two-column bands: left column, then right)              (reading)
    -> blocks: headings, paragraphs, items, captions, across page breaks      (blocks)
    -> labels: runs the section vocabulary places, scored on line features    (labels)
    -> segments: a label and the blocks stating its findings                  (segments)
    -> drafts: one per finding, lead-ins, bullets, causes and their recommendations   (drafts)
    -> summary repeats counted once, at the chapter statement                 (repeats)
    -> ``Finding`` rows: refs 1..n a section, page refs, addressee, cause     (rows)

Tolerances live in one ``ReportSettings`` estimated from the report (``settings``). The words may
come from the PDF's text or from OCR (scanned reports): the same steps serve both. Text cleaning
(wrapped lines, ligatures) is the normaliser's job, so the text handed on keeps its line breaks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from hmic_extract.model import RawDocument

from ..pdf import OpenPdf
from .block_repairs import repair_blocks
from .blocks import Block, lines_to_blocks
from .drafts import Draft, segments_to_drafts
from .furniture import drop_furniture
from .labels import Label, label_of
from .lines import MAX_BOX_SHARE, Line, page_to_lines, without_stray_accents, words_to_lines
from .page_numbers import Progression, find_progressions, pdf_pages_when_unnumbered, printed_page_numbers
from .reading import assign_columns, order_pages, reading_order
from .repeats import merge_summary_repeats
from .rows import METHOD, drafts_to_findings, page_ref_of
from .segments import blocks_to_units, units_to_segments
from .settings import ReportSettings, estimate_settings, usual_line_gap, usual_line_pitch
from .statements import KEYWORDS

SCANNED_METHOD = f"{METHOD}/ocr"


def pages_worth_reading(texts: list[str]) -> list[int]:
    """Given each page's plain text (a cheap scan), return the pages that can hold findings, with the page before
    and after each: a finding runs on over a page break, and the heading a page's first lines sit under (a
    glossary whose "Issue of concern: …" entry opens the next page) is on the page before."""
    hits = {i for i, text in enumerate(texts) if KEYWORDS.search(text)}
    return sorted({j for i in hits for j in (i - 1, i, i + 1) if 0 <= j < len(texts)})


def extract_findings(pdf: OpenPdf, texts: list[str] | None = None, force: str = "") -> tuple[list, list[str]]:
    """Given an open report PDF (and optionally each page's plain text), return its findings and notes."""
    wanted = pages_worth_reading(texts) if texts is not None else list(range(pdf.page_count))
    pages: dict[int, list[Line]] = {}
    sizes: dict[int, tuple[float, float]] = {}
    for index in wanted:
        page = pdf.plumber.pages[index]
        pages[index] = page_to_lines(page, index)
        sizes[index] = (page.width, page.height)
        page.flush_cache()
    return lines_to_findings(pages, sizes, pdf.page_count, pdf.page_labels, pdf.path.name, force)


def lines_to_findings(pages: dict[int, list[Line]], sizes: dict[int, tuple[float, float]], page_count: int,
                      page_labels: list[str], source: str, force: str = "",
                      settings: ReportSettings | None = None,
                      margin_lines: dict[int, list[Line]] | None = None) -> tuple[list, list[str]]:
    """Given each page's line fragments and (width, height), return the findings and notes.

    ``margin_lines``: a second reading of the pages' margins (a scan's OCR text layer) that may hold page numbers
    the first missed.
    """
    heights = {i: size[1] for i, size in sizes.items()}
    widths = {i: size[0] for i, size in sizes.items()}
    settings = settings or estimate_settings([ln for lines in pages.values() for ln in lines])
    evidence = {i: lines + (margin_lines or {}).get(i, []) for i, lines in pages.items()}
    progressions = find_progressions(evidence, heights, settings)
    printed = printed_page_numbers(page_count, *progressions, page_labels)
    in_file = pdf_pages_when_unnumbered(printed)
    printed = in_file or printed
    notes = [f"page {i + 1}: printed number {printed[i]} but page label {page_labels[i]}"
             for i in sorted(pages) if i < len(page_labels) and page_labels[i] and printed[i]
             and printed[i] != page_labels[i]]
    ordered = order_pages(drop_furniture(pages, heights, settings, progressions), widths, settings)
    settings = replace(settings, line_gap=usual_line_gap(ordered),
                       line_pitch=usual_line_pitch(ordered, settings) if settings.weightless else 0.0)
    blocks = repair_blocks(lines_to_blocks(ordered, settings), settings)
    segments = units_to_segments(blocks_to_units(blocks, settings))
    drafts = merge_summary_repeats(segments_to_drafts(segments), printed, settings)
    findings = drafts_to_findings(drafts, printed, source, force)
    if in_file:
        notes.append("no page prints a number that could be read: page refs are the PDF's own pages")
        for finding in findings:
            finding.flag("no printed page number was read: the Page Ref is the PDF page")
    return findings, notes


def extract_report(pdf: OpenPdf, texts: list[str] | None = None) -> RawDocument | None:
    """Given an open inspection report, return its findings as a RawDocument, or None when it states none."""
    from ..report_meta import read_report_metadata

    metadata = read_report_metadata(pdf, str((pdf.plumber.metadata or {}).get("Title") or ""))
    findings, notes = extract_findings(pdf, texts, metadata.get("force", ""))
    if not findings:
        return None
    if metadata.get("report_title"):
        metadata["title"] = " – ".join(v for v in (metadata["report_title"], metadata.get("force", "")) if v)
    return RawDocument(source=pdf.path.name, kind="report", page_count=pdf.page_count, page_labels=pdf.page_labels,
                       metadata=metadata, method=METHOD, findings=findings, notes=notes)


def layer_margins(pdf: OpenPdf, pages: dict[int, list[Line]]) -> dict[int, list[Line]]:
    """The top and bottom lines of a scan's OCR text layer, where it has one: small page numbers that OCR of the
    image can miss are often in it (the layer's skew barely matters for a short running head)."""
    out: dict[int, list[Line]] = {}
    for index in pages:
        page = pdf.plumber.pages[index]
        if page.chars:
            zone = 0.1 * page.height
            out[index] = [ln for ln in page_to_lines(page, index) if ln.bottom < zone or ln.top > page.height - zone]
        page.flush_cache()
    return out


def out_of_step(arabic: Progression | None) -> set[int]:
    """Pages whose printed number stands alone at its offset from the page index while other pages share another:
    worth a second reading, as OCR may have misread it (a small "3" read "5"). A report renumbered in an annex
    shows its new run on several pages, and a page scanned from far away simply reads the same again."""
    if arabic is None:
        return set()
    offsets = Counter(value - page for page, value in arabic.values.items())
    if len(offsets) < 2:
        return set()
    return {page for page, value in arabic.values.items() if offsets[value - page] == 1}


def margin_reading(pages: dict[int, list[Line]], sizes: dict[int, tuple[float, float]],
                   margins: dict[int, list[Line]], pdf: OpenPdf,
                   read_margins: Callable[[list[int]], dict[int, list[dict]]]) -> dict[int, list[Line]]:
    """Given a scan's lines and the margin lines known so far, return them with the margins of pages that show no
    printed number, or one out of step with the others, read again block by block (OCR drops a lone small number,
    or misreads it: the second reading adds evidence, the progression over pages decides; a numbering the first
    reading found is never lost to it)."""
    settings = estimate_settings([ln for lines in pages.values() for ln in lines])
    evidence = {i: lines + margins.get(i, []) for i, lines in pages.items()}
    arabic, roman = find_progressions(evidence, {i: s[1] for i, s in sizes.items()}, settings)
    printed = printed_page_numbers(pdf.page_count, arabic, roman, [])
    doubtful = sorted({i for i in pages if not printed[i]} | out_of_step(arabic))
    if not doubtful:
        return margins
    extra = {i: words_to_lines(words, i, []) for i, words in read_margins(doubtful).items()}
    merged = {i: margins.get(i, []) + extra.get(i, []) for i in set(margins) | set(extra)}
    if arabic is not None:  # the second reading may confirm, extend or correct a numbering, never lose it
        again, _ = find_progressions({i: lines + merged.get(i, []) for i, lines in pages.items()},
                                     {i: s[1] for i, s in sizes.items()}, settings)
        if again is None:
            return margins  # a cover's speck read as the next page's "1" made "1" look like a constant
    return merged


def extract_scanned_report(pdf: OpenPdf, page_words: dict[int, tuple[list[dict], tuple[float, float], list]],
                           read_margins: Callable[[list[int]], dict[int, list[dict]]] | None = None
                           ) -> RawDocument | None:
    """Given a scanned report's words per page (points, from OCR or its OCR layer), return its findings, or None.

    No bold survives a scan: labels are found as whole lines and by size; call-out boxes are the ruled
    frames found on the page image. Every row is flagged for a check against the scan. ``read_margins``
    reads the margins of given pages again, block by block, for the pages where no printed number was found.
    """
    from ..report_meta import read_report_metadata

    pages = {i: words_to_lines(without_stray_accents(words), i,
                               [b for b in boxes if (b[2] - b[0]) * (b[3] - b[1]) < MAX_BOX_SHARE * w * h])
             for i, (words, (w, h), boxes) in page_words.items()}
    sizes = {i: size for i, (_, size, _) in page_words.items()}
    metadata = read_report_metadata(pdf, "", [ln for lines in pages.values() for ln in lines])
    margins = layer_margins(pdf, pages)
    if read_margins is not None:
        margins = margin_reading(pages, sizes, margins, pdf, read_margins)
    findings, notes = lines_to_findings(pages, sizes, pdf.page_count, pdf.page_labels, pdf.path.name,
                                        metadata.get("force", ""), margin_lines=margins)
    for finding in findings:
        finding.provenance.method = SCANNED_METHOD
        finding.flag("read from a scanned report: check against the scan")
    if not findings:
        return None
    return RawDocument(source=pdf.path.name, kind="report", page_count=pdf.page_count, page_labels=pdf.page_labels,
                       metadata=metadata, method=SCANNED_METHOD, findings=findings, notes=notes)


__all__ = ["METHOD", "SCANNED_METHOD", "Block", "Draft", "Label", "Line", "ReportSettings", "assign_columns",
           "extract_findings", "extract_report", "extract_scanned_report", "label_of", "lines_to_blocks",
           "lines_to_findings", "page_ref_of", "page_to_lines", "pages_worth_reading", "printed_page_numbers",
           "reading_order"]
