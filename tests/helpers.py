"""Small builders shared by the engine tests."""

from __future__ import annotations

import pytest

import json
from pathlib import Path

from assist.backends import RulesBackend
from assist.config import Me, Policy, UserConfig, parse_config
from assist.context import RunContext
from assist.models import Request, ScreenResult
from assist.screen import screen_request

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def persona(name: str) -> UserConfig:
    return parse_config(FIXTURES / "configs" / f"{name}.toml")


def eval_persona(name: str) -> UserConfig:
    """One of the eight personas the eval parts are labelled for (fixtures/eval/personas)."""
    return parse_config(FIXTURES / "eval" / "personas" / f"{name}.toml")


# A stranger's bare profile (no company, no history): what a scam sign is read beside.
STRANGER = dict(headline="Partner", company=None, industry=None, has_photo=True, connections=300,
                mutual_connections=2, experience=[])


def scam_signs(note: str, **profile):
    """The scam signs (scams.read_signs) of a note from a stranger, for the default test user."""
    from assist.guidance import load_guidance
    from assist.scams import read_signs

    return read_signs(request(note, **{**STRANGER, **profile}), user(), load_guidance())


def analyst(**policy) -> UserConfig:
    base = persona("analyst-vi")
    return base.model_copy(update={"policy": base.policy.model_copy(update=policy)}) if policy else base


def user(openness: str = "balanced", language: str = "en", **me) -> UserConfig:
    fields = dict(name="Sarah Chen", headline="Engineering Lead at Northwind Labs", industry="Software",
                  location="Singapore", goals=["Hire senior backend engineers"], target_companies=["Stripe"],
                  past_companies=["Grab"], interests=["distributed systems", "Python"], language=language,
                  signature="Sarah")
    fields.update(me)
    return UserConfig(me=Me(**fields), policy=Policy(openness=openness))


def request(note: str | None = None, **sender) -> Request:
    return Request.model_validate({"sender": {"name": "Test Sender", **sender}, "note": note})


def screen(req: Request, config: UserConfig) -> ScreenResult:
    return screen_request(req, RulesBackend(), RunContext(config))


# A request the engineering lead persona accepts as it is (a Shopee backend engineer answering her
# hiring, with mutual connections): a line added after its note is what the verdict hangs on.
CARRIER_PROFILE = dict(headline="Senior Backend Engineer at Shopee", company="Shopee", industry="Software",
                       has_photo=True, connections=500, mutual_connections=6,
                       experience=[{"title": "Senior Backend Engineer", "company": "Shopee", "years": 5}])
CARRIER_NOTE = "Hi Sarah, I run payments backend at Shopee and saw your post on retry budgets; would love to compare notes. "


def screened_after_the_carrier(line: str) -> ScreenResult:
    """The carrier request with `line` after its note, screened for the engineering lead persona."""
    return screen(request(CARRIER_NOTE + line, **CARRIER_PROFILE), persona("eng-lead-en"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """`assist ARGV...` in-process: (exit code, stdout, stderr)."""
    from assist.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# A known cost, kept in sight: the learned doubt reader (doubt_model.py), from version 10 on (set at
# 2 % of honest dev requests), doubts these honest sentences: `ask`, never a
# report (BENCHMARKS.md, ninth and tenth sessions). Strict: the day it stops, the test says so.
LEARNED_DOUBT_COST = pytest.mark.xfail(strict=True, reason="the learned reader (version 10 on) doubts this honest "
                                       "sentence: ask, never a report; BENCHMARKS.md, ninth and tenth sessions")


def scam_judgement(note: str, **sender):
    """The scam reader's judgement of a note from a stranger with this profile, and its signs."""
    from assist.guidance import load_guidance
    from assist.scams import judge, read_signs

    guidance = load_guidance()
    signs = read_signs(request(note, **sender), user(), guidance)
    return judge(signs, guidance), signs
