"""What every LLM backend shares: render the prompt, look in the cache, ask, validate, re-ask.

A subclass supplies `complete()`: one answer for a list of messages, with its own transport
retries and structured-output mode. Everything here is model-agnostic and cheap (see
bench/bench_llm_overhead.py): the model's time is the only time that matters.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Callable

from ..cache import AnswerCache, cache_key
from ..config import UserConfig
from ..draft import DEFAULT_MAX_CHARS, reply_language
from ..guidance import Guidance, load_guidance
from ..models import ReplyKind, Request, Usage
from ..render import prompt_version, render_messages, render_reply_messages, reply_prompt_version
from ..signals import Signals
from ..usage import add_usage, make_usage
from ..validate import (
    MAX_REASKS, AnswerProblem, LLMReply, LLMVerdict, answer_schema, check_flags, only_length,
    parse_answer, reask_message, reply_problems, shorten,
)
from .base import Decision
from .errors import AnswerInvalid, AnswerRefused, AnswerTruncated, ContentFiltered


@dataclass
class Completion:
    """One answer from the model, as the transport got it."""

    text: str
    finish_reason: str | None = None
    refusal: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class Asked:
    answer: Any
    usage: Usage
    soft_problems: list[str] = field(default_factory=list)
    cached: bool = False


@dataclass
class DraftedReply:
    """An LLM-written reply for `assist draft-reply`."""

    text: str
    usage: Usage
    warnings: list[str] = field(default_factory=list)
    cached: bool = False


class ChatBackend(ABC):
    name = "llm"
    model: str | None = None
    writes_replies = True
    costs_money = False
    priced = False  # True when the model's prices are OpenAI's (usage.PRICES_PER_MILLION)
    runs_locally = False  # in-process: a call costs nothing

    def __init__(self, *, use_cache: bool = True, cache: AnswerCache | None = None,
                 guidance: Guidance | None = None, redact: bool = False):
        self.guidance = guidance or load_guidance()
        self.use_cache = use_cache
        # --redact: emails, phone numbers and URLs in the sender's text never reach the prompt
        # (redact.py); the offline signals are still computed on the original text.
        self.redact = redact
        self.cache = cache if cache is not None else AnswerCache()
        self.prompt_version = prompt_version(self.guidance)
        self.reply_prompt_version = reply_prompt_version(self.guidance)
        # Past decisions and replies of the user's most like a request (set when a store is open):
        # they move verdicts and drafts toward the user's own judgement and voice.
        self.examples_for: Callable[[Request], list[dict]] | None = None

    def schema_for(self, model: type, max_chars: int) -> dict[str, Any]:
        """The answer schema, built once per model and reply limit (it is the same for every request
        of a batch; callers only read it)."""
        memo = self.__dict__.setdefault("_schemas", {})
        key = (model, max_chars)
        schema = memo.get(key)
        if schema is None:
            schema = memo[key] = answer_schema(model, self.guidance, max_chars)
        return schema

    def _examples(self, request: Request) -> list[dict]:
        return self.examples_for(request) if self.examples_for else []

    # -- what a subclass provides --------------------------------------------------------------

    @abstractmethod
    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str) -> Completion:
        """One chat completion with the given structured-output schema."""

    def cache_scope(self) -> dict[str, Any]:
        """What, besides the prompt, decides the answer (the server, the sampling)."""
        return {}

    # -- the verdict ---------------------------------------------------------------------------

    def verdict_messages(self, request: Request, config: UserConfig, signals: Signals,
                         max_chars: int = DEFAULT_MAX_CHARS) -> list[dict[str, str]]:
        """Exactly the messages a verdict is asked with (redacted under --redact)."""
        return render_messages(request, config, signals, max_chars, self.guidance, self._examples(request),
                               redact=self.redact)

    def decide(self, request: Request, config: UserConfig, signals: Signals,
               max_chars: int = DEFAULT_MAX_CHARS) -> Decision:
        messages = self.verdict_messages(request, config, signals, max_chars)
        schema = self.schema_for(LLMVerdict, max_chars)
        language = reply_language(config, request)

        def soft_check(answer: LLMVerdict) -> list[str]:
            return reply_problems(answer.reply, max_chars, language, self.guidance) if answer.verdict == "ask" else []

        asked = self._ask_cached("verdict", self.prompt_version, messages, schema, LLMVerdict, soft_check, request.id)
        return self.decision_from(asked, max_chars, language)

    def decision_from(self, asked: Asked, max_chars: int, language: str) -> Decision:
        """A validated verdict answer as a Decision (the live path and `assist batch collect`)."""
        answer: LLMVerdict = asked.answer
        flags, warnings = check_flags(answer.flags, self.guidance)
        reply_text = None
        if answer.verdict == "ask":
            problems = reply_problems(answer.reply, max_chars, language, self.guidance)
            if answer.reply is None:
                warnings.append("llm: it gave no reply, so the template reply is used")
            elif problems and not only_length(problems):
                warnings.append(f"llm: its reply was not used ({problems[0]}), so the template reply is used")
            else:
                reply_text = answer.reply  # an over-long one is cut at a sentence by screen.py (draft.fit)
        return Decision(
            verdict=answer.verdict, confidence=round(answer.confidence, 2), summary=answer.summary.strip(),
            flags=flags, report=answer.report, reply_text=reply_text, warnings=warnings,
            usage=asked.usage, prompt_version=self.prompt_version, cached=asked.cached,
        )

    # -- a reply on its own --------------------------------------------------------------------

    def write_reply(self, request: Request, config: UserConfig, kind: ReplyKind, signals: Signals,
                    max_chars: int = DEFAULT_MAX_CHARS) -> DraftedReply:
        messages = render_reply_messages(request, config, signals, kind, max_chars, self.guidance, self._examples(request),
                                         redact=self.redact)
        schema = self.schema_for(LLMReply, max_chars)
        language = reply_language(config, request)

        def soft_check(answer: LLMReply) -> list[str]:
            if not answer.text.strip():
                return ["the reply is empty"]
            return reply_problems(answer.text, max_chars, language, self.guidance)

        asked = self._ask_cached("reply", self.reply_prompt_version, messages, schema, LLMReply, soft_check, request.id)
        text = asked.answer.text.strip()
        problems = soft_check(asked.answer)
        if problems and not only_length(problems):
            raise AnswerInvalid(f"the model's reply cannot be used: {problems[0]}", raw=text, attempts=1 + MAX_REASKS)
        return DraftedReply(text=text, usage=asked.usage, cached=asked.cached)

    # -- asking, with the cache and the re-asks ------------------------------------------------

    def _ask_cached(self, kind: str, version: str, messages: list[dict[str, str]], schema: dict[str, Any],
                    model: type, soft_check: Callable[[Any], list[str]], request_id: str | None = None) -> Asked:
        key = cache_key(kind=kind, backend=self.name, model=self.model, prompt_version=version,
                        messages=messages, schema=schema, scope=self.cache_scope())
        if self.use_cache:
            hit = self.cache.get(key)
            if hit is not None:
                try:
                    answer = model.model_validate(hit["answer"])
                except ValueError:
                    answer = None
                if answer is not None:
                    free = Usage(prompt_tokens=0, completion_tokens=0, cost_usd=0.0)
                    return Asked(answer=answer, usage=free, cached=True)
        asked = self.ask(messages, schema, model, soft_check)
        self.cache.put(key, asked.answer.model_dump(mode="json"), asked.usage.model_dump(),
                       self.name, self.model, version, request_id)
        return asked

    def ask(self, messages: list[dict[str, str]], schema: dict[str, Any], model: type,
            soft_check: Callable[[Any], list[str]] = lambda _: []) -> Asked:
        """Ask; on an invalid answer re-ask with the problem (at most MAX_REASKS times)."""
        conversation = list(messages)
        usage = Usage(prompt_tokens=0, completion_tokens=0, cost_usd=None)
        attempts = 1 + MAX_REASKS
        for attempt in range(1, attempts + 1):
            completion = self.complete(conversation, schema, model.__name__)
            call = make_usage(self.model, completion.prompt_tokens, completion.completion_tokens, self.priced)
            if self.runs_locally:
                call.cost_usd = 0.0
            usage = add_usage(usage, call)
            self._check_finish(completion)
            try:
                answer = parse_answer(completion.text, model)
            except AnswerProblem as problem:
                issue = str(problem)
                if attempt == attempts:
                    raise AnswerInvalid(
                        f"the model's answer is still invalid after {MAX_REASKS} re-asks: {issue}; "
                        f"last answer: {shorten(completion.text)!r}",
                        raw=completion.text, attempts=attempt,
                    ) from None
            else:
                problems = soft_check(answer)
                if not problems or attempt == attempts:
                    return Asked(answer=answer, usage=usage, soft_problems=problems)
                issue = "; ".join(problems)
            conversation = conversation + [{"role": "assistant", "content": completion.text},
                                           reask_message(issue, schema)]
        raise AssertionError("unreachable")

    def answer_from(self, completion: Completion, model: type = LLMVerdict) -> Any:
        """One answer, validated as the live path validates a first answer (no re-ask possible):
        raises an LLMError for a refusal, a filter or a cut-off, AnswerProblem for invalid JSON."""
        self._check_finish(completion)
        return parse_answer(completion.text, model)

    def _check_finish(self, completion: Completion) -> None:
        if completion.refusal:
            raise AnswerRefused(f"the model refused to answer: {shorten(completion.refusal)!r}")
        if completion.finish_reason == "content_filter":
            raise ContentFiltered("the provider's content filter withheld the answer (finish_reason=content_filter)")
        if completion.finish_reason == "length":
            raise AnswerTruncated(
                f"the answer was cut off at the token limit (finish_reason=length, {completion.completion_tokens} "
                "tokens): use a model with a larger context or output limit"
            )
