"""How scanned pages are OCR-ed: one frozen settings object handed down from the extractor to every worker.

The defaults are measurements, not guesses (bench/RESULTS.md, section 6): detection needs the letters
about 9 px tall, not the 200 dpi render's 17-19 px, so the page is shrunk for it by the measured letter
height; recognition reads lines narrowed to 80 % as well as at full width: every sample gives the same rows
(at 75 % the northvale scan's "AFI 7" became "AF17"; at 50 % whole words go).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from .base import DEFAULT_ENGINE, OcrUnavailable

ENGINE_VARIABLE = "HMIC_OCR_ENGINE"  # lets a user pick the engine without a CLI option
REC_MODEL_VARIABLE = "HMIC_OCR_REC_MODEL"  # RapidOCR's recognition model: "float" (the wheel's) or "int8" (faster)
REC_MODELS = ("float", "int8")


@dataclass(frozen=True)
class OcrSettings:
    """OCR settings: the engine, its threads, how hard to try a failing page, and the measured image scales."""

    engine: str = DEFAULT_ENGINE
    threads: int = 1  # onnxruntime threads per worker; parallelism comes from workers (measured: more costs CPU)
    retries: int = 1  # fresh-engine attempts after a page fails, before the other engine is tried
    fallback: bool = True  # try the other installed engine on a page the chosen one cannot read
    det_letter_px: float = 9.0  # letter height (px) wanted in the image text detection runs on
    det_scale_range: tuple[float, float] = (0.25, 1.0)  # bounds on that shrink
    # detection in overlapping bands of at most this many pixels: a band is the worker's memory peak (at 1 million
    # a landscape scan peaked at 533-558 MB, at 650,000 every bench scan at most 484 MB; bench/RESULTS.md section 6)
    det_max_pixels: int = 650_000
    rec_squeeze: float = 0.8  # width factor applied to each text line before recognition (cost is linear in width)
    rec_batch: int = 1  # lines per recognition call: as fast per line as 6, and a sixth of the memory
    join_gap: float = 0.5  # pieces of one recognised token further apart than this share of the line's height
    # are two words: a ref read onto the word before it across a column gutter ("identifies2")
    # a white run inside one recognised word at least this many of the page's letter heights wide (specks and stops
    # left out) parts two words the engine ran together across a column gutter ("mendashould"); a word space is less
    glued_gap: float = 1.2
    rec_min_width: int = 64  # px at the model's 48 px height: RapidOCR pads every line to 320 (a lone "7" too)
    margin_share: float = 0.1  # share of page height at top and foot where a lone page number is looked for
    margin_blocks: int = 8  # inked blocks read on their own per margin band, at most (noise costs nothing more)
    missed_limit: int = 40  # inked blocks no word covers, read on their own per page, at most (the inkiest)
    missed_heights: tuple[float, float] = (0.6, 2.5)  # such a block's height, in the page's letter heights
    missed_score: float = 0.8  # a block's reading below this is a speck or a rule's stub, not print
    # share of a block's ink that words read may cover and the rest still count as missed: a line detection passed
    # over whose raised footnote mark it read ("…them.²"), measured by the ink left once the mark is taken out
    missed_covered: float = 0.2
    # a recognised line's inked stretch that no read word covers, at least this share of the line's height wide, is
    # print the model has no letters for (Arabic, Urdu or Kurdish words in an English cell): it is kept as an unread
    # word (UNREAD, confidence 0) so its row is flagged for review, not silently shortened
    unread_width: float = 0.5
    unread_bridge: float = 0.3  # ... its pieces closer than this share of the line's height are one stretch
    # RapidOCR recognition: the wheel's float model, or the int8 copy shipped here: 1.3x less CPU a page but
    # other misreadings (2 rows fewer over 16 bench scans, bench/RESULTS.md section 6), so opt-in for now
    rec_model: str = "float"
    # the recognition model's classifier cut to the characters an English report can print (no wide, East Asian
    # ones): 23 % less recognition CPU, the same text on every line measured, confidences up by at most 0.003
    rec_narrow_only: bool = True
    cells: bool = False  # read table cells' lines without detection: 6-13 % less CPU but 77/78 rows on notts
    # page images (level, rules erased) the planner keeps for the OCR workers, at most, in bytes: a worker given one
    # need not render, deskew and grid the page again (0.16-0.30 CPU s a page); 200 MB is about 50 A4 pages at 200 dpi
    plan_image_bytes: int = 200_000_000
    plugins: tuple[str, ...] = ()  # modules each worker imports first (they may ``register_engine`` more engines)

    def __post_init__(self) -> None:
        if self.threads < 0 or self.retries < 0:
            raise ValueError("threads and retries must be 0 or more")
        if self.rec_min_width < 16:
            raise ValueError(f"rec_min_width must be 16 px or more, not {self.rec_min_width}")
        if not 0.3 <= self.rec_squeeze <= 1.0:
            raise ValueError(f"rec_squeeze must lie in 0.3..1.0, not {self.rec_squeeze}")
        if self.rec_model not in REC_MODELS:
            raise ValueError(f"rec_model must be one of {', '.join(REC_MODELS)}, not {self.rec_model!r}")
        low, high = self.det_scale_range
        if not 0 < low <= high <= 1.0:
            raise ValueError(f"det_scale_range must satisfy 0 < low <= high <= 1, not {self.det_scale_range}")

    def with_engine(self, engine: str) -> OcrSettings:
        return replace(self, engine=engine)

    def det_scale(self, letter_px: float | None) -> float:
        """Given a page's measured letter height (None: unknown), return the shrink for text detection."""
        low, high = self.det_scale_range
        if not letter_px:
            return min(high, max(low, 0.5))
        return min(high, max(low, self.det_letter_px / letter_px))


def settings_from(engine: str | None = None, threads: int | None = None) -> OcrSettings:
    """Return the settings for a run: ``engine`` or HMIC_OCR_ENGINE or the default; ``threads`` when given;
    the recognition model from HMIC_OCR_REC_MODEL (default float). A bad variable is an OcrUnavailable."""
    chosen = engine or os.environ.get(ENGINE_VARIABLE) or DEFAULT_ENGINE
    rec_model = os.environ.get(REC_MODEL_VARIABLE) or OcrSettings.rec_model
    if rec_model not in REC_MODELS:
        raise OcrUnavailable(f"{REC_MODEL_VARIABLE}={rec_model!r} is not a recognition model: use "
                             f"{' or '.join(REC_MODELS)}")
    settings = OcrSettings(engine=chosen, rec_model=rec_model)
    return settings if threads is None else replace(settings, threads=threads)
