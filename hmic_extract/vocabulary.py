"""The domain's words, declared once: section names with their synonyms, and annex column names.

Every stage that has to recognise a section asks this module: titles above annex tables, band rows
inside them, header cells, Type columns, ref prefixes ("AFI 3"), the report path's labels and the
kind detector. A phrase is matched on a *normalised head*: case folded, plurals reduced, numbering
and punctuation stripped; whatever follows a dash, colon or bracket is kept as the *theme*
("AREAS FOR IMPROVEMENT – EFFICIENCY" -> Areas for improvement, theme "EFFICIENCY"). Text read by
OCR may be matched fuzzily (``fuzzy=True``), so "Recommendatlons" still names a section.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from .model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, ISSUES_OF_CONCERN, RECOMMENDATIONS

# --- sections -------------------------------------------------------------------------------------

# Each section once: its phrases as written (singular; plurals and "(s)" are reduced before matching).
SECTION_PHRASES: dict[str, tuple[str, ...]] = {
    AREAS_FOR_IMPROVEMENT: ("area for improvement", "area of improvement", "area for development",
                            "area requiring improvement", "area needing improvement", "improvement area",
                            "area to improve", "area for further improvement", "area identified for improvement"),
    CAUSES_OF_CONCERN: ("cause of concern", "cause for concern", "accelerated cause of concern"),
    RECOMMENDATIONS: ("recommendation", "recommended action", "overarching recommendation"),
    ISSUES_OF_CONCERN: ("issue of concern", "other issue of concern", "issue for concern", "area of concern",
                        "issue identified", "key issue"),
}
# Abbreviations, as whole tokens (with or without dots: "A.F.I."); a lone letter only before a number.
SECTION_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    AREAS_FOR_IMPROVEMENT: ("afi",),
    CAUSES_OF_CONCERN: ("coc", "cfc"),
    RECOMMENDATIONS: ("rec", "recom", "recomm"),
    ISSUES_OF_CONCERN: ("ioc",),
}
LETTER_PREFIXES: dict[str, str] = {"r": RECOMMENDATIONS}  # "R1", "R 2": only glued to a number

# Words that may stand before a section name in a title without making it prose:
# "HMICFRS recommendations", "Other issues of concern", "Summary of areas for improvement".
NOT_PLURALS = frozenset({"this", "his", "analysis", "basis", "crisis", "emphasis", "diagnosis", "thesis"})


def singular(word: str) -> str:
    """A plural reduced to its singular, enough for this vocabulary ("causes" -> "cause", "AFIs" -> "afi")."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")) and word not in NOT_PLURALS:
        return word[:-1]
    return word



def _word_set(text: str) -> frozenset[str]:
    """A set of words compared after the same folding as tokens (so "forces" is "force")."""
    return frozenset(singular(w) for w in text.split())


QUALIFIERS = _word_set(
    "hmic hmicfrs hmcic peel the our new key main other further additional national local force forces "
    "report inspection inspection's report's summary list of specific priority outstanding open previous "
    "earlier current remaining all any identified agreed formal overarching thematic joint annex appendix "
    "table section part chapter schedule")
# Words that make a line a sentence rather than a title ("We have identified five areas for improvement").
PROSE_WORDS = _word_set(
    "is are was were be been being has have had should must will would can could may might we it they "
    "there this these those which that who he she its their does do did not found find")
NUMBERING = re.compile(r"(?ix)^(?:(?:section|part|chapter|annex|appendix|table|schedule)\s+)?\(?"
                       r"(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4}|[a-h])(?:[.:)\]–—-]+(?=\s)|(?=\s))\s*")
NOT_THEMES = _word_set("continued cont contd cont'd ctd")  # "Recommendations (continued)"
PAGE_WORDS = r"pages?|pp?|pgs?"  # the words a page ref opens with ("Page 6", "pp. 29-31", "pg 4"), as a regex
# A note that a table goes on on the next page ("continued on next page", "Continued overleaf", "(cont'd)",
# "Table continues overleaf", "continued…"); a bare "continued." may end a sentence, so a word alone counts only in
# brackets or trailing off in an ellipsis.
_CONTINUED = r"(?:continued|cont(?:inued|d|['’]d)?\.?|ctd\.?)"
CONTINUATION_NOTE = re.compile(rf"(?i)^\s*(?:[–—-]\s*)?(?:(?:table\s*)?(?:{_CONTINUED}|continues)\s*"
                               rf"(?:on\s*(?:the\s*)?(?:next|following)\s*page|overleaf)|[(\[]\s*{_CONTINUED}\s*[)\]]|"
                               rf"{_CONTINUED}\s*(?:…|\.\s*\.\s*\.))[\s.…–—-]*$")
MAX_TITLE_WORDS = 16
MAX_QUALIFIER_WORDS = 8
# A title's name may be followed by a longer phrase when it opens with one of these ("Recommendations to the
# force in response to the cause of concern", "Areas for improvement arising from the inspection").
PREPOSITIONS = _word_set("to for in from by of on about following arising made raised identified within under")


@dataclass(frozen=True)
class Token:
    """One word of a normalised text: its folded, singular form and where it sits in the original."""

    word: str  # case folded, dots and apostrophes dropped, plural reduced
    raw: str  # as printed
    start: int
    end: int


