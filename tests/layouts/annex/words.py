"""The wording pools a layout draws from: headings, type labels, ref prefixes, column names, titles.

Taken from how PCC responses, force action plans and HMICFRS reports word these things (see
``/work/shared/research/real-world.md``), never from the tool's own vocabulary.
"""

from __future__ import annotations

IOC, AFI, COC, REC = "Issues of concern", "Areas for improvement", "Causes of concern", "Recommendations"

# Heading / band wording per section. Each pool is complete text (before case and theme are applied).
HEADINGS: dict[str, tuple[str, ...]] = {
    IOC: ("Issues of concern", "Issue of concern", "Other issues of concern", "Issues of Concern identified by HMICFRS",
          "Further issues of concern", "Issues of concern raised in the report"),
    AFI: ("Areas for improvement", "Area for improvement", "Areas for Improvement (AFIs)", "AFIs",
          "Areas identified for improvement", "HMICFRS areas for improvement"),
    COC: ("Causes of concern", "Cause of concern", "Causes for concern", "Cause for concern",
          "Accelerated cause of concern", "HMICFRS cause of concern"),
    REC: ("Recommendations", "Recommendation", "HMICFRS recommendations", "Recommendations made by HMICFRS",
          "Recommendations to the force"),
}

# What a Type / Category column says for each section.
TYPE_LABELS: dict[str, tuple[str, ...]] = {
    IOC: ("Issue of concern", "IOC", "Issue", "Issue of Concern"),
    AFI: ("AFI", "Area for improvement", "Area for Improvement", "AFI"),
    COC: ("Cause of concern", "CoC", "Cause for concern", "CoC"),
    REC: ("Recommendation", "Rec", "Recommendation", "R"),
}

# The text column's header when each section has its own table and nothing else names it.
COLUMN_HEADER_SECTIONS: dict[str, tuple[str, ...]] = {
    IOC: ("Issue of Concern", "Issues of concern", "Issue of concern identified"),
    AFI: ("Area for Improvement", "Areas for improvement", "AFI"),
    COC: ("Cause of Concern", "Causes of concern", "Cause for concern"),
    REC: ("Recommendation", "Recommendations", "HMICFRS recommendation"),
}

# Ref prefixes that say the section by themselves ("AFI 3", "R1", "Rec 2", "CoC 1", "IOC4").
REF_PREFIXES: dict[str, tuple[str, ...]] = {
    IOC: ("IOC", "IoC", "Issue"),
    AFI: ("AFI", "AFI", "AfI"),
    COC: ("CoC", "COC", "CfC"),
    REC: ("R", "Rec", "Rec.", "REC"),
}
REF_JOINERS = ("", " ", " ", "-")
REF_PLAIN = ("{n}", "{n}", "{n}.", "({n})", "{n})")

THEME_STYLES = ("none", "en dash", "dash", "colon", "brackets", "before")
HEADING_CASES = ("as written", "UPPER", "Title", "lower")
HEADING_NUMBERING = ("none", "none", "Section {n}:", "{n}.", "Part {L}", "{n})", "{L}.")

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "ref": ("Report Ref", "Ref", "No.", "#", "Rec No.", "AFI ref", "Item", "Ref.", "Number"),
    "page": ("Page Ref", "Page", "Page no.", "Report page", "Pg", "Page reference", "Report page ref"),
    "issue": ("Issue of Concern", "Area for improvement / Recommendation", "Finding", "HMICFRS finding", "Description",
              "Recommendation", "Issue", "Detail"),
    "action": ("Action Taken to Address Concern", "Force response", "Update", "Progress", "Action", "Comments",
               "Action taken / planned", "Response"),
    "type": ("Type", "Category", "Finding type", "Type of finding"),
    "owner": ("Owner", "Lead", "Lead officer", "Responsible officer", "Chief Officer lead"),
    "rag": ("RAG", "RAG status", "Rating"),
    "target": ("Target date", "Due date", "Timescale", "Completion date", "Deadline"),
    "status": ("Status", "Current status", "Open / Closed"),
}
EXTRA_KEYS = ("owner", "rag", "target", "status")

