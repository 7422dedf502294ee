"""RapidOCR's recognition model: the shipped (opt-in) int8 copy reads clean lines as the float model does, safely."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hmic_extract.extract.ocr import OcrUnavailable, make_engine
from hmic_extract.extract.ocr import rapidocr_engine as rapid
from hmic_extract.extract.ocr.settings import REC_MODEL_VARIABLE, OcrSettings, settings_from

# Lines in the shapes findings take, none of them from the samples the int8 model was calibrated on.
LINES = ("Area for improvement 9", "AFI 7: the force should improve its crime recording",
         "Recommendation 12 (page 34)", "Cause of concern 2", "Within six months, chief constables should")


def line_image(text: str) -> np.ndarray:
    """Given a line of text, return it printed black on white at about 200 dpi body size (greyscale)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=30)  # Pillow's own scalable font: no system font needed
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("L", (right - left + 40, bottom - top + 30), 255)
    ImageDraw.Draw(image).text((20 - left, 15 - top), text, font=font, fill=0)
    return np.asarray(image)


def read(engine, image: np.ndarray) -> str:
    return " ".join(w.text for w in sorted(engine.read_words(image, block=True), key=lambda w: w.x0))


@pytest.fixture(scope="module")
def engines():
    return (make_engine("rapidocr", settings=OcrSettings(rec_model="int8")),
            make_engine("rapidocr", settings=OcrSettings(rec_model="float")))


def test_the_int8_model_is_opt_in_and_ships_inside_the_package(engines):
    int8, float_ = engines
    assert OcrSettings().rec_model == "float"
    assert int8.rec_model.name == rapid.REC_MODEL_INT8
    assert Path(rapid.__file__).resolve().parent in int8.rec_model.parents
    assert float_.rec_model == rapid.wheel_models()[1]


@pytest.mark.parametrize("text", LINES)
def test_int8_and_float_recognition_read_a_printed_line_the_same_and_right(engines, text):
    int8, float_ = engines
    image = line_image(text)
    assert read(float_, image).replace(" ", "") == text.replace(" ", "")  # the line is readable at all
    assert read(int8, image) == read(float_, image)


def test_an_int8_model_built_from_another_wheel_model_falls_back_to_the_float_model(monkeypatch, caplog):
    # a newer rapidocr wheel may retrain its model (another character list): the stale int8 copy must go
    monkeypatch.setattr(rapid, "file_sha256", lambda path: "0" * 64)
    engine = make_engine("rapidocr", settings=OcrSettings(rec_model="int8"))
    assert engine.rec_model == rapid.wheel_models()[1]
    assert "built from another rapidocr model" in caplog.text
    assert read(engine, line_image("Cause of concern 2")) == "Cause of concern 2"


def test_a_missing_int8_model_is_an_install_error_that_names_the_way_out(monkeypatch, tmp_path):
    monkeypatch.setattr(rapid, "models_dir", lambda: tmp_path)
    with pytest.raises(OcrUnavailable, match=f"reinstall it, or set {REC_MODEL_VARIABLE}=float"):
        rapid.shipped_models("int8")
    assert rapid.shipped_models("float")[1] == rapid.wheel_models()[1]


def test_the_recognition_model_comes_from_the_environment_and_a_bad_value_is_refused(monkeypatch):
    monkeypatch.delenv(REC_MODEL_VARIABLE, raising=False)
    assert settings_from().rec_model == "float"
    monkeypatch.setenv(REC_MODEL_VARIABLE, "int8")
    assert settings_from(threads=2).rec_model == "int8"
    monkeypatch.setenv(REC_MODEL_VARIABLE, "fp16")
    with pytest.raises(OcrUnavailable, match="float or int8"):
        settings_from()
    with pytest.raises(ValueError, match="rec_model"):
        OcrSettings(rec_model="fp16")
