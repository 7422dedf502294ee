"""OCR look-alikes of "Page" and page references printed over several lines or twice.

OCR reads "Page" as "Dago", "Dama", "raye", "Faye", "l ugo"; a page cell printed on two lines
("Page" / "21/22") comes out as two fragments; an OCR layer on top of a text layer repeats a
page cell in garbled form ("Page 23" and "Dama 22"). ``page_cell_kind`` sorts one fragment,
``choose_page_ref`` turns a row's fragments into one printed page ref, and ``repair_ocr_page_refs``
fixes look-alike words left in whole page refs. Every change is returned or recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hmic_extract.model import Finding, Repair
from hmic_extract.vocabulary import HYPHEN_BREAK

# "pp," is a scan's "pp.": OCR reads a stop as a comma
REAL_PAGE = re.compile(r"(?i)^(?:pages?|pp?[.,]?|pg\.?|paras?\.?|paragraphs?)\s*\d")
PAGE_WORD = re.compile(r"(?i)^(?:pages?|pag?|pp?[.,]?|pg\.?)$")  # "Pa", "Pag": the word a narrow column cut
PAGE_WORD_TAIL = re.compile(r"(?i)^(?:a?ge|e)s?\s*\d")  # "e 10", "ge 10": the rest of a cut "Page" with its number
PAGE_NUMBERS = re.compile(r"^\d{1,4}(?:\s*(?:[/,&\-–]|and|to)\s*\d{1,4})*(?:\s*(?:[/,&\-–]|and|to))?$")
LABEL_START = re.compile(r"(?i)^\(?(?:fig(?:ure)?\.?|table|chart|para(?:graph)?\.?|chapter|section|annex|appendix"
                         r"|box)\b")
JOINS_NEXT = re.compile(r"(?i)(?:[/,&\-–]|\band|\bto|\b(?:fig(?:ure)?|table|chart|para(?:graph)?|chapter|section"
                        r"|annex|appendix|box)\.?)\s*$")
# The first letters of a label word a narrow column cut ("Figu" / "re 1", "Tab" / "le 4"): three at least.
CUT_LABEL = re.compile(r"(?i)^\(?(?:" + "|".join(
    f"{w[:3]}{''.join('(?:' + c for c in w[3:-1])}{')?' * (len(w) - 4)}"
    for w in ("figure", "table", "chart", "paragraph", "chapter", "section", "annex", "appendix")) + r")$")
LABEL_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*\)?[.,;]?$")  # "5.5)", "4": a paragraph's or figure's number
JOINS_PREV = re.compile(r"(?i)^(?:[/,&\-–]|and\b|to\b)")
# Letters OCR puts in place of P, a, g, e (from the look-alikes seen in real annexes).
LOOKALIKE_WORD = re.compile(r"^[PpDFfRrlI|][aouem][gyqm9][eoca]$")
# "Page77" (a space lost in extraction); "p.12" and "p12" are how some offices print refs: left alone.
GLUED = re.compile(r"(?i)\b(pages?|pg)(?=\d)")


SPECK = re.compile(r"^[-–—'‘’`.,:;|_~]+\s*")  # marks OCR reads off a speck before a cell's text ("-p.34")
# A mark between the whole word "Page(s)" and its number ("Pages.8"): no office prints one there, a speck does.
SPECK_AFTER_WORD = re.compile(r"(?i)^(pages?)\s*[.,:;'‘’`]\s*(?=\d)")


def speckless(text: str) -> str:
    """A page ref without the marks a speck left before it ("-p.34" is "p.34") or after its page word ("Pages.8" is
    "Pages 8"); other text as it is (a "- 39" on its own line ends a range begun above)."""
    rest = SPECK_AFTER_WORD.sub(r"\1 ", SPECK.sub("", text))
    return rest if rest != text and REAL_PAGE.match(rest) else text


def lookalike_word(token: str) -> bool:
    """Given a token (inner spaces allowed: "l ugo"), return True when it is OCR's reading of "Page"."""
    flat = token.replace(" ", "")
    return bool(LOOKALIKE_WORD.match(flat)) and flat.lower() != "page"


