"""Make a born-digital PDF look like an office scan: raster pages, skew, blur, speckle, JPEG, optional OCR layer.

Shared by the annex and report randomisers, so the signature of :func:`scan_pdf` is kept stable. Every
random choice comes from the ``rng`` passed in, and the function returns what it actually did, so a draw
records the scan exactly. Rasterising and image work need only pip packages (pypdfium2, Pillow, numpy);
the optional OCR text layer needs the ``tesseract`` binary (a build-time tool, absent in CI).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import tempfile
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["ScanParams", "draw_scan_params", "scan_pdf"]


@dataclass(frozen=True)
class ScanParams:
    """One scan's settings, as recorded in a draw."""

    dpi: int
    skew_deg: float
    blur: float
    noise: float
    jpeg_quality: int
    text_layer: bool
    grey: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


def draw_scan_params(rng: random.Random, *, text_layer_share: float = 0.5) -> ScanParams:
    """Draw scan settings from the ranges office scanners give (150–300 dpi, up to 2.5° skew)."""
    return ScanParams(
        dpi=rng.choice((150, 200, 200, 240, 300)),
        skew_deg=round(rng.uniform(-2.5, 2.5), 2),
        blur=round(rng.choice((0.0, rng.uniform(0.3, 1.1))), 2),
        noise=round(rng.choice((0.0, rng.uniform(0.0005, 0.004))), 4),
        jpeg_quality=rng.randint(35, 85),
        text_layer=rng.random() < text_layer_share,
        grey=rng.random() < 0.8,
    )


def _degrade(image, rng: random.Random, skew: float, blur: float, noise: float, grey: bool):
    """Given a clean page image, return it turned, softened and speckled as a scanner would."""
    import numpy as np
    from PIL import Image, ImageFilter

    image = image.convert("L" if grey else "RGB")
    fill = 255 if grey else (255, 255, 255)
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        gen = np.random.default_rng(rng.getrandbits(32))
        pixels = np.array(image)
        mask = gen.random(pixels.shape[:2]) < noise
        dark = gen.random(pixels.shape[:2]) < 0.6
        pixels[mask & dark] = 30
        pixels[mask & ~dark] = 255
        grain = gen.normal(0, 2 + 500 * noise, pixels.shape)
        pixels = np.clip(pixels.astype(np.int16) + grain, 0, 255).astype(np.uint8)
        pixels[pixels > 228] = 255  # scanners drop the paper's background to white
        image = Image.fromarray(pixels)
    return image


def _image_pdf(pages: list[tuple[bytes, int, int, float, float, bool]]) -> bytes:
    """Given JPEG pages (data, px w, px h, pt w, pt h, grey), return an image-only PDF (no timestamps)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # pages tree, filled in below
    kids = []
    for data, px_w, px_h, pt_w, pt_h, grey in pages:
        space = b"/DeviceGray" if grey else b"/DeviceRGB"
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
                  b"/Filter /DCTDecode /Length %d >>\nstream\n" % (px_w, px_h, space, len(data)) + data
                  + b"\nendstream")
        content = zlib.compress(b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (pt_w, pt_h))
        cid = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Resources << /XObject "
                        b"<< /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (pt_w, pt_h, img, cid)))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _ocr_pdf(jpegs: list[Path], dpi: int, dst: Path) -> None:
    """Run tesseract over the JPEG pages to get image + invisible text PDF (it embeds JPEGs unchanged)."""
    if shutil.which("tesseract") is None:
        raise RuntimeError("tesseract is not installed: cannot add an OCR text layer")
    listing = jpegs[0].parent / "pages.txt"
    listing.write_text("\n".join(str(p) for p in jpegs) + "\n", encoding="utf-8")
    base = dst.with_suffix("")
    subprocess.run(["tesseract", str(listing), str(base), "-l", "eng", "--dpi", str(dpi), "pdf"],
                   check=True, capture_output=True, timeout=600, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    produced = base.with_suffix(".pdf")
    if produced != dst:
        produced.replace(dst)


def scan_pdf(src: str | Path, dst: str | Path, rng: random.Random, *, dpi: int = 200, skew_deg: float = 0.0,
             blur: float = 0.0, noise: float = 0.0, jpeg_quality: int = 70, text_layer: bool = False,
             grey: bool = True, max_pages: int | None = None) -> dict:
    """Write an image-only scan of ``src`` to ``dst``; return the settings and per-page skews actually used.

    Each page gets ``skew_deg`` plus a jitter of up to ±0.25° (a sheet never feeds twice the same way).
    ``text_layer`` adds tesseract's invisible OCR text, as scanners that "make searchable PDFs" do.
    """
    import pypdfium2 as pdfium

    src, dst = Path(src), Path(dst)
    doc = pdfium.PdfDocument(str(src))
    skews: list[float] = []
    try:
        count = len(doc) if max_pages is None else min(len(doc), max_pages)
        with tempfile.TemporaryDirectory(prefix="scan-") as tmp:
            jpeg_paths: list[Path] = []
            pages: list[tuple[bytes, int, int, float, float, bool]] = []
            for index in range(count):
                page = doc[index]
                pt_w, pt_h = page.get_size()
                image = page.render(scale=dpi / 72, grayscale=grey).to_pil()
                page.close()
                skew = round(skew_deg + rng.uniform(-0.25, 0.25), 3)
                skews.append(skew)
                image = _degrade(image, rng, skew, blur, noise, grey)
                buf = io.BytesIO()
                image.save(buf, "JPEG", quality=jpeg_quality, dpi=(dpi, dpi))
                data = buf.getvalue()
                pages.append((data, image.width, image.height, pt_w, pt_h, grey))
                path = Path(tmp) / f"p{index:04d}.jpg"
                path.write_bytes(data)
                jpeg_paths.append(path)
            if text_layer:
                _ocr_pdf(jpeg_paths, dpi, Path(tmp) / "ocr.pdf")
                shutil.copyfile(Path(tmp) / "ocr.pdf", dst)
            else:
                dst.write_bytes(_image_pdf(pages))
    finally:
        doc.close()
    return {"dpi": dpi, "skew_deg": skew_deg, "page_skews": skews, "blur": blur, "noise": noise,
            "jpeg_quality": jpeg_quality, "text_layer": text_layer, "grey": grey, "pages": len(skews)}
