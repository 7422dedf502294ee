"""In a real browser: upload a sample, open a flagged row, see its picture, correct it, download the template.

Drives `hmic-extract serve` (a subprocess, as a user starts it) with Debian's chromium. Set
HMIC_SCREENSHOT=docs/img/serve-review.png to refresh the README's screenshot from this test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from openpyxl import load_workbook

from hmic_extract.serve.corrections import CHECKED, CORRECTED
from tests.conftest import load_expected
from tests.serve.browser import chromium_page, require_browser
from tests.serve.helpers import WESTSHIRE, sheet_rows
from tests.serve.running import serving

CORRECTED_TEXT = ("The force does not have a good enough understanding of the demand it faces from calls about "
                  "people with mental health problems (corrected by the reviewer).")


def test_a_reviewer_checks_a_flagged_row_against_its_picture_corrects_it_and_downloads(tmp_path: Path) -> None:
    require_browser()
    expected = load_expected("westshire-2019-appendix")["rows"]
    with serving("--port", "0", tmpdir=tmp_path) as server, chromium_page() as page:
        page.goto(server.url)
        assert page.title() == "Assurance template review – hmic-extract"
        page.set_input_files("#pdf-input", str(WESTSHIRE))

        # Read: the file's card says what came out; the review opens on the rows to check.
        page.wait_for_selector("#rows-body tr.flagged")
        status = page.inner_text("#files .file-status")
        assert re.match(rf"{len(expected)} rows \(.*\); \d+ to check\. 4 pages read", status), status
        assert page.is_checked("#filter-check")
        first = page.locator("#rows-body tr").first
        assert "To check" in first.inner_text() and expected[0]["page_ref"] in first.inner_text()

        # Open the flagged row: its page picture, with the row outlined on it.
        first.click()
        page.wait_for_function("document.getElementById('page-img').naturalWidth > 0")
        page.wait_for_selector("#page-caption:has-text('the row is outlined')")
        outline = page.locator("#outlines .outline").first.bounding_box()
        picture = page.locator("#page-img").bounding_box()
        assert outline and picture and outline["height"] > 10
        assert picture["y"] <= outline["y"] < picture["y"] + picture["height"]
        assert "section not printed" in page.inner_text("#flags")

        # Keyboard: arrows move along the rows, Enter goes to the text.
        first.focus()
        page.keyboard.press("ArrowDown")
        assert page.locator("#rows-body tr").nth(1).get_attribute("aria-current") == "true"
        page.keyboard.press("ArrowUp")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "edit-issue"

        # Correct the text, save, mark the flag checked.
        page.fill("#edit-issue", CORRECTED_TEXT)
        page.click("#save")
        page.wait_for_selector("#editor-message:has-text('Saved.')")
        assert "stays under “To check” until you choose “Mark as checked”" in page.inner_text("#editor-message")
        page.get_by_role("button", name=re.compile("^Mark as checked")).first.click()
        page.wait_for_selector("#flags .flag.done")
        if os.environ.get("HMIC_SCREENSHOT"):
            page.locator("#rows-body tr").nth(1).click()
            page.wait_for_function("document.getElementById('page-caption').textContent.includes('outlined')")
            page.evaluate("window.scrollTo(0, document.getElementById('review').offsetTop - 8)")
            page.screenshot(path=os.environ["HMIC_SCREENSHOT"])
        page.screenshot(path=str(tmp_path / "review.png"))

        # Download the template and read it back.
        with page.expect_download() as download:
            page.click("#dl-xlsx")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)

    assert saved.name == "westshire-2019-appendix.xlsx"
    book = load_workbook(saved)
    rows = sheet_rows(book["Assurance template"], 4)
    assert len(rows) == len(expected)
    assert rows[0]["Issue of Concern"] == CORRECTED_TEXT
    assert all(r["Action Taken to Address Concern"] is None for r in rows)
    provenance = sheet_rows(book["Provenance"], 1)[0]
    assert f"{CORRECTED}: issue {expected[0]['issue']!r} -> {CORRECTED_TEXT!r}" in provenance["Repairs"]
    assert f"{CHECKED}: review flag" in provenance["Repairs"] and not provenance["Review flags"]
    assert server.exit_code == 0 and not list(tmp_path.glob("hmic-serve-*"))


def test_returned_copies_are_merged_in_the_page_and_the_status_is_charted(tmp_path: Path) -> None:
    require_browser()
    from tests.tracker.workbooks import returned_copy

    with serving("--port", "0", tmpdir=tmp_path / "server") as server, chromium_page() as page:
        page.goto(server.url)
        page.set_input_files("#pdf-input", str(WESTSHIRE))
        page.wait_for_selector("#rows-body tr")
        with page.expect_download() as download:
            page.click("#dl-xlsx")
        template = tmp_path / "template.xlsx"
        download.value.save_as(template)
        copy = returned_copy(template, tmp_path / "crime.xlsx", {("IOC-01", "Owner"): "DCI Evans",
                                                                 ("IOC-01", "Status"): "In progress"})
        assert page.input_value("#tracker-template") != ""  # the file read here is the template by default
        page.set_input_files("#tracker-copies", str(copy))
        page.click("#merge-form button[type=submit]")
        page.wait_for_selector("#tracker-result .chart")
        assert "merged 1 of 1 copy; 2 cell(s) updated; no conflicts" in page.inner_text("#tracker-result")
        bars = page.locator("#tracker-result .bar-row")
        assert bars.count() == 4 and "Issues of concern" in bars.first.inner_text()
        assert "1 in progress" in bars.first.locator(".bar").get_attribute("aria-label")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download the tracker (.xlsx)").click()
        tracker = tmp_path / download.value.suggested_filename
        download.value.save_as(tracker)
    assert tracker.name == "westshire-2019-appendix-tracker.xlsx"
    returns = sheet_rows(load_workbook(tracker)["Returns"], 1)
    assert {(r["From"], r["Value"]) for r in returns} == {("crime.xlsx", "DCI Evans"), ("crime.xlsx", "In progress")}
