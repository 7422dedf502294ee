"""A small, bounded fuzz run in CI: mutated sample PDFs through the full pipeline end in a clear outcome.

The long run (5,000+ cases) is ``python tests/fuzz/run_fuzz.py``; this one draws a few seeds with
hypothesis so a regression in an error path shows up in every test run.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hmic_extract.batch import Source, Task, run_tasks
from hmic_extract.limits import Limits
from tests.fuzz.mutate import mutate

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEEDS = ("westshire-2019-appendix.pdf", "notts-2016-annex.pdf")


@settings(max_examples=12, deadline=None, derandomize=True)
@given(seed=st.integers(min_value=0, max_value=2**31), sample=st.sampled_from(SEEDS))
def test_mutated_pdfs_never_raise_an_uncaught_exception(seed, sample):
    # A fresh folder per example: hypothesis may run one seed twice, and tmp_path is shared by examples.
    with tempfile.TemporaryDirectory() as tmp:
        check_one_case(Path(tmp), seed, sample)


def check_one_case(tmp_path: Path, seed: int, sample: str) -> None:
    data, applied = mutate((SAMPLES / sample).read_bytes(), seed)
    pdf = tmp_path / f"case-{seed}.pdf"
    pdf.write_bytes(data)
    outputs = {fmt: tmp_path / f"case-{seed}.{fmt}" for fmt in ("xlsx", "csv", "json")}
    task = Task(0, Source(pdf, pdf.name, Path(pdf.stem)), outputs, True, {}, Limits(timeout=60))
    (outcome,) = run_tasks([task], 1)
    assert outcome.exit_code != 1, f"{sample} seed {seed} {applied}: {outcome.reason}\n{outcome.traceback}"
    assert outcome.status in ("ok", "nothing found", "failed")
    if outcome.status == "ok":
        assert all(p.exists() for p in outputs.values())
    else:
        assert not any(p.exists() for p in outputs.values())
        assert pdf.name in outcome.reason and "\n" not in outcome.reason


def test_mutations_are_deterministic_and_change_the_file():
    data = (SAMPLES / SEEDS[0]).read_bytes()
    assert mutate(data, 7) == mutate(data, 7)
    assert sum(mutate(data, s)[0] != data for s in range(20)) >= 18
