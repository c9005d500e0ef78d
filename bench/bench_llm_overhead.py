"""The LLM pipeline's own time per request, model time excluded: a backend that answers at once
from memory goes through everything an LLM verdict goes through (signals, prompt rendering,
schema, JSON extraction and validation, flag checks, guard rails, the rules cross-check, the
reply fit), with and without the SQLite answer cache. Target: under 5 ms per request. Run:

    .venv/bin/python bench/bench_llm_overhead.py [--requests 500]
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
FIXTURES = ROOT / "fixtures"
TARGET_MS = 5.0

ANSWER = json.dumps({
    "verdict": "ask", "confidence": 0.6, "summary": "Relevant, but it is unclear why they want to connect.",
    "flags": [{"id": "professional_relevance", "polarity": "green", "evidence": "works in the user's field"},
              {"id": "no_note", "polarity": "red", "evidence": "no note"}],
    "report": False,
    "reply": "Hi there, thanks for reaching out! Could you remind me how we know each other, or share what prompted your request?",
})


def requests(count: int):
    from assist.models import Request

    base = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "requests").glob("*.json"))]
    if not base:
        base = [{"sender": {"name": "Alex Tran", "headline": "Backend engineer"}, "note": "Enjoyed your talk."}]
    out = []
    for index in range(count):
        data = dict(base[index % len(base)])
        data.pop("expected", None)
        data["id"] = f"bench-{index}"
        if data.get("note"):
            data["note"] = f"{data['note']} ({index})"
        out.append(Request.model_validate(data))
    return out


def measure(backend, items, config, guidance) -> list[float]:
    from assist.screen import screen_request

    times = []
    for request in items:
        start = time.perf_counter()
        screen_request(request, config, backend, 300, guidance)
        times.append((time.perf_counter() - start) * 1000)
    return times


def describe(label: str, times: list[float]) -> float:
    median = statistics.median(times)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    print(f"{label:<34} median {median:.3f} ms   mean {statistics.mean(times):.3f} ms   p95 {p95:.3f} ms")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["ASSIST_HOME"] = home
        from assist.backends.llm import ChatBackend, Completion
        from assist.cache import AnswerCache
        from assist.config import parse_config
        from assist.guidance import load_guidance

        class MemoryBackend(ChatBackend):
            """Answers at once, from memory: what is left is the pipeline's own time."""

            name = "memory"
            model = "memory"

            def complete(self, messages, schema, schema_name):
                return Completion(text=ANSWER, finish_reason="stop", prompt_tokens=1500, completion_tokens=80)

        class NoCache(AnswerCache):
            def get(self, key):
                return None

            def put(self, *args, **kwargs):
                pass

        guidance = load_guidance()
        config_path = FIXTURES / "configs" / "eng-lead-en.toml"
        from assist.config import UserConfig

        config = parse_config(config_path) if config_path.is_file() else UserConfig()
        items = requests(args.requests)
        measure(MemoryBackend(cache=NoCache(), guidance=guidance), items[:20], config, guidance)  # warm-up
        print(f"requests: {len(items)} (model time excluded: the backend answers from memory)")
        no_cache = describe("pipeline, no cache:", measure(MemoryBackend(cache=NoCache(), guidance=guidance), items, config, guidance))
        with_cache = describe("pipeline, writing the SQLite cache:", measure(MemoryBackend(guidance=guidance), items, config, guidance))
        cached = describe("pipeline, served from the cache:", measure(MemoryBackend(guidance=guidance), items, config, guidance))
        worst = max(no_cache, with_cache, cached)
        print(f"target: under {TARGET_MS:g} ms per request: {'met' if worst < TARGET_MS else 'NOT met'} (worst median {worst:.3f} ms)")
        sys.exit(0 if worst < TARGET_MS else 1)


if __name__ == "__main__":
    main()
