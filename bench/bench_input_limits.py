"""Hostile input (issue 13): peak memory and wall time of `assist screen --no-store --json` on the
largest inputs assist accepts and on inputs past its limits (limits.py).

Each case runs in a wrapper process of its own, which runs the one `assist` process and prints its
RUSAGE_CHILDREN.ru_maxrss (as bench_memory.py does). Run:

    .venv/bin/python bench/bench_input_limits.py

Cases: the largest request (up to the request limit), the largest JSON document (just
under its limit), a 50 MB note as a JSON document and as a JSON line (refused), an Invitations.csv
with a 200 KB message between good rows, /dev/zero, /dev/urandom and an endless stream on stdin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from assist import limits  # noqa: E402

WRAPPER = (
    "import resource, subprocess, sys\n"
    "stdin, argv, feeder = subprocess.DEVNULL, sys.argv[1:], None\n"
    "if argv[0] == '--stdin-from':\n"  # a feeder script writes standard input, without end
    "    feeder = subprocess.Popen([sys.executable, argv[1]], stdout=subprocess.PIPE)\n"
    "    stdin, argv = feeder.stdout, argv[2:]\n"
    "done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=stdin, text=True)\n"
    "if feeder is not None: feeder.kill()\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, repr(done.stderr.strip().splitlines()[-1:]))\n"
)
# Two requests, then blank lines of 1,000 spaces without end: read (and skipped) up to the input limit.
FEEDER = (
    "import json, sys\n"
    "for name in ('One', 'Two'):\n"
    "    sys.stdout.buffer.write(json.dumps({'sender': {'name': name}, 'note': 'hi'}).encode() + b'\\n')\n"
    "chunk = (b' ' * 1000 + b'\\n') * 1000\n"
    "while True:\n"
    "    sys.stdout.buffer.write(chunk)\n"
)
WORDS = "hello anh chào we met at the fintech meetup please connect with me about roles in Hanoi".split()


def text(size: int) -> str:
    return (" ".join(WORDS) + " ") * (size // (len(" ".join(WORDS)) + 1)) + "x" * (size % (len(" ".join(WORDS)) + 1))


def largest_request() -> dict:
    """As large as one request may be: four fields just under a quarter of the request limit each."""
    field = text(min(limits.MAX_FIELD_CHARS, limits.MAX_ITEM_BYTES // 4 - 200))
    return {"sender": {"name": "Big", "headline": field, "about": field,
                       "experience": [{"title": "Analyst", "company": field}]}, "note": field}


def cases(folder: Path) -> dict[str, list[str]]:
    small = folder / "small.json"
    small.write_text(json.dumps({"sender": {"name": "Small", "headline": "Analyst"}, "note": "hi"}), encoding="utf-8")
    one = folder / "largest-request.json"
    one.write_text(json.dumps(largest_request()), encoding="utf-8")
    document = folder / "largest-document.json"
    item = json.dumps({"sender": {"name": "N", "headline": "Analyst"}, "note": text(limits.MAX_FIELD_CHARS // 4)})
    count = (limits.MAX_DOCUMENT_BYTES - 2) // (len(item) + 2)
    document.write_text("[" + ", ".join([item] * count) + "]", encoding="utf-8")
    note = "n" * 50_000_000
    huge_document = folder / "note-50mb.json"
    huge_document.write_text(json.dumps({"sender": {"name": "A"}, "note": note}), encoding="utf-8")
    huge_line = folder / "note-50mb.jsonl"
    huge_line.write_text(json.dumps({"sender": {"name": "A"}, "note": "hi"}) + "\n"
                         + json.dumps({"sender": {"name": "B"}, "note": note}) + "\n", encoding="utf-8")
    invitations = folder / "Invitations.csv"
    invitations.write_text("From,To,Sent At,Message,Direction\n" + f'Big,Me,,"{"x" * 200_000}",INCOMING\n'
                           + "".join(f"Good {i},Me,,hello,INCOMING\n" for i in range(100)), encoding="utf-8")
    screen = [sys.executable, "-m", "assist", "screen", "--no-store", "--json"]
    feeder = folder / "feeder.py"
    feeder.write_text(FEEDER, encoding="utf-8")
    return {
        "one small request (the baseline)": [*screen, str(small)],
        f"largest request ({one.stat().st_size / 2**20:.2f} MiB, 4 fields of {len(largest_request()['note']):,} characters)": [*screen, str(one)],
        f"largest JSON document ({document.stat().st_size / 2**20:.2f} MiB, {count} requests)": [*screen, str(document)],
        "a 50 MB note, a JSON document (refused)": [*screen, str(huge_document)],
        "a 50 MB note, a JSON line (that line refused)": [*screen, str(huge_line)],
        "Invitations.csv, a 200 KB message and 100 good rows": [*screen, str(invitations)],
        "/dev/zero": [*screen, "/dev/zero"],
        "/dev/urandom": [*screen, "/dev/urandom"],
        "an endless JSON Lines stream on stdin (stops at the input limit)": ["--stdin-from", str(feeder), *screen, "-"],
    }


def main() -> None:
    print(f"limits: input {limits.size(limits.MAX_INPUT_BYTES)}, document {limits.size(limits.MAX_DOCUMENT_BYTES)}, "
          f"request {limits.size(limits.MAX_ITEM_BYTES)}, field {limits.MAX_FIELD_CHARS:,} characters")
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ASSIST_CONFIG": "", "ASSIST_HOME": home, "PYTHONPATH": str(ROOT / "src")}
        for label, command in cases(Path(folder)).items():
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", WRAPPER, *command], check=True, capture_output=True, text=True,
                                 env=env)
            seconds = time.perf_counter() - started
            code, kib, last = out.stdout.strip().split(" ", 2)
            print(flush=True, end="")
            print(f"| {label} | {int(kib) / 1024:.0f} MiB | {seconds:.2f} s | exit {code} | {eval(last)[0][:110] if eval(last) else ''} |")


if __name__ == "__main__":
    main()
