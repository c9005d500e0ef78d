"""`assist eval`: parts, baselines, comparison side by side, and the harm it counts."""

from __future__ import annotations

import json
import shutil

from helpers import FIXTURES, run
from llm_servers import FakeServer, chat, verdict_json


def _dataset(tmp_path):
    """The fixture inbox split into dev/ and test/, with the personas beside them."""
    root = tmp_path / "eval"
    for index, path in enumerate(sorted((FIXTURES / "requests").glob("*.json"))):
        part = root / ("dev" if index % 2 else "test")
        part.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, part / path.name)
    shutil.copytree(FIXTURES / "configs", root / "personas")
    return root


def test_parts_are_reported_separately(tmp_path, capsys):
    code, out, err = run(capsys, "eval", str(_dataset(tmp_path)), "--json")
    assert code == 0, err
    parts = json.loads(out)["parts"]
    assert set(parts) == {"dev", "test"}
    assert parts["dev"]["cases"] + parts["test"]["cases"] == 59
    code, out, err = run(capsys, "eval", str(_dataset(tmp_path / "x")))
    assert "== dev ==" in out and "== test ==" in out


def test_baselines_stand_beside_the_engine(tmp_path, capsys):
    code, out, err = run(capsys, "eval", str(FIXTURES / "requests"), "--compare", "rules", "--json")
    assert code == 0, err
    columns = json.loads(out)["parts"]["all"]
    assert list(columns) == ["accept-all", "mutual-only", "rules"]
    accept_all, rules = columns["accept-all"], columns["rules"]
    assert accept_all["confusion"]["ignore"]["accept"] == sum(accept_all["confusion"]["ignore"].values())
    assert accept_all["hostile_accepted"] > 0 and rules["hostile_accepted"] == 0
    assert rules["agreement"] > columns["mutual-only"]["agreement"] > 0
    assert rules["latency_ms"]["median"] > 0
    code, out, _ = run(capsys, "eval", str(FIXTURES / "requests"), "--compare", "rules")
    assert "accept-all" in out and "mutual-only" in out and "harmful errors" in out


def test_an_llm_column_counts_tokens_and_the_guard_keeps_scams_out(capsys):
    server = FakeServer().start()
    try:
        server.behaviour = lambda body: chat(verdict_json("accept", flags=[]), prompt_tokens=50, completion_tokens=10)
        code, out, err = run(capsys, "eval", str(FIXTURES / "requests"), "--compare", "rules,openai", "--json",
                             "--base-url", server.url, "--model", "gpt-4o-mini", "--no-cache")
    finally:
        server.stop()
    assert code == 0, err
    openai = json.loads(out)["parts"]["all"]["openai"]
    assert openai["usage"]["prompt_tokens"] == 50 * openai["cases"]
    assert openai["hostile_accepted"] == 0  # a compromised LLM says accept; the guard caps it
    assert openai["confusion"]["ignore"]["accept"] > 0  # but it is not the rules: its errors show


def test_compare_names_must_be_backends(capsys):
    code, out, err = run(capsys, "eval", str(FIXTURES / "requests"), "--compare", "rules,gpt9")
    assert code == 2 and "gpt9" in err


def test_one_part_only(tmp_path, capsys):
    dataset = str(_dataset(tmp_path))
    code, out, err = run(capsys, "eval", dataset, "--part", "test", "--compare", "rules", "--json")
    assert code == 0, err
    assert list(json.loads(out)["parts"]) == ["test"]
    code, out, err = run(capsys, "eval", dataset, "--part", "holdout")
    assert code == 2 and "no part 'holdout'" in err


def _nested_dataset(tmp_path):
    """A dataset whose parts sit one level deeper (hostile/dev, hostile/test) beside flat ones."""
    root = _dataset(tmp_path)
    hostile = root / "hostile"
    for part in ("dev", "test"):
        (hostile / part).mkdir(parents=True)
        for path in sorted((root / part).glob("*.json"))[:3]:
            shutil.copy(path, hostile / part / path.name)
    return root


def test_parts_one_level_deeper_are_found_and_can_be_chosen(tmp_path, capsys):
    root = _nested_dataset(tmp_path)
    code, out, err = run(capsys, "eval", str(root), "--json")
    assert code == 0, err
    parts = json.loads(out)["parts"]
    assert set(parts) == {"dev", "test", "hostile/dev", "hostile/test"}
    code, out, err = run(capsys, "eval", str(root), "--part", "hostile/test", "--json")
    assert code == 0, err
    assert list(json.loads(out)["parts"]) == ["hostile/test"]
    # A part given directly finds the personas two levels up.
    code, out, err = run(capsys, "eval", str(root / "hostile" / "dev"), "--json")
    assert code == 0, err


def _labelled(root, name, sender, note, label):
    root.mkdir(parents=True, exist_ok=True)
    request = {"id": name, "sender": sender, "note": note, "expected": label}
    (root / f"{name}.json").write_text(json.dumps(request), encoding="utf-8")


def test_counts_what_matters_hostile_accepted_honest_reported_honest_ignored(tmp_path, capsys):
    root = tmp_path / "set" / "all"
    persona = {"persona": "eng-lead-en"}
    # An honest stranger the label says to accept, whom accept-all accepts and mutual-only ignores.
    honest = {"name": "Ana Ruiz", "headline": "Backend engineer at Stripe", "mutual_connections": 0}
    _labelled(root, "honest", honest, "Loved your talk on Python at PyCon SG, would like to keep in touch.",
              {**persona, "verdict": "accept", "acceptable": ["ask"], "flags": ["professional_relevance"]})
    # An honest one whose label allows ignore: ignoring it is not counted.
    _labelled(root, "honest-irrelevant", {"name": "Bo Li", "headline": "Florist", "mutual_connections": 0}, None,
              {**persona, "verdict": "ignore", "acceptable": ["ask"], "flags": ["irrelevant"]})
    _labelled(root, "scam", {"name": "Crypto Max", "headline": "Investor", "mutual_connections": 5},
              "Guaranteed 30% monthly returns, message me on WhatsApp +44 7700 900123 to join.",
              {**persona, "verdict": "ignore", "flags": ["scam_or_phishing"]})
    shutil.copytree(FIXTURES / "configs", tmp_path / "set" / "personas")
    code, out, err = run(capsys, "eval", str(tmp_path / "set"), "--compare", "rules", "--json")
    assert code == 0, err
    columns = json.loads(out)["parts"]["all"]
    assert columns["accept-all"]["hostile_accepted"] == 1
    assert columns["accept-all"]["honest_ignored"] == 0 and columns["accept-all"]["honest_reported"] == 0
    assert columns["mutual-only"]["honest_ignored"] == 1  # Ana, not Bo: Bo's label allows ignore
    assert columns["rules"]["honest_reported"] == 0 and columns["rules"]["hostile_accepted"] == 0
    code, out, err = run(capsys, "eval", str(tmp_path / "set"), "--compare", "rules")
    assert "honest reported" in out and "honest ignored" in out and "hostile accepted" in out
