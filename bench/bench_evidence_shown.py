"""Evidence shown in Vietnamese (evidence.shown): the time to read English evidence back against the
templates, for the sample inbox's evidence (screened with the sample export, both sample configs) and
for texts built to be slow to read (4,000 characters of separators, quotes and template words; the
reading gives up after evidence.BUDGET values tried and shows such a text as it is).

    .venv/bin/python bench/bench_evidence_shown.py
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

from assist import evidence, i18n  # noqa: E402

HOSTILE = {
    "commas": ", ".join(["word"] * 1000),
    "quoted list": "matches your never_accept list: " + ", ".join(['"x"'] * 900),
    "role at (": ", ".join(['r at c ("s"'] * 400),
    "tie (": "; ".join(["t (s, matched by m"] * 200),
    "seller at": ", ".join(['the sender at "x"x'] * 200),
}


def sample_evidence() -> list[str]:
    texts: list[str] = []
    with tempfile.TemporaryDirectory() as home:
        for config in ("analyst-vi", "eng-lead-en"):
            out = subprocess.run(
                [sys.executable, "-m", "assist", "screen", str(ROOT / "fixtures/requests"), "--config",
                 str(ROOT / f"fixtures/configs/{config}.toml"), "--no-store", "--json", "--lang", "en", "--export",
                 str(ROOT / "fixtures/export/analyst-vi.zip")],
                capture_output=True, text=True, env={**os.environ, "ASSIST_HOME": home}, check=False).stdout
            for line in out.splitlines():
                result = json.loads(line)
                texts += [flag["evidence"] for flag in result["flags"]] + result.get("warnings", [])
    return texts


def timed(text: str) -> tuple[float, bool]:
    evidence._shown.cache_clear()
    start = time.perf_counter()
    shown = evidence._shown(text, "vi")
    return time.perf_counter() - start, shown != text


def main() -> None:
    i18n.activate("vi")
    texts = sample_evidence()
    times = [timed(text) for text in texts]
    print(f"sample evidence: {len(texts)} texts, {sum(ok for _, ok in times)} shown in Vietnamese, "
          f"total {sum(t for t, _ in times) * 1000:.1f} ms, slowest {max(t for t, _ in times) * 1000:.2f} ms")
    for name, text in HOSTILE.items():
        took, translated = timed(text[:evidence.LONGEST])
        print(f"built to be slow, {name:12} {len(text[:evidence.LONGEST]):5} chars: {took * 1000:7.1f} ms "
              f"({'translated' if translated else 'shown as it is'})")


if __name__ == "__main__":
    main()