def split_lookalike(text: str) -> tuple[str, str] | None:
    """Given a page fragment, return (look-alike word, rest) when it starts with a look-alike of "Page"."""
    m = re.match(r"^\s*([A-Za-z|]\s?[A-Za-z]{2,3})\b\s*(.*)$", text)
    if m and lookalike_word(m.group(1)):
        return m.group(1), m.group(2).strip()
    return None


def page_cell_kind(text: str) -> str:
    """Given one line of a page cell, return its kind.

    "page" ("Page 21/22", "p.12"), "word" (bare "Page" or its look-alike), "lookalike" ("Dago 77":
    repairable), "number" ("21/22"), "label" ("Figure 4": continues a page ref), "garbled" (a
    look-alike whose number is unreadable: "l ugo oo"), "other" (words: kept as printed), "junk".
    """
    flat = speckless(" ".join(text.split()))
    if not flat:
        return "junk"
    if REAL_PAGE.match(flat):
        return "page"
    if PAGE_WORD.match(flat):
        return "word"
    if LABEL_START.match(flat) or CUT_LABEL.match(flat):
        return "label"
    if PAGE_NUMBERS.match(flat):
        return "number" if any(int(n) > 0 for n in re.findall(r"\d+", flat)) else "junk"
    if numbers_before_label(flat):
        return "number"  # "7 Figure 8": a page ref's number, then a label naming the figure on that page
    tail = PAGE_WORD_TAIL.match(flat)
    if tail and PAGE_NUMBERS.match(flat[tail.end() - 1:]):
        return "number"  # the end of a page ref whose word the line above began ("Pag" / "e 10")
    joined = JOINS_PREV.match(flat)
    if joined and (not flat[joined.end():].strip() or PAGE_NUMBERS.match(flat[joined.end():].strip())):
        return "number"  # "and 38", "/22", "- 39", "and": the end of a page ref begun on the line above
    parts = split_lookalike(flat)
    if parts is not None:
        _word, rest = parts
        if not rest:
            return "word"
        if PAGE_NUMBERS.match(rest) and any(int(n) > 0 for n in re.findall(r"\d+", rest)):
            return "lookalike"
        return "garbled"
    if re.search(r"[A-Za-z]{3,}", flat) and not re.search(r"[^\w\s.,:;/&()\-–'’]", flat):
        return "other"
    if re.search(r"\d", flat) and re.search(r"(?i)^[a-z|]\s", flat):
        return "garbled"  # "D 00", "D (0": a one-letter look-alike with an unreadable number
    return "junk"


def numbers_before_label(text: str) -> bool:
    """Whether a page-cell line is page numbers followed by a label ("7 Figure 8", "24 Table 2"): a page ref's
    number with the label set after it on its line, the page word on the line above."""
    m = re.match(r"^(\d[\d\s/,&\-–]*?)\s+(\S.*)$", text)
    return bool(m and PAGE_NUMBERS.match(m.group(1)) and LABEL_START.match(m.group(2)))


def repair_lookalike(text: str) -> str:
    """Given a look-alike page fragment ("Dago 77"), return it with the word repaired ("Page 77")."""
    parts = split_lookalike(" ".join(text.split()))
    return f"Page {parts[1]}".strip() if parts else text


@dataclass
class PageChoice:
    """The page ref chosen for a row from its fragments, with what was repaired or dropped."""

    text: str
    repairs: list[Repair] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def continues(prev_kind: str, prev_text: str, kind: str, text: str) -> bool:
    """Given two consecutive page fragments, return True when the second continues the first."""
    if prev_kind in ("word",) and kind in ("number",):
        return True
    if prev_kind in ("page", "lookalike") and (kind == "label" or (JOINS_NEXT.search(prev_text) and kind != "other")
                                               or (kind == "number" and JOINS_PREV.match(text))):
        return True
    if prev_kind == "number" and kind == "number" and JOINS_NEXT.search(prev_text):
        return True  # "29–" / "30", "14 and" / "15": a bare range or pair broken after its joiner
    return prev_kind in ("page", "number") and kind == "number" and bool(JOINS_PREV.match(text))  # "18" / "and 21"


