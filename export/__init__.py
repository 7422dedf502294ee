"""Export: Document -> files people open (the assurance-template workbook)."""

from __future__ import annotations

from .atomic import atomic_write, check_writable
from .xlsx import build_workbook, write_xlsx

__all__ = ["atomic_write", "build_workbook", "check_writable", "write_xlsx"]
