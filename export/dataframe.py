"""A Document as a pandas DataFrame, the ecosystem's table type (as camelot gives ``table.df``).

One row per finding with the template's columns under the template's headers, then provenance
columns a notebook user filters on (review flags, PDF pages, method, confidence) and the Row ID.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hmic_extract.model import Document

from .columns import FINDING_COLUMNS, RECIPIENT_COLUMNS, row_ids

if TYPE_CHECKING:
    import pandas as pd

PROVENANCE_COLUMNS = ("Pages", "Review flags", "PDF pages", "Method", "OCR confidence", "Row ID")


def to_dataframe(doc: Document) -> pd.DataFrame:
    """Given a Document, return its rows as a DataFrame (every template column, optional ones included)."""
    import pandas as pd

    columns = (*FINDING_COLUMNS, *RECIPIENT_COLUMNS)
    records = []
    for f, rid in zip(doc.findings, row_ids(doc), strict=True):
        p = f.provenance
        record = {c.header: c.value(f) for c in columns}
        record.update({"Pages": list(f.pages), "Review flags": list(p.review_flags),
                       "PDF pages": [n + 1 for n in p.pdf_pages], "Method": p.method,
                       "OCR confidence": p.confidence, "Row ID": rid})
        records.append(record)
    return pd.DataFrame.from_records(records, columns=[c.header for c in columns] + list(PROVENANCE_COLUMNS))
