"""`assist eval`: screen labelled cases and compare with what a careful expert decided.

A case is a request (any form `assist screen` reads) whose JSON carries `expected`: one label or a
list, each `{"persona", "verdict", "acceptable", "flags", "why"}`. A persona names a config file
(`<persona>.toml`) in the personas directory; a label without one uses `--config`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .backends.base import Backend
from .config import UserConfig, load_config, parse_config
from .errors import InputError, describe_validation_error
from .guidance import load_guidance
from .load import load_requests
from .models import VERDICTS, Verdict
from .screen import screen_request

HOSTILE_FLAGS = frozenset({"scam_or_phishing", "prompt_injection"})


class Label(BaseModel):
    model_config = ConfigDict(extra="ignore")
    persona: str | None = None
    verdict: Verdict
    acceptable: list[Verdict] = []
    flags: list[str] = []
    why: str = ""


@dataclass
class Outcome:
    case: str
    persona: str
    expected: Verdict
    acceptable: list[Verdict]
    got: Verdict
    expected_flags: list[str]
    got_flags: list[str]

    @property
    def agrees(self) -> bool:
        return self.got == self.expected

    @property
    def acceptable_result(self) -> bool:
        return self.agrees or self.got in self.acceptable

    @property
    def harm(self) -> str | None:
        """Errors that cost the user: a scam let in, a good contact lost."""
        if self.got == "accept" and HOSTILE_FLAGS & set(self.expected_flags):
            return "accepted a scam or injection"
        if self.got == "accept" and self.expected == "ignore" and "accept" not in self.acceptable:
            return "accepted what should be ignored"
        if self.got == "ignore" and self.expected == "accept" and "ignore" not in self.acceptable:
            return "ignored what should be accepted"
        return None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    bad_items: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def agreement(self) -> float:
        return sum(o.agrees for o in self.outcomes) / self.total if self.total else 0.0

    @property
    def acceptable_rate(self) -> float:
        return sum(o.acceptable_result for o in self.outcomes) / self.total if self.total else 0.0

    @property
    def harmful(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.harm]

    def confusion(self) -> dict[str, dict[str, int]]:
        counts = Counter((o.expected, o.got) for o in self.outcomes)
        return {e: {g: counts[(e, g)] for g in VERDICTS} for e in VERDICTS}

    def flag_scores(self) -> dict[str, dict[str, float]]:
        """Precision and recall of each flag against the flags the labels name."""
        scores = {}
        for criterion in load_guidance().criteria:
            tp = sum(criterion in o.expected_flags and criterion in o.got_flags for o in self.outcomes)
            fp = sum(criterion not in o.expected_flags and criterion in o.got_flags for o in self.outcomes)
            fn = sum(criterion in o.expected_flags and criterion not in o.got_flags for o in self.outcomes)
            if tp + fp + fn:
                scores[criterion] = {
                    "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
                    "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
                    "support": tp + fn,
                }
        return scores

    def as_json(self) -> dict:
        return {
            "cases": self.total,
            "agreement": round(self.agreement, 4),
            "acceptable_rate": round(self.acceptable_rate, 4),
            "harmful_errors": [{"case": o.case, "persona": o.persona, "expected": o.expected, "got": o.got, "harm": o.harm} for o in self.harmful],
            "confusion": self.confusion(),
            "flags": self.flag_scores(),
            "mismatches": [{"case": o.case, "persona": o.persona, "expected": o.expected, "acceptable": o.acceptable, "got": o.got}
                           for o in self.outcomes if not o.agrees],
            "bad_items": self.bad_items,
        }


def _personas_dir(dataset: str, personas: str | None) -> Path | None:
    if personas:
        if not Path(personas).is_dir():
            raise InputError(personas, "personas directory not found")
        return Path(personas)
    base = Path(dataset) if Path(dataset).is_dir() else Path(dataset).parent
    for candidate in (base / "personas", base.parent / "configs"):
        if candidate.is_dir():
            return candidate
    return None


def evaluate(dataset: str, personas: str | None, config_path: str | None, backend: Backend,
             on_error: Callable[[str], None] = lambda _: None) -> Report:
    if not Path(dataset).exists():
        raise InputError(dataset, "no such file or directory")
    personas_dir = _personas_dir(dataset, personas)
    configs: dict[str, UserConfig] = {}
    default_config: UserConfig | None = None
    report = Report()
    guidance = load_guidance()

    def config_for(persona: str | None, where: str) -> UserConfig:
        nonlocal default_config
        if persona is None:
            if default_config is None:
                default_config = load_config(config_path)
            return default_config
        if persona not in configs:
            path = personas_dir / f"{persona}.toml" if personas_dir else None
            if path is None or not path.is_file():
                raise InputError(where, f"persona {persona!r}: no {persona}.toml in {personas_dir or 'a personas directory (use --personas)'}")
            configs[persona] = parse_config(path)
        return configs[persona]

    for loaded in load_requests([dataset]):
        if loaded.error is not None:
            report.bad_items.append(str(loaded.error))
            on_error(str(loaded.error))
            continue
        raw_labels = (loaded.raw or {}).get("expected")
        if raw_labels is None:
            continue  # an unlabelled request: nothing to compare
        try:
            labels = [Label.model_validate(item) for item in (raw_labels if isinstance(raw_labels, list) else [raw_labels])]
            for label in labels:
                config = config_for(label.persona, loaded.origin)
                result = screen_request(loaded.request, config, backend, guidance=guidance)
                report.outcomes.append(Outcome(
                    case=loaded.request.id or loaded.origin, persona=label.persona or "default",
                    expected=label.verdict, acceptable=label.acceptable, got=result.verdict,
                    expected_flags=label.flags, got_flags=[f.id for f in result.flags],
                ))
        except ValidationError as error:
            message = f"{loaded.origin}: expected: {describe_validation_error(error)}"
            report.bad_items.append(message)
            on_error(message)
        except InputError as error:
            report.bad_items.append(str(error))
            on_error(str(error))
    if not report.outcomes and not report.bad_items:
        raise InputError(dataset, "no labelled cases (a case carries \"expected\": {\"verdict\": ...})")
    return report


def render_report(report: Report) -> str:
    lines = [
        f"cases: {report.total}",
        f"agreement with labels: {report.agreement:.1%}",
        f"acceptable verdicts:   {report.acceptable_rate:.1%}",
        f"harmful errors:        {len(report.harmful)}",
        "",
        "confusion (rows: expected, columns: assist)",
        f"{'':>10}" + "".join(f"{v:>8}" for v in VERDICTS),
    ]
    for expected, row in report.confusion().items():
        lines.append(f"{expected:>10}" + "".join(f"{row[g]:>8}" for g in VERDICTS))
    flags = report.flag_scores()
    if flags:
        lines += ["", f"{'flag':<24}{'precision':>10}{'recall':>8}{'cases':>7}"]
        lines += [f"{name:<24}{s['precision']:>10.2f}{s['recall']:>8.2f}{s['support']:>7}" for name, s in flags.items()]
    if report.harmful:
        lines += ["", "harmful errors:"]
        lines += [f"  {o.case} ({o.persona}): expected {o.expected}, got {o.got}: {o.harm}" for o in report.harmful]
    mismatches = [o for o in report.outcomes if not o.agrees]
    if mismatches:
        lines += ["", "disagreements:"]
        lines += [f"  {o.case} ({o.persona}): expected {o.expected}"
                  + (f" (or {', '.join(o.acceptable)})" if o.acceptable else "") + f", got {o.got}" for o in mismatches]
    if report.bad_items:
        lines += ["", f"bad items skipped: {len(report.bad_items)}"]
    return "\n".join(lines)
