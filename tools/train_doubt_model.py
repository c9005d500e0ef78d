"""Train the learned doubt reader (src/assist/doubt_model.py) on the dev parts of fixtures/eval/,
and write prompts/doubt_model.json. Reproducible: the same dev files give the same file.

    .venv/bin/python tools/train_doubt_model.py            # train and write the model
    .venv/bin/python tools/train_doubt_model.py --check    # exit 1 when the shipped file differs

Only dev parts are read (`fixtures/eval/dev` and `fixtures/eval/<set>/dev`): a test part never
reaches the model, its threshold or the figures it records.

How it learns. A request is labelled, not its sentences: a hostile request (its label's flags hold
`prompt_injection` or `scam_or_phishing`) has at least one hostile sentence, an honest one has
none. So the model is trained as multiple-instance learning: first with every sentence of a
hostile request as positive (each weighing 1/k), then, for a few rounds, with only its
highest-scoring sentence positive; every sentence of an honest request is negative. Logistic
regression, L2-regularised, full-batch Adam (numpy, at training time only).

Two things keep it learning what makes a request hostile rather than what such requests happened
to be about. The generated hostile part hides each injection in a sincere request (its carrier,
fixtures/eval/parts_src/carriers.py); the dev carriers are learned as the honest requests they
are. And a sentence also written in an honest request (a carrier's, a greeting) is never one of a
hostile request's candidates: it is known to be honest. Without them (version 9), a carrier's words
("payments", "panel", "BigQuery") weighed as hostile, because they only ever came with one.

The threshold. Each dev part in turn is scored by a model trained without it (leave one part out):
the scores a model gives text it has never seen. The threshold is the score that at most
HONEST_DOUBTED of those honest requests exceed; the figures (honest requests doubted, hostile ones
caught, per part) are written into the model file, and printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assist.doubt_model import FORMAT, MODEL_FILE, concept_features, features, may_be_doubted, units  # noqa: E402
from assist.guidance import load_guidance  # noqa: E402
from assist.load import load_requests  # noqa: E402

EVAL = ROOT / "fixtures" / "eval"
OUT = ROOT / "prompts" / MODEL_FILE
HOSTILE_FLAGS = {"prompt_injection", "scam_or_phishing"}
L2 = 3e-3
ROUNDS = 3
STEPS = 1000
LEARNING_RATE = 0.1
MIN_COUNT = 2  # a feature seen in fewer training requests is left out
HONEST_DOUBTED = 0.02  # of honest dev requests, scored by a model that never saw their part
KEPT = 1e-3  # weights smaller than this are left out of the shipped file
DIGITS = 4


def dev_parts() -> list[Path]:
    parts = [EVAL / "dev"] + sorted(path for path in EVAL.glob("*/dev") if path.is_dir())
    return [path for path in parts if path.is_dir() and any(path.glob("*.json"))]


def load(parts: list[Path]) -> list[tuple[str, str, bool, list[list[str]], list[bool]]]:
    """(part, file, hostile, each unit's features, whether each unit may be doubted) for every
    labelled request of the parts. The model learns from every sentence; a sentence that speaks
    only of the sender, or only pleads to be accepted (doubt_model.may_be_doubted), is never
    doubted, so the threshold is chosen on the others."""
    guidance = load_guidance()
    cases = []
    for part in parts:
        for loaded in load_requests([str(part)]):
            if loaded.error is not None or loaded.raw is None or loaded.raw.get("expected") is None:
                continue
            labels = loaded.raw["expected"]
            labels = labels if isinstance(labels, list) else [labels]
            hostile = any(HOSTILE_FLAGS & set(label.get("flags") or []) for label in labels)
            cases.append((str(part.relative_to(EVAL)), loaded.origin, hostile, *_read(loaded.request, guidance)))
        made = carriers(part)
        if made:
            with tempfile.TemporaryDirectory() as folder:
                written = Path(folder) / "carriers.jsonl"
                written.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in made), encoding="utf-8")
                for loaded in load_requests([str(written)]):
                    if loaded.error is not None:
                        raise SystemExit(f"a carrier does not load: {loaded.error}")
                    cases.append((str(part.relative_to(EVAL)), f"carrier:{loaded.request.id}", False,
                                  *_read(loaded.request, guidance)))
    return cases


def _read(request, guidance) -> tuple[list[list[str]], list[bool]]:
    """Each unit's features, and whether each unit may be doubted."""
    reads = [read for _, read in units(request)]
    found = [[feature for feature, _ in features(read)] + sorted(concept_features(read, guidance)) for read in reads]
    return found, [may_be_doubted(read, guidance) for read in reads]


def carriers(part: Path) -> list[dict]:
    """The carriers of a generated hostile dev part (fixtures/eval/parts_src/carriers.py): the
    sincere, relevant requests an injection is hidden in, each on its own. They are honest, so the
    model learns that the sentences around an injection are not it; without them, a carrier's
    words (its field, "payments", "panel") weigh as hostile because they only come with one."""
    if part.relative_to(EVAL).as_posix() != "hostile/dev":
        return []
    if str(EVAL) not in sys.path:
        sys.path.insert(0, str(EVAL))
    from generate_parts import with_url  # noqa: E402
    from parts_src import carriers as made  # noqa: E402

    return [{"id": f"carrier-{item['key']}", "sender": with_url(item["sender"]), "note": item["note"],
             "received_at": "2026-12-01T09:00:00+07:00", "expected": {"persona": item["persona"], "verdict": "accept", "flags": item["flags"]}}
            for item in made.DEV]


def carriers_digest(parts: list[Path]) -> str | None:
    """A hash of the carriers file when a part trained on takes honest requests from it."""
    if not any(carriers(part) for part in parts):
        return None
    return hashlib.sha256((EVAL / "parts_src" / "carriers.py").read_bytes()).hexdigest()


def reading_digest(parts: list[Path]) -> str:
    """A hash of how every tenth dev request is read (its sentences and their features): the
    model is only what these readings make, so a change to how text is read (text.py, disguises.py)
    shows here before the model is trained again; so does a change to prompts/injection.toml, whose
    concepts are features too."""
    guidance = load_guidance()
    digest = hashlib.sha256()
    for part in parts:
        for index, loaded in enumerate(load_requests([str(part)])):
            if index % 10 or loaded.request is None:
                continue
            digest.update(f"{part.name}/{Path(loaded.origin).name}".encode())
            for _, read in units(loaded.request):
                found = [f for f, _ in features(read)] + list(concept_features(read, guidance))
                digest.update(b"\0" + read.encode() + b"\0" + "|".join(sorted(found)).encode())
    return digest.hexdigest()


def fit(rows: list[np.ndarray], targets: list[float], weights: list[float], size: int) -> tuple[np.ndarray, float]:
    lengths = np.array([len(row) for row in rows])
    flat = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    owner = np.repeat(np.arange(len(rows)), lengths)
    y = np.array(targets)
    sample = np.array(weights) / sum(weights)
    w = np.zeros(size)
    b = 0.0
    m, v, mb, vb = np.zeros(size), np.zeros(size), 0.0, 0.0
    for step in range(1, STEPS + 1):
        z = np.where(lengths > 0, np.add.reduceat(w[flat], starts) if len(flat) else 0.0, 0.0) + b
        p = 1.0 / (1.0 + np.exp(-z))
        row_gradient = (p - y) * sample
        g = np.bincount(flat, weights=row_gradient[owner], minlength=size) + L2 * w
        gb = float(row_gradient.sum())
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb * gb
        w -= LEARNING_RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        b -= LEARNING_RATE * (mb / (1 - 0.9 ** step)) / (math.sqrt(vb / (1 - 0.999 ** step)) + 1e-8)
    return w, b


def learned_from(cases) -> list[list[int]]:
    """For each case, the sentences (by index) it is learned from: every sentence of an honest
    request; of a hostile one, those that may be what makes it hostile. A sentence also written in an
    honest request (an injection's carrier, a greeting) is not: it is a known honest sentence."""
    honest = {tuple(sorted(unit)) for case in cases if not case[2] for unit in case[3]}
    return [[i for i, unit in enumerate(case[3]) if not (case[2] and tuple(sorted(unit)) in honest)] for case in cases]


def train(cases) -> tuple[dict[str, float], float]:
    counts: dict[str, int] = {}
    for _, _, _, found, _ in cases:
        for feature in {feature for unit in found for feature in unit}:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = {feature: index for index, feature in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    indexed = [[np.array(sorted({vocabulary[f] for f in unit if f in vocabulary}), dtype=np.int64) for unit in found]
               for _, _, _, found, _ in cases]
    hostile = [case[2] for case in cases]
    indexed = [[rows[i] for i in keep] for rows, keep in zip(indexed, learned_from(cases))]
    positives = sum(1 for h, rows in zip(hostile, indexed) if h and rows)
    negatives = sum(len(rows) for h, rows in zip(hostile, indexed) if not h)
    # How much each sentence of a hostile request stands for it: all alike at first, then by the
    # model's own scores (a softmax: the likeliest sentence most, never one alone by a hair).
    shares: list[np.ndarray] = [np.full(len(rows), 1.0 / len(rows)) if rows else np.zeros(0) for rows in indexed]
    w, b = np.zeros(len(vocabulary)), 0.0
    for _ in range(ROUNDS):
        rows, targets, weights = [], [], []
        for index, (h, case_rows) in enumerate(zip(hostile, indexed)):
            if not case_rows:
                continue
            if h:
                for row, share in zip(case_rows, shares[index]):
                    rows.append(row); targets.append(1.0); weights.append(share / positives)
            else:
                for row in case_rows:
                    rows.append(row); targets.append(0.0); weights.append(1.0 / negatives)
        w, b = fit(rows, targets, weights, len(vocabulary))
        for index, (h, case_rows) in enumerate(zip(hostile, indexed)):
            if h and case_rows:
                scores = np.array([w[row].sum() for row in case_rows])
                exp = np.exp(scores - scores.max())
                shares[index] = exp / exp.sum()
    names = sorted(vocabulary, key=vocabulary.get)
    return {name: float(w[i]) for i, name in enumerate(names)}, float(b)


def score(weights: dict[str, float], bias: float, found: list[list[str]], doubtable: list[bool]) -> float:
    """A request's score as doubt_model.doubt reads it: its highest sentence that may be doubted."""
    return max((bias + sum(weights.get(f, 0.0) for f in unit) for unit, may in zip(found, doubtable) if may),
               default=-math.inf)


def held_out_scores(cases) -> tuple[list[float], dict[str, float], float]:
    """Each case scored by a model trained without its part; and the mean of those models, the
    model shipped: each case is in all of them but one, so no one case moves it much."""
    scores = [0.0] * len(cases)
    parts = sorted({case[0] for case in cases})
    total: dict[str, float] = {}
    total_bias = 0.0
    for part in parts:
        weights, bias = train([case for case in cases if case[0] != part])
        for index, case in enumerate(cases):
            if case[0] == part:
                scores[index] = score(weights, bias, case[3], case[4])
        for name, value in weights.items():
            total[name] = total.get(name, 0.0) + value
        total_bias += bias
    return scores, {name: value / len(parts) for name, value in total.items()}, total_bias / len(parts)


def threshold_for(cases, scores) -> float:
    honest = sorted((s for case, s in zip(cases, scores) if not case[2]), reverse=True)
    allowed = int(HONEST_DOUBTED * len(honest))
    return round(honest[allowed], DIGITS)


def figures(cases, scores, threshold) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for case, s in zip(cases, scores):
        row = table.setdefault(case[0], {"hostile": 0, "hostile_doubted": 0, "honest": 0, "honest_doubted": 0})
        kind = "hostile" if case[2] else "honest"
        row[kind] += 1
        row[f"{kind}_doubted"] += int(s > threshold)
    return table


def build(parts: list[Path]) -> dict:
    cases = load(parts)
    scores, weights, bias = held_out_scores(cases)
    threshold = threshold_for(cases, scores)
    kept = {name: round(value, DIGITS) for name, value in sorted(weights.items()) if abs(value) >= KEPT}
    digest = hashlib.sha256()
    for part in parts:  # every file of the parts, labelled or not: what the model was made from
        for path in sorted(p for p in part.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return {
        "format": FORMAT,
        "what": "assist's learned doubt reader: made by tools/train_doubt_model.py from the dev parts below; do not edit",
        "trained_on": [str(part.relative_to(ROOT)) for part in parts],
        "dev_files_sha256": digest.hexdigest(),
        "reading_sha256": reading_digest(parts),
        "carriers_sha256": carriers_digest(parts),
        "settings": {"l2": L2, "rounds": ROUNDS, "steps": STEPS, "min_count": MIN_COUNT,
                     "honest_doubted": HONEST_DOUBTED},
        "threshold": threshold,
        "held_out_by_part": figures(cases, scores, threshold),
        "bias": round(bias, DIGITS),
        "weights": kept,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped model differs from a fresh one")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--parts", nargs="*", type=Path, help="dev parts to train on (default: all of them)")
    args = parser.parse_args()
    parts = [path.resolve() for path in args.parts] if args.parts else dev_parts()
    for part in parts:
        if part.name != "dev":
            parser.error(f"{part}: only dev parts are trained on")
    model = build(parts)
    text = json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    for part, row in model["held_out_by_part"].items():
        print(f"{part:16} hostile doubted {row['hostile_doubted']:>3}/{row['hostile']:<3} "
              f"honest doubted {row['honest_doubted']:>3}/{row['honest']}")
    print(f"threshold {model['threshold']}, {len(model['weights'])} weights")
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("the shipped model is the one these dev parts make" if same else f"{args.out} differs: run {Path(__file__).name}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
