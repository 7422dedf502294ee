"""Command line: parse options, call the batch runner, print a summary. All behaviour lives elsewhere.

Heavy libraries are imported inside the commands, so ``hmic-extract --help`` stays instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT, Limits

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2  # click's own code for bad options
EXIT_UNREADABLE = 3
EXIT_NOTHING = 4
EXIT_EXISTS = 5
EXIT_WRITE = 6
EXIT_LIMIT = 7
EXIT_PARTIAL = 8  # written, but some scanned pages could not be read by OCR (errors.PartlyRead)
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C

EPILOG = """\b
Examples:
  hmic-extract response.pdf                 # writes response.xlsx next to the PDF
  hmic-extract response.pdf -o template.xlsx --force
  hmic-extract a.pdf b.pdf -o out/          # one workbook per PDF in out/
  hmic-extract reports/ -r -o out/ --combined tracker.xlsx
  hmic-extract 'reports/**/*.pdf' --format json --format csv -o out/
  hmic-extract inspect response.pdf         # what the tool sees; writes nothing
  hmic-extract serve                        # the review page in the browser

\b
Exit codes: 0 ok, 1 internal error, 2 bad options, 3 unreadable input (not a PDF,
corrupt, password needed), 4 no annex table or findings found (nothing written),
5 output exists (use --force), 6 output could not be written, 7 a safety limit was
hit (--max-pages, --timeout, --max-memory), 8 written, but some scanned pages could
not be read by OCR (named on stderr and in the Document sheet), 130 interrupted.
With several PDFs: the highest code of any file that failed; else 4 when a file
had nothing to extract; else 8 when a file had unread pages; else 0.
"""


class DefaultCommandGroup(click.Group):
    """A group whose first argument may be a PDF: ``hmic-extract report.pdf`` runs ``extract``."""

    default_command = "extract"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultCommandGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hmic-extract")
def main() -> None:
    """Turn a PCC response or HMICFRS inspection report PDF into an assurance-template workbook.

    Reads the annex table (Report Ref | Page Ref | Issue of Concern | Action), repairs rows split
    across pages and garbled page references, and writes an .xlsx with an empty, editable
    action column, ready to circulate.
    """


def limit_options(fn):
    """The password and per-file safety limits, shared by ``extract`` and ``inspect``."""
    fn = click.option("--password", envvar="HMIC_PDF_PASSWORD",
                      help="Password for an encrypted PDF (or set HMIC_PDF_PASSWORD).")(fn)
    return safety_limit_options(fn)


def safety_limit_options(fn):
    """The per-file safety limits, shared by ``extract``, ``inspect`` and ``serve``."""
    fn = click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
                      help="Seconds allowed per file (0: no limit).")(fn)
    fn = click.option("--max-pages", type=click.IntRange(min=0), default=DEFAULT_MAX_PAGES, show_default=True,
                      help="Refuse PDFs with more pages (0: no limit).")(fn)
    fn = click.option("--max-memory", type=click.IntRange(min=0), default=DEFAULT_MAX_MEMORY_MB, show_default=True,
                      metavar="MB", help="Memory allowed per file, in MB (0: no limit).")(fn)
    return fn


def is_single_file(inputs: tuple[str, ...]) -> bool:
    """True for one plain file argument (not a folder or pattern): the one-workbook, one-line-summary case."""
    from .batch import GLOB_MAGIC

    if len(inputs) != 1:
        return False
    path = Path(inputs[0])
    return not path.is_dir() and (path.exists() or not GLOB_MAGIC.search(inputs[0]))


def names_a_folder(out: Path) -> bool:
    return out.is_dir() or str(out).endswith(("/", "\\"))


def choose_formats(formats: tuple[str, ...], single: bool, output: Path | None) -> list[str]:
    """The formats asked for; with none, the suffix of ``-o FILE`` for one input, else xlsx."""
    if formats:
        return list(dict.fromkeys(formats))
    if single and output is not None and not names_a_folder(output) and output.suffix.lower() in (".csv", ".json"):
        return [output.suffix.lower()[1:]]
    return ["xlsx"]


def summary_line(doc, outputs: list[Path]) -> str:
    from .console import written_text

    parts = doc.counts_text()
    flagged = f"; {doc.flagged} flagged for review" if doc.flagged else "; none flagged for review"
    unread = f"; {doc.unread_text()} not read (OCR failed, see the Document sheet)" if doc.unread_pages else ""
    return f"{doc.source} -> {written_text(outputs)}: {len(doc.findings)} rows ({parts}){flagged}{unread}"


def ocr_progress(done: int, total: int, page_index: int) -> None:
    """Show OCR progress page by page on standard error (one line, rewritten on a terminal)."""
    text = f"OCR: {done}/{total} pages (PDF page {page_index + 1})"
    if sys.stderr.isatty():
        click.echo(f"\r{text}", err=True, nl=done == total)
    else:
        click.echo(text, err=True)


@main.command("extract", epilog=EPILOG)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output file (one PDF) or folder (several PDFs, a folder or a pattern; sub-folders are "
                   "mirrored). Default: next to each PDF.")
@click.option("-r", "--recursive", is_flag=True, help="Look for PDFs in sub-folders of folder inputs too.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(["xlsx", "csv", "json"]),
              help="Output format; repeat for several. Default: xlsx (or the suffix of -o FILE).")
@click.option("--combined", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write one workbook with an index of every input and all rows with a Source column. "
                   "Without -o only this workbook is written.")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@click.option("--kind", type=click.Choice(["auto", "annex", "report"]), default="auto", show_default=True,
              help="What the PDFs are: a response with an annex table, an inspection report (findings read from "
                   "its boxes, bullets and headings), or auto-detect.")
@click.option("--for", "for_body", metavar="TEXT",
              help="Keep only the rows addressed to this body, e.g. \"chief constables\", \"the College of "
                   "Policing\" (case and plural ignored); a force's name keeps its own rows and those to all forces "
                   "(\"forces\", \"chief constables\"). Causes of concern stay with their recommendations.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Files read at once, each in its own process (default 0: one per CPU core); for a single "
                   "scanned PDF, pages OCR-ed at once.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="OCR scanned pages: auto (image-only pages and office OCR text layers), always (every page), "
                   "never. Engine: RapidOCR, or HMIC_OCR_ENGINE=tesseract where installed.")
@limit_options
@click.option("-v", "--verbose", is_flag=True, help="Show each file as it starts, each row's review flags and "
                                                     "tracebacks of internal errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def extract_command(inputs: tuple[str, ...], output: Path | None, recursive: bool, formats: tuple[str, ...],
                    combined: Path | None, force: bool, kind: str, for_body: str | None, jobs: int, ocr: str,
                    password: str | None, timeout: float, max_pages: int, max_memory: int, verbose: bool,
                    quiet: bool) -> None:
    """Extract the assurance template from PDFs: files, folders (-r for sub-folders) or glob patterns."""
    from .batch import OK, Task, batch_exit_code, collect_sources, make_output_folders, plan_outputs, run_tasks
    from .console import Progress, review_lines, summary_table
    from .errors import HmicError, OutputError
    from .export import check_writable

    single = is_single_file(inputs)
    chosen = choose_formats(formats, single, output)
    out_file = output if single and output is not None and not names_a_folder(output) else None
    out_dir = output if output is not None and out_file is None else None
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise click.UsageError("with several PDFs, a folder or a pattern, -o must be a folder")
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            click.echo(f"error: {out_dir}: cannot create the output folder ({err.strerror})", err=True)
            sys.exit(EXIT_WRITE)
    try:
        if combined is not None:
            check_writable(combined, force)
        sources = collect_sources(inputs, recursive)
        plans = plan_outputs(sources, chosen, out_dir, out_file, per_file=output is not None or combined is None)
        if out_dir is not None:
            make_output_folders(plans, out_dir)
    except HmicError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        click.echo(f"error: {err.filename}: cannot create the output folder ({err.strerror})", err=True)
        sys.exit(EXIT_WRITE)
    limits = Limits(max_pages=max_pages, timeout=timeout, max_memory_mb=max_memory)
    options: dict[str, object] = {"password": password, "kind": kind, "ocr": ocr,
                                  "jobs": (jobs or os.cpu_count() or 1) if single else 1}
    if for_body:
        options["addressed_to"] = for_body
    if single and not quiet and (verbose or sys.stderr.isatty()):
        options["progress"] = ocr_progress
    tasks = [Task(i, s, plan, force, options, limits) for i, (s, plan) in enumerate(zip(sources, plans, strict=True))]

    progress = Progress(len(tasks), quiet=quiet or single, verbose=verbose)
    try:
        outcomes = run_tasks(tasks, jobs, on_start=progress.start, on_done=progress.finish)
    except KeyboardInterrupt:
        progress.close()
        click.echo("interrupted: finished outputs are complete; no partial file was left", err=True)
        sys.exit(EXIT_INTERRUPTED)
    progress.close()

    code = batch_exit_code(outcomes)
    if progress.mode != "lines" or single:
        for o in outcomes:
            if o.status not in (OK, "duplicate"):
                click.echo(f"error: {o.reason}", err=True)
            elif o.status == OK and o.reason:
                click.echo(f"warning: {o.reason}", err=True)
    if verbose:
        for o in outcomes:
            if o.traceback:
                click.echo(o.traceback, err=True)
            for line in review_lines(o):
                click.echo(line, err=True)
    combined_line = ""
    if combined is not None:
        from .export.combined import IndexEntry, write_combined

        entries = [IndexEntry(o.name, o.status, o.reason, o.document) for o in outcomes]  # OK: "" unless partial
        try:
            write_combined(entries, combined, force=force)
            rows = sum(len(o.document.findings) for o in outcomes if o.status == OK and o.document)
            combined_line = f"combined workbook: {combined} ({len(outcomes)} sources, {rows} rows)"
        except HmicError as err:
            click.echo(f"error: {err}", err=True)
            code = max(code, err.exit_code if isinstance(err, OutputError) else EXIT_WRITE)
    if not quiet:
        if single and outcomes[0].status == OK and outcomes[0].document is not None:
            click.echo(summary_line(outcomes[0].document, outcomes[0].written))
        elif not single:
            click.echo(summary_table(outcomes))
        if combined_line:
            click.echo(combined_line)
    sys.exit(code)


@main.command("inspect", epilog=EPILOG)
@click.argument("pdf")
@click.option("--kind", type=click.Choice(["auto", "annex", "report"]), default="auto", show_default=True,
              help="What the PDF is (as for extract).")
@limit_options
@click.option("-v", "--verbose", is_flag=True, help="Show whole issue texts and notes, and tracebacks.")
def inspect_command(pdf: str, kind: str, password: str | None, timeout: float, max_pages: int, max_memory: int,
                    verbose: bool) -> None:
    """Show what the tool sees in one PDF (kind, pages, columns, rows and their flags); writes nothing."""
    from .batch import Source, Task, run_tasks
    from .explain import inspect_task

    limits = Limits(max_pages=max_pages, timeout=timeout, max_memory_mb=max_memory)
    options = {"password": password, "kind": kind, "verbose": verbose}
    task = Task(0, Source(Path(pdf), pdf, Path(pdf)), {}, False, options, limits, work=inspect_task)
    try:
        (outcome,) = run_tasks([task], 1)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    if outcome.text:
        click.echo(outcome.text)
    if outcome.reason:
        click.echo(f"error: {outcome.reason}", err=True)
    if verbose and outcome.traceback:
        click.echo(outcome.traceback, err=True)
    sys.exit(outcome.exit_code)


@main.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on; a free one is chosen (and printed) when it is taken.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only this machine can reach 127.0.0.1; give another address only on a "
                   "network you trust.")
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser.")
@click.option("--max-file-mb", type=click.IntRange(min=1), default=100, show_default=True, metavar="MB",
              help="Largest file the page accepts.")
@click.option("--max-total-mb", type=click.IntRange(min=1), default=1000, show_default=True, metavar="MB",
              help="Most the server keeps at once (all uploads together).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="PDFs read at once, each in its own process.")
@safety_limit_options
def serve_command(port: int, host: str, no_browser: bool, max_file_mb: int, max_total_mb: int, jobs: int,
                  timeout: float, max_pages: int, max_memory: int) -> None:
    """Open a review page in the browser: drop PDFs, check each row against the page it came from, correct
    it, download the template; merge returned copies into a tracker.

    \b
    Everything stays on this machine: uploads are kept in a private temporary folder and deleted
    when the server stops (Ctrl-C). PDFs are read with the same limits as extract.
    """
    from .serve.server import serve
    from .serve.settings import ServeSettings

    settings = ServeSettings(host=host, port=port, max_file_bytes=max_file_mb << 20,
                             max_total_bytes=max_total_mb << 20, jobs=jobs,
                             limits=Limits(max_pages=max_pages, timeout=timeout, max_memory_mb=max_memory))
    try:
        serve(settings, open_browser=not no_browser, echo=lambda line: click.echo(line, err=False))
    except OSError as err:
        click.echo(f"error: cannot listen on {host}:{port} ({err.strerror or err})", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:  # a second Ctrl-C during shutdown
        sys.exit(EXIT_INTERRUPTED)


from .cli_tracker import register; register(main)  # noqa: E402, E702, I001  (merge, status, compare)


if __name__ == "__main__":  # pragma: no cover
    main()
