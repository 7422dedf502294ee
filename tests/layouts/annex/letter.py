"""The covering letter that comes before an annex: prose full of the words the annex's headings use.

Real PCC responses open with one to three pages of letter ("I welcome the report … the report makes two
recommendations …"), sometimes numbered paragraphs and a small grades table. None of it is annex content,
so none of it is gold: it is there to be ignored.
"""

from __future__ import annotations

import random

from .content import Content

GRADES = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")
QUESTIONS = (
    "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
    "How effective is the force at investigating crime and reducing re-offending?",
    "How effective is the force at protecting those who are vulnerable from harm, and supporting victims?",
    "How efficient is the force at keeping people safe and reducing crime?",
    "How legitimate is the force at keeping people safe and reducing crime?",
)

PARAGRAPHS = (
    "On {published}, HMICFRS published its report “{report}”. I have read the report and discussed it with the "
    "Chief Constable, and I set out below my response under section 55 of the Police Act 1996.",
    "The report makes {n_rec} recommendation{s_rec} and identifies {n_afi} area{s_afi} for improvement. I welcome "
    "the recognition of the progress the force has made, but I share the Inspectorate’s concerns.",
    "I have asked the Chief Constable to provide me with an update on each recommendation, and on each area for "
    "improvement, at my quarterly performance and accountability meeting. Progress will be published on my website.",
    "In particular, the cause of concern about the force’s response to vulnerable people is a matter I take very "
    "seriously. Recommendation 1 asks the force to act within three months; the force has told me that it will "
    "meet this timescale and I will hold it to account for doing so.",
    "The Chief Constable’s response is attached at Annex A. It lists each issue of concern and each area for "
    "improvement, the page of the report on which it appears, and the action the force has taken or will take.",
    "I have also written to the Joint Audit Committee, which will review the force’s action plan at its next meeting. "
    "The committee’s terms of reference (paragraph 4.2) require it to seek assurance that HMICFRS recommendations "
    "are implemented.",
    "Since the inspection the force has appointed a new Assistant Chief Constable with responsibility for "
    "public protection, and has invested £1.2m in additional investigators. I expect to see the benefit of this "
    "investment in the next PEEL inspection.",
    "I note that the Inspectorate graded the force as ‘requires improvement’ for effectiveness. Page 12 of the report "
    "explains that this is because of the backlog of unallocated incidents, which is addressed in the annex.",
    "Recommendation 2 (page 14 of the report) is addressed to all forces as well as to {force}. I have asked the "
    "Chief Constable to confirm how the force will work with the national lead on this.",
    "Area for improvement 3 – the force’s use of ancillary orders – has been picked up by the Public Protection "
    "Board, which reports to me every quarter. I am satisfied that the force understands what is required.",
    "The areas for improvement relating to legitimacy are, in my view, the most important for public confidence. "
    "I will ask the Police and Crime Panel to consider them at its meeting in the autumn.",
    "HMICFRS has identified a cause of concern in relation to the force’s management of registered sex offenders. "
    "I have been assured that additional investment has been approved, and I will monitor the position closely.",
    "My office has reviewed the report against the Police and Crime Plan. Three of the issues of concern relate "
    "directly to my priority of protecting vulnerable people, and I have asked for monthly updates on each.",
    "The force has already completed 4 of the actions set out in the annex. The remainder have owners and target "
    "dates, and their progress will be reported through the force’s HMICFRS tracker.",
    "I would like to thank the Inspectorate for a thorough and constructive inspection, and the officers and staff "
    "of {force} for their continued commitment to the people of {area}.",
    "A copy of this response has been sent to the Home Secretary, as required by section 55(5) of the Police Act "
    "1996, and will be published on my website within 56 days of the report.",
    "Findings 1 to 3 in the table below are, in the force’s view, already complete; I have asked for evidence "
    "before I agree that they can be closed.",
    "Some of the recommendations will take longer to implement than the Inspectorate’s timescales allow. Where "
    "this is the case, the annex explains why, and sets out the interim measures the force has put in place.",
)
NUMBERED = (
    "Review the recommendation on crime recording and report progress to the Police and Crime Panel.",
    "Publish this response, with the force’s action plan, within 56 days of the report.",
    "Ask the force to confirm which areas for improvement have been completed since the inspection.",
    "Meet the Chief Constable monthly until the cause of concern has been discharged.",
)


def letter_paragraphs(content: Content, pages: int, rng: random.Random, numbered: bool) -> list[str]:
    """About ``pages`` pages of covering letter (≈ 9 paragraphs a page), optionally with numbered points."""
    n_rec, n_afi = content.count("Recommendations"), content.count("Areas for improvement")
    facts = dict(content.meta, n_rec=n_rec or "no", s_rec="" if n_rec == 1 else "s", n_afi=n_afi or "no",
                 s_afi="" if n_afi == 1 else "s")
    out = ["Dear Sir Andy,", f"Re: {content.meta['report']}"]
    pool = list(PARAGRAPHS)
    target = 9 * pages
    while len(out) < target:
        rng.shuffle(pool)
        out.extend(p.format(**facts) for p in pool)
    out = out[:target]
    if numbered:
        at = min(len(out), 6)
        out[at:at] = ["I will therefore:"] + [f"{i}. {t}" for i, t in enumerate(NUMBERED, start=1)]
    out += ["Yours sincerely,", content.meta["pcc_name"], content.meta["pcc"]]
    return out


def grades_table(rng: random.Random) -> list[tuple[str, str]]:
    """A small question/grade table like the summary tables letters carry (not an annex)."""
    k = rng.randint(2, 4)
    return [("Question", "Grade")] + [(q, rng.choice(GRADES)) for q in QUESTIONS[:k]]


LONG_UPDATE = (
    "The force accepted this finding in full and the Deputy Chief Constable is the chief officer lead. A working "
    "group met for the first time on 4 June and has agreed terms of reference, a project plan and a set of "
    "measures that will be reported to the Force Performance Board every month.",
    "Progress to date: a review of the current process has been completed by the Continuous Improvement team; "
    "the review made 11 recommendations, of which 7 have been implemented. Staff briefings have been delivered to "
    "all response teams and an intranet page has been published.",
    "Next steps: the revised policy will be submitted to the Chief Officer Team for approval in September, "
    "followed by training for all supervisors (approximately 240 staff) between October and December. A dip sample "
    "of 100 records will be carried out in January to test compliance, with the results reported to the PCC.",
    "Risks: the timescale depends on the recruitment of two analysts; if these posts are not filled by the end of "
    "the quarter the completion date will move to the next financial year. The RAG status remains amber until the "
    "audit has been completed.",
)


def long_update(rng: random.Random) -> str:
    """A multi-paragraph update long enough to make its row span most of a page."""
    k = rng.randint(3, 4)
    return "\n".join(LONG_UPDATE[:k])
