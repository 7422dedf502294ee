"""pdfium page view: rotated pages (/Rotate) and offset page boxes read as a reader sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hmic_extract.export import write_xlsx
from hmic_extract.extract.pdfium_page import PdfiumPage
from hmic_extract.pipeline import extract_file
from tests.scoring import score

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
WESTSHIRE = SAMPLES / "westshire-2019-appendix.pdf"


def rotated_copy(target: Path, rotation: int) -> Path:
    """The westshire sample with its content turned in user space and /Rotate set so it displays the same."""
    from pypdf import PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    writer = PdfWriter(clone_from=WESTSHIRE)
    for page in writer.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        turn = {90: Transformation().rotate(90).translate(h, 0), 180: Transformation().rotate(180).translate(w, h),
                270: Transformation().rotate(270).translate(0, w)}[rotation]
        page.add_transformation(turn)
        if rotation != 180:
            page.mediabox = page.cropbox = RectangleObject([0, 0, h, w])
        page.rotate(rotation)
    with target.open("wb") as fh:
        writer.write(fh)
    return target


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_rotated_page_is_read_by_the_ruled_path_as_displayed(tmp_path, rotation):
    pdf = rotated_copy(tmp_path / f"rotated-{rotation}.pdf", rotation)
    doc = extract_file(pdf)
    assert {f.provenance.method for f in doc.findings} == {"ruled"}
    report = score(write_xlsx(doc, tmp_path / "out.xlsx"), SAMPLES / "westshire-2019-appendix.expected.json")
    assert report["row_accuracy"] == 1.0, report["problems"]


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_view_and_user_space_map_back_and_forth(rotation):
    page = PdfiumPage(page=None, text=None, width=0, height=0, rotation=rotation, left=10, bottom=20,
                      box_width=600, box_height=800)
    for x, y in [(10, 20), (610, 820), (100, 300)]:
        assert page.from_view(*page.to_view(x, y)) == pytest.approx((x, y))
    vx, vtop = page.to_view(10, 820)  # the box's top-left corner in user space
    assert (vx, vtop) == {0: (0, 0), 90: (800, 0), 180: (600, 800), 270: (0, 600)}[rotation]
