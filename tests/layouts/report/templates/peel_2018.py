"""PEEL 2018/19 (integrated PEEL assessment): pillars and questions, boxed areas for improvement, causes of
concern answered by "HMICFRS recommends that the force should immediately: …"."""

from __future__ import annotations

from ..content import Recommendation
from ..doc import Block, Run
from .base import ReportTemplate


class Peel2018Template(ReportTemplate):
    era = "peel-2018-19"

    def lead_in(self, rec: Recommendation) -> str:
        subj = self.subject(rec)
        t = (rec.timescale or "").lower()
        who = self.c.inspectorate
        if t == "immediately":
            return f"{who} recommends that {subj} should immediately:"
        if t:
            return f"{who} recommends that, {t}, {subj} should:"
        return f"{who} recommends that {subj} should:"

    def grade_line(self, grade: str) -> Block:
        return self.para([Run(self.case("Overall grade") + ": ", bold=True), Run(grade)], "lead")
