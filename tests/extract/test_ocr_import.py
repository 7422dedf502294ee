"""Building a RapidOCR engine does not parse rapidocr's model catalogue with OmegaConf (0.36 CPU s per OCR worker)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

BUILD_AND_COUNT = """
import json
from omegaconf import OmegaConf
loads = []
load = OmegaConf.load
def counted(file, *args, **kwargs):
    loads.append(str(file))
    return load(file, *args, **kwargs)
OmegaConf.load = counted
import numpy as np, cv2
from hmic_extract.extract.ocr import make_engine
engine = make_engine("rapidocr", threads=1)
from rapidocr.utils import model_resolver
image = np.full((60, 320), 255, np.uint8)
cv2.putText(image, "police 12", (8, 42), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 2)
print(json.dumps({"loads": loads, "words": [w.text for w in engine.read_words(image)],
                  "langs": len(model_resolver.LANG_MAPPING), "en": model_resolver.normalize_lang("EN"),
                  "load_restored": OmegaConf.load is counted}))
"""


def test_the_engine_is_built_without_omegaconf_parsing_rapidocrs_model_table():
    pytest.importorskip("rapidocr")
    result = subprocess.run([sys.executable, "-c", BUILD_AND_COUNT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-800:]
    found = json.loads(result.stdout.splitlines()[-1])
    assert not [f for f in found["loads"] if f.endswith("default_models.yaml")]  # was parsed twice
    assert found["load_restored"]  # OmegaConf.load is ours again after the import: other files load as usual
    assert found["langs"] > 50 and found["en"] == "en"  # rapidocr's language table is still read, from plain data
    assert " ".join(found["words"]).replace(" ", "") == "police12"


def test_other_files_load_through_omegaconf_while_the_table_is_served_plain(tmp_path):
    from omegaconf import DictConfig, OmegaConf

    from hmic_extract.extract.ocr.rapidocr_engine import model_table_read_plain

    table = tmp_path / "rapidocr" / "default_models.yaml"
    table.parent.mkdir()
    table.write_text("model_routes:\n  PP-OCRv5: {}\nlang_mapping: {}\n", encoding="utf-8")
    other = tmp_path / "config.yaml"
    other.write_text("Global:\n  text_score: 0.5\n", encoding="utf-8")
    load = OmegaConf.load
    with model_table_read_plain():
        first, second = OmegaConf.load(table), OmegaConf.load(table)
        config = OmegaConf.load(other)
    assert OmegaConf.load is load
    assert first == {"model_routes": {"PP-OCRv5": {}}, "lang_mapping": {}} and first is second  # one parse, shared
    assert isinstance(config, DictConfig) and config.Global.text_score == 0.5


def test_a_rapidocr_that_cannot_read_its_table_plain_is_imported_as_it_is(monkeypatch):
    """A future rapidocr may read its model table as OmegaConf objects when built: the engine must still build."""
    pytest.importorskip("rapidocr")
    from omegaconf import OmegaConf

    from hmic_extract.extract.ocr import rapidocr_engine

    @rapidocr_engine.contextlib.contextmanager
    def table_read_by_attribute():
        load = OmegaConf.load
        OmegaConf.load = lambda *a, **k: (_ for _ in ()).throw(AttributeError("'dict' object has no attribute 'x'"))
        try:
            yield
        finally:
            OmegaConf.load = load

    monkeypatch.setattr(rapidocr_engine, "model_table_read_plain", table_read_by_attribute)
    for name in [m for m in sys.modules if m == "rapidocr" or m.startswith("rapidocr.")]:
        monkeypatch.delitem(sys.modules, name)
    engine = rapidocr_engine.RapidOcrEngine()
    assert engine._ocr is not None and OmegaConf.load.__name__ == "load"
