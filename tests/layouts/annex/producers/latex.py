"""Typesetting producer: a LaTeX ``longtable`` compiled by pdflatex (twice, for "Page x of y").

Variants: ``endhead+endfoot`` (first head, repeated head, "continued" foot), ``endhead`` (repeated head
only) and ``plain`` (no head markers: the header is an ordinary first row). Rules are ``|``/``\\hline`` or
booktabs; shading uses colortbl. longtable never breaks inside a row.
"""

from __future__ import annotations

from pathlib import Path

from ..layout import SUPER, AnnexDoc, TablePart
from ._tools import ToolError, run

FONTS = {"serif": ("mathptmx", "charter", "mathpazo", "bookman"), "sans": ("helvet", "avant", "helvet", "helvet")}
SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
           "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def tex(text: str, raised: bool) -> str:
    """Escape text; footnote marks become \\textsuperscript (raised) or stay Unicode superscripts."""
    out = []
    for ch in text:
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
        elif ch in SUPER:
            out.append(rf"\textsuperscript{{{SUPER.index(ch)}}}" if raised else ch)
        elif ch == "\n":
            out.append(r"\newline ")
        else:
            out.append(ch)
    return "".join(out)


def colspec(doc: AnnexDoc, part: TablePart) -> str:
    d = doc.draw
    bar = "|" if d.rules == "grid" else ""
    specs = []
    for c in part.columns:
        width = rf"\dimexpr {c.width:.4f}\linewidth-2\tabcolsep-{1.2 if bar else 0}\arrayrulewidth\relax"
        kind = "m" if c.key in ("ref", "page", "type") and d.ref_valign == "middle" else "p"
        align = r">{\centering\arraybackslash}" if c.align == "center" else r">{\raggedright\arraybackslash}"
        specs.append(f"{align}{kind}{{{width}}}")
    return bar + bar.join(specs) + bar


def row_tex(doc: AnnexDoc, part: TablePart, index: int) -> str:
    d = doc.draw
    row = part.rows[index]
    n = len(part.columns)
    raised = d.footnote_marks == "raised"
    bar = "|" if d.rules == "grid" else ""
    width = rf"\dimexpr\linewidth-2\tabcolsep-{2.4 if bar else 0}\arrayrulewidth\relax"
    if row.kind in ("title", "band"):
        text = tex(row.cells[0], raised)
        if row.kind == "title" or d.band_look["bold"]:
            text = rf"\textbf{{{text}}}"
        fill = r"\cellcolor{band}" if row.kind == "band" and d.band_look["shaded"] else ""
        line = rf"\multicolumn{{{n}}}{{{bar}p{{{width}}}{bar}}}{{{fill}{text}}}"
    elif row.kind == "header":
        colour = r"\color{hdrtext}" if d.header_fill else ""
        line = " & ".join(rf"{colour}\textbf{{{tex(t, False)}}}" for t in row.cells)
        if d.header_fill:
            line = r"\rowcolor{hdr}" + line
    else:
        line = " & ".join(tex(t, raised) for t in row.cells)
        data_rows = [r for r in part.rows[:index] if r.kind == "data"]
        if d.zebra and len(data_rows) % 2:
            line = r"\rowcolor{zebra}" + line
    after = ""
    if d.rules in ("grid", "hrules") or (row.kind == "header" and d.rules == "header_rule"):
        after = r"\hline"
    elif row.kind == "header" and d.rules == "booktabs":
        after = r"\midrule"
    return f"{line} \\\\{after}\n"


def table_tex(doc: AnnexDoc, part: TablePart) -> str:
    d = doc.draw
    top = {"grid": r"\hline", "hrules": r"\hline", "booktabs": r"\toprule"}.get(d.rules, "")
    bottom = r"\bottomrule" if d.rules == "booktabs" else ""
    head = "".join(row_tex(doc, part, i) for i in range(part.head))
    body = "".join(row_tex(doc, part, i) for i in range(part.head, len(part.rows)))
    n = len(part.columns)
    out = [rf"\begin{{longtable}}{{{colspec(doc, part)}}}", top]
    header_only = "".join(row_tex(doc, part, i) for i in range(part.head) if part.rows[i].kind == "header")
    if d.variant == "plain":
        out.append(head)
    elif d.variant == "endhead":
        out += [head, r"\endfirsthead", (top + header_only) if part.repeat else "", r"\endhead"]
    else:
        note = tex(d.continuation_note, False)
        cont = rf"\multicolumn{{{n}}}{{r}}{{\footnotesize\itshape {note}}} \\"
        out += [head, r"\endfirsthead", (top + header_only) if part.repeat else "", r"\endhead",
                (r"\hline " if d.rules in ("grid", "hrules") else "") + cont, r"\endfoot", bottom, r"\endlastfoot"]
        bottom = ""
    out += [body, bottom, r"\end{longtable}"]
    return "\n".join(x for x in out if x)


