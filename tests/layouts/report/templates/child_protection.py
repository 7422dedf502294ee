"""National child protection inspections and re-inspections: recommendations set out near the front, grouped
by timescale ("Immediately", "Within three months"), areas for improvement in the chapters, and the earlier
inspection's recommendations re-listed with the progress made (not new findings)."""

from __future__ import annotations

from ..content import Recommendation
from ..doc import Block, Heading
from .base import ReportTemplate


class ChildProtectionTemplate(ReportTemplate):
    era = "child-protection"

    def lead_in(self, rec: Recommendation) -> str:
        subj = self.subject(rec)
        t = (rec.timescale or "").lower()
        if t == "immediately":
            return f"We recommend that, with immediate effect, {subj}:"
        if t:
            return f"We recommend that, {t}, {subj}:"
        return f"We recommend that {subj}:"

    def flush_recs(self) -> list[Block]:
        recs, self.pending_recs = self.pending_recs, []
        if not recs:
            return []
        blocks = self.flush_list()
        groups: list[list[Recommendation]] = []
        for rec in recs:
            if groups and (groups[-1][0].timescale or "") == (rec.timescale or ""):
                groups[-1].append(rec)
            else:
                groups.append([rec])
        for group in groups:
            t = group[0].timescale or "Recommendations"
            blocks.append(Heading(self.case(t[:1].upper() + t[1:]), 2))
            blocks += self.rec_sequence(group, None)
        return blocks
