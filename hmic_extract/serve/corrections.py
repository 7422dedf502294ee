"""A reviewer's corrections to a Document, each recorded on the row it changes.

Every change is a ``Repair`` with rule ``corrected-by-reviewer`` (field, old value, new value), so the
workbook's Provenance sheet and the JSON say what the extractor read and what the reviewer made of
it; marking a review flag as checked removes the flag and records ``checked-by-reviewer``. A deleted
row leaves a line in the Document sheet (metadata "deleted_by_reviewer"). Rows are addressed by ids
given when the review starts (``Review.uids``), since refs and sections are what a reviewer changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hmic_extract.model import SECTION_CODES, SECTIONS, Document, Finding, Provenance
from hmic_extract.normalise.pagerefs import pages_of
from hmic_extract.normalise.refs import parse_ref

CORRECTED = "corrected-by-reviewer"
CHECKED = "checked-by-reviewer"
DELETED_KEY = "deleted_by_reviewer"
EDITABLE = {"section": "section", "ref": "ref", "page_ref": "page ref", "issue": "issue"}
MAX_TEXT = 32_000  # characters; an Excel cell holds 32,767
EXCERPT = 80


class CorrectionError(ValueError):
    """A correction that cannot be made; ``str(err)`` says why, for people."""


@dataclass
class Review:
    """A Document under review and a stable id for each of its rows (the same order as ``doc.findings``)."""

    doc: Document
    uids: list[str] = field(default_factory=list)
    issued: int = 0

    def __post_init__(self) -> None:
        if not self.uids:
            self.uids = [self.new_uid() for _ in self.doc.findings]

    def new_uid(self) -> str:
        self.issued += 1
        return f"r{self.issued}"

    def index(self, uid: str) -> int:
        try:
            return self.uids.index(uid)
        except ValueError:
            raise CorrectionError(f"no row {uid!r} (it was merged or deleted?)") from None

    def row(self, uid: str) -> Finding:
        return self.doc.findings[self.index(uid)]


def label(f: Finding) -> str:
    """A row as people name it: "IOC 3 (Page 7)"."""
    code = SECTION_CODES.get(f.section, f.section or "?")
    ref = f.ref_text or (str(f.ref) if f.ref is not None else "?")
    return f"{code} {ref}" + (f" ({f.page_ref})" if f.page_ref else "")


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def clean(value: str, name: str) -> str:
    if len(value) > MAX_TEXT:
        raise CorrectionError(f"the {EDITABLE[name]} is over {MAX_TEXT:,} characters")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip() if name == "issue" else " ".join(value.split())


def edit(review: Review, uid: str, name: str, value: str) -> bool:
    """Set one field of a row (section, ref, page_ref, issue); return False when nothing changed."""
    if name not in EDITABLE:
        raise CorrectionError(f"{name!r} cannot be corrected here (only {', '.join(EDITABLE)})")
    f = review.row(uid)
    value = clean(value, name)
    if name == "section" and value not in SECTIONS:
        raise CorrectionError(f"{value!r} is not a section of the template ({', '.join(SECTIONS)})")
    if name == "issue" and not value:
        raise CorrectionError("the issue text cannot be empty (delete the row instead)")
    before = f.ref_text if name == "ref" else getattr(f, name)
    if before == value:
        return False
    if name == "ref":
        f.ref_text, f.ref = value, parse_ref(value)
    elif name == "page_ref":
        f.page_ref, f.pages = value, pages_of(value)
    else:
        setattr(f, name, value)
    f.record(CORRECTED, EDITABLE[name], before, value)
    return True


def merge_up(review: Review, uid: str) -> str:
    """Join a row to the end of the row above (a row the extractor cut in two); return the upper row's id."""
    i = review.index(uid)
    if i == 0:
        raise CorrectionError("the first row has no row above to merge into")
    upper, lower = review.doc.findings[i - 1], review.doc.findings[i]
    before = upper.issue
    upper.issue = f"{upper.issue.rstrip()} {lower.issue.lstrip()}".strip()
    if lower.action.strip():
        upper.action = f"{upper.action}\n{lower.action}".strip()
    p, q = upper.provenance, lower.provenance
    p.pdf_pages = sorted({*p.pdf_pages, *q.pdf_pages})
    p.regions = [*p.regions, *(r for r in q.regions if r not in p.regions)]
    p.review_flags.extend(flag for flag in q.review_flags if flag not in p.review_flags)
    p.repairs.extend(q.repairs)
    upper.record(CORRECTED, "merged row", f"{label(lower)}: {excerpt(lower.issue)}", "joined to the end of this row")
    upper.record(CORRECTED, "issue", before, upper.issue)
    del review.doc.findings[i]
    del review.uids[i]
    return review.uids[i - 1]


def split(review: Review, uid: str, at: int) -> str:
    """Cut a row's issue text at character ``at``: the rest becomes a new row below; return its id.

    The new row keeps the section, page ref and where-read of the row it came from; its Report Ref is
    left empty for the reviewer to fill in.
    """
    i = review.index(uid)
    f = review.doc.findings[i]
    head, tail = f.issue[:at].rstrip(), f.issue[at:].strip()
    if not head or not tail:
        raise CorrectionError("put the cursor inside the text, where the second row starts")
    p = f.provenance
    new = Finding(section=f.section, ref=None, ref_text="", page_ref=f.page_ref, pages=list(f.pages), issue=tail,
                  theme=f.theme, cause=f.cause, addressee=f.addressee,
                  provenance=Provenance(source=p.source, pdf_pages=list(p.pdf_pages), method=p.method,
                                        confidence=p.confidence, detail=dict(p.detail), regions=list(p.regions)))
    new.record(CORRECTED, "split row", f"{label(f)}: {excerpt(f.issue)}", "this row is the text after the cut")
    before = f.issue
    f.issue = head
    f.record(CORRECTED, "issue", before, head)
    review.doc.findings.insert(i + 1, new)
    uid_new = review.new_uid()
    review.uids.insert(i + 1, uid_new)
    return uid_new


def delete(review: Review, uid: str) -> None:
    """Remove a row (not a finding: a heading, a repeated line); the Document sheet keeps a line about it."""
    i = review.index(uid)
    f = review.doc.findings.pop(i)
    del review.uids[i]
    line = f"{label(f)}: {excerpt(f.issue)}"
    meta = review.doc.metadata
    meta[DELETED_KEY] = f"{meta[DELETED_KEY]}; {line}" if meta.get(DELETED_KEY) else line


def check(review: Review, uid: str, flag: str) -> None:
    """Mark one review flag of a row as checked: the flag goes, the Provenance sheet says who checked what."""
    f = review.row(uid)
    if flag not in f.provenance.review_flags:
        raise CorrectionError("that flag is not on this row (already checked?)")
    f.provenance.review_flags.remove(flag)
    f.record(CHECKED, "review flag", flag, "checked against the PDF")


def checked_flags(f: Finding) -> list[str]:
    """The flags a reviewer has marked as checked on this row."""
    return [r.before for r in f.provenance.repairs if r.rule == CHECKED]


def reviewer_changes(f: Finding) -> list[str]:
    """What the reviewer changed on this row, as the Provenance sheet shows it."""
    return [r.describe() for r in f.provenance.repairs if r.rule in (CORRECTED, CHECKED)]
