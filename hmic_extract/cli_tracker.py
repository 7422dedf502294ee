"""Commands that close the loop: ``merge`` returned copies, ``status`` for the panel, ``compare`` two reports.

Thin like cli.py: parse options, call hmic_extract.tracker, print a summary. Registered on the
main group by ``register(main)`` at the end of cli.py.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import click

from .errors import HmicError

DATE_INPUTS = ("%Y-%m-%d", "%d/%m/%Y")


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M")


def parse_as_of(value: str | None) -> date:
    if not value:
        return date.today()
    for fmt in DATE_INPUTS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(f"{value!r}: give a date as YYYY-MM-DD or DD/MM/YYYY", param_hint="--as-of")


def fail(err: HmicError) -> None:
    click.echo(f"error: {err}", err=True)
    sys.exit(err.exit_code)


@click.command("merge")
@click.argument("template", type=click.Path(path_type=Path))
@click.argument("returned", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="The tracker to write (may be TEMPLATE itself with --force, to update a tracker).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors and problems.")
def merge_command(template: Path, returned: tuple[Path, ...], output: Path, force: bool, quiet: bool) -> None:
    """Merge returned copies of TEMPLATE (or of a tracker) into one tracker.

    Rows are matched by their hidden Row ID. Only Action, Owner, Target date and Status are taken
    from the copies; cells two copies fill differently keep both values and the row is flagged.
    A newer copy with the same file name replaces the older one's values. Problems (altered locked
    cells, unknown rows, copies of another template) are printed and kept in "Merge report".
    """
    from .export import check_writable
    from .tracker.merge import merge_returns
    from .tracker.read_template import read_workbook
    from .tracker.write_tracker import write_tracker

    try:
        check_writable(output, force)
        base = read_workbook(template)
        copies = [read_workbook(p) for p in returned]
        result = merge_returns(base, copies, now_utc())
        write_tracker(result.doc, result.log, result.report, output, force=force)
    except HmicError as err:
        fail(err)
    if not quiet:
        conflicts = f"{result.conflicts} cell(s) in conflict (both values kept, rows flagged)" if result.conflicts \
            else "no conflicts"
        click.echo(f"{output}: {len(result.doc.findings)} rows; merged {result.copies_merged} of {len(copies)} "
                   f"cop{'y' if len(copies) == 1 else 'ies'}; {result.updated_cells} cell(s) updated; {conflicts}")
    for p in result.problems:
        click.echo(f"  problem: {p.copy}{' ' + p.row_id if p.row_id else ''}: {p.problem}", err=True)


@click.command("status")
@click.argument("tracker", type=click.Path(path_type=Path))
@click.option("--as-of", "as_of", metavar="DATE", help="Date to judge overdue rows by (YYYY-MM-DD or DD/MM/YYYY). "
              "Default: today.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the workbook with the Summary sheet here instead of updating TRACKER.")
@click.option("--force", is_flag=True, help="Overwrite an existing -o file.")
@click.option("--no-sheet", is_flag=True, help="Only print the table; leave the workbook alone.")
def status_command(tracker: Path, as_of: str | None, output: Path | None, force: bool, no_sheet: bool) -> None:
    """Print a progress summary of TRACKER and add it as a "Summary" sheet with a bar chart.

    Counts rows per section by status, rows with no owner or no action, and overdue rows (target
    date before the as-of date, status neither Complete nor Closed).
    """
    from .tracker.read_template import read_workbook
    from .tracker.status import add_summary_sheet, format_status_table, summarise_status
    from .tracker.write_tracker import write_tracker

    day = parse_as_of(as_of)
    try:
        book = read_workbook(tracker)
        summary = summarise_status(book.doc, day)
        click.echo(format_status_table(summary))
        if not no_sheet:
            out = output or tracker
            write_tracker(book.doc, book.log, book.report, out, force=force or output is None,
                          tracker=book.is_tracker, add_sheets=lambda wb: add_summary_sheet(wb, summary))
            click.echo(f"\nSummary sheet written to {out}")
    except HmicError as err:
        fail(err)


@click.command("compare")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Workbook to write: NEW marked with recurrences. Default: NEW-compared.xlsx next to NEW.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--password", envvar="HMIC_PDF_PASSWORD", help="Password for encrypted PDFs.")
def compare_command(old: Path, new: Path, output: Path | None, force: bool, password: str | None) -> None:
    """Mark which findings of NEW recur from OLD (each a PDF, a template or a tracker).

    Findings are matched by fuzzy text similarity, same section preferred. NEW is written with
    "Recurs from" (old section, ref and page), "Match %", and from a tracker the old action and
    status; unmatched rows say "new finding".
    """
    from .export import check_writable
    from .tracker.compare import load_document, mark_recurrences, match_findings
    from .tracker.write_tracker import write_tracker

    out = output or new.with_name(new.stem + "-compared.xlsx")
    try:
        check_writable(out, force)
        old_doc, _ = load_document(old, password)
        new_doc, new_book = load_document(new, password)
        matches = match_findings(old_doc.findings, new_doc.findings)
        mark_recurrences(new_doc, old_doc, matches)
        write_tracker(new_doc, new_book.log if new_book else [], new_book.report if new_book else [], out,
                      force=force, tracker=bool(new_book and new_book.is_tracker))
    except HmicError as err:
        fail(err)
    click.echo(f"{out}: {len(matches)} of {len(new_doc.findings)} findings recur from {old.name}; "
               f"{len(new_doc.findings) - len(matches)} new")
    for m in matches:
        f, g = new_doc.findings[m.new], old_doc.findings[m.old]
        click.echo(f"  {f.section} {f.ref_text} <- {g.section} {g.ref_text} ({g.page_ref}) {m.score:.0f}%"
                   f"{'' if m.same_section else ' [other section]'}")


def register(group: click.Group) -> None:
    """Add merge, status and compare to the main command group."""
    for command in (merge_command, status_command, compare_command):
        group.add_command(command)
