"""hmic-extract: turn UK police-inspection PDFs into an assurance-template workbook.

Python use::

    from hmic_extract import extract_file, read_pdf
    doc = extract_file("response.pdf")       # -> hmic_extract.model.Document
    df = read_pdf("response.pdf")            # -> pandas.DataFrame, one row per finding
    mine = extract_file("thematic.pdf", addressed_to="Westshire Police")  # rows for that force and all forces
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .model import Document


def extract_file(path: str, **options: object) -> Document:
    """Extract and normalise one PDF (heavy imports happen here, not at package import)."""
    from .pipeline import extract_file as _extract_file

    return _extract_file(path, **options)  # type: ignore[arg-type]


def read_pdf(path: str, **options: object) -> pd.DataFrame:
    """Extract one PDF and return its rows as a pandas DataFrame (``extract_file(path).to_dataframe()``)."""
    return extract_file(path, **options).to_dataframe()


__all__ = ["__version__", "extract_file", "read_pdf"]
