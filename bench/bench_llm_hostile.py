"""Hostile LLM servers (issue 13): what a 30 MB answer, a trickling server and a key-echoing text
cost assist. Each case runs `assist screen` in a fresh process against a scripted server on
127.0.0.1 (tests/llm_servers.py) and reports wall time and the process's peak memory.

    .venv/bin/python bench/bench_llm_hostile.py
    PYTHONPATH=/path/to/older/src .venv/bin/python bench/bench_llm_hostile.py   # an older assist
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from llm_servers import Answer, FakeServer, chat, verdict_json  # noqa: E402

REQUEST = {"id": "req-a", "sender": {"name": "Alex Tran", "headline": "Backend engineer"}, "note": "Hi, let's connect."}
CHILD = ("import resource, sys; from assist.cli import main; code = main(sys.argv[1:]); "
         "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")


def screen(server: FakeServer, timeout: float, retries: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as home:
        config = Path(home) / "assist.toml"
        config.write_text(f"[llm]\ntimeout = {timeout}\nmax_retries = {retries}\n", encoding="utf-8")
        path = Path(home) / "r.json"
        path.write_text(json.dumps(REQUEST), encoding="utf-8")
        env = {**os.environ, "ASSIST_HOME": str(Path(home) / "home")}
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", CHILD, "screen", str(path), "-c", str(config), "--json",
                               "--backend", "openai", "--base-url", server.url, "--model", "m",
                               "--structured-output", "json_schema"], capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - started
        peak_kb = int(done.stderr.strip().splitlines()[-1])
        return elapsed, peak_kb // 1024, done.returncode


def main() -> None:
    server = FakeServer().start()
    try:
        cases = [
            ("a good answer", lambda body: chat(verdict_json()), 5, 0),
            ("a 30 MB summary, every call (3 calls)", lambda body: chat(verdict_json(summary="x" * 30_000_000)), 5, 0),
            ("a 30,000-character summary, every call (3 calls)", lambda body: chat(verdict_json(summary="x" * 30_000)), 5, 0),
            ("a byte every 0.2 s, timeout = 1, max_retries = 0",
             lambda body: Answer(body=chat(verdict_json()).body, trickle="body", trickle_every=0.2), 1, 0),
        ]
        for name, behaviour, timeout, retries in cases:
            server.behaviour = behaviour
            elapsed, peak_mb, code = screen(server, timeout, retries)
            print(f"{name:55s} exit {code}  {elapsed:6.2f} s  peak {peak_mb} MB")
    finally:
        server.stop()
    try:
        from assist.backends.secrets import mask
    except ImportError:  # an assist from before issue 13 (PYTHONPATH=.../src to measure one)
        return

    key = "sk-proj-Zq8vW3nLx5Tq2Rk7Yp4Hs9Jd6Fb1"
    for name, text in (("100 KB of one token", "a" * 100_000), ("100 KB of 'sk-' runs", "sk-" * 33_333),
                       ("100 KB of 'http://a:' runs", "http://a:" * 11_111), ("100 KB of prose", "word " * 20_000)):
        started = time.perf_counter()
        mask(text, key)
        print(f"mask {name:45s} {1000 * (time.perf_counter() - started):8.1f} ms")
    print(f"(peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
