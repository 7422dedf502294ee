"""Joint inspections of police custody (HM Inspectorate of Prisons with HMICFRS): every paragraph numbered
("2.27"), summary paragraphs "S1", "S2", causes of concern each followed by its recommendations, and a
closing "Summary of causes of concern, recommendations and areas for improvement" that repeats them."""

from __future__ import annotations

import re

from ..content import Cause, Finding, Recommendation
from ..doc import Block, Heading, Run
from .base import SINGULAR, ReportTemplate


class JointCustodyTemplate(ReportTemplate):
    era = "joint-custody"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.section_no = "1"
        self.para_count = 0
        self.numbering = False
        self.para_numbers: dict[str, str] = {}

    def next_para(self) -> str:
        self.para_count += 1
        return f"{self.section_no}.{self.para_count}"

    def para(self, text, style: str = "body", **kw):
        if self.numbering and style in ("body", "lead") and kw.get("bullet") is None:
            kw["bullet"] = self.next_para()
        return super().para(text, style, **kw)

    def chapter_opening(self, number: int, i: int) -> list[Block]:
        m = re.match(r"Section (\d+)", self.c.chapters[i].title)
        self.section_no = m.group(1) if m else str(number + 1)
        self.para_count = 0
        self.numbering = True
        return super().chapter_opening(number, i)

    def overview(self) -> list[Block]:
        blocks: list[Block] = [Heading("Summary", 1, key="overview")]
        blocks += [super(JointCustodyTemplate, self).para(p, bullet=f"S{k}") for k, p in
                   enumerate(self.c.overview, start=1)]
        return blocks

    def numbered(self, kind: str, item_id: str, text: str, style: str = "body", **extra) -> Block:
        number = self.next_para()
        tag = self.state(kind, item_id, text, printed_number=number, **extra)
        self.para_numbers[tag] = number
        return self.para(text, style, tag=tag, bullet=number)

    def finding(self, kind: str, item: Finding) -> list[Block]:
        """Labelled forms still carry the paragraph number, which is what the report cites."""
        form = self.d.afi_label
        if form in ("list", "list-box"):
            return super().finding(kind, item)
        self.counts[kind] += 1
        label = self.label(kind, None, "AFI" if (form == "abbrev" and kind == "afi") else None)
        block = self.numbered(kind, item.id, item.text, label=label)
        explain = [self.para(p) for p in item.explain]
        if form == "heading":
            return [self.para([Run(label, bold=True)], "label", keep_with_next=True), block, *explain]
        if form in ("inline", "abbrev"):
            block.runs = [Run(label + ":", bold=True), Run(" " + item.text)]
            return [block, *explain]
        return [self.box([block], title=label), *explain]

    def flush_list(self) -> list[Block]:
        items, self.pending_list = self.pending_list, []
        if not items:
            return []
        blocks: list[Block] = []
        for kind in ("afi", "ioc"):
            chosen = [it for k, it in items if k == kind]
            if not chosen:
                continue
            paras: list[Block] = []
            for item in chosen:
                self.counts[kind] += 1
                paras.append(self.numbered(kind, item.id, item.text, label=self.case(SINGULAR[kind])))
            if self.d.afi_label == "list-box":
                blocks.append(self.list_box(kind, paras))
            else:
                heading = self.para([Run(self.section_heading(kind), bold=True)], "label", keep_with_next=True)
                blocks += [heading, *paras]
        return blocks

    def cause(self, item: Cause) -> list[Block]:
        self.counts["cause"] += 1
        plural = "s" if len(item.recommendations) > 1 else ""
        heading = self.case(f"Cause of concern and recommendation{plural}")
        statement = self.numbered("cause", item.id, item.text, "lead", label=self.case("Cause of concern"))
        self.current_cause = statement.tag
        recs = self.cause_recs(item)
        self.current_cause = None
        return [self.para([Run(heading, bold=True)], "label", keep_with_next=True), statement,
                *[self.para(p) for p in item.explain], *recs]

    def cause_recs(self, cause: Cause) -> list[Block]:
        return self.rec_sequence(cause.recommendations, cause)

    def rec_sentence(self, rec: Recommendation) -> list[Block]:
        self.next_rec_number()
        sentence = rec.full_sentence(self.subject(rec))
        issue = " ".join([sentence, *rec.bullets])
        block = self.numbered("rec", rec.id, issue, label=self.case("Recommendation"), **self.rec_extra(rec))
        block.runs = [Run(sentence)]
        subs = [self.para(b, tag=block.tag, bullet=self.sub_bullet(), indent=1) for b in rec.bullets]
        return [block, *subs]

    def choose_back_title(self) -> str:
        return "Summary of causes of concern, recommendations and areas for improvement"

    def back_summary(self) -> list[Block]:
        self.numbering = False
        last = max((int(m.group(1)) for m in (re.match(r"Section (\d+)", c.title) for c in self.c.chapters) if m),
                   default=5)
        title = f"Section {last + 1}. {self.back_title}"
        blocks: list[Block] = [Heading(title, 1, key="back-summary")]
        groups = (("Causes of concern and recommendations", ("Causes of concern", "Recommendations")),
                  ("Areas for improvement", ("Areas for improvement", "Issues of concern")))
        k = 0
        for heading, sections in groups:
            chosen = [s for s in self.statements if s.section in sections]
            if not chosen:
                continue
            blocks.append(self.para([Run(self.case(heading), bold=True)], "label", keep_with_next=True))
            for s in chosen:
                k += 1
                lead = f"{s.label}: " if s.section != "Areas for improvement" else ""
                text = s.summary_text or s.issue
                blocks.append(super().para([Run(lead, bold=True), Run(f"{text} ({s.printed_number})")],
                                           bullet=f"{last + 1}.{k}"))
        return blocks
