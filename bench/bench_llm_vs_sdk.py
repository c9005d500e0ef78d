"""The LLM pipeline's own overhead, against a direct openai SDK call to the same local server.

A test server on 127.0.0.1 answers every chat completion after a fixed latency (default 50 ms).
Each round times, in one process and alternately: a bare `client.chat.completions.create` with
the same messages, and assist's whole path for one request (signals, prompt rendering, the HTTP
call through assist's OpenAI backend, validation, guard, summary). The difference is what assist
adds per request; the ratio is measured pair by pair, so the machine's drift cancels out. Run:

    .venv/bin/python bench/bench_llm_vs_sdk.py [--requests 200] [--latency 0.05]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the scripted OpenAI-compatible server the tests use

from llm_servers import Answer, FakeServer, chat, verdict_json  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05, help="the server's fixed latency, seconds")
    args = parser.parse_args()
    os.environ["ASSIST_HOME"] = tempfile.mkdtemp()  # a private cache and mode memory

    import openai

    from assist.backends import BackendChoice, select_backend
    from assist.config import parse_config
    from assist.load import load_requests
    from assist.render import render_messages
    from assist.screen import screen_request
    from assist.signals import extract_signals

    server = FakeServer().start()
    server.behaviour = lambda body: Answer(**{**chat(verdict_json("ask")).__dict__, "delay": args.latency})
    try:
        # English replies: the scripted answer is English, so no answer is re-asked for its language.
        config = parse_config(ROOT / "fixtures" / "configs" / "eng-lead-en.toml")
        requests = [item.request for item in load_requests([str(ROOT / "fixtures" / "requests")])]
        backend = select_backend(config, BackendChoice("openai", server.url, "bench-model", "json_schema", None, False))
        client = openai.OpenAI(base_url=server.url, api_key="bench", max_retries=0, timeout=30)
        direct, assisted, ratios = [], [], []
        for index in range(args.requests + 5):
            request = requests[index % len(requests)].model_copy(update={"id": f"bench-{index}"})
            messages = render_messages(request, config, extract_signals(request, config))
            start = time.perf_counter()
            client.chat.completions.create(model="bench-model", messages=messages,
                                           response_format={"type": "json_object"})
            sdk = time.perf_counter() - start
            start = time.perf_counter()
            screen_request(request, config, backend)
            ours = time.perf_counter() - start
            if index >= 5:  # warm-up: imports, connection pool
                direct.append(sdk)
                assisted.append(ours)
                ratios.append(ours / sdk)
    finally:
        server.stop()
    median_direct = statistics.median(direct) * 1000
    median_assist = statistics.median(assisted) * 1000
    print(f"requests:                 {args.requests}, server latency {args.latency * 1000:.0f} ms")
    print(f"direct SDK call:          median {median_direct:.2f} ms")
    print(f"assist, whole request:    median {median_assist:.2f} ms")
    print(f"assist's own overhead:    median {median_assist - median_direct:.2f} ms per request")
    print(f"ratio assist / SDK:       median {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}), pair by pair")
    print(json.dumps({"direct_ms": round(median_direct, 3), "assist_ms": round(median_assist, 3),
                      "ratio": round(statistics.median(ratios), 4)}))


if __name__ == "__main__":
    main()