@dataclass(frozen=True)
class SectionMatch:
    """What a piece of text says about a section.

    ``number``: the number printed after the name ("3" of "Recommendation 3");
    ``theme``: text after a dash, colon or bracket ("Efficiency"); ``rest``: the text a label opens
    ("Area for improvement 2: The force should ..." -> "The force should ..."); ``others``: further
    sections the same text names ("Areas for improvement and recommendations"); ``score`` is 1.0 for
    an exact match and lower for a fuzzy one.
    """

    section: str
    head: str = ""
    number: str = ""
    theme: str = ""
    rest: str = ""
    plural: bool = False
    abbreviated: bool = False
    others: tuple[str, ...] = ()
    score: float = 1.0
    separator: str = ""  # the mark between the name (and number) and what follows: ":", "–", "." or ""


def fold(text: str) -> str:
    """NFKC, one kind of apostrophe and dash, "(s)" plurals spelled out, white space collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"(?i)\((s|es)\)", lambda m: m.group(1), text)
    return " ".join(text.split())


def tokens_of(text: str) -> list[Token]:
    """Given folded text, return its words with their spans ("A.F.I.s" is one word, "afi")."""
    out = []
    for m in re.finditer(r"[^\W_](?:[^\W_]|\.(?=[^\W_])|'(?=[^\W_]))*\.?", text):
        raw = m.group()
        word = raw.rstrip(".") if re.fullmatch(r"[\d.]+", raw) else raw.lower().replace(".", "").replace("'", "")
        out.append(Token(singular(word), raw, m.start(), m.end()))
    return out


@dataclass(frozen=True)
class Phrase:
    section: str
    words: tuple[str, ...]
    abbreviated: bool


def _phrases() -> tuple[Phrase, ...]:
    out = [Phrase(s, tuple(singular(w) for w in p.split()), False)
           for s, ps in SECTION_PHRASES.items() for p in ps]
    out += [Phrase(s, (a,), True) for s, abbrs in SECTION_ABBREVIATIONS.items() for a in abbrs]
    return tuple(sorted(out, key=lambda p: -len(p.words)))  # longest first: "other issue of concern" wins


PHRASES = _phrases()
_PHRASE_WORDS = frozenset(w for p in PHRASES for w in p.words)
FUZZY_MIN = 86.0  # rapidfuzz ratio at which an OCR'd phrase is the phrase
FUZZY_MIN_LENGTH = 9  # characters: shorter phrases (abbreviations) must be exact
OCR_LOOKALIKES = str.maketrans("l1|!", "iiii")  # a first letter OCR often misreads


def phrase_at(tokens: list[Token], i: int, fuzzy: bool = False) -> tuple[Phrase, int, float] | None:
    """Given tokens and a position, return (phrase, tokens used, score) of the section phrase starting there."""
    for phrase in PHRASES:
        n = len(phrase.words)
        got = tuple(t.word for t in tokens[i:i + n])
        if got == phrase.words:
            return phrase, n, 1.0
    if not fuzzy:
        return None
    for phrase in PHRASES:  # an abbreviation OCR read with a look-alike letter: "Afl 9" is "AFI 9"
        if phrase.abbreviated and i < len(tokens) and tokens[i].word.translate(OCR_LOOKALIKES) == \
                phrase.words[0].translate(OCR_LOOKALIKES):
            return phrase, 1, 0.9
    from rapidfuzz import fuzz

    best: tuple[Phrase, int, float] | None = None
    for phrase in PHRASES:
        target = " ".join(phrase.words)
        if phrase.abbreviated or len(target) < FUZZY_MIN_LENGTH:
            continue
        n = len(phrase.words)
        # As printed, or with the spaces OCR drops from capitals ("CAUSEOFCONCERN 1") in one or two tokens.
        tries = [(n, " ".join(t.word for t in tokens[i:i + n]), target)] if i + n <= len(tokens) else []
        tries += [(k, "".join(t.word for t in tokens[i:i + k]), target.replace(" ", "")) for k in (1, 2)
                  if k < n and i + k <= len(tokens)]
        for used, got, wanted in tries:
            score = fuzz.ratio(got, wanted)
            if score >= FUZZY_MIN and got[:1].translate(OCR_LOOKALIKES) == wanted[:1] and \
                    (best is None or score / 100 > best[2]):
                best = (phrase, used, score / 100)
    return best


def letter_prefix_at(tokens: list[Token], i: int) -> tuple[str, str, int] | None:
    """"R1" / "R 1" / "R.1": (section, number, tokens used) for a lone letter glued to a number."""
    t = tokens[i]
    m = re.fullmatch(r"([a-z])(\d{1,3})", t.word)
    if m and m.group(1) in LETTER_PREFIXES:
        return LETTER_PREFIXES[m.group(1)], m.group(2), 1
    if t.word in LETTER_PREFIXES and i + 1 < len(tokens) and tokens[i + 1].word.isdigit() and \
            tokens[i + 1].start - t.end <= 2:
        return LETTER_PREFIXES[t.word], tokens[i + 1].word, 2
    return None


def is_plural(tokens: list[Token]) -> bool:
    """Whether a matched name is printed as a plural ("Areas for improvement", "AFIs", "Cause(s) of concern")."""
    return any(re.sub(r"[.']", "", t.raw.lower()) != t.word for t in tokens if not t.word.isdigit())


def strip_numbering(text: str) -> str:
    """Leading numbering of a title: "2.", "B)", "iv -", "Section 3:", "Part B", "Annex 1 –"."""
    out = NUMBERING.sub("", text, count=1)
    return out if out.strip() else text


def _number_after(tokens: list[Token], j: int, text: str) -> tuple[str, int]:
    """A number printed right after a section name ("Recommendation 3", "AFI 12", "Cause of concern 2.1")."""
    if j < len(tokens):
        m = re.fullmatch(r"(?:no|number)?(\d{1,3}(?:\.\d{1,2})?)\.?", tokens[j].word)
        if m and not text[tokens[j - 1].end:tokens[j].start].strip(" #"):
            return m.group(1), j + 1
        if tokens[j].word in ("no", "number") and j + 1 < len(tokens) and tokens[j + 1].word.rstrip(".").isdigit():
            return tokens[j + 1].word.rstrip("."), j + 2
    return "", j


def _split_rest(text: str, after: int) -> tuple[str, str]:
    """Given the text and where the name (and number) end, return (separator, what follows it)."""
    rest = text[after:]
    m = re.match(r"\s*([:–—|.]|-(?=\s)|\s-\s)?\s*", rest)
    sep = (m.group(1) or "").strip() if m else ""
    return sep, rest[m.end():] if m else rest


def _theme_of(rest: str) -> str:
    """The theme in what follows a title's name: "– Efficiency", ": Leadership", "(in response to ...)"."""
    theme = rest.strip().strip("–—-:|/ ").strip()
    if theme.startswith(("(", "[")) and theme.endswith((")", "]")):
        theme = theme[1:-1].strip()
    return theme.rstrip(".:;, ").strip()


