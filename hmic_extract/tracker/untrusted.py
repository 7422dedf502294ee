"""Open a workbook that came back from someone else without letting it take the machine down.

A returned copy is an untrusted file: an .xlsx is a zip of XML, and a 1.5 MB copy can inflate to
gigabytes (a decompression bomb) or define XML entities that expand without end. Every member is
inflated here in chunks against a byte budget before openpyxl sees it, so the bound holds whatever
sizes the zip's headers claim; the XML is parsed by defusedxml (openpyxl switches to it when it is
installed), which refuses entity declarations.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hmic_extract.errors import UnreadableInput

if TYPE_CHECKING:
    from openpyxl import Workbook

CHUNK = 1 << 20


@dataclass(frozen=True)
class WorkbookLimits:
    """How much an untrusted workbook may hold once inflated (a template of 1,000 rows is about 1 MB)."""

    max_inflated_bytes: int = 64 << 20
    max_members: int = 2000


def inflate_bounded(path: Path, limits: WorkbookLimits) -> io.BytesIO:
    """Given an .xlsx path, return its members re-packed uncompressed in memory, within ``limits``.

    Raises UnreadableInput when the file is not a zip or inflates past the budget.
    """
    out = io.BytesIO()
    total = 0
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            members = src.infolist()
            if len(members) > limits.max_members:
                raise UnreadableInput(f"{path}: {len(members)} parts in the workbook (more than "
                                      f"{limits.max_members}); not a workbook written by hmic-extract")
            for info in members:
                if info.is_dir():
                    continue
                data = bytearray()
                with src.open(info) as fh:
                    while chunk := fh.read(CHUNK):
                        total += len(chunk)
                        if total > limits.max_inflated_bytes:
                            raise UnreadableInput(
                                f"{path}: the workbook inflates to more than {limits.max_inflated_bytes >> 20} MB "
                                f"(a decompression bomb?); not merged")
                        data.extend(chunk)
                dst.writestr(info.filename, bytes(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as err:
        raise UnreadableInput(f"{path}: not a readable .xlsx workbook ({err})") from err
    out.seek(0)
    return out


def load_untrusted_workbook(path: str | Path, limits: WorkbookLimits | None = None) -> Workbook:
    """Given a workbook from outside, return it loaded (values, not formulas), or raise UnreadableInput."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        data = inflate_bounded(path, limits or WorkbookLimits())
    except OSError as err:
        raise UnreadableInput(f"{path}: cannot read the workbook ({err.strerror or err})") from err
    try:
        return load_workbook(data, data_only=True)
    except (DefusedXmlException, OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError,
            TypeError) as err:
        cause = next((e for e in causes(err) if isinstance(e, DefusedXmlException)), None)
        if cause is not None:
            raise UnreadableInput(f"{path}: the workbook's XML declares entities ({type(cause).__name__}); "
                                  f"not a workbook written by hmic-extract") from err
        raise UnreadableInput(f"{path}: not a readable .xlsx workbook ({str(err).splitlines()[0]})") from err


def causes(err: BaseException) -> list[BaseException]:
    """The exception and the ones it was raised from (openpyxl wraps parser errors in its own)."""
    out: list[BaseException] = []
    while err is not None and err not in out:
        out.append(err)
        err = err.__cause__ or err.__context__  # type: ignore[assignment]
    return out
