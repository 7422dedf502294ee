"""Write output files atomically and never over an existing file unless asked.

The file is written to a temporary name in the same folder and renamed into place, so an
interrupted run (Ctrl-C, kill, full disk) leaves either the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from hmic_extract.errors import OutputError, OutputExists


def check_writable(path: Path, force: bool) -> None:
    """Raise OutputExists/OutputError before any work is done, so a long run does not fail at the end."""
    if path.exists() and not force:
        raise OutputExists(f"{path}: already exists; use --force to overwrite it or -o to choose another name")
    if path.exists() and path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name with -o")
    if not path.parent.exists():
        raise OutputError(f"{path.parent}: output folder does not exist")


def default_file_mode() -> int:
    """The permission bits a newly created file gets here (0666 less the umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, write: Callable[[Path], None], force: bool = False) -> Path:
    """Call ``write(tmp_path)`` then rename the temporary file onto ``path``."""
    path = Path(path)
    check_writable(path, force)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if path.exists() and not force:  # appeared while we worked: do not clobber it
            raise OutputExists(f"{path}: appeared while writing; use --force to overwrite it")
        os.chmod(tmp, default_file_mode())  # mkstemp makes 0600; give the file the mode any new file gets
        os.replace(tmp, path)
    except OSError as err:
        raise OutputError(f"{path}: could not write ({err.strerror or err})") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path
