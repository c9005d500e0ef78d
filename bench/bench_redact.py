"""Redaction (`--redact`, redact.py) on 100 KB of adversarial text: milliseconds per input.

    .venv/bin/python bench/bench_redact.py [--repeat 5]

Each input is about 100,000 characters built to make a backtracking pattern slow (long runs of
letters, dots, `@`s, digits, spelled-out `at`/`dot`, handles); the figure is the best of --repeat
runs, after one warm-up (which loads the public suffix list and phonenumbers' metadata).
"""

from __future__ import annotations

import argparse
import time

from assist.redact import redact_text

INPUTS = {
    "letters (a x 100,000)": "a" * 100_000,
    "letters and dots (a. x 50,000)": "a." * 50_000,
    "at signs (@ x 100,000)": "@" * 100_000,
    "letters and at signs (a@ x 50,000)": "a@" * 50_000,
    "60-letter labels and dots": ("a" * 60 + ".") * 1_640,
    "digits (1 x 100,000)": "1" * 100_000,
    "spaced digits (1  x 50,000)": "1 " * 50_000,
    "digits and dots (1. x 50,000)": "1." * 50_000,
    "email-like (a.b@c x 20,000)": "a.b@c" * 20_000,
    "spelled out (a at b dot  x 9,000)": "a at b dot " * 9_000,
    "handles (Telegram @ x 10,000)": "Telegram @" * 10_000,
    "brackets ([at](dot) x 11,000)": "[at](dot)" * 11_000,
    "letter O and zeros (0O0o  x 20,000)": "0O0o " * 20_000,
    "real emails and phones, mixed": "lan.nguyen@gmail.com 0912 345 678 see bưuđiện.vn/x " * 2_000,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    redact_text("warm up: lan@gmail.com 0912 345 678 evil.com")
    for name, text in INPUTS.items():
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            redact_text(text)
            best = min(best, time.perf_counter() - started)
        print(f"{name:<40} {len(text):>7,} chars  {best * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
