"""What an LLM must answer, and how its answer is checked: the schema, its strict form, JSON
extraction from chatty answers, validation, and the message that re-asks after a bad answer.

The Pydantic models are the single source: `answer_schema` derives the JSON schema sent to the
server (criterion ids as an enum, lengths bounded so a grammar-constrained model always ends),
`strict_schema` turns it into what OpenAI's strict mode accepts, `parse_answer` validates what
comes back. Hard problems (not JSON, wrong shape) are re-asked; soft ones (a reply too long,
claiming to know the sender, in the wrong language) are re-asked too, but never fail a verdict.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from . import evidence as wording
from .errors import describe_validation_error
from .i18n import N_
from .guidance import Guidance
from .models import Flag, Polarity, Verdict
from .text import clip, flat

MAX_REASKS = 2
SUMMARY_MAX = 300
EVIDENCE_MAX = 200
FLAGS_MAX = 6
RAW_IN_ERRORS = 160
# The longest answer parsed at all: a verdict of MAX_TOKENS tokens is a few thousand characters.
MAX_ANSWER_CHARS = 32_000

Answer = TypeVar("Answer", bound=BaseModel)


class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LLMFlag(_Answer):
    id: str
    polarity: Polarity
    evidence: str


class LLMVerdict(_Answer):
    """The verdict an LLM answers with (`assist screen`)."""

    verdict: Verdict
    confidence: float
    summary: str
    flags: list[LLMFlag]
    report: bool
    reply: str | None

    @field_validator("confidence", mode="before")
    @classmethod
    def _as_fraction(cls, value: Any) -> Any:
        # 85 or "0.85" mean what they say; anything else is a schema violation to re-ask about.
        if isinstance(value, str):
            try:
                value = float(value.strip().rstrip("%")) / (100 if value.strip().endswith("%") else 1)
            except ValueError:
                return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if 1 < value <= 100:
                value = value / 100
            if not 0 <= value <= 1:
                raise ValueError(N_("confidence must be between 0 and 1"))
        return value

    @field_validator("reply", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class LLMReply(_Answer):
    """A reply an LLM writes on its own (`assist draft-reply`)."""

    text: str


class AnswerProblem(ValueError):
    """The answer cannot be used as it is; the message says why, for the re-ask and for the user."""


# ---------------------------------------------------------------------------------------- schemas

def _inline_refs(schema: Any, defs: dict[str, Any]) -> Any:
    if isinstance(schema, dict):
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            merged = {**_inline_refs(copy.deepcopy(defs[name]), defs),
                      **{k: v for k, v in schema.items() if k != "$ref"}}
            return merged
        return {key: _inline_refs(value, defs) for key, value in schema.items() if key != "$defs"}
    if isinstance(schema, list):
        return [_inline_refs(item, defs) for item in schema]
    return schema


def _drop_titles(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {key: _drop_titles(value) for key, value in schema.items()
                if not (key == "title" and isinstance(value, str))}
    if isinstance(schema, list):
        return [_drop_titles(item) for item in schema]
    return schema


def model_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with $refs inlined (grammar converters break on $ref/$defs)."""
    raw = model.model_json_schema()
    return _drop_titles(_inline_refs(raw, raw.get("$defs", {})))


def answer_schema(model: type[BaseModel], guidance: Guidance, max_chars: int) -> dict[str, Any]:
    """The schema sent to the server: criterion ids as an enum, every string bounded."""
    schema = model_schema(model)
    props = schema["properties"]
    if "flags" in props:
        props["flags"]["maxItems"] = FLAGS_MAX
        flag = props["flags"]["items"]["properties"]
        flag["id"]["enum"] = list(guidance.criteria)
        flag["evidence"]["maxLength"] = EVIDENCE_MAX
    if "summary" in props:
        props["summary"]["maxLength"] = SUMMARY_MAX
    if "confidence" in props:
        props["confidence"].update(minimum=0, maximum=1)
    for name in ("reply", "text"):
        if name not in props:
            continue
        if "anyOf" in props[name]:
            for option in props[name]["anyOf"]:
                if option.get("type") == "string":
                    option["maxLength"] = max_chars
        else:
            props[name]["maxLength"] = max_chars
    return schema


