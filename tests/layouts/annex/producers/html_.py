"""Browser producer: HTML + print CSS through headless Chromium (``--print-to-pdf``).

Rows may be cut by page breaks (``break-inside: auto``); the header group repeats only when it is a
``<thead>``; running headers/footers are CSS ``@page`` margin boxes with ``counter(page)``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..layout import AnnexDoc, TablePart, split_marks
from ._tools import chromium_to_pdf

FONTS = {"serif": ("Liberation Serif", "DejaVu Serif", "Noto Serif", "Times New Roman"),
         "sans": ("Liberation Sans", "DejaVu Sans", "Noto Sans", "Arial")}


def font_stack(draw) -> str:
    pool = FONTS[draw.font_family]
    first = pool[draw.font_choice % len(pool)]
    generic = "serif" if draw.font_family == "serif" else "sans-serif"
    return f'"{first}", "Noto Naskh Arabic", "Noto Nastaliq Urdu", {generic}'


def inline(text: str, raised: bool) -> str:
    parts = []
    for line in text.split("\n"):
        parts.append("".join(f"<sup>{escape(run)}</sup>" if mark else escape(run)
                             for run, mark in split_marks(line, raised)))
    return "<br>".join(parts)


def css(doc: AnnexDoc) -> str:
    d = doc.draw
    c = d.colours
    rule = f"0.6pt solid {c['rule']}"
    size = "A4" if d.page_size == "A4" else "letter"
    boxes = []
    small = f"font-size: {max(7, d.font_size - 1.5)}pt;"
    if doc.running_header:
        boxes.append(f"@top-right {{ content: {_counter(doc.running_header)}; {small} }}")
    if doc.running_footer:
        boxes.append(f"@bottom-center {{ content: {_counter(doc.running_footer)}; {small} }}")
    out = [
        f"@page {{ size: {size} {d.orientation}; margin: {d.margins_mm}mm; {' '.join(boxes)} }}",
        f"body {{ font-family: {font_stack(d)}; font-size: {d.font_size}pt; line-height: 1.22; margin: 0; }}",
        "p { margin: 0 0 0.55em 0; } h1 { font-size: 1.45em; margin: 0.6em 0 0.4em; }",
        "h1, h2 { break-after: avoid; } h2 { font-size: 1.15em; margin: 0.8em 0 0.35em; }",
        ".foot { font-size: 0.8em; margin: 0.15em 0; }",
        "table.annex { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 0.8em; }",
        "table.annex td, table.annex th { padding: 3pt 4pt; vertical-align: top; text-align: left;"
        " overflow-wrap: anywhere; }",
        f"table.annex tr {{ break-inside: {'auto' if d.rows_split else 'avoid'}; }}",
        "table.annex th { font-weight: bold; }",
        "table.grades { border-collapse: collapse; width: 80%; margin: 0.5em 0 1em; }",
        "table.grades td { border: 0.6pt solid #000; padding: 2pt 4pt; }",
        ".pb { break-after: page; }",
    ]
    if d.rules == "grid":
        out.append(f"table.annex td, table.annex th {{ border: {rule}; }}")
    elif d.rules == "hrules":
        out.append(f"table.annex tr {{ border-top: {rule}; border-bottom: {rule}; }}")
    elif d.rules == "header_rule":
        out.append(f"table.annex tr.header {{ border-bottom: 0.9pt solid {c['rule']}; }}")
    elif d.rules == "booktabs":
        out.append(f"table.annex {{ border-top: 1.4pt solid {c['rule']}; border-bottom: 1.4pt solid {c['rule']}; }}")
        out.append(f"table.annex tr.header {{ border-bottom: 0.7pt solid {c['rule']}; }}")
    if d.header_fill:
        out.append(f"table.annex tr.header th {{ background: {c['header']}; color: {c['header_text']}; }}")
    if d.zebra:
        out.append(f"table.annex tr.data.odd td {{ background: {c['zebra']}; }}")
    band = ["font-weight: bold;" if d.band_look["bold"] else "font-weight: normal;"]
    if d.band_look["shaded"]:
        band.append(f"background: {c['band']};")
    out.append(f"table.annex tr.band td {{ {' '.join(band)} }}")
    out.append("table.annex tr.title th { font-size: 1.1em; }")
    if d.ref_valign == "middle":
        out.append("table.annex td.k-ref, table.annex td.k-page, table.annex td.k-type { vertical-align: middle; }")
    if d.ref_align == "center":
        out.append("table.annex td.k-ref, table.annex td.k-page { text-align: center; }")
    out.append("* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }")
    return "\n".join(out)


def _counter(template: str) -> str:
    """A CSS content value for a running header/footer template with {page}/{pages}."""
    out, rest = [], template
    while rest:
        cut = min((rest.find(t) for t in ("{page}", "{pages}") if t in rest), default=-1)
        if cut < 0:
            out.append(_q(rest))
            break
        if cut:
            out.append(_q(rest[:cut]))
        token = "{pages}" if rest.startswith("{pages}", cut) else "{page}"
        out.append("counter(pages)" if token == "{pages}" else "counter(page)")
        rest = rest[cut + len(token):]
    return " ".join(out)


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def table_html(doc: AnnexDoc, part: TablePart) -> str:
    d = doc.draw
    raised = d.footnote_marks == "raised"
    n = len(part.columns)
    cols = "".join(f'<col style="width:{c.width * 100:.2f}%">' for c in part.columns)
    head, body = [], []
    odd = False
    for i, row in enumerate(part.rows):
        target = head if (part.repeat and i < part.head) else body
        if row.kind == "title":
            target.append(f'<tr class="title"><th colspan="{n}">{inline(row.cells[0], False)}</th></tr>')
        elif row.kind == "header":
            cells = "".join(f"<th>{inline(t, False)}</th>" for t in row.cells)
            target.append(f'<tr class="header">{cells}</tr>')
        elif row.kind == "band":
            target.append(f'<tr class="band"><td colspan="{n}">{inline(row.cells[0], raised)}</td></tr>')
        else:
            cells = "".join(f'<td class="k-{c.key}">{inline(t, raised)}</td>'
                            for t, c in zip(row.cells, part.columns, strict=True))
            target.append(f'<tr class="data{" odd" if odd else ""}">{cells}</tr>')
            odd = not odd
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return f'<table class="annex"><colgroup>{cols}</colgroup>{thead}<tbody>{"".join(body)}</tbody></table>'


def page_html(doc: AnnexDoc) -> str:
    raised = doc.draw.footnote_marks == "raised"
    body = []
    for item in doc.items:
        if item.kind == "heading":
            tag = "h1" if item.level == 1 else "h2"
            body.append(f"<{tag}>{inline(item.text, False)}</{tag}>")
        elif item.kind == "para":
            body.append(f"<p>{inline(item.text, raised)}</p>")
        elif item.kind == "footnote":
            body.append(f'<p class="foot">{inline(item.text, raised)}</p>')
        elif item.kind == "grades":
            rows = "".join(f"<tr><td>{escape(a)}</td><td>{escape(b)}</td></tr>" for a, b in item.grid)
            body.append(f'<table class="grades">{rows}</table>')
        elif item.kind == "pagebreak":
            body.append('<div class="pb"></div>')
        elif item.kind == "table":
            body.append(table_html(doc, item.table))
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{escape(doc.title)}</title>'
            f"<style>{css(doc)}</style>"
            f"</head><body>{''.join(body)}</body></html>")


def render(doc: AnnexDoc, workdir: Path) -> bytes:
    path = workdir / "annex.html"
    path.write_text(page_html(doc), encoding="utf-8")
    return chromium_to_pdf(path, workdir)
