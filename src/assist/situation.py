"""Which reply a request calls for, read from its verdict and its signals (issue 11).

    scam or manipulation     -> none: no reply is drafted (report it instead)
    a favour, or an offer    -> decline, saying which ("favour" or "selling")
    accept                   -> welcome
    the note says why        -> acknowledge: thank them for it, ask only what is missing
                                (the screening's personalized_note, or a reason the reply reads:
                                note_reasons.py; not when a sentence may be aimed at the screening)
    otherwise                -> clarify: how do we know each other?

A decline answers what a note asks or offers, never who the sender is: a seller's profile whose
note says nothing (selling.Finding kind "role") is asked, as is an honest stranger from another
field whom the verdict ignores (should the user answer at all, the guidance's answer to doubt is a
question). `screen` drafts for `ask` only; `draft-reply` for any verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from .guidance import Guidance
from .models import Verdict
from .note_reasons import gives_reason
from .signals import Signals
from .vocabulary import ReplyKind


@dataclass(frozen=True)
class Situation:
    kind: ReplyKind
    reason: str | None = None  # decline: "favour" or "selling"; None: a stranger
    missing: str | None = None  # acknowledge: "relationship" (where did we meet) or "purpose" (what do you have in mind)


def hostile(signals: Signals, guidance: Guidance) -> list[str]:
    """The titles of the hostile criteria the request carries: a reply to it would answer a scammer."""
    return list(dict.fromkeys(guidance.criterion(flag.id).title for flag in signals.flags if flag.id in guidance.report_flags))


def choose_situation(verdict: Verdict, signals: Signals, guidance: Guidance, report: bool = False,
                     note: str | None = None) -> Situation | None:
    """The situation, or None when no reply should be drafted at all. `note`: the request's note,
    read for a reason the screening's flags may not weigh ("congrats on the news", "em cũng làm…")."""
    if report or hostile(signals, guidance):
        return None
    if signals.has("sales_pitch") and signals.pitch in ("favour", "offer"):
        return Situation("decline", reason="favour" if signals.pitch == "favour" else "selling")
    if verdict == "accept":
        return Situation("welcome")
    if (signals.has("personalized_note") or gives_reason(note)) and not signals.has("unclear_intent"):
        return Situation("acknowledge", missing="relationship" if signals.claim_only else "purpose")
    return Situation("clarify")


def situation_for_kind(kind: ReplyKind, signals: Signals | None) -> Situation:
    """--kind chosen by the user: the details still come from the signals."""
    if kind == "decline" and signals is not None and signals.has("sales_pitch") and signals.pitch in ("favour", "offer"):
        return Situation(kind, reason="favour" if signals.pitch == "favour" else "selling")
    if kind == "acknowledge":
        return Situation(kind, missing="relationship" if signals is not None and signals.claim_only else "purpose")
    return Situation(kind)
