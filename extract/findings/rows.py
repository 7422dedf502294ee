"""Drafts -> ``Finding`` rows: refs 1..n a section in document order, printed page refs, addressee and cause."""

from __future__ import annotations

from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS, SECTIONS, Finding, Provenance
from hmic_extract.regions import merge_regions
from hmic_extract.vocabulary import canonical_addressee

from .drafts import Draft
from .statements import addressee_of, parse_obligation

METHOD = "report-findings"
ADDRESSED = (AREAS_FOR_IMPROVEMENT, RECOMMENDATIONS)  # sections whose findings say who must act


def page_ref_of(labels: list[str]) -> str:
    """Given the printed numbers of the pages a finding sits on, return "Page 12" or "Pages 12-13"."""
    unique = list(dict.fromkeys(label for label in labels if label))
    if not unique:
        return ""
    if len(unique) == 1:
        return f"Page {unique[0]}"
    if all(u.isdigit() for u in unique) and [int(u) for u in unique] == list(range(int(unique[0]),
                                                                                  int(unique[-1]) + 1)):
        return f"Pages {unique[0]}-{unique[-1]}"
    return "Pages " + ", ".join(unique)


def who_and_when(draft: Draft, force: str) -> tuple[str, str]:
    """The addressee (canonical) and timescale (as printed) of a finding, from its own sentence or its lead-in."""
    for text in (draft.text, draft.lead_in):
        ob = parse_obligation(text) if text else None
        if ob is not None:
            lead = parse_obligation(draft.lead_in) if draft.lead_in and text is draft.text else None
            timescale = ob.timescale or (lead.timescale if lead else "")
            return canonical_addressee(addressee_of(ob.addressee), force), timescale
    return "", ""


def drafts_to_findings(drafts: list[Draft], printed: list[str], source: str, force: str = "") -> list[Finding]:
    """Given merged drafts in document order, return Finding rows grouped by section, refs running 1..n each."""
    refs: dict[int, int] = {}
    for section in SECTIONS:
        for ref, draft in enumerate((d for d in drafts if d.section == section), 1):
            refs[id(draft)] = ref
    findings: list[Finding] = []
    for section in SECTIONS:
        for draft in (d for d in drafts if d.section == section):
            ref = refs[id(draft)]
            pdf_pages = sorted({ln.page for ln in draft.lines})
            provenance = Provenance(source=source, pdf_pages=pdf_pages, method=METHOD, detail=dict(draft.detail),
                                    regions=merge_regions((ln.page, ln.x0, ln.top, ln.x1, ln.bottom)
                                                          for ln in draft.lines))
            if draft.printed_ref:
                provenance.detail["printed_number"] = draft.printed_ref
            if draft.lead_in:
                provenance.detail["lead_in"] = draft.lead_in
            finding = Finding(section=section, ref=ref, ref_text=str(ref), page_ref=page_ref_of(
                [printed[p] for p in pdf_pages]), pages=[], issue=draft.text, provenance=provenance, theme=draft.theme)
            if section in ADDRESSED:
                finding.addressee, timescale = who_and_when(draft, force)
                if timescale:
                    provenance.detail["timescale"] = timescale
            if draft.cause is not None and id(draft.cause) in refs:
                cause_text = " ".join(draft.cause.text.split())
                finding.cause = f"Cause of concern {refs[id(draft.cause)]}"
                provenance.detail["cause_of_concern"] = cause_text
            findings.append(finding)
    return findings


__all__ = ["CAUSES_OF_CONCERN", "METHOD", "drafts_to_findings", "page_ref_of"]
