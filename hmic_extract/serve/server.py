"""Run the review page: bind a port (a free one when the given one is taken), print where, stop cleanly.

The socket is bound here, before uvicorn starts, so the port printed is the port served and no other
program can take it in between. Ctrl-C (or SIGTERM) makes uvicorn run the app's shutdown, which stops
the workers and deletes the private upload folder.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable

from .settings import ServeSettings


def bind(host: str, port: int) -> tuple[socket.socket, str]:
    """Bind ``host:port``, or a free port on ``host`` when that one is taken; return the socket and a note."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    note = ""
    for candidate in (port, 0):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), candidate))
        except OSError as err:
            sock.close()
            if err.errno != errno.EADDRINUSE or candidate == 0:
                raise
            note = f"port {port} is in use; "
            continue
        sock.listen(64)
        sock.set_inheritable(True)
        if note:
            note += f"using port {sock.getsockname()[1]} instead"
        return sock, note
    raise OSError(errno.EADDRINUSE, "no free port")  # pragma: no cover - port 0 always binds


def has_desktop() -> bool:
    """True where opening a browser shows a window (not a text browser taking over this terminal)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(settings: ServeSettings, open_browser: bool, echo: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; ``settings.port`` may be replaced by the port actually bound."""
    import dataclasses

    import uvicorn

    from .app import create_app

    sock, note = bind(settings.host, settings.port)
    settings = dataclasses.replace(settings, port=sock.getsockname()[1])
    if note:
        echo(note)
    app = create_app(settings)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", server_header=False,
                            timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    url = settings.url()

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            echo(f"open {url} (Ctrl-C to stop)")
            if open_browser and has_desktop():
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C once it has shut down: stopping is the normal end here
        pass
    finally:
        sock.close()
    echo("stopped; the uploaded files were deleted")
