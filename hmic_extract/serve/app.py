"""The review page's routes: each maps a request onto jobs, corrections, the exporters or the tracker.

Nothing here reads a PDF or a workbook itself, and no value from a request is used as a path: files are
found by server-made ids. ``create_app`` is what ``serve`` runs and what the tests drive.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path, PurePath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from hmic_extract import __version__
from hmic_extract.errors import HmicError
from hmic_extract.extract.pdf import check_is_pdf

from . import corrections, downloads
from .downloads import FORMATS
from .jobs import DONE, PASSWORD, Job, JobStore
from .present import job_json
from .security import TOKEN_HEADER, Guard
from .settings import ServeSettings
from .tracker import TrackerRun, merge_into_tracker
from .uploads import Received, UploadRefused, megabytes, receive_upload

HERE = Path(__file__).parent
MAX_JSON_BYTES = 256 * 1024
XLSX_MAGIC = b"PK\x03\x04"


def error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object, read within a size bound."""
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > MAX_JSON_BYTES:
            raise UploadRefused("refused: the request is too large", 413)
    try:
        value = json.loads(data or b"{}")
    except ValueError as err:
        raise UploadRefused("refused: not JSON", 400) from err
    if not isinstance(value, dict):
        raise UploadRefused("refused: expected a JSON object", 400)
    return value


def looks_like(path: Path, magic: bytes) -> bool:
    with path.open("rb") as fh:
        return magic in fh.read(1024)


def not_a_pdf_reason(part: Received) -> str | None:
    """The CLI's one-line reason when a stored upload is not a PDF (``extract.pdf.check_is_pdf``), else None."""
    assert part.path is not None
    try:
        check_is_pdf(part.path)
    except HmicError as err:
        return str(err).replace(str(part.path), part.name)
    return None


