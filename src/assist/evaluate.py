"""`assist eval`: screen labelled cases and compare with what a careful expert decided.

A case is a request (any form `assist screen` reads) whose JSON carries `expected`: one label or a
list, each `{"persona", "verdict", "acceptable", "flags", "why"}`. A persona names a config file
(`<persona>.toml`) in the personas directory; a label without one uses `--config`.

A dataset is a directory of cases, or a directory whose subdirectories are parts (`dev/`, `test/`:
tune on the first, report both). Several backends can be compared side by side, always next to
two baselines: accept everything (the open networker) and accept only with mutual connections.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .backends.base import Backend
from .config import UserConfig, load_config, parse_config
from .errors import AssistError, InputError, describe_validation_error
from .guidance import load_guidance
from .load import load_requests
from .models import VERDICTS, Request, Usage, Verdict
from .screen import screen_request
from .usage import add_usage

HOSTILE_FLAGS = frozenset({"scam_or_phishing", "prompt_injection"})
PERSONAS_DIR = "personas"


class Label(BaseModel):
    model_config = ConfigDict(extra="ignore")
    persona: str | None = None
    verdict: Verdict
    acceptable: list[Verdict] = []
    flags: list[str] = []
    why: str = ""


@dataclass(frozen=True)
class Case:
    origin: str
    request: Request
    label: Label
    config: UserConfig


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
    def hostile(self) -> bool:
        return bool(HOSTILE_FLAGS & set(self.expected_flags))

    @property
    def harm(self) -> str | None:
        """Errors that cost the user: a scam let in, a good contact lost."""
        if self.got == "accept" and self.hostile:
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
    failures: list[str] = field(default_factory=list)  # cases the backend could not screen (an LLM error)
    seconds: list[float] = field(default_factory=list)  # time per screened case
    usage: Usage | None = None
    cites_flags: bool = True  # False for the baselines, which give verdicts only

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def _rate(self, hits: Iterable[bool]) -> float:
        return sum(hits) / self.total if self.total else 0.0

    @property
    def agreement(self) -> float:
        return self._rate(o.agrees for o in self.outcomes)

    @property
    def acceptable_rate(self) -> float:
        return self._rate(o.acceptable_result for o in self.outcomes)

    @property
    def harmful(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.harm]

    @property
    def hostile_accepted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.hostile and o.got == "accept"]

    def confusion(self) -> dict[str, dict[str, int]]:
        counts = Counter((o.expected, o.got) for o in self.outcomes)
        return {e: {g: counts[(e, g)] for g in VERDICTS} for e in VERDICTS}

    def flag_scores(self) -> dict[str, dict[str, float]]:
        """Precision and recall of each flag against the flags the labels name."""
        if not self.cites_flags:
            return {}
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

    def latency_ms(self) -> dict[str, float] | None:
        if not self.seconds:
            return None
        ordered = sorted(self.seconds)
        return {"median": round(1000 * statistics.median(ordered), 3),
                "p95": round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 3)}

    def as_json(self) -> dict:
        return {
            "cases": self.total,
            "agreement": round(self.agreement, 4),
            "acceptable_rate": round(self.acceptable_rate, 4),
            "harmful_errors": [{"case": o.case, "persona": o.persona, "expected": o.expected, "got": o.got, "harm": o.harm}
                               for o in self.harmful],
            "hostile_accepted": len(self.hostile_accepted),
            "confusion": self.confusion(),
            "flags": self.flag_scores(),
            "latency_ms": self.latency_ms(),
            "usage": self.usage.model_dump() if self.usage else None,
            "failures": self.failures,
            "mismatches": [{"case": o.case, "persona": o.persona, "expected": o.expected, "acceptable": o.acceptable, "got": o.got}
                           for o in self.outcomes if not o.agrees],
            "bad_items": self.bad_items,
        }


# -- baselines ---------------------------------------------------------------------------------------

def accept_everything(case: Case) -> Verdict:
    """The open networker: accept every request."""
    return "accept"


def accept_with_mutuals(case: Case) -> Verdict:
    """Accept only with mutual connections; ignore the rest."""
    return "accept" if (case.request.sender.mutual_connections or 0) > 0 else "ignore"


BASELINES: dict[str, Callable[[Case], Verdict]] = {
    "accept-all": accept_everything,
    "mutual-only": accept_with_mutuals,
}


# -- loading ------------------------------------------------------------------------------------------

def dataset_parts(dataset: str, only: str | None = None) -> dict[str, str]:
    """Part name -> path: the subdirectories holding cases (dev, test, ...), or the dataset itself;
    `only` keeps one part."""
    path = Path(dataset)
    if not path.exists():
        raise InputError(dataset, "no such file or directory")
    parts = {"all": dataset}
    if path.is_dir():
        found = {child.name: str(child) for child in sorted(path.iterdir())
                 if child.is_dir() and child.name != PERSONAS_DIR and any(child.glob("*.json*"))}
        parts = found or parts
    if only is not None:
        if only not in parts:
            raise InputError("--part", f"{dataset} has no part {only!r} (it has: {', '.join(parts)})")
        return {only: parts[only]}
    return parts


def _personas_dir(dataset: str, personas: str | None) -> Path | None:
    if personas:
        if not Path(personas).is_dir():
            raise InputError(personas, "personas directory not found")
        return Path(personas)
    base = Path(dataset) if Path(dataset).is_dir() else Path(dataset).parent
    for candidate in (base / PERSONAS_DIR, base.parent / PERSONAS_DIR, base.parent / "configs"):
        if candidate.is_dir():
            return candidate
    return None


def load_cases(part: str, personas_dir: Path | None, config_path: str | None,
               on_error: Callable[[str], None]) -> tuple[list[Case], list[str]]:
    configs: dict[str | None, UserConfig] = {}
    cases: list[Case] = []
    bad: list[str] = []

    def config_for(persona: str | None, where: str) -> UserConfig:
        if persona not in configs:
            if persona is None:
                configs[None] = load_config(config_path)
            else:
                path = personas_dir / f"{persona}.toml" if personas_dir else None
                if path is None or not path.is_file():
                    raise InputError(where, f"persona {persona!r}: no {persona}.toml in {personas_dir or 'a personas directory (use --personas)'}")
                configs[persona] = parse_config(path)
        return configs[persona]

    for loaded in load_requests([part]):
        try:
            if loaded.error is not None:
                raise loaded.error
            raw_labels = (loaded.raw or {}).get("expected")
            if raw_labels is None:
                continue  # an unlabelled request: nothing to compare
            for item in raw_labels if isinstance(raw_labels, list) else [raw_labels]:
                label = Label.model_validate(item)
                cases.append(Case(loaded.origin, loaded.request, label, config_for(label.persona, loaded.origin)))
        except ValidationError as error:
            bad.append(f"{loaded.origin}: expected: {describe_validation_error(error)}")
            on_error(bad[-1])
        except InputError as error:
            bad.append(str(error))
            on_error(bad[-1])
    return cases, bad


# -- running ------------------------------------------------------------------------------------------

def run_backend(cases: list[Case], backend: Backend, bad_items: list[str] | None = None) -> Report:
    guidance = load_guidance()
    report = Report(bad_items=list(bad_items or []))
    for case in cases:
        start = time.perf_counter()
        try:
            result = screen_request(case.request, case.config, backend, guidance=guidance)
        except AssistError as error:  # an LLM that failed on this case: counted, not fatal
            report.failures.append(f"{case.request.id}: {error}")
            continue
        report.seconds.append(time.perf_counter() - start)
        if result.usage is not None:
            report.usage = result.usage if report.usage is None else add_usage(report.usage, result.usage)
        report.outcomes.append(_outcome(case, result.verdict, [f.id for f in result.flags]))
    return report


def run_baseline(cases: list[Case], decide: Callable[[Case], Verdict], bad_items: list[str] | None = None) -> Report:
    report = Report(bad_items=list(bad_items or []), cites_flags=False)
    for case in cases:
        report.outcomes.append(_outcome(case, decide(case), []))
    return report


def _outcome(case: Case, got: Verdict, flags: list[str]) -> Outcome:
    return Outcome(
        case=case.request.id or case.origin, persona=case.label.persona or "default",
        expected=case.label.verdict, acceptable=case.label.acceptable, got=got,
        expected_flags=case.label.flags, got_flags=flags,
    )


def evaluate(dataset: str, personas: str | None, config_path: str | None, backend: Backend,
             on_error: Callable[[str], None] = lambda _: None) -> Report:
    """One backend over a whole dataset (every part together)."""
    personas_dir = _personas_dir(dataset, personas)
    cases: list[Case] = []
    bad: list[str] = []
    for path in dataset_parts(dataset).values():
        part_cases, part_bad = load_cases(path, personas_dir, config_path, on_error)
        cases += part_cases
        bad += part_bad
    if not cases and not bad:
        raise InputError(dataset, "no labelled cases (a case carries \"expected\": {\"verdict\": ...})")
    return run_backend(cases, backend, bad)


def compare(dataset: str, personas: str | None, config_path: str | None, backends: dict[str, Backend],
            on_error: Callable[[str], None] = lambda _: None,
            progress: Callable[[str], None] = lambda _: None, part: str | None = None) -> dict[str, dict[str, Report]]:
    """Part -> column -> report: the baselines, then each backend, on each part of the dataset."""
    personas_dir = _personas_dir(dataset, personas)
    table: dict[str, dict[str, Report]] = {}
    for part, path in dataset_parts(dataset, part).items():
        cases, bad = load_cases(path, personas_dir, config_path, on_error)
        if not cases and not bad:
            continue
        columns: dict[str, Report] = {name: run_baseline(cases, decide, bad) for name, decide in BASELINES.items()}
        for name, backend in backends.items():
            progress(f"{part}: {name} on {len(cases)} cases")
            columns[name] = run_backend(cases, backend, bad)
        table[part] = columns
    if not table:
        raise InputError(dataset, "no labelled cases (a case carries \"expected\": {\"verdict\": ...})")
    return table


# -- rendering ----------------------------------------------------------------------------------------

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
    latency = report.latency_ms()
    if latency:
        lines += ["", f"latency per case: median {latency['median']:.2f} ms, p95 {latency['p95']:.2f} ms"]
    if report.usage is not None:
        lines.append(f"tokens: {report.usage.prompt_tokens} prompt + {report.usage.completion_tokens} completion"
                     + (f", about ${report.usage.cost_usd:.4f}" if report.usage.cost_usd is not None else ", cost unknown"))
    if report.failures:
        lines += ["", f"failed cases: {len(report.failures)}"] + [f"  {f}" for f in report.failures[:10]]
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


def render_comparison(table: dict[str, dict[str, Report]]) -> str:
    blocks = []
    for part, columns in table.items():
        names = list(columns)
        width = max(12, *(len(n) + 2 for n in names))
        head = f"{part} ({next(iter(columns.values())).total} labelled cases)"
        lines = [head, f"{'':<26}" + "".join(f"{n:>{width}}" for n in names)]

        def row(title: str, cell: Callable[[Report], str]) -> None:
            lines.append(f"{title:<26}" + "".join(f"{cell(r):>{width}}" for r in columns.values()))

        row("agreement", lambda r: f"{r.agreement:.1%}")
        row("acceptable", lambda r: f"{r.acceptable_rate:.1%}")
        row("harmful errors", lambda r: str(len(r.harmful)))
        row("  accepted scam/injection", lambda r: str(len(r.hostile_accepted)))
        row("  accepted, should ignore", lambda r: str(sum(o.harm == "accepted what should be ignored" for o in r.outcomes)))
        row("  ignored, should accept", lambda r: str(sum(o.harm == "ignored what should be accepted" for o in r.outcomes)))
        for expected in VERDICTS:
            row(f"expected {expected} ->", lambda r, e=expected: "/".join(str(r.confusion()[e][g]) for g in VERDICTS))
        row("flag precision (mean)", lambda r: _mean_flag(r, "precision"))
        row("flag recall (mean)", lambda r: _mean_flag(r, "recall"))
        row("latency median ms", lambda r: f"{r.latency_ms()['median']:.2f}" if r.latency_ms() else "-")
        row("tokens (prompt+compl.)", lambda r: f"{r.usage.prompt_tokens}+{r.usage.completion_tokens}" if r.usage else "-")
        row("cost USD", lambda r: f"{r.usage.cost_usd:.4f}" if r.usage and r.usage.cost_usd is not None else "-")
        row("failed cases", lambda r: str(len(r.failures)))
        lines.append("(confusion rows read accept/ask/ignore as assist's verdicts)")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _mean_flag(report: Report, key: str) -> str:
    scores = report.flag_scores()
    return f"{statistics.mean(s[key] for s in scores.values()):.2f}" if scores else "-"


def comparison_json(table: dict[str, dict[str, Report]]) -> dict:
    return {"parts": {part: {name: report.as_json() for name, report in columns.items()} for part, columns in table.items()}}
