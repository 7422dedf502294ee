"""Content sets: what a report says (its findings, prose, cover), independent of how it is laid out.

Content sets are hand-written JSON under ``contentsets/`` (invented forces and topics, real wording patterns from
``/work/shared/research/real-world.md``). Placeholders ``{force}`` and ``{force_short}`` let one set be issued to
any invented force. A recommendation is stored as its parts (timescale, subject, action, bullets) because
templates print it either as a full sentence or as a fragment under a lead-in, and the gold text differs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "contentsets"

TYPES = ("peel-2014-17", "peel-2018-19", "peel-2021-22", "peel-2023-25", "thematic", "joint-custody",
         "child-protection", "crime-data-integrity")

FORCES: tuple[tuple[str, str], ...] = (
    ("Marchford Constabulary", "Marchford"),
    ("Kelderwick Police", "Kelderwick"),
    ("Ashbourne Vale Police", "Ashbourne Vale"),
    ("Northmoor Constabulary", "Northmoor"),
    ("Tamsley Police", "Tamsley"),
    ("Greyhaven Constabulary", "Greyhaven"),
    ("Wexmoor and Dunhallow Police", "Wexmoor and Dunhallow"),
    ("Calderwick Constabulary", "Calderwick"),
    ("Fennmarsh Police", "Fennmarsh"),
    ("Westrow Constabulary", "Westrow"),
)


@dataclass
class Recommendation:
    """One recommendation: printed as a sentence ("Within three months, X should …") or as a fragment."""

    id: str
    action: str
    addressee: str
    subject: str
    timescale: str | None = None
    bullets: list[str] = field(default_factory=list)
    sentence: str | None = None  # verbatim wording that overrides composition (e.g. a CDI lead sentence)
    explain: list[str] = field(default_factory=list)

    def full_sentence(self, subject: str | None = None) -> str:
        """Return the recommendation as one printed sentence (ending ":" when bullets follow)."""
        if self.sentence:
            return self.sentence
        subj = subject or self.subject
        end = ":" if self.bullets else "."
        if not self.timescale:
            return f"{_cap(subj)} should {self.action}{end}"
        if self.timescale.lower() == "immediately":
            return f"{_cap(subj)} should immediately {self.action}{end}"
        return f"{_cap(self.timescale)}, {subj} should {self.action}{end}"


@dataclass
class Finding:
    """An area for improvement or an issue of concern: one printed statement plus explanation."""

    id: str
    text: str
    explain: list[str] = field(default_factory=list)


@dataclass
class Cause:
    """A cause of concern: its statement, the explanation, and the recommendations that answer it."""

    id: str
    text: str
    explain: list[str]
    recommendations: list[Recommendation]


@dataclass
class Prose:
    """Non-finding text: optional sub-heading and paragraphs."""

    paras: list[str]
    heading: str | None = None


@dataclass
class Trap:
    """Prose that mentions or quotes findings without making one (form: mention, earlier, addressed, quote)."""

    form: str
    text: str


@dataclass
class FigureItem:
    """A chart: caption and bars, digits that are not page numbers."""

    caption: str
    bars: list[tuple[str, float]]
    unit: str = "%"


@dataclass
class Earlier:
    """Findings of an earlier inspection re-listed with progress: not new findings."""

    title: str
    items: list[tuple[str, str, str]]  # (label, text, progress)


Item = Prose | Finding | Cause | Recommendation | Trap | FigureItem | Earlier


@dataclass
class Chapter:
    """A chapter (a PEEL question or area, a thematic section)."""

    title: str
    items: list[tuple[str, Item]]  # (kind, item): kind is afi, ioc, cause, rec, prose, trap, figure, earlier
    grade: str | None = None
    intro: list[str] = field(default_factory=list)


@dataclass
class Content:
    """A whole report's content."""

    id: str
    type: str
    inspectorate: str
    year: int
    series: str
    title: str
    subtitle: str
    date: str
    force: str | None
    force_short: str | None
    chapters: list[Chapter]
    overview: list[str]
    overall_grade: str | None
    glossary: list[tuple[str, str]]
    about: list[str]

    def findings(self) -> list[tuple[str, object]]:
        """Return (section, item) for every finding in content order (recommendations after their cause)."""
        out: list[tuple[str, object]] = []
        for chapter in self.chapters:
            for kind, item in chapter.items:
                if kind == "afi":
                    out.append(("Areas for improvement", item))
                elif kind == "ioc":
                    out.append(("Issues of concern", item))
                elif kind == "cause":
                    out.append(("Causes of concern", item))
                    out.extend(("Recommendations", r) for r in item.recommendations)
                elif kind == "rec":
                    out.append(("Recommendations", item))
        return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(value, force: str | None, short: str | None):
    """Replace {force} / {force_short} placeholders in every string of a JSON value."""
    if isinstance(value, str):
        if force:
            value = value.replace("{force}", force).replace("{force_short}", short or force)
        return value
    if isinstance(value, list):
        return [_fill(v, force, short) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, force, short) for k, v in value.items()}
    return value


