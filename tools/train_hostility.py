"""Train the learned hostility model (issue 10) on the dev parts of the labelled set, reproducibly.

    python tools/train_hostility.py --report                 # train, and measure on every part beside the rules
    python tools/train_hostility.py --out model.json         # train and write the model
    python tools/train_hostility.py --out model.json --check # exit 1 unless model.json is what this writes

The model (tools/hostility_model.py) is not shipped: it caught a few hostile held-out requests the
rules miss, but doubted honest people in words of their own trade (BENCHMARKS.md, "Learned
hostility model (issue 10): not shipped"). This script is kept to measure it, or a better one, again.

A request is hostile when one of its labels carries `prompt_injection` or `scam_or_phishing`. The
model is a logistic regression over windows of a few consecutive words and
their character n-grams; a request scores as its most hostile window. It is fitted on windows, by
stochastic gradient descent with L2 in pure Python, with a fixed seed and a fixed order: the same
data gives the same bytes. Only the features that weigh most are kept (the model is refitted on
them), so the file stays small.

Which windows are hostile: every window of an honest request is honest; a scam's note is the scam;
an injection's hostile windows are those its twin (below) does not have; a hand-written injection
without a twin gives a bag of windows, of which the one the first fit finds most hostile is fitted
on (multiple-instance learning, one round).

Three things in the data would teach the wrong lesson, and are taken out:
- a request's id names the part it comes from ("hostile-dev-012", "near-miss-dev-003"): the
  label in plain sight. That prefix is removed before reading the id.
- an injection borrows a *carrier*, an honest sender the persona would accept, and the same carrier
  carries many payloads: its name and note would be learned as hostile. Each injection is
  therefore paired with its twin without the payload (the injected field put back as the carrier
  has it in the cases where another field was injected), labelled honest: the pair differs only by
  what the attack added. The twins train the model; they are never counted as honest requests.
- most notes greet the user by name, and the labelled set has eight users: their names would be
  learned as a sign of whatever their requests happen to be. The user's own name is not read, in
  training or in use.

The threshold is chosen on dev only, from out-of-fold scores (folds by carrier, so a carrier is
never both trained on and scored): the highest-recall threshold at which at most 1 % of the honest
dev requests (near-miss/dev included) score above it. The held-out parts (`test`, `hostile/test`,
`near-miss/test`) are read only by --report, to measure, never to fit or choose anything.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from assist.evaluate import HOSTILE_FLAGS, dataset_parts, load_cases  # noqa: E402
sys.path.insert(0, str(ROOT / "tools"))
from hostility_model import WINDOW, Model, load, own_words, readings, texts_of, word_features  # noqa: E402
from assist.text import Text  # noqa: E402
from assist.models import Request  # noqa: E402

TRAIN_PARTS = ("dev", "hostile/dev", "near-miss/dev")
HELD_OUT_PARTS = ("test", "hostile/test", "near-miss/test")
SEED = 20240610
FOLDS = 5
REPEATS = 3
EPOCHS = 12
LEARNING_RATE = 0.05
L2 = 1e-3
MIN_DOCUMENTS = 2  # a feature seen in a single window is that window, not a pattern
TOP_FEATURES = 4000
HONEST_FLAGGED = 0.01  # at most this share of honest dev requests above the threshold
DIGITS = 5
# The id a labelled case is given by its part: "dev-012", "hostile-dev-012", "near-miss-test-003".
PART_ID = re.compile(r"^(?:[a-z]+(?:-[a-z]+)*-)?(?:dev|test)-\d+")
# meta.field of an injection -> the request's paths it may have changed
FIELD_PATHS = {
    "note": [("note",)], "id": [("id",)], "received_at": [("received_at",)],
    "experience.title": [("sender", "experience", "title")], "experience.company": [("sender", "experience", "company")],
}


@dataclass
class Example:
    request: Request
    hostile: bool
    group: str  # examples of one group always fall in the same fold
    origin: str
    twin: bool = False  # an injection's carrier without its payload (trains; never counted as honest)
    kind: str | None = None  # "injection" or "scam" when the part says (meta.category)
    skip: frozenset[str] = frozenset()  # the words of the names of the users it is labelled for


# -- data -----------------------------------------------------------------------------------------------

def load_examples(dataset: str, parts: tuple[str, ...], personas: str | None) -> tuple[list[Example], list[str]]:
    """One example per request (a request labelled for several personas is one request)."""
    available = dataset_parts(dataset)
    used = [part for part in parts if part in available]
    personas_dir = Path(personas) if personas else Path(dataset) / "personas"
    examples: list[Example] = []
    for part in used:
        cases, bad = load_cases(available[part], personas_dir if personas_dir.is_dir() else None, None, lambda _: None)
        if bad:
            raise SystemExit(f"{part}: {len(bad)} bad items, first: {bad[0]}")
        # Named by part and file, not by the path given: the folds must not depend on how it is spelled.
        by_origin: dict[str, list] = {}
        for case in cases:
            by_origin.setdefault(f"{part}/{Path(case.origin).name}", []).append(case)
        raws = {origin: _raw(labelled[0].origin) for origin, labelled in by_origin.items()}
        for origin, labelled in by_origin.items():
            hostile = any(HOSTILE_FLAGS & set(case.label.flags) for case in labelled)
            meta = raws[origin].get("meta") or {}
            carrier = meta.get("carrier") if meta.get("category") == "injection" else None
            kind = meta.get("category") or (_kind(labelled) if hostile else None)
            skip = frozenset().union(*(own_words(case.config.me.name if case.config.me else None) for case in labelled))
            examples.append(Example(_without_part_id(labelled[0].request), hostile,
                                    f"carrier:{carrier}" if carrier else origin, origin, kind=kind, skip=skip))
        skip_of = {e.origin: e.skip for e in examples}
        examples += [replace(twin, skip=skip_of[twin.origin[: -len("#twin")]]) for twin in _twins(raws)]
    return examples, used


def _kind(labelled: list) -> str:
    flags = {flag for case in labelled for flag in case.label.flags}
    return "injection" if "prompt_injection" in flags else "scam"


def _raw(origin: str) -> dict:
    try:
        data = json.loads(Path(origin).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _without_part_id(request: Request) -> Request:
    return request.model_copy(update={"id": PART_ID.sub("", request.id or "").strip(" |") or None})


def _paths(raw: dict) -> dict[tuple, object]:
    """The request's strings by path; experience fields without their index (a job is a job)."""
    found: dict[tuple, object] = {}
    for key in ("id", "note", "received_at"):
        found[(key,)] = raw.get(key)
    sender = raw.get("sender") or {}
    for key, value in sender.items():
        if key != "experience":
            found[("sender", key)] = value
    found[("sender", "experience")] = sender.get("experience")
    return found


