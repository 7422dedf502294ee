"""PEEL 2021/22 and 2023–25: graded areas, causes of concern with timed recommendations ("Within three
months, <force> should …"), areas for improvement as headed paragraphs, a front table of grades."""

from __future__ import annotations

from ..doc import Block, Heading, Run, Table, runs
from .base import ReportTemplate

GRADES = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")


class Peel2021Template(ReportTemplate):
    era = "peel-2021-22"

    def grade_line(self, grade: str) -> Block:
        return self.para([Run(self.case(grade), bold=True)], "lead")

    def overview(self) -> list[Block]:
        blocks = super().overview()
        rows = [[runs(Run("Grade", bold=True)), runs(Run("Areas", bold=True))]]
        for grade in GRADES:
            areas = [self.c.chapters[i].title for i in self.d.chapters if self.c.chapters[i].grade == grade]
            rows.append([runs(Run(grade, bold=True)), runs("; ".join(areas) or "–")])
        blocks[1:1] = [Heading("Overall summary", 2), Table(rows, widths=[0.3, 0.7], header=True,
                                                           style="shaded-header")]
        return blocks


class Peel2023Template(Peel2021Template):
    era = "peel-2023-25"
