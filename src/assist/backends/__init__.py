"""Backends propose a verdict for one request: `rules` (the offline engine), `openai` (any
OpenAI-compatible server) and `local` (a GGUF model in-process). `select_backend` picks one.

Only `rules` is imported here: the LLM backends (and openai, tenacity, llama_cpp) are imported on
the paths that use them, so an offline run starts fast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from ..config import UserConfig
from ..errors import InputError
from ..guidance import Guidance
from ..i18n import _
from .base import Backend, Proposal, WrittenReply
from .errors import LLMError
from .rules import RulesBackend
from ..vocabulary import BACKENDS, STRUCTURED_OUTPUT

__all__ = ["BACKENDS", "Backend", "BackendChoice", "LLMError", "Proposal", "RulesBackend", "WrittenReply",
           "resolve_backend_name", "select_backend", "structured_output_mode"]

ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_MODEL = "ASSIST_MODEL"


@dataclass(frozen=True)
class BackendChoice:
    """What the command line asked for; None means: from the config, then the environment."""

    backend: str | None = None
    base_url: str | None = None
    model: str | None = None
    structured_output: str | None = None
    model_path: str | None = None
    use_cache: bool = True
    concurrency: int | None = None  # calls made at once (the size of the connection pool); None: the backend's default


def base_url(config: UserConfig, choice: BackendChoice = BackendChoice()) -> str | None:
    return choice.base_url or config.llm.base_url or os.environ.get(ENV_BASE_URL) or None


def model_name(config: UserConfig, choice: BackendChoice = BackendChoice()) -> str:
    from .openai_backend import DEFAULT_MODEL

    return choice.model or config.llm.model or os.environ.get(ENV_MODEL) or DEFAULT_MODEL


def _api_key(config: UserConfig) -> str | None:
    return os.environ.get(config.llm.api_key_env) or None


def resolve_backend_name(config: UserConfig, choice: BackendChoice = BackendChoice()) -> str:
    """--backend, then [llm].backend; else openai when a key or base URL is configured, local when
    a model file is, rules otherwise."""
    name = choice.backend or config.llm.backend
    if name is None:
        if _api_key(config) or base_url(config, choice):
            name = "openai"
        elif choice.model_path:
            name = "local"
        else:
            name = "rules"
    name = name.strip().lower()
    if name not in BACKENDS:
        raise InputError("--backend", _("unknown backend {name}: use {choices}").format(
            name=repr(name), choices=", ".join(BACKENDS)))
    return name


def structured_output_mode(config: UserConfig, choice: BackendChoice = BackendChoice()) -> str:
    mode = (choice.structured_output or config.llm.structured_output).strip().lower()
    if mode not in STRUCTURED_OUTPUT:
        raise InputError("--structured-output", _("unknown mode {mode}: use {choices}").format(
            mode=repr(mode), choices=", ".join(STRUCTURED_OUTPUT)))
    return mode


def select_backend(config: UserConfig, guidance: Guidance, choice: BackendChoice = BackendChoice()) -> Backend:
    name = resolve_backend_name(config, choice)
    mode = structured_output_mode(config, choice)
    if name == "rules":
        return RulesBackend()
    llm = config.llm
    if name == "local":
        from .local import LocalBackend

        return LocalBackend(guidance, choice.model_path or llm.model_path, structured_output=mode,
                            temperature=llm.temperature, use_cache=choice.use_cache)
    from .openai_backend import OpenAIBackend, ServerSettings
    from .secrets import looks_like_a_key

    if looks_like_a_key(llm.api_key_env):  # said without echoing it: it may be the key itself
        raise InputError("[llm].api_key_env", _("holds what looks like an API key, not the name of an environment "
                                                 "variable: put the key in an environment variable (e.g. OPENAI_API_KEY) "
                                                 "and that name here"))
    settings = ServerSettings(
        model=model_name(config, choice),
        base_url=base_url(config, choice),
        api_key=_api_key(config),
        api_key_env=llm.api_key_env,
        structured_output=mode,
        timeout=llm.timeout,
        max_retries=llm.max_retries,
        temperature=llm.temperature,
    )
    return OpenAIBackend(settings, guidance, use_cache=choice.use_cache,
                         concurrency=choice.concurrency or OpenAIBackend.default_concurrency)
