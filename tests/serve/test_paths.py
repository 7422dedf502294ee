"""No path from a request touches the file system: upload names are only shown, ids in URLs and forms are
looked up among the server's own, and nothing is written outside the private folder.

Each hostile name below points into the test's own ``tmp_path``, at a file already there: a server that joined
the name onto its folder (``root / name`` keeps an absolute name whole) and wrote, moved or deleted there would
change or remove that file, or fail to create it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.serve.helpers import WESTSHIRE, read_sample, token_headers, upload, wait_for
from tests.serve.test_tracker_page import XLSX, template_file

SERVER_NAME = re.compile(r"^(base-)?[0-9a-f]{12,16}[.-]")  # what the server names its files: hex ids

HOSTILE_NAMES = ["{tmp}/escaped.pdf", "../../../../../../../..{tmp}/escaped.pdf", "..\\..\\windows\\evil.pdf",
                 "/etc/passwd", "a\x00b.pdf", "x" * 500 + ".pdf"]


def stored_files(client) -> list[Path]:
    return [p for p in client.app.review.store.root.rglob("*") if p.is_file()]


@pytest.mark.parametrize("pattern", HOSTILE_NAMES)
def test_an_upload_name_is_only_shown_never_used_as_a_path(client, pattern: str, tmp_path: Path) -> None:
    name = pattern.format(tmp=tmp_path)
    sentinel = tmp_path / "escaped.pdf"
    sentinel.write_bytes(b"not the server's")
    response = upload(client, (name, WESTSHIRE.read_bytes()))
    assert response.status_code == 201
    job = response.json()["jobs"][0]
    assert "/" not in job["name"] and "\\" not in job["name"] and "\x00" not in job["name"]
    assert len(job["name"]) <= 120
    assert [p.name for p in (client.app.review.store.root / "pdf").glob("*.pdf")] == [f"{job['id']}.pdf"]
    assert wait_for(client, job["id"])["state"] == "done"
    disposition = client.get(f"/api/jobs/{job['id']}/download/xlsx").headers["content-disposition"]
    assert "/" not in disposition and ".." not in disposition.replace("…", "")
    members = zipfile.ZipFile(io.BytesIO(client.get("/api/download/templates.zip").content)).namelist()
    assert all("/" not in m and "\\" not in m and not m.startswith("..") for m in members)
    assert list(tmp_path.iterdir()) == [sentinel] and sentinel.read_bytes() == b"not the server's"
    assert all(SERVER_NAME.match(p.name) or p.parent.name == "out" for p in stored_files(client))


@pytest.mark.parametrize("path", ["/api/jobs/..%2F..%2Fetc%2Fpasswd", "/api/jobs/../../etc/passwd",
                                  "/api/jobs/%2Fetc%2Fpasswd/download/xlsx", "/api/jobs/x/pages/0",
                                  "/api/tracker/..%2Fx/download", "/static/..%2F..%2Fapp.py"])
def test_ids_in_urls_are_looked_up_never_opened(client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_ids_in_state_changing_urls_are_looked_up_never_opened(client, tmp_path: Path) -> None:
    victim = tmp_path / "victim.pdf"
    victim.write_bytes(WESTSHIRE.read_bytes())
    job = read_sample(client)
    rows = f"/api/jobs/{job['id']}/rows"
    headers = token_headers(client)
    for job_id in (quote(str(victim), safe=""), quote("../../" + str(victim), safe=""), "..%2F..", "%2E%2E"):
        assert client.delete(f"/api/jobs/{job_id}", headers=headers).status_code == 404
        assert client.post(f"/api/jobs/{job_id}/password", json={"password": "x"}, headers=headers).status_code == 404
        assert client.get(f"/api/jobs/{job_id}/download/xlsx").status_code == 404
    for uid in (quote(str(victim), safe=""), "..%2F..%2Fetc%2Fpasswd"):
        assert client.patch(f"{rows}/{uid}", json={"issue": "x"}, headers=headers).status_code == 404
    refused = client.post(f"{rows}/..%2Fr1/merge", json={}, headers=headers)
    assert refused.status_code in (400, 404)
    unknown = client.delete(f"{rows}/r999", headers=headers)
    assert unknown.status_code == 400 and "no row 'r999'" in unknown.json()["error"]
    for fmt in ("..%2F..%2Fetc%2Fpasswd", quote(str(victim), safe=""), "xlsx.exe"):
        assert client.get(f"/api/jobs/{job['id']}/download/{fmt}").status_code == 404
    assert victim.read_bytes() == WESTSHIRE.read_bytes()
    assert client.get(f"/api/jobs/{job['id']}").json()["rows"] == job["rows"]  # nothing was changed


def test_a_tracker_template_id_that_is_a_path_is_not_opened(client, tmp_path: Path) -> None:
    job = read_sample(client)
    template = template_file(client, job, tmp_path)  # a real workbook the server could read, if it took paths
    copy = ("copies", ("../../" + str(tmp_path / "copy.xlsx"), template.read_bytes(), XLSX))
    for template_id in (str(template), "../" * 8 + str(template), f"{job['id']}/../{job['id']}"):
        response = client.post("/api/tracker", files=[copy], data={"template_id": template_id},
                               headers=token_headers(client))
        assert response.status_code == 400 and "choose the template" in response.json()["error"]
    merged = client.post("/api/tracker", files=[copy], data={"template_id": job["id"]}, headers=token_headers(client))
    assert merged.status_code == 201 and merged.json()["merged"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [template.name]  # no copy.xlsx where its name pointed
