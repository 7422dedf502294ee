"""The tracker in the page: returned copies merged as `hmic-extract merge` does, status figures as `status`."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.serve.helpers import read_sample, sheet_rows, token_headers, workbook
from tests.tracker.workbooks import entity_copy, inflating_copy, returned_copy

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def merge(client, copies: list[Path], template: Path | None = None, template_id: str = ""):
    files = [("copies", (p.name, p.read_bytes(), XLSX)) for p in copies]
    if template is not None:
        files.append(("template", (template.name, template.read_bytes(), XLSX)))
    data = {"template_id": template_id} if template_id else {}
    return client.post("/api/tracker", files=files, data=data, headers=token_headers(client))


def template_file(client, job, tmp_path: Path) -> Path:
    path = tmp_path / "westshire-template.xlsx"
    path.write_bytes(client.get(f"/api/jobs/{job['id']}/download/xlsx").content)
    return path


def test_returned_copies_merge_onto_a_template_read_here(client, tmp_path: Path) -> None:
    job = read_sample(client)
    template = template_file(client, job, tmp_path)
    crime = returned_copy(template, tmp_path / "crime.xlsx", {
        ("IOC-01", "Owner"): "DCI Evans", ("IOC-01", "Status"): "In progress",
        ("IOC-01", "Action Taken to Address Concern"): "Review of mental health triage under way"})
    hood = returned_copy(template, tmp_path / "neighbourhood.xlsx", {("IOC-01", "Owner"): "DI Shah",
                                                                     ("AFI-02", "Status"): "Complete"})
    response = merge(client, [crime, hood], template_id=job["id"])
    assert response.status_code == 201, response.text
    run = response.json()
    assert (run["rows"], run["merged"], run["copies"], run["conflicts"]) == (22, 2, 2, 1)
    status = run["status"]
    total = status["rows"][-1]
    assert total[0] == "Total" and total[status["header"].index("Total")] == 22
    assert total[status["header"].index("In progress")] == 1 and total[status["header"].index("Complete")] == 1
    tracker = workbook(client.get(f"/api/tracker/{run['id']}/download").content)
    assert {"Summary", "Returns", "Merge report"} <= set(tracker.sheetnames)
    returns = sheet_rows(tracker["Returns"], 1)
    given = {(r["From"], r["Value"]) for r in returns}
    assert given >= {("crime.xlsx", "DCI Evans"), ("neighbourhood.xlsx", "DI Shah")}
    assert not list((client.app.review.store.root / "xlsx").iterdir())  # copies and the template copy are removed


def test_a_template_workbook_can_be_dropped_instead_and_a_tracker_merged_again(client, tmp_path: Path) -> None:
    job = read_sample(client)
    template = template_file(client, job, tmp_path)
    first = returned_copy(template, tmp_path / "crime.xlsx", {("IOC-02", "Status"): "Not started"})
    run = merge(client, [first], template=template).json()
    assert run["updated"] == 1 and run["name"] == "westshire-template-tracker.xlsx"
    newer = returned_copy(template, tmp_path / "july" / "crime.xlsx", {("IOC-02", "Status"): "Complete"})
    again = merge(client, [newer], template_id=run["id"]).json()
    assert again["conflicts"] == 0 and again["updated"] == 1  # the newer copy replaces its earlier value
    assert client.get("/api/jobs").json()["trackers"][-1]["id"] == again["id"]


def test_a_copy_of_another_template_is_reported_not_merged(client, tmp_path: Path) -> None:
    job = read_sample(client)
    other = read_sample(client, Path(__file__).resolve().parents[2] / "samples" / "northvale-2017-action-plan.pdf")
    stranger = template_file(client, other, tmp_path)
    run = merge(client, [stranger], template_id=job["id"]).json()
    assert run["merged"] == 0 and "not merged" in run["problems"][0]


def test_returned_workbooks_are_read_as_untrusted_and_refused_in_plain_words(client, tmp_path: Path) -> None:
    job = read_sample(client)
    template = template_file(client, job, tmp_path)
    bomb = inflating_copy(template, tmp_path / "bomb.xlsx", 70)  # past the 64 MB budget
    assert bomb.stat().st_size < 1 << 20
    entities = entity_copy(template, tmp_path / "entities.xlsx")
    for copy, words in ((bomb, "bomb.xlsx: the workbook inflates to more than 64 MB (a decompression bomb?); "
                               "not merged"),
                        (entities, "entities.xlsx: the workbook's XML declares entities (EntitiesForbidden); "
                                   "not a workbook written by hmic-extract")):
        response = merge(client, [copy], template_id=job["id"])
        assert response.status_code == 422 and response.json()["error"] == words
    assert client.get("/api/jobs").json()["trackers"] == []  # no tracker was made
    assert not list((client.app.review.store.root / "xlsx").iterdir())


def test_what_is_not_a_workbook_or_names_no_template_is_refused(client, tmp_path: Path) -> None:
    job = read_sample(client)
    pdf = tmp_path / "copy.xlsx"
    pdf.write_bytes(b"%PDF-1.7 not a workbook")
    assert merge(client, [pdf], template_id=job["id"]).status_code == 415
    template = template_file(client, job, tmp_path)
    assert merge(client, [template]).status_code == 400  # no template chosen
    assert merge(client, [template], template_id="nope").status_code == 400
    empty = client.post("/api/tracker", files=[("template", ("t.xlsx", template.read_bytes(), XLSX))],
                        headers=token_headers(client))
    assert empty.status_code == 400 and "returned copies" in empty.json()["error"]
    assert not list((client.app.review.store.root / "xlsx").iterdir())  # nothing left behind
    assert zipfile.is_zipfile(io.BytesIO(template.read_bytes()))
