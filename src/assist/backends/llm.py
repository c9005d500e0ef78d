"""What every LLM backend shares: render the prompt, look in the cache, ask, validate, re-ask.

A subclass supplies `complete()`: one answer for a list of messages, with its own transport
retries and structured-output mode. Everything here is model-agnostic and cheap (see
bench/bench_llm_overhead.py): the model's time is the only time that matters.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import Any, Callable

from .. import evidence as wording
from ..cache import AnswerCache, cache_key
from ..context import RunContext
from ..draft import reply_rules
from ..guidance import Guidance
from ..models import Request, Usage
from ..render import prompt_version, render_messages, render_reply_messages, reply_prompt_version
from ..signals import Signals
from ..usage import add_usage, make_usage
from ..validate import (
    MAX_REASKS, AnswerProblem, LLMReply, LLMVerdict, answer_schema, check_flags, over_length,
    parse_answer, reask_message, schema_instructions, shorten,
)
from ..reply_checks import ReplyRules, only_length, reply_problems
from ..situation import Situation
from .base import Backend, Proposal, WrittenReply
from .errors import AnswerInvalid, AnswerRefused, AnswerTruncated, ContentFiltered


@dataclass
class Completion:
    """One answer from the model, as the transport got it."""

    text: str
    finish_reason: str | None = None
    refusal: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    problem: str | None = None  # why it cannot be used before it is parsed (too large)


@dataclass
class Asked:
    answer: Any
    usage: Usage
    cached: bool = False


class ChatBackend(Backend):
    """A chat model behind `complete()`; everything else (prompts, cache, re-asks) is shared."""

    needs_examples = True
    costs_money = True

    def __init__(self, guidance: Guidance, *, use_cache: bool = True, cache: AnswerCache | None = None):
        self.guidance = guidance
        self.use_cache = use_cache
        self.cache = cache if cache is not None else AnswerCache()
        self.prompt_version = prompt_version(guidance)
        self.reply_prompt_version = reply_prompt_version(guidance)
        self._schemas: dict[tuple[type, int], dict[str, Any]] = {}

    def schema_for(self, model: type, max_chars: int) -> dict[str, Any]:
        """The answer schema, built once per model and reply limit (the same for every request of a
        batch; callers only read it)."""
        key = (model, max_chars)
        schema = self._schemas.get(key)
        if schema is None:
            schema = self._schemas[key] = answer_schema(model, self.guidance, max_chars)
        return schema

    # -- what a subclass provides --------------------------------------------------------------

    @abstractmethod
    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str) -> Completion:
        """One chat completion with the given structured-output schema."""

    def cache_scope(self) -> dict[str, Any]:
        """What, besides the prompt, decides the answer (the server, the sampling)."""
        return {}

    def usage_of(self, completion: Completion) -> Usage:
        """The tokens a call used and, where the model's price is known, its cost."""
        return make_usage(self.model, completion.prompt_tokens, completion.completion_tokens, priced=False)

    # -- the verdict ---------------------------------------------------------------------------

    def verdict_messages(self, request: Request, signals: Signals, ctx: RunContext) -> list[dict[str, str]]:
        """Exactly the messages a verdict is asked with (redacted under --redact)."""
        return render_messages(request, signals, ctx)

    def propose(self, request: Request, signals: Signals, ctx: RunContext) -> Proposal:
        messages = self.verdict_messages(request, signals, ctx)
        schema = self.schema_for(LLMVerdict, ctx.max_chars)
        # The reply an `ask` carries asks a question (clarify or acknowledge: situation.py).
        rules = reply_rules(request, ctx.config, signals, "clarify", ctx.max_chars, ctx.reply_language)

        def soft_check(answer: LLMVerdict) -> list[str]:
            return reply_problems(answer.reply, rules, self.guidance) if answer.verdict == "ask" else []

        asked = self._ask_cached("verdict", self.prompt_version, messages, schema, LLMVerdict, soft_check, request.id)
        return self.proposal_from(asked, rules)

    def proposal_from(self, asked: Asked, rules: ReplyRules) -> Proposal:
        """A validated verdict answer as a Proposal (the live path and `assist batch collect`)."""
        answer: LLMVerdict = asked.answer
        flags, warnings = check_flags(answer.flags, self.guidance)
        reply_text = None
        if answer.verdict == "ask":
            problems = reply_problems(answer.reply, rules, self.guidance)
            if answer.reply is None:
                warnings.append(wording.LLM_NO_REPLY.format())
            elif problems and not only_length(problems):
                warnings.append(wording.LLM_REPLY_UNUSED.format(problem=problems[0]))
            else:
                reply_text = answer.reply  # an over-long one is cut at a sentence (draft.fit)
        return Proposal(
            verdict=answer.verdict, confidence=round(answer.confidence, 2), summary=answer.summary.strip(),
            flags=flags, report=answer.report, reply_text=reply_text, warnings=warnings,
            usage=asked.usage, prompt_version=self.prompt_version, cached=asked.cached,
        )

    # -- a reply on its own --------------------------------------------------------------------

    def write_reply(self, request: Request, signals: Signals, situation: Situation, ctx: RunContext) -> WrittenReply:
        messages = render_reply_messages(request, signals, situation, ctx)
        schema = self.schema_for(LLMReply, ctx.max_chars)
        rules = reply_rules(request, ctx.config, signals, situation.kind, ctx.max_chars, ctx.reply_language)

        def soft_check(answer: LLMReply) -> list[str]:
            if not answer.text.strip():
                return [wording.REPLY_EMPTY.format()]
            return reply_problems(answer.text, rules, self.guidance)

        asked = self._ask_cached("reply", self.reply_prompt_version, messages, schema, LLMReply, soft_check, request.id)
        text = asked.answer.text.strip()
        problems = soft_check(asked.answer)
        if problems and not only_length(problems):
            raise AnswerInvalid(wording.REPLY_UNUSABLE.format(problem=problems[0]), raw=text, attempts=1 + MAX_REASKS)
        return WrittenReply(text=text, usage=asked.usage, cached=asked.cached)

    # -- asking, with the cache and the re-asks ------------------------------------------------

    def _ask_cached(self, kind: str, version: str, messages: list[dict[str, str]], schema: dict[str, Any],
                    model: type, soft_check: Callable[[Any], list[str]], request_id: str | None = None) -> Asked:
        key = cache_key(kind=kind, backend=self.name, model=self.model, prompt_version=version,
                        messages=messages, schema=schema, scope=self.cache_scope())
        if self.use_cache:
            hit = self.cache.get(key)
            if hit is not None:
                try:
                    # Held to today's bounds: an answer cached before them is asked again.
                    answer = None if over_length(hit["answer"], schema) else model.model_validate(hit["answer"])
                except (ValueError, TypeError, KeyError):
                    answer = None
                if answer is not None:
                    return Asked(answer=answer, usage=Usage(cost_usd=0.0), cached=True)
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
            usage = add_usage(usage, self.usage_of(completion))
            self._check_finish(completion)
            try:
                if completion.problem:
                    raise AnswerProblem(completion.problem)
                answer = parse_answer(completion.text, model, schema)
            except AnswerProblem as problem:
                issue = str(problem)
                if attempt == attempts:
                    raise AnswerInvalid(
                        wording.STILL_INVALID.format(count=MAX_REASKS, issue=issue, quoted_answer=repr(shorten(completion.text))),
                        raw=completion.text, attempts=attempt,
                    ) from None
            else:
                problems = soft_check(answer)
                if not problems or attempt == attempts:
                    return Asked(answer=answer, usage=usage)
                issue = "; ".join(problems)
            conversation = conversation + [{"role": "assistant", "content": completion.text},
                                           reask_message(issue, schema)]
        raise AssertionError("unreachable")

    def answer_from(self, completion: Completion, model: type = LLMVerdict, schema: dict[str, Any] | None = None) -> Any:
        """One answer, validated as the live path validates a first answer (no re-ask possible):
        raises an LLMError for a refusal, a filter or a cut-off, AnswerProblem for invalid JSON
        or an answer over its bounds (the schema's lengths, the whole answer's size)."""
        self._check_finish(completion)
        if completion.problem:
            raise AnswerProblem(completion.problem)
        return parse_answer(completion.text, model, schema)

    def _check_finish(self, completion: Completion) -> None:
        if completion.refusal:
            raise AnswerRefused(wording.REFUSED.format(quoted_refusal=repr(shorten(completion.refusal))))
        if completion.finish_reason == "content_filter":
            raise ContentFiltered(wording.FILTERED.format())
        if completion.finish_reason == "length":
            raise AnswerTruncated(wording.CUT_OFF.format(count=completion.completion_tokens))


def with_schema_in_prompt(messages: list[dict[str, str]], schema: dict[str, Any]) -> list[dict[str, str]]:
    """For servers without structured output: the schema goes at the end of the first user message
    (the system prompt stays a cacheable prefix)."""
    out = [dict(message) for message in messages]
    for message in out:
        if message["role"] == "user":
            message["content"] = message["content"] + "\n\n" + schema_instructions(schema)
            break
    return out
