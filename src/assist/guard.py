"""Step 6, guard: whatever a backend said, hostile signals cap the verdict and set `report`.

Caps (rules.toml) only ever lower a verdict. The sender's text cannot talk its way to `accept`.
"""

from __future__ import annotations

from .guidance import Guidance, load_guidance
from .backends.base import Decision
from .signals import Signals

RANK = {"ignore": 0, "ask": 1, "accept": 2}


def apply_guard(decision: Decision, signals: Signals, backend: str, guidance: Guidance | None = None) -> Decision:
    guidance = guidance or load_guidance()
    flags = list(decision.flags)
    warnings = list(decision.warnings)
    if not flags and signals.flags and backend != "rules":
        # A verdict must come with reasons a person can check: the offline ones, said as such.
        flags = list(signals.flags)
        warnings.append(f"guard: {backend} cited no criteria; the offline signals are shown instead")
    present = {flag.id for flag in flags}
    for flag in signals.flags:  # the evidence the rules saw is never dropped by a backend
        if flag.id not in present and flag.id in guidance.caps:
            flags.append(flag)
            present.add(flag.id)
    verdict = decision.verdict
    for criterion_id, cap in guidance.caps.items():
        if criterion_id in present and RANK[verdict] > RANK[cap]:
            if backend != "rules":
                warnings.append(f"guard: {backend} said {verdict}; capped to {cap} because of {criterion_id}")
            verdict = cap
    report = decision.report or bool(present & guidance.report_flags)
    confidence = decision.confidence
    if verdict != decision.verdict:
        confidence = max(confidence, 0.8)
    if present & guidance.report_flags:
        confidence = max(confidence, 0.9)
    return Decision(verdict=verdict, confidence=round(confidence, 2), summary=decision.summary, flags=flags,
                    report=report, reply_text=decision.reply_text, warnings=warnings)
