"""Keep only the rows addressed to one body: what a police and crime commissioner must answer.

Under section 55 a PCC answers every recommendation in a report on its force; in a national thematic report
only those addressed to its own force or chief constable concern it. ``keep_addressed_to(doc, "Westshire
Police")`` keeps the rows addressed to that force and to all forces ("forces", "chief constables"); a body's
name ("chief constables", "the College of Policing") keeps the rows addressed to it, whatever the case, plural
or a leading "all"/"the". A cause of concern stays when one of its recommendations does.
"""

from __future__ import annotations

from dataclasses import replace

from .model import CAUSES_OF_CONCERN, Document, Finding
from .vocabulary import addressed_to


def keep_addressed_to(doc: Document, wanted: str) -> Document:
    """Given a document and a body's name, return the document with only the rows addressed to that body."""
    force = doc.metadata.get("force", "")
    kept = [f for f in doc.findings if addressed_to(f.addressee, wanted, force)]
    causes = {f.cause for f in kept if f.cause}
    kept_ids = {id(f) for f in kept}
    rows: list[Finding] = [f for f in doc.findings if id(f) in kept_ids
                           or (f.section == CAUSES_OF_CONCERN and f"Cause of concern {f.ref}" in causes)]
    return replace(doc, findings=rows, metadata={**doc.metadata, "addressed_to": wanted})