def mend_broken_word(fragments: list[str]) -> list[str]:
    """Page-cell lines with a word a narrow column broke mended: "Pag" + "e 24" is "Page 24", "Page" + "s" is
    "Pages", "Figur" + "e 4" is "Figure 4" (two fragments that make a page ref, page word or label only glued
    together)."""
    out: list[str] = []
    for raw in fragments:
        text = " ".join(raw.split())
        cut_label = bool(out and CUT_LABEL.match(out[-1]) and not LABEL_START.match(out[-1]))  # "Figur" / "e 4"
        if out and (page_cell_kind(out[-1]) not in ("page", "number", "label") or cut_label) and text[:1].isalpha() \
                and page_cell_kind(out[-1] + text) in ("page", "word", "label") and page_cell_kind(text) != "word":
            out[-1] += text
        elif out and hyphenated(out[-1], text) and \
                page_cell_kind(out[-1][:-1] + text) in ("page", "word", "label", "number"):
            out[-1] = out[-1][:-1] + text  # "Fig-" + "ure 4": a word the column hyphenated, its hyphen no part of it
        elif out and cut_number(out[-1], text):
            out[-1] += text  # "Pages 10/1" + "1": a pair's second number broken short
        elif out and cut_first_number(out[-1], text):
            out[-1] += text  # "pp. 2" + "3-24": a range's first number broken short
        else:
            out.append(text)
    return out


def hyphenated(before: str, after: str) -> bool:
    """Whether ``before`` ends in a word a narrow column hyphenated and ``after`` goes on with it ("Fig-" / "ure 2")."""
    return bool(HYPHEN_BREAK.search(before)) and after[:1].islower()


def mended_word(before: str, after: str) -> str | None:
    """The label or page word that the last word of ``before`` and the lower-case letters opening ``after`` make, a
    word a narrow page column broke ("11 Fi" / "gure": "Figure", "36, T" / "able 4": "Table"); None when they make
    none (a page cell's lower-case word of its own)."""
    first = after.strip().partition(" ")[0]
    if not re.fullmatch(r"[a-z]+", first) or not re.search(r"[^\W\d_]$", before.strip()):
        return None
    word = before.strip().rpartition(" ")[2] + first
    label = LABEL_START.match(word)
    return word if (label is not None and label.end() == len(word)) or PAGE_WORD.match(word) else None


def cut_number(before: str, digits: str) -> bool:
    """Whether a page pair or range ends short ("10/1", "17-1") and ``digits`` complete it ("10/11", "17-18")."""
    m = re.search(r"(\d+)\s*[/\-–]\s*(\d+)$", before)
    if not (m and re.fullmatch(r"\d{1,2}", digits)):
        return False
    first, second = int(m.group(1)), int(m.group(2))
    return second < first <= int(m.group(2) + digits)


def cut_first_number(before: str, text: str) -> bool:
    """Whether a page ref ends in a number standing alone ("pp. 2", no joiner after it) that begins the first number of
    the range or pair on the next line ("3-24": 23 up to 24), as a narrow column breaks a number; a range the number
    does not begin ("p. 7" / "10-12") is a page ref of its own."""
    m = re.search(r"(?:^|[^\d/\-–,&\s])\s*(\d{1,3})$", before)
    pair = re.fullmatch(r"(\d{1,2})\s*[/\-–]\s*(\d{1,4})", text)
    if not (m and pair) or page_cell_kind(before) != "page":
        return False
    return int(m.group(1) + pair.group(1)) <= int(pair.group(2))


def open_before_words(merged: list[list[str]]) -> int | None:
    """The fragment a next page fragment may continue: the last one, or the page ref left open ("Pages 8 and", "Page")
    above lines of words alone (a finding type set in the page column: "Issue of concern" beside the ref, between the
    page ref's first line and its number)."""
    at = len(merged) - 1
    while at > 0 and merged[at][0] == "other" and not re.search(r"\d", merged[at][1]):
        at -= 1
    if at < len(merged) - 1 and not (merged[at][0] == "word" or JOINS_NEXT.search(merged[at][1])):
        return len(merged) - 1
    return at if merged else None


def closes_label(before: str, text: str) -> bool:
    """Whether a page-cell line is the number that ends a label the line above opened in brackets ("Page 14 (para" /
    "4.4)"): alone it reads as no page ref, and dropped the row's page ref stayed open."""
    return before.rfind("(") > before.rfind(")") and text.endswith(")") and bool(LABEL_NUMBER.match(text))


