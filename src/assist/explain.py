"""The one-sentence summary a person can act on, in the interface language (prompts/summary.j2)."""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from .context import RunContext
from .guidance import Guidance
from .models import Flag, ScreenResult, Verdict

SUMMARY_LANGUAGES = ("en", "vi")  # the languages prompts/summary.j2 writes


def summary_language(ctx: RunContext) -> str:
    """The run's interface language (i18n.py), where summary.j2 speaks it; else English."""
    language = ctx.interface_language
    return language if language in SUMMARY_LANGUAGES else "en"


def summarize(verdict: Verdict, flags: list[Flag], report: bool, relevance_judged: bool, ctx: RunContext,
              *, unchecked: bool = False, note_only: bool = False) -> str:
    """`unchecked`: an accept held back to ask, as nothing in it can be checked; `note_only`: an
    export row, judged from its note alone."""
    # The sentence depends on the flags' criteria alone, not on their evidence: a batch has few
    # combinations, each rendered once.
    criteria = tuple((flag.id, flag.polarity) for flag in flags)
    return _summary(ctx.guidance, summary_language(ctx), verdict, criteria, report, relevance_judged,
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


def shown_in(result: ScreenResult, ctx: RunContext) -> ScreenResult:
    """A verdict screened before (resumed: its key does not hold the interface language), with the
    summary in the interface language of this run. The summary is told from its template's
    sentences: one that none of them wrote (an LLM's own words) is kept as it is."""
    language = summary_language(ctx)
    criteria = tuple((flag.id, flag.polarity) for flag in result.flags)
    if result.summary in _variants(ctx.guidance, language, result.verdict, criteria, result.report):
        return result
    for other in SUMMARY_LANGUAGES:
        if other == language:
            continue
        for variant, flags in _variants(ctx.guidance, other, result.verdict, criteria, result.report).items():
            if variant == result.summary:
                return result.model_copy(update={"summary": _summary(ctx.guidance, language, result.verdict, criteria,
                                                                     result.report, *flags)})
    return result


@lru_cache(maxsize=256)
def _variants(guidance: Guidance, language: str, verdict: Verdict, criteria: tuple[tuple[str, str], ...],
              report: bool) -> dict[str, tuple[bool, bool, bool]]:
    """Every summary the template writes for these criteria: sentence -> (relevance_judged, unchecked, note_only)."""
    return {_summary(guidance, language, verdict, criteria, report, *flags): flags
            for flags in product((True, False), repeat=3)}