def _scan_head(text: str, fuzzy: bool, allow_qualifiers: bool) -> tuple[list[Token], int, Phrase, int, float] | None:
    """Find the section name at the head of ``text``: (tokens, start, phrase, length, score) or None."""
    tokens = tokens_of(text)
    for i, t in enumerate(tokens):
        hit = phrase_at(tokens, i, fuzzy)
        if hit is not None:
            return tokens, i, hit[0], hit[1], hit[2]
        if not allow_qualifiers or t.word not in QUALIFIERS or i >= 4:
            return None
    return None


GLUED_NUMBER = re.compile(r"(?i)\b([a-z]{4,})(\d{1,2})\b")  # OCR drops the space: "Recommendation1"
LEADING_GLUED_NUMBER = re.compile(r"(?i)^([a-z]{2,3})(\d{1,2})\b")  # an abbreviation opening a label: "AFI3"


def unglue(text: str, fuzzy: bool) -> str:
    """For OCR'd text (``fuzzy``), a number glued to the word before it is set apart ("Recommendation1"), and to
    a short word opening the text, as an abbreviated label's is ("AFI3:")."""
    return LEADING_GLUED_NUMBER.sub(r"\1 \2", GLUED_NUMBER.sub(r"\1 \2", text)) if fuzzy else text


def match_title(text: str, fuzzy: bool = False) -> SectionMatch | None:
    """Given a whole short line, return the section it titles, or None.

    A title names a section at its head, perhaps after numbering ("2.", "Section 3:") and qualifiers
    ("HMICFRS", "Other", "Summary of"), perhaps followed by a number and a theme after a dash,
    colon or bracket, or by a few words that do not make a sentence ("identified by HMICFRS").
    Prose that merely mentions a section ("We have identified five areas for improvement") is not one.
    """
    flat = unglue(fold(text).strip(), fuzzy)
    if not flat or len(flat.split()) > MAX_TITLE_WORDS:
        return None
    body = strip_numbering(flat)
    found = _scan_head(body, fuzzy, allow_qualifiers=True)
    if found is None:
        return _letter_title(body) or _theme_first_title(body, fuzzy)
    tokens, i, phrase, n, score = found
    number, j = _number_after(tokens, i + n, body)
    after = tokens[j - 1].end
    sep, rest = _split_rest(body, after)
    theme, others = "", ()
    if sep or rest.lstrip().startswith(("(", "[")):
        theme = _theme_of(rest)
        words = {t.word for t in tokens_of(theme)}
        if (sections_named(theme) == [phrase.section] and len(words) <= 4) or words <= NOT_THEMES:
            theme = ""  # "Areas for improvement (AFIs)", "(continued)": not a theme
    elif rest.strip():
        words = [t.word for t in tokens_of(rest)]
        if re.match(r"\s*(?:and|&|/|or)\s", rest + " ", re.I):  # "Areas for improvement and recommendations"
            others = tuple(dict.fromkeys(s for s in sections_named(rest) if s != phrase.section))
        phrase_after = bool(words) and words[0] in PREPOSITIONS  # "... to the force in response to the cause ..."
        if phrase_after and len(words) > MAX_QUALIFIER_WORDS and re.search(r"[,;]\s+\S", rest):
            return None  # a long phrase whose clauses go on after a comma is a sentence ("recommendation made in our
            # 2017 report on crime data integrity, which ..."), not a heading
        if not others and ((len(words) > MAX_QUALIFIER_WORDS and not phrase_after) or PROSE_WORDS.intersection(words)
                           or body.rstrip().endswith((",", ";"))):
            return None
    plural = is_plural(tokens[i:i + n]) and not number
    head = body[tokens[i].start:tokens[i + n - 1].end]
    return SectionMatch(phrase.section, head=head, number=number, theme=theme, plural=plural,
                        abbreviated=phrase.abbreviated, others=others, score=score, separator=sep)


