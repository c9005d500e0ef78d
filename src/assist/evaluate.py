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
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from .backends.base import Backend
from .config import UserConfig, load_config, parse_config
from .context import RunContext
from .errors import AssistError, InputError, describe_validation_error
from .i18n import N_, _
from .guidance import load_guidance
from .load import load_requests
from .models import VERDICTS, Request, Verdict
from .report import RunReport
from .screen import screen_request
from .vocabulary import ACCEPTED_SCAM, ACCEPTED_SHOULD_IGNORE, IGNORED_SHOULD_ACCEPT

if TYPE_CHECKING:
    from .known import Exports, Network

HOSTILE_FLAGS = frozenset({"scam_or_phishing", "prompt_injection"})
PERSONAS_DIR = "personas"
NO_LABELLED_CASES = N_("no labelled cases (a case carries \"expected\": {\"verdict\": ...})")
EXPORTS_DIR = "exports"  # beside a part: each persona's own LinkedIn export


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
    network: "Network | None" = None  # the persona's own LinkedIn export (known.py), when the dataset has one


@dataclass
class CaseOutcome:
    case: str
    persona: str
    expected: Verdict
    acceptable: list[Verdict]
    got: Verdict
    expected_flags: list[str]
    got_flags: list[str]
    reported: bool = False  # the backend said the request is worth reporting to LinkedIn

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
    def wrongly_ignored(self) -> bool:
        """An honest request ignored where its label does not allow it."""
        return not self.hostile and self.got == "ignore" and self.expected != "ignore" and "ignore" not in self.acceptable

    @property
    def harm(self) -> str | None:
        """Errors that cost the user: a scam let in, a good contact lost."""
        if self.got == "accept" and self.hostile:
            return ACCEPTED_SCAM
        if self.got == "accept" and self.expected == "ignore" and "accept" not in self.acceptable:
            return ACCEPTED_SHOULD_IGNORE
        if self.got == "ignore" and self.expected == "accept" and "ignore" not in self.acceptable:
            return IGNORED_SHOULD_ACCEPT
        return None


@dataclass
class Report:
    outcomes: list[CaseOutcome] = field(default_factory=list)
    bad_items: list[str] = field(default_factory=list)
    run: RunReport = field(default_factory=RunReport)  # verdicts, failures, usage and time per case
    cites_flags: bool = True  # False for the baselines, which give verdicts only

    @property
    def failures(self) -> list[str]:
        """Cases the backend could not screen (an LLM error), with the reason."""
        return self.run.failed

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
    def harmful(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.harm]

    @property
    def hostile_accepted(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.hostile and o.got == "accept"]

    @property
    def honest_reported(self) -> list[CaseOutcome]:
        """Honest requests (labelled neither scam nor injection) called worth reporting: an insult."""
        return [o for o in self.outcomes if not o.hostile and o.reported]

    @property
    def honest_ignored(self) -> list[CaseOutcome]:
        """Honest requests ignored where their label does not allow it: a person lost."""
        return [o for o in self.outcomes if o.wrongly_ignored]

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
        if not self.run.seconds:
            return None
        ordered = sorted(self.run.seconds)
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
            "honest_reported": len(self.honest_reported),
            "honest_ignored": len(self.honest_ignored),
            "confusion": self.confusion(),
            "flags": self.flag_scores(),
            "latency_ms": self.latency_ms(),
            "usage": self.run.usage.model_dump() if self.run.usage else None,
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
    """Part name -> path: the subdirectories holding cases (dev, test, ...) and those one level
    deeper (hostile/dev, hostile/test), or the dataset itself; `only` keeps one part."""
    path = Path(dataset)
    if not path.exists():
        raise InputError(dataset, _("no such file or directory"))
    parts = {"all": dataset}
    if path.is_dir():
        found: dict[str, str] = {}
        for child in sorted(path.iterdir()):
            if not child.is_dir() or child.name == PERSONAS_DIR:
                continue
            if _holds_cases(child):
                found[child.name] = str(child)
            else:
                found.update({f"{child.name}/{grandchild.name}": str(grandchild) for grandchild in sorted(child.iterdir())
                              if grandchild.is_dir() and _holds_cases(grandchild)})
        parts = found or parts
    if only is not None:
        if only not in parts:
            raise InputError("--part", _("{dataset} has no part {part} (it has: {parts})").format(
                dataset=dataset, part=repr(only), parts=", ".join(parts)))
        return {only: parts[only]}
    return parts


def _holds_cases(directory: Path) -> bool:
    return any(directory.glob("*.json*"))


def _personas_dir(dataset: str, personas: str | None) -> Path | None:
    if personas:
        if not Path(personas).is_dir():
            raise InputError(personas, _("personas directory not found"))
        return Path(personas)
    base = Path(dataset) if Path(dataset).is_dir() else Path(dataset).parent
    for candidate in (base / PERSONAS_DIR, base.parent / PERSONAS_DIR, base.parent.parent / PERSONAS_DIR, base.parent / "configs"):
        if candidate.is_dir():
            return candidate
    return None


