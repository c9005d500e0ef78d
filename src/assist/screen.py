"""The pipeline for one request: signals, backend, guard, summary, draft. Nothing is sent, and
nothing is stored here (runner.py records what this returns).

    request -> extract_signals -> backend.propose -> guard -> summarize -> draft -> ScreenResult
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .backends.base import Backend, Proposal
from .backends.errors import LLMError
from .backends.rules import RulesBackend
from .context import RunContext
from .draft import draft_reply, fit, reply_language
from .explain import summarize
from .guard import guard
from .models import Reply, ReplyKind, Request, ScreenResult, Usage
from .signals import Signals, extract_signals

OFFLINE = RulesBackend()  # the offline reading of the guidance: every LLM verdict is held against it


def screen_request(request: Request, backend: Backend, ctx: RunContext) -> ScreenResult:
    signals = extract_signals(request, ctx.config, ctx.guidance)
    proposal = backend.propose(request, signals, ctx)
    offline = None if isinstance(backend, RulesBackend) else OFFLINE.propose(request, signals, ctx)
    guarded = guard(proposal, signals, backend, ctx.guidance, ctx.config.policy.openness, offline)
    summary = guarded.summary
    if not summary or guarded.verdict != proposal.verdict:
        unchecked = proposal.verdict == "accept" and guarded.verdict == "ask" and not signals.grounds
        summary = summarize(guarded.verdict, guarded.flags, guarded.report, signals.relevance_judged, ctx,
                            unchecked=unchecked, note_only=signals.note_only)
    reply = reply_for_verdict(request, signals, guarded, ctx) if guarded.verdict == "ask" else None
    return ScreenResult(
        id=request.id or "",
        verdict=guarded.verdict,
        confidence=guarded.confidence,
        summary=summary,
        flags=guarded.flags,
        report=guarded.report,
        reply=reply,
        backend=backend.name,
        model=backend.model,
        sender=request.sender.name,
        warnings=signals.warnings + guarded.warnings,
        prompt_version=guarded.prompt_version,
        usage=guarded.usage,
        cached=guarded.cached,
    )


def reply_for_verdict(request: Request, signals: Signals, proposal: Proposal, ctx: RunContext) -> Reply:
    """The draft for an `ask` verdict: the backend's own reply when it wrote a usable one, else the
    template's clarifying question."""
    if proposal.reply_text:
        return Reply(kind="clarify", language=reply_language(ctx.config, request, ctx.reply_language), text=fit(proposal.reply_text, ctx.max_chars))
    return draft_reply(request, ctx.config, "clarify", signals, ctx.max_chars, ctx.guidance, ctx.reply_language)


@dataclass(frozen=True)
class Drafted:
    reply: Reply
    usage: Usage | None = None
    warnings: list[str] = field(default_factory=list)


def write_reply(backend: Backend, request: Request, signals: Signals, kind: ReplyKind, ctx: RunContext) -> Drafted:
    """A reply of the given kind, as the backend writes it (an LLM its own, the offline engine the
    template); when an LLM fails, the template, and the warning says so."""
    try:
        written = backend.write_reply(request, signals, kind, ctx)
    except LLMError as error:
        template = draft_reply(request, ctx.config, kind, signals, ctx.max_chars, ctx.guidance, ctx.reply_language)
        return Drafted(template, None, [f"the LLM reply failed ({error}); this is the template reply"])
    reply = Reply(kind=kind, language=reply_language(ctx.config, request, ctx.reply_language), text=fit(written.text, ctx.max_chars))
    return Drafted(reply, written.usage, list(written.warnings))
