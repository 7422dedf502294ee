"""`hmic-extract serve`: instant --help, the one-line address, a free port when taken, a clean Ctrl-C."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.serve.helpers import WESTSHIRE
from tests.serve.running import serving


def test_help_stays_instant_the_web_stack_is_imported_only_by_serve() -> None:
    code = ("import sys; from click.testing import CliRunner; from hmic_extract.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert 'serve' in r.output, r.output; "
            "heavy = ('starlette', 'uvicorn', 'jinja2', 'pypdfium2', 'multipart'); "
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_serve_help_names_every_option() -> None:
    out = subprocess.run([sys.executable, "-m", "hmic_extract.cli", "serve", "--help"], capture_output=True,
                         text=True, timeout=60)
    for option in ("--port", "--host", "--no-browser", "--max-file-mb", "--max-total-mb", "--timeout",
                   "--max-pages", "--max-memory", "--jobs"):
        assert option in out.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_prints_its_address_and_ctrl_c_stops_it_and_deletes_the_uploads(tmp_path: Path) -> None:
    import httpx2

    port = free_port()
    with serving("--port", str(port), tmpdir=tmp_path) as server:
        assert server.url == f"http://127.0.0.1:{port}/"
        page = httpx2.get(server.url, timeout=30)
        assert page.status_code == 200 and "Assurance template review" in page.text
        token = page.text.split('name="hmic-token" content="', 1)[1].split('"', 1)[0]
        sent = httpx2.post(server.url + "api/files", headers={"x-hmic-token": token}, timeout=60,
                           files=[("files", ("w.pdf", WESTSHIRE.read_bytes(), "application/pdf"))])
        assert sent.status_code == 201
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("hmic-serve-")]
    assert server.exit_code == 0, server.lines
    assert server.lines[-1] == "stopped; the uploaded files were deleted"
    assert not list(tmp_path.iterdir())


def test_a_taken_port_is_replaced_by_a_free_one_and_said_so(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with serving("--port", str(port), tmpdir=tmp_path) as server:
            note, address = server.lines[-2:]
            assert note.startswith(f"port {port} is in use; using port ")
            assert address == f"open {server.url} (Ctrl-C to stop)" and f":{port}/" not in server.url
    assert server.exit_code == 0
