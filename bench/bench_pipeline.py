"""The pipeline's speed and memory targets, every figure in one run, side by side with a baseline.

For this checkout's Python (and, with --baseline, another installation's: e.g. a checkout of an
earlier commit with its own virtual environment), whole processes, alternately, medians:

- start-up: `python -c pass`, `assist --version`, `assist screen` of one request (--no-store, and
  into a fresh store); target: within 100 ms of `python -c pass`;
- offline throughput: 10,000 requests `assist screen --json` into a fresh store, and --no-store;
  target: under 2 s into the store;
- memory: peak RSS for 10,000 and 100,000 requests into the store; target: within 1.2x;
- batch: 1,000 requests through a test server on 127.0.0.1 that answers each call in 200 ms,
  --concurrency 32; target: within 1.15x of the ideal 6.25 s.

    .venv/bin/python bench/bench_pipeline.py [--baseline OTHER/.venv/bin/python] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = ROOT / "fixtures"
sys.path.insert(0, str(HERE))
from bench_concurrency import CONFIG as LLM_CONFIG, write_requests  # noqa: E402
from bench_memory import WRAPPER  # noqa: E402
from bench_offline import make_inbox  # noqa: E402

PERSONA = str(FIXTURES / "configs" / "analyst-vi.toml")
ONE = str(FIXTURES / "requests" / "01-momo-talent-partner.json")


def wall(command: list[str], home: str | None = None) -> float:
    with tempfile.TemporaryDirectory() as fresh:
        env = {**os.environ, "ASSIST_CONFIG": "", "ASSIST_HOME": home or fresh}
        for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSIST_MODEL"):
            env.pop(name, None)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return time.perf_counter() - start


def peak_mib(python: str, command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ASSIST_CONFIG": "", "ASSIST_HOME": home}
        out = subprocess.run([python, "-c", WRAPPER, *command], check=True, capture_output=True, text=True, env=env)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def alternate(commands: dict[str, dict[str, list[str]]], runs: int) -> dict[str, dict[str, float]]:
    """label -> {installation -> median seconds}, each command run in turn with the others."""
    times: dict[tuple[str, str], list[float]] = {}
    for label, by_python in commands.items():
        for name, command in by_python.items():
            wall(command)  # warm-up: bytecode compiled, files cached
    for _ in range(runs):
        for label, by_python in commands.items():
            for name, command in by_python.items():
                times.setdefault((label, name), []).append(wall(command))
    return {label: {name: statistics.median(times[(label, name)]) for name in by_python}
            for label, by_python in commands.items()}


def batch_seconds(python: str, folder: Path, url: str, requests: Path, config: Path) -> float:
    home = tempfile.mkdtemp(dir=folder)
    command = [python, "-m", "assist", "screen", str(requests), "--json", "-c", str(config), "--backend", "openai",
               "--base-url", url, "--model", "bench-model", "--concurrency", "32"]
    return wall(command, home)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="another installation's python, measured beside this one")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip", default="", help="comma-separated parts to leave out: startup,offline,memory,batch")
    args = parser.parse_args()
    pythons = {"this": sys.executable}
    if args.baseline:
        pythons["baseline"] = args.baseline
    skip = set(filter(None, args.skip.split(",")))
    report: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "startup" not in skip:
            commands = {"python -c pass": {name: [py, "-c", "pass"] for name, py in pythons.items()},
                        "assist --version": {name: [py, "-m", "assist", "--version"] for name, py in pythons.items()},
                        "screen 1 request --no-store": {name: [py, "-m", "assist", "screen", ONE, "-c", PERSONA, "--json", "--no-store"]
                                                        for name, py in pythons.items()},
                        "screen 1 request, store": {name: [py, "-m", "assist", "screen", ONE, "-c", PERSONA, "--json"]
                                                    for name, py in pythons.items()}}
            report |= {label: {name: 1000 * s for name, s in by.items()} for label, by in alternate(commands, 3 * args.runs).items()}
        if "offline" not in skip:
            inbox = folder / "inbox-10000.jsonl"
            make_inbox(10_000, inbox)
            commands = {"10,000 offline, store (s)": {name: [py, "-m", "assist", "screen", str(inbox), "-c", PERSONA, "--json"]
                                                      for name, py in pythons.items()},
                        "10,000 offline, --no-store (s)": {name: [py, "-m", "assist", "screen", str(inbox), "-c", PERSONA, "--json", "--no-store"]
                                                           for name, py in pythons.items()}}
            report |= alternate(commands, max(3, args.runs // 2))
        if "memory" not in skip:
            for size in (10_000, 100_000):
                inbox = folder / f"inbox-{size}.jsonl"
                if not inbox.exists():
                    make_inbox(size, inbox)
                report[f"peak MiB, {size:,} into the store"] = {
                    name: peak_mib(py, [py, "-m", "assist", "screen", str(inbox), "-c", PERSONA, "--json"])
                    for name, py in pythons.items()}
        if "batch" not in skip:
            requests = write_requests(folder, 1000)
            config = folder / "assist.toml"
            config.write_text(LLM_CONFIG, encoding="utf-8")
            server = subprocess.Popen([sys.executable, str(HERE / "bench_concurrency.py"), "--serve", "--delay", "0.2"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            try:
                url = server.stdout.readline().strip()
                seconds: dict[str, list[float]] = {name: [] for name in pythons}
                for _ in range(max(1, args.runs // 2)):
                    for name, py in pythons.items():
                        seconds[name].append(batch_seconds(py, folder, url, requests, config))
            finally:
                server.stdin.close()
                server.wait(timeout=10)
            report["1,000 LLM calls at 200 ms, c=32 (s)"] = {name: statistics.median(s) for name, s in seconds.items()}
    names = list(pythons)
    print(f"{'figure':<36}" + "".join(f"{name:>12}" for name in names))
    for label, by in report.items():
        print(f"{label:<36}" + "".join(f"{by[name]:>12.2f}" for name in names))
    print("targets (this):")
    if "python -c pass" in report:
        base = report["python -c pass"]["this"]
        for label in ("assist --version", "screen 1 request --no-store", "screen 1 request, store"):
            over = report[label]["this"] - base
            print(f"  {label}: {over:.0f} ms over python -c pass (target 100): {'met' if over <= 100 else 'NOT met'}")
    if "10,000 offline, store (s)" in report:
        seconds = report["10,000 offline, store (s)"]["this"]
        print(f"  10,000 offline into the store: {seconds:.2f} s (target 2 s): {'met' if seconds < 2 else 'NOT met'}")
    if "peak MiB, 10,000 into the store" in report:
        ratio = report["peak MiB, 100,000 into the store"]["this"] / report["peak MiB, 10,000 into the store"]["this"]
        print(f"  memory, 100,000 against 10,000: {ratio:.2f}x (target 1.2x): {'met' if ratio <= 1.2 else 'NOT met'}")
    if "1,000 LLM calls at 200 ms, c=32 (s)" in report:
        ratio = report["1,000 LLM calls at 200 ms, c=32 (s)"]["this"] / 6.25
        print(f"  batch: {ratio:.2f}x the ideal 6.25 s (target 1.15x): {'met' if ratio <= 1.15 else 'NOT met'}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
