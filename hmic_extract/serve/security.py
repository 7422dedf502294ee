"""Keep the review page usable only by the person who started it, from their own browser.

The server holds uploaded reports, so every request is checked before it reaches a route:

* **Host** must be the server's own address (``settings.allowed_hosts``): refuses DNS rebinding, where a
  site makes the browser talk to 127.0.0.1 under the site's own name;
* **Origin**, when a browser sends one, must be the page's own; ``Sec-Fetch-Site: cross-site`` is refused:
  no other site can drive or embed the page;
* every **state-changing** request (anything but GET/HEAD) must carry the token made at start-up and
  written into the page, so a form on another site cannot upload, correct or delete;
* responses forbid framing, sniffing, referrers and any script or style not served by the app itself.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .settings import ServeSettings

TOKEN_HEADER = "x-hmic-token"
SAFE_METHODS = ("GET", "HEAD")
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def refusal(method: str, headers: dict[str, str], settings: ServeSettings) -> str | None:
    """Given a request's method and headers, return why it is refused, or None to let it through."""
    host = headers.get("host", "").lower()
    if host not in settings.allowed_hosts():
        return f"refused: this server answers only to {settings.url()} (the request was for {host or 'no host'!r})"
    origin = headers.get("origin")
    if origin is not None and origin.lower() not in settings.allowed_origins():
        return f"refused: a request from another site ({origin!r})"
    if headers.get("sec-fetch-site") == "cross-site":
        return "refused: a request from another site"
    if method not in SAFE_METHODS:
        token = headers.get(TOKEN_HEADER, "")
        if not token:
            return "refused: the page's token is missing; reload the page"
        if not hmac.compare_digest(token.encode(), settings.token.encode()):
            return "refused: the page's token is wrong (the server was restarted?); reload the page"
    return None


class Guard:
    """ASGI middleware: refuse what ``refusal`` refuses (403, one line of text), add the security headers."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        reason = refusal(scope["method"], headers, self.settings)
        if reason is not None:
            body = (reason + "\n").encode()
            await send({"type": "http.response.start", "status": 403,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _v in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