THEME_FIRST = re.compile(r"^(?P<theme>[^:–—|]{2,60}?)\s*(?::|\s[–—-]\s|\s\|\s)\s*(?P<title>\S.*)$")
MAX_THEME_FIRST_WORDS = 5


def _theme_first_title(body: str, fuzzy: bool) -> SectionMatch | None:
    """A title whose theme comes first: "Legitimacy: Areas for improvement", "Efficiency – AFIs"."""
    m = THEME_FIRST.match(body)
    if m is None:
        return None
    theme = m.group("theme").strip()
    words = [t.word for t in tokens_of(theme)]
    if not words or len(words) > MAX_THEME_FIRST_WORDS or PROSE_WORDS.intersection(words) or sections_named(theme) \
            or re.match(r"(?i)(?:pages?|pp?|pg)\b\.?\s*\d", theme):
        return None
    found = match_title(m.group("title"), fuzzy)
    if found is None or found.theme or found.number or found.others:
        return None
    return SectionMatch(found.section, head=found.head, theme=theme, plural=found.plural,
                        abbreviated=found.abbreviated, score=found.score, separator=body[m.end("theme"):
                                                                                         m.start("title")].strip())


def _letter_title(body: str) -> SectionMatch | None:
    """A title that is only a lettered ref prefix ("R1", "R 2:"), as a label may be."""
    tokens = tokens_of(body)
    if not tokens:
        return None
    hit = letter_prefix_at(tokens, 0)
    if hit is None:
        return None
    section, number, n = hit
    sep, rest = _split_rest(body, tokens[n - 1].end)
    if rest.strip():
        return None
    return SectionMatch(section, head=body[:tokens[n - 1].end], number=number, abbreviated=True, separator=sep)


def match_label(text: str, fuzzy: bool = False) -> SectionMatch | None:
    """Given the start of a paragraph, return the label it opens with, or None.

    A label names a section at the very start (after numbering) and is marked off from the finding
    by a number and/or a separator: "Area for improvement 2: The force should ...",
    "Recommendation 1 – By March 2025, chief constables should ...", "AFI 3. The force ...",
    "R4: ...". The finding's text is ``rest``. A bare title ("Areas for improvement") also matches,
    with an empty ``rest``.
    """
    flat = unglue(fold(text).strip(), fuzzy)
    if not flat:
        return None
    body = strip_numbering(flat)
    tokens = tokens_of(body)
    if not tokens:
        return None
    letter = letter_prefix_at(tokens, 0)
    if letter is not None:
        section, number, n = letter
        sep, rest = _split_rest(body, tokens[n - 1].end)
        return SectionMatch(section, head=body[:tokens[n - 1].end], number=number, rest=rest.strip(),
                            abbreviated=True, separator=sep)
    found = _scan_head(body, fuzzy, allow_qualifiers=False)
    if found is None:
        return None
    tokens, i, phrase, n, score = found
    number, j = _number_after(tokens, i + n, body)
    sep, rest = _split_rest(body, tokens[j - 1].end)
    rest = rest.strip()
    if rest and not (number or sep in (":", "–", "—", "-", "|", ".")):
        return None  # "Recommendations should be ...": prose that starts with the word
    if rest and sep == "." and not number and not phrase.abbreviated:
        return None  # "Recommendations. The ..." is a title run into a sentence only with a number
    plural = is_plural(tokens[i:i + n]) and not number
    return SectionMatch(phrase.section, head=body[tokens[i].start:tokens[i + n - 1].end], number=number,
                        rest=rest, plural=plural, abbreviated=phrase.abbreviated, score=score, separator=sep)


def sections_named(text: str, fuzzy: bool = False) -> list[str]:
    """Given any text (a header cell, a title), return every section it names, in order, once each."""
    tokens = tokens_of(fold(text))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        hit = phrase_at(tokens, i, fuzzy)
        if hit is not None:
            if hit[0].section not in out:
                out.append(hit[0].section)
            i += hit[1]
        else:
            i += 1
    return out


def section_of_title(text: str, fuzzy: bool = False) -> str | None:
    """Given a short line, return the canonical section it titles, or None (see ``match_title``)."""
    m = match_title(text, fuzzy)
    return m.section if m is not None and not m.others else None


def section_of_cell(text: str, fuzzy: bool = False) -> str | None:
    """Given a Type cell ("AFI", "Recommendation") or a ref ("AFI 3", "Rec 2", "R1", "CoC1"), return its section.

    The section must be named at the start of the cell; a cell naming two ("AFI / Rec") names none.
    """
    flat = fold(text).strip().strip(":.-–")
    if not flat:
        return None
    if fuzzy:
        flat = ocr_label(flat)  # "10C 1" is "IOC 1"
    flat = re.sub(r"(?i)^([a-z]{2,6})[.\-]?(?=\d)", r"\1 ", flat)  # "AFI3", "CfC.1", "CoC-1" -> "AFI 3", ...
    tokens = tokens_of(flat)
    if not tokens:
        return None
    letter = letter_prefix_at(tokens, 0)
    if letter is not None:
        return letter[0]
    if len(tokens) == 1 and tokens[0].word in LETTER_PREFIXES:
        return LETTER_PREFIXES[tokens[0].word]  # a Type cell that is the letter alone ("R")
    hit = phrase_at(tokens, 0, fuzzy)
    if hit is None:
        words = [t.word for t in tokens]
        if words[0] in CELL_WORDS and (len(words) == 1 or (len(words) == 2 and words[1].isdigit())):
            return CELL_WORDS[words[0]]  # "Issue", "Issue 3"
        return None
    named = sections_named(flat, fuzzy)
    return hit[0].section if len(named) == 1 else None


