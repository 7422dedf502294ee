"""Printed page numbers: the margin number stepping by one with the page, whatever else the footer holds."""

from __future__ import annotations

import pytest

from hmic_extract.extract.findings.lines import Line
from hmic_extract.extract.findings.page_numbers import find_progressions, printed_page_numbers
from hmic_extract.extract.findings.settings import ReportSettings

SETTINGS = ReportSettings(body_size=10.5)
HEIGHT = 842.0


def line(text: str, page: int, top: float, x0: float = 62, size: float = 8.0) -> Line:
    return Line(text=text, page=page, top=top, bottom=top + size, x0=x0, x1=x0 + 5 * len(text), size=size,
                bold=False)


def printed(pages: dict[int, list[Line]], count: int, labels: list[str] | None = None) -> list[str]:
    progressions = find_progressions(pages, {i: HEIGHT for i in pages}, SETTINGS)
    return printed_page_numbers(count, *progressions, labels or [])


def body(page: int) -> Line:
    return line("The force should make sure that it records equality data.", page, 300, size=10.5)


def test_numbers_in_footers_that_hold_a_title_year_or_cycle_are_read():
    for footer in ("PEEL 2023–25 {n}", "{n} | PEEL 2021/22", "Page {n} of 40", "© HMICFRS 2024   {n}",
                   "Nobody’s priority: a spotlight report 2023 {n}"):
        pages = {i: [body(i), line(footer.format(n=i + 3), i, 805)] for i in range(1, 6)}
        assert printed(pages, 6)[1:] == ["4", "5", "6", "7", "8"], footer


def test_a_cover_without_a_number_and_roman_front_matter_do_not_shift_the_body():
    pages = {0: [body(0)], 1: [body(1), line("i", 1, 805)], 2: [body(2), line("ii", 2, 805)],
             3: [body(3)], 4: [body(4), line("2", 4, 805)], 5: [body(5), line("3", 5, 805)]}
    assert printed(pages, 6) == ["", "i", "ii", "1", "2", "3"]


def test_a_label_at_the_top_of_a_page_is_not_a_page_number():
    pages = {i: [line(f"Area for improvement {i}", i, 70, size=11)] for i in range(1, 7)}
    for i in range(1, 5):
        pages[i].append(line(f"Report title {i + 1}", i, 30))
    pages[2].append(line("Recommendation 1", 2, 72, x0=309, size=11))
    assert printed(pages, 7)[1:] == ["2", "3", "4", "5", "6", "7"]


def test_two_pages_scanned_from_far_apart_keep_their_own_numbers():
    pages = {0: [body(0), line("PEEL 2016 7", 0, 805)], 1: [body(1), line("PEEL 2016 10", 1, 805)]}
    assert printed(pages, 2) == ["7", "10"]


def test_page_labels_are_the_fallback_when_no_page_prints_a_number():
    pages = {i: [body(i)] for i in range(3)}
    assert printed(pages, 3, ["Cover", "i", "1"]) == ["Cover", "i", "1"]


def test_numbers_offset_from_the_pdf_index_are_read_as_printed():
    pages = {i: [body(i), line(f"PEEL 2018/19 {i + 40}", i, 805)] for i in range(6)}
    assert printed(pages, 6) == [str(i + 40) for i in range(6)]


def test_a_number_in_a_running_head_at_the_top_is_read_and_the_heads_other_digits_are_not():
    for head in ("{n} Nobody's priority 2023", "State of Policing 2024 – part 2 | {n}", "2021/22 {n}"):
        pages = {i: [line(head.format(n=i + 9), i, 30), body(i)] for i in range(1, 6)}
        assert printed(pages, 6)[1:] == [str(i + 9) for i in range(1, 6)], head


@pytest.mark.parametrize("x0", [62, 290, 520])
def test_the_number_is_read_wherever_it_sits_across_the_foot(x0):
    pages = {i: [body(i), line(f"{i + 1}", i, 805, x0=x0)] for i in range(5)}
    assert printed(pages, 5) == ["1", "2", "3", "4", "5"]


