"""One draw = every layout choice for one synthetic report, each drawn independently.

Each dimension has era-typical values (how reports of that era/type are really set) and, with a small
probability, any value of the dimension: the tool must not depend on an era's habits. A draw is plain data
(JSON-able) so it is recorded in the gold file and can be replayed or varied one dimension at a time.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field, fields, replace

from .content import FORCES, content_ids, content_type, load_content

# Every value each dimension can take (the first of a tuple is only a default, not a preference).
DIMENSIONS: dict[str, tuple] = {
    "producer": ("reportlab", "chromium", "docx"),
    "afi_label": ("list", "list-box", "heading", "inline", "abbrev", "box-title"),
    "afi_numbering": ("per-section", "none"),
    "cause_label": ("heading", "inline", "box-title"),
    "cause_numbering": ("per-section", "none"),
    "cause_box_scope": ("statement", "with-recs"),
    "rec_label": ("list", "plain", "heading", "inline"),
    "rec_numbering": ("per-section", "restart-per-cause", "none"),
    "rec_form": ("sentences", "lead-in"),
    "fragment_punct": ("semicolons", "none", "full-stops"),
    "bullet": ("•", "•", "–", "▪", "○"),
    "number_style": ("1.", "(a)", "i.", "(1)"),
    "box": ("frame", "shade", "both", "none"),
    "box_split": ("allow", "keep"),
    "summary": ("none", "front-table", "front-list", "back-section"),
    "page_numbering": ("arabic-all", "roman-front", "body-from-1", "arabic-offset"),
    "page_labels": (True, False),
    "number_format": ("n", "Page n", "n | series", "title n", "force – series   n", "Page n of N"),
    "number_position": ("footer", "header"),
    "number_align": ("centre", "right", "left", "outer"),
    "running": ("none", "title-header", "series-header", "copyright-footer", "date-footer"),
    "columns": (1, 2),
    "font": ("Helvetica", "Times", "Vera"),
    "font_size": (9.0, 9.5, 10.0, 10.5, 11.0, 12.0),
    "justify": (False, True),
    "heading_case": ("sentence", "title", "upper"),
    "heading_synonym": (0, 1, 2),
    "subject_form": ("as-written", "force-name", "the-force"),
    "filler": (0, 1, 2, 4, 6),
    "chapter_breaks": (True, False),
    "footnotes": (False, True),
}

TRAPS = ("mention", "earlier", "addressed", "quote", "contents", "glossary", "captions", "progress")

# Era-typical values; dimensions not listed use every value.
ERA: dict[str, dict[str, tuple]] = {
    "peel-2014-17": {
        "afi_label": ("list", "list-box"), "afi_numbering": ("none",), "cause_label": ("heading", "box-title"),
        "cause_numbering": ("none",), "rec_label": ("list", "plain"), "rec_numbering": ("none",),
        "summary": ("front-table", "front-table", "none"), "number_format": ("n", "Page n", "title n"),
        "running": ("none", "title-header", "copyright-footer"),
    },
    "peel-2018-19": {
        "afi_label": ("list", "list-box"), "afi_numbering": ("none",), "cause_label": ("heading", "box-title"),
        "cause_numbering": ("none",), "rec_label": ("list", "plain"), "rec_numbering": ("none",),
        "summary": ("front-table", "none"), "number_format": ("n", "n | series", "Page n"),
    },
    "peel-2021-22": {
        "afi_label": ("heading", "inline", "box-title", "list"), "cause_label": ("heading", "box-title"),
        "rec_label": ("list", "plain"), "summary": ("front-list", "none"),
        "number_format": ("n | series", "force – series   n", "n"), "running": ("none", "series-header"),
    },
    "peel-2023-25": {
        "afi_label": ("heading", "inline", "box-title", "abbrev"), "afi_numbering": ("per-section",),
        "cause_label": ("box-title", "heading"), "cause_numbering": ("per-section", "none"),
        "rec_label": ("list",), "rec_numbering": ("restart-per-cause", "per-section"),
        "summary": ("front-list", "none"), "number_format": ("force – series   n", "n | series", "n"),
        "running": ("none", "series-header", "copyright-footer"),
    },
    "thematic": {
        "afi_label": ("heading", "inline", "list"), "afi_numbering": ("per-section",),
        "cause_label": ("heading", "inline", "box-title"), "rec_label": ("heading", "inline", "list"),
        "rec_numbering": ("per-section",), "rec_form": ("sentences",), "summary": ("back-section", "none"),
        "number_format": ("n", "title n", "Page n"), "running": ("none", "title-header", "date-footer"),
    },
    "joint-custody": {
        "afi_label": ("list",), "cause_label": ("heading",), "rec_label": ("plain",), "rec_form": ("sentences",),
        "summary": ("back-section",), "number_format": ("n", "Page n", "title n"), "columns": (1,),
    },
    "child-protection": {
        "afi_label": ("list", "list-box", "heading"), "afi_numbering": ("none", "per-section"),
        "rec_label": ("list", "plain"), "summary": ("none", "back-section"), "number_format": ("n", "Page n"),
    },
    "crime-data-integrity": {
        "afi_label": ("list", "list-box", "inline"), "afi_numbering": ("none",),
        "cause_label": ("heading", "box-title"), "rec_label": ("list", "plain"), "rec_form": ("sentences",),
        "summary": ("front-table", "none"), "number_format": ("n", "Page n", "title n"),
    },
}

OFF_ERA_SHARE = 0.2  # a dimension takes any value, not an era-typical one, this often


@dataclass
class Draw:
    """All choices for one report (see README "Report randomiser" for what each means)."""

    seed: int
    index: int
    content: str
    type: str
    force: str | None
    force_short: str | None
    producer: str
    chapters: list[int]
    front_matter: bool
    afi_label: str
    afi_numbering: str
    cause_label: str
    cause_numbering: str
    cause_box_scope: str
    rec_label: str
    rec_numbering: str
    rec_form: str
    fragment_punct: str
    bullet: str
    number_style: str
    box: str
    box_split: str
    summary: str
    page_numbering: str
    number_offset: int
    page_labels: bool
    number_format: str
    number_position: str
    number_align: str
    running: str
    columns: int
    font: str
    font_size: float
    justify: bool
    heading_case: str
    heading_synonym: int
    subject_form: str
    filler: int
    chapter_breaks: bool
    footnotes: bool
    traps: list[str] = field(default_factory=list)
    scan: dict | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Draw:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

    def varied(self, **changes) -> Draw:
        """Return a copy with some choices changed (metamorphic variants)."""
        return replace(self, **changes)


def _pick(rng: random.Random, era: str, dim: str):
    typical = ERA.get(era, {}).get(dim)
    if typical is None or rng.random() < OFF_ERA_SHARE:
        return rng.choice(DIMENSIONS[dim])
    return rng.choice(typical)


def make_draw(seed: int, index: int, *, era: str | None = None, scan_share: float = 0.0,
              producers: tuple[str, ...] = ("reportlab", "chromium", "docx"), short: bool | None = None) -> Draw:
    """Draw report ``index`` of ``seed``: same arguments, same draw, on any machine."""
    rng = random.Random(f"report:{seed}:{index}")
    ids = [c for c in content_ids() if era is None or content_type(c) == era or content_type(c).startswith(era)]
    if not ids:
        raise ValueError(f"no content set of era/type {era!r}")
    content = rng.choice(ids)
    kind = content_type(content)
    force, short_name = (None, None)
    if kind not in ("thematic",):
        force, short_name = rng.choice(FORCES)
    picks = {dim: _pick(rng, kind, dim) for dim in DIMENSIONS}
    if kind == "joint-custody":  # custody reports set causes and recommendations as numbered paragraphs only
        picks.update(cause_label="heading", rec_label="plain")
    weights = {"reportlab": 6, "chromium": 3, "docx": 2}
    pool = [p for p in producers for _ in range(weights.get(p, 1))]
    picks["producer"] = rng.choice(pool)
    scanned = rng.random() < scan_share
    is_short = scanned if short is None else short
    loaded = load_content(content)
    n_chapters = len(loaded.chapters)
    chapters = list(range(n_chapters))
    with_findings = [i for i, ch in enumerate(loaded.chapters)
                     if any(kind in ("afi", "ioc", "cause", "rec") for kind, _ in ch.items)]
    if is_short:
        keep = rng.sample(with_findings, k=min(len(with_findings), rng.choice((1, 2))))
        chapters = sorted(keep)
        picks["filler"] = 0
    elif n_chapters > 3 and rng.random() < 0.3:
        drop = rng.choice(chapters)
        chapters = [c for c in chapters if c != drop]
    traps = sorted(t for t in TRAPS if rng.random() < 0.7)
    offset = rng.randint(2, 9) if rng.random() < 0.6 else rng.randint(10, 60)
    scan = None
    if scanned:
        from ..scan import draw_scan_params

        scan = draw_scan_params(rng, text_layer_share=0.5).as_dict()
    return Draw(seed=seed, index=index, content=content, type=kind, force=force, force_short=short_name,
                chapters=chapters, front_matter=not is_short, number_offset=offset, traps=traps,
                scan=scan, **picks)
