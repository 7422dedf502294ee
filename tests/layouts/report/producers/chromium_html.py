"""Typeset a report as HTML/CSS and print it with headless Chromium (build-time only; not in CI).

Chromium lays text out differently from reportlab (its own line breaking, font metrics, multi-column flow,
table layout), which is the point: the tool must not depend on one typesetter. Gold pages are found by
locating the tagged text in the printed PDF (:mod:`.locate`); running heads are stamped afterwards.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..doc import Box, Contents, Cover, Document, Figure, Heading, Para, Part, Run
from ..doc import PageBreak as DocPageBreak
from ..doc import Table as DocTable
from ..draw import Draw
from ..pages import printed_labels
from .finish import finish, notes_by_page
from .geometry import MARGIN_TOP_MM, MARGIN_X_MM, body_box, bottom_mm
from .locate import Located, check_body, locate, page_texts, roles_from_parts
from .reportlab_pdf import Rendered

FAMILIES = {"Helvetica": "'Liberation Sans', 'Nimbus Sans', Arial, sans-serif",
            "Times": "'Liberation Serif', 'Nimbus Roman', 'Times New Roman', serif",
            "Vera": "'DejaVu Sans', Verdana, sans-serif"}
ACCENT = {"HMIC": "#1f3a60", "HMICFRS": "#6b1d4f"}
PLACEHOLDER = re.compile(r"\{\{page:([^}]+)\}\}")
def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class HtmlWriter:
    """Turn blocks into one HTML page with print CSS."""

    def __init__(self, doc: Document, draw: Draw, inspectorate: str, pages: dict[str, str]):
        self.doc, self.d, self.pages = doc, draw, pages
        self.accent = ACCENT.get(inspectorate, ACCENT["HMICFRS"])

    def css(self) -> str:
        d = self.d
        s = d.font_size
        return f"""
@page {{ size: A4; margin: {MARGIN_TOP_MM}mm {MARGIN_X_MM}mm {bottom_mm(d)}mm {MARGIN_X_MM}mm; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {FAMILIES.get(d.font, FAMILIES['Helvetica'])}; font-size: {s}pt; line-height: 1.32;
        margin: 0; text-align: {'justify' if d.justify else 'left'}; hyphens: manual; }}
p {{ margin: 0 0 {s * 0.65:.1f}pt 0; orphans: 2; widows: 2; }}
p.lead {{ font-size: {s + 0.5}pt; }}
p.small {{ font-size: {s - 1}pt; }}
p.quote {{ margin-left: 18pt; margin-right: 18pt; }}
p.label {{ margin: {s * 0.4:.1f}pt 0 {s * 0.35:.1f}pt 0; break-after: avoid; text-align: left; }}
p.li {{ padding-left: 16pt; text-indent: -14pt; }}
p.li.num {{ padding-left: 24pt; text-indent: -22pt; }}
p.li.sub {{ margin-left: 14pt; }}
p.li .mk {{ display: inline-block; width: 14pt; text-indent: 0; }}
p.li.num .mk {{ width: 22pt; }}
p.kwn {{ break-after: avoid; }}
h1 {{ font-size: {s * 1.55:.1f}pt; color: {self.accent}; margin: {s * 1.2:.1f}pt 0 {s * 0.8:.1f}pt 0;
      line-height: 1.2; break-after: avoid; text-align: left; }}
h2 {{ font-size: {s * 1.18:.1f}pt; margin: {s * 0.8:.1f}pt 0 {s * 0.45:.1f}pt 0; break-after: avoid;
      text-align: left; }}
