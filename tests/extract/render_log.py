"""A test plug-in for OCR workers: logs every page the worker renders itself to HMIC_FAKE_OCR_LOG ("render N")."""

from __future__ import annotations

import os
from pathlib import Path

from hmic_extract.extract.ocr import runner

MODULE = __name__
_render = runner.render_page


def logged_render(path, page_index, password=None):
    with Path(os.environ["HMIC_FAKE_OCR_LOG"]).open("a") as fh:
        fh.write(f"render {page_index}\n")
    return _render(path, page_index, password)


runner.render_page = logged_render