# A word that names a section only as a whole Type cell or as a ref's label ("Issue", "Issue 3"); in a title or a
# header it is just a word.
CELL_WORDS: dict[str, str] = {"issue": ISSUES_OF_CONCERN}
REF_PLAIN = re.compile(r"^\W*(\d{1,3})(?:\.\d{1,2})?\W*$")
REF_LABELLED = re.compile(r"^\W*([^\W\d_][^\d]{0,40}?)[\s.:#-]*(?:no\.?\s*)?(\d{1,3})(?:\.\d{1,2})?\W*$", re.I)
MAX_REF_LABEL = 5  # letters: a short label before a ref's number ("AFI", "IoC", "Item") need not be a section name


DIGIT_LOOKALIKES = str.maketrans("0152", "OISZ")  # what OCR reads for O, I, S, Z inside a word
OCR_LABELLED_REF = re.compile(r"^(\W*)([0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*)(\W+\d{1,3}\W*)$")
OCR_GLUED_REF = re.compile(r"^(\W*)([0-9A-Za-z]*[A-Za-z])(\d{1,3}\W*)$")  # no mark before the number: "I0C2"


def ocr_label(text: str) -> str:
    """A ref whose label OCR read with digits for letters ("10C 1", "AF1 3", "I0C2") with the label's letters
    restored; the number after it (after the label's last letter when no mark parts them) is left alone."""
    glued = OCR_GLUED_REF.match(text)
    if glued and (letter := glued_label_letter(glued.group(2), glued.group(3))):
        return glued.group(1) + letter + glued.group(3)[1:]
    m = OCR_LABELLED_REF.match(text) or glued
    if not m or not any(ch.isdigit() for ch in m.group(2)) or not any(ch.isalpha() for ch in m.group(2)):
        return text
    return m.group(1) + m.group(2).translate(DIGIT_LOOKALIKES) + m.group(3)


def glued_label_letter(label: str, number: str) -> str | None:
    """The label with its last letter restored when OCR read that letter as the "1" opening the number glued to it
    ("Af12" for "AfI2"): the label alone names no section and with an "I" it does; a lone "1" stays the number."""
    if not (number.startswith("1") and number[1:2].isdigit()) or section_of_cell(label) is not None:
        return None
    restored = label.translate(DIGIT_LOOKALIKES) + "I"
    return restored if section_of_cell(restored) is not None else None


def ref_cell_number(text: str) -> int | None:
    """Given a ref cell, return the number it gives the row, or None when it is not a ref.

    A ref is a number ("12", "12.", "(3)", "4)"), perhaps after a label: a section name or abbreviation
    the vocabulary knows ("AFI 3", "Recommendation 2", "CoC-1", "R1") or a short word ("Item 4", "Issue 3").
    """
    flat = ocr_label(fold(text).strip())
    m = REF_PLAIN.match(flat)
    if m:
        return int(m.group(1))
    m = REF_LABELLED.match(flat)
    if m is None:
        return None
    label = m.group(1).strip()
    if re.fullmatch(r"(?i)pages?|pp?|pg|para(?:graph)?", label.rstrip(". ")):
        return None  # a page reference, not a ref
    if (len(label) <= MAX_REF_LABEL and label.replace(".", "").isalpha()) or section_of_cell(flat) is not None:
        return int(m.group(2))
    return None


MAX_BROKEN_LINES = 7  # a narrow cell's lines tried joined with and without a space (2**6 readings at most)
HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")  # a line ending in a hyphen glued to a letter: a word hyphenated there


def capitals_go_on(line: str, nxt: str) -> bool:
    """Whether a line hyphenated in capitals goes on in capitals on the next ("CON-" / "CERN"): a word set in
    capitals, hyphenated as a lower-case word is before a lower-case line; the next line may end hyphenated itself
    (a word broken twice: "IM-" / "PROVE-" / "MENT")."""
    word = line.split()[-1].rstrip("-–") if line.split() else ""
    after = nxt.split()[0].rstrip("-–") if nxt.split() else ""
    return len(word) > 1 and word.isalpha() and word.isupper() and after.isalpha() and after.isupper()


def unbroken_readings(text: str) -> list[str]:
    """A narrow cell's text read with each line break either a space or nothing, the spaced reading first.

    A narrow column breaks words anywhere ("Caus" / "e of" / "co" / "ncern", "PAG" / "E NO."), or hyphenates
    them ("Improve-" / "ment"); the one reading the vocabulary knows is the text as printed.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    lines = [line[:-1] if HYPHEN_BREAK.search(line) and (nxt[:1].islower() or capitals_go_on(line, nxt)) else line
             for line, nxt in zip(lines, [*lines[1:], ""][:len(lines)], strict=True)]  # "Improve-", "CON-" / "CERN"
    if len(lines) < 2 or len(lines) > MAX_BROKEN_LINES:
        return [" ".join(" ".join(lines).split())]
    out = []
    for joins in itertools.product((" ", ""), repeat=len(lines) - 1):
        out.append(lines[0] + "".join(j + line for j, line in zip(joins, lines[1:], strict=True)))
    return sorted(out, key=lambda r: (-known_words(r), fragments(r), -len(r.split())))  # spaced reading first


# The words annex column names and section names are made of: a reading made of more of them is the one printed.
LABEL_WORDS = _word_set(
    "type category section finding kind classification theme pillar strand question core area business portfolio "
    "page pages pg pp paragraph para date deadline timescale due target status rag rating progress owner lead "
    "responsible accountable officer holder action actions taken update response comments assurance force position "
    "measures activity evidence ref reference no number num item id issue concern recommendation improvement afi "
    "description details detail text cause report open closed chief hmicfrs hmic for of to by")


def known_words(text: str) -> int:
    """How many of a reading's words are words that column and section names are made of."""
    return sum(1 for t in tokens_of(fold(text)) if t.word in LABEL_WORDS or t.word in _PHRASE_WORDS)


