"""Where to set the learned doubt reader's threshold: each dev request scored by a model trained
without its part (tools/train_doubt_model.py's leave-one-part-out), then, for a threshold at 1 % or
2 % of all honest dev requests or of the ordinary ones only (`dev` and `everyday*`), how many hostile
dev requests it doubts and how many honest ones, everyday notes and look-alikes apart. Dev parts
only; about two minutes. Run:

    .venv/bin/python bench/doubt_threshold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import train_doubt_model as trainer  # noqa: E402


def main() -> None:
    cases = trainer.load(trainer.dev_parts())
    scores, _, _ = trainer.held_out_scores(cases)

    def ordinary(part: str) -> bool:
        return part == "dev" or part.startswith("everyday")

    def threshold(pool, rate: float) -> float:
        honest = sorted((score for case, score in zip(cases, scores) if not case[2] and pool(case[0])), reverse=True)
        return honest[int(rate * len(honest))]

    options = {
        "1 % of all honest dev": threshold(lambda part: True, 0.01),
        "2 % of all honest dev": threshold(lambda part: True, 0.02),
        "1 % of ordinary honest dev": threshold(ordinary, 0.01),
        "2 % of ordinary honest dev": threshold(ordinary, 0.02),
    }
    hostile = sum(1 for case in cases if case[2])
    everyday = sum(1 for case in cases if not case[2] and ordinary(case[0]))
    alike = sum(1 for case in cases if not case[2] and not ordinary(case[0]))
    for name, line in options.items():
        doubted = [(case, score > line) for case, score in zip(cases, scores)]
        print(f"{name:28} threshold {line:5.2f}  hostile doubted {sum(d for c, d in doubted if c[2])}/{hostile}"
              f"  everyday honest {sum(d for c, d in doubted if not c[2] and ordinary(c[0]))}/{everyday}"
              f"  look-alike honest {sum(d for c, d in doubted if not c[2] and not ordinary(c[0]))}/{alike}")


if __name__ == "__main__":
    main()
