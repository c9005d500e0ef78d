"""The offline engine's signals in process: CPU time per request of `extract_signals`, and of each
of its steps, on the inbox bench_offline.py screens (its profiles repeat every 40 requests, as
a company or a headline repeats in an inbox; the notes are unique). `--unique`: every string of
a request's profile made unique too, so no cache of a previous request helps. Run:

    .venv/bin/python bench/bench_signals.py [--requests 10000] [--unique] [--steps]
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_offline import FIXTURES, make_inbox  # noqa: E402

from assist import signals  # noqa: E402
from assist.config import parse_config  # noqa: E402
from assist.guidance import load_guidance  # noqa: E402
from assist.load import load_requests  # noqa: E402

STEPS = ("_hostile", "_injection", "read_signs", "_policy", "_ties", "_selling", "_note", "_relevance",
         "_mutuals", "_empty_profile")


def _unique(request, index: int):
    sender = request.sender.model_copy(update={
        field: f"{value} ({index})" for field in ("headline", "about", "location")
        if (value := getattr(request.sender, field))})
    return request.model_copy(update={"sender": sender})


def _timed_steps(spent: collections.Counter) -> None:
    """Each step of extract_signals wrapped to add its CPU time to `spent` (nested steps count in both)."""
    for name in STEPS:
        step = getattr(signals, name)

        def timed(*args, _step=step, _name=name, **kwargs):
            start = time.process_time()
            try:
                return _step(*args, **kwargs)
            finally:
                spent[_name] += time.process_time() - start
        setattr(signals, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--unique", action="store_true", help="no two requests share a profile string")
    parser.add_argument("--steps", action="store_true", help="CPU time of each step too (adds a little overhead)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox.jsonl"
        make_inbox(args.requests, inbox)
        requests = [item.request for item in load_requests([str(inbox)]) if item.request]
    if args.unique:
        requests = [_unique(request, index) for index, request in enumerate(requests)]
    guidance = load_guidance()
    config = parse_config(FIXTURES / "configs" / "analyst-vi.toml")
    signals.extract_signals(requests[0], config, guidance)  # vocabularies compiled
    spent: collections.Counter = collections.Counter()
    if args.steps:
        _timed_steps(spent)
    start = time.process_time()
    for request in requests:
        signals.extract_signals(request, config, guidance)
    total = time.process_time() - start
    per = 1000 / len(requests)
    print(f"requests:         {len(requests)}{' (unique profiles)' if args.unique else ''}")
    print(f"extract_signals:  {total * per:.4f} ms CPU a request ({total:.2f} s)")
    for name, seconds in spent.most_common():
        print(f"  {name:15s} {seconds * per:.4f} ms")


if __name__ == "__main__":
    main()
