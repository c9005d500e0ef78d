"""Backends decide a verdict for one request. `rules` is the offline engine; LLM backends follow."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import UserConfig
from ..errors import InputError
from .base import Backend, Decision
from .rules import RulesBackend

__all__ = ["Backend", "BackendChoice", "Decision", "RulesBackend", "select_backend"]


@dataclass(frozen=True)
class BackendChoice:
    """What the command line asked for; None means: from the config, then the environment."""

    backend: str | None = None
    base_url: str | None = None
    model: str | None = None
    structured_output: str | None = None
    model_path: str | None = None
    use_cache: bool = True


def select_backend(config: UserConfig, choice: BackendChoice = BackendChoice()) -> Backend:
    name = choice.backend or config.llm.backend or "rules"
    if name == "rules":
        return RulesBackend()
    raise InputError("--backend", f"{name!r} is not available in this build (only 'rules')")
