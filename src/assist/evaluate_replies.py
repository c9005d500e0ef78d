"""`assist eval-replies`: the reply drafter against labelled cases (fixtures/replies/, issue 11).

A case is one request, the persona receiving it (with `me` overrides of its `[me]`), and what a
careful native speaker expects of the reply: the greeting name (or none), the acceptable Vietnamese
address pairs, the situation (clarify, acknowledge, decline, welcome, or none: no reply at all), the
language, and optionally a length limit. The request is screened offline, the situation chosen from
the verdict and the signals (situation.py), and the template reply drafted, as `screen` and
`draft-reply` do. Measured per part: greeting name, address form, situation, language, length,
question kept, and safety (no reply to a scam; no contact details, quotation or claim of knowing them
in any reply).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .address import vietnamese_address
from .backends.rules import RulesBackend
from .config import Me, UserConfig, parse_config
from .context import RunContext
from .draft import draft_reply, reply_language, reply_rules
from .errors import InputError, describe_validation_error
from .evaluate import PERSONAS_DIR, _personas_dir, dataset_parts
from .guidance import load_guidance
from .i18n import N_, _
from .models import Request
from .names import greeting_name
from .reply_checks import reply_problems
from .screen import screen_request
from .signals import extract_signals
from .situation import choose_situation
from .vocabulary import ASKING_KINDS, DEFAULT_MAX_CHARS

Situation = Literal["clarify", "acknowledge", "decline", "welcome", "none"]
# What breaks safety in a drafted reply (reply_checks.py's problems, by their opening words).
UNSAFE = ("the reply contains", "the reply repeats the sender's", "the reply claims to know", "the reply holds a placeholder")


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    you: str
    me: str


class Expected(BaseModel):
    model_config = ConfigDict(extra="ignore")
    greeting_name: str | None
    address: list[Pair] | None = None
    situation: Situation
    language: Literal["en", "vi", "es", "fr", "de", "pt", "id", "zh"]
    max_chars: int | None = None


class ReplyCase(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    persona: str
    me: dict = {}
    request: Request
    expected: Expected
    why: str = ""


@dataclass
class Outcome:
    id: str
    checks: dict[str, bool | None]  # None: does not apply to this case
    got: dict[str, object]
    expected: dict[str, object]


@dataclass
class RepliesReport:
    outcomes: list[Outcome] = field(default_factory=list)
    bad_items: list[str] = field(default_factory=list)

    CHECKS = ("greeting_name", "address", "situation", "language", "length", "question", "safety")

    def rate(self, check: str) -> tuple[int, int]:
        applied = [outcome.checks[check] for outcome in self.outcomes if outcome.checks[check] is not None]
        return sum(applied), len(applied)

    def misses(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not all(v for v in outcome.checks.values() if v is not None)]

    def as_json(self) -> dict:
        return {"cases": len(self.outcomes), "bad_items": self.bad_items,
                **{check: dict(zip(("right", "of"), self.rate(check))) for check in self.CHECKS},
                "misses": [{"id": o.id, "failed": [c for c, v in o.checks.items() if v is False],
                            "expected": o.expected, "got": o.got} for o in self.misses()]}


def evaluate_replies(dataset: str, personas: str | None, on_error: Callable[[str], None],
                     part: str | None = None) -> dict[str, RepliesReport]:
    parts = dataset_parts(dataset, part)  # first: a dataset that is not there says so
    beside = Path(dataset).parent / "eval" / PERSONAS_DIR  # fixtures/replies beside fixtures/eval
    personas_dir = _personas_dir(dataset, personas) if personas or not beside.is_dir() else beside
    if personas_dir is None:
        raise InputError(dataset, _("no personas directory found (use --personas)"))
    guidance = load_guidance()
    configs: dict[str, UserConfig] = {}
    reports = {}
    for name, path in parts.items():
        report = RepliesReport()
        for file in sorted(Path(path).glob("*.json")) if Path(path).is_dir() else [Path(path)]:
            try:
                case = ReplyCase.model_validate(json.loads(file.read_text(encoding="utf-8")))
                config = _config_for(case, personas_dir, configs, str(file))
            except (ValueError, InputError) as error:
                message = (describe_validation_error(error) if isinstance(error, ValidationError)
                           else getattr(error, "message", None) or str(error))
                report.bad_items.append(f"{file}: {message}")
                on_error(f"{file}: {message}")
                continue
            report.outcomes.append(_measure(case, config, guidance))
        reports[name] = report
    return reports


def _config_for(case: ReplyCase, personas_dir: Path, configs: dict[str, UserConfig], where: str) -> UserConfig:
    if case.persona not in configs:
        path = personas_dir / f"{case.persona}.toml"
        if not path.is_file():
            raise InputError(where, _("persona {persona}: no {file}").format(persona=repr(case.persona), file=path))
        configs[case.persona] = parse_config(path)
    config = configs[case.persona]
    if not case.me:
        return config
    try:
        me = Me.model_validate({**(config.me.model_dump() if config.me else {}), **case.me})
    except ValidationError as error:
        raise InputError(where, "me: " + describe_validation_error(error)) from None
    return config.model_copy(update={"me": me})


def _measure(case: ReplyCase, config: UserConfig, guidance) -> Outcome:
    expected = case.expected
    max_chars = expected.max_chars or DEFAULT_MAX_CHARS
    request = case.request
    ctx = RunContext(config, guidance, max_chars)
    result = screen_request(request, RulesBackend(), ctx)
    signals = extract_signals(request, config, guidance)
    situation = choose_situation(result.verdict, signals, guidance, result.report, request.note)
    reply = draft_reply(request, config, situation, signals, max_chars, guidance) if situation else None
    language = reply.language if reply else reply_language(config, request)
    name = greeting_name(request.sender.name, language, note=request.note)
    address = vietnamese_address(config, request) if language == "vi" else None
    got_situation = situation.kind if situation else "none"
    problems = reply_problems(reply.text, reply_rules(request, config, signals, None, max_chars), guidance) if reply else []
    unsafe = [problem for problem in problems if problem.startswith(UNSAFE)]
    checks: dict[str, bool | None] = {
        "greeting_name": name == expected.greeting_name,
        "address": (None if not expected.address or expected.language != "vi" or address is None
                    else any((address.you, address.me) == (pair.you, pair.me) for pair in expected.address)),
        "situation": got_situation == expected.situation,
        "language": None if reply is None else language == expected.language,
        "length": None if reply is None else len(reply.text) <= max_chars,
        "question": None if reply is None or got_situation not in ASKING_KINDS else ("?" in reply.text or "？" in reply.text),
        "safety": not unsafe and not (expected.situation == "none" and reply is not None),
    }
    if expected.address and expected.language == "vi" and address is None:
        checks["address"] = False  # a Vietnamese reply was expected and none in Vietnamese was written
    return Outcome(
        id=case.id, checks=checks,
        expected={"greeting_name": expected.greeting_name, "situation": expected.situation, "language": expected.language,
                  "address": [f"{p.you}/{p.me}" for p in expected.address or []]},
        got={"greeting_name": name, "situation": got_situation, "verdict": result.verdict, "language": language,
             "address": f"{address.you}/{address.me}" if address else None, "text": reply.text if reply else None,
             "unsafe": unsafe})


# The checks' column titles in the table (their ids stay in --json)
CHECK_WORDS = {"greeting_name": N_("name"), "address": N_("address"), "situation": N_("situation"),
               "language": N_("language"), "length": N_("length"), "question": N_("question"), "safety": N_("safety")}


def replies_table(reports: dict[str, RepliesReport], show_misses: bool = False) -> str:
    """The figures per part, one row each; with `show_misses`, every case that missed a check."""
    part, cases = _("part"), _("cases")  # outside the f-strings, where pybabel finds them
    width = max(6, len(cases) + 1)
    header = f"{part:<8}{cases:>{width}}" + "".join(f"{_(CHECK_WORDS[check]):>14}" for check in RepliesReport.CHECKS)
    lines = [header]
    for name, report in reports.items():
        cells = []
        for check in RepliesReport.CHECKS:
            right, of = report.rate(check)
            cells.append(f"{(100 * right / of if of else 0):>6.1f}% {right:>3}/{of:<3}" if of else f"{'-':>14}")
        lines.append(f"{name:<8}{len(report.outcomes):>{width}}" + "".join(f"{cell:>14}" for cell in cells))
    if show_misses:
        labels = (_("expected"), _("got"), _("reply"))
        expected, got, reply = (f"{label:<{max(map(len, labels))}}" for label in labels)
        for name, report in reports.items():
            for outcome in report.misses():
                failed = ", ".join(check for check, ok in outcome.checks.items() if ok is False)
                lines.append(f"\n[{name}] {outcome.id}: {failed}\n  {expected} {outcome.expected}\n  {got} "
                             f"{ {k: v for k, v in outcome.got.items() if k != 'text'} }\n  {reply} {outcome.got['text']!r}")
    return "\n".join(lines)

