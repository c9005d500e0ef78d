"""The one-sentence summary a person can act on, in the user's language (prompts/summary.j2)."""

from __future__ import annotations

from functools import lru_cache

from .config import UserConfig
from .context import RunContext
from .guidance import Guidance
from .models import Flag, Verdict


def summary_language(config: UserConfig) -> str:
    return "vi" if config.me and config.me.language == "vi" else "en"


def summarize(verdict: Verdict, flags: list[Flag], report: bool, relevance_judged: bool, ctx: RunContext,
              *, unchecked: bool = False, note_only: bool = False) -> str:
    """`unchecked`: an accept held back to ask, as nothing in it can be checked; `note_only`: an
    export row, judged from its note alone."""
    # The sentence depends on the flags' criteria alone, not on their evidence: a batch has few
    # combinations, each rendered once.
    criteria = tuple((flag.id, flag.polarity) for flag in flags)
    return _summary(ctx.guidance, summary_language(ctx.config), verdict, criteria, report, relevance_judged,
                    unchecked, note_only)


@lru_cache(maxsize=1024)
def _summary(guidance: Guidance, language: str, verdict: Verdict, criteria: tuple[tuple[str, str], ...],
             report: bool, relevance_judged: bool, unchecked: bool = False, note_only: bool = False) -> str:
    weights = guidance.weights

    def titles(polarity: str) -> list[str]:
        chosen = sorted((c for c in criteria if c[1] == polarity), key=lambda c: -abs(weights.get(c[0], 0)))
        return [_lower_first(guidance.criterion(c).title_in(language)) for c, _ in chosen if c in guidance.criteria]

    return guidance.templates.get_template("summary.j2").render(
        verdict=verdict, pros=titles("green"), cons=titles("red"), report=report,
        relevance_judged=relevance_judged or verdict == "ignore", language=language,
        unchecked=unchecked, note_only=note_only,
    ).strip()


def _lower_first(title: str) -> str:
    """"Professional relevance" -> "professional relevance", but "AI ..." stays."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title
