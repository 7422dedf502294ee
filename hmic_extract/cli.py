"""Command line: parse options, call the pipeline, print a summary. All behaviour lives elsewhere.

Heavy libraries are imported inside the commands, so ``hmic-extract --help`` stays instant.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from . import __version__
from .errors import HmicError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2  # click's own code for bad options

EPILOG = """\b
Examples:
  hmic-extract response.pdf                 # writes response.xlsx next to the PDF
  hmic-extract response.pdf -o template.xlsx --force
  hmic-extract a.pdf b.pdf -o out/          # one workbook per PDF in out/

\b
Exit codes: 0 ok, 1 internal error, 2 bad options, 3 unreadable input (not a PDF,
corrupt, password needed), 4 no annex table or findings found, 5 output exists
(use --force), 6 output could not be written, 7 a safety limit was hit.
With several PDFs the exit code is the highest code of any file.
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


def default_output(pdf: Path, out: Path | None, many: bool) -> Path:
    if out is None:
        return pdf.with_suffix(".xlsx")
    if many or out.is_dir() or str(out).endswith(("/", "\\")):
        return out / (pdf.stem + ".xlsx")
    return out


def summary_line(doc, out: Path) -> str:
    parts = ", ".join(f"{n} {s.lower()}" for s, n in doc.rows_per_section().items())
    flagged = f"; {doc.flagged} flagged for review" if doc.flagged else "; none flagged for review"
    return f"{doc.source} -> {out}: {len(doc.findings)} rows ({parts}){flagged}"


@main.command("extract", epilog=EPILOG)
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output .xlsx file (one PDF) or folder (several PDFs). Default: next to each PDF.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--password", envvar="HMIC_PDF_PASSWORD", help="Password for an encrypted PDF "
              "(or set HMIC_PDF_PASSWORD).")
@click.option("-v", "--verbose", is_flag=True, help="Show progress, each row's review flags and tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def extract_command(pdfs: tuple[Path, ...], output: Path | None, force: bool, password: str | None,
                    verbose: bool, quiet: bool) -> None:
    """Extract the assurance template from one or more PDFs."""
    from .export import check_writable, write_xlsx
    from .pipeline import extract_file

    many = len(pdfs) > 1
    if many and output is not None and output.exists() and not output.is_dir():
        raise click.UsageError("with several PDFs, -o must be a folder")
    if many and output is not None:
        output.mkdir(parents=True, exist_ok=True)
    worst = EXIT_OK
    for pdf in pdfs:
        out = default_output(pdf, output, many)
        try:
            check_writable(out, force)
            if verbose:
                click.echo(f"reading {pdf} ...", err=True)
            doc = extract_file(pdf, password=password)
            write_xlsx(doc, out, force=force)
        except HmicError as err:
            click.echo(f"error: {err}", err=True)
            worst = max(worst, err.exit_code)
            continue
        except Exception as err:
            if verbose:
                traceback.print_exc()
            click.echo(f"error: {pdf}: internal error ({type(err).__name__}: {err}); please report it "
                       f"(run with -v for details)", err=True)
            worst = max(worst, EXIT_INTERNAL)
            continue
        if not quiet:
            click.echo(summary_line(doc, out))
        if verbose:
            for f in doc.findings:
                if f.needs_review:
                    click.echo(f"  review {f.section} #{f.ref}: {'; '.join(f.provenance.review_flags)}", err=True)
    sys.exit(worst)


if __name__ == "__main__":  # pragma: no cover
    main()
