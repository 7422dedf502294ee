"""What a batch run shows people: a progress bar on a terminal, log lines otherwise, a summary table.

The bar is click's own ``progressbar`` (click is already the CLI's one dependency; it draws on
stderr, redraws in place and hides the cursor); the text after it (elapsed, ETA from the files
done so far, current file) is ours, since click's ETA has no label and no elapsed time.
rich would look nicer but adds a dependency for one bar. When stderr is not a terminal (CI,
cron, a log file) each finished file gets one plain line instead.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import click

from .batch import DUPLICATE, FAILED, NOTHING, OK, Outcome, Task

NAME_WIDTH = 40
REASON_WIDTH = 70


def elapsed_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:d}:{secs:02d}"


def shorten(text: str, width: int) -> str:
    """Given text, return it within ``width`` characters, cut in the middle so both ends stay readable."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return text[:half] + "…" + text[-(width - 1 - half):]


def cut_end(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def reason_only(outcome: Outcome) -> str:
    """The reason without the file name it starts with (the table already shows the name)."""
    prefix = f"{outcome.name}: "
    return outcome.reason[len(prefix):] if outcome.reason.startswith(prefix) else outcome.reason


def counts_text(outcome: Outcome) -> str:
    doc = outcome.document
    if doc is None:
        return ""
    parts = doc.counts_text()
    flagged = f"{doc.flagged} flagged for review" if doc.flagged else "none flagged for review"
    unread = f"; {doc.unread_text()} not read (OCR failed)" if doc.unread_pages else ""
    return f"{len(doc.findings)} rows ({parts}); {flagged}{unread}"


class Progress:
    """Shows a batch's progress: a bar (terminal), plain lines (not a terminal) or nothing (``-q``)."""

    def __init__(self, total: int, quiet: bool = False, verbose: bool = False, bar: bool | None = None) -> None:
        self.total, self.done, self.verbose = total, 0, verbose
        self.started = time.monotonic()
        self.current = ""
        self.mode = "quiet" if quiet else ("bar" if (sys.stderr.isatty() if bar is None else bar) else "lines")
        self.bar = None
        if self.mode == "bar":
            self.bar = click.progressbar(length=total, label="Extracting", file=sys.stderr, show_eta=False,
                                         show_pos=True, show_percent=False, item_show_func=self.item_text,
                                         width=24)
            self.bar.__enter__()

    def item_text(self, _item: object) -> str:
        elapsed = time.monotonic() - self.started
        eta = f", ETA {elapsed_text(elapsed / self.done * (self.total - self.done))}" if self.done else ""
        return f"{elapsed_text(elapsed)} elapsed{eta}  {shorten(self.current, NAME_WIDTH)}"

    def start(self, task: Task) -> None:
        self.current = task.source.name
        if self.bar is not None:
            self.bar.render_progress()
        elif self.mode == "lines" and self.verbose:
            click.echo(f"[{self.done}/{self.total}] reading {task.source.name}", err=True)

    def finish(self, outcome: Outcome) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.mode == "lines":
            what = counts_text(outcome) if outcome.status == OK else reason_only(outcome)
            click.echo(f"[{self.done}/{self.total}] {outcome.name}: {outcome.status}"
                       f"{': ' + what if what else ''} ({outcome.seconds:.1f} s)", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def summary_table(outcomes: Sequence[Outcome]) -> str:
    """Given the outcomes in input order, return the table printed at the end of a batch."""
    lines = [f"{'#':>3}  {'File':<{NAME_WIDTH}}  {'Status':<13}  {'Rows':>5}  {'Flagged':>7}  {'Secs':>5}  Note"]
    for i, o in enumerate(outcomes, start=1):
        doc = o.document if o.status == OK else None
        rows = str(len(doc.findings)) if doc else "-"
        flagged = str(doc.flagged) if doc else "-"
        note = ", ".join(str(p) for p in o.written) if o.status == OK else reason_only(o)
        lines.append(f"{i:>3}  {shorten(o.name, NAME_WIDTH):<{NAME_WIDTH}}  {o.status:<13}  {rows:>5}  "
                     f"{flagged:>7}  {o.seconds:>5.1f}  {cut_end(note, REASON_WIDTH)}")
    lines.append(totals_line(outcomes))
    return "\n".join(lines)


def totals_line(outcomes: Sequence[Outcome]) -> str:
    ok = [o for o in outcomes if o.status == OK and o.document is not None]
    n = {s: sum(1 for o in outcomes if o.status == s) for s in (OK, NOTHING, FAILED, DUPLICATE)}
    rows = sum(len(o.document.findings) for o in ok if o.document)
    flagged = sum(o.document.flagged for o in ok if o.document)
    return (f"{len(outcomes)} files: {n[OK]} ok, {n[NOTHING]} no annex/findings, {n[FAILED]} failed, "
            f"{n[DUPLICATE]} duplicates skipped; {rows} rows written, {flagged} flagged for review")


def review_lines(outcome: Outcome) -> list[str]:
    """For ``-v``: one line per row that needs review, saying why."""
    doc = outcome.document
    if doc is None:
        return []
    return [f"  review {outcome.name} {f.section} #{f.ref if f.ref is not None else f.ref_text}: "
            f"{'; '.join(f.provenance.review_flags)}" for f in doc.findings if f.needs_review]


def written_text(paths: Sequence[Path]) -> str:
    return ", ".join(str(p) for p in paths) if paths else "(nothing written)"
