"""Every refusal: wrong Host (DNS rebinding), wrong Origin, cross-site, missing or wrong token, oversize or
non-PDF uploads (paths from requests: test_paths.py; untrusted workbooks: test_tracker_page.py)."""

from __future__ import annotations

import pytest

from hmic_extract.serve.settings import ServeSettings
from tests.serve.conftest import make_client
from tests.serve.helpers import BASE, PORT, WESTSHIRE, read_sample, token_headers, upload


@pytest.mark.parametrize("host", ["attacker.example:8765", "127.0.0.1:9999", "localhost", "127.0.0.1.nip.io:8765"])
def test_a_request_for_another_host_is_refused(client, host: str) -> None:
    response = client.get("/", headers={"host": host})
    assert response.status_code == 403 and "answers only to http://127.0.0.1:8765/" in response.text
    assert client.get("/api/jobs", headers={"host": host}).status_code == 403


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765"])
def test_the_servers_own_names_are_answered(client, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("origin", ["http://attacker.example", "http://127.0.0.1:9999", "null",
                                    "https://127.0.0.1:8765"])
def test_a_request_from_another_origin_is_refused_even_with_the_token(client, origin: str) -> None:
    headers = {**token_headers(client), "origin": origin}
    response = upload(client, ("a.pdf", WESTSHIRE.read_bytes()), headers=headers)
    assert response.status_code == 403 and "another site" in response.text
    assert client.get("/api/jobs", headers={"origin": origin}).status_code == 403
    assert client.get("/api/jobs").json()["jobs"] == []


def test_the_pages_own_origin_is_accepted(client) -> None:
    headers = {**token_headers(client), "origin": BASE}
    assert upload(client, ("a.pdf", WESTSHIRE.read_bytes()), headers=headers).status_code == 201


def test_a_cross_site_fetch_is_refused(client) -> None:
    assert client.get("/api/jobs", headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.get("/api/jobs", headers={"sec-fetch-site": "same-origin"}).status_code == 200


@pytest.mark.parametrize("token", [None, "", "not-the-token"])
def test_every_state_changing_request_needs_the_token(client, token: str | None) -> None:
    job = read_sample(client)
    uid = job["rows"][0]["uid"]
    headers = {} if token is None else {"x-hmic-token": token}
    attempts = [
        lambda: upload(client, ("a.pdf", WESTSHIRE.read_bytes()), headers=headers),
        lambda: client.patch(f"/api/jobs/{job['id']}/rows/{uid}", json={"issue": "x"}, headers=headers),
        lambda: client.post(f"/api/jobs/{job['id']}/rows/{uid}/merge", json={}, headers=headers),
        lambda: client.post(f"/api/jobs/{job['id']}/rows/{uid}/split", json={"at": 5}, headers=headers),
        lambda: client.post(f"/api/jobs/{job['id']}/rows/{uid}/check", json={"flag": "x"}, headers=headers),
        lambda: client.delete(f"/api/jobs/{job['id']}/rows/{uid}", headers=headers),
        lambda: client.delete(f"/api/jobs/{job['id']}", headers=headers),
        lambda: client.post(f"/api/jobs/{job['id']}/password", json={"password": "x"}, headers=headers),
        lambda: client.post("/api/tracker", files=[("copies", ("c.xlsx", b"PK", "application/octet-stream"))],
                            headers=headers),
    ]
    for attempt in attempts:
        response = attempt()
        assert response.status_code == 403 and "token" in response.text
    after = client.get(f"/api/jobs/{job['id']}").json()
    assert after["rows"] == job["rows"] and len(client.get("/api/jobs").json()["jobs"]) == 1


def test_the_token_changes_with_every_server_start() -> None:
    assert ServeSettings().token != ServeSettings().token


def test_responses_forbid_framing_sniffing_and_foreign_scripts(client) -> None:
    for response in (client.get("/"), client.get("/api/jobs"), client.get("/", headers={"host": "evil:1"})):
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_a_file_over_the_per_file_limit_is_refused(small_client) -> None:
    response = upload(small_client, ("big.pdf", b"%PDF-1.7\n" + b"0" * (25 * 1024)))
    assert response.status_code == 413
    (refused,) = response.json()["refused"]
    assert refused["reason"].startswith("big.pdf: ") and "over the limit of 20 KB per file" in refused["reason"]
    assert small_client.get("/api/jobs").json()["jobs"] == []
    assert not list((small_client.app.review.store.root / "pdf").iterdir())


def test_an_upload_over_the_total_limit_is_refused_before_it_is_read(small_client) -> None:
    response = upload(small_client, *[(f"f{i}.pdf", b"%PDF-1.7\n" + b"0" * (15 * 1024)) for i in range(5)])
    assert response.status_code == 413 and "over the server's limit of 60 KB" in response.json()["error"]
    assert not list((small_client.app.review.store.root / "pdf").iterdir())


def test_what_the_server_keeps_counts_against_the_total(small_client) -> None:
    for i in range(3):
        assert upload(small_client, (f"f{i}.pdf", b"%PDF-1.7\n" + b"0" * (18 * 1024))).status_code == 201
    assert upload(small_client, ("f4.pdf", b"%PDF-1.7\n" + b"0" * (18 * 1024))).status_code == 413


def test_a_returned_copy_over_the_per_file_limit_is_refused_and_not_kept(small_client) -> None:
    copy = ("copies", ("big.xlsx", b"PK\x03\x04" + b"0" * (25 * 1024), "application/octet-stream"))
    response = small_client.post("/api/tracker", files=[copy], data={"template_id": "x"},
                                 headers=token_headers(small_client))
    assert response.status_code == 413 and "big.xlsx: " in response.json()["error"]
    assert "over the limit of 20 KB per file" in response.json()["error"]
    assert not list((small_client.app.review.store.root / "xlsx").iterdir())


def test_a_correction_too_large_or_not_json_is_refused_and_changes_nothing(client) -> None:
    job = read_sample(client)
    url = f"/api/jobs/{job['id']}/rows/{job['rows'][0]['uid']}"
    headers = {**token_headers(client), "content-type": "application/json"}
    huge = client.patch(url, content=b'{"issue": "' + b"x" * (300 * 1024) + b'"}', headers=headers)
    assert huge.status_code == 413 and huge.json()["error"] == "refused: the request is too large"
    assert client.patch(url, content=b"issue=x", headers=headers).json()["error"] == "refused: not JSON"
    assert client.patch(url, json=["issue"], headers=headers).status_code == 400
    assert client.get(f"/api/jobs/{job['id']}").json()["rows"] == job["rows"]


def test_an_upload_that_is_not_a_form_is_refused_in_words(client) -> None:
    response = client.post("/api/files", content=WESTSHIRE.read_bytes(),
                           headers={**token_headers(client), "content-type": "application/pdf"})
    assert response.status_code == 415 and response.json()["error"] == "refused: send the files as multipart/form-data"
    assert client.get("/api/jobs").json()["jobs"] == []


@pytest.mark.parametrize(("data", "words"), [
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "not a PDF (no %PDF header); save the report as a PDF and try again"),
    (b"<!DOCTYPE html><html><body>Report</body></html>",
     "an HTML page (no %PDF header); save the report as a PDF and try again"),
    (b"", "the file is empty"),
])
def test_a_file_that_is_not_a_pdf_is_refused_in_the_clis_words(client, data: bytes, words: str) -> None:
    response = upload(client, ("report.pdf", data))
    assert response.status_code == 415
    assert response.json()["refused"][0]["reason"] == f"report.pdf: {words}"
    assert client.get("/api/jobs").json()["jobs"] == []


def test_one_bad_file_does_not_stop_the_good_ones(client) -> None:
    response = upload(client, ("good.pdf", WESTSHIRE.read_bytes()), ("bad.pdf", b"hello"))
    assert response.status_code == 201
    assert [j["name"] for j in response.json()["jobs"]] == ["good.pdf"]
    assert [r["name"] for r in response.json()["refused"]] == ["bad.pdf"]


def test_a_server_bound_elsewhere_answers_to_that_address_only() -> None:
    with make_client(host="192.0.2.10") as c:
        assert c.get("/", headers={"host": f"192.0.2.10:{PORT}"}).status_code == 200
        assert c.get("/", headers={"host": f"192.0.2.11:{PORT}"}).status_code == 403
