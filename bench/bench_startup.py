"""CLI start-up: `assist --version` and a one-request `assist screen`, against `python -c pass`.

Whole processes, run alternately so the machine's drift cancels out; medians and the ratio. Run:

    .venv/bin/python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "ASSIST_HOME": tempfile.mkdtemp(), "ASSIST_CONFIG": ""}
    request = str(ROOT / "fixtures" / "requests" / "01-momo-talent-partner.json")
    config = str(ROOT / "fixtures" / "configs" / "analyst-vi.toml")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "assist --version": [sys.executable, "-m", "assist", "--version"],
        "assist screen (1 request)": [sys.executable, "-m", "assist", "screen", request, "-c", config, "--json", "--no-store"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, command in commands.items():
        wall(command, env)  # warm-up: bytecode compiled, files cached
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(wall(command, env))
    base = statistics.median(times["python -c pass"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:<28} median {median * 1000:7.1f} ms  (min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})"
              f"  {median / base:5.1f}x python -c pass")


if __name__ == "__main__":
    main()