def _rec(d: dict) -> Recommendation:
    return Recommendation(id=d["id"], action=d.get("action", ""), addressee=d["addressee"],
                          subject=d.get("subject", d["addressee"]), timescale=d.get("timescale"),
                          bullets=d.get("bullets", []), sentence=d.get("sentence"), explain=d.get("explain", []))


def _item(d: dict) -> tuple[str, Item]:
    kind = d["kind"]
    if kind in ("afi", "ioc"):
        return kind, Finding(d["id"], d["text"], d.get("explain", []))
    if kind == "cause":
        return kind, Cause(d["id"], d["text"], d.get("explain", []), [_rec(r) for r in d["recommendations"]])
    if kind == "rec":
        return kind, _rec(d)
    if kind == "prose":
        return kind, Prose(d["paras"], d.get("heading"))
    if kind == "trap":
        return kind, Trap(d["form"], d["text"])
    if kind == "figure":
        return kind, FigureItem(d["caption"], [(str(a), float(b)) for a, b in d["bars"]], d.get("unit", "%"))
    if kind == "earlier":
        return kind, Earlier(d["title"], [(i["label"], i["text"], i["progress"]) for i in d["items"]])
    raise ValueError(f"unknown item kind {kind!r}")


def content_ids() -> list[str]:
    """Return the ids of all content sets, sorted."""
    return sorted(p.stem for p in CONTENT_DIR.glob("*.json"))


@cache
def _raw(content_id: str) -> dict:
    return json.loads((CONTENT_DIR / f"{content_id}.json").read_text(encoding="utf-8"))


def content_type(content_id: str) -> str:
    """Return a content set's era/type without instantiating it."""
    return _raw(content_id)["type"]


def load_content(content_id: str, force: tuple[str, str] | None = None) -> Content:
    """Load a content set, issued to ``force`` (name, short name) when it is a force report."""
    raw = _raw(content_id)
    name, short = force or (raw.get("force"), raw.get("force_short"))
    if not raw.get("force"):
        name = short = None
    d = _fill(raw, name, short)
    chapters = [Chapter(c["title"], [_item(i) for i in c["items"]], c.get("grade"), c.get("intro", []))
                for c in d["chapters"]]
    content = Content(id=d["id"], type=d["type"], inspectorate=d["inspectorate"], year=d["year"],
                      series=d["series"], title=d["title"], subtitle=d.get("subtitle", ""), date=d["date"],
                      force=name, force_short=short, chapters=chapters, overview=d.get("overview", []),
                      overall_grade=d.get("overall_grade"), glossary=[tuple(g) for g in d.get("glossary", [])],
                      about=d.get("about", []))
    check_content(content)
    return content


def head_key(text: str, n: int = 60) -> str:
    """Return the first ``n`` letters and digits of a text, lower-cased: how statements are told apart."""
    return re.sub(r"[^0-9a-z]", "", text.lower())[:n]


def check_content(content: Content) -> None:
    """Raise if two finding statements open alike (the page locator could not tell them apart)."""
    seen: dict[str, str] = {}
    for _, item in content.findings():
        texts = [item.text] if not isinstance(item, Recommendation) else [item.action or item.full_sentence()]
        for text in texts:
            key = head_key(text, 40)
            if key in seen:
                raise ValueError(f"{content.id}: {item.id} opens like {seen[key]}: {text[:50]!r}")
            seen[key] = item.id
