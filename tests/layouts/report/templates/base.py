"""The shared template: turns content + draw into blocks, registering each finding's body statement.

Era/type templates subclass :class:`ReportTemplate` and override only what their reports do differently
(lead-in wording, front matter, chapter openings, summaries, paragraph numbering). Every finding statement is
emitted exactly once with a tag; summaries and contents repeat text untagged, so they never become gold.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..content import Cause, Content, Earlier, FigureItem, Finding, Prose, Recommendation, Trap
from ..doc import (
    Block,
    Box,
    Contents,
    Cover,
    Document,
    Figure,
    Heading,
    Para,
    Part,
    Run,
    Table,
    iter_blocks,
    plain,
    runs,
)
from ..draw import Draw

FILLER = json.loads((Path(__file__).resolve().parents[1] / "prose" / "filler.json").read_text(encoding="utf-8"))

SECTION_WORDS = {
    "afi": ("Areas for improvement", "Area for improvement", "Areas for Improvement"),
    "ioc": ("Issues of concern", "Issue of concern", "Issues of Concern"),
    "cause": ("Cause of concern", "Causes of concern", "Causes for concern"),
    "rec": ("Recommendations", "Recommendation", "Our recommendations"),
}
SINGULAR = {"afi": "Area for improvement", "ioc": "Issue of concern", "cause": "Cause of concern",
            "rec": "Recommendation"}
SECTION_NAME = {"afi": "Areas for improvement", "ioc": "Issues of concern", "cause": "Causes of concern",
                "rec": "Recommendations"}
INSPECTORATE_NAME = {
    "HMIC": "Her Majesty's Inspectorate of Constabulary",
    "HMICFRS": "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SMALL_WORDS = {"of", "for", "and", "the", "to", "in", "on", "a", "an", "at", "by", "with"}


@dataclass
class Statement:
    """A finding as the report states it in the body: what gold is made of."""

    tag: str
    section: str
    issue: str
    printed_number: str | None = None
    cause_tag: str | None = None
    addressee: str | None = None
    timescale: str | None = None
    label: str | None = None
    summary_text: str | None = None  # how a summary restates it (a fragment is restated as a sentence)


def roman(n: int) -> str:
    """Return n in lower-case roman numerals."""
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def list_number(style: str, n: int) -> str:
    """Return the printed number of the n-th item (1-based) in a numbered list style."""
    if style == "(a)":
        return f"({chr(ord('a') + (n - 1) % 26)})"
    if style == "i.":
        return f"{roman(n)}."
    if style == "(1)":
        return f"({n})"
    return f"{n}."


def bare_number(printed: str) -> str:
    """Return the number of a printed list marker without its brackets or full stop ("(b)" -> "b")."""
    return printed.strip("().")


class ReportTemplate:
    """Generic report: cover, optional front matter, chapters of prose and findings, back matter."""

    era = "generic"
    fragment_lead_word = "should"

    def __init__(self, content: Content, draw: Draw) -> None:
        self.c, self.d = content, draw
        self.rng = random.Random(f"template:{draw.seed}:{draw.index}")
        self.statements: list[Statement] = []
        self.counts: dict[str, int] = {"afi": 0, "ioc": 0, "cause": 0, "rec": 0, "rec_in_cause": 0}
        pool = list(FILLER["force" if content.force else "national"])
        self.rng.shuffle(pool)
        self.filler_pool = pool
        self.pending_list: list[tuple[str, Finding]] = []
        self.pending_recs: list[Recommendation] = []
        self.current_cause: str | None = None
        self.back_title = self.choose_back_title()

    # ----- words and labels -------------------------------------------------------------------------
    def case(self, text: str) -> str:
        """Apply the draw's heading case."""
        if self.d.heading_case == "upper":
            return text.upper()
        if self.d.heading_case == "title":
            words = text.split(" ")
            return " ".join(w if (i and w.lower() in SMALL_WORDS) else w[:1].upper() + w[1:]
                            for i, w in enumerate(words))
        return text

    def section_heading(self, kind: str) -> str:
        return self.case(SECTION_WORDS[kind][self.d.heading_synonym])

    def label(self, kind: str, number: int | None, word: str | None = None) -> str:
        base = word or SINGULAR[kind]
        return self.case(f"{base} {number}" if number is not None else base)

    def fill(self, text: str) -> str:
        if self.c.force:
            return text.replace("{force}", self.c.force)
        return text

    def subject(self, rec: Recommendation) -> str:
        """The printed subject of a force recommendation, per the draw's subject form."""
        if not self.c.force or rec.subject not in ("the force", self.c.force):
            return rec.subject
        if self.d.subject_form == "force-name":
            return self.c.force
        if self.d.subject_form == "the-force":
            return "the force"
        return rec.subject

    # ----- registering statements ------------------------------------------------------------------
    def state(self, kind: str, item_id: str, issue: str, **extra) -> str:
        tag = f"{kind}:{item_id}"
        self.statements.append(Statement(tag=tag, section=SECTION_NAME[kind], issue=issue, **extra))
        return tag

    # ----- paragraphs -------------------------------------------------------------------------------
    def para(self, text: str | list[Run], style: str = "body", **kw) -> Para:
        return Para(runs(text) if isinstance(text, str) else text, style=style, **kw)

    def filler(self, n: int) -> list[Block]:
        out = []
        for _ in range(n):
            if self.filler_pool:
                out.append(self.para(self.fill(self.filler_pool.pop())))
        return out

    def box(self, children: list[Block], title: str | None) -> Box:
        return Box(children, style=self.d.box, title=title, keep_together=self.d.box_split == "keep")

    # ----- the document ----------------------------------------------------------------------------
    def build(self) -> tuple[Document, list[Statement]]:
        """Return the document and its statements in document order."""
        body = self.body()
        if self.d.footnotes:
            self.add_footnotes(body)
        back = self.back()
        front = self.front() if self.d.front_matter else []
        blocks: list[Block] = [Part("cover"), self.cover()]
        if front:
            blocks += [Part("front"), *front]
        blocks += [Part("body"), *body, *back]
        c = self.c
        year = str(c.year)
        doc = Document(blocks=blocks, title=c.title, running_title=self.running_title(), series=c.series,
                       force=c.force, year_text=year, copyright=f"© {c.inspectorate.split()[0]} {year}",
                       date=c.date)
        return doc, self.statements

    def add_footnotes(self, blocks: list[Block]) -> None:
        """Give some sentence-ending paragraphs a footnote marker (a statement's text keeps it as ¹²³)."""
        rng = random.Random(f"notes:{self.d.seed}:{self.d.index}")  # own stream: layout choices must not move notes
        pool = list(FILLER["notes"])
        rng.shuffle(pool)
        paras = [b for b in iter_blocks(blocks) if isinstance(b, Para)]
        per_tag = Counter(p.tag for p in paras if p.tag)
        statements = {s.tag: s for s in self.statements}
        number = 0
        for p in paras:
            text = plain(p.runs).rstrip()
            if not pool or p.style == "label" or not text.endswith(".") or (p.tag and per_tag[p.tag] != 1):
                continue
            if rng.random() >= 0.15:
                continue
            number += 1
            p.runs.append(Run(str(number), sup=True))
            p.notes.append((number, self.fill(pool.pop())))
            if p.tag:
                s = statements[p.tag]
                s.summary_text = s.summary_text or s.issue
                s.issue += str(number).translate(SUPERSCRIPT)

    def running_title(self) -> str:
        if self.c.force and "{force}" not in self.c.title and self.c.force not in self.c.title:
            return f"{self.c.force}: {self.c.title}"
        return self.c.title

    def cover(self) -> Cover:
        c = self.c
        lines = []
        if c.force and c.force not in c.title:
            lines.append(c.force)
        isbn = 1000 + (sum(map(ord, c.id)) % 8999)
        lines += [f"© {c.inspectorate.split()[0]} {c.year}", f"ISBN: 978-1-78655-{isbn}-{c.year % 10}"]
        name = INSPECTORATE_NAME.get(c.inspectorate, c.inspectorate)
        return Cover(inspectorate=name, title=c.title, subtitle=c.subtitle, date=c.date, lines=lines)

    # ----- front matter ------------------------------------------------------------------------------
    def front(self) -> list[Block]:
        blocks: list[Block] = []
        if "contents" in self.d.traps:
            blocks.append(Contents(self.contents_entries()))
        blocks += self.overview()
        if self.d.summary in ("front-table", "front-list"):
            blocks += self.front_summary()
        return blocks

    def contents_entries(self) -> list[tuple[str, str]]:
        entries = []
        if self.d.summary in ("front-table", "front-list"):
            entries.append(("Summary of findings", "summary"))
        for i in self.d.chapters:
            entries.append((self.c.chapters[i].title, f"ch{i}"))
            for kind in ("cause", "afi"):
                if any(s.tag.startswith(kind) and s.tag in self.chapter_tags.get(i, ()) for s in self.statements):
                    entries.append(("    " + self.section_heading(kind), f"ch{i}"))
        if self.d.summary == "back-section":
            entries.append((self.back_summary_title(), "back-summary"))
        if "glossary" in self.d.traps and self.c.glossary:
            entries.append(("Glossary", "glossary"))
        return entries

    def overview(self) -> list[Block]:
        heading = self.rng.choice(("Overview", "Foreword", "Summary", "Introduction"))
        blocks: list[Block] = [Heading(heading, 1, key="overview")]
        if self.c.overall_grade:
            blocks.append(self.para([Run("Overall judgment: ", bold=True), Run(self.c.overall_grade)], "lead"))
        blocks += [self.para(p) for p in self.c.overview]
        return blocks

    def summary_rows(self) -> list[tuple[str, str, str]]:
        """(section word, text, tag) for every statement, in document order: a summary repeats them."""
        names = {"Areas for improvement": "afi", "Causes of concern": "cause", "Recommendations": "rec",
                 "Issues of concern": "ioc"}
        return [(SINGULAR[names[s.section]], s.summary_text or s.issue, s.tag) for s in self.statements]

    def front_summary(self) -> list[Block]:
        rows = self.summary_rows()
        if self.d.summary == "front-table":
            table_rows = [[runs(Run("Finding", bold=True)), runs(Run("Summary", bold=True)),
                           runs(Run("Page", bold=True))]]
            table_rows += [[runs(self.case(word)), runs(text), runs(f"{{{{page:{tag}}}}}")]
                           for word, text, tag in rows]
            return [Heading("Summary of findings", 1, key="summary"),
                    self.para("The table below sets out the findings of this inspection, with the page on "
                              "which each is discussed."),
                    Table(table_rows, widths=[0.26, 0.63, 0.11], header=True,
                          style=self.rng.choice(("grid", "lines", "shaded-header")))]
        blocks: list[Block] = [Heading("Summary of findings", 1, key="summary")]
        for kind in ("cause", "rec", "afi", "ioc"):
            chosen = [(w, t, g) for w, t, g in rows if w == SINGULAR[kind]]
            if not chosen:
                continue
            blocks.append(Heading(self.section_heading(kind), 2))
            blocks += [self.para(text, bullet=self.d.bullet) for _, text, _ in chosen]
        return blocks

    # ----- body --------------------------------------------------------------------------------------
    def body(self) -> list[Block]:
        blocks: list[Block] = []
        self.chapter_tags: dict[int, set[str]] = {}
        for number, i in enumerate(self.d.chapters, start=1):
            chapter = self.c.chapters[i]
            before = len(self.statements)
            blocks += self.chapter_opening(number, i)
            for kind, item in chapter.items:
                blocks += self.item(kind, item)
            blocks += self.filler(self.d.filler // 2)
            blocks += self.flush_recs()
            blocks += self.flush_list()
            self.chapter_tags[i] = {s.tag for s in self.statements[before:]}
        return blocks

    def chapter_opening(self, number: int, i: int) -> list[Block]:
        chapter = self.c.chapters[i]
        blocks: list[Block] = [Heading(chapter.title, 1, key=f"ch{i}")]
        if chapter.grade:
            blocks.append(self.grade_line(chapter.grade))
        blocks += [self.para(self.fill(p)) for p in chapter.intro]
        blocks += self.filler((self.d.filler + 1) // 2)
        return blocks

    def grade_line(self, grade: str) -> Block:
        return self.para([Run("Grade: ", bold=True), Run(grade)], "lead")

    def item(self, kind: str, item) -> list[Block]:
        if kind == "rec":
            self.pending_recs.append(item)
            return []
        out = self.flush_recs()
        if kind == "prose":
            return out + self.prose(item)
        if kind == "trap":
            return out + self.trap(item)
        if kind == "figure":
            return out + (self.figure(item) if "captions" in self.d.traps else [])
        if kind == "earlier":
            return out + (self.earlier(item) if "progress" in self.d.traps else [])
        if kind in ("afi", "ioc"):
            return out + self.finding(kind, item)
        if kind == "cause":
            return out + self.flush_list() + self.cause(item)
        raise ValueError(kind)

    def prose(self, item: Prose) -> list[Block]:
        blocks: list[Block] = [Heading(item.heading, 2)] if item.heading else []
        return blocks + [self.para(p) for p in item.paras]

    def trap(self, item: Trap) -> list[Block]:
        if item.form not in self.d.traps:
            return []
        if item.form == "quote":
            return [self.para([Run(item.text, italic=True)], "quote")]
        return [self.para(item.text)]

    def figure(self, item: FigureItem) -> list[Block]:
        return [Figure(item.caption, item.bars, item.unit, source="Source: force data, HMICFRS analysis")]

    def earlier(self, item: Earlier) -> list[Block]:
        rows = [[runs(Run("Recommendation", bold=True)), runs(Run("Progress", bold=True))]]
        rows += [[runs(Run(label + ": ", bold=True), text), runs(progress)] for label, text, progress in item.items]
        return [Heading(item.title, 2), Table(rows, widths=[0.55, 0.45], header=True, style="grid")]

    # ----- areas for improvement and issues of concern ----------------------------------------------
    def finding(self, kind: str, item: Finding) -> list[Block]:
        form = self.d.afi_label
        if form in ("list", "list-box"):
            self.pending_list.append((kind, item))
            return []
        self.counts[kind] += 1
        numbered = self.d.afi_numbering == "per-section" or form == "abbrev"
        number = self.counts[kind] if numbered else None
        word = "AFI" if (form == "abbrev" and kind == "afi") else None
        label = self.label(kind, number, word)
        tag = self.state(kind, item.id, item.text, printed_number=str(number) if number else None, label=label)
        explain = [self.para(p) for p in item.explain]
        if form == "heading":
            return [self.para([Run(label, bold=True)], "label", keep_with_next=True),
                    self.para(item.text, tag=tag), *explain]
        if form in ("inline", "abbrev"):
            return [self.para([Run(label + ":", bold=True), Run(" " + item.text)], tag=tag), *explain]
        return [self.box([self.para(item.text, tag=tag)], title=label), *explain]

    def flush_list(self) -> list[Block]:
        """Emit the areas for improvement (and issues of concern) gathered for a list at the chapter's end."""
        if not self.pending_list:
            return []
        blocks: list[Block] = []
        explain: list[Block] = []
        for kind in ("afi", "ioc"):
            items = [it for k, it in self.pending_list if k == kind]
            if not items:
                continue
            paras: list[Block] = []
            numbered = self.d.afi_numbering == "per-section"
            for item in items:
                self.counts[kind] += 1
                marker = list_number(self.d.number_style, self.counts[kind]) if numbered else self.d.bullet
                tag = self.state(kind, item.id, item.text,
                                 printed_number=bare_number(marker) if numbered else None)
                paras.append(self.para(item.text, tag=tag, bullet=marker))
                explain += [self.para(p) for p in item.explain]
            if self.d.afi_label == "list-box":
                blocks += [*explain, self.list_box(kind, paras)]
            else:
                heading = self.para([Run(self.section_heading(kind), bold=True)], "label", keep_with_next=True)
                blocks += [*explain, heading, *paras]
            explain = []
        self.pending_list = []
        return blocks

    def list_box(self, kind: str, paras: list[Block]) -> Box:
        """A boxed list of areas for improvement (or issues of concern), titled with the section."""
        return self.box(paras, title=self.section_heading(kind))

    # ----- causes of concern and their recommendations ----------------------------------------------
    def cause(self, item: Cause) -> list[Block]:
        self.counts["cause"] += 1
        self.counts["rec_in_cause"] = 0
        number = self.counts["cause"] if self.d.cause_numbering == "per-section" else None
        label = self.label("cause", number)
        tag = self.state("cause", item.id, item.text, printed_number=str(number) if number else None, label=label)
        self.current_cause = tag
        explain = [self.para(p) for p in item.explain]
        recs = self.cause_recs(item)
        self.current_cause = None
        form = self.d.cause_label
        if form == "heading":
            return [self.para([Run(label, bold=True)], "label", keep_with_next=True),
                    self.para(item.text, tag=tag, style="lead"), *explain, *recs]
        if form == "inline":
            return [self.para([Run(label + ":", bold=True), Run(" " + item.text)], tag=tag), *explain, *recs]
        statement = self.para(item.text, tag=tag, style="lead")
        if self.d.cause_box_scope == "with-recs":
            return [self.box([statement, *recs], title=label), *explain]
        return [self.box([statement], title=label), *explain, *recs]

    def cause_recs(self, cause: Cause) -> list[Block]:
        recs = cause.recommendations
        labelled = self.d.rec_label in ("heading", "inline")
        blocks: list[Block] = []
        if not labelled:
            word = self.section_heading("rec") if len(recs) > 1 or self.d.heading_synonym != 1 else \
                self.case("Recommendation")
            blocks.append(self.para([Run(word, bold=True)], "label", keep_with_next=True))
        blocks += self.rec_sequence(recs, cause)
        return blocks

    def rec_sequence(self, recs: list[Recommendation], cause: Cause | None) -> list[Block]:
        """Emit recommendations as sentences, or as fragments under shared lead-ins."""
        blocks: list[Block] = []
        i = 0
        while i < len(recs):
            rec = recs[i]
            if self.d.rec_form == "lead-in" and not rec.bullets and not rec.sentence:
                group = [rec]
                while (i + len(group) < len(recs) and not recs[i + len(group)].bullets
                       and not recs[i + len(group)].sentence
                       and (recs[i + len(group)].timescale or "") == (rec.timescale or "")
                       and recs[i + len(group)].subject == rec.subject):
                    group.append(recs[i + len(group)])
                blocks += self.fragments(group, cause)
                i += len(group)
            else:
                blocks += self.rec_sentence(rec)
                i += 1
        return blocks

    def next_rec_number(self) -> tuple[int, int]:
        self.counts["rec"] += 1
        self.counts["rec_in_cause"] += 1
        return self.counts["rec"], self.counts["rec_in_cause"]

    def rec_printed(self, overall: int, in_cause: int) -> int | None:
        if self.d.rec_numbering == "none":
            return None
        if self.d.rec_numbering == "restart-per-cause" and self.current_cause:
            return in_cause
        return overall

    def rec_extra(self, rec: Recommendation) -> dict:
        return {"cause_tag": self.current_cause, "addressee": rec.addressee, "timescale": rec.timescale}

    def rec_sentence(self, rec: Recommendation) -> list[Block]:
        overall, in_cause = self.next_rec_number()
        number = self.rec_printed(overall, in_cause)
        sentence = rec.full_sentence(self.subject(rec))
        bullet_texts = list(rec.bullets)
        issue = " ".join([sentence, *bullet_texts])
        form = self.d.rec_label
        label = self.label("rec", number)
        marker = None
        printed = str(number) if number is not None else None
        if form == "list":
            marker = list_number(self.d.number_style, number) if number is not None else self.d.bullet
            printed = bare_number(marker) if number is not None else None
        tag = self.state("rec", rec.id, issue, printed_number=printed, label=label, **self.rec_extra(rec))
        sub = [self.para(b, tag=tag, bullet=self.sub_bullet(), indent=1) for b in bullet_texts]
        explain = [self.para(p) for p in rec.explain]
        if form == "heading":
            return [self.para([Run(label, bold=True)], "label", keep_with_next=True),
                    self.para(sentence, tag=tag), *sub, *explain]
        if form == "inline":
            return [self.para([Run(label + ":", bold=True), Run(" " + sentence)], tag=tag), *sub, *explain]
        if form == "list":
            return [self.para(sentence, tag=tag, bullet=marker), *sub, *explain]
        return [self.para(sentence, tag=tag), *sub, *explain]

    def sub_bullet(self) -> str:
        return "–" if self.d.bullet == "•" else "•"

    def lead_in(self, rec: Recommendation) -> str:
        """The sentence that introduces fragment recommendations sharing a timescale and subject."""
        subj = self.subject(rec)
        t = rec.timescale
        if not t:
            return f"{subj[:1].upper()}{subj[1:]} should:"
        if t.lower() == "immediately":
            return f"{subj[:1].upper()}{subj[1:]} should immediately:"
        return f"{t[:1].upper()}{t[1:]}, {subj} should:"

    def fragment_end(self, index: int, count: int) -> str:
        style = self.d.fragment_punct
        if style == "none":
            return ""
        if style == "full-stops":
            return "."
        if index == count - 1:
            return "."
        return "; and" if index == count - 2 else ";"

    def fragments(self, group: list[Recommendation], cause: Cause | None) -> list[Block]:
        blocks: list[Block] = [self.para(self.lead_in(group[0]), keep_with_next=True)]
        numbered = self.d.rec_numbering != "none"
        for k, rec in enumerate(group):
            overall, in_cause = self.next_rec_number()
            number = self.rec_printed(overall, in_cause)
            end = self.fragment_end(k, len(group))
            text = rec.action + end
            issue = rec.action + ("." if end.endswith(".") else "")
            marker = list_number(self.d.number_style, number) if numbered and number else self.d.bullet
            printed = bare_number(marker) if numbered and number else None
            label = self.label("rec", number) if number else None
            tag = self.state("rec", rec.id, issue, printed_number=printed, label=label,
                             summary_text=rec.full_sentence(self.subject(rec)), **self.rec_extra(rec))
            blocks.append(self.para(text, tag=tag, bullet=marker))
        return blocks

    def flush_recs(self) -> list[Block]:
        """Emit recommendations that stand on their own (not under a cause), gathered as they came."""
        recs, self.pending_recs = self.pending_recs, []
        if not recs:
            return []
        blocks = self.flush_list()
        if self.d.rec_label in ("list", "plain") or self.d.rec_form == "lead-in":
            blocks.append(self.para([Run(self.section_heading("rec"), bold=True)], "label", keep_with_next=True))
        return blocks + self.rec_sequence(recs, None)

    # ----- back matter -------------------------------------------------------------------------------
    def back(self) -> list[Block]:
        blocks: list[Block] = []
        if self.d.summary == "back-section":
            blocks += self.back_summary()
        if "glossary" in self.d.traps and self.c.glossary and self.d.front_matter:
            blocks += self.glossary()
        if self.c.about and self.d.front_matter:
            blocks += [Heading("About the data", 1, key="about")] + [self.para(p, "small") for p in self.c.about]
        return blocks

    def choose_back_title(self) -> str:
        return "Summary of recommendations"

    def back_summary_title(self) -> str:
        return self.back_title

    def back_summary(self) -> list[Block]:
        blocks: list[Block] = [Heading(self.back_summary_title(), 1, key="back-summary")]
        for s in self.statements:
            if s.section != "Recommendations" and self.back_summary_only_recs():
                continue
            lead = s.label or SINGULAR[{"Areas for improvement": "afi", "Causes of concern": "cause",
                                        "Recommendations": "rec", "Issues of concern": "ioc"}[s.section]]
            blocks.append(self.para([Run(lead, bold=True)], "label", keep_with_next=True))
            blocks.append(self.para(s.summary_text or s.issue))
        return blocks

    def back_summary_only_recs(self) -> bool:
        return True

    def glossary(self) -> list[Block]:
        blocks: list[Block] = [Heading("Glossary", 1, key="glossary")]
        for term, definition in self.c.glossary:
            blocks.append(self.para([Run(term[:1].upper() + term[1:], bold=True), Run(": " + definition)], "small"))
        return blocks