.part {{ break-before: page; }}
.chapter {{ }}
.chapter.brk {{ break-before: page; }}
.cols {{ column-count: 2; column-gap: 8mm; column-fill: auto; }}
.box {{ padding: 8pt 10pt; margin: {s * 0.6:.1f}pt 0; }}
.box.frame, .box.both {{ border: 0.9pt solid {self.accent}; }}
.box.shade, .box.both {{ background: #e8eef5; }}
.box.none {{ border: 0.9pt solid transparent; }}
.box.keep {{ break-inside: avoid; }}
.box .title {{ font-weight: bold; font-size: {s + 1}pt; margin-bottom: 4pt; }}
.box.shade .title, .box.both .title {{ background: #c9d6e6; margin: -8pt -10pt 6pt -10pt; padding: 6pt 10pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: {s - 0.5}pt; margin: {s * 0.6:.1f}pt 0; }}
td, th {{ vertical-align: top; padding: 2pt 4pt; text-align: left; font-weight: normal; }}
table.grid td, table.grid th {{ border: 0.5pt solid #888; }}
table.lines td, table.lines th {{ border-bottom: 0.5pt solid #888; }}
table.shaded-header th {{ background: #e8eef5; }}
table.shaded-header td {{ border-bottom: 0.4pt solid #888; }}
table.toc td {{ border-bottom: 0.25pt solid #ccc; }}
table.toc td.n {{ text-align: right; width: 15%; }}
.figure {{ break-inside: avoid; margin: {s}pt 0; }}
.caption {{ font-weight: bold; font-size: {s - 0.5}pt; }}
.cover {{ height: 240mm; position: relative; }}  /* positioned: painted last, but only the cover */
.cover .band {{ position: absolute; top: 0; left: 0; right: 0; height: 12mm; background: {self.accent}; }}
.cover .ins {{ padding-top: 18mm; font-size: 10pt; }}
.cover .title {{ font-size: 24pt; font-weight: bold; color: {self.accent}; margin-top: 25mm; line-height: 1.2; }}
.cover .sub {{ font-size: 14pt; margin-top: 5mm; }}
.cover .lines {{ position: absolute; bottom: 10mm; font-size: 10pt; }}
"""

    def text(self, items: list[Run]) -> str:
        out = []
        for r in items:
            t = html.escape(PLACEHOLDER.sub(lambda m: self.pages.get(m.group(1), "00"), r.text))
            if r.bold:
                t = f"<b>{t}</b>"
            if r.italic:
                t = f"<i>{t}</i>"
            if r.sup:
                t = f"<sup>{t}</sup>"
            out.append(t)
        return "".join(out)

    def para(self, p: Para) -> str:
        classes = [p.style]
        if p.keep_with_next:
            classes.append("kwn")
        if p.bullet is not None or p.indent:
            classes.append("li")
            glyph = p.bullet or ""
            if any(ch.isalnum() for ch in glyph):
                classes.append("num")
            if p.indent:
                classes.append("sub")
            return f'<p class="{" ".join(classes)}"><span class="mk">{html.escape(glyph)}</span>{self.text(p.runs)}</p>'
        return f'<p class="{" ".join(classes)}">{self.text(p.runs)}</p>'

    def block(self, block) -> str:
        if isinstance(block, Para):
            return self.para(block)
        if isinstance(block, Heading):
            tag = "h1" if block.level == 1 else "h2"
            return f"<{tag}>{html.escape(block.text)}</{tag}>"
        if isinstance(block, Box):
            keep = " keep" if block.keep_together else ""
            title = f'<div class="title">{html.escape(block.title)}</div>' if block.title else ""
            inner = "".join(self.block(c) for c in block.children)
            return f'<div class="box {block.style}{keep}">{title}{inner}</div>'
        if isinstance(block, DocTable):
            rows = []
            for k, row in enumerate(block.rows):
                cell = "th" if (k == 0 and block.header) else "td"
                cells = "".join(f'<{cell} style="width:{w * 100:.0f}%">{self.text(c)}</{cell}>'
                                for c, w in zip(row, block.widths, strict=False))
                rows.append(f"<tr>{cells}</tr>")
            return f'<table class="{block.style}">{"".join(rows)}</table>'
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Contents):
            rows = "".join(f'<tr><td style="padding-left:{12 if t.startswith(" ") else 0}pt">'
                           f'{html.escape(t.strip())}</td><td class="n">{self.pages.get(k, "00")}</td></tr>'
                           for t, k in block.entries)
            return f'<h1>{html.escape(block.title)}</h1><table class="toc">{rows}</table>'
        if isinstance(block, Cover):
            lines = "<br>".join(html.escape(x) for x in block.lines)
            return (f'<div class="cover"><div class="band"></div><div class="ins">{html.escape(block.inspectorate)}'
                    f'</div><div class="title">{html.escape(block.title)}</div><div class="sub">'
                    f'{html.escape(block.subtitle)}</div><div class="sub">{html.escape(block.date)}</div>'
                    f'<div class="lines">{lines}</div></div>')
        if isinstance(block, DocPageBreak):
            return '<div style="break-after: page"></div>'
        raise TypeError(type(block))

    def figure(self, f: Figure) -> str:
        top = max(v for _, v in f.bars) or 1
        w, slot = 60 * len(f.bars) + 40, 60
        parts = [f'<svg width="{w}" height="130" xmlns="http://www.w3.org/2000/svg" font-size="8">',
                 f'<line x1="25" y1="110" x2="{w}" y2="110" stroke="black" stroke-width="0.5"/>']
        for i, (label, value) in enumerate(f.bars):
            h = 85 * value / top
            x = 30 + i * slot + 10
            shown = f"{value:g}{f.unit if f.unit == '%' else ''}"
            parts += [f'<rect x="{x}" y="{110 - h:.1f}" width="36" height="{h:.1f}" fill="#4a6fa5"/>',
                      f'<text x="{x + 18}" y="{106 - h:.1f}" text-anchor="middle">{html.escape(shown)}</text>',
                      f'<text x="{x + 18}" y="122" text-anchor="middle">{html.escape(label[:18])}</text>']
        parts.append("</svg>")
        return (f'<div class="figure"><p class="caption">{html.escape(f.caption)}</p>{"".join(parts)}'
                f'<p class="small">{html.escape(f.source)}</p></div>')

    def document(self) -> str:
        """Return the HTML: parts start on new pages; body chapters are groups (two-column when drawn)."""
        out: list[str] = []
        group: list[str] = []
        role = None
        first_chapter = True

        def close_group() -> None:
            if group:
                cols = " cols" if (role == "body" and self.d.columns == 2) else ""
                out.append(f'<div class="group{cols}">{"".join(group)}</div>')
                group.clear()

        for block in self.doc.blocks:
            if isinstance(block, Part):
                close_group()
                if role is not None:
                    out.append('<div class="part"></div>')
                role = block.role
                first_chapter = True
                continue
            if isinstance(block, Heading) and block.level == 1 and role == "body":
                # a chapter opens a new multi-column group only on a new page: two groups sharing a page
                # make Chromium overlap fragmented boxes
                if self.d.chapter_breaks and not first_chapter:
                    close_group()
                    out.append('<div class="part"></div>')
                first_chapter = False
            group.append(self.block(block))
        close_group()
        return (f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(self.doc.title)}'
                f"</title><style>{self.css()}</style></head><body>{''.join(out)}</body></html>")


def print_html(page: str, workdir: Path) -> bytes:
    """Print an HTML page to PDF with headless Chromium."""
    binary = chromium_binary()
    if binary is None:
        raise RuntimeError("chromium is not installed")
    src, dst = workdir / "report.html", workdir / "report.pdf"
    src.write_text(page, encoding="utf-8")
    profile = workdir / "profile"
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
           "--print-to-pdf-no-header", f"--print-to-pdf={dst}", src.as_uri()]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    return dst.read_bytes()


def render_chromium(doc: Document, draw: Draw, inspectorate: str = "HMICFRS") -> Rendered:
    """Print twice (the second time with the cited pages filled in), locate the statements, stamp heads."""
    pages: dict[str, str] = {}
    located: Located | None = None
    with tempfile.TemporaryDirectory(prefix="report-chromium-") as tmp:
        for _ in range(3):
            pdf = print_html(HtmlWriter(doc, draw, inspectorate, pages).document(), Path(tmp))
            texts = page_texts(pdf, body_box(draw))
            located = locate(doc.blocks, texts)
            roles = roles_from_parts(located.part_starts, len(texts))
            labels = printed_labels(draw, roles)
            new_pages = {k: labels[i] or "00" for k, i in located.key_pages.items()}
            new_pages.update({t: labels[p[0]] or "00" for t, p in located.tag_pages.items()})
            if new_pages == pages:
                break
            pages = new_pages
    assert located is not None
    check_body(located, roles)
    final = finish(pdf, doc, draw, roles, labels, notes_by_page(doc, located.tag_pages))
    tags = {k: v for k, v in located.tag_pages.items() if not k.startswith("note:")}
    return Rendered(pdf=final, roles=roles, labels=labels, tag_pages=tags, key_pages=located.key_pages)
