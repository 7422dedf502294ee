"""Crime data integrity inspections (2014–17): an overall judgment, a cause of concern whose recommendations
include "Within six months the force should put in place arrangements to ensure that:" with bullets — one
recommendation, its bullets kept with it — and areas for improvement."""

from __future__ import annotations

from ..doc import Block, Heading, Run
from .base import ReportTemplate


class CrimeDataIntegrityTemplate(ReportTemplate):
    era = "crime-data-integrity"

    def overview(self) -> list[Block]:
        blocks: list[Block] = [Heading(self.rng.choice(("Summary", "Overall judgment")), 1, key="overview")]
        if self.c.overall_grade:
            blocks.append(self.box([self.para([Run(self.case(self.c.overall_grade), bold=True)], "lead")],
                                   title=None))
        return blocks + [self.para(p) for p in self.c.overview]
