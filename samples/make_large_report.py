#!/usr/bin/env python3
"""Build a long report-like PDF with the annex table at the end, for the speed benchmarks.

N pages of inspection-report prose (headings, paragraphs, printed page numbers) followed by a ruled
annex (Report Ref | Page Ref | Issue of Concern | Action) with the rows of
``samples/westshire-2019-appendix.expected.json``; the expected JSON is written beside the PDF, so the
benchmark can check that speed did not cost correctness. Not committed (sizes vary by N): the bench
scripts call ``build(pages, path)``.

Usage: python samples/make_large_report.py PAGES OUT.pdf
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROWS = json.loads((HERE / "westshire-2019-appendix.expected.json").read_text(encoding="utf-8"))["rows"]
SENTENCES = [
    "The force has a good understanding of the demand it faces and uses this to plan its resources.",
    "Neighbourhood teams work closely with partner organisations to solve local problems.",
    "We found that supervisors do not always review investigation plans in a timely way.",
    "The control room answers most emergency calls promptly, although performance varies at busy times.",
    "Victims told us that they were kept informed about the progress of their case.",
    "The force should make sure that officers record the rationale for their decisions.",
    "Work with local authorities to safeguard children who go missing is well established.",
    "Leaders have a clear plan for improving the quality of crime recording across the force area.",
]


def build(pages: int, out: Path) -> Path:
    """Write a PDF of ``pages`` prose pages plus the annex; return the expected-JSON path."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rng = random.Random(pages)
    styles = getSampleStyleSheet()
    story = []
    for n in range(pages):
        story.append(Paragraph(f"Chapter {n // 10 + 1}: Effectiveness, section {n + 1}", styles["Heading2"]))
        for _ in range(7):
            story.append(Paragraph(" ".join(rng.choice(SENTENCES) for _ in range(5)), styles["BodyText"]))
        story.append(PageBreak())
    story.append(Paragraph("Annex A: assurance template", styles["Heading1"]))
    story.append(Spacer(1, 6))
    cell = styles["BodyText"]
    data = [["Report Ref", "Page Ref", "Issue of Concern", "Action Taken"]]
    sections = []
    for row in ROWS:
        if row["section"] not in sections:
            sections.append(row["section"])
            if len(sections) > 1:
                data.append([Paragraph(f"<b>{row['section']}</b>", cell), "", "", ""])
        data.append([str(row["ref"]), row["page_ref"], Paragraph(row["issue"], cell), ""])
    table = Table(data, colWidths=[2 * cm, 2.6 * cm, 9.5 * cm, 3.4 * cm], repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]
    style += [("SPAN", (0, i), (-1, i)) for i, r in enumerate(data) if r[1] == "" and i > 0]
    table.setStyle(TableStyle(style))
    story.append(table)

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, str(doc.page))

    SimpleDocTemplate(str(out), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    expected = out.with_suffix(".expected.json")
    expected.write_text(json.dumps({"source": out.name, "kind": "pcc-response", "rows": ROWS}, indent=1),
                        encoding="utf-8")
    return expected


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    build(int(sys.argv[1]), Path(sys.argv[2]))
