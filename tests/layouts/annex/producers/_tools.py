"""Running the build-time tools (LibreOffice, Chromium, pdflatex) in a private temp profile, with timeouts."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 180


class ToolError(RuntimeError):
    """A build tool failed or is missing: the draw is skipped, not fatal."""


def run(cmd: list[str], cwd: Path, timeout: int = TIMEOUT) -> None:
    if shutil.which(cmd[0]) is None:
        raise ToolError(f"{cmd[0]} is not installed")
    env = dict(os.environ, HOME=str(cwd), OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise ToolError(f"{cmd[0]} timed out after {timeout}s") from exc
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).decode("utf-8", "replace")[-800:]
        raise ToolError(f"{cmd[0]} exited {proc.returncode}: {tail}")


def soffice_to_pdf(src: Path, workdir: Path) -> bytes:
    """Convert a .docx/.xlsx with LibreOffice in its own user profile (so two conversions can run at once)."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-", dir=workdir) as profile:
        run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf",
             "--outdir", str(workdir), str(src)], cwd=workdir)
    out = workdir / (src.stem + ".pdf")
    if not out.exists():
        raise ToolError(f"LibreOffice wrote no PDF for {src.name}")
    return out.read_bytes()


def chromium_to_pdf(html: Path, workdir: Path) -> bytes:
    out = workdir / (html.stem + ".pdf")
    with tempfile.TemporaryDirectory(prefix="chromium-", dir=workdir) as profile:
        run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
             f"--print-to-pdf={out}", html.as_uri()], cwd=workdir)
    if not out.exists():
        raise ToolError("chromium wrote no PDF")
    return out.read_bytes()