def test_a_number_in_the_body_stepping_by_one_is_not_a_page_number():
    pages = {i: [line(f"Recommendation {i + 1}", i, 400, size=10.5), body(i)] for i in range(5)}
    assert printed(pages, 5, ["a", "b", "c", "d", "e"]) == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize("head", ["Westshire Police – PEEL 201 8/19", "PEEL 2023– 25", "PEEL 2021/ 22"])
def test_a_cycle_ocr_split_at_a_space_gives_no_page_number_on_a_short_scan(head):
    pages = {0: [body(0)], 1: [line(head, 1, 30), body(1)]}
    assert printed(pages, 2) == ["", ""]


@pytest.mark.parametrize("footer", ["Westshire Police {n} 11–22 September 2017", "Westshire Police – {n}",
                                    "{n} 3–14 May 2024"])
def test_a_page_number_beside_a_date_range_or_after_a_dash_is_read(footer):
    pages = {i: [body(i), line(footer.format(n=i), i, 805)] for i in range(1, 6)}
    assert printed(pages, 6)[1:] == ["1", "2", "3", "4", "5"], footer


def test_a_tie_between_two_places_is_broken_the_same_way_whatever_the_hash_seed():
    """Two margin places with equal evidence: the choice must not follow a set's hash-seeded order (a scan's page
    refs changed from run to run)."""
    import subprocess
    import sys

    script = ("from hmic_extract.extract.findings.page_numbers import Candidate, best_progression\n"
              "c = [Candidate(1, 2, False, ('top', 'first'), 1), Candidate(2, 1, False, ('top', 'glued-1'), 2),\n"
              "     Candidate(3, 9, False, ('top', 'glued-2'), 3), Candidate(4, 3, False, ('top', 'glued-3'), 4)]\n"
              "print(best_progression(c, roman=False, min_support=1))\n")
    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(8)}
    assert len(seen) == 1, seen


def test_a_cycle_in_a_scans_running_head_is_not_a_page_number_glued_to_it():
    # OCR of a two-page scan: the running head "… PEEL 2023-25" on top, the footer "… PEEL 2023-25" with its page
    # number 7 glued on ("2023-257"); the cycle's "25" gave page 5.
    ocr = ReportSettings(body_size=10.5, weightless=True)
    pages = {0: [body(0)], 1: [line("Fennmarsh Police - PEEL 2023-25", 1, 27), body(1),
                               line("Fennmarsh Police - PEEL 2023-257", 1, 798)]}
    found = printed_page_numbers(2, *find_progressions(pages, {i: HEIGHT for i in pages}, ocr), [])
    assert found[1] == "7"


def test_a_number_inside_a_footnotes_sentence_is_not_the_page_number_of_a_short_report():
    # Only the third page prints its number ("6" in the header); a footnote at its foot says "Data are for 1 April
    # 2023 to …": the "1" (closer to the page index) was read as the page number.
    pages = {0: [body(0)], 1: [body(1)],
             2: [body(2), line("6", 2, 30.5), line("Calderwick Constabulary – PEEL 2023–25", 2, 30.9, x0=391),
                 line("Data are for 1 April 2023 to 31 March 2024 and have not been verified.", 2, 782, size=7)]}
    assert printed(pages, 3, ["Cover", "i", "1"])[2] == "6"


def test_the_small_numbers_of_footnotes_at_a_pages_foot_are_not_page_numbers():
    # Only the third page prints its number ("6" in the header); the notes at its foot set their numbers ("3" …
    # "6") small, as lines of their own: "3", the closest to the page index, was read as the page number.
    notes = [line(str(n), 2, 762.8 + 9.1 * k, size=5.2) for k, n in enumerate(range(3, 7))]
    texts = [line("Policing Vision 2025, National Police Chiefs' Council.", 2, 763.8 + 9.1 * k, x0=69.4, size=7)
             for k in range(4)]
    for note in notes:
        note.x1 = 65.3
    pages = {0: [body(0)], 1: [body(1)],
             2: [body(2), line("6", 2, 30.5), line("Calderwick Constabulary – PEEL 2023–25", 2, 30.9, x0=391),
                 *notes, *texts]}
    assert printed(pages, 3, ["Cover", "i", "1"])[2] == "6"


