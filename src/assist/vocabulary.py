"""The words assist's contracts are made of, each list written once: verdicts, reply kinds, draft
statuses, backends, structured-output modes, and the reply's length limits. Plain `typing`, so the
command line can declare its options without importing the models."""

from __future__ import annotations

from typing import Literal, get_args

from .i18n import N_  # for the catalogue only (i18n imports nothing of ours)

Verdict = Literal["accept", "ask", "ignore"]
Polarity = Literal["green", "red"]
ReplyKind = Literal["clarify", "acknowledge", "decline", "welcome"]
# The languages replies are written in (a template each in prompts/replies/); "auto": the note's.
Language = Literal["en", "vi", "es", "fr", "de", "pt", "id", "zh"]
ReplyLanguage = Literal["auto", "en", "vi", "es", "fr", "de", "pt", "id", "zh"]
Openness = Literal["selective", "balanced", "open"]
DraftStatus = Literal["pending", "approved", "rejected", "sent", "withdrawn"]  # draft_states.py: what may happen
BackendName = Literal["rules", "openai", "local"]
StructuredOutput = Literal["auto", "json_schema", "json_object", "prompt"]

VERDICTS: tuple[str, ...] = get_args(Verdict)
REPLY_KINDS: tuple[str, ...] = get_args(ReplyKind)
ASKING_KINDS = frozenset({"clarify", "acknowledge"})  # the replies whose point is a question
DRAFT_STATUSES: tuple[str, ...] = get_args(DraftStatus)
BACKENDS: tuple[str, ...] = get_args(BackendName)
STRUCTURED_OUTPUT: tuple[str, ...] = get_args(StructuredOutput)
LANGUAGES: tuple[str, ...] = get_args(Language)

DEFAULT_MAX_CHARS = 300  # the longest draft reply, in characters
MIN_MAX_CHARS = 60  # shorter, and no polite question fits

# The harms an evaluation counts (evaluate.CaseOutcome.harm), in English in --json; the tables show
# them in the interface's language.
ACCEPTED_SCAM = N_("accepted a scam or injection")
ACCEPTED_SHOULD_IGNORE = N_("accepted what should be ignored")
IGNORED_SHOULD_ACCEPT = N_("ignored what should be accepted")
