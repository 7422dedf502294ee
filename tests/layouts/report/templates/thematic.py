"""National thematic inspections: "Recommendation 1: By 31 March 2024, chief constables should …", areas for
improvement addressed to forces, and a "Summary of recommendations" at the back."""

from __future__ import annotations

from ..doc import Block, Heading
from .base import ReportTemplate


class ThematicTemplate(ReportTemplate):
    era = "thematic"

    def overview(self) -> list[Block]:
        heading = self.rng.choice(("Executive summary", "Summary", "Foreword"))
        return [Heading(heading, 1, key="overview"), *[self.para(p) for p in self.c.overview]]

    def choose_back_title(self) -> str:
        return self.rng.choice(("Summary of recommendations", "Annex A: Summary of recommendations",
                                "Summary of recommendations and areas for improvement"))

    def back_summary_only_recs(self) -> bool:
        return "areas for improvement" not in self.back_title

    def flush_recs(self) -> list[Block]:
        """Unlabelled recommendations sit under a heading naming who they are for, or "Overarching …"."""
        recs = self.pending_recs
        if not recs or self.d.rec_label not in ("list", "plain"):
            return super().flush_recs()
        self.pending_recs = []
        to = {r.addressee for r in recs}
        choices = ["Recommendations", "Overarching recommendations"]
        if len(to) == 1:
            choices.append(f"Our recommendations to {next(iter(to))}")
        heading = Heading(self.case(self.rng.choice(choices)), 2)
        return [*self.flush_list(), heading, *self.rec_sequence(recs, None)]
