"""Screening a batch: sequentially (the offline engine, or one worker), or concurrently for LLM
backends, with the results in input order, a progress bar on a terminal, and the store written
from one thread.

Concurrency: N worker threads each run the pipeline for one request (signals, prompt, the LLM call
with its retries, validation, guard, draft). The calling thread does everything that touches the
store (the resume check before a request is sent, the record of its verdict in its own
transaction as soon as it is done) and yields the results in input order as soon as the next one
in order is ready; at most `window` requests are in flight or waiting to be emitted.

Workers share one backend, so one connection pool and one rate-limit backoff (a 429 pauses every
worker, openai_backend.SharedBackoff). Workers read the user's past examples through their own
read connection to the store.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from .backends.errors import LLMError
from .config import UserConfig
from .guidance import Guidance
from .load import Loaded
from .models import ScreenResult
from .screen import record_result, resumed_from, screen_and_store, screen_request
from .store import Store

DEFAULT_CONCURRENCY = 8  # remote servers; `local` (in-process) and `rules` run one at a time
PROGRESS_AFTER = 1.0  # seconds: a run shorter than this shows no progress bar
PROGRESS_EVERY = 0.1  # seconds between redraws
BAR_WIDTH = 24


@dataclass
class Outcome:
    loaded: Loaded
    result: ScreenResult | None = None
    error: LLMError | None = None


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """`[#####-----] 120/1000 screened, 2 failed, 12s` on stderr, redrawn in place; only on a
    terminal, only once a run has lasted PROGRESS_AFTER seconds, and cleared before anything else
    is printed (`printing()`)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.started = time.monotonic()
        self.total = 0
        self.done = 0
        self.failed = 0
        self._shown = False
        self._last = 0.0
        self._lock = threading.Lock()

    def add(self, count: int = 1) -> None:
        self.total += count

    def finished(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self.draw()

    def draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        elapsed = now - self.started
        if elapsed < PROGRESS_AFTER or (not force and now - self._last < PROGRESS_EVERY):
            return
        with self._lock:
            self._last = now
            total = max(self.total, self.done, 1)
            filled = int(BAR_WIDTH * self.done / total)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            failed = f", {self.failed} failed" if self.failed else ""
            stream = sys.stderr
            stream.write(f"\r\x1b[K[{bar}] {self.done}/{self.total} screened{failed}, {elapsed:.0f}s")
            stream.flush()
            self._shown = True

    def clear(self) -> None:
        if self.enabled and self._shown:
            with self._lock:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
                self._shown = False

    def printing(self):
        progress = self

        class _Printing:
            def __enter__(self) -> None:
                progress.clear()

            def __exit__(self, *exc: object) -> None:
                progress.draw(force=True)

        return _Printing()

    def close(self) -> None:
        self.clear()
        self.enabled = False

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


def screen_all(
    items: Iterable[Loaded],
    config: UserConfig,
    backend,
    store: Store | None,
    key: str,
    max_chars: int,
    guidance: Guidance,
    resume: bool = True,
    concurrency: int = 1,
    progress: Progress | None = None,
    window: int | None = None,
) -> Iterator[Outcome]:
    """Every request's outcome, in input order. An LLMError that `stops_batch` is raised after the
    outcomes before it (and the ones already done) are yielded; other LLM errors are outcomes."""
    progress = progress or Progress(False)
    if concurrency <= 1:
        yield from _sequential(items, config, backend, store, key, max_chars, guidance, resume, progress)
    else:
        yield from _concurrent(items, config, backend, store, key, max_chars, guidance, resume, concurrency,
                               progress, window or max(4 * concurrency, 32))


def _sequential(items, config, backend, store, key, max_chars, guidance, resume, progress) -> Iterator[Outcome]:
    for loaded in items:
        progress.add()
        try:
            result = screen_and_store(loaded.request, config, backend, store, key, max_chars, guidance, resume=resume)
        except LLMError as error:
            progress.finished(failed=True)
            if error.stops_batch:
                raise
            yield Outcome(loaded, error=error)
            continue
        progress.finished()
        yield Outcome(loaded, result=result)


def _concurrent(items, config, backend, store, key, max_chars, guidance, resume, concurrency, progress,
                window) -> Iterator[Outcome]:
    readers: list[Store] = []
    restore = _private_readers(backend, store, readers)
    stop = threading.Event()

    def work(loaded: Loaded) -> tuple[ScreenResult | None, LLMError | None]:
        if stop.is_set():
            return None, None
        try:
            return screen_request(loaded.request, config, backend, max_chars, guidance), None
        except LLMError as error:
            return None, error

    slots: dict[int, Loaded] = {}
    ready: dict[int, Outcome] = {}
    in_flight: dict[Future, int] = {}
    stopping: LLMError | None = None
    next_out = 0
    count = 0
    executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="assist-screen")

    def settle(block: bool) -> None:
        nonlocal stopping
        if not in_flight:
            return
        done, _ = wait(list(in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            index = in_flight.pop(future)
            loaded = slots[index]
            if future.cancelled():
                ready[index] = Outcome(loaded)
                continue
            result, error = future.result()  # a bug in a worker is raised here, as it would be in sequence
            if result is None and error is None:  # not started: the batch was stopping
                ready[index] = Outcome(loaded)
                continue
            if error is not None and error.stops_batch:
                if stopping is None:
                    stopping = error
                    stop.set()
                    for other in in_flight:
                        other.cancel()
                ready[index] = Outcome(loaded)
                progress.finished(failed=True)
                continue
            if result is not None and store is not None:
                result = record_result(store, loaded.request, result, key)
            ready[index] = Outcome(loaded, result=result, error=error)
            progress.finished(failed=error is not None)

    def emit() -> Iterator[Outcome]:
        nonlocal next_out
        while next_out in ready:
            outcome = ready.pop(next_out)
            slots.pop(next_out, None)
            next_out += 1
            if outcome.result is not None or outcome.error is not None:
                yield outcome

    failure: BaseException | None = None
    probed = False
    try:
        iterator = iter(items)
        while stopping is None:
            try:
                loaded = next(iterator)
            except StopIteration:
                break
            except Exception as error:  # bad input, reported by the caller once the batch is drained
                failure = error
                break
            index = count
            count += 1
            slots[index] = loaded
            progress.add()
            resumed = resumed_from(store, loaded.request, key) if store is not None and resume else None
            if resumed is not None:
                ready[index] = Outcome(loaded, result=resumed)
                progress.finished()
            else:
                in_flight[executor.submit(work, loaded)] = index
                if not probed:
                    # The first call goes alone: a wrong key or model, or a server that is down,
                    # stops the batch after one call, not after `concurrency` of them.
                    probed = True
                    settle(block=True)
            settle(block=False)
            yield from emit()
            while count - next_out >= window and stopping is None:
                settle(block=True)
                yield from emit()
        while in_flight:
            settle(block=True)
            yield from emit()
        yield from emit()
    except BaseException:
        stop.set()
        executor.shutdown(wait=False, cancel_futures=True)
        restore()
        _close(readers)
        raise
    executor.shutdown(wait=True)
    restore()
    _close(readers)
    if stopping is not None:
        raise stopping
    if failure is not None:
        raise failure


def _private_readers(backend, store: Store | None, readers: list[Store]):
    """Workers read the user's examples through a connection of their own (a sqlite3 connection is
    not to be used by two threads at once). Returns a function that puts things back."""
    original = getattr(backend, "examples_for", None)
    if store is None or original is None:
        return lambda: None
    local = threading.local()
    lock = threading.Lock()

    def examples_for(request):
        reader = getattr(local, "store", None)
        if reader is None:
            reader = local.store = Store(store.path)
            with lock:
                readers.append(reader)
        return reader.similar_examples(request)

    backend.examples_for = examples_for

    def restore() -> None:
        backend.examples_for = original

    return restore


def _close(readers: list[Store]) -> None:
    for reader in readers:
        try:
            reader.close()
        except Exception:  # a reader that cannot close loses nothing
            pass