def test_a_number_inside_prose_in_the_top_margin_is_not_a_page_number():
    """A short document prints its number once ("Page 25 of 25"); a count in a sentence that reaches up into the
    margin zone ("In 16 the child ...") stands neither first nor last in its line and is no candidate, however
    close its value is to the page index."""
    pages = {0: [body(0)], 1: [body(1)],
             2: [line("Page 25 of 25", 2, 30, x0=270),
                 line("We examined 40 cases. In 16 the child had not been seen", 2, 60, size=9), body(2)]}
    assert printed(pages, 3, ["Cover", "i", "25"])[2] == "25"


def test_a_misread_page_number_that_would_run_backwards_on_a_short_scan_gives_way_to_the_numbers_around_it():
    """A scanner's OCR read the lone "1" at a page's foot as "14": one page's number that runs backwards against the
    next page's ("14", "2") is a misreading, not a second run of numbering (a run that restarts lower shows on more
    pages than one)."""
    pages = {0: [body(0)],
             1: [body(1), line("Fennmarsh Police: PEEL: Police efficiency 2015", 1, 805), line("14", 1, 812, 520)],
             2: [body(2), line("Fennmarsh Police: PEEL: Police efficiency 2015 2", 2, 805)]}
    assert printed(pages, 3) == ["", "1", "2"]


def test_a_lone_letter_inside_a_letter_spaced_running_head_is_no_roman_page_number():
    """A scan's text layer spaces a running head's letters out ("P o l ic e"): the lone "l" inside it is no roman
    numeral; a roman page number opens or closes its line."""
    head = "Fennm ar sh P o l ic e : P EE L: P ol ic e ef fic ienc y 2015"
    pages = {0: [body(0)], 1: [body(1), line(head, 1, 801)], 2: [body(2), line(head, 2, 801), line("2", 2, 809, 520)]}
    assert printed(pages, 3) == ["", "1", "2"]


def test_one_pages_year_read_twice_is_no_run_of_two_pages():
    # A three-page scan whose only numbered page has "… inspection 2017 60" and "© HMIC 2017" in its footer (a cover
    # and a blank page before it): the year opened one line mid-way and the other at its edge, and the two readings
    # of one page counted as two pages agreeing, so every row got "Page 2017".
    pages = {0: [line("Ashbourne Vale Police crime data integrity inspection", 0, 200, size=20)], 1: [],
             2: [body(2), line("Ashbourne Vale Police crime data integrity inspection 2017 60", 2, 800),
                 line("© HMIC 2017", 2, 807, x0=488)]}
    assert printed(pages, 3)[2] == "60"


def test_a_page_number_mid_line_where_two_running_head_parts_touch_is_read():
    # The series title (left) and the report title with its number (outer side) set on one baseline with no gap
    # between them read as one line, the number at its end on an odd page and mid-line on an even one; no other
    # place numbers the pages (every row got the PDF's page).
    series = "Westshire Police – Crime data integrity 2017"
    title = "Westshire Police crime data integrity inspection 2017"
    pages = {i: [body(i)] for i in range(4)}
    pages[4] = [line(f"{series} {title} 1", 4, 30), body(4)]
    pages[5] = [line(f"{title} 2 {series}", 5, 30), body(5)]
    assert printed(pages, 6)[4:] == ["1", "2"]


def test_counts_mid_line_in_prose_at_different_heights_are_no_page_numbers():
    pages = {i: [body(i)] for i in range(4)}
    # counts stepping by one mid-line, in prose reaching into the top margin zone at two heights: no running head
    pages[2].append(line("Of the 40 cases, 3 were late and 9 were lost.", 2, 40, size=10.5))
    pages[3].append(line("Of the 12 teams, 4 were short and 7 had left.", 3, 66, size=10.5))
    assert printed(pages, 4, ["a", "b", "c", "d"]) == ["a", "b", "c", "d"]