def _touched(meta: dict) -> set[tuple]:
    name = meta.get("field") or ""
    paths = FIELD_PATHS.get(name, [("sender", name)])
    return {("sender", "experience") if path[:2] == ("sender", "experience") else path for path in paths}


def _twins(raws: dict[str, dict]) -> list[Example]:
    """Each injection's twin: its injected field put back as the carrier has it where another
    field was injected (the value most cases agree on; the first in file order on a tie)."""
    by_carrier: dict[str, list[tuple[str, dict]]] = {}
    for origin, raw in raws.items():
        meta = raw.get("meta") or {}
        if meta.get("category") == "injection" and meta.get("carrier"):
            by_carrier.setdefault(meta["carrier"], []).append((origin, raw))
    twins: list[Example] = []
    for carrier, members in by_carrier.items():
        clean: dict[tuple, object] = {}
        for path in {path for _, raw in members for path in _paths(raw)}:
            values = [json.dumps(_paths(raw).get(path), sort_keys=True, ensure_ascii=False)
                      for _, raw in members if path not in _touched(raw["meta"])]
            if values:
                counts = Counter(values)
                clean[path] = json.loads(max(values, key=lambda value: (counts[value], -values.index(value))))
        for origin, raw in members:
            touched = _touched(raw["meta"])
            if not all(path in clean for path in touched):
                continue  # this carrier never shows the field clean: no twin
            twin = json.loads(json.dumps(raw))
            for path in touched:
                target = twin
                for key in path[:-1]:
                    target = target.setdefault(key, {})
                target[path[-1]] = clean[path]
            twin.pop("expected", None)
            twin.pop("meta", None)
            request = Request.model_validate(twin)
            twins.append(Example(_without_part_id(request), False, f"carrier:{carrier}", origin + "#twin", twin=True))
    return twins


# -- windows, features and fitting ------------------------------------------------------------------

@dataclass(frozen=True)
class Window:
    text: str  # which of the request's texts (hostility_model.texts_of)
    words: tuple[str, ...]
    hostile: bool
    fold_group: str
    skip: frozenset[str]


