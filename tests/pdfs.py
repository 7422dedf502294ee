"""Build hostile and odd PDFs for the tests and the fuzzer (reportlab for real tables, raw bytes for broken ones).

Nothing here is committed as a binary: every file is made in a temporary folder from this code, so
a reader can see exactly what each hostile case is.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from pathlib import Path

HEADER = ("Report Ref", "Page Ref", "Issue of Concern", "Action Taken to Address Concern")
UNICODE_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                 Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
                 Path("/Library/Fonts/DejaVuSans.ttf"))


def unicode_font() -> Path | None:
    """A TrueType font with Cyrillic, Greek, Arabic and Hebrew glyphs, when the machine has one."""
    return next((p for p in UNICODE_FONTS if p.exists()), None)


def annex_pdf(path: Path, rows: Sequence[tuple[str, str, str]], title: str = "Annex A: Assurance template",
              font: Path | None = None) -> Path:
    """Write a one-table annex PDF (ruled grid, header row) with rows of (ref, page ref, issue)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    name = "Helvetica"
    if font is not None:
        name = "HostileUnicode"
        pdfmetrics.registerFont(TTFont(name, str(font)))
    style = ParagraphStyle("cell", fontName=name, fontSize=9, leading=11)
    data = [[Paragraph(escape(h), style) for h in HEADER]]
    data += [[Paragraph(escape(c), style) for c in (ref, page, issue, "")] for ref, page, issue in rows]
    table = Table(data, colWidths=[2.2 * cm, 3 * cm, 14 * cm, 7 * cm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), title=title)
    doc.build([Paragraph(escape(title), ParagraphStyle("title", fontName=name, fontSize=14, leading=18)), table])
    return path


def raw_pdf(objects: Sequence[bytes]) -> bytes:
    """Given object bodies (object 1 is the catalog), return a PDF with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def zero_pages_pdf() -> bytes:
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"])


def many_pages_pdf(pages: int) -> bytes:
    """A valid PDF of ``pages`` blank pages (each its own object, as real long documents have)."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages), *[page] * pages])


def deflate_bomb(megabytes: int) -> bytes:
    """A zlib stream that inflates to ``megabytes`` MB of spaces, made in milliseconds.

    After a full flush deflate forgets its history, so the compressed form of one MB of spaces is
    the same segment every time: repeat it, then end the stream with the checksum of the whole.
    """
    chunk = b" " * (1 << 20)
    z = zlib.compressobj(9)
    head = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    segment = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    end = z.flush()[:-4]  # the final empty block, without the checksum of just two chunks
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return head + segment * (megabytes - 1) + end + adler.to_bytes(4, "big")


def bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates from about 1/1000 of its size to ``megabytes`` MB."""
    stream = deflate_bomb(megabytes)
    return raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"])


def nested_pdf(depth: int) -> bytes:
    """A one-page PDF whose page resources hold arrays and dictionaries nested ``depth`` deep."""
    arrays = b"[" * depth + b"]" * depth
    dicts = b"<< /A " * depth + b"1" + b" >>" * depth
    return raw_pdf([CATALOG + b"", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s /X %s >> "
                    b"/Contents 4 0 R >>" % (dicts, arrays),
                    b"<< /Length 6 >>\nstream\n%s\nendstream" % b"q Q   "])


def encrypted_copy(source: Path, target: Path, user_password: str, owner_password: str = "owner-only") -> Path:
    """Write ``source`` encrypted (AES-256); an empty user password means restrictions only (owner password)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    with target.open("wb") as fh:
        writer.write(fh)
    return target


if __name__ == "__main__":  # rebuild tests/data/odd-text.pdf (needs DejaVu Sans: apt-get install fonts-dejavu-core)
    import sys

    from tests.test_hostile import ODD_ROWS, ODD_TEXT_PDF

    font = unicode_font()
    if font is None:
        sys.exit("no DejaVu Sans font on this machine")
    annex_pdf(ODD_TEXT_PDF, ODD_ROWS, font=font)
    print(f"wrote {ODD_TEXT_PDF}")
