"""Clean cell text: join wrapped lines, undo ligatures and soft hyphens, fold white space.

Footnote markers (superscript digits) are kept, so no blanket NFKC: it would turn "¹" into "1".
"""

from __future__ import annotations

import re

from hmic_extract.model import Finding
from hmic_extract.vocabulary import fragments

from .pagerefs import PAGE_CELL_WORD

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}
INVISIBLES = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)  # soft hyphen, zero-widths
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
HYPHEN_END = re.compile(r"(\w)-$")
DASH_END = re.compile(r"\d\s?[-\u2013]$")


def join_lines(lines: list[str]) -> str:
    """Given the wrapped lines of one cell, return one line.

    A line ending in a hyphen joins the next without a space and keeps the hyphen: office exports
    do not hyphenate automatically, so "on-" + "going" is the compound "on-going".
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif (HYPHEN_END.search(out) and line[:1].islower()) or (DASH_END.search(out) and line[:1].isdigit()):
            out += line  # "on-" + "going"; "14-" + "15" in a narrow page column
        else:
            out += " " + line
    return out


def clean_text(text: str) -> str:
    """Given raw cell text (possibly multi-line), return it as one clean line."""
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    text = text.translate(INVISIBLES)
    text = "".join(ch if ch in "\n\t" or ch >= " " else " " for ch in text)
    text = join_lines(text.splitlines())
    return SPACES.sub(" ", text).strip()


CLOSING = ")]"  # a bracket on a line of its own closes the text before it ("(para 4.4" / ")")


def names_label(before: str, after: str) -> bool:
    """Whether the letters a line ends with and those the next starts with make a page cell's label word ("par" / "a"
    is "para", though "par" and "a" are words each; "Fig" / "ure 8" is "Figure 8"), which the second piece alone is
    not."""
    head = re.search(r"[^\W\d_]+$", before)
    tail = re.match(r"[^\W\d_]+", after)
    if head is None or tail is None:
        return False
    return bool(PAGE_CELL_WORD.fullmatch(head.group() + tail.group())) and not PAGE_CELL_WORD.fullmatch(tail.group())


def mend_narrow_cell(text: str) -> str:
    """A ref or page cell's lines joined where a narrow column broke a word or a number ("P1" / "0", "Pa" / "ge 9",
    "AfI-" / "16", "33–" / "34"): a break between two digits, after a joining dash or a range's dash, or whose
    spaced reading leaves a piece of a word is no space."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        if (out[-1].isdigit() and line[0].isdigit()) or out.endswith("-") or \
                (DASH_END.search(out) and line[0].isdigit()) or line[0] in CLOSING or \
                (out[-1].isalpha() and line[0].isalpha() and (fragments(f"{out} {line}") > fragments(out + line) or
                                                              names_label(out, line))):
            out += line
        else:
            out += " " + line
    return out


def clean_texts(findings: list[Finding]) -> list[Finding]:
    """Given findings with raw text, return them with issue/ref/page text cleaned."""
    for f in findings:
        f.issue = clean_text(f.issue)
        f.ref_text = clean_text(mend_narrow_cell(f.ref_text))
        f.page_ref = clean_text(mend_narrow_cell(f.page_ref))
        f.action = clean_text(f.action)
    return findings
