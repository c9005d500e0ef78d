"""What the learned hostility model (src/assist/learned.py) costs: CPU seconds of `assist screen --json
--no-store` on 10,000 requests with it and without it (the same code, its `doubt` replaced by one
that says nothing), alternately, medians. CPU time, not wall time: the machine is shared.

    .venv/bin/python bench/bench_learned.py [--requests 10000] [--runs 8]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_offline import FIXTURES, make_inbox  # noqa: E402

WITHOUT = ("import sys, assist.learned as learned; learned.doubt = lambda *args: None; "
           "from assist.cli import run; sys.argv = ['assist', *sys.argv[1:]]; run()")


def cpu_seconds(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "ASSIST_CONFIG": "", "ASSIST_HOME": home})
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox.jsonl"
        make_inbox(args.requests, inbox)
        screen = ["screen", str(inbox), "--config", str(FIXTURES / "configs" / "analyst-vi.toml"), "--json", "--no-store"]
        commands = {"with the model": [sys.executable, "-m", "assist", *screen],
                    "without it": [sys.executable, "-c", WITHOUT, *screen]}
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                times[label].append(cpu_seconds(command))
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, values in times.items():
        print(f"{label:15s} {medians[label]:.3f} s CPU median of {len(values)} ({', '.join(f'{v:.2f}' for v in values)})")
    extra = medians["with the model"] - medians["without it"]
    print(f"extra: {extra:.3f} s CPU for {args.requests:,} requests ({extra / medians['without it']:.1%})")


if __name__ == "__main__":
    main()