TITLE_ROWS = (
    "ANNEX 1 – ASSURANCE MONITORING TEMPLATE (FORCE RESPONSE)",
    "Annex A – Assurance monitoring template",
    "Appendix A: {force} action plan in response to HMICFRS",
    "{report} – Recommendations and Areas for Improvement",
    "HMICFRS inspection findings: progress tracker",
)
SUBTITLE_ROWS = (
    "Force: {force}    Lead: Deputy Chief Constable    Last updated: {published}",
    "Version 1.2 – {published}",
    "Report published {published}",
)

RUNNING_HEADERS = ("none", "OFFICIAL", "{force}", "{pcc}", "OFFICIAL – {area} PCC response to HMICFRS", "{published}")
RUNNING_FOOTERS = ("none", "Page {page} of {pages}", "{page}", "- {page} -", "{force} | {published} | Page {page}",
                   "Page {page}")

ANNEX_HEADINGS = ("ANNEX 1 – ASSURANCE MONITORING TEMPLATE", "Annex A", "Appendix 1: Force response",
                  "Annex – HMICFRS findings and actions", "Action plan")


def letter(n: int) -> str:
    return "ABCDEFGHIJKLMNOP"[(n - 1) % 16]


def apply_case(text: str, case: str) -> str:
    """Heading case as offices type it. ``Title`` keeps short words lower; abbreviations stay as they are."""
    if case == "UPPER":
        return text.upper()
    words = text.split(" ")
    abbrev = [sum(ch.isupper() for ch in w) >= 2 for w in words]  # HMICFRS, AFIs, (AFIs) keep their case
    if case == "lower":
        return " ".join(w if keep else (w[:1] + w[1:].lower() if i == 0 else w.lower())
                        for i, (w, keep) in enumerate(zip(words, abbrev, strict=True)))
    if case == "Title":
        small = {"of", "for", "the", "to", "by", "in", "and", "a", "made", "raised"}
        return " ".join(w if keep or (i and w.lower() in small) or not w[:1].isalpha() else w[:1].upper() + w[1:]
                        for i, (w, keep) in enumerate(zip(words, abbrev, strict=True)))
    return text


def attach_theme(text: str, theme: str | None, style: str) -> str:
    """Heading text with its theme: "AFIs – Efficiency", "Recommendations (in response to …)", "Efficiency: AFIs"."""
    if not theme or style == "none":
        return text
    if theme.startswith("in response"):  # a phrase, not a label: it follows the heading
        return {"brackets": f"{text} ({theme})", "colon": f"{text}: {theme}"}.get(style, f"{text} {theme}")
    return {"en dash": f"{text} – {theme}", "dash": f"{text} - {theme}", "colon": f"{text}: {theme}",
            "brackets": f"{text} ({theme})", "before": f"{theme}: {text}"}[style]


def number_heading(text: str, numbering: str, n: int) -> str:
    if numbering == "none":
        return text
    return numbering.format(n=n, L=letter(n)) + " " + text


def ref_text(n: int, section: str, style: dict) -> str:
    """The printed ref: plain ("1", "1.", "(1)") or with the section's prefix ("AFI 3", "R1", "CoC-1")."""
    if style.get("prefixed"):
        prefix = REF_PREFIXES[section][style["prefix_choice"][section] % len(REF_PREFIXES[section])]
        joiner = style["joiner"] or (" " if len(prefix) > 3 or prefix.endswith(".") else "")
        return f"{prefix}{joiner}{n}"
    return style["plain"].format(n=n)

# A table's note at a page foot that it goes on (latex endfoot): the wordings real annexes print, commonest first.
CONTINUATION_NOTES = ("continued on next page", "Continued overleaf", "(cont'd)", "continued…",
                      "Continued on the following page", "(continued)", "Table continues on next page")
CONTINUATION_WEIGHTS = (40, 15, 10, 10, 10, 8, 7)
