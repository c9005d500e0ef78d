"""Serve the review page: bind 127.0.0.1 (only), print the address with its token, open the
browser, and stop on Ctrl-C or after `idle_minutes` without a request (uvicorn, one worker: the
store's connection is used by one request at a time, on the event loop's thread)."""

from __future__ import annotations

import secrets
import socket
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import _

if TYPE_CHECKING:
    from ..config import UserConfig

DEFAULT_IDLE_MINUTES = 30.0


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:port (0: a free one); InputError, one line, when it cannot be."""
    if not 0 <= port <= 65535:
        raise InputError("--port", _("{port} is not a port: give a number from 1 to 65535, or leave it out for a free "
                                     "one").format(port=port))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", port))
        listener.listen(64)
    except OSError as error:
        listener.close()
        raise InputError("--port", _("cannot listen on 127.0.0.1:{port} ({reason}): choose another port, or leave "
                                     "--port out").format(port=port, reason=error.strerror or error)) from None
    return listener


class ReviewServer:
    def __init__(self, store_path: Path, user: "UserConfig", config: str | None, port: int = 0,
                 idle_minutes: float = DEFAULT_IDLE_MINUTES):
        import uvicorn

        from ..store import Store
        from .app import build
        from .guard import Secrets

        self.store = Store.open(store_path)
        self.listener = bind(port)
        self.port = self.listener.getsockname()[1]
        self.secrets = Secrets(secrets.token_urlsafe(32), secrets.token_urlsafe(32), self.port)
        self.idle = idle_minutes * 60
        self.stopped_by: str | None = None
        app = build(self.store, user, config, self.secrets)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                                    server_header=False, date_header=False))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.secrets.token}/"

    @property
    def started(self) -> bool:
        return self.server.started

    def serve(self) -> str | None:
        """Serve until stop(), Ctrl-C or the idle time; why it stopped ("idle", or None)."""
        watcher = threading.Thread(target=self._watch, daemon=True)
        watcher.start()
        try:
            self.server.run(sockets=[self.listener])
        finally:
            self.close()
        return self.stopped_by

    def close(self) -> None:
        """Let go of the address and the store (again is harmless)."""
        self.listener.close()
        self.store.close()

    def stop(self) -> None:
        self.server.should_exit = True

    def _watch(self) -> None:
        self.secrets.last_seen = time.monotonic()
        while not self.server.should_exit:
            time.sleep(min(1.0, max(self.idle / 10, 0.05)))
            if time.monotonic() - self.secrets.last_seen > self.idle:
                self.stopped_by = "idle"
                self.server.should_exit = True