# Keywords OpenAI's strict mode accepts; others (string lengths, defaults) are checked on our side.
STRICT_KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf",
    "description", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "pattern", "format", "minItems", "maxItems",
}


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAI strict structured outputs: additionalProperties false, every property required
    (an optional one becomes nullable), no defaults, no $refs, only supported keywords."""

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: convert(value) for key, value in node.items() if key in STRICT_KEYWORDS}
        if "properties" in node:
            props = node["properties"]
            required = set(node.get("required", []))
            converted = {}
            for name, prop in props.items():
                strict_prop = convert(prop)
                if name not in required and not _nullable(strict_prop):
                    strict_prop = {"anyOf": [strict_prop, {"type": "null"}]}
                converted[name] = strict_prop
            out["properties"] = converted
            out["required"] = list(props)
            out["additionalProperties"] = False
        return out

    raw = schema if "$defs" not in schema else _inline_refs(schema, schema["$defs"])
    return convert(raw)


def _nullable(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "null" or any(option.get("type") == "null" for option in schema.get("anyOf", []))


def schema_instructions(schema: dict[str, Any]) -> str:
    """For servers that ignore response_format: the schema, described in the prompt."""
    return (
        "Answer with one JSON object only: no Markdown, no code fences, no text before or after it. "
        "It must match this JSON schema:\n" + json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
    )


# -------------------------------------------------------------------------------- JSON extraction

THINK_BLOCK = re.compile(r"<think(?:ing)?>.*?</think(?:ing)?>", re.DOTALL | re.IGNORECASE)
THINK_OPEN_END = re.compile(r"^.*</think(?:ing)?>", re.DOTALL | re.IGNORECASE)
FENCE = re.compile(r"```(?:json|JSON|json5)?\s*\n?(.*?)```", re.DOTALL)


def strip_wrapping(text: str) -> str:
    """Remove <think> blocks (a reasoning model's) and take the inside of a Markdown fence."""
    text = THINK_BLOCK.sub("", text)
    text = THINK_OPEN_END.sub("", text)  # a block whose opening tag the server already stripped
    fenced = FENCE.search(text)
    if fenced:
        text = fenced.group(1)
    return text.strip()


TOO_DEEP = wording.TOO_DEEP.format()


def extract_json(text: str) -> Any:
    """The JSON object in an answer; raises AnswerProblem when there is none."""
    if not text or not text.strip():
        raise AnswerProblem(wording.ANSWER_EMPTY.format())
    body = strip_wrapping(text)
    try:
        # strict=False: a raw newline or tab inside a string (small models write them) is kept.
        return json.loads(body, strict=False)
    except ValueError as error:
        first_error = error
    except RecursionError:  # nested thousands deep: the decoder would overflow the stack
        raise AnswerProblem(TOO_DEEP) from None
    decoder = json.JSONDecoder(strict=False)
    for match in re.finditer(r"\{", body):
        try:
            value, _ = decoder.raw_decode(body, match.start())
        except ValueError:
            continue
        except RecursionError:
            raise AnswerProblem(TOO_DEEP) from None
        if isinstance(value, dict):
            return value
    raise AnswerProblem(wording.NOT_JSON.format(decoder_message=first_error))


def is_bare_json(text: str) -> bool:
    """True when the answer is a JSON object and nothing else (a server that honoured response_format)."""
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, TypeError, RecursionError):
        return False


# ------------------------------------------------------------------------------------- validation

def hard_limit(schema_limit: int) -> int:
    """How far over its schema length a field may go before the answer is invalid. A model cannot
    count characters (and OpenAI's strict mode does not send maxLength), so a little over is a
    model's slip, kept (a reply is then re-asked and cut at a sentence, evidence clipped); twice
    the length, and at least 500 characters over, is not."""
    return max(2 * schema_limit, schema_limit + 500)


