"""Write a Document as JSON: the lossless output, with every row's provenance and repairs.

The layout is documented in docs/json-schema.md and checked against docs/document.schema.json.
No timestamp is written, so the same PDF always gives the same bytes (batch runs can be diffed).
``document_from_json`` reads the file back into the model, which is how the tests prove nothing is lost.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from hmic_extract import __version__
from hmic_extract.model import Document, Finding, Provenance, Repair, UnreadPage

from .atomic import atomic_write
from .columns import row_ids

SCHEMA_ID = "hmic-extract/document"
SCHEMA_VERSION = 1


def finding_to_json(finding: Finding, row_id: str) -> dict[str, Any]:
    """Given one row, return its JSON object (gold-schema fields first, then recipient fields, provenance)."""
    p = finding.provenance
    target = finding.target_date.isoformat() if isinstance(finding.target_date, date) else finding.target_date
    return {
        "section": finding.section,
        "ref": finding.ref,
        "ref_text": finding.ref_text,
        "page_ref": finding.page_ref,
        "para_ref": finding.para_ref,
        "pages": list(finding.pages),
        "issue": finding.issue,
        "theme": finding.theme,
        "cause": finding.cause,
        "addressee": finding.addressee,
        "action": finding.action,
        "owner": finding.owner,
        "target_date": target,
        "status": finding.status,
        "row_id": row_id,
        "needs_review": finding.needs_review,
        "provenance": {
            "source": p.source,
            "pdf_pages": list(p.pdf_pages),
            "method": p.method,
            "confidence": p.confidence,
            "review_flags": list(p.review_flags),
            "repairs": [{"rule": r.rule, "field": r.field, "before": r.before, "after": r.after} for r in p.repairs],
            "detail": dict(p.detail),
            "regions": [list(r) for r in p.regions],
        },
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    """Given a Document, return the JSON-ready dict described in docs/json-schema.md."""
    return {
        "schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "hmic-extract", "version": __version__},
        "source": doc.source,
        "kind": doc.kind,
        "page_count": doc.page_count,
        "metadata": dict(doc.metadata),
        "notes": list(doc.notes),
        "unread_pages": [{"pdf_page": u.index, "reason": u.reason} for u in doc.unread_pages],
        "counts": {"rows": len(doc.findings), "per_section": doc.rows_per_section(), "flagged": doc.flagged},
        "rows": [finding_to_json(f, rid) for f, rid in zip(doc.findings, row_ids(doc), strict=True)],
    }


def finding_from_json(row: dict[str, Any]) -> Finding:
    """Given one row object, return the Finding it was written from."""
    p = row.get("provenance", {})
    target = row.get("target_date")
    if isinstance(target, str):
        with contextlib.suppress(ValueError):  # otherwise: text as typed by a recipient, kept as text
            target = date.fromisoformat(target)
    repairs = [Repair(r["rule"], r["field"], r["before"], r["after"]) for r in p.get("repairs", [])]
    provenance = Provenance(source=p.get("source", ""), pdf_pages=list(p.get("pdf_pages", [])),
                            method=p.get("method", ""), repairs=repairs,
                            review_flags=list(p.get("review_flags", [])), confidence=p.get("confidence"),
                            detail=dict(p.get("detail", {})),
                            regions=[(int(r[0]), *map(float, r[1:5])) for r in p.get("regions", [])])
    return Finding(section=row["section"], ref=row["ref"], ref_text=row.get("ref_text", ""),
                   page_ref=row.get("page_ref", ""), para_ref=row.get("para_ref", ""),
                   pages=list(row.get("pages", [])), issue=row.get("issue", ""),
                   action=row.get("action", ""), provenance=provenance, theme=row.get("theme", ""),
                   cause=row.get("cause", ""), addressee=row.get("addressee", ""), owner=row.get("owner", ""),
                   target_date=target, status=row.get("status", ""), row_id=row.get("row_id", ""))


def document_from_json(data: dict[str, Any]) -> Document:
    """Given the dict ``document_to_json`` made (or the parsed file), return the Document."""
    if data.get("schema") != SCHEMA_ID:
        raise ValueError(f"not an hmic-extract document (schema {data.get('schema')!r})")
    return Document(source=data["source"], kind=data["kind"], findings=[finding_from_json(r) for r in data["rows"]],
                    metadata=dict(data.get("metadata", {})), notes=list(data.get("notes", [])),
                    page_count=data.get("page_count"),
                    unread_pages=[UnreadPage(u["pdf_page"], u["reason"]) for u in data.get("unread_pages", [])])


def json_text(doc: Document) -> str:
    """The file's text: UTF-8 JSON, non-ASCII kept readable, stable key order.

    A lone surrogate (from a broken font map) is written as a \\uXXXX escape, still valid JSON.
    """
    return json.dumps(document_to_json(doc), ensure_ascii=False, indent=2) + "\n"


def write_json(doc: Document, path: Path, force: bool = False) -> Path:
    """Write ``doc`` as JSON at ``path`` (atomically; no overwrite unless forced)."""
    text = json_text(doc)
    data = text.encode("utf-8", "backslashreplace")
    return atomic_write(Path(path), lambda tmp: tmp.write_bytes(data), force=force)