SHORT_WORDS = frozenset(["a", "i", "of", "no", "to", "by", "on", "in", "or", "at", "is", "it", "we", "id"])


def fragments(text: str) -> int:
    """How many pieces of broken words a reading holds: letter runs of one or two that are not words."""
    return sum(1 for w in re.findall(r"[^\W\d_]+", text) if len(w) <= 2 and w.lower() not in SHORT_WORDS)


def section_of_cell_unbroken(text: str, fuzzy: bool = False) -> str | None:
    """``section_of_cell`` of a cell a narrow column may have broken mid-word."""
    for reading in unbroken_readings(text):
        section = section_of_cell(reading, fuzzy)
        if section is not None:
            return section
    return None


def role_of_label(text: str) -> tuple[str, str | None]:
    """A header label's text as one line (mid-word breaks mended when that makes it a label, words OCR ran together
    split again: "IssueofConcern") and its role."""
    reading, role = _reading_and_role(text)
    clean = without_specks(text)
    if clean != text:  # marks a scan read off a rule or a speck are no part of a label: the label without them wins
        clean_reading, clean_role = _reading_and_role(clean)  # where it names another role ("FINDING TYPE Ni") with
        if clean_role is not None and clean_role != role and (  # as many known words (not "FINDING" / "TYP" / "E")
                role is None or known_words(clean_reading) >= known_words(reading)):
            return clean_reading, clean_role
    return reading, role


def _reading_and_role(text: str) -> tuple[str, str | None]:
    readings = unbroken_readings(text)
    for reading in [*readings, *(separated(r) for r in readings), *(completed(r) for r in readings)]:
        role = role_of_header_cell(reading)
        if role is not None:
            return reading, role
    return readings[0], None


CUT_LETTERS = 2  # letters of a label's last word a scan may lose: a narrow column's last line ("NUMBE" / "R")
CUT_MIN = 5  # ... when at least this many letters of the word are left (fewer begin too many words: "them")


def completed(reading: str) -> str:
    """A label whose last word a narrow column broke and whose short last line ("R" of "NUMBE" / "R", "S" of
    "STATU" / "S") the scan lost: the word ended as the one column-name word it begins (of any length), when it lacks a
    letter or two.
    The reading as is when no one word fits."""
    m = re.search(r"([^\W\d_]+)(\W*)$", reading)
    if m is None or len(m.group(1)) < CUT_MIN:
        return reading
    cut = m.group(1)
    ends = {w[len(cut):] for w in LABEL_WORDS if w.startswith(cut.lower()) and len(w) > len(cut)}
    if len(ends) != 1 or len(end := ends.pop()) > CUT_LETTERS:
        return reading  # "Respon" begins "response" and "responsible": a label of two lines, not one cut short
    return reading[:m.start(1)] + cut + (end.upper() if cut.isupper() else end) + m.group(2)


STRAY_MARKS = "[]|¦{}"  # marks a scan's OCR reads off a rule or a speck at a label's edge
EDGE_MARKS = "'’‘\"“”`-–—~"  # marks a scan's OCR reads off a speck at a label word's edge ("FINDING’", "-FINDING")


def without_specks(text: str) -> str:
    """A label's lines without marks read off a rule at their ends ("[TYPE OF") or a speck at a word's edge
    ("FINDING’", "-FINDING"), and without a last line of one or two letters that no label is made of: a scan's OCR
    reads a speck under a label as "Ni" ("FINDING" / "TYPE" / "Ni").
    A word a narrow column broke ("Numbe" / "r") reads as a label only with its end, so callers try the text as
    printed when this names no role."""
    lines = [line.strip().strip(STRAY_MARKS).rstrip("._") for line in text.splitlines()]  # "[TYPE OF", "PG_"
    lines = [" ".join(word.strip(EDGE_MARKS) or word for word in line.split()) for line in lines]
    lines = [line for line in lines if line.strip()]
    while len(lines) > 1 and re.fullmatch(r"[^\W\d_]{1,2}", lines[-1].strip()) and \
            lines[-1].strip().lower() not in LABEL_WORDS:
        lines.pop()
    return "\n".join(lines)


def separated(text: str) -> str:
    """Words OCR ran together split again where the column- and section-name words make them up ("IssueofConcern"
    -> "Issue of Concern", "AFIref" -> "AFI ref"); other words are left alone."""
    return " ".join(" ".join(glued_words(w)) for w in text.split())


