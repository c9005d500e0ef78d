"""The words of the contracts (vocabulary.py: verdicts, reply kinds, draft states) as a person reads
them, in the interface's language; `--json`, the store and the options keep the words themselves."""

from __future__ import annotations

from .i18n import N_, _

VERDICT_WORDS = {"accept": N_("accept"), "ask": N_("ask"), "ignore": N_("ignore")}
KIND_WORDS = {"clarify": N_("clarify"), "acknowledge": N_("acknowledge"), "decline": N_("decline"),
              "welcome": N_("welcome")}
STATUS_WORDS = {"pending": N_("pending"), "approved": N_("approved"), "rejected": N_("rejected"), "sent": N_("sent"),
                "withdrawn": N_("withdrawn")}


def verdict_word(verdict: str) -> str:
    """`accept` as the interface says it (`Chấp nhận`); a word it does not know, as it is."""
    return _(VERDICT_WORDS[verdict]) if verdict in VERDICT_WORDS else verdict


def kind_word(kind: str) -> str:
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def status_word(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def status_cell(status: str, edited: bool) -> str:
    """`pending, edited`: a draft's state for a table."""
    return _("{status}, edited").format(status=status_word(status)) if edited else status_word(status)
