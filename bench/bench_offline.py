"""Offline screening throughput: 10,000 requests through `assist screen --json`, as a user runs it.

Prints the whole-process wall time and peak memory (median of runs), requests per second, and the
time merely to parse the same requests, so the engine's own share is visible. Run:

    .venv/bin/python bench/bench_offline.py [--requests 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def make_inbox(count: int, path: Path) -> None:
    """count requests cycled from the fixture inbox, each with its own id and a varied note."""
    base = [json.loads(p.read_text()) for p in sorted((FIXTURES / "requests").glob("*.json"))]
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            request = dict(base[index % len(base)])
            request.pop("expected", None)
            request["id"] = f"bench-{index}"
            if request.get("note"):
                request["note"] = f"{request['note']} ({index})"
            out.write(json.dumps(request, ensure_ascii=False) + "\n")


def timed(command: list[str], home: str | None = None) -> tuple[float, float]:
    """Wall seconds and the child's peak RSS in MiB. A fresh store each run unless `home` is given."""
    with tempfile.TemporaryDirectory() as fresh:
        env = {**os.environ, "ASSIST_CONFIG": "", "ASSIST_HOME": home or fresh}
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox.jsonl"
        make_inbox(args.requests, inbox)
        config = str(FIXTURES / "configs" / "analyst-vi.toml")
        screen = [sys.executable, "-m", "assist", "screen", str(inbox), "--config", config, "--json"]
        parse_only = [sys.executable, "-c",
                      "import sys; from assist.load import load_requests; "
                      "n = sum(1 for item in load_requests([sys.argv[1]]) if item.request); print(n)", str(inbox)]
        timed(screen)  # warm-up: imports compiled, files cached
        screen_runs = [timed(screen) for _ in range(args.runs)]
        no_store_runs = [timed([*screen, "--no-store"]) for _ in range(args.runs)]
        parse_runs = [timed(parse_only) for _ in range(args.runs)]
        home = str(Path(tmp) / "home")
        timed(screen, home)  # fill one store, then time runs that resume from it
        resumed_runs = [timed(screen, home) for _ in range(args.runs)]
    screen_wall = statistics.median(w for w, _ in screen_runs)
    no_store_wall = statistics.median(w for w, _ in no_store_runs)
    resumed_wall = statistics.median(w for w, _ in resumed_runs)
    parse_wall = statistics.median(w for w, _ in parse_runs)
    peak = max(p for _, p in screen_runs)
    print(f"requests:            {args.requests}")
    print(f"screen, whole run:   {screen_wall:.2f} s median of {args.runs} ({args.requests / screen_wall:,.0f} requests/s), "
          "fresh store, one transaction per request")
    print(f"screen --no-store:   {no_store_wall:.2f} s median")
    print(f"screen again:        {resumed_wall:.2f} s median (every verdict resumed from the store)")
    print(f"parse only:          {parse_wall:.2f} s median")
    print(f"screen / parse:      {screen_wall / parse_wall:.2f}x")
    print(f"per request:         {1000 * (screen_wall - parse_wall) / args.requests:.3f} ms beyond parsing")
    print(f"peak memory:         {peak:.0f} MiB (largest child process)")
    print(f"target:              10,000 requests under 5 s: {'met' if args.requests >= 10_000 and screen_wall < 5 else 'NOT met' if args.requests >= 10_000 else 'n/a'}")


if __name__ == "__main__":
    main()
