"""What a finding's sentence says: who must act, by when, and whether it is a finding at all.

An area for improvement or a recommendation is an obligation: "[timescale,] [we recommend that]
ADDRESSEE [, working with X,] [timescale] should|must|needs to ACTION". Parsing that shape tells
three things the layout cannot:

- a *statement* (a finding in its own right) versus prose that mentions one ("In 2017 we
  recommended that the force should …", "We found that …");
- a *lead-in* ("To address this cause of concern, we recommend that the force immediately:",
  "Within three months, the force should:"), whose bullets are each a recommendation, versus a
  recommendation whose own bullets complete it ("… should put in place arrangements to ensure that:");
- the addressee and timescale as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "should"/"must" also glued to the word before it, as OCR reads "chief constablesshould".
MODAL = re.compile(r"(?i)(?:\b|(?<=[a-z]))(should|must)\b|\b(needs?\s+to|is\s+to|are\s+to|ought\s+to)\b")
RECOMMEND_THAT = re.compile(r"(?i)\b(?:recommends?|recommendation\s+is)\b(?:\s+that\b)?\s*,?")
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
NUMBER_WORDS = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)"
TIMESCALE = re.compile(  # spaces optional where OCR drops them ("By 31March2023", "Withinthree months")
    rf"(?i)^(?:(?:by|before|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}\s*)?"
    rf"(?:{MONTHS}\s*)?(?:\d{{4}}(?:/\d{{2}})?|{MONTHS})"
    rf"|within\s*(?:the\s+next\s+)?{NUMBER_WORDS}\s*(?:days?|weeks?|months?|years?)"
    rf"|with\s+immediate\s+effect|immediately|now|as\s+a\s+matter\s+of\s+(?:urgency|priority))\b,?\s*")
# First-person or past-tense wording before the modal: prose about a finding, not the finding.
PROSE_SUBJECT = re.compile(r"(?i)\b(?:we|our|i|us|they|it|said|says|found|recommended|identified|noted|"
                           r"reported|concluded|stated|was|were|had|has|have)\b")
FILLER_ACTION = re.compile(r"(?i)^(?:also|now|then|therefore|immediately|urgently|[,:;.]|\s)*$")
MAX_SUBJECT_WORDS = 14


@dataclass(frozen=True)
class Obligation:
    """The parts of an obligation sentence, as printed."""

    addressee: str  # "chief constables", "the Home Office", "Westshire Police", "the force"
    timescale: str  # "By 31 March 2024", "within six months", "immediately" (may be "")
    action: str  # what follows the modal ("" for a lead-in: "The force should:")
    recommends: bool  # opened by "we recommend that" / "HMICFRS recommends that"


def strip_timescale(text: str) -> tuple[str, str]:
    """Given text, return (timescale opening it, the rest)."""
    m = TIMESCALE.match(text.strip())
    if not m:
        return "", text.strip()
    return m.group(0).strip(" ,"), text.strip()[m.end():].strip(" ,")


def parse_obligation(text: str) -> Obligation | None:
    """Given a sentence, return its obligation parts, or None when it does not open with one."""
    flat = " ".join(text.split())
    modal = MODAL.search(flat)
    recommend = RECOMMEND_THAT.search(flat)
    if recommend and (modal is None or recommend.start() < modal.start()):
        head_time, head = strip_timescale(flat[:recommend.start()])  # "By May 2024, we recommend that …"
        tail = flat[recommend.end():]
        if PROSE_SUBJECT.search(re.sub(r"(?i)\b(?:we|hmicfrs|hmic|hmi)\s*$", "", head.strip(" ,")))  \
                or len(head.split()) > 8:
            return None
        modal = MODAL.search(tail)
        subject = tail[:modal.start()] if modal else tail.rstrip(":")
        action = tail[modal.end():] if modal else ""
        recommends = True
    elif modal:
        subject, action, recommends, head_time = flat[:modal.start()], flat[modal.end():], False, ""
    else:
        return None
    timescale, subject = strip_timescale(subject)
    timescale = timescale or head_time
    trailing = re.search(r"(?i),?\s*((?:by|within|before)\s.+|immediately|with immediate effect)\s*,?$", subject)
    if trailing and not timescale:
        timescale, subject = trailing.group(1).strip(" ,"), subject[:trailing.start()]
    if not subject.strip() or len(subject.split()) > MAX_SUBJECT_WORDS or PROSE_SUBJECT.search(subject) \
            or not (subject.strip()[:1].isupper() or subject.strip().lower().startswith(("the ", "all ", "each ",
                                                                                           "every ", "forces",
                                                                                           "chief "))):
        return None
    action_time, action = strip_timescale(action.strip(" ,"))
    return Obligation(addressee=subject.strip(" ,"), timescale=timescale or action_time,
                      action=action.strip(), recommends=recommends)


def addressee_of(subject: str) -> str:
    """The body that must act, from an obligation's subject: "the Home Office, working with the NPCC" ->
    "the Home Office"."""
    head = re.split(r",|\s+\(|\s+(?:working|together|in\s+conjunction|in\s+partnership)\s+with\b", subject)[0]
    return head.strip(" ,")


def is_lead_in(text: str) -> bool:
    """A sentence ending in ":" that names who must act (and when) but leaves the action to the bullets below it."""
    flat = " ".join(text.split())
    if not flat.endswith(":"):
        return False
    ob = parse_obligation(flat[:-1])
    if ob is not None:
        return bool(FILLER_ACTION.match(ob.action)) or (ob.recommends and not MODAL.search(flat))
    return bool(RECOMMEND_THAT.search(flat)) and len(flat[RECOMMEND_THAT.search(flat).end():].split()) <= 8


def is_statement(text: str) -> bool:
    """A sentence that makes a finding: an obligation with an action of its own (not a lead-in)."""
    ob = parse_obligation(text)
    return ob is not None and bool(ob.action) and not FILLER_ACTION.match(ob.action)


LIST_JOINER = re.compile(r"(?i)\s*(?:;\s*(?:and|or)|,\s*(?:and|or)|;|,)\s*$")


def drop_list_joiner(text: str) -> str:
    """A fragment's list punctuation is not its text: "review its response …; and" -> "review its response …"."""
    return LIST_JOINER.sub("", text.rstrip())


KEYWORDS = re.compile(r"(?i)improvement|concern|recommend")  # words a page holding findings prints