@functools.lru_cache(maxsize=4096)
def glued_words(word: str) -> tuple[str, ...]:
    """A word as printed, cut where column- and section-name words make up its letters ("NUMBERREPORT" -> "NUMBER",
    "REPORT"; "refRecommendation" -> "ref", "Recommendation"), the fewest pieces that do; marks at its ends stay on
    the end pieces ("PAGENO." -> "PAGE", "NO."), so the pieces joined are the word. The word alone when no such cut
    makes it up."""
    m = re.fullmatch(r"(\W*)(\w+?)(\W*)", word)  # the stop of "PAGENO." is no letter: split the letters only
    if m is None:
        return (word,)
    if m.group(1) or m.group(3):
        pieces = glued_words(m.group(2))
        return (m.group(1) + pieces[0], *pieces[1:-1], pieces[-1] + m.group(3)) if len(pieces) > 1 else (word,)
    letters = word.lower()
    if not letters.isalpha() or len(letters) < 5:
        return (word,)
    vocabulary = {w for w in LABEL_WORDS | _PHRASE_WORDS if w.isalpha()} | {"s"}  # "Issues": plural s
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 15), end):
            piece = letters[start:end]
            if best[start] is not None and piece in vocabulary and (piece != "s" or start > 0):
                candidate = [*best[start], piece]  # type: ignore[misc]
                if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = candidate
    parts = best[-1]
    if not parts or len(parts) < 2:
        return (word,)
    out: list[str] = []
    at = 0
    for piece in parts:
        printed = word[at:at + len(piece)]
        at += len(piece)
        if piece == "s":
            out[-1] += printed  # a plural's s stays on its word
        else:
            out.append(printed)
    return tuple(out)


def section_named_by_header(issue_header: str) -> str | None:
    """Given the issue column's header, return the one section it names, if exactly one (words a scan's OCR ran
    together read apart: "CAUSESOF CONCERN")."""
    named = sections_named(issue_header) or sections_named(separated(issue_header))
    return named[0] if len(named) == 1 else None


# --- annex columns --------------------------------------------------------------------------------

ROLES = ("section", "ref", "page_ref", "issue", "action", "theme")
# Column roles that carry the template's content; the others (owner, date, status) are known so that a
# header row naming them is recognised as a header, and their cells are not mistaken for findings.
EXTRA_ROLES = ("owner", "date", "status")


@dataclass(frozen=True)
class ColumnName:
    role: str
    pattern: re.Pattern[str]


def _column(role: str, pattern: str) -> ColumnName:
    return ColumnName(role, re.compile(pattern, re.I))


# Order matters: "Page Ref" is the page column, not the ref column; "Action taken to address concern" is
# the action column, not the issue column; "Rec No." is a ref column, "Recommendation" an issue column.
COLUMN_NAMES: tuple[ColumnName, ...] = (
    _column("section", r"^\s*(type|category|section|finding\s+type|type\s+of\s+finding|kind|classification)\s*$"),
    _column("theme", r"^\s*(theme|pillar|strand|question|core\s+question|area\s+of\s+business|portfolio)\s*$"),
    _column("page_ref", r"\bpages?\b|\bpg\.?s?\b|\bpp\b|^\s*p\.?\s*(ref|no\.?)?\s*$|\bparagraph\b|\bpara\b"),
    _column("date", r"\bdate\b|\bdeadline\b|\btimescales?\b|\bdue\b|\bby\s+when\b|\btarget\b"),
    _column("status", r"\bstatus\b|^\s*rag\b|\brag\s+rating\b|\bprogress\s+rating\b|\brating\b"),
    _column("owner", r"\bowner\b|\blead\b|\bresponsible\b|\baccountable\b|\bofficer\b|\bportfolio\s+holder\b"),
    _column("action", r"\baction|\bupdate\b|\bresponse\b|\bprogress\b|\bcomments?\b|\bassurance\b"
                      r"|\bforce\s+position\b|\bmeasures?\b|\bactivity\b|\bevidence\b"),
    _column("ref", r"\bref(erence)?\.?\b|^\s*(?:[a-z]{1,15}\.?\s+)?(no\.?|nos?\.|number|num|#|item|id)\s*$|^\s*#\s*$"),
    _column("issue", r"\bissues?\b|\bconcerns?\b|\brecommendations?\b|\bareas?\s+(for|of)\s+improvement\b|\bafis?\b"
                     r"|\bfindings?\b|\bdescription\b|\bdetails?\b|\btext\b|\bcauses?\s+(of|for)\s+concern"),
)


PAGE_FOLIO = re.compile(r"^\s*(?:(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—])\s*$", re.I)
"""A line that is only a page's number: "7", "Page 3 of 9", "- 3 -" (never row text)."""
SENTENCE_PART = re.compile(r"[a-z]{5,}[)\]\"'’”]*\.[)\]\"'’”]*\s*$|;")  # "record.", "inspection).", "‘none’."


def reads_as_sentence(text: str) -> bool:
    """Whether a short cell ends a sentence (a full stop after a word, closing brackets or quotes allowed, not an
    abbreviation's "No.") or holds a semicolon: body text that happens to sit where a label could, never a column
    label or a label's tail."""
    return bool(SENTENCE_PART.search(text))


def role_of_header_cell(text: str) -> str | None:
    """Given a header cell's text, return the column role it names, or None."""
    flat = " ".join(fold(text).split())
    if not flat or len(flat) > 60:
        return None
    for column in COLUMN_NAMES:
        if column.pattern.search(flat):
            return column.role
    return None


