"""The backend interface: one request in, one proposal out, with what the backend can do declared
on its class.

A backend proposes; the guard (guard.py) disposes. Every backend gets the same three things: the
request, the offline signals (its evidence) and the run's context (context.py: the user's config,
the guidance, the reply limit, redaction, the user's past examples).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from ..models import Flag, Request, Usage, Verdict

if TYPE_CHECKING:
    from ..context import RunContext
    from ..signals import Signals
    from ..situation import Situation


@dataclass(frozen=True)
class Proposal:
    """What a backend says about one request, and what it cost to say it."""

    verdict: Verdict
    confidence: float
    summary: str
    flags: list[Flag]
    report: bool = False
    reply_text: str | None = None  # a backend that writes replies (an LLM) puts its own here
    warnings: list[str] = field(default_factory=list)
    usage: Usage | None = None  # tokens and cost, for a backend that calls a model
    prompt_version: str | None = None  # the hash of the templates the prompt was rendered from
    cached: bool = False  # answered from the local cache: no call was made


@dataclass(frozen=True)
class WrittenReply:
    """A reply a backend wrote on its own (`assist draft-reply`, regenerating in `assist review`)."""

    text: str
    usage: Usage | None = None
    warnings: list[str] = field(default_factory=list)
    cached: bool = False


class Backend(ABC):
    """Subclasses set `name` and implement `propose`; capabilities default to the offline engine's."""

    name: ClassVar[str]
    model: str | None = None
    # Capabilities: what the pipeline may ask of this backend, and what it must take care of.
    needs_examples: ClassVar[bool] = False  # its prompt shows the user's past decisions and replies
    costs_money: ClassVar[bool] = False  # each verdict is paid for (an API bill or minutes of model
    #                                      time): recorded the moment it is back, never recomputed lightly
    default_concurrency: ClassVar[int] = 1  # requests screened at once unless --concurrency says otherwise

    @abstractmethod
    def propose(self, request: Request, signals: "Signals", ctx: "RunContext") -> Proposal:
        """A verdict for one request."""

    def write_reply(self, request: Request, signals: "Signals", situation: "Situation", ctx: "RunContext") -> WrittenReply:
        """A reply for the situation (situation.py): the guidance's template (prompts/replies/), in
        the user's voice and within the reply limit. An LLM backend writes its own instead."""
        from ..draft import draft_reply

        return WrittenReply(draft_reply(request, ctx.config, situation, signals, ctx.max_chars, ctx.guidance,
                                        ctx.reply_language).text)
