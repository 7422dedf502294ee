"""RapidOCR's recognition model is loaded with its classifier cut to the characters a report can print.

The tests build a tiny recognition head by hand (MatMul + Add + Softmax over CTC's blank, a four-character
dictionary and a space) and run it with onnxruntime before and after the cut, decoded by RapidOCR's own decoder.
"""

from __future__ import annotations

import numpy as np
import pytest

from hmic_extract.extract.ocr import rapidocr_engine as rapid
from hmic_extract.extract.ocr.settings import OcrSettings

ort = pytest.importorskip("onnxruntime")
DICTIONARY = ["a", "中", "b", "文"]  # two narrow characters, two wide ones (no English report prints them)
CLASSES = len(DICTIONARY) + 2  # blank, the dictionary, space
FEATURES = CLASSES  # the head's input: one feature per class, so a test sets a timestep's logits directly


def varint(value: int) -> bytes:
    return rapid.varint_bytes(value)


def field(number: int, payload: bytes) -> bytes:
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def number(number_: int, value: int) -> bytes:
    return varint(number_ << 3) + varint(value)


def value_info(name: str, dims: list[int | str]) -> bytes:
    """A ValueInfoProto of a float tensor: name (1), type (2) > tensor_type (1) > elem_type (1), shape (2) > dim (1)."""
    shape = b"".join(field(1, number(1, d) if isinstance(d, int) else field(2, d.encode())) for d in dims)
    return field(1, name.encode()) + field(2, field(1, number(1, 1) + field(2, shape)))


def tensor(name: str, values: np.ndarray) -> bytes:
    """A TensorProto: dims (1, packed), data_type (2), name (8), raw_data (9)."""
    dims = b"".join(varint(d) for d in values.shape)
    return field(1, dims) + number(2, 1) + field(8, name.encode()) + field(9, values.astype("<f4").tobytes())


def node(op: str, inputs: list[str], output: str) -> bytes:
    """A NodeProto: input (1), output (2), name (3), op_type (4)."""
    return b"".join(field(1, i.encode()) for i in inputs) + field(2, output.encode()) + field(3, op.encode()) + \
        field(4, op.encode())


def head(characters: list[str] | None = DICTIONARY) -> bytes:
    """A recognition head over (time, features): logits = x @ I + 0, softmax; the ``character`` metadata lists
    the dictionary (None: no such entry). The output's last dimension says the number of classes, as the wheel's."""
    graph = (field(1, node("MatMul", ["x", "w"], "logits")) + field(1, node("Add", ["logits", "b"], "biased"))
             + field(1, node("Softmax", ["biased"], "y")) + field(2, b"head")
             + field(5, tensor("w", np.eye(FEATURES, CLASSES, dtype=np.float32)))
             + field(5, tensor("b", np.zeros(CLASSES, np.float32)))
             + field(11, value_info("x", [1, "time", FEATURES])) + field(12, value_info("y", [1, "time", CLASSES]))
             + field(13, value_info("biased", [1, "time", CLASSES])))
    model = number(1, 8) + field(8, field(1, b"") + number(2, 13)) + field(7, graph)
    if characters is not None:
        model += field(14, field(1, b"character") + field(2, "\n".join(characters).encode()))
    return model


def run(model: bytes, logits: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    return session.run(None, {"x": logits[np.newaxis].astype(np.float32)})[0]


def decode(model: bytes, probabilities: np.ndarray) -> tuple[str, float]:
    """RapidOCR's CTC decoder over the model's own dictionary (as the engine builds it)."""
    from rapidocr.ch_ppocr_rec.utils import CTCLabelDecode

    characters = rapid.metadata_value(model, rapid.CHARACTER_KEY).split("\n")
    lines, _words = CTCLabelDecode(character=characters)(probabilities)
    return lines[0]


def logit_rows(*best: int, second: int = 2, margin: float = 2.0) -> np.ndarray:
    """Timesteps whose best class is ``best[i]`` (index over blank, a, 中, b, 文, space), a wide character second."""
    rows = np.zeros((len(best), FEATURES), np.float32)
    for i, top in enumerate(best):
        rows[i, second] = 1.0
        rows[i, top] = 1.0 + margin
    return rows


def test_the_cut_keeps_blank_the_narrow_characters_and_space():
    cut = rapid.narrow_classes(head())
    assert rapid.metadata_value(cut, rapid.CHARACTER_KEY) == "a\nb"
    assert run(cut, logit_rows(1)).shape == (1, 1, 4)  # blank, a, b, space
    assert run(head(), logit_rows(1)).shape == (1, 1, CLASSES)


def test_a_synthetic_line_keeps_its_top_characters_and_its_confidence_only_rises():
    rows = logit_rows(1, 0, 3, 5, 1)  # a, blank, b, space, a: the wide 中 second best everywhere
    full_text, full_score = decode(head(), run(head(), rows))
    cut = rapid.narrow_classes(head())
    cut_text, cut_score = decode(cut, run(cut, rows))
    assert full_text == "ab a"
    assert cut_text == full_text
    assert full_score < cut_score < 1.0  # the wide class's share of the softmax is gone


def test_a_model_without_a_dictionary_or_without_a_classifier_is_unchanged():
    bare = head(characters=None)
    assert rapid.narrow_classes(bare) == bare
    other = head(characters=["a", "b"])  # its dictionary does not match the classifier's size
    assert rapid.narrow_classes(other) == other


def test_narrow_characters_are_those_a_report_can_print():
    assert all(rapid.narrow_character(c) for c in "aZé9£€–—‘’“”•%&()[]/½°§Ωπ")
    assert not any(rapid.narrow_character(c) for c in "中文，（）：ア한")


def test_the_engine_recognises_with_the_narrow_dictionary_only():
    pytest.importorskip("rapidocr")
    from hmic_extract.extract.ocr import make_engine

    engine = make_engine("rapidocr", settings=OcrSettings())
    characters = engine._rec.postprocess_op.character
    assert len(characters) < 2500  # the wheel's dictionary holds 18,708 characters
    assert all(rapid.narrow_character(c) for c in characters[1:-1]) and "a" in characters and "£" in characters
    full = make_engine("rapidocr", settings=OcrSettings(rec_narrow_only=False))
    assert len(full._rec.postprocess_op.character) == 18710
