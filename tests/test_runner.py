"""The batch as an ordered map (runner.screen_all), with backends scripted in-process: input order
whatever the finishing order, paid verdicts recorded as they come, offline ones in groups, and a
batch that stops keeps everything it had done."""

from __future__ import annotations

import threading
import time

import pytest

from assist.backends import Proposal, RulesBackend
from assist.backends.base import Backend
from assist.backends.errors import LLMError, RequestRejected
from assist.context import RunContext
from assist.load import Loaded
from assist.models import Request, Usage
from assist.runner import GROUP_COMMIT, screen_all
from assist.store import Store
from helpers import analyst


def inbox(count: int) -> list[Loaded]:
    return [Loaded(f"inbox: item {index}", request=Request.model_validate(
        {"id": f"r-{index:04d}", "sender": {"name": f"Alex Tran {index}"}, "note": f"Hello ({index})"}))
        for index in range(count)]


class Scripted(Backend):
    """An LLM stand-in: answers `ask` after a delay that shrinks with the index (so later requests
    finish first), and fails as told."""

    name = "openai"
    model = "scripted"
    costs_money = True

    def __init__(self, fail_at: dict[str, LLMError] | None = None, delay: float = 0.0):
        self.fail_at = fail_at or {}
        self.delay = delay
        self.calls: list[str] = []
        self.spans: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def propose(self, request, signals, ctx) -> Proposal:
        started = time.monotonic()
        with self.lock:
            self.calls.append(request.id)
        index = int(request.id.split("-")[1])
        time.sleep(self.delay * (10 - index % 10) / 10)
        self.spans[request.id] = (started, time.monotonic())
        if request.id in self.fail_at:
            raise self.fail_at[request.id]
        return Proposal(verdict="ask", confidence=0.5, summary="?", flags=list(signals.flags),
                        usage=Usage(prompt_tokens=10, completion_tokens=2))


def stored_ids(store: Store) -> set[str]:
    return {row[0] for row in store.db.execute("SELECT request_id FROM verdicts")}


def test_results_come_in_input_order_when_calls_finish_out_of_order(tmp_path):
    backend = Scripted(delay=0.02)
    with Store.open(tmp_path / "a.db") as store:
        done = list(screen_all(inbox(30), backend, RunContext(analyst()), store, concurrency=6))
        assert [s.loaded.request.id for s in done] == [f"r-{i:04d}" for i in range(30)]
        assert stored_ids(store) == {f"r-{i:04d}" for i in range(30)}
    first_done = backend.spans["r-0000"][1]
    assert all(start >= first_done for id_, (start, _) in backend.spans.items() if id_ != "r-0000")  # it went alone


def test_a_batch_that_stops_keeps_what_was_paid_for(tmp_path):
    backend = Scripted(fail_at={"r-0005": RequestRejected("bad key", 401, stops_batch=True)})
    seen = []
    with Store.open(tmp_path / "a.db") as store:
        with pytest.raises(RequestRejected):
            for screened in screen_all(inbox(12), backend, RunContext(analyst()), store, concurrency=1):
                seen.append(screened.loaded.request.id)
        assert seen == [f"r-{i:04d}" for i in range(5)]
        assert stored_ids(store) == set(seen)  # each recorded as it came back
    assert len(backend.calls) == 6  # nothing was asked after the key was refused


def test_a_failure_that_does_not_stop_the_batch_is_an_outcome(tmp_path):
    backend = Scripted(fail_at={"r-0002": LLMError("the model's answer is invalid")})
    done = list(screen_all(inbox(4), backend, RunContext(analyst()), None, concurrency=2))
    assert [s.error is not None for s in done] == [False, False, True, False]


def test_offline_verdicts_are_committed_in_groups_and_none_is_lost_when_the_run_stops(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        run = screen_all(inbox(GROUP_COMMIT + 200), RulesBackend(), RunContext(analyst()), store)
        for count, _ in enumerate(run, start=1):
            if count == GROUP_COMMIT + 100:
                break
        assert len(stored_ids(store)) == GROUP_COMMIT  # one group so far; the rest is in memory
        run.close()  # the consumer stops (as a Ctrl-C would): what was screened is recorded
        assert len(stored_ids(store)) == GROUP_COMMIT + 100


def test_a_second_run_resumes_and_reports_the_users_decision(tmp_path):
    with Store.open(tmp_path / "a.db") as store:
        ctx = RunContext(analyst())
        list(screen_all(inbox(3), RulesBackend(), ctx, store))
        store.decide("r-0001", "ignore")
        again = list(screen_all(inbox(4), RulesBackend(), ctx, store))
    assert [s.result.resumed for s in again] == [True, True, True, False]
    assert again[1].result.user_decision == "ignore"


@pytest.mark.parametrize("command", ["screen", "draft-reply", "eval"])
def test_the_llm_options_are_declared_once_and_reach_every_command(capsys, command):
    from helpers import run

    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    for option in ("--backend", "--base-url", "--model", "--structured-output", "--model-path", "--no-cache"):
        assert option in out, (command, option)
