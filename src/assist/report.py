"""What a run did, counted once: verdicts, reports, failures, tokens, cost and time. `screen`,
`batch collect` and `eval` each fill one; output.py says it to a person."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .models import VERDICTS, ScreenResult, Usage
from .usage import add_usage


FAILED_KEPT = 1000


@dataclass
class RunReport:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    reported: int = 0  # worth reporting to LinkedIn
    yours: int = 0  # counted by the user's own decision (`assist decide`), not assist's verdict
    failures: int = 0  # requests that could not be screened
    failed: list[str] = field(default_factory=list)  # the first FAILED_KEPT of them, named
    usage: Usage | None = None  # the sum over the verdicts that came with usage (LLM backends)
    cached: int = 0  # LLM verdicts that made no call (the answer cache, or resumed from the store)
    started: float = field(default_factory=time.monotonic)
    seconds: list[float] = field(default_factory=list)  # per request, where the caller times them

    def add(self, result: ScreenResult) -> None:
        self.counts[result.decision] += 1  # the verdict that stands: the user's own when they decided
        self.yours += result.user_decision is not None
        self.reported += result.report
        if result.usage is not None:
            self.usage = result.usage if self.usage is None else add_usage(self.usage, result.usage)
            self.cached += result.cached or result.resumed  # from the answer cache, or the store: no call made

    def fail(self, what: str) -> None:
        self.failures += 1
        if len(self.failed) < FAILED_KEPT:  # a run of 100,000 failures keeps its memory flat
            self.failed.append(what)

    @property
    def screened(self) -> int:
        return sum(self.counts.values())

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started
