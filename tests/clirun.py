"""Run the real CLI in a fresh interpreter, as a user's shell would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hmic_extract.cli", *args], capture_output=True, text=True,
                          timeout=timeout)
