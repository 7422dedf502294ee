"""Fixtures for the tracker tests: a template made by the real CLI, and returned copies edited with openpyxl."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.tracker.workbooks import SAMPLES


@pytest.fixture(scope="session")
def westshire_template(tmp_path_factory) -> Path:
    """The assurance template the CLI writes for samples/westshire-2019-appendix.pdf (22 rows)."""
    out = tmp_path_factory.mktemp("template") / "westshire-template.xlsx"
    result = subprocess.run([sys.executable, "-m", "hmic_extract.cli", str(SAMPLES / "westshire-2019-appendix.pdf"),
                             "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out