def training_windows(request: Request) -> list[tuple[str, tuple[str, ...]]]:
    """(text, window) for the windows a request is fitted on, in each reading of each of its texts:
    every WINDOW words, half a window apart, and the last WINDOW (inference reads every window;
    these cover each word twice)."""
    found = []
    for name, text in texts_of(request).items():
        for words in readings(Text.of(text)):
            if len(words) <= WINDOW:
                if words:
                    found.append((name, words))
                continue
            starts = list(range(0, len(words) - WINDOW + 1, WINDOW // 2))
            if starts[-1] != len(words) - WINDOW:
                starts.append(len(words) - WINDOW)
            found += [(name, words[start : start + WINDOW]) for start in starts]
    return found


def labelled_windows(examples: list[Example]) -> tuple[list[Window], list[list[Window]]]:
    """What the model is fitted on: windows, labelled, and bags of them.
    - every window of an honest request, and of an injection's twin, is honest;
    - an injection's hostile windows are those its twin does not have (around the payload, wherever it went);
    - a scam's are its note's (the note is the scam; a scam without a note, all of it);
    - a prompt injection without a twin (the hand-written dev cases) says which request, not which
      window: its windows are a bag, of which the one the model finds most hostile is fitted on.
    A window repeated within a group is kept once."""
    twin_of = {e.origin[: -len("#twin")]: e for e in examples if e.twin}
    found: list[Window] = []
    bags: list[list[Window]] = []
    for example in examples:
        pieces = training_windows(example.request)
        if not example.hostile:
            chosen = pieces
        elif example.origin in twin_of:
            clean = set(training_windows(twin_of[example.origin].request))
            chosen = [piece for piece in pieces if piece not in clean]
        elif example.kind == "scam":
            chosen = [piece for piece in pieces if piece[0] == "note"] or pieces
        else:
            bags.append([Window(name, words, True, example.group, example.skip) for name, words in pieces])
            continue
        found += [Window(name, words, example.hostile, example.group, example.skip) for name, words in chosen]
    return list(dict.fromkeys(found)), [bag for bag in bags if bag]


def features(window: Window) -> Counter:
    counted: Counter = Counter()
    for word in window.words:
        if word not in window.skip:
            counted.update(word_features(word))
    return counted


def vectorise(rows: list[Counter], vocabulary: dict[str, int]) -> list[list[int]]:
    """Each row as the indices of its features, a feature seen n times n times (the fit sums them)."""
    return [sorted(vocabulary[f] for f, n in row.items() if f in vocabulary for _ in range(n)) for row in rows]


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(vectors: list[list[int]], labels: list[bool], size: int, seed: int) -> tuple[float, list[float]]:
    """Logistic regression by SGD with L2 (kept lazily in a scale factor); classes weighed equally."""
    rng = random.Random(seed)
    positives = sum(labels)
    negatives = len(labels) - positives
    weight_of = {True: len(labels) / (2 * positives) if positives else 0.0,
                 False: len(labels) / (2 * negatives) if negatives else 0.0}
    v = [0.0] * size
    scale = 1.0
    bias = 0.0
    order = list(range(len(vectors)))
    step = 0
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            rate = LEARNING_RATE / (1.0 + 0.002 * step)
            step += 1
            row = vectors[index]
            z = bias + scale * sum(map(v.__getitem__, row))
            error = (sigmoid(z) - (1.0 if labels[index] else 0.0)) * weight_of[labels[index]]
            scale *= 1.0 - rate * L2
            if scale < 1e-6:  # fold the scale back in before it loses precision
                v = [w * scale for w in v]
                scale = 1.0
            update = rate * error / scale
            for j in row:
                v[j] -= update
            bias -= rate * error
    return bias, [w * scale for w in v]


def train(labelled: list[Window], bags: list[list[Window]], seed: int, top: int) -> tuple[float, dict[str, float], int]:
    """Fit on every feature seen in MIN_DOCUMENTS windows; add each bag's most hostile window by
    that fit; keep the `top` heaviest features and refit on those."""
    rows = [features(window) for window in labelled]
    labels = [window.hostile for window in labelled]
    documents: Counter = Counter()
    for row in rows:
        documents.update(row.keys())
    seen = sorted(f for f, n in documents.items() if n >= MIN_DOCUMENTS)
    vocabulary = {f: i for i, f in enumerate(seen)}
    bias, weights = fit(vectorise(rows, vocabulary), labels, len(vocabulary), seed)
    for bag in bags:
        bag_rows = [features(window) for window in bag]
        scores = [sum(map(weights.__getitem__, indices)) for indices in vectorise(bag_rows, vocabulary)]
        best = max(range(len(bag)), key=lambda i: (scores[i], -i))
        rows.append(bag_rows[best])
        labels.append(True)
    heaviest = sorted(range(len(seen)), key=lambda i: (-abs(weights[i]), seen[i]))[:top]
    kept = sorted(seen[i] for i in heaviest)
    vocabulary = {f: i for i, f in enumerate(kept)}
    bias, weights = fit(vectorise(rows, vocabulary), labels, len(vocabulary), seed)
    return bias, {f: weights[i] for f, i in vocabulary.items()}, len(seen)


def folds_of(examples: list[Example], folds: int, seed: int) -> list[int]:
    groups = sorted({example.group for example in examples})
    random.Random(seed).shuffle(groups)
    fold_of = {group: index % folds for index, group in enumerate(groups)}
    return [fold_of[example.group] for example in examples]


def out_of_fold(examples: list[Example], folds: int, seed: int, top: int) -> list[float]:
    """Each example scored by a model that never saw its group."""
    assigned = folds_of(examples, folds, seed)
    fold_of = {example.group: f for example, f in zip(examples, assigned)}
    labelled, bags = labelled_windows(examples)
    scores = [0.0] * len(examples)
    for fold in range(folds):
        trained = [window for window in labelled if fold_of[window.fold_group] != fold]
        trained_bags = [bag for bag in bags if fold_of[bag[0].fold_group] != fold]
        if all(e.hostile for e in trained) or not (trained_bags or any(e.hostile for e in trained)):
            raise SystemExit(f"fold {fold}: too few examples of one class to train on (use fewer --folds)")
        bias, weights, _ = train(trained, trained_bags, seed, top)
        model = Model(bias, weights, threshold=0.5)
        for index, (example, f) in enumerate(zip(examples, assigned)):
            if f == fold:
                scores[index] = sigmoid(model.logit(example.request, example.skip))
    return scores


def choose_threshold(scores: list[float], examples: list[Example]) -> float:
    """The lowest threshold (highest recall) above which at most HONEST_FLAGGED of the honest
    requests score; twins are not requests and do not count."""
    honest = sorted((s for s, e in zip(scores, examples) if not e.hostile and not e.twin), reverse=True)
    allowed = math.floor(HONEST_FLAGGED * len(honest))
    floor = honest[allowed] if allowed < len(honest) else 0.0
    return min(0.9999, math.ceil(floor * 10**4) / 10**4)  # rounded up: the honest score at it stays below


def rates(flagged: list[bool], examples: list[Example]) -> dict:
    hostile = [f for f, e in zip(flagged, examples) if e.hostile and not e.twin]
    honest = [f for f, e in zip(flagged, examples) if not e.hostile and not e.twin]
    caught = sum(hostile)
    false_alarms = sum(honest)
    return {"hostile": len(hostile), "caught": caught, "honest": len(honest), "honest_flagged": false_alarms,
            "recall": round(caught / len(hostile), 4) if hostile else None,
            "precision": round(caught / (caught + false_alarms), 4) if caught + false_alarms else None,
            "honest_flagged_rate": round(false_alarms / len(honest), 4) if honest else None}


def build(dataset: str, personas: str | None, seed: int, folds: int, top: int) -> dict:
    examples, parts = load_examples(dataset, TRAIN_PARTS, personas)
    # The folds are drawn REPEATS times and the scores pooled: one draw's threshold depends on which
    # carriers happened to share a fold.
    scores = [score for repeat in range(REPEATS) for score in out_of_fold(examples, folds, seed + repeat, top)]
    pooled = examples * REPEATS
    threshold = choose_threshold(scores, pooled)
    labelled, bags = labelled_windows(examples)
    bias, weights, seen = train(labelled, bags, seed, top)
    requests = [e for e in examples if not e.twin]
    return {
        "about": "Learned hostility model (issue 10): logistic regression over windows of words and their "
                 "character n-grams; see tools/hostility_model.py. Written by tools/train_hostility.py: do not edit.",
        "threshold": threshold,
        "bias": round(bias, DIGITS),
        "training": {
            "parts": parts,
            "requests": len(requests),
            "hostile": sum(e.hostile for e in requests),
            "honest": sum(not e.hostile for e in requests),
            "twins": sum(e.twin for e in examples),
            "window": WINDOW,
            "windows": len(labelled),
            "hostile_windows": sum(window.hostile for window in labelled),
            "bags": len(bags),
            "seed": seed, "folds": folds, "repeats": REPEATS, "epochs": EPOCHS, "learning_rate": LEARNING_RATE, "l2": L2,
            "min_documents": MIN_DOCUMENTS, "features_seen": seen, "features_kept": len(weights),
            "threshold_rule": f"highest recall with at most {HONEST_FLAGGED:.0%} of honest dev requests above it, "
                              f"on out-of-fold scores ({folds} folds by carrier, drawn {REPEATS} times)",
            "dev_out_of_fold": {**rates([s > threshold for s in scores], pooled), "counts": f"summed over {REPEATS} draws"},
        },
        "weights": {f: round(w, DIGITS) for f, w in sorted(weights.items()) if round(w, DIGITS) != 0.0},
    }


def dumps(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


# -- measuring on the held-out parts ------------------------------------------------------------------

def report(dataset: str, personas: str | None, model: Model) -> dict:
    """The model's recall and false alarms per part, and what it would add to the rules: the hostile
    requests the rules accept that it flags, and the honest ones it flags."""
    from assist.backends import RulesBackend
    from assist.evaluate import run_backend

    available = dataset_parts(dataset)
    personas_dir = Path(personas) if personas else Path(dataset) / "personas"
    figures: dict[str, dict] = {}
    for part in (*TRAIN_PARTS, *HELD_OUT_PARTS):
        if part not in available:
            continue
        examples, _ = load_examples(dataset, (part,), personas)
        examples = [e for e in examples if not e.twin]
        flagged = [model.flags(e.request, e.skip) for e in examples]
        row = rates(flagged, examples)
        cases, _ = load_cases(available[part], personas_dir, None, lambda _: None)
        outcomes = run_backend(cases, RulesBackend()).outcomes
        flag_of = {e.origin: f for e, f in zip(examples, flagged)}
        key = lambda case: f"{part}/{Path(case.origin).name}"  # noqa: E731
        accepted = {key(case) for case, o in zip(cases, outcomes) if o.hostile and o.got == "accept"}
        honest_accepted = {key(case) for case, o in zip(cases, outcomes) if not o.hostile and o.got == "accept"}
        row["rules_accept_hostile"] = len(accepted)
        row["of_those_flagged"] = sum(flag_of[origin] for origin in accepted)
        row["rules_accept_honest"] = len(honest_accepted)
        row["of_those_flagged_honest"] = sum(flag_of[origin] for origin in honest_accepted)
        figures[part] = row
    return figures


def print_report(figures: dict) -> None:
    head = ("part", "hostile", "caught", "recall", "precision", "honest", "flagged", "rate",
            "rules accept hostile", "model flags", "rules accept honest", "model flags")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for part, row in figures.items():
        cells = [part, row["hostile"], row["caught"], row["recall"], row["precision"], row["honest"],
                 row["honest_flagged"], row["honest_flagged_rate"], row["rules_accept_hostile"], row["of_those_flagged"],
                 row["rules_accept_honest"], row["of_those_flagged_honest"]]
        print("| " + " | ".join("-" if c is None else str(c) for c in cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(ROOT / "fixtures" / "eval"))
    parser.add_argument("--personas", default=None, help="default: DATASET/personas")
    parser.add_argument("--out", default=None, help="write the model here (JSON)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--top", type=int, default=TOP_FEATURES)
    parser.add_argument("--check", action="store_true", help="exit 1 unless --out is what this would write")
    parser.add_argument("--report", action="store_true", help="measure the model on every part, held-out ones "
                                                               "included, beside the rules")
    parser.add_argument("--model", default=None, help="with --report: measure this model file instead of training one")
    args = parser.parse_args(argv)
    if args.check and not args.out:
        parser.error("--check needs --out")
    if args.report and args.model:
        print_report(report(args.dataset, args.personas, load(args.model)))
        return 0
    text = dumps(build(args.dataset, args.personas, args.seed, args.folds, args.top))
    model = json.loads(text)
    if args.check:
        out = Path(args.out)
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is not what {Path(__file__).name} writes from {args.dataset}: run it again", file=sys.stderr)
            return 1
        print(f"{out} is current")
        return 0
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    print(f"{'wrote ' + args.out if args.out else 'trained'} ({len(text.encode()):,} bytes, {len(model['weights'])} "
          f"features, threshold {model['threshold']}); dev out of fold: {model['training']['dev_out_of_fold']}")
    if args.report:
        print_report(report(args.dataset, args.personas, Model.from_json(model)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
