"""The one-sentence summary a person can act on, in the user's language (prompts/summary.j2)."""

from __future__ import annotations

from .config import UserConfig
from .context import RunContext
from .models import Flag, Verdict


def summary_language(config: UserConfig) -> str:
    return "vi" if config.me and config.me.language == "vi" else "en"


def summarize(verdict: Verdict, flags: list[Flag], report: bool, relevance_judged: bool, ctx: RunContext) -> str:
    guidance = ctx.guidance
    language = summary_language(ctx.config)
    weights = guidance.weights

    def titles(polarity: str) -> list[str]:
        chosen = sorted((f for f in flags if f.polarity == polarity), key=lambda f: -abs(weights.get(f.id, 0)))
        return [_lower_first(guidance.criterion(f.id).title_in(language)) for f in chosen if f.id in guidance.criteria]

    return guidance.templates.get_template("summary.j2").render(
        verdict=verdict, pros=titles("green"), cons=titles("red"), report=report,
        relevance_judged=relevance_judged or verdict == "ignore", language=language,
    ).strip()


def _lower_first(title: str) -> str:
    """"Professional relevance" -> "professional relevance", but "AI ..." stays."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title
