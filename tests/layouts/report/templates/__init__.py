"""One template per era/type of report; :func:`build_document` picks the one a content set needs."""

from __future__ import annotations

from ..content import Content
from ..doc import Document
from ..draw import Draw
from .base import ReportTemplate, Statement
from .cdi import CrimeDataIntegrityTemplate
from .child_protection import ChildProtectionTemplate
from .joint import JointCustodyTemplate
from .peel_2014 import Peel2014Template
from .peel_2018 import Peel2018Template
from .peel_2021 import Peel2021Template, Peel2023Template
from .thematic import ThematicTemplate

TEMPLATES: dict[str, type[ReportTemplate]] = {
    "peel-2014-17": Peel2014Template,
    "peel-2018-19": Peel2018Template,
    "peel-2021-22": Peel2021Template,
    "peel-2023-25": Peel2023Template,
    "thematic": ThematicTemplate,
    "joint-custody": JointCustodyTemplate,
    "child-protection": ChildProtectionTemplate,
    "crime-data-integrity": CrimeDataIntegrityTemplate,
}


def build_document(content: Content, draw: Draw) -> tuple[Document, list[Statement]]:
    """Return the blocks of the report and its finding statements in document order."""
    return TEMPLATES[content.type](content, draw).build()


__all__ = ["TEMPLATES", "Statement", "build_document"]
