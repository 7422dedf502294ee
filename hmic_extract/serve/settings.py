"""What one server runs with: where it listens, how much it accepts, the per-file limits of the CLI."""

from __future__ import annotations

import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path

from hmic_extract.limits import Limits

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")
DEFAULT_PORT = 8765
DEFAULT_MAX_FILE_MB = 100  # an inspection report with scans runs to tens of MB
DEFAULT_MAX_TOTAL_MB = 1000  # all uploads kept by one server at once
RENDER_SCALE = 2.0  # page pictures at 144 dpi: sharp enough to read 8 pt text beside its row


@dataclass(frozen=True)
class ServeSettings:
    """One server's settings; ``token`` is made fresh at every start and shown only inside the page."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    max_file_bytes: int = DEFAULT_MAX_FILE_MB << 20
    max_total_bytes: int = DEFAULT_MAX_TOTAL_MB << 20
    limits: Limits = field(default_factory=Limits)
    jobs: int = 1  # PDFs read at once (each in its own worker process)
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    workdir: Path | None = None  # the private upload folder; made (0700) when the app starts if None

    def url(self) -> str:
        return f"http://{url_host(self.host)}:{self.port}/"

    def allowed_hosts(self) -> frozenset[str]:
        """The Host header values this server answers to: its own address and port, nothing else.

        A page on another site that points a name it controls at 127.0.0.1 (DNS rebinding) sends its own
        name as Host, so it is refused. Bound to a wildcard (``--host 0.0.0.0``), the machine's own names
        and addresses are accepted too.
        """
        names = {*LOOPBACK_NAMES, url_host(self.host)}
        if self.host in WILDCARDS:
            names |= machine_names()
        names.discard("")
        hosts = {f"{n}:{self.port}".lower() for n in names}
        if self.port == 80:
            hosts |= {n.lower() for n in names}
        return frozenset(hosts)

    def allowed_origins(self) -> frozenset[str]:
        return frozenset(f"http://{h}" for h in self.allowed_hosts())


def url_host(host: str) -> str:
    """A host as it is written in a URL: IPv6 addresses in brackets, a wildcard as 127.0.0.1."""
    if host in WILDCARDS:
        return "127.0.0.1"
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def machine_names() -> set[str]:
    """This machine's host names and addresses (for a server bound to every interface)."""
    names = {socket.gethostname(), socket.getfqdn()}
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            names.add(url_host(str(info[4][0])))
    except OSError:
        pass
    return names
