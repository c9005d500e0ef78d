"""Instructions a request of `extract_signals`, counted by valgrind's callgrind: a figure the load
of a shared machine does not move, for an A/B of a change meant only for speed (CPU times on a
busy machine differ by 10 % from run to run; this by well under 1 %). Two child processes screen
the first 40 and the first 40 + N requests of bench_offline's inbox after the same warm-up (the
vocabularies compiled); the difference over N is the cost of a request. About a minute. Needs
valgrind. Run:

    .venv/bin/python bench/bench_instructions.py [--requests 400] [--unique]

`--unique`: every request's headline, about and location made its own (as bench_signals.py's
`--unique`), so no cache of an earlier request's profile helps, as in a real inbox.

For the other side of an A/B, run the same with PYTHONPATH=OTHER_CHECKOUT/src.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_offline import FIXTURES, make_inbox  # noqa: E402

CHILD = """
import sys
from pathlib import Path
from assist import signals
from assist.config import parse_config
from assist.guidance import load_guidance
from assist.load import load_requests
inbox, config, count, unique = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "unique"
requests = [item.request for item in load_requests([inbox]) if item.request][:count + 40]
if unique:
    requests = [request.model_copy(update={"sender": request.sender.model_copy(update={
        field: f"{value} ({index})" for field in ("headline", "about", "location")
        if (value := getattr(request.sender, field))})}) for index, request in enumerate(requests)]
guidance, config = load_guidance(), parse_config(Path(config))
for request in requests:
    signals.extract_signals(request, config, guidance)
"""


def _instructions(inbox: Path, count: int, out: Path, unique: bool = False) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", CHILD,
                          str(inbox), str(FIXTURES / "configs" / "analyst-vi.toml"), str(count),
                          "unique" if unique else "shared"],
                         capture_output=True, text=True, env=env, check=True)
    match = re.search(r"Collected : (\d+)", run.stderr)
    if match is None:
        raise SystemExit(f"valgrind said no count:\n{run.stderr[-2000:]}")
    return int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--unique", action="store_true", help="no two requests share a headline, about or location")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox.jsonl"
        make_inbox(args.requests + 40, inbox)
        warm = _instructions(inbox, 0, Path(tmp) / "warm.out", args.unique)
        full = _instructions(inbox, args.requests, Path(tmp) / "full.out", args.unique)
    print(f"requests:         {args.requests} (after 40 of warm-up){' (unique profiles)' if args.unique else ''}")
    print(f"extract_signals:  {(full - warm) / args.requests / 1000:,.0f} k instructions a request")


if __name__ == "__main__":
    main()
