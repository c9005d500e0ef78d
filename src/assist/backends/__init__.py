"""Backends decide a verdict for one request. `rules` is offline; LLM backends come later."""

from .base import Backend, Decision
from .rules import RulesBackend

__all__ = ["Backend", "Decision", "RulesBackend"]
