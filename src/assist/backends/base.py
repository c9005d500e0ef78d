"""The backend interface: one request in, one decision out, with what the backend can do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..config import UserConfig
from ..models import Flag, Request, Verdict
from ..signals import Signals


@dataclass
class Decision:
    verdict: Verdict
    confidence: float
    summary: str
    flags: list[Flag]
    report: bool = False
    reply_text: str | None = None  # a backend that writes its own reply (LLMs) puts it here
    warnings: list[str] = field(default_factory=list)


class Backend(Protocol):
    name: str
    model: str | None
    # Capability flags: what the pipeline may ask of this backend.
    writes_replies: bool
    costs_money: bool

    def decide(self, request: Request, config: UserConfig, signals: Signals) -> Decision: ...
