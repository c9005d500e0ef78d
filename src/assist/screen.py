"""The pipeline for one request: signals, backend, guard, summary, draft, store. Nothing is sent."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from .backends.base import Backend
from .config import UserConfig
from .draft import DEFAULT_MAX_CHARS, draft_reply, fit, reply_language
from .explain import summarize, summary_language
from .guard import apply_guard
from .guidance import Guidance, load_guidance
from .models import Reply, Request, ScreenResult
from .signals import extract_signals
from .store import Store


def screen_request(
    request: Request,
    config: UserConfig,
    backend: Backend,
    max_chars: int = DEFAULT_MAX_CHARS,
    guidance: Guidance | None = None,
) -> ScreenResult:
    guidance = guidance or load_guidance()
    signals = extract_signals(request, config, guidance)
    if getattr(backend, "writes_replies", False):  # an LLM: told the reply limit for its own reply
        proposed = backend.decide(request, config, signals, max_chars=max_chars)
    else:
        proposed = backend.decide(request, config, signals)
    decision = apply_guard(proposed, signals, backend.name, guidance)
    rules_verdict, disagreement = _rules_opinion(request, config, signals, backend, proposed, guidance)
    if rules_verdict is not None and {decision.verdict, rules_verdict} == {"accept", "ignore"}:
        # The model and the offline reading of the guidance contradict each other: in doubt, ask.
        decision = replace(decision, verdict="ask", confidence=min(decision.confidence, 0.6), warnings=[
            *decision.warnings,
            f"guard: {backend.name} said {decision.verdict} and the offline rules say {rules_verdict}: in doubt, ask"])
    summary = decision.summary
    if not summary or decision.verdict != proposed.verdict:
        summary = summarize(decision.verdict, decision.flags, decision.report, signals.relevance_judged,
                            summary_language(config), guidance)
    reply = None
    if decision.verdict == "ask":
        if decision.reply_text:
            reply = Reply(kind="clarify", language=reply_language(config, request), text=fit(decision.reply_text, max_chars))
        else:
            reply = draft_reply(request, config, "clarify", signals, max_chars, guidance)
    return ScreenResult(
        id=request.id or "",
        verdict=decision.verdict,
        confidence=decision.confidence,
        summary=summary,
        flags=decision.flags,
        report=decision.report,
        reply=reply,
        backend=backend.name,
        model=backend.model,
        sender=request.sender.name,
        warnings=signals.warnings + decision.warnings + disagreement,
        prompt_version=proposed.prompt_version,
        usage=proposed.usage,
        cached=proposed.cached,
    )


def _rules_opinion(request: Request, config: UserConfig, signals, backend: Backend, proposed,
                   guidance: Guidance) -> tuple[str | None, list[str]]:
    """For a non-rules backend: the offline engine's verdict, and a warning when it differs."""
    if backend.name == "rules":
        return None, []
    from .backends.rules import RulesBackend

    rules = apply_guard(RulesBackend(guidance).decide(request, config, signals), signals, "rules", guidance)
    if rules.verdict == proposed.verdict:
        return rules.verdict, []
    model = f" ({backend.model})" if backend.model else ""
    return rules.verdict, [f"disagreement: {backend.name}{model} said {proposed.verdict}; the offline rules say {rules.verdict}"]


def screening_key(config: UserConfig, backend: Backend, max_chars: int, guidance: Guidance | None = None) -> str:
    """What a verdict depends on besides the request: backend, model, prompts/ and the user's config."""
    guidance = guidance or load_guidance()
    parts = [backend.name, backend.model or "", guidance.version, config.model_dump_json(exclude={"llm"}), str(max_chars)]
    if getattr(backend, "redact", False):  # a redacted prompt is another prompt (added only when on)
        parts.append("redact")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def screen_and_store(
    request: Request,
    config: UserConfig,
    backend: Backend,
    store: Store | None,
    key: str,
    max_chars: int = DEFAULT_MAX_CHARS,
    guidance: Guidance | None = None,
    resume: bool = True,
) -> ScreenResult:
    """Screen one request, or take its verdict from the store when it was screened under the same
    key; record it in one transaction. The user's own decision is reported, never overwritten."""
    if store is None:
        return screen_request(request, config, backend, max_chars, guidance)
    result = resumed_from(store, request, key) if resume else None
    if result is None:
        result = screen_request(request, config, backend, max_chars, guidance)
        return record_result(store, request, result, key)
    return result


def resumed_from(store: Store, request: Request, key: str) -> ScreenResult | None:
    """The verdict already recorded for this request under this key (with the user's decision), or None."""
    result = store.screened(request, key)
    if result is None:
        return None
    return with_decision(store, request, result.model_copy(update={"resumed": True}))


def record_result(store: Store, request: Request, result: ScreenResult, key: str) -> ScreenResult:
    """Record one new verdict in its own transaction; report the user's decision, never overwrite it."""
    store.record(request, result, key)
    return with_decision(store, request, result)


def with_decision(store: Store, request: Request, result: ScreenResult) -> ScreenResult:
    decision = store.decision(request.id or "")
    if decision is not None:
        result = result.model_copy(update={"user_decision": decision})
    return result
