"""Stream a multipart upload into the private folder, within the per-file and total size limits.

Starlette's own form parser spools files to the system's temporary folder and has no size limit for
files; here each file part goes straight to a server-named file in the app's private folder, counted
as it arrives. A file over the per-file limit is dropped (its part is read and discarded); a request
that would take the server past its total budget is cut off. The name a browser sends is kept only
for display (``display_name``); it never names a file.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

MAX_FIELDS = 20
MAX_FIELD_BYTES = 4096
MAX_FILES = 200
NAME_CHARS = 120
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


class UploadRefused(Exception):
    """The whole request is refused (HTTP ``status``); ``str(err)`` says why, for people."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Received:
    """One file part: its display name, where it was stored (server-named), its size, or why it was dropped."""

    field: str
    name: str
    path: Path | None
    size: int = 0
    refused: str = ""


@dataclass
class Upload:
    files: list[Received] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def display_name(raw: str, fallback: str = "upload.pdf") -> str:
    """Given the file name a browser sent, return a name safe to show and to offer as a download name.

    Folders are cut off (some browsers send them), control characters dropped, the length capped.
    """
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = UNPRINTABLE.sub("", name).strip().strip(".") or fallback
    if len(name) > NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: NAME_CHARS - len(suffix) - 2] + "…." + suffix) if dot and len(suffix) <= 8 else name[:NAME_CHARS]
    return name


def megabytes(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB" if n >= 1 << 20 else f"{n / 1024:.0f} KB"


class _Parser:
    """The python-multipart callbacks, writing file data to disk as it comes."""

    def __init__(self, folder: Path, max_file: int, budget: int, suffix: str) -> None:
        self.folder, self.max_file, self.budget, self.suffix = folder, max_file, budget, suffix
        self.upload = Upload()
        self.total = 0
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._current: Received | None = None
        self._field: tuple[str, bytearray] | None = None
        self._fh: BinaryIO | None = None

    def on_part_begin(self) -> None:
        self._disposition = b""
        self._current, self._field, self._fh = None, None, None

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        from python_multipart.multipart import parse_options_header

        _kind, options = parse_options_header(self._disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            if len(self.upload.files) >= MAX_FILES:
                raise UploadRefused(f"refused: more than {MAX_FILES} files in one upload", 413)
            path = self.folder / f"{secrets.token_hex(8)}{self.suffix}"
            self._current = Received(name, display_name(options[b"filename"].decode("utf-8", "replace")), path)
            self._fh = path.open("xb")
            self.upload.files.append(self._current)
        else:
            if len(self.upload.fields) >= MAX_FIELDS:
                raise UploadRefused("refused: too many form fields", 400)
            self._field = (name, bytearray())

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        self.total += len(chunk)
        if self.total > self.budget:
            raise UploadRefused(f"refused: the upload is over the server's limit of {megabytes(self.budget)} "
                                f"(start the server with a higher --max-total-mb if the files are genuine)", 413)
        if self._field is not None:
            self._field[1].extend(chunk)
            if len(self._field[1]) > MAX_FIELD_BYTES:
                raise UploadRefused("refused: a form field is too long", 400)
            return
        part = self._current
        if part is None or part.refused:
            return
        part.size += len(chunk)
        if part.size > self.max_file:
            part.refused = (f"{part.name}: {megabytes(part.size)} or more is over the limit of "
                            f"{megabytes(self.max_file)} per file (start the server with a higher "
                            f"--max-file-mb if the file is genuine)")
            self._close(delete=True)
            return
        assert self._fh is not None
        self._fh.write(chunk)

    def on_part_end(self) -> None:
        if self._field is not None:
            self.upload.fields[self._field[0]] = self._field[1].decode("utf-8", "replace")
        self._close(delete=False)

    def on_end(self) -> None:
        pass

    def _close(self, delete: bool) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if delete and self._current is not None and self._current.path is not None:
            with contextlib.suppress(FileNotFoundError):
                self._current.path.unlink()
            self._current.path = None

    def discard_all(self) -> None:
        self._close(delete=False)
        for part in self.upload.files:
            if part.path is not None:
                with contextlib.suppress(FileNotFoundError):
                    part.path.unlink()


async def receive_upload(content_type: str, content_length: str | None, stream: AsyncIterator[bytes], folder: Path,
                         max_file: int, budget: int, suffix: str = ".part") -> Upload:
    """Given a multipart request, return its fields and files stored in ``folder``; raise UploadRefused.

    ``budget`` is what the server may still take in; a Content-Length over it is refused before reading.
    """
    from python_multipart.multipart import MultipartParser, parse_options_header

    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data" or b"boundary" not in params:
        raise UploadRefused("refused: send the files as multipart/form-data", 415)
    if content_length is not None and content_length.isdigit() and int(content_length) > budget + 64 * 1024:
        raise UploadRefused(f"refused: the upload ({megabytes(int(content_length))}) is over the server's limit of "
                            f"{megabytes(budget)} (start the server with a higher --max-total-mb if the files "
                            f"are genuine)", 413)
    parser = _Parser(folder, max_file, budget, suffix)
    callbacks = {name: getattr(parser, name) for name in (
        "on_part_begin", "on_part_data", "on_part_end", "on_header_field", "on_header_value", "on_header_end",
        "on_headers_finished", "on_end")}
    multipart = MultipartParser(params[b"boundary"], callbacks)
    try:
        async for chunk in stream:
            multipart.write(chunk)
        multipart.finalize()
    except UploadRefused:
        parser.discard_all()
        raise
    except Exception as err:
        parser.discard_all()
        raise UploadRefused(f"refused: not a readable upload ({type(err).__name__})", 400) from err
    return parser.upload