def exports_dir(part: str, exports: str | bool | None) -> Path | None:
    """Where the personas' LinkedIn exports are for a part: `--exports`, else `exports/` beside the
    part (fixtures/eval/export/exports for export/dev and export/test: the other parts were written
    without exports, and are judged so); a persona's is `<persona>/` or `<persona>.zip` there.
    `exports` False: none."""
    if exports is False:
        return None
    if exports:
        if not Path(str(exports)).is_dir():
            raise InputError(str(exports), _("exports directory not found"))
        return Path(str(exports))
    base = Path(part) if Path(part).is_dir() else Path(part).parent
    beside = base.parent / EXPORTS_DIR
    return beside if beside.is_dir() else None


def _persona_network(persona: str, exports: Path | None, networks: "Exports", bad: list[str],
                     on_error: Callable[[str], None]) -> "Network | None":
    if exports is None:
        return None
    for candidate in (exports / persona, exports / f"{persona}.zip"):
        if candidate.exists():
            network = networks.network(str(candidate))
            for problem in network.problems:
                if str(problem) not in bad:
                    bad.append(str(problem))
                    on_error(bad[-1])
            return network
    return None


def load_cases(part: str, personas_dir: Path | None, config_path: str | None,
               on_error: Callable[[str], None], exports: Path | None = None) -> tuple[list[Case], list[str]]:
    from .known import Exports

    configs: dict[str | None, UserConfig] = {}
    networks: dict[str | None, "Network | None"] = {}
    opened = Exports()
    cases: list[Case] = []
    bad: list[str] = []

    def config_for(persona: str | None, where: str) -> UserConfig:
        if persona not in configs:
            if persona is None:
                configs[None] = load_config(config_path)
            else:
                path = personas_dir / f"{persona}.toml" if personas_dir else None
                if path is None or not path.is_file():
                    raise InputError(where, (_("persona {persona}: no {file} in {folder}") if personas_dir else
                                            _("persona {persona}: no {file} in a personas directory (use --personas)")
                                            ).format(persona=repr(persona), file=f"{persona}.toml", folder=personas_dir))
                configs[persona] = parse_config(path)
                networks[persona] = _persona_network(persona, exports, opened, bad, on_error)
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
                config = config_for(label.persona, loaded.origin)
                cases.append(Case(loaded.origin, loaded.request, label, config, networks.get(label.persona)))
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
    contexts: dict[int, RunContext] = {}  # one per persona
    for case in cases:
        ctx = contexts.setdefault(id(case.config), RunContext(case.config, guidance, network=case.network))
        start = time.perf_counter()
        try:
            result = screen_request(case.request, backend, ctx)
        except AssistError as error:  # an LLM that failed on this case: counted, not fatal
            report.run.fail(f"{case.request.id}: {error}")
            continue
        report.run.seconds.append(time.perf_counter() - start)
        report.run.add(result)
        report.outcomes.append(_outcome(case, result.verdict, [f.id for f in result.flags], result.report))
    return report


def run_baseline(cases: list[Case], decide: Callable[[Case], Verdict], bad_items: list[str] | None = None) -> Report:
    report = Report(bad_items=list(bad_items or []), cites_flags=False)
    for case in cases:
        report.outcomes.append(_outcome(case, decide(case), []))
    return report


def _outcome(case: Case, got: Verdict, flags: list[str], reported: bool = False) -> CaseOutcome:
    return CaseOutcome(
        case=case.request.id or case.origin, persona=case.label.persona or "default",
        expected=case.label.verdict, acceptable=case.label.acceptable, got=got,
        expected_flags=case.label.flags, got_flags=flags, reported=reported,
    )


def evaluate(dataset: str, personas: str | None, config_path: str | None, backend: Backend,
             on_error: Callable[[str], None] = lambda _: None, exports: str | None | bool = None) -> Report:
    """One backend over a whole dataset (every part together). `exports`: the personas' exports
    (exports_dir), or False for none."""
    personas_dir = _personas_dir(dataset, personas)
    cases: list[Case] = []
    bad: list[str] = []
    for path in dataset_parts(dataset).values():
        part_cases, part_bad = load_cases(path, personas_dir, config_path, on_error, exports_dir(path, exports))
        cases += part_cases
        bad += part_bad
    if not cases and not bad:
        raise InputError(dataset, _(NO_LABELLED_CASES))
    return run_backend(cases, backend, bad)


def compare(dataset: str, personas: str | None, config_path: str | None, backends: dict[str, Backend],
            on_error: Callable[[str], None] = lambda _: None,
            progress: Callable[[str], None] = lambda _: None, part: str | None = None,
            exports: str | None | bool = None) -> dict[str, dict[str, Report]]:
    """Part -> column -> report: the baselines, then each backend, on each part of the dataset."""
    personas_dir = _personas_dir(dataset, personas)
    table: dict[str, dict[str, Report]] = {}
    for part, path in dataset_parts(dataset, part).items():
        cases, bad = load_cases(path, personas_dir, config_path, on_error, exports_dir(path, exports))
        if not cases and not bad:
            continue
        columns: dict[str, Report] = {name: run_baseline(cases, decide, bad) for name, decide in BASELINES.items()}
        for name, backend in backends.items():
            progress(f"{part}: {name} on {len(cases)} cases")
            columns[name] = run_backend(cases, backend, bad)
        table[part] = columns
    if not table:
        raise InputError(dataset, _(NO_LABELLED_CASES))
    return table


def comparison_json(table: dict[str, dict[str, Report]]) -> dict:
    return {"parts": {part: {name: report.as_json() for name, report in columns.items()} for part, columns in table.items()}}
