"""Peak memory of `assist screen --json` as the input grows: 10,000 against 100,000 requests.

Each measurement runs in a wrapper process of its own (`python -c`), which runs the one `assist`
process, waits for it and prints its own RUSAGE_CHILDREN.ru_maxrss: that figure is the maximum
over every child a process has waited for, so read in this script it would only ever be the
largest run so far. With the store (a fresh one each run) and with `--no-store`. Run:

    .venv/bin/python bench/bench_memory.py [--sizes 10000,100000] [--runs 1]

Target: the largest input's peak within 1.2x of the smallest's (memory flat as the input grows).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
TARGET = 1.2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_offline import make_inbox  # noqa: E402  (the very inbox the throughput benchmark uses)

# Runs argv[1:] as one child, and prints that child's peak RSS in KiB (Linux reports ru_maxrss in KiB).
WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_mib(command: list[str]) -> float:
    """The peak RSS of `command` alone, in MiB, with a fresh store."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ASSIST_CONFIG": "", "ASSIST_HOME": home}
        out = subprocess.run([sys.executable, "-c", WRAPPER, *command], check=True, capture_output=True, text=True, env=env)
    kib = int(out.stdout.strip().splitlines()[-1])
    return kib / 1024 if sys.platform != "darwin" else kib / (1024 * 1024)  # macOS: bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated request counts, smallest first")
    parser.add_argument("--runs", type=int, default=1, help="runs per figure (the largest peak is kept)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    config = str(FIXTURES / "configs" / "analyst-vi.toml")
    modes = {"with the store": [], "--no-store": ["--no-store"]}
    peaks: dict[str, dict[int, float]] = {mode: {} for mode in modes}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            inbox = Path(tmp) / f"inbox-{size}.jsonl"
            make_inbox(size, inbox)
            print(f"{size:>9,} requests: {inbox.stat().st_size / 2**20:.1f} MiB of JSON Lines", file=sys.stderr)
            for mode, extra in modes.items():
                command = [sys.executable, "-m", "assist", "screen", str(inbox), "--config", config, "--json", *extra]
                peaks[mode][size] = max(peak_mib(command) for _ in range(args.runs))
    smallest, largest = sizes[0], sizes[-1]
    print(f"{'':<16}" + "".join(f"{size:>12,}" for size in sizes) + f"{'ratio':>10}")
    met = True
    for mode, by_size in peaks.items():
        ratio = by_size[largest] / by_size[smallest]
        met &= ratio <= TARGET
        print(f"{mode:<16}" + "".join(f"{by_size[size]:>8.1f} MiB" for size in sizes) + f"{ratio:>9.2f}x")
    print(f"peak RSS of the whole `assist screen --json` process; target {largest:,} within {TARGET}x of {smallest:,}: "
          f"{'met' if met else 'NOT met'}")
    print(json.dumps({mode: {str(size): round(peak, 1) for size, peak in by_size.items()} for mode, by_size in peaks.items()}))


if __name__ == "__main__":
    main()
