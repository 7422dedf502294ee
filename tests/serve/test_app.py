"""The review app's API, as the page uses it: upload, progress, rows, each correction, pictures, downloads."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

from hmic_extract.serve.corrections import CHECKED, CORRECTED
from tests import pdfs
from tests.conftest import load_expected
from tests.serve.conftest import make_client
from tests.serve.helpers import SAMPLES, WESTSHIRE, read_sample, sheet_rows, token_headers, upload, wait_for, workbook

EXPECTED = load_expected("westshire-2019-appendix")["rows"]


def test_an_uploaded_pdf_is_read_with_progress_and_gives_every_row(client) -> None:
    response = upload(client, ("westshire.pdf", WESTSHIRE.read_bytes()))
    assert response.status_code == 201
    (job,) = response.json()["jobs"]
    assert job["name"] == "westshire.pdf" and job["state"] in ("queued", "reading")
    done = wait_for(client, job["id"])
    assert done["state"] == "done", done["reason"]
    assert done["pages"] == 4 and done["rows_count"] == len(EXPECTED)
    rows = client.get(f"/api/jobs/{job['id']}").json()["rows"]
    assert [(r["section"], r["ref"], r["page_ref"], r["issue"]) for r in rows] == \
        [(e["section"], str(e["ref"]), e["page_ref"], e["issue"]) for e in EXPECTED]


def test_flagged_rows_carry_their_flags_and_every_row_its_region(reviewed) -> None:
    _client, job = reviewed
    flagged = [r for r in job["rows"] if r["flags"]]
    assert job["flagged"] == len(flagged) > 0
    assert all("section not printed" in r["flags"][0] for r in flagged)
    for row in job["rows"]:
        assert row["regions"] and not row["whole_page"]
        assert {region[0] + 1 for region in row["regions"]} <= set(row["pdf_pages"])


def test_a_page_picture_is_a_png_with_the_page_size_in_points(reviewed) -> None:
    client, job = reviewed
    region = job["rows"][0]["regions"][0]
    response = client.get(f"/api/jobs/{job['id']}/pages/{region[0]}")
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
    width, height = map(float, response.headers["x-page-size"].split())
    assert (round(width), round(height)) == (842, 596)  # landscape A4
    assert region[4] < height
    assert client.get(f"/api/jobs/{job['id']}/pages/99").status_code == 422


def test_a_context_free_annex_has_no_theme_cause_or_addressee_columns(reviewed) -> None:
    assert reviewed[1]["columns"] == []


def test_a_report_shows_its_cause_column_and_line_regions(client) -> None:
    job = read_sample(client, SAMPLES / "eastmoor-2016-report.pdf")
    recommendations = [r for r in job["rows"] if r["section"] == "Recommendations"]
    if any(r["cause"] for r in job["rows"]):
        assert "cause" in job["columns"]
    assert recommendations and all(r["regions"][0][3] > r["regions"][0][1] for r in job["rows"])  # real x extents


def patch(client, job, uid, **fields):
    return client.patch(f"/api/jobs/{job['id']}/rows/{uid}", json=fields, headers=token_headers(client))


def post(client, job, uid, action, **body):
    return client.post(f"/api/jobs/{job['id']}/rows/{uid}/{action}", json=body, headers=token_headers(client))


def download(client, job, fmt="xlsx"):
    response = client.get(f"/api/jobs/{job['id']}/download/{fmt}")
    assert response.status_code == 200
    return response


def provenance_of(content: bytes) -> list[dict]:
    return sheet_rows(workbook(content)["Provenance"], 1)


def template_of(content: bytes) -> list[dict]:
    return sheet_rows(workbook(content)["Assurance template"], 4)


def test_every_field_correction_is_in_the_workbook_and_its_provenance(client) -> None:
    job = read_sample(client)
    first = job["rows"][0]
    response = patch(client, job, first["uid"], section="Areas for improvement", ref="7", page_ref="Page 12",
                     issue="The force does not understand its mental health demand.")
    assert response.status_code == 200
    row = response.json()["rows"][0]
    assert (row["section"], row["ref"], row["page_ref"]) == ("Areas for improvement", "7", "Page 12")
    assert len(row["changes"]) == 4
    content = download(client, job).content
    top = template_of(content)[0]
    assert (top["Section"], top["Report Ref"], top["Page Ref"], top["Issue of Concern"]) == \
        ("Areas for improvement", 7, "Page 12", "The force does not understand its mental health demand.")
    assert top["Action Taken to Address Concern"] is None
    repairs = provenance_of(content)[0]["Repairs"]
    assert f"{CORRECTED}: section 'Issues of concern' -> 'Areas for improvement'" in repairs
    assert f"{CORRECTED}: ref '1' -> '7'" in repairs
    assert f"{CORRECTED}: page ref 'p.12' -> 'Page 12'" in repairs
    assert f"{CORRECTED}: issue {EXPECTED[0]['issue']!r} -> 'The force does not understand its mental health demand.'" \
        in repairs


def test_an_unchanged_field_records_nothing_and_a_bad_section_is_refused(client) -> None:
    job = read_sample(client)
    uid = job["rows"][1]["uid"]
    assert patch(client, job, uid, ref=job["rows"][1]["ref"]).json()["rows"][1]["changes"] == []
    refused = patch(client, job, uid, section="Things we liked")
    assert refused.status_code == 400 and "not a section" in refused.json()["error"]
    assert patch(client, job, uid, issue="   ").status_code == 400
    assert patch(client, job, uid, colour="red").status_code == 400


def test_merge_joins_a_row_to_the_one_above_and_keeps_both_pages(client) -> None:
    job = read_sample(client)
    upper, lower = job["rows"][2], job["rows"][3]
    response = post(client, job, lower["uid"], "merge")
    assert response.status_code == 200
    after = response.json()
    assert after["rows_count"] == len(EXPECTED) - 1 and after["selected"] == upper["uid"]
    merged = after["rows"][2]
    assert merged["issue"] == f"{upper['issue']} {lower['issue']}"
    assert len(merged["regions"]) >= 1
    repairs = provenance_of(download(client, job).content)[2]["Repairs"]
    assert f"{CORRECTED}: merged row" in repairs and "joined to the end of this row" in repairs
    assert post(client, job, job["rows"][0]["uid"], "merge").status_code == 400  # nothing above the first row


def test_split_cuts_a_row_at_the_cursor_into_two_rows(client) -> None:
    job = read_sample(client)
    row = job["rows"][4]
    at = row["issue"].index(":") + 1  # "The force’s crime data integrity is of concern: an estimated ..."
    response = post(client, job, row["uid"], "split", at=at)
    assert response.status_code == 200
    after = response.json()
    head, tail = after["rows"][4], after["rows"][5]
    assert head["issue"] == row["issue"][:at].strip() and tail["issue"] == row["issue"][at:].strip()
    assert tail["uid"] == after["selected"] and tail["ref"] == "" and tail["page_ref"] == row["page_ref"]
    assert tail["regions"] == row["regions"]
    rows = template_of(download(client, job).content)
    assert len(rows) == len(EXPECTED) + 1 and rows[5]["Issue of Concern"] == tail["issue"]
    assert "split row" in provenance_of(download(client, job).content)[5]["Repairs"]
    assert post(client, job, row["uid"], "split", at=0).status_code == 400


def test_delete_removes_a_row_and_the_document_sheet_says_so(client) -> None:
    job = read_sample(client)
    gone = job["rows"][-1]
    response = client.delete(f"/api/jobs/{job['id']}/rows/{gone['uid']}", headers=token_headers(client))
    assert response.status_code == 200 and response.json()["rows_count"] == len(EXPECTED) - 1
    book = workbook(download(client, job).content)
    assert len(sheet_rows(book["Assurance template"], 4)) == len(EXPECTED) - 1
    facts = {r[0].value: r[1].value for r in book["Document"].iter_rows(max_col=2) if r[0].value}
    assert facts["Deleted by reviewer"].startswith(f"REC {gone['ref']} ({gone['page_ref']}): ")


def test_marking_a_flag_checked_clears_it_and_records_who_checked(client) -> None:
    job = read_sample(client)
    row = next(r for r in job["rows"] if r["flags"])
    response = post(client, job, row["uid"], "check", flag=row["flags"][0])
    after = next(r for r in response.json()["rows"] if r["uid"] == row["uid"])
    assert after["flags"] == [] and after["checked"] == row["flags"]
    assert response.json()["flagged"] == job["flagged"] - 1
    prov = provenance_of(download(client, job).content)[job["rows"].index(row)]
    assert not prov["Review flags"] and f"{CHECKED}: review flag" in prov["Repairs"]
    assert post(client, job, row["uid"], "check", flag=row["flags"][0]).status_code == 400


def test_csv_and_json_downloads_carry_the_corrections_and_the_regions(client) -> None:
    job = read_sample(client)
    patch(client, job, job["rows"][0]["uid"], issue="Corrected.")
    csv_text = download(client, job, "csv").content.decode("utf-8-sig")
    assert "Corrected." in csv_text.splitlines()[1]
    data = json.loads(download(client, job, "json").content)
    first = data["rows"][0]
    assert first["issue"] == "Corrected." and first["provenance"]["regions"]
    assert first["provenance"]["repairs"][-1]["rule"] == CORRECTED
    assert data["source"] == job["name"] and first["provenance"]["source"] == job["name"]


def test_several_pdfs_download_as_a_zip_with_the_combined_workbook(client) -> None:
    read_sample(client)
    read_sample(client, SAMPLES / "northvale-2017-action-plan.pdf")
    response = upload(client, ("broken.pdf", WESTSHIRE.read_bytes()[:3000]))
    wait_for(client, response.json()["jobs"][0]["id"])
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/download/templates.zip").content))
    names = set(archive.namelist())
    assert {"combined.xlsx", "westshire-2019-appendix.xlsx", "northvale-2017-action-plan.xlsx",
            "westshire-2019-appendix.csv", "northvale-2017-action-plan.json"} <= names
    index = sheet_rows(workbook(archive.read("combined.xlsx"))["Index"], 1)
    assert [(r["Source"], r["Status"]) for r in index] == [("westshire-2019-appendix.pdf", "ok"),
                                                          ("northvale-2017-action-plan.pdf", "ok"),
                                                          ("broken.pdf", "failed")]
    assert index[2]["Reason"].startswith("broken.pdf: ")
    combined = client.get("/api/download/combined.xlsx")
    assert combined.status_code == 200 and combined.content.startswith(b"PK")
    assert client.get("/api/download/anything-else").status_code == 404


def test_a_damaged_pdf_fails_with_the_clis_one_line_reason_under_its_own_name(client) -> None:
    response = upload(client, ("cut-short.pdf", WESTSHIRE.read_bytes()[:3000]))
    job = wait_for(client, response.json()["jobs"][0]["id"])
    assert job["state"] == "failed"
    assert job["reason"].startswith("cut-short.pdf: ") and "hmic-serve" not in job["reason"]
    assert "\n" not in job["reason"]


def test_a_password_protected_pdf_asks_for_its_password(client, tmp_path: Path) -> None:
    locked = pdfs.encrypted_copy(WESTSHIRE, tmp_path / "locked.pdf", user_password="s3cret")
    job_id = upload(client, ("locked.pdf", locked.read_bytes())).json()["jobs"][0]["id"]
    job = wait_for(client, job_id)
    assert (job["state"], job["password"]) == ("password", "needed")
    url = f"/api/jobs/{job_id}/password"
    assert client.post(url, json={"password": "guess"}, headers=token_headers(client)).status_code == 200
    job = wait_for(client, job_id)
    assert (job["state"], job["password"]) == ("password", "wrong")
    client.post(url, json={"password": "s3cret"}, headers=token_headers(client))
    job = wait_for(client, job_id)
    assert job["state"] == "done" and job["rows_count"] == len(EXPECTED)
    assert client.get(f"/api/jobs/{job_id}/pages/1").status_code == 200  # pictures open it with the password
    assert client.post(url, json={"password": "again"}, headers=token_headers(client)).status_code == 409


def test_a_removed_file_is_gone_from_the_list_and_the_disk(client) -> None:
    job = read_sample(client)
    store = client.app.review.store
    assert list((store.root / "pdf").glob("*.pdf"))
    assert client.delete(f"/api/jobs/{job['id']}", headers=token_headers(client)).status_code == 200
    assert client.get("/api/jobs").json()["jobs"] == []
    assert not list((store.root / "pdf").glob("*.pdf"))
    assert client.get(f"/api/jobs/{job['id']}").status_code == 404


def test_uploads_live_in_a_private_folder_that_is_deleted_when_the_app_stops() -> None:
    with make_client() as c:
        read_sample(c)
        root = c.app.review.store.root
        assert stat.S_IMODE(root.stat().st_mode) == 0o700
        assert len(list((root / "pdf").glob("*.pdf"))) == 1
    assert not root.exists()


def test_the_page_carries_the_token_and_the_limits(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert client.app.review.settings.token in page.text
    assert "Up to 100 MB a file" in page.text
    assert client.get("/static/app.js").status_code == 200


def test_a_scan_reports_its_pages_ocr_ed_as_it_goes(tmp_path: Path) -> None:
    """Run as a user runs it (its own server process): OCR workers fork from a lean server, not from pytest."""
    import httpx2

    from tests.serve.running import serving

    with serving("--port", "0", tmpdir=tmp_path) as server:
        client = httpx2.Client(base_url=server.url.rstrip("/"), timeout=60)
        token = client.get("/").text.split('name="hmic-token" content="', 1)[1].split('"', 1)[0]
        pdf = (SAMPLES / "westshire-2019-appendix-ocr-layer.pdf").read_bytes()
        response = upload(client, ("layer.pdf", pdf), headers={"x-hmic-token": token})
        job = wait_for(client, response.json()["jobs"][0]["id"], seconds=400)
        client.close()
    assert job["state"] == "done", job["reason"]
    assert job["rows_count"] == len(EXPECTED)
    ocr = [(j["ocr_done"], j["ocr_total"]) for j in job["seen"] if j["ocr_total"]]
    assert ocr and ocr[-1][0] == ocr[-1][1] >= 1  # the last page OCR-ed is counted before the rows come
    assert any(j["state"] == "reading" and j["pages"] == 4 for j in job["seen"])
