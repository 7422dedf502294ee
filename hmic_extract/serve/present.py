"""What the page is sent about jobs and rows: plain JSON built from the model, nothing computed twice."""

from __future__ import annotations

from typing import Any

from hmic_extract.export.columns import FINDING_COLUMNS, template_columns
from hmic_extract.model import SECTION_CODES, SECTIONS, Finding

from .corrections import checked_flags, reviewer_changes
from .jobs import Job
from .settings import RENDER_SCALE

CONTEXT_FIELDS = tuple(c.field for c in FINDING_COLUMNS if c.optional)  # theme, cause, addressee


def row_json(uid: str, f: Finding) -> dict[str, Any]:
    """One row as the page shows it, with where it was read and what the reviewer changed."""
    p = f.provenance
    return {
        "uid": uid,
        "section": f.section,
        "code": SECTION_CODES.get(f.section, ""),
        "ref": f.ref_text or ("" if f.ref is None else str(f.ref)),
        "page_ref": f.page_ref,
        "issue": f.issue,
        **{name: getattr(f, name) for name in CONTEXT_FIELDS},
        "action": f.action,
        "flags": list(p.review_flags),
        "checked": checked_flags(f),
        "changes": reviewer_changes(f),
        "repairs": [r.describe() for r in p.repairs],
        "pdf_pages": [n + 1 for n in p.pdf_pages],
        "regions": [list(r) for r in p.regions] or [[n, 0, 0, 0, 0] for n in p.pdf_pages[:1]],
        "whole_page": not p.regions,
        "method": p.method,
    }


def job_json(job: Job, rows: bool = False) -> dict[str, Any]:
    """A job's state; with ``rows``, the rows under review and which context columns the document has."""
    out: dict[str, Any] = {
        "id": job.id, "name": job.name, "size": job.size, "state": job.state, "reason": job.reason,
        "password": job.password_state, "pages": job.pages, "ocr_done": job.ocr_done, "ocr_total": job.ocr_total,
        "seconds": round(job.seconds, 1),
    }
    review = job.review
    if review is not None:
        doc = review.doc
        out |= {"rows_count": len(doc.findings), "flagged": doc.flagged, "counts": doc.counts_text(),
                "kind": doc.kind, "title": doc.metadata.get("report_title") or doc.metadata.get("title", "")}
        if rows:
            present = {c.field for c in template_columns(doc)}
            out |= {"columns": [name for name in CONTEXT_FIELDS if name in present],
                    "rows": [row_json(uid, f) for uid, f in zip(review.uids, doc.findings, strict=True)],
                    "sections": list(SECTIONS), "scale": RENDER_SCALE}
    return out