def running_tex(template: str) -> str:
    return tex(template.replace("{pages}", "\x01").replace("{page}", "\x02"), False).replace(
        "\x01", r"\pageref{LastPage}").replace("\x02", r"\thepage{}")


def document_tex(doc: AnnexDoc) -> str:
    d = doc.draw
    raised = d.footnote_marks == "raised"
    pool = FONTS[d.font_family]
    font = pool[d.font_choice % len(pool)]
    size, lead = d.font_size, round(d.font_size * 1.22, 1)
    paper = "a4paper" if d.page_size == "A4" else "letterpaper"
    c = d.colours
    pre = [
        r"\documentclass{article}", r"\usepackage[T1]{fontenc}", r"\usepackage[utf8]{inputenc}",
        r"\usepackage{textcomp}", rf"\usepackage{{{font}}}",
        r"\renewcommand{\familydefault}{\sfdefault}" if d.font_family == "sans" else "",
        rf"\usepackage[{paper},{d.orientation},margin={d.margins_mm}mm,includefoot=false]{{geometry}}",
        r"\usepackage{array,longtable,booktabs}", r"\usepackage[table]{xcolor}", r"\usepackage{fancyhdr,lastpage}",
        rf"\definecolor{{hdr}}{{HTML}}{{{c['header'][1:]}}}",
        rf"\definecolor{{hdrtext}}{{HTML}}{{{c['header_text'][1:]}}}",
        rf"\definecolor{{zebra}}{{HTML}}{{{c['zebra'][1:]}}}", rf"\definecolor{{band}}{{HTML}}{{{c['band'][1:]}}}",
        rf"\arrayrulecolor[HTML]{{{c['rule'][1:]}}}",
        r"\DeclareUnicodeCharacter{2074}{\textsuperscript{4}}", r"\DeclareUnicodeCharacter{2075}{\textsuperscript{5}}",
        r"\DeclareUnicodeCharacter{2070}{\textsuperscript{0}}",
        rf"\renewcommand{{\normalsize}}{{\fontsize{{{size}}}{{{lead}}}\selectfont}}",
        r"\setlength{\parindent}{0pt}", r"\setlength{\parskip}{0.5em}", r"\setlength{\LTpre}{0.5em}",
        r"\pagestyle{fancy}", r"\fancyhf{}", r"\renewcommand{\headrulewidth}{0pt}",
        r"\setlength{\headheight}{14pt}",
    ]
    if not d.hyphenate:
        pre.append(r"\hyphenpenalty=10000 \exhyphenpenalty=10000")
    if doc.running_header:
        pre.append(rf"\fancyhead[R]{{\small {running_tex(doc.running_header)}}}")
    if doc.running_footer:
        pre.append(rf"\fancyfoot[C]{{\small {running_tex(doc.running_footer)}}}")
    body = [r"\begin{document}", r"\normalsize"]
    for item in doc.items:
        if item.kind == "heading":
            big = r"\Large" if item.level == 1 else r"\large"
            body.append(rf"\par\medskip{{{big}\bfseries {tex(item.text, False)}\par}}\nopagebreak")
        elif item.kind == "para":
            body.append(tex(item.text, raised) + "\n")
        elif item.kind == "footnote":
            body.append(rf"{{\footnotesize {tex(item.text, raised)}\par}}")
        elif item.kind == "grades":
            rows = "\n".join(rf"{tex(a, False)} & {tex(b, False)} \\\hline" for a, b in item.grid)
            head = r"\begin{tabular}{|p{0.55\linewidth}|p{0.2\linewidth}|}\hline"
            body.append(head + "\n" + rows + r"\end{tabular}\par")
        elif item.kind == "pagebreak":
            body.append(r"\newpage")
        elif item.kind == "table":
            body.append(table_tex(doc, item.table))
    body.append(r"\end{document}")
    return "\n".join(x for x in pre if x) + "\n" + "\n".join(body) + "\n"


def render(doc: AnnexDoc, workdir: Path) -> bytes:
    (workdir / "annex.tex").write_text(document_tex(doc), encoding="utf-8")
    for _ in range(2):
        run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "annex.tex"], cwd=workdir, timeout=120)
    out = workdir / "annex.pdf"
    if not out.exists():
        raise ToolError("pdflatex wrote no PDF")
    return out.read_bytes()