def map_header(cells: list[str]) -> dict[str, int] | None:
    """Given a row's cells, return {role: column index} when the row is an annex header, else None.

    A header needs an issue-like column, and a ref or page column, and at least three named columns;
    extra columns (owner, date, RAG status) count towards the three but are not returned.
    """
    roles: dict[str, int] = {}
    named = 0
    for i, cell in enumerate(cells):
        role = role_of_header_cell(cell or "")
        if role:
            named += 1
        if role and role not in roles:
            roles[role] = i
    if "issue" in roles and ("ref" in roles or "page_ref" in roles) and named >= 3:
        return {r: i for r, i in roles.items() if r in ROLES}
    return None


def header_score(cells: list[str]) -> int:
    """Given a row's cells, return how many distinct roles they name (a junk/repeated-header detector)."""
    return len({r for r in (role_of_header_cell(c or "") for c in cells) if r})


# --- addressees -----------------------------------------------------------------------------------

# Who a recommendation is addressed to, each once with the ways reports print it (folded, singular, without
# "all"/"the"). The key is how the Addressee column writes it.
ADDRESSEES: dict[str, tuple[str, ...]] = {
    "chief constables": ("chief constable", "chief officer", "chief officer of police", "chief constable of police"),
    "forces": ("forces", "police forces", "police force in england and wales", "forces in england and wales",
               "territorial police forces", "home office forces", "constabularies", "police services"),
    "the Home Office": ("home office", "home secretary", "secretary of state for the home department"),
    "the College of Policing": ("college of policing", "college"),
    "the NPCC": ("npcc", "national police chiefs council", "national police chiefs' council",
                 "national police chief council"),
    "police and crime commissioners": ("police and crime commissioner", "pcc", "local policing body",
                                       "police, fire and crime commissioner", "mayor's office for policing and crime"),
    "the National Crime Agency": ("national crime agency", "nca"),
    "the Crown Prosecution Service": ("crown prosecution service", "cps"),
    "the Ministry of Justice": ("ministry of justice", "moj"),
}
ALL_FORCES = ("forces", "chief constables")  # addressees that include every force
THIS_FORCE = re.compile(r"(?i)^(?:the\s+)?(?:force|constabulary|police\s+service)$")
FORCE_NAME = re.compile(r"(?i)\b(?:police|constabulary|police\s+service(?:\s+of\s+\w+(?:\s+\w+)?)?)$")
ADDRESSEE_LEAD = re.compile(r"(?i)^(?:all|every|each|the|both|individual|any)\s+")


def _addressee_key(text: str) -> str:
    """Folded, singular, without a leading "all"/"every"/"the": the form addressees are compared in."""
    flat = fold(text).lower().strip(" ,.;:")
    while ADDRESSEE_LEAD.match(flat):
        flat = ADDRESSEE_LEAD.sub("", flat, count=1)
    return " ".join(singular(w) for w in re.findall(r"[\w']+", flat.replace("’", "'")))


def _addressee_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, spellings in ADDRESSEES.items():
        for spelling in (name, *spellings):
            keys[_addressee_key(spelling)] = name
    return keys


ADDRESSEE_KEYS = _addressee_keys()


def canonical_addressee(subject: str, force: str = "") -> str:
    """Given who an obligation names ("All chief constables", "The NPCC lead for economic crime", "the force"),
    return it as the Addressee column writes it ("chief constables", "the NPCC", ``force`` or "the force").

    A body the vocabulary knows is named its one way, also when printed with a role ("the NPCC lead for …"); a
    force's own name is kept as printed; "the force" is the report's force when known, and so is any other subject
    of a force's report ("Detainees should be offered …" asks the force to act).
    """
    flat = fold(subject).strip(" ,.;:")
    if not flat:
        return ""
    if THIS_FORCE.match(flat) or re.match(r"(?i)^the\s+(?:force|constabulary)\b(?!')", flat):
        return force or "the force"  # "the force", "the force and the health care provider"
    key = _addressee_key(flat)
    if key in ADDRESSEE_KEYS:
        return ADDRESSEE_KEYS[key]
    words = key.split()
    for n in range(len(words) - 1, 0, -1):  # "npcc lead for economic crime" -> "npcc"
        if " ".join(words[:n]) in ADDRESSEE_KEYS:
            return ADDRESSEE_KEYS[" ".join(words[:n])]
    if force and _addressee_key(force).replace(" ", "") == key.replace(" ", ""):  # also as OCR glues it
        return force
    if force and not is_force_name(flat):  # in a force's report, "Detainees should …" is the force's to act on
        return force
    return re.sub(r"^The\s", "the ", flat)


def is_force_name(text: str, force: str = "") -> bool:
    """Whether ``text`` names one police force (its own name, or the report's force)."""
    return bool(FORCE_NAME.search(fold(text).strip())) or (bool(force) and _addressee_key(text) ==
                                                          _addressee_key(force))


def addressed_to(addressee: str, wanted: str, force: str = "") -> bool:
    """Whether a row addressed to ``addressee`` is addressed to ``wanted`` (case, plural and "all"/"the" ignored).

    ``wanted`` may be a body ("chief constables" keeps "chief constables" and "all chief constables") or a force's
    name: a force is addressed by its own name and by every recommendation to all forces ("forces", "chief
    constables"), which is what its police and crime commissioner must answer.
    """
    if not addressee or not wanted:
        return False
    have, want = _addressee_key(canonical_addressee(addressee, force)), _addressee_key(canonical_addressee(wanted))
    if have == want:
        return True
    return is_force_name(wanted, force) and canonical_addressee(addressee, force) in ALL_FORCES
