"""Segments: which blocks under a label state its findings (lists under lead-ins, numbered paragraphs)."""

from __future__ import annotations

from hmic_extract.extract.findings import lines_to_findings
from hmic_extract.extract.findings.lines import words_to_lines
from hmic_extract.model import AREAS_FOR_IMPROVEMENT, CAUSES_OF_CONCERN, RECOMMENDATIONS

PAGE = (595.0, 842.0)


def line(text: str, x0: float, top: float, size: float = 9.0, font: str = "Vera") -> list[dict]:
    out, x = [], x0
    for w in text.split():
        width = 0.5 * size * len(w)
        out.append({"text": w, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size,
                    "fontname": font})
        x += width + 0.28 * size
    return out


def numbered(number: str, text: str, top: float) -> list[dict]:
    return line(number, 62, top) + line(text, 80, top)


def test_a_numbered_paragraph_after_a_lead_ins_bullets_ends_its_list():
    # "2.5 The force should:" / "○ collect and analyse …" / "2.6 We were told …": the next numbered paragraph
    # is the lead-in's sibling, not one of its bullets (it became a recommendation).
    page = [*line("Cause of concern and recommendation", 62, 100, font="Vera-Bold"),
            *numbered("2.4", "The force did not have effective arrangements to monitor the use of force.", 118),
            *numbered("2.5", "The force should:", 140),
            *line("○", 62, 158), *line("collect and analyse data on the use of force in custody.", 75, 158),
            *numbered("2.6", "We were told that the force has recently restructured its teams.", 180),
            *line("Areas for improvement", 62, 210, font="Vera-Bold"),
            *numbered("2.7", "The force should work with local authorities on appropriate adults.", 228)]
    lines = {0: words_to_lines(page, 0, [])}
    found, _ = lines_to_findings(lines, {0: PAGE}, 1, [], "report.pdf")
    by_section = {}
    for f in found:
        by_section.setdefault(f.section, []).append(f.issue.split()[:2])
    assert by_section == {CAUSES_OF_CONCERN: [["The", "force"]], RECOMMENDATIONS: [["collect", "and"]],
                          AREAS_FOR_IMPROVEMENT: [["The", "force"]]}


def test_lettered_bullets_under_a_numbered_lead_in_stay_its_bullets_until_the_next_number():
    page = [*line("Recommendations", 62, 100, font="Vera-Bold"),
            *numbered("3.1", "By March 2024, the force should:", 118),
            *line("(a)", 70, 136), *line("review how it records crime;", 90, 136),
            *line("(b)", 70, 154), *line("train its staff.", 90, 154),
            *numbered("3.2", "We found that some crimes were not recorded.", 176)]
    found, _ = lines_to_findings({0: words_to_lines(page, 0, [])}, {0: PAGE}, 1, [], "report.pdf")
    assert [f.issue.split()[0] for f in found] == ["review", "train"]


def test_the_page_before_a_page_with_findings_words_is_read_too():
    # The glossary heading sat alone on a page with no findings word; its entry "Issue of concern: a matter
    # that HMIC considers the force should address" opened the next page and, read without the heading,
    # became a recommendation.
    from hmic_extract.extract.findings import pages_worth_reading

    texts = ["Contents", "Foreword", "Glossary\nDemand: the work the police do", "Issue of concern: a matter …", "End"]
    assert pages_worth_reading(texts) == [2, 3, 4]


def test_sub_bullets_of_a_lead_in_item_go_on_past_a_page_break():
    # "• Within six months the force should put in place arrangements to ensure that:" with dash bullets under it,
    # the list broken by a page (or column) break: the dashes on the next page are still its bullets, one
    # recommendation (each had become a recommendation of its own).
    first = [*line("Recommendations", 62, 100, font="Vera-Bold"),
             *line("•", 64, 118), *line("Within three months, the force should review its crime recording.", 78, 118),
             *line("•", 64, 136), *line("Within six months the force should put in place arrangements to", 78, 136),
             *line("ensure that:", 78, 148),
             *line("–", 78, 166), *line("its crime recording policy is understood by all staff;", 92, 166)]
    second = [*line("–", 78, 70), *line("reports of crime are recorded within 24 hours; and", 92, 70),
              *line("–", 78, 88), *line("the results of audits are used to improve practice.", 92, 88),
              *line("•", 64, 106), *line("Within six months, the force should establish a training programme.", 78,
                                         106)]
    assert_second_of_three_keeps_its_bullets(first, second)


def test_sub_bullets_of_a_lead_in_item_all_on_the_next_page_are_still_its_bullets():
    # "▪ Within six months the force should put in place arrangements to ensure that:" ends a page and its bullets,
    # marked "•", all open the next: with no bullet taken before the break to compare with, each became a
    # recommendation of its own and the statement a recommendation cut at its colon.
    first = [*line("Recommendations", 62, 100, font="Vera-Bold"),
             *line("▪", 64, 118), *line("Within three months, the force should review its crime recording.", 78, 118),
             *line("▪", 64, 136), *line("Within six months the force should put in place arrangements to ensure",
                                        78, 136),
             *line("that:", 78, 148)]
    second = [*line("•", 78, 70), *line("its crime recording policy is understood by all staff;", 92, 70),
              *line("•", 78, 88), *line("the results of audits are used to improve practice.", 92, 88),
              *line("▪", 64, 106), *line("Within six months, the force should establish a training programme.", 78,
                                         106)]
    assert_second_of_three_keeps_its_bullets(first, second)


def test_the_next_numbered_recommendation_opening_the_next_page_is_not_a_bullet_of_the_one_before():
    # "(2) Within six months the force should … ensure that:" with its "•" bullets ends a page; "(3) Within six
    # months, … should establish a training programme" opens the next: numbered alike, it is the next recommendation
    # (a number differs from the one before it, as a nested bullet's glyph does, but in the same style).
    first = [*line("Recommendations", 62, 100, font="Vera-Bold"),
             *line("(1)", 64, 118), *line("Within three months, the force should review its crime recording.", 86, 118),
             *line("(2)", 64, 136), *line("Within six months the force should put in place arrangements to ensure",
                                          86, 136),
             *line("that:", 86, 148),
             *line("•", 78, 166), *line("its crime recording policy is understood by all staff; and", 92, 166),
             *line("•", 78, 184), *line("the results of audits are used to improve practice.", 92, 184)]
    second = [*line("(3)", 64, 70), *line("Within six months, the force should establish a training programme.", 86,
                                          70)]
    assert_second_of_three_keeps_its_bullets(first, second)


def assert_second_of_three_keeps_its_bullets(first, second):
    """Two pages of a list of three recommendations whose second's bullets run on to the second page: three
    findings, the second ending with its last bullet."""
    pages = {0: words_to_lines(first, 0, []), 1: words_to_lines(second, 1, [])}
    found, _ = lines_to_findings(pages, {0: PAGE, 1: PAGE}, 2, [], "report.pdf")
    assert [f.issue.split()[:3] for f in found] == [["Within", "three", "months,"], ["Within", "six", "months"],
                                                    ["Within", "six", "months,"]]
    assert found[1].issue.endswith("improve practice.")
