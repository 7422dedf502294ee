"""Hostile and broken input (issue 7): each case ends in one clear line and a documented exit code.

The PDFs are built here from code (tests/pdfs.py); the CLI runs in-process through click's runner,
which still reads every file in a forked worker, as a user's run does.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from hmic_extract.batch import Outcome, Source, Task, output_under, plan_outputs, run_tasks, safe_part
from hmic_extract.cli import main
from hmic_extract.errors import OutputError
from tests import pdfs
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
WESTSHIRE = SAMPLES / "westshire-2019-appendix.pdf"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(main, [str(a) for a in args])


def one_line_error(result) -> str:
    """The run's stderr, checked to be exactly one line with no traceback."""
    err = result.stderr.strip()
    assert err.count("\n") == 0, err
    assert "Traceback" not in err and err.startswith("error: ")
    return err


# --- not a PDF, broken, empty -------------------------------------------------------------------


@pytest.mark.parametrize(("content", "expected"), [
    (b"<!DOCTYPE html><html><body>Report moved</body></html>", "an HTML page"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not a PDF"),
    (b"", "the file is empty"),
])
def test_a_file_that_is_not_a_pdf_is_refused_with_exit_3(tmp_path, content, expected):
    bad = tmp_path / "report.pdf"
    bad.write_bytes(content)
    result = run(bad)
    assert result.exit_code == 3
    assert expected in one_line_error(result)
    assert not (tmp_path / "report.xlsx").exists()


def test_a_pdf_whose_xref_table_is_cut_off_is_rebuilt_as_viewers_do(tmp_path):
    data = (SAMPLES / "notts-2016-annex.pdf").read_bytes()
    bad = tmp_path / "no-xref.pdf"
    bad.write_bytes(data[: data.rfind(b"xref")])
    result = run(bad)
    assert result.exit_code == 0, result.output
    assert "78 rows" in result.output


@pytest.mark.parametrize("damage", ["truncated", "bytes-overwritten"])
def test_a_truncated_or_corrupt_pdf_is_refused_with_exit_3(tmp_path, damage):
    data = bytearray((SAMPLES / "notts-2016-annex.pdf").read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 3]
    else:
        for i in range(2000, len(data), 97):
            data[i] = (data[i] * 7 + 13) % 256
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(bytes(data))
    result = run(bad)
    assert result.exit_code == 3, result.output
    assert "broken.pdf" in one_line_error(result)


def test_a_pdf_with_zero_pages_is_refused(tmp_path):
    empty = tmp_path / "zero.pdf"
    empty.write_bytes(pdfs.zero_pages_pdf())
    result = run(empty)
    assert result.exit_code == 3
    assert "no pages" in one_line_error(result)


def test_a_missing_file_says_so():
    result = run("no-such-report.pdf")
    assert result.exit_code == 3
    assert "no such file" in one_line_error(result)


# --- encryption ---------------------------------------------------------------------------------


def test_a_pdf_with_only_an_owner_password_still_extracts(tmp_path):
    pdf = pdfs.encrypted_copy(WESTSHIRE, tmp_path / "restricted.pdf", user_password="")
    result = run(pdf, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 0, result.output
    assert score(tmp_path / "out.xlsx", SAMPLES / "westshire-2019-appendix.expected.json")["row_accuracy"] == 1.0


def test_a_pdf_with_a_user_password_needs_it(tmp_path):
    pdf = pdfs.encrypted_copy(WESTSHIRE, tmp_path / "locked.pdf", user_password="s3cret")
    without = run(pdf)
    assert without.exit_code == 3
    assert "password-protected" in one_line_error(without) and "--password" in without.stderr
    wrong = run(pdf, "--password", "guess")
    assert wrong.exit_code == 3 and "password given is wrong" in one_line_error(wrong)
    assert run(pdf, "--password", "s3cret", "-o", tmp_path / "a.xlsx").exit_code == 0
    by_env = run(pdf, "-o", tmp_path / "b.xlsx", env={"HMIC_PDF_PASSWORD": "s3cret"})
    assert by_env.exit_code == 0, by_env.output
    assert score(tmp_path / "b.xlsx", SAMPLES / "westshire-2019-appendix.expected.json")["row_accuracy"] == 1.0


# --- size, bombs, nesting: bounded, overridable limits ------------------------------------------


def test_thousands_of_pages_hit_the_page_limit_which_can_be_raised(tmp_path):
    big = tmp_path / "huge.pdf"
    big.write_bytes(pdfs.many_pages_pdf(2500))
    result = run(big)
    assert result.exit_code == 7
    assert "2500 pages is over the limit of 1000" in one_line_error(result) and "--max-pages" in result.stderr
    raised = run(big, "--max-pages", "3000")  # blank pages: read, and nothing found
    assert raised.exit_code == 4, raised.output


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.pdf"
    path.write_bytes(pdfs.bomb_pdf(1200))  # ~1.2 MB on disk, 1.2 GB inflated
    return path


def test_a_decompression_bomb_hits_the_memory_limit(bomb):
    assert bomb.stat().st_size < 2_000_000
    result = run(bomb, "--max-memory", "800", "--timeout", "60")
    assert result.exit_code == 7, result.output
    assert "memory limit of 800 MB" in one_line_error(result)


def test_a_slow_file_is_stopped_by_the_time_limit(bomb):
    result = run(bomb, "--max-memory", "0", "--timeout", "1")
    assert result.exit_code == 7, result.output
    assert "stopped after 1 s" in one_line_error(result) and "--timeout" in result.stderr


def test_deeply_nested_objects_end_in_a_clear_result(tmp_path):
    nested = tmp_path / "nested.pdf"
    nested.write_bytes(pdfs.nested_pdf(50_000))
    result = run(nested, "--timeout", "60")
    assert result.exit_code in (3, 4, 7), result.output
    one_line_error(result)


def crash_worker(task: Task) -> Outcome:
    os.kill(os.getpid(), signal.SIGSEGV)
    raise AssertionError("unreachable")


def test_a_worker_that_crashes_is_reported_and_the_batch_goes_on(tmp_path):
    tasks = [Task(0, Source(WESTSHIRE, "crash.pdf", Path("crash")), {}, work=crash_worker),
             Task(1, Source(WESTSHIRE, "westshire.pdf", Path("w")), {"xlsx": tmp_path / "w.xlsx"})]
    crashed, ok = run_tasks(tasks, jobs=2)
    assert crashed.status == "failed" and crashed.exit_code == 3 and "crash" in crashed.reason
    assert ok.status == "ok" and (tmp_path / "w.xlsx").exists()


# --- nothing found: no empty workbook -------------------------------------------------------------


def test_an_annex_table_with_only_a_header_writes_nothing_and_exits_4(tmp_path):
    pdf = pdfs.annex_pdf(tmp_path / "header-only.pdf", rows=[])
    result = run(pdf, "-f", "xlsx", "-f", "csv", "-f", "json")
    assert result.exit_code == 4
    one_line_error(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["header-only.pdf"]


# --- odd text ------------------------------------------------------------------------------------

ODD_ROWS = [
    ("1", "Page 4", "Полиция должна вести учёт; Ελληνικά κείμενα; café naïve"),
    ("2", "Page 5", "Hebrew \u200fהמשטרה\u200f and Arabic \u200fالشرطة\u200f in one cell"),
    ("3", "Page 6", '=HYPERLINK("http://example.invalid/x","click me")'),
    ("4", "Page 7", "+44 1234 567890 is the force control room"),
    ("5", "Page 8", "-2+3+cmd|' /C calc'!A0"),
    ("6", "Page 9", "@SUM(1+1)*cmd|' /C calc'!A0"),
]


ODD_TEXT_PDF = Path(__file__).resolve().parent / "data" / "odd-text.pdf"  # made by `python -m tests.pdfs`


@pytest.fixture(scope="module")
def odd_outputs(tmp_path_factory) -> Path:
    # Committed, because drawing Cyrillic, Greek, Hebrew and Arabic needs a font (DejaVu Sans) that a
    # fresh machine may not have; `python -m tests.pdfs` rebuilds it from ODD_ROWS.
    folder = tmp_path_factory.mktemp("odd")
    pdf = folder / "odd.pdf"
    pdf.write_bytes(ODD_TEXT_PDF.read_bytes())
    result = run(pdf, "-f", "xlsx", "-f", "csv", "-f", "json")
    assert result.exit_code == 0, result.output
    return folder


def test_non_latin_and_right_to_left_text_survive_into_every_format(odd_outputs):
    ws = load_workbook(odd_outputs / "odd.xlsx")["Assurance template"]
    issues = [ws.cell(r, 4).value for r in range(5, 11)]
    assert "Полиция должна вести учёт; Ελληνικά κείμενα; café naïve" in issues[0]
    assert set("המשטרה") <= set(issues[1]) and set("الشرطة") <= set(issues[1])
    data = json.loads((odd_outputs / "odd.json").read_text(encoding="utf-8"))
    assert data["rows"][0]["issue"] == issues[0]
    text = (odd_outputs / "odd.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "Полиция".encode() in text


def test_formula_like_cells_are_text_in_the_workbook(odd_outputs):
    ws = load_workbook(odd_outputs / "odd.xlsx")["Assurance template"]
    for r, (_ref, _page, issue) in zip(range(5, 11), ODD_ROWS, strict=True):
        cell = ws.cell(r, 4)
        assert cell.data_type == "s", (issue, cell.data_type)
        if issue[0] in "=+-@":
            assert cell.value == issue and cell.quotePrefix


def test_formula_like_cells_are_escaped_in_the_csv(odd_outputs):
    with (odd_outputs / "odd.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_ref = {r["Report Ref"]: r["Issue of Concern"] for r in rows}
    assert by_ref["3"] == "'" + ODD_ROWS[2][2]
    assert by_ref["4"].startswith("'+44") and by_ref["5"].startswith("'-2") and by_ref["6"].startswith("'@SUM")
    assert not by_ref["1"].startswith("'")


# --- outputs: no overwrite, atomic, inside the folder --------------------------------------------


def test_no_output_is_overwritten_without_force_in_any_format(tmp_path):
    pdf = tmp_path / "w.pdf"
    pdf.write_bytes(WESTSHIRE.read_bytes())
    for name in ("w.xlsx", "w.csv", "w.json"):
        (tmp_path / name).write_text("keep me")
    result = run(pdf, "-f", "xlsx", "-f", "csv", "-f", "json")
    assert result.exit_code == 5 and "--force" in one_line_error(result)
    assert all((tmp_path / n).read_text() == "keep me" for n in ("w.xlsx", "w.csv", "w.json"))
    assert run(pdf, "-f", "xlsx", "-f", "csv", "-f", "json", "--force").exit_code == 0
    assert (tmp_path / "w.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_existing_combined_workbook_is_not_overwritten(tmp_path):
    tracker = tmp_path / "tracker.xlsx"
    tracker.write_text("keep me")
    result = run(WESTSHIRE, "--combined", tracker)
    assert result.exit_code == 5 and tracker.read_text() == "keep me"


def test_an_interrupted_run_leaves_the_old_output_and_no_partial_file(tmp_path):
    out = tmp_path / "out.xlsx"
    pdf = tmp_path / "w.pdf"
    pdf.write_bytes(WESTSHIRE.read_bytes())
    assert run(pdf, "-o", out).exit_code == 0
    before = out.read_bytes()
    # Kill the CLI while it writes: SIGKILL at random points must never leave a broken out.xlsx.
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen([sys.executable, "-m", "hmic_extract.cli", str(pdf), "-o", str(out), "--force"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        data = out.read_bytes()
        assert data == before or (data[:2] == b"PK" and load_workbook(out)["Assurance template"].max_row > 4)
        before = data
    # Workers die with the CLI and remove their temporary files as they go.
    for _ in range(50):
        if sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "w.pdf"]:
            break
        time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "w.pdf"]


def test_a_write_that_fails_midway_keeps_the_old_file(tmp_path):
    from hmic_extract.export import atomic_write

    out = tmp_path / "out.csv"
    out.write_text("old")

    def half_then_disk_full(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        atomic_write(out, half_then_disk_full, force=True)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


@pytest.mark.parametrize(("name", "expected"), [
    ("..", "_"), ("a/b", "a_b"), ("con", "_con"), ("x\ny\x00z", "x_y_z"), ("..\\..\\evil", "_.._evil"),
    ("  .hidden. ", "hidden"), ("Résumé – ok", "Résumé – ok"),
])
def test_names_from_inputs_are_sanitised(name, expected):
    assert safe_part(name) == expected


def test_output_never_escapes_the_output_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert output_under(out, Path("../../etc/passwd"), ".xlsx") == out / "etc" / "passwd.xlsx"
    (out / "link").symlink_to(tmp_path)  # a sub-folder that is a link to elsewhere
    with pytest.raises(OutputError, match="outside the output folder"):
        output_under(out, Path("link/x"), ".xlsx")
    odd = Source(Path("/tmp/x.pdf"), "x.pdf", Path("a\\..\\..\\b\nc"))
    (plan,) = plan_outputs([odd], ["xlsx"], out_dir=out)
    assert plan["xlsx"].parent == out and "\n" not in plan["xlsx"].name


def test_an_input_with_a_hostile_name_writes_inside_the_output_folder(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    weird = inputs / "-rf ..\\..\\x\n.pdf"
    weird.write_bytes(WESTSHIRE.read_bytes())
    out = tmp_path / "out"
    result = run(inputs, "-o", out)
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*.xlsx")]
    assert len(written) == 1 and written[0].parent == out and "\n" not in written[0].name
