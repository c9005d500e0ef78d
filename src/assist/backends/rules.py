"""The offline engine: the guidance's quick reference applied to the deterministic signals.

Relevant and sincere, accept; random, irrelevant or selling, ignore; in doubt, ask. Each flag's
weight (rules.toml) adds to a score, compared with the thresholds for the user's openness. An accept
needs something checkable (rules.toml [parameters] grounded_accept): without it, ask.
"""

from __future__ import annotations

from ..context import RunContext
from ..explain import summarize
from ..models import Request
from ..signals import Signals
from .base import Backend, Proposal


class RulesBackend(Backend):
    name = "rules"

    def propose(self, request: Request, signals: Signals, ctx: RunContext) -> Proposal:
        thresholds = ctx.guidance.thresholds(ctx.config.policy.openness)
        score = signals.score
        if score >= thresholds.accept:
            verdict, margin = "accept", score - thresholds.accept
        elif score <= thresholds.ignore:
            verdict, margin = "ignore", thresholds.ignore - score
        else:
            verdict = "ask"
            margin = min(score - thresholds.ignore, thresholds.accept - score)
        summary = ""
        if verdict == "accept" and not signals.grounds and ctx.guidance.accept_needs_grounds(ctx.config.policy.openness):
            # Nothing in the profile or the note can be checked: a claim is not a reason to accept.
            verdict, margin = "ask", 0.0
            summary = summarize(verdict, signals.flags, False, signals.relevance_judged, ctx,
                                unchecked=True, note_only=signals.note_only)
        confidence = min(0.95, 0.6 + 0.1 * margin) if verdict != "ask" else min(0.8, 0.5 + 0.1 * margin)
        if not signals.relevance_judged and verdict != "ignore":
            confidence -= 0.1
        return Proposal(verdict=verdict, confidence=round(confidence, 2), summary=summary, flags=signals.flags)
