"""Screening a batch: the one-request pipeline (screen.py) mapped over the requests, in input order.

An ordered map over a bounded window: each request is looked up in the store (a verdict made under
the same screening key is resumed, not screened again), else handed to a worker; results are
consumed in input order, at most `window` ahead of the oldest one still running. With one worker
the pipeline runs on the calling thread. The first call to a model goes alone, so a wrong key or
model stops the batch after one call, not after `concurrency` of them.

The store is written only here, on the consuming thread. A verdict that was paid for (a call to a
model) is committed in its own transaction as soon as it is consumed; offline verdicts cost
nothing to recompute, so they are committed in groups. A killed run never pays twice.

Workers share one backend, so one connection pool and one rate-limit backoff (a 429 pauses every
worker, openai_backend.SharedBackoff); they read the user's examples through the store's
ExampleReader, a connection per thread.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .backends.base import Backend
from .backends.errors import LLMError
from .context import RunContext
from .explain import shown_in
from .load import Loaded
from .models import Reply, ScreenResult
from .screen import screen_request

if TYPE_CHECKING:
    from .store import OnRecord, Store

GROUP_COMMIT = 500  # offline verdicts per transaction
CLAIM_POLL = 0.2  # seconds between looks at a request another process is screening


@dataclass(frozen=True)
class Screened:
    """One request of a batch: its verdict, or the LLM error that kept it from having one."""

    loaded: Loaded
    result: ScreenResult | None = None
    error: LLMError | None = None
    on_record: "OnRecord | None" = None  # the user's word found in the store before screening (None: no store)


def present(result: ScreenResult, on_record: "OnRecord | None") -> ScreenResult:
    """The result as it stands now, for the user to read: with their decision, and the draft on record
    (their edit, its state) in place of the template a new screening wrote, when the store keeps
    theirs. A fresh reply is on record as pending unless the user decided (a screening then offers
    no draft) or touched the draft (it is kept); a resumed verdict shows the draft on record. Without
    a store (`on_record` None) the result is as screened."""
    if on_record is None:
        return result
    draft = on_record.draft
    if result.resumed or on_record.decision is not None or (draft is not None and draft.touched) or result.reply is None:
        shown = draft
    else:
        return result.model_copy(update={"user_decision": on_record.decision, "draft_status": "pending",
                                         "draft_edited": False})
    reply = Reply(kind=shown.kind, language=shown.language, text=shown.text) if shown is not None else None
    return result.model_copy(update={"user_decision": on_record.decision, "reply": reply,
                                     "draft_status": shown.status if shown is not None else None,
                                     "draft_edited": shown.edited if shown is not None else False})


def screen_all(items: Iterable[Loaded], backend: Backend, ctx: RunContext, store: "Store | None" = None, *,
               resume: bool = True, concurrency: int = 1, window: int | None = None,
               on_done: Callable[[Screened], None] = lambda screened: None,
               on_warning: Callable[[str], None] = lambda message: None) -> Iterator[Screened]:
    """Every request's outcome, in input order. With a store, each request is first put under its
    sender's id (Store.identify; `on_warning` hears of an id another sender already holds). An LLMError that `stops_batch` is raised once the
    outcomes before it, and those already paid for after it, are recorded and yielded; other LLM
    errors are outcomes."""
    key = ctx.screening_key(backend.name, backend.model)
    window = window or max(4 * concurrency, 32)
    # Offline verdicts into a store that knows nothing under this key: nothing to look up (a request
    # twice in one input is screened twice, for free). Paid verdicts are always looked up first.
    look_up = store is not None and (backend.costs_money or store.knows_anything(key))
    # A paid request is claimed in the store before it is screened: another process screening the
    # same input waits for its verdict instead of paying again (Store.claim). Offline verdicts cost
    # nothing: they are not claimed.
    claims = store is not None and backend.costs_money and not store.read_only
    waiting: dict[Future[Screened], tuple[Loaded, "OnRecord | None"]] = {}  # held by another process
    settled: set[int] = set()  # the outcomes (by id) settled ahead of their turn
    unsaved: list[tuple[Loaded, ScreenResult]] = []  # offline verdicts not yet committed
    nothing = None  # what a store that knows nothing holds of a request (None: no store)
    if store is not None:
        from .store import NOTHING_ON_RECORD as nothing

    def work(loaded: Loaded, on_record: "OnRecord | None") -> Screened:
        try:
            result = screen_request(loaded.request, backend, ctx)
        except LLMError as error:
            return Screened(loaded, error=error, on_record=on_record)
        return Screened(loaded, result, on_record=on_record)

    def save() -> None:
        if store is not None and unsaved:
            store.record_all([(loaded.request, result) for loaded, result in unsaved], key)
        unsaved.clear()

    def settle(screened: Screened) -> bool:
        """A paid or claimed outcome on record at once (its claim released with it), ahead of its
        turn to be consumed when need be; True when it was (offline verdicts wait for their group)."""
        result = screened.result
        if id(screened) in settled:
            return True
        if claims and screened.error is not None:  # no verdict: the request is free for another try
            store.release([screened.loaded.request.id], key)
            settled.add(id(screened))
            return True
        # Paid for, or claimed (a cached answer of a model too: another process waits for it).
        if store is not None and result is not None and not result.resumed and (
                claims or (result.usage is not None and not result.cached)):
            store.record(screened.loaded.request, result, key)
            settled.add(id(screened))
            return True
        return False

    def consume(screened: Screened) -> Screened:
        result = screened.result
        if settle(screened):
            settled.discard(id(screened))
        elif store is not None and result is not None and not result.resumed:  # offline: in groups
            unsaved.append((screened.loaded, result))
            if len(unsaved) >= GROUP_COMMIT:
                save()
        if result is not None:  # recorded as screened; shown as it stands (the user's word included)
            screened = replace(screened, result=present(result, screened.on_record))
        on_done(screened)
        return screened

    def look_up_shown(request):
        """The verdict on record under this key, its summary in this run's interface language."""
        resumed, on_record = store.look_up(request, key)
        return (shown_in(resumed, ctx) if resumed is not None else None), on_record

    def submit(loaded: Loaded) -> Future[Screened]:
        nonlocal first_call
        if store is not None:
            request, warning = store.identify(loaded.request)
            if warning:
                on_warning(warning)
            if request is not loaded.request:
                loaded = replace(loaded, request=request)
        resumed, on_record = look_up_shown(loaded.request) if look_up else (None, nothing)
        if not resume:
            resumed = None
        if resumed is None and claims:
            held = store.claim(loaded.request, key)
            if held == "done" and resume:  # another process recorded it a moment ago
                resumed, on_record = look_up_shown(loaded.request)
            elif held == "held":  # another process is paying for it: its verdict is awaited (take)
                later: Future[Screened] = Future()
                waiting[later] = (loaded, on_record)
                return later
        if resumed is not None or pool is None:
            done: Future[Screened] = Future()
            done.set_result(Screened(loaded, resumed, on_record=on_record) if resumed is not None
                            else work(loaded, on_record))
            return done
        future = pool.submit(work, loaded, on_record)
        if first_call:  # alone: a wrong key, model or URL stops the batch after one call
            first_call = False
            future.result()
        return future

    def await_other(future: Future[Screened]) -> None:
        """A request another process claimed: its verdict once recorded, or (the claim released
        without one, or gone stale) this process screens it."""
        loaded, on_record = waiting.pop(future)
        while True:
            resumed, on_record = look_up_shown(loaded.request)
            if resumed is not None and resume:
                future.set_result(Screened(loaded, resumed, on_record=on_record))
                return
            held = store.claim(loaded.request, key)
            if held == "mine" or (held == "done" and not resume):
                future.set_result(work(loaded, on_record))
                return
            if held == "held":
                # What this process paid for and has not consumed yet goes on record now: the other
                # process may be waiting for one of them as this one waits for it.
                for other in queue:
                    if other.done() and other not in waiting:
                        settle(other.result())
                time.sleep(CLAIM_POLL)

    def take() -> Iterator[Screened]:
        if queue[0] in waiting:
            await_other(queue[0])
        screened = consume(queue.popleft().result())
        if screened.error is not None and screened.error.stops_batch:
            yield from _drain(queue, consume)
            raise screened.error
        yield screened

    pool = ThreadPoolExecutor(concurrency, thread_name_prefix="assist-screen") if concurrency > 1 else None
    queue: deque[Future[Screened]] = deque()
    first_call = True
    try:
        for loaded in items:
            queue.append(submit(loaded))
            while queue and (len(queue) >= window or queue[0].done()):
                yield from take()
        while queue:
            yield from take()
    except BaseException:
        if pool is not None:  # interrupted: leave the calls in flight behind
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        save()
        if pool is not None:
            pool.shutdown(wait=True)
        if claims:
            store.release()  # an interrupted or stopped batch leaves no claim behind


def _drain(queue: deque[Future[Screened]], consume: Callable[[Screened], Screened]) -> Iterator[Screened]:
    """The batch stops: what has not started never will; what was already paid for is kept."""
    for future in queue:
        future.cancel()
    while queue:
        future = queue.popleft()
        if not future.cancelled():
            screened = consume(future.result())
            if screened.result is not None:
                yield screened
