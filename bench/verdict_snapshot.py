"""Everything the offline engine decides, written to a directory, so a change meant only for speed
can be checked to change nothing: per case of every eval part (and the sample inbox, and the first
2,000 requests of bench_offline's inbox), the full `screen` result and the signals behind it
(flags, weights, evidence, grounds, topic, warnings). Timings are left out. Run before and after,
then compare the two directories byte for byte (`cmp`/`diff -r`); compare held-out parts' files
only by identity, never read them.

    .venv/bin/python bench/verdict_snapshot.py OUT_DIR
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_offline import make_inbox  # noqa: E402

from assist.backends.rules import RulesBackend  # noqa: E402
from assist.config import parse_config  # noqa: E402
from assist.context import RunContext  # noqa: E402
from assist.evaluate import _personas_dir, dataset_parts, load_cases  # noqa: E402
from assist.guidance import load_guidance  # noqa: E402
from assist.load import load_requests  # noqa: E402
from assist.screen import screen_request  # noqa: E402
from assist.signals import extract_signals  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def _record(request, ctx: RunContext, backend) -> str:
    signals = extract_signals(request, ctx.config, ctx.guidance)
    result = screen_request(request, backend, ctx)
    return json.dumps({
        "id": request.id,
        "result": result.model_dump(mode="json"),
        "signals": [[s.flag.id, s.flag.polarity, s.flag.evidence, round(s.weight, 9)] for s in signals.signals],
        "grounds": signals.grounds, "topic": signals.topic, "warnings": signals.warnings,
        "language": signals.note_language, "relevance_judged": signals.relevance_judged,
        "note_only": signals.note_only,
    }, ensure_ascii=False, sort_keys=True)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    guidance = load_guidance()
    backend = RulesBackend()
    dataset = str(FIXTURES / "eval")
    personas = _personas_dir(dataset, str(FIXTURES / "eval" / "personas"))
    parts = dataset_parts(dataset)
    parts["requests"] = str(FIXTURES / "requests")
    for name, path in parts.items():
        cases, bad = load_cases(path, personas, str(FIXTURES / "configs" / "analyst-vi.toml"), lambda _: None)
        contexts: dict[int, RunContext] = {}
        lines = [json.dumps(bad)]
        for case in cases:
            ctx = contexts.setdefault(id(case.config), RunContext(case.config, guidance))
            lines.append(f"{case.origin} {case.label.persona}\t" + _record(case.request, ctx, backend))
        (out / (name.replace("/", "_") + ".jsonl")).write_text("\n".join(lines) + "\n", encoding="utf-8")
    ctx = RunContext(parse_config(FIXTURES / "configs" / "analyst-vi.toml"), guidance)
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox.jsonl"
        make_inbox(2000, inbox)
        lines = [_record(item.request, ctx, backend) for item in load_requests([str(inbox)]) if item.request]
    (out / "bench_inbox.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
