"""The pipeline for one request: signals, backend, guard, summary, draft. Nothing is sent, and
nothing is stored here (runner.py records what this returns).

    request -> extract_signals -> backend.propose -> guard -> summarize -> draft -> ScreenResult
"""

from __future__ import annotations

from .backends.base import Backend
from .backends.rules import RulesBackend
from .context import RunContext
from .draft import reply_for_verdict
from .explain import summarize
from .guard import guard
from .models import Request, ScreenResult
from .signals import extract_signals

OFFLINE = RulesBackend()  # the offline reading of the guidance: every LLM verdict is held against it


def screen_request(request: Request, backend: Backend, ctx: RunContext) -> ScreenResult:
    signals = extract_signals(request, ctx.config, ctx.guidance)
    proposal = backend.propose(request, signals, ctx)
    offline = None if isinstance(backend, RulesBackend) else OFFLINE.propose(request, signals, ctx)
    guarded = guard(proposal, signals, backend, ctx.guidance, offline)
    summary = guarded.summary
    if not summary or guarded.verdict != proposal.verdict:
        summary = summarize(guarded.verdict, guarded.flags, guarded.report, signals.relevance_judged, ctx)
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
