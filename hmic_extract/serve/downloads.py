"""What the page's downloads contain: the CLI's exporters over the reviewed Documents, written in the private folder.

Each download is written fresh (corrections included) by the same writers as ``hmic-extract``: one template in
any format, the combined workbook of every file (``--combined``: failed files listed with their reasons), or a
zip of every template in every format plus the combined workbook.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePath

from .jobs import DONE, Job, JobStore

FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "csv": "text/csv; charset=utf-8", "json": "application/json"}


def write_output(store: JobStore, job: Job, fmt: str) -> Path:
    """Write one job's rows in one format with the CLI's exporter; return the file (in the private folder)."""
    from hmic_extract.batch import write_outputs

    out = store.folder("out") / f"{job.id}.{fmt}"
    with job.lock:
        assert job.review is not None
        write_outputs(job.review.doc, {fmt: out}, force=True)
    return out


def write_combined(store: JobStore) -> Path:
    """The combined workbook: an Index line for every file (with the reason when it failed) and all rows."""
    from hmic_extract.export.combined import IndexEntry
    from hmic_extract.export.combined import write_combined as write

    entries = []
    for job in store.all():
        with job.lock:
            doc = job.review.doc if job.review is not None else None
            done = job.state == DONE
            entries.append(IndexEntry(job.name, "ok" if done else job.state, "" if done else job.reason, doc))
    return write(entries, store.folder("out") / "combined.xlsx", force=True)


def zip_names(names: list[str]) -> list[str]:
    """Given the files' names, return a distinct stem for each ("report", "report-2", ...)."""
    taken, out = {"combined"}, []
    for name in names:
        base = PurePath(name).stem
        stem, n = base, 1
        while stem.lower() in taken:
            n += 1
            stem = f"{base}-{n}"
        taken.add(stem.lower())
        out.append(stem)
    return out


def write_zip(store: JobStore) -> Path:
    """Every template read so far (xlsx, csv and json) and the combined workbook, in one zip."""
    out = store.folder("out") / "templates.zip"
    tmp = out.with_suffix(".tmp")
    done = [job for job in store.all() if job.state == DONE]
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(write_combined(store), "combined.xlsx")
        for job, stem in zip(done, zip_names([j.name for j in done]), strict=True):
            for fmt in FORMATS:
                zf.write(write_output(store, job, fmt), f"{stem}.{fmt}")
    tmp.replace(out)
    return out
