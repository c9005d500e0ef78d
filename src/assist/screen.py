"""The pipeline for one request: signals, backend, guard, summary, draft. Nothing is sent, and
nothing is stored here (runner.py records what this returns).

    request -> extract_signals -> backend.propose -> guard -> summarize -> situation -> draft -> ScreenResult
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import evidence as wording
from .backends.base import Backend, Proposal
from .backends.errors import LLMError
from .backends.rules import RulesBackend
from .context import RunContext
from .draft import draft_reply, fit, reply_language
from .explain import summarize
from .guard import guard
from .models import Reply, ReplyKind, Request, ScreenResult, Usage
from .signals import Signals, extract_signals
from .vocabulary import ASKING_KINDS
from .situation import Situation, choose_situation, situation_for_kind

OFFLINE = RulesBackend()  # the offline reading of the guidance: every LLM verdict is held against it


def signals_for(request: Request, ctx: RunContext) -> Signals:
    """Step 2: the request's signals, with what the user's export says about its sender."""
    return extract_signals(request, ctx.config, ctx.guidance, ctx.known(request))


def screen_request(request: Request, backend: Backend, ctx: RunContext) -> ScreenResult:
    signals = signals_for(request, ctx)
    proposal = backend.propose(request, signals, ctx)
    offline = None if isinstance(backend, RulesBackend) else OFFLINE.propose(request, signals, ctx)
    guarded = guard(proposal, signals, backend, ctx.guidance, ctx.config.policy.openness, offline)
    summary = guarded.summary
    if not summary or guarded.verdict != proposal.verdict:
        unchecked = proposal.verdict == "accept" and guarded.verdict == "ask" and not signals.grounds
        summary = summarize(guarded.verdict, guarded.flags, guarded.report, signals.relevance_judged, ctx,
                            unchecked=unchecked, note_only=signals.note_only)
    situation = (choose_situation(guarded.verdict, signals, ctx.guidance, guarded.report, request.note)
                 if guarded.verdict == "ask" else None)
    reply = reply_for_situation(request, signals, guarded, situation, ctx) if situation else None
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


def reply_for_situation(request: Request, signals: Signals, proposal: Proposal, situation: Situation,
                        ctx: RunContext) -> Reply:
    """The draft for an `ask` verdict: the backend's own reply when it wrote a usable one, else the
    template's for the situation (situation.py: clarify, acknowledge, or a decline of a favour or a sale)."""
    if proposal.reply_text and situation.kind in ASKING_KINDS:  # the LLM's asks a question
        return Reply(kind=situation.kind, language=reply_language(ctx.config, request, ctx.reply_language),
                     text=fit(proposal.reply_text, ctx.max_chars))
    return draft_reply(request, ctx.config, situation, signals, ctx.max_chars, ctx.guidance, ctx.reply_language)


def situation_for(request: Request, signals: Signals, ctx: RunContext, verdict: str | None = None) -> Situation | None:
    """The situation a reply answers (situation.py), for `draft-reply` without --kind: from the
    verdict given (the user's decision, or the stored screening), else the offline engine's."""
    report = False
    if verdict is None:
        guarded = guard(OFFLINE.propose(request, signals, ctx), signals, OFFLINE, ctx.guidance, ctx.config.policy.openness)
        verdict, report = guarded.verdict, guarded.report
    return choose_situation(verdict, signals, ctx.guidance, report, request.note)


@dataclass(frozen=True)
class Drafted:
    reply: Reply
    usage: Usage | None = None
    warnings: list[str] = field(default_factory=list)


def write_reply(backend: Backend, request: Request, signals: Signals, kind: ReplyKind | Situation, ctx: RunContext) -> Drafted:
    """A reply for the situation (or of the kind the user chose), as the backend writes it (an LLM
    its own, the offline engine the template); when an LLM fails, the template, and the warning
    says so."""
    situation = kind if isinstance(kind, Situation) else situation_for_kind(kind, signals)
    try:
        written = backend.write_reply(request, signals, situation, ctx)
    except LLMError as error:
        template = draft_reply(request, ctx.config, situation, signals, ctx.max_chars, ctx.guidance, ctx.reply_language)
        return Drafted(template, None, [wording.LLM_REPLY_FAILED.format(failure=error)])
    reply = Reply(kind=situation.kind, language=reply_language(ctx.config, request, ctx.reply_language),
                  text=fit(written.text, ctx.max_chars))
    return Drafted(reply, written.usage, list(written.warnings))
