"""Who may talk to the review page: only the browser that holds the printed address.

Every request must carry the random token as its first path segment (else 404, no data) and a Host
of 127.0.0.1:PORT or localhost:PORT (else 403: DNS rebinding); a POST must also carry the form's
CSRF token (compared in constant time) and, when the browser sends an Origin, the page's own. Every
answer gets headers that allow only the page's own assets and no framing.
"""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass, field

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


def same(given: str, secret: str) -> bool:
    """Constant-time comparison of a token someone sent with ours."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


@dataclass
class Secrets:
    token: str  # in the printed address: /TOKEN/
    csrf: str  # in every form
    port: int
    last_seen: float = field(default_factory=time.monotonic)  # the last request with the token

    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def origins(self) -> set[str]:
        return {f"http://{host}" for host in self.hosts()}


class Guard:
    """ASGI middleware in front of the app: refuses before the app sees anything, and adds the
    security headers to every answer (refusals included)."""

    def __init__(self, app, secrets: Secrets):
        self.app = app
        self.secrets = secrets

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_secured(message):
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(HEADERS)]
                message = message | {"headers": kept + HEADERS}
            await send(message)

        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope.get("headers", [])}
        if headers.get("host", "") not in self.secrets.hosts():
            return await _refuse(send_secured, 403)
        first, _, rest = scope["path"].lstrip("/").partition("/")
        if not same(first, self.secrets.token):
            return await _refuse(send_secured, 404)
        if scope["method"] not in ("GET", "HEAD") and not self._own_origin(headers):
            return await _refuse(send_secured, 403)
        self.secrets.last_seen = time.monotonic()
        inner = scope | {"path": "/" + rest, "raw_path": ("/" + rest).encode()}
        await self.app(inner, receive, send_secured)

    def _own_origin(self, headers: dict[str, str]) -> bool:
        """No Origin, or the page's own. Under Referrer-Policy no-referrer a browser sends `Origin:
        null` with the page's own form posts: taken only with Sec-Fetch-Site same-origin."""
        origin = headers.get("origin")
        if origin is None or origin in self.secrets.origins():
            return True
        return origin == "null" and headers.get("sec-fetch-site") == "same-origin"


async def _refuse(send, status: int) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})