def choose_page_ref(fragments: list[str], rule: str = "page-ref-fragments") -> PageChoice:
    """Given the page-cell lines of one row in reading order, return the page ref to keep.

    Fragments that continue each other are joined ("Page" + "21/22"); real page refs win over OCR
    look-alikes and bare numbers, which are then duplicates and dropped (recorded); a look-alike
    alone is repaired to "Page N"; an unreadable one is kept and flagged.
    """
    merged: list[list[str]] = []  # [kind, text]
    junk: list[str] = []
    for raw in mend_broken_word(fragments):
        text = speckless(" ".join(raw.split()))
        kind = page_cell_kind(text)
        if merged and closes_label(merged[-1][1], text):
            merged[-1][1] = f"{merged[-1][1]} {text}"
            continue
        if kind == "junk":
            if text:
                junk.append(text)
            continue
        at = open_before_words(merged)
        if at is not None and continues(merged[at][0], merged[at][1], kind, text):
            prev_kind, prev_text = merged[at]
            joined = f"{prev_text}{text}" if re.search(r"[/\-–]$", prev_text) else f"{prev_text} {text}"
            if prev_kind == "word":
                word_is_real = bool(PAGE_WORD.match(prev_text))
                merged[at] = ["page" if word_is_real else "lookalike", joined]
            else:
                merged[at] = [prev_kind, joined]
            continue
        merged.append([kind, text])
    choice = PageChoice(text="")
    real = [i for i, (k, _) in enumerate(merged) if k in ("page", "other")]
    chosen = set(real)
    if real:
        choice.text = " ".join(merged[i][1] for i in real)
    else:
        for kinds in (("lookalike",), ("number", "label"), ("garbled", "word")):
            first = next((i for i, (k, _) in enumerate(merged) if k in kinds), None)
            if first is None:
                continue
            chosen.add(first)
            kind, text = merged[first]
            choice.text = repair_lookalike(text) if kind == "lookalike" else text
            if kind == "lookalike":
                choice.repairs.append(Repair("ocr-page-word", "page_ref", text, choice.text))
            elif kinds[0] == "garbled":
                choice.flags.append(f"page ref unreadable: {text!r}")
            break
    for i, (_, text) in enumerate(merged):
        if i not in chosen:
            choice.repairs.append(Repair(rule, "page_ref", text, f"dropped as an OCR duplicate of {choice.text!r}"))
    for text in junk:
        choice.repairs.append(Repair(rule, "page_ref", text, "dropped as OCR noise"))
    return choice


def repair_page_ref_text(page_ref: str) -> tuple[str, str]:
    """Given a whole printed page ref, return (repaired text, rule) or (text, "") when nothing changed."""
    text = " ".join(page_ref.split())
    if not text:
        return page_ref, ""
    plain = without_accents(text)
    if plain != text:
        fixed, _rule = repair_page_ref_text(plain)
        return fixed, "ocr-page-accent"
    if page_cell_kind(text) == "lookalike":
        return repair_lookalike(text), "ocr-page-word"
    glued = GLUED.sub(lambda m: m.group(1) + " ", text)
    if glued != text and REAL_PAGE.match(glued):
        return glued, "page-number-glued"
    groups = re.findall(r"\d+(?:\s*/\s*\d+)*", text)
    if len(groups) == 2 and groups[0].replace(" ", "") == groups[1].replace(" ", "") and REAL_PAGE.match(text):
        return text[: text.rfind(groups[1])].strip(), "page-duplicate-part"
    return page_ref, ""


def without_accents(text: str) -> str:
    """The text with accents taken off its letters: a page cell's words ("para", "Page") are plain letters, and an
    accent on one ("pára.") is a scan's speck read into it, which hides the label from the page parser."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def repair_ocr_page_refs(findings: list[Finding]) -> list[Finding]:
    """Given findings, return them with look-alike "Page" words, glued numbers and doubled parts repaired."""
    for f in findings:
        fixed, rule = repair_page_ref_text(f.page_ref)
        if rule:
            f.record(rule, "page_ref", f.page_ref, fixed)
            f.page_ref = fixed
    return findings
