"""What a run screens under: the same for every request of the run, read-only, safe to share
between the worker threads of a concurrent batch. It goes down the pipeline with each request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .config import UserConfig
from .guidance import Guidance, load_guidance
from .vocabulary import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from .known import KnownTie, Network
    from .models import Request


# The user's past decisions and replies most like a request (store.ExampleReader), for LLM prompts.
ExampleSource = Callable[["Request"], list[dict]]


def no_examples(request: "Request") -> list[dict]:
    return []


# What the key leaves out of the config: the LLM settings (the backend and model are in the key) and
# the interface language (the summary is shown in it, the verdict is the same).
SCREENING_EXCLUDES = {"llm": True, "me": {"interface_language"}}


@dataclass(frozen=True)
class RunContext:
    config: UserConfig
    guidance: Guidance = field(default_factory=load_guidance)
    max_chars: int = DEFAULT_MAX_CHARS
    redact: bool = False  # emails, phones and URLs in the sender's text never reach an LLM (redact.py)
    examples: ExampleSource = no_examples
    reply_language: str | None = None  # --language: replies in this language, whatever the config says
    network: "Network | None" = None  # the user's own LinkedIn export, indexed (known.py)

    @cached_property
    def interface_language(self) -> str:
        """The language the interface speaks in this run (i18n.py: --lang, the config, ASSIST_LANG,
        the locale), worked out once: the summaries are written in it."""
        from .i18n import current

        return current(self.config)

    def known(self, request: "Request") -> "list[KnownTie]":
        """What the user's export says about the request's sender (nothing without an export)."""
        return self.network.ties(request, self.guidance) if self.network is not None else []

    def screening_key(self, backend: str, model: str | None) -> str:
        """What a verdict depends on besides the request: the backend and model, prompts/, the
        user's config and the reply limit. A stored verdict is resumed only under the same key."""
        parts = [backend, model or "", self.guidance.version,
                 self.config.model_dump_json(exclude=SCREENING_EXCLUDES), str(self.max_chars)]
        if self.redact:  # a redacted prompt is another prompt (added only when on)
            parts.append("redact")
        if self.reply_language:  # another reply language, another draft (added only when chosen)
            parts.append(f"reply_language={self.reply_language}")
        if self.network is not None:  # what the export says is evidence (added only with one)
            parts.append(f"export={self.network.fingerprint}")
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]
