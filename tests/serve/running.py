"""Run the real `hmic-extract serve` in a subprocess, read its address, stop it with Ctrl-C (SIGINT)."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

URL_LINE = re.compile(r"^open (http://127\.0\.0\.1:(\d+)/) \(Ctrl-C to stop\)$")
START_SECONDS = 60.0
STOP_SECONDS = 30.0


@dataclass
class Running:
    process: subprocess.Popen
    url: str
    lines: list[str] = field(default_factory=list)
    exit_code: int | None = None


def read_line(process: subprocess.Popen, deadline: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        while time.monotonic() < deadline:
            if selector.select(timeout=0.2):
                return process.stdout.readline()
            if process.poll() is not None:
                return process.stdout.readline()
        raise AssertionError("hmic-extract serve printed nothing in time")
    finally:
        selector.close()


@contextmanager
def serving(*args: str, tmpdir: Path) -> Iterator[Running]:
    """Start the server (uploads under ``tmpdir``), yield once it prints its address; stop it on exit."""
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "hmic_extract.cli", "serve", "--no-browser", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            line = read_line(process, deadline).rstrip("\n")
            if not line and process.poll() is not None:
                raise AssertionError(f"serve exited early: {lines}")
            lines.append(line)
            if URL_LINE.match(line):
                break
        running = Running(process, URL_LINE.match(lines[-1]).group(1), lines)
        yield running
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=STOP_SECONDS)
        running.lines += out.splitlines()
        running.exit_code = process.returncode
    finally:
        if process.poll() is None:  # only when a test failed before the clean stop
            process.kill()
            process.wait()
