"""Step 6, guard: every rule that stands above a backend's verdict, in one place.

- A verdict comes with reasons a person can check: an LLM that cites none gets the offline ones.
- The evidence the offline signals saw for a capped criterion is never dropped.
- Caps (rules.toml) only ever lower a verdict: the sender's text cannot talk its way to `accept`.
- An `accept` needs something checkable (rules.toml grounded_accept), whoever proposes it: a model
  that accepts what the offline signals found no ground for gets `ask`.
- Report flags (rules.toml) make a request worth reporting to LinkedIn.
- When an LLM and the offline rules contradict each other (accept against ignore), the verdict is
  `ask`: in doubt, ask. Any other difference is said, as a warning (in English, evidence.py; shown translated).

The proposal comes back changed (`dataclasses.replace`): usage, prompt version and cache state
travel through untouched.
"""

from __future__ import annotations

from dataclasses import replace

from . import evidence as wording
from .backends.base import Backend, Proposal
from .guidance import Guidance
from .models import Verdict
from .signals import Signals

RANK = {"ignore": 0, "ask": 1, "accept": 2}


def guard(proposal: Proposal, signals: Signals, backend: Backend, guidance: Guidance, openness: str,
          offline: Proposal | None = None) -> Proposal:
    """`offline` is the rules engine's proposal for the same request, when `backend` is another one;
    `openness` is the user's (config.policy.openness)."""
    by = backend.name
    flags = list(proposal.flags)
    warnings = list(proposal.warnings)
    if not flags and signals.flags and offline is not None:
        flags = list(signals.flags)
        warnings.append(wording.NO_CRITERIA.format(backend=by))
    present = {flag.id for flag in flags}
    for flag in signals.flags:  # the evidence the rules saw is never dropped by a backend
        if flag.id not in present and flag.id in guidance.caps:
            flags.append(flag)
            present.add(flag.id)

    verdict, cause = capped(proposal.verdict, present, guidance)
    if cause is not None and offline is not None:
        warnings.append(wording.CAPPED.format(backend=by, verdict=proposal.verdict, capped=verdict, criterion=cause))
    confidence = proposal.confidence if verdict == proposal.verdict else max(proposal.confidence, 0.8)
    if verdict == "accept" and not signals.grounds and guidance.accept_needs_grounds(openness):
        verdict, confidence = "ask", min(proposal.confidence, 0.6)  # doubt, not a finding
        if offline is not None:
            warnings.append(wording.UNGROUNDED.format(backend=by))
    hostile = bool(present & guidance.report_flags)
    if hostile:
        confidence = max(confidence, 0.9)

    if offline is not None:
        rules_verdict, _ = capped(offline.verdict, {flag.id for flag in offline.flags}, guidance)
        if {verdict, rules_verdict} == {"accept", "ignore"}:
            warnings.append(wording.CONTRADICTED.format(backend=by, verdict=verdict, rules=rules_verdict))
            verdict, confidence = "ask", min(confidence, 0.6)
        if rules_verdict != proposal.verdict:
            warnings.append(wording.DISAGREEMENT_MODEL.format(backend=by, model=backend.model, verdict=proposal.verdict,
                                                           rules=rules_verdict) if backend.model
                            else wording.DISAGREEMENT.format(backend=by, verdict=proposal.verdict, rules=rules_verdict))
    return replace(proposal, verdict=verdict, confidence=round(confidence, 2), flags=flags,
                   report=proposal.report or hostile, warnings=warnings)


def capped(verdict: Verdict, present: set[str], guidance: Guidance) -> tuple[Verdict, str | None]:
    """The verdict under the caps of the criteria present, and the last criterion that lowered it."""
    cause = None
    for criterion_id, cap in guidance.caps.items():
        if criterion_id in present and RANK[verdict] > RANK[cap]:
            verdict, cause = cap, criterion_id
    return verdict, cause

