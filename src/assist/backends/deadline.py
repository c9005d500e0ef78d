"""A deadline on a whole HTTP call: `timeout` bounds the call, not each read.

httpx's timeouts apply to each network operation, so a server that sends a byte a second never
times out. `DeadlineBackend` wraps httpcore's network backend: each connect, read and write waits
at most until the calling thread's deadline (`Deadline.at`, set around a call), and one past it
raises httpcore's own timeout, which httpx reports as a timeout. The sync client does its I/O in
the calling thread, so a thread-local deadline belongs to the call being made.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import httpcore2
from httpcore2 import ConnectTimeout, ReadTimeout, WriteTimeout


class Deadline(threading.local):
    at: float | None = None

    def bound(self, timeout: float | None, error: type[Exception]) -> float | None:
        if self.at is None:
            return timeout
        remaining = self.at - time.monotonic()
        if remaining <= 0:
            raise error("the call's deadline passed")
        return remaining if timeout is None else min(timeout, remaining)


class DeadlineStream(httpcore2.NetworkStream):
    def __init__(self, stream: Any, deadline: Deadline):
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.bound(timeout, ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.bound(timeout, WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        stream = self._stream.start_tls(ssl_context, server_hostname, self._deadline.bound(timeout, ConnectTimeout))
        return DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend(httpcore2.NetworkBackend):
    def __init__(self, deadline: Deadline, inner: Any = None):
        self._deadline = deadline
        self._inner = inner if inner is not None else httpcore2.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> DeadlineStream:
        stream = self._inner.connect_tcp(host, port, timeout=self._deadline.bound(timeout, ConnectTimeout),
                                         local_address=local_address, socket_options=socket_options)
        return DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> DeadlineStream:
        stream = self._inner.connect_unix_socket(path, timeout=self._deadline.bound(timeout, ConnectTimeout),
                                                 socket_options=socket_options)
        return DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
