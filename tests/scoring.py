"""The project's own comparison of a workbook with expected JSON (same rules as the shared scorer).

A user's clone has no ../shared, so tests use this; the shared scorer is an extra check.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from openpyxl import load_workbook

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SECTION_ALIASES = {"issue of concern": "issues of concern", "area for improvement": "areas for improvement",
                   "cause of concern": "causes of concern", "recommendation": "recommendations"}
NEEDED = {"section": "section", "report ref": "ref", "page ref": "page_ref", "issue of concern": "issue"}


def norm_text(s: object) -> str:
    text = "".join(ch for ch in str(s or "") if ch not in SUPERSCRIPTS)
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def norm_section(s: object) -> str:
    key = re.sub(r"\s+", " ", str(s or "")).strip().lower()
    return SECTION_ALIASES.get(key, key)


def pages_of(page_ref: object) -> frozenset[int]:
    text = re.sub(r"(?i)\b(figure|fig\.?|table|annex|para(graph)?|chapter)\s*\d+", " ", str(page_ref or ""))
    out = {int(n) for n in re.findall(r"\d+", text)}
    for a, b in re.findall(r"(\d+)\s*[-\u2013\u2014]\s*(\d+)", text):
        if int(a) < int(b) <= int(a) + 20:
            out.update(range(int(a), int(b) + 1))
    return frozenset(out)


def read_rows(xlsx: Path) -> list[dict]:
    ws = load_workbook(xlsx, read_only=True, data_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header_at = None
    for index, row in enumerate(rows[:50]):
        names = {re.sub(r"\s+", " ", str(c or "")).strip().lower(): j for j, c in enumerate(row)}
        if all(k in names for k in NEEDED):
            header_at, cols = index, {v: names[k] for k, v in NEEDED.items()}
            break
    if header_at is None:
        raise AssertionError(f"no header row in {xlsx}")
    out = []
    for row in rows[header_at + 1:]:
        m = re.search(r"\d+", str(row[cols["ref"]] if row[cols["ref"]] is not None else ""))
        if m:
            out.append({"section": norm_section(row[cols["section"]]), "ref": int(m.group()),
                        "pages": pages_of(row[cols["page_ref"]]), "issue": norm_text(row[cols["issue"]])})
    return out


def score(xlsx: Path, expected: Path | dict) -> dict:
    """Return {"row_accuracy", "correct", "problems", ...} for a workbook against expected rows."""
    gold = expected if isinstance(expected, dict) else json.loads(Path(expected).read_text(encoding="utf-8"))
    found = {(r["section"], r["ref"]): r for r in reversed(read_rows(xlsx))}
    correct, problems = 0, []
    for g in gold["rows"]:
        key = (norm_section(g["section"]), int(g["ref"]))
        r = found.get(key)
        if r is None:
            problems.append(f"missing {key}")
            continue
        sim = SequenceMatcher(None, r["issue"], norm_text(g["issue"]), autojunk=False).ratio()
        if r["pages"] == frozenset(g["pages"]) and sim >= 0.98:
            correct += 1
        else:
            problems.append(f"wrong {key}: pages {sorted(r['pages'])} vs {g['pages']}, sim {sim:.3f}")
    n = len(gold["rows"]) or 1
    return {"row_accuracy": round(correct / n, 4), "correct": correct, "gold_rows": len(gold["rows"]),
            "output_rows": len(found), "problems": problems}


def printed_page_misread(xlsx: Path, gold: dict) -> int:
    """Rows counted wrong only because the scorer reads a dotted paragraph number as a page.

    ``pages_of`` strips "para 3" but keeps ".7" of "Page 19 (para 3.7)", so a row whose page ref the tool
    copied as printed scores pages {19, 7} against the gold's {19}. Such a row is right when the tool's page ref
    reads exactly as the gold's printed page ref reads and its text matches: the scoring rule is unchanged, only
    its known misreading of the printed ref is not blamed on the tool.
    """
    found = {(r["section"], r["ref"]): r for r in reversed(read_rows(xlsx))}
    count = 0
    for g in gold["rows"]:
        scorer_pages = pages_of(g["page_ref"])
        if scorer_pages == frozenset(g["pages"]):
            continue
        r = found.get((norm_section(g["section"]), int(g["ref"])))
        if r and r["pages"] == scorer_pages and SequenceMatcher(
                None, r["issue"], norm_text(g["issue"]), autojunk=False).ratio() >= 0.98:
            count += 1
    return count