class ReviewApp:
    """Route handlers over one JobStore; the store lives as long as the server."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.store: JobStore | None = None
        self.trackers: dict[str, TrackerRun] = {}

    @property
    def jobs(self) -> JobStore:
        assert self.store is not None, "the app has not started"
        return self.store

    @contextlib.asynccontextmanager
    async def lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        root = Path(tempfile.mkdtemp(prefix="hmic-serve-"))  # 0700: only this user can read the uploads
        self.store = JobStore(self.settings, root)
        try:
            yield
        finally:
            await run_in_threadpool(self.store.close)

    # --- helpers ----------------------------------------------------------------------------------

    def job_or_404(self, request: Request) -> Job | JSONResponse:
        job = self.jobs.get(request.path_params["job"])
        return job if job is not None else error("no such file (it was removed, or the server restarted)", 404)

    def budget(self) -> int:
        return max(0, self.settings.max_total_bytes - self.jobs.stored_bytes())

    async def upload(self, request: Request, suffix: str) -> Any:
        return await receive_upload(request.headers.get("content-type", ""), request.headers.get("content-length"),
                                    request.stream(), self.jobs.folder("xlsx" if suffix == ".xlsx" else "pdf"),
                                    self.settings.max_file_bytes, self.budget(), suffix)

    # --- page ------------------------------------------------------------------------------------

    async def index(self, request: Request) -> Response:
        s = self.settings
        return self.templates.TemplateResponse(request, "index.html", {
            "token": s.token, "token_header": TOKEN_HEADER, "version": __version__,
            "max_file": megabytes(s.max_file_bytes), "max_total": megabytes(s.max_total_bytes),
            "timeout": s.limits.timeout, "max_pages": s.limits.max_pages})

    # --- PDFs ------------------------------------------------------------------------------------

    async def add_files(self, request: Request) -> Response:
        """POST /api/files: one or many PDFs; each accepted one is queued for reading."""
        try:
            upload = await self.upload(request, ".part")
        except UploadRefused as err:
            return error(str(err), err.status)
        accepted, refused = [], []
        for part in upload.files:
            if part.refused or part.path is None:
                refused.append({"name": part.name, "reason": part.refused, "status": 413})
            elif (reason := not_a_pdf_reason(part)) is not None:
                refused.append({"name": part.name, "reason": reason, "status": 415})
                part.path.unlink()
            else:
                accepted.append(job_json(self.jobs.add(part.name, part.path, part.size)))
        if not upload.files:
            return error("refused: no file in the upload", 400)
        status = 201 if accepted else max(r["status"] for r in refused)
        return JSONResponse({"jobs": accepted, "refused": refused}, status_code=status)

    async def list_jobs(self, request: Request) -> Response:
        jobs = self.jobs.all()
        for job in jobs:
            self.jobs.refresh(job)
        return JSONResponse({"jobs": [job_json(j) for j in jobs],
                             "trackers": [self.tracker_json(t) for t in self.trackers.values()]})

    async def show_job(self, request: Request) -> Response:
        job = self.job_or_404(request)
        if isinstance(job, Response):
            return job
        self.jobs.refresh(job)
        with job.lock:
            return JSONResponse(job_json(job, rows=True))

    async def remove_job(self, request: Request) -> Response:
        removed = await run_in_threadpool(self.jobs.remove, request.path_params["job"])
        return JSONResponse({"removed": removed}, status_code=200 if removed else 404)

    async def give_password(self, request: Request) -> Response:
        job = self.job_or_404(request)
        if isinstance(job, Response):
            return job
        try:
            body = await json_body(request)
        except UploadRefused as err:
            return error(str(err), err.status)
        password = body.get("password")
        if not isinstance(password, str) or not password:
            return error("type the PDF's password", 400)
        if job.state != PASSWORD:
            return error("this PDF is not waiting for a password", 409)
        self.jobs.start(job, password)
        return JSONResponse(job_json(job))

    # --- corrections -----------------------------------------------------------------------------

    async def correct(self, request: Request) -> Response:
        """PATCH/POST/DELETE on a row: edit fields, merge into the row above, split, delete, check a flag."""
        job = self.job_or_404(request)
        if isinstance(job, Response):
            return job
        uid, action = request.path_params["uid"], request.path_params.get("action", "")
        try:
            body = await json_body(request) if request.method != "DELETE" else {}
        except UploadRefused as err:
            return error(str(err), err.status)
        with job.lock:
            if job.state != DONE or job.review is None:
                return error("this file has no rows to correct yet", 409)
            review = job.review
            try:
                select = uid
                if request.method == "DELETE":
                    corrections.delete(review, uid)
                    select = ""
                elif request.method == "PATCH":
                    for name, value in body.items():
                        if not isinstance(value, str):
                            raise corrections.CorrectionError(f"{name}: expected text")
                        corrections.edit(review, uid, name, value)
                elif action == "merge":
                    select = corrections.merge_up(review, uid)
                elif action == "split":
                    at = body.get("at")
                    if not isinstance(at, int) or isinstance(at, bool):
                        raise corrections.CorrectionError("give the position to split at")
                    select = corrections.split(review, uid, at)
                elif action == "check":
                    flag = body.get("flag")
                    if not isinstance(flag, str):
                        raise corrections.CorrectionError("say which flag was checked")
                    corrections.check(review, uid, flag)
                else:
                    return error("no such correction", 404)
            except corrections.CorrectionError as err:
                return error(str(err), 400)
            return JSONResponse(job_json(job, rows=True) | {"selected": select})

    # --- pictures --------------------------------------------------------------------------------

    async def page_picture(self, request: Request) -> Response:
        job = self.job_or_404(request)
        if isinstance(job, Response):
            return job
        if job.state != DONE:
            return error("this file has not been read yet", 409)
        try:
            png, width, height = await run_in_threadpool(self.jobs.picture, job, request.path_params["page"])
        except HmicError as err:
            return error(str(err), 422)
        return FileResponse(png, media_type="image/png", headers={"x-page-size": f"{width:.2f} {height:.2f}"})

    # --- downloads -------------------------------------------------------------------------------

    async def download(self, request: Request) -> Response:
        job = self.job_or_404(request)
        if isinstance(job, Response):
            return job
        fmt = request.path_params["fmt"]
        if fmt not in FORMATS:
            return error("formats: xlsx, csv, json", 404)
        if job.state != DONE:
            return error("this file has no rows to download", 409)
        path = await run_in_threadpool(downloads.write_output, self.jobs, job, fmt)
        return FileResponse(path, media_type=FORMATS[fmt], filename=f"{PurePath(job.name).stem}.{fmt}")

    async def download_all(self, request: Request) -> Response:
        if not any(j.state == DONE for j in self.jobs.all()):
            return error("no file has been read yet", 409)
        what = request.path_params["what"]
        if what not in ("combined.xlsx", "templates.zip"):
            return error("downloads: combined.xlsx, templates.zip", 404)
        if what == "combined.xlsx":
            path = await run_in_threadpool(downloads.write_combined, self.jobs)
            return FileResponse(path, media_type=FORMATS["xlsx"], filename="combined.xlsx")
        path = await run_in_threadpool(downloads.write_zip, self.jobs)
        return FileResponse(path, media_type="application/zip", filename="templates.zip")

    # --- tracker ---------------------------------------------------------------------------------

    def tracker_json(self, run: TrackerRun) -> dict[str, Any]:
        return {"id": run.id, "name": run.name, "rows": run.rows, "merged": run.merged, "copies": run.copies,
                "updated": run.updated, "conflicts": run.conflicts, "problems": run.problems, "status": run.status}

    async def merge(self, request: Request) -> Response:
        """POST /api/tracker: returned copies (and a template file, or the id of a job or an earlier tracker)."""
        try:
            upload = await self.upload(request, ".xlsx")
        except UploadRefused as err:
            return error(str(err), err.status)
        stored = [p for p in upload.files if p.path is not None]
        try:
            refused = [p.refused for p in upload.files if p.refused]
            refused += [f"{p.name}: not an .xlsx workbook" for p in stored if not looks_like(p.path, XLSX_MAGIC)]
            if refused:
                return error("; ".join(refused), 413 if any("limit" in r for r in refused) else 415)
            copies = [(p.path, p.name) for p in stored if p.field == "copies"]
            template = next(((p.path, p.name) for p in stored if p.field == "template"), None)
            if template is None:
                template = await run_in_threadpool(self.chosen_template, upload.fields.get("template_id", ""))
                if template is not None:
                    stored.append(Received("template", template[1], template[0]))
            if template is None:
                return error("choose the template (a file read here, an earlier tracker, or a workbook)", 400)
            if not copies:
                return error("add the returned copies to merge", 400)
            run_id = secrets.token_hex(6)
            out = self.jobs.folder("out") / f"tracker-{run_id}.xlsx"
            try:
                run = await run_in_threadpool(merge_into_tracker, run_id, template, copies, out)
            except HmicError as err:
                return error(str(err), 422)
            self.trackers[run_id] = run
            return JSONResponse(self.tracker_json(run), status_code=201)
        finally:
            for p in stored:
                with contextlib.suppress(FileNotFoundError):
                    p.path.unlink()  # type: ignore[union-attr]

    def chosen_template(self, template_id: str) -> tuple[Path, str] | None:
        """The template named by id: a job read here (its workbook, as downloaded) or an earlier tracker."""
        if template_id in self.trackers:
            run = self.trackers[template_id]
            copy = self.jobs.folder("xlsx") / f"base-{secrets.token_hex(6)}.xlsx"
            shutil.copyfile(run.path, copy)
            return copy, run.name
        job = self.jobs.get(template_id)
        if job is None or job.state != DONE:
            return None
        path = downloads.write_output(self.jobs, job, "xlsx")
        copy = self.jobs.folder("xlsx") / f"base-{secrets.token_hex(6)}.xlsx"
        shutil.move(path, copy)
        return copy, f"{PurePath(job.name).stem}.xlsx"

    async def download_tracker(self, request: Request) -> Response:
        run = self.trackers.get(request.path_params["run"])
        if run is None:
            return error("no such tracker", 404)
        return FileResponse(run.path, media_type=FORMATS["xlsx"], filename=run.name)


def create_app(settings: ServeSettings) -> Callable[..., Any]:
    """The ASGI app: the review routes behind the Guard (Host, Origin, token, security headers)."""
    review = ReviewApp(settings)
    rows = "/api/jobs/{job}/rows/{uid}"
    routes = [
        Route("/", review.index),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        Route("/api/files", review.add_files, methods=["POST"]),
        Route("/api/jobs", review.list_jobs),
        Route("/api/jobs/{job}", review.show_job),
        Route("/api/jobs/{job}", review.remove_job, methods=["DELETE"]),
        Route("/api/jobs/{job}/password", review.give_password, methods=["POST"]),
        Route(rows, review.correct, methods=["PATCH", "DELETE"]),
        Route(rows + "/{action}", review.correct, methods=["POST"]),
        Route("/api/jobs/{job}/pages/{page:int}", review.page_picture),
        Route("/api/jobs/{job}/download/{fmt}", review.download),
        Route("/api/download/{what}", review.download_all),
        Route("/api/tracker", review.merge, methods=["POST"]),
        Route("/api/tracker/{run}/download", review.download_tracker),
    ]
    app = Starlette(routes=routes, lifespan=review.lifespan)
    guard = Guard(app, settings)
    guard.review = review  # type: ignore[attr-defined]  # for the server's shutdown message and the tests
    return guard
