#!/usr/bin/env python3
"""Build the shipped int8 text-recognition model from the rapidocr wheel's float model (build time only).

Recognition is most of OCR's CPU (bench/RESULTS.md, section 6). Static int8 quantisation (QDQ, per
channel, calibrated on the text lines the tool itself hands to the model) makes it about 1.9x faster
for the same text. The stem convolutions and the classifier stay float: quantised, they turned "AFI 9"
into "AF19" on the northvale scan. Dynamic quantisation was measured 2.9x *slower* (no int8 Conv on CPU),
and Percentile calibration ran out of 24 GB, so neither is offered.

Needs ``pip install -e '.[models]'`` (onnx); run from the repository root:

    python scripts/quantise_rec_model.py            # writes extract/ocr/models/<REC_MODEL_INT8>

The output records the wheel model's sha256 in its metadata; at run time a different wheel model makes
the engine fall back to that float model rather than pair a stale int8 copy with a new character list.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION_GLOBS = ("samples/*-scanned.pdf", "samples/*-ocr-layer.pdf")
KEEP_FLOAT = ("Conv.0", "Conv.1", "Conv.2", "MatMul.12")  # stem convolutions and the classifier
OPSET = 17  # per-channel QDQ needs opset 13 or later; the wheel's model is opset 11
FLUSH_EVERY = 64  # calibration batches held before min/max are folded in (bounds memory)


def calibration_inputs(pdfs: list[Path]) -> list:
    """Given scanned PDFs, return every recognition input the tool's own OCR path builds for their pages."""
    import pypdfium2

    from hmic_extract.extract.ocr import runner
    from hmic_extract.extract.ocr.runner import OcrJob, ocr_page
    from hmic_extract.extract.ocr.settings import OcrSettings
    from hmic_extract.extract.scan_image import render_page, skew_angle

    settings = OcrSettings(engine="rapidocr", rec_model="float")
    engine = runner.engine_for(settings)
    recorded: list = []
    session = engine._rec.session  # RapidOCR's wrapper: called with the normalised batch

    class Recorder:
        def __call__(self, batch):
            recorded.append(batch.copy())
            return session(batch)

        def __getattr__(self, name):
            return getattr(session, name)

    engine._rec.session = Recorder()
    for pdf in pdfs:
        pages = len(pypdfium2.PdfDocument(str(pdf)))
        for index in range(pages):
            angle = skew_angle(render_page(pdf, index))  # as the tool's planning does
            ocr_page(OcrJob(str(pdf), None, index, angle, settings))
        print(f"  {pdf.name}: {pages} pages, {len(recorded)} lines so far", file=sys.stderr)
    return recorded


class Reader:
    """onnxruntime's calibration data reader over recorded inputs, one line at a time."""

    def __init__(self, inputs: list, name: str) -> None:
        self._items = iter(inputs)
        self._name = name

    def get_next(self):
        batch = next(self._items, None)
        return None if batch is None else {self._name: batch}


def build(source: Path, out: Path, inputs: list) -> None:
    """Given the float model, where to write, and calibration inputs: write the int8 QDQ model."""
    import onnx
    from onnx import version_converter
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    from hmic_extract.extract.ocr.rapidocr_engine import SOURCE_KEY, file_sha256

    model = onnx.load(str(source))
    metadata = {p.key: p.value for p in model.metadata_props}
    with tempfile.TemporaryDirectory() as tmp:
        upgraded, prepared = Path(tmp) / "opset.onnx", Path(tmp) / "prepared.onnx"
        onnx.save(version_converter.convert_version(model, OPSET), str(upgraded))
        quant_pre_process(str(upgraded), str(prepared), skip_symbolic_shape=True)
        quantize_static(
            str(prepared), str(out), Reader(inputs, model.graph.input[0].name),
            quant_format=QuantFormat.QDQ, op_types_to_quantize=["Conv", "MatMul"], per_channel=True,
            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
            nodes_to_exclude=list(KEEP_FLOAT), calibrate_method=CalibrationMethod.MinMax,
            extra_options={"CalibMaxIntermediateOutputs": FLUSH_EVERY},
        )
    quantised = onnx.load(str(out))
    metadata[SOURCE_KEY] = file_sha256(source)
    onnx.helper.set_model_props(quantised, metadata)  # the character list travels with the model
    onnx.save(quantised, str(out))


def main(argv: list[str] | None = None) -> int:
    from hmic_extract.extract.ocr.rapidocr_engine import REC_MODEL_INT8, models_dir, wheel_models

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=models_dir() / REC_MODEL_INT8)
    args = ap.parse_args(argv)
    pdfs = sorted(p for pattern in CALIBRATION_GLOBS for p in ROOT.glob(pattern))
    started = time.monotonic()
    inputs = calibration_inputs(pdfs)
    print(f"calibrating on {len(inputs)} text lines from {len(pdfs)} PDFs", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    build(wheel_models()[1], args.out, inputs)
    size = args.out.stat().st_size / 1e6
    print(f"wrote {args.out} ({size:.1f} MB) in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
