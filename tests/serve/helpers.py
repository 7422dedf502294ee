"""Drive the review app the way the page does: upload, wait for reading, correct, download."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from hmic_extract.serve.security import TOKEN_HEADER

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
WESTSHIRE = SAMPLES / "westshire-2019-appendix.pdf"  # 22 rows, 10 flagged (no section printed for the first ten)
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
WAIT_SECONDS = 120.0


def token_headers(client: Any) -> dict[str, str]:
    return {TOKEN_HEADER: client.app.review.settings.token}


def upload(client: Any, *files: tuple[str, bytes], headers: dict[str, str] | None = None) -> Any:
    parts = [("files", (name, data, "application/pdf")) for name, data in files]
    return client.post("/api/files", files=parts, headers=token_headers(client) if headers is None else headers)


def wait_for(client: Any, job_id: str, seconds: float = WAIT_SECONDS) -> dict[str, Any]:
    """Poll the job list (as the page does) until the job is no longer queued or being read."""
    end = time.monotonic() + seconds
    seen: list[dict[str, Any]] = []
    while time.monotonic() < end:
        job = next(j for j in client.get("/api/jobs").json()["jobs"] if j["id"] == job_id)
        seen.append(job)
        if job["state"] not in ("queued", "reading"):
            job["seen"] = seen
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} still {seen[-1]['state']} after {seconds} s")


def read_sample(client: Any, path: Path = WESTSHIRE, name: str | None = None) -> dict[str, Any]:
    """Upload one PDF, wait until it is read, return the job with its rows."""
    response = upload(client, (name or path.name, path.read_bytes()))
    assert response.status_code == 201, response.text
    job_id = response.json()["jobs"][0]["id"]
    assert wait_for(client, job_id)["state"] == "done"
    return client.get(f"/api/jobs/{job_id}").json()


def workbook(content: bytes) -> Any:
    return load_workbook(io.BytesIO(content))


def sheet_rows(ws, header_row: int) -> list[dict[str, Any]]:
    """The rows of a sheet as dicts keyed by its header row."""
    headers = [c.value for c in ws[header_row]]
    return [dict(zip(headers, (c.value for c in row), strict=False))
            for row in ws.iter_rows(min_row=header_row + 1) if any(c.value is not None for c in row)]
