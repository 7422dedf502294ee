"""Domain words shared by extract and normalise: annex header cells, section titles, column roles.

Kept in one place because the extractor needs them to *find* an annex table and the normaliser
needs the same words to *drop* repeated header rows; neither stage reaches into the other.
"""

from __future__ import annotations

import re

from .model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, ISSUES_OF_CONCERN, RECOMMENDATIONS

ROLES = ("section", "ref", "page_ref", "issue", "action")

# Order matters: "Page Ref" must be the page column, not the ref column, and
# "Action taken to address concern" the action column, not the issue column.
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A column that says which kind of finding each row is ("Type": "AFI" / "Recommendation").
    ("section", re.compile(r"^\s*(type|category|section|finding\s+type|type\s+of\s+finding|kind)\s*$", re.I)),
    ("page_ref", re.compile(r"\bpage|\bpg\b|\bp\.?\s*(ref|no)\b|\bparagraph\b|\bpara\b", re.I)),
    ("action", re.compile(
        r"\baction|\bupdate|\bresponse\b|\bprogress\b|\bcomments?\b|\bassurance\b|\bforce\s+position\b", re.I)),
    ("ref", re.compile(
        r"\bref(erence)?\b|^\s*(?:[a-z]{1,15}\.?\s+)?(no\.?|nos?\.|number|num|#|item|id)\s*$", re.I)),
    ("issue", re.compile(
        r"\bissues?\b|\bconcerns?\b|\brecommendations?\b|\bareas?\s+for\s+improvement\b|\bafi\b|\bfindings?\b"
        r"|\bdescription\b|\bdetails?\b|\btext\b", re.I)),
)

_SECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (AREAS_FOR_IMPROVEMENT, re.compile(r"^areas?\s+for\s+improvements?$", re.I)),
    (CAUSES_OF_CONCERN, re.compile(r"^causes?\s+(\(s\)\s*)?of\s+concern$|^cause\(s\)\s+of\s+concern$", re.I)),
    (RECOMMENDATIONS, re.compile(r"^recommendations?$", re.I)),
    (ISSUES_OF_CONCERN, re.compile(r"^(other\s+)?issues?\s+of\s+concern$", re.I)),
)
# Leading numbering of a title: "2.", "B)", "iv -", "Section 3:", "Part B".
_TITLE_NOISE = re.compile(r"^(?:(?:section|part)\s+)?(?:\d{1,2}|[ivx]{1,4}|[a-h])(?:[.:)\-–]|\s)\s*", re.I)


def role_of_header_cell(text: str) -> str | None:
    """Given a header cell's text, return the column role it names, or None."""
    flat = " ".join(text.split())
    if not flat:
        return None
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(flat):
            return role
    return None


def map_header(cells: list[str]) -> dict[str, int] | None:
    """Given a row's cells, return {role: column index} when the row is an annex header, else None.

    A header needs a ref-like and an issue-like column, and a page or action column; extra columns
    (owner, date, RAG status) are allowed and ignored.
    """
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = role_of_header_cell(cell or "")
        if role and role not in roles:
            roles[role] = i
    if "issue" in roles and ("ref" in roles or "page_ref" in roles) and len(roles) >= 3:
        return roles
    return None


def header_score(cells: list[str]) -> int:
    """Given a row's cells, return how many distinct roles they name (a junk/repeated-header detector)."""
    return len({r for r in (role_of_header_cell(c or "") for c in cells) if r})


def section_of_title(text: str) -> str | None:
    """Given a short line, return the canonical section it titles ("Areas for improvement" ...), or None.

    Only a whole short line counts: prose that merely mentions areas for improvement is not a title.
    """
    flat = " ".join(text.replace("\u2019", "'").split()).strip(" :.-–")
    if not flat or len(flat) > 60:
        return None
    flat = _TITLE_NOISE.sub("", flat, count=1).strip(" :.-–")
    for section, pattern in _SECTION_PATTERNS:
        if pattern.match(flat):
            return section
    return None


# What a Type column or a ref prefix ("AFI 3", "Rec 2", "CoC1") says about a row's section.
_SECTION_CELL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (AREAS_FOR_IMPROVEMENT, re.compile(r"^(afi|areas?\s+for\s+improvements?)\b", re.I)),
    (CAUSES_OF_CONCERN, re.compile(r"^(coc|causes?\s+of\s+concern)\b", re.I)),
    (RECOMMENDATIONS, re.compile(r"^(rec|recs|recommendations?)\b", re.I)),
    (ISSUES_OF_CONCERN, re.compile(r"^(ioc|(other\s+)?issues?\s+of\s+concern)\b", re.I)),
)


def section_of_cell(text: str) -> str | None:
    """Given a Type cell or a ref ("AFI 3", "Recommendation", "CoC1"), return the section it names, or None."""
    flat = " ".join(text.split()).strip(" :.-–")
    flat = re.sub(r"(?i)^(afi|coc|rec|ioc)(?=\d)", r"\1 ", flat)
    for section, pattern in _SECTION_CELL_PATTERNS:
        if pattern.match(flat):
            return section
    return None


def section_named_by_header(issue_header: str) -> str | None:
    """Given the issue column's header, return the one section it names, if exactly one."""
    flat = issue_header.lower()
    hits = []
    if re.search(r"areas?\s+for\s+improvement|\bafi\b", flat):
        hits.append(AREAS_FOR_IMPROVEMENT)
    if re.search(r"causes?\s+of\s+concern", flat):
        hits.append(CAUSES_OF_CONCERN)
    if re.search(r"recommendation", flat):
        hits.append(RECOMMENDATIONS)
    return hits[0] if len(hits) == 1 else None
