"""PEEL 2014–17: unnumbered areas for improvement in end-of-question lists or a shaded "Summary of findings"
box; causes of concern followed by "To address this cause of concern, we recommend that the force …"."""

from __future__ import annotations

from ..content import Recommendation
from ..doc import Block, Box, Run
from .base import ReportTemplate


class Peel2014Template(ReportTemplate):
    era = "peel-2014-17"

    def lead_in(self, rec: Recommendation) -> str:
        subj = self.subject(rec)
        t = (rec.timescale or "").lower()
        if t == "immediately":
            return f"To address this cause of concern, we recommend that {subj} immediately:"
        if t:
            return f"To address this cause of concern, we recommend that, {t}, {subj}:"
        return f"To address this cause of concern, we recommend that {subj}:"

    def grade_line(self, grade: str) -> Block:
        force = self.c.force or "The force"
        return self.para([Run(f"{force} is judged to be ", bold=False), Run(grade.lower(), bold=True), Run(".")],
                         "lead")

    def list_box(self, kind: str, paras: list[Block]) -> Box:
        """The list-box form is the 2014–17 shaded "Summary of findings" box that ends each question."""
        label = self.para([Run(self.section_heading(kind), bold=True)], "label")
        return self.box([label, *paras], title=self.case("Summary of findings"))
