"""Concurrent screening against a server that takes a fixed time per answer: 1,000 requests through
an OpenAI-compatible test server on 127.0.0.1 that answers each call in 200 ms, screened with
`assist screen --json --concurrency 32` (a fresh store and cache; every verdict recorded). The ideal
is requests x delay / concurrency (1000 x 0.2 / 32 = 6.25 s); the target is within 1.3x of it.

The server runs in its own process (tests/llm_servers.py, stdlib only), so its work does not share
assist's interpreter. Everything stops by itself: the run is killed after --limit seconds.

    .venv/bin/python bench/bench_concurrency.py [--requests 1000] [--delay 0.2] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.15

CONFIG = """\
[me]
name = "Sarah Chen"
headline = "Engineering Lead at Northwind Labs"
industry = "Software"
goals = ["Hire senior backend engineers"]
interests = ["distributed systems", "Python"]
language = "en"
signature = "Sarah"

[llm]
timeout = 30
max_retries = 2
"""


def serve(delay: float) -> None:
    """The test server (run in a child process): prints its URL, answers every call after `delay`."""
    sys.path.insert(0, str(ROOT / "tests"))
    from llm_servers import FakeServer, chat, verdict_json

    answer = chat(verdict_json())
    answer.delay = delay
    server = FakeServer()
    server.behaviour = lambda body: answer
    server.httpd.request_queue_size = 256
    server.start()
    print(server.url, flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.stop()


def write_requests(folder: Path, count: int) -> Path:
    path = folder / "inbox.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps({
                "id": f"bench-{index:05d}",
                "sender": {"name": f"Alex Tran {index}", "headline": "Backend engineer at Stripe", "company": "Stripe",
                           "mutual_connections": index % 7},
                "note": f"Hi Sarah, I enjoyed your talk on distributed systems ({index}). Would love to connect.",
            }) + "\n")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--limit", type=float, default=120.0, help="kill the run after this many seconds")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.delay)
        return 0

    ideal = args.requests * args.delay / args.concurrency
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inbox = write_requests(folder, args.requests)
        config = folder / "assist.toml"
        config.write_text(CONFIG, encoding="utf-8")
        server = subprocess.Popen([sys.executable, __file__, "--serve", "--delay", str(args.delay)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().strip()
            env = {**os.environ, "ASSIST_HOME": str(folder / "home")}
            for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSIST_MODEL", "ASSIST_CONFIG"):
                env.pop(name, None)
            command = [sys.executable, "-m", "assist", "screen", str(inbox), "--json", "-c", str(config),
                       "--backend", "openai", "--base-url", url, "--model", "bench-model",
                       "--concurrency", str(args.concurrency)]
            before = os.times()
            started = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=args.limit)
            wall = time.perf_counter() - started
            after = os.times()
            cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        finally:
            server.stdin.close()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    ids = [json.loads(line)["id"] for line in lines]
    in_order = ids == [f"bench-{index:05d}" for index in range(args.requests)]
    ratio = wall / ideal if ideal else float("inf")
    print(f"{args.requests} requests, {args.delay * 1000:.0f} ms per answer, concurrency {args.concurrency}")
    print(f"wall time (whole process, start-up included): {wall:.2f} s; assist's own CPU time {cpu:.2f} s")
    print(f"ideal: {args.requests} x {args.delay} / {args.concurrency} = {ideal:.2f} s")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x)")
    print(f"verdicts: {len(lines)}, in input order: {in_order}, exit code {done.returncode}")
    if done.stderr.strip():
        print("stderr: " + done.stderr.strip().splitlines()[-1])
    return 0 if done.returncode == 0 and in_order and len(lines) == args.requests and ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
