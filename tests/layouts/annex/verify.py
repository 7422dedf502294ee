"""Self-check of a rendered annex: is every gold row's text really on the page (not clipped or lost)?

This checks the generator, not the tool: a producer that clips a cell (a row taller than the page, a
spreadsheet row too short) would otherwise ship gold that the PDF does not contain.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

WORD = re.compile(r"[a-z0-9£%]+")


def _text_on_page(page) -> str:
    """The page's text with characters placed outside the page box blanked (clipped, never seen)."""
    w, h = page.get_size()
    textpage = page.get_textpage()
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # surrogate pairs: cannot map boxes to characters, keep it all
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch.isspace():
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        if right < 0 or left > w or top < 0 or bottom > h:
            chars[i] = " "
    return "".join(chars)


def page_words(pdf: bytes) -> tuple[Counter, str]:
    """Words printed inside the page boxes (hyphenated line ends counted both joined and split), and all
    the letters run together (pdfium breaks a line inside a word at ligatures or at wraps inside words)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    words: Counter = Counter()
    squashed: list[str] = []
    try:
        for page in doc:
            text = unicodedata.normalize("NFKC", _text_on_page(page)).lower()  # ligatures (ﬁ, ﬀ) as letters
            text = text.replace("\u00ad", "-").replace("\ufffe", "-").replace("\x02", "-")
            words.update(WORD.findall(text))
            words.update(WORD.findall(re.sub(r"-\s*[\r\n]+\s*", "", text)))
            squashed.append("".join(WORD.findall(text)))
    finally:
        doc.close()
    return words, "|".join(squashed)


def missing_rows(pdf: bytes, rows: list[dict], share: float = 0.9) -> list[str]:
    """Gold rows whose words are not (mostly) on the page, or whose last words are gone (clipped)."""
    words_found, squashed = page_words(pdf)
    found = {w: bool(words_found[w]) or w in squashed for row in rows for w in WORD.findall(row["issue"].lower())}
    out = []
    for row in rows:
        if row.get("rtl"):
            continue
        words = [w for w in WORD.findall(row["issue"].lower()) if len(w) > 2]
        if not words:
            continue
        have = sum(1 for w in words if found[w])
        tail_ok = any(found[w] for w in words[-3:])
        if have / len(words) < share or not tail_ok:
            out.append(f"{row['section']} {row['ref']}: {have}/{len(words)} words on the page")
    return out