def over_length(data: Any, schema: dict[str, Any], where: str = "") -> str | None:
    """The first string or list in `data` over the hard limit of its schema's maxLength (or, for an
    enum, its longest value) or maxItems, said for the re-ask; None when every one is within."""
    options = schema.get("anyOf") or [schema]
    if isinstance(data, str):
        for option in options:
            if option.get("type") != "string":
                continue
            limit = option.get("maxLength")
            if limit is None and option.get("enum"):
                limit = max(len(str(value)) for value in option["enum"])
            if isinstance(limit, int) and len(data) > hard_limit(limit):
                return (wording.FIELD_TOO_LONG.format(path=where, count=len(data), limit=limit) if where
                        else wording.WHOLE_TOO_LONG.format(count=len(data), limit=limit))
        return None
    if isinstance(data, list):
        for option in options:
            if option.get("type") != "array":
                continue
            limit = option.get("maxItems")
            if isinstance(limit, int) and len(data) > 2 * limit:
                return (wording.FIELD_TOO_MANY.format(path=where, count=len(data), limit=limit) if where
                        else wording.WHOLE_TOO_MANY.format(count=len(data), limit=limit))
            items = option.get("items") or {}
            for index, item in enumerate(data[: 2 * limit] if isinstance(limit, int) else data):
                problem = over_length(item, items, f"{where}[{index}]")
                if problem:
                    return problem
        return None
    if isinstance(data, dict):
        for option in options:
            props = option.get("properties")
            if not isinstance(props, dict):
                continue
            for name, value in data.items():
                if name in props:
                    problem = over_length(value, props[name], f"{where}.{name}" if where else name)
                    if problem:
                        return problem
    return None


def parse_answer(text: str, model: type[Answer], schema: dict[str, Any] | None = None) -> Answer:
    """The answer validated: at most MAX_ANSWER_CHARS (checked before parsing), JSON of the model's
    shape, and, given the schema sent, each field within its length (over_length)."""
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerProblem(wording.ANSWER_TOO_LONG.format(count=len(text), limit=MAX_ANSWER_CHARS))
    data = extract_json(text)
    if not isinstance(data, dict):
        raise AnswerProblem(wording.NOT_AN_OBJECT.format(type_name=type(data).__name__))
    if schema is not None:
        problem = over_length(data, schema)
        if problem:
            raise AnswerProblem(problem)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise AnswerProblem(wording.NOT_THE_SCHEMA.format(  # in English in every language: the model reads it
            validation=describe_validation_error(error, subject="answer", limit=4, english=True))) from None


def check_flags(flags: list[LLMFlag], guidance: Guidance) -> tuple[list[Flag], list[str]]:
    """Flags citing the guidance's criteria; an unknown id is dropped with a warning, not a failure.
    The polarity is the criterion's (a red flag cannot be cited as green)."""
    kept: list[Flag] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for flag in flags:
        criterion_id = re.sub(r"[\s-]+", "_", flag.id.strip().strip("`").lower())
        if criterion_id not in guidance.criteria:
            unknown.append(flag.id)
            continue
        if criterion_id in seen:
            continue
        seen.add(criterion_id)
        evidence = " ".join(flag.evidence.split())[:EVIDENCE_MAX] or guidance.criteria[criterion_id].title
        kept.append(Flag(id=criterion_id, polarity=guidance.criteria[criterion_id].polarity, evidence=evidence))
    warnings = []
    if unknown:
        names = ", ".join(repr(shorten(name, 60)) for name in unknown[:3])
        warnings.append((wording.DROPPED_FLAGS if len(unknown) > 1 else wording.DROPPED_FLAG).format(quoted_names=names))
    return kept, warnings


def reask_message(problem: str, schema: dict[str, Any]) -> dict[str, str]:
    """The follow-up after a bad answer: what was wrong, and the schema to follow."""
    return {
        "role": "user",
        "content": (
            f"Your previous answer could not be used: {problem}.\n"
            "Answer again with only the corrected JSON object (no Markdown, no other text), matching "
            "this JSON schema:\n" + json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
        ),
    }


def shorten(raw: str, limit: int = RAW_IN_ERRORS) -> str:
    """A model's or a server's words, on one line and short enough for an error message."""
    return clip(flat(raw), limit, "...")
