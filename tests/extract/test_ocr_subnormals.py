"""RapidOCR's models are loaded without subnormal weights: the same output, without a CPU's slow subnormal path."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from hmic_extract.extract.ocr import rapidocr_engine as rapid

TINY = np.finfo(np.float32).tiny  # the smallest normal float32; non-zero values below it are subnormal


varint = rapid.varint_bytes  # the writer the engine cuts models with: one varint encoding


def field(number: int, payload: bytes) -> bytes:
    """A length-delimited protobuf field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def tensor(name: str, dtype: int, values: bytes, packed_floats: bool = False) -> bytes:
    """An ONNX TensorProto: dims (1), data_type (2), name (8), raw_data (9) or packed float_data (4)."""
    count = len(values) // (4 if dtype == 1 else 8)
    return (varint(1 << 3) + varint(count) + varint(2 << 3) + varint(dtype) + field(8, name.encode())
            + field(4 if packed_floats else 9, values))


def model(*initializers: bytes) -> bytes:
    """An ONNX ModelProto: ir_version (1), producer_name (2), graph (7) holding a name (2) and the initializers (5)."""
    graph = field(2, b"g") + b"".join(field(5, t) for t in initializers)
    return varint(1 << 3) + varint(9) + field(2, b"test") + field(7, graph)


def floats(values: list[float]) -> bytes:
    return struct.pack(f"<{len(values)}f", *values)


def subnormals(data: bytes) -> int:
    """How many subnormal float32 weights the model's initializers hold."""
    total = 0
    for start, end in rapid.float_weight_spans(data):
        weights = np.frombuffer(data, "<f4", (end - start) // 4, start)
        total += int(((weights != 0) & (np.abs(weights) < TINY)).sum())
    return total


def test_subnormal_float_weights_become_zero_and_no_other_byte_changes():
    weights = [1.0, 1e-40, -3e-39, 0.0, 2e-38, -0.5, 1e-45]  # 2e-38 is a normal float32 (above 1.18e-38)
    int_bytes = floats([1e-40, 1e-40])  # int64 weights whose bytes read as subnormal floats: not floats, left alone
    original = model(tensor("w", 1, floats(weights)), tensor("shape", 7, int_bytes),
                     tensor("b", 1, floats([5e-41, 3.0]), packed_floats=True))
    flushed = rapid.without_subnormals(original)
    assert len(flushed) == len(original)
    assert subnormals(original) == 4 and subnormals(flushed) == 0
    spans = rapid.float_weight_spans(flushed)
    assert [np.frombuffer(flushed, "<f4", (e - s) // 4, s).tolist() for s, e in spans] == \
        [np.float32([1.0, 0, 0, 0, 2e-38, -0.5, 0]).tolist(), [0.0, 3.0]]
    changed = [i for i, (a, b) in enumerate(zip(original, flushed, strict=True)) if a != b]
    assert changed and all(any(s <= i < e for s, e in spans) for i in changed)  # only inside float weights
    assert int_bytes in flushed


def test_a_file_that_is_no_model_is_refused_not_patched():
    with pytest.raises(ValueError, match="not an ONNX model"):
        rapid.without_subnormals(b"\x3a\xff\x01abc")  # a field longer than the file


def test_the_wheel_detection_model_loses_its_subnormals_and_detects_exactly_the_same():
    import onnxruntime as ort
    from PIL import Image, ImageDraw, ImageFont

    det = rapid.wheel_models()[0]
    raw = det.read_bytes()
    flushed = rapid.without_subnormals(raw)
    assert subnormals(raw) > 100_000 and subnormals(flushed) == 0  # the wheel's neck holds about 256,000

    page = Image.new("L", (320, 128), 255)
    ImageDraw.Draw(page).text((10, 40), "Area for improvement 7", font=ImageFont.load_default(size=18), fill=0)
    grey = np.asarray(page, np.float32) / 255
    batch = np.repeat(((grey - 0.5) / 0.5)[None, None], 3, axis=1)

    def detect(model) -> np.ndarray:
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        session = ort.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
        return session.run(None, {session.get_inputs()[0].name: batch})[0]

    as_shipped, without = detect(str(det)), detect(flushed)
    assert (as_shipped > 0.3).any()  # the line is found at all
    assert np.array_equal(as_shipped, without)


def test_the_engine_builds_every_session_from_a_model_file_without_subnormals(monkeypatch):
    import onnxruntime as ort

    from hmic_extract.extract.ocr import make_engine

    loaded, given = [], []
    plain = rapid.without_subnormals

    class Session(ort.InferenceSession):  # RapidOCR checks that its sessions are InferenceSessions
        def __init__(self, model, **options):
            given.append(model)
            super().__init__(model, **options)

    monkeypatch.setattr(rapid, "without_subnormals", lambda data: loaded.append(len(data)) or plain(data))
    monkeypatch.setattr(ort, "InferenceSession", Session)
    make_engine("rapidocr")
    assert sorted(loaded) == sorted(len(path.read_bytes()) for path in rapid.wheel_models())
    # a file, not bytes: a session made from bytes holds them as long as it lives (31 MB more per OCR worker)
    assert len(given) == 2 and all(isinstance(model, str) for model in given)
