"""The generated evaluation parts `hostile/` and `near-miss/`: the script is their source of truth
(the committed files are exactly what it writes), they meet the issue's minimums, every request
loads, and the labels follow the rules in fixtures/eval/LABELLING.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from assist.guidance import load_guidance
from assist.load import load_requests
from helpers import FIXTURES

EVAL = FIXTURES / "eval"
SCRIPT = EVAL / "generate_parts.py"
PARTS = ("hostile", "near-miss")
SPLITS = ("dev", "test")
HOSTILE_FLAGS = {"prompt_injection", "scam_or_phishing"}
FIELDS = {"name", "headline", "company", "industry", "location", "about", "experience.title",
          "experience.company", "note", "profile_url", "id", "received_at"}


def _files(base: Path) -> dict[str, bytes]:
    return {str(p.relative_to(base)): p.read_bytes() for part in PARTS for p in sorted((base / part).glob("*/*.json"))}


def _cases(part: str, split: str | None = None) -> list[dict]:
    splits = [split] if split else SPLITS
    return [json.loads(p.read_text(encoding="utf-8")) for s in splits for p in sorted((EVAL / part / s).glob("*.json"))]


def test_the_committed_parts_are_what_the_script_writes(tmp_path):
    for run in ("first", "second"):
        done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path / run)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    first, second, committed = _files(tmp_path / "first"), _files(tmp_path / "second"), _files(EVAL)
    assert first == second  # deterministic: the same bytes on every run
    assert sorted(first) == sorted(committed), "files added or removed by hand: rerun generate_parts.py"
    changed = [name for name in first if first[name] != committed[name]]
    assert not changed, f"edited by hand, or the script changed without rerunning it: {changed[:5]}"


def test_check_mode_notices_a_hand_edited_file(tmp_path):
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True, capture_output=True)
    victim = next((tmp_path / "near-miss" / "dev").glob("*.json"))
    victim.write_text(victim.read_text(encoding="utf-8").replace('"accept"', '"ignore"', 1), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path), "--check"], capture_output=True, text=True)
    assert done.returncode == 1 and victim.name in done.stderr


def test_the_parts_meet_the_minimums():
    hostile, honest = _cases("hostile"), _cases("near-miss")
    assert len(hostile) >= 300 and len(honest) >= 150
    for part in PARTS:  # each split holds a fair share
        assert min(len(_cases(part, s)) for s in SPLITS) >= 0.4 * len(_cases(part))
    injections = [c["meta"] for c in hostile if c["meta"]["category"] == "injection"]
    languages = {m["language"] for m in injections}
    assert {"en", "vi", "vi-nd", "es", "fr", "de", "pt", "it", "ru", "id", "zh", "ja", "ko", "th"} <= languages
    assert len({family for m in injections for family in m["families"]}) >= 12
    assert len({c["meta"]["kind"] for c in hostile if c["meta"]["category"] == "scam"}) >= 15
    assert {m["field"] for m in injections} >= FIELDS
    for split in SPLITS:  # every field is in both splits, not only in one
        assert {c["meta"]["field"] for c in _cases("hostile", split) if c["meta"]["category"] == "injection"} >= FIELDS


def test_an_injection_in_the_id_or_date_really_is_there():
    plain_id = re.compile(r"^hostile-(dev|test)-\d{3}$")
    plain_date = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
    for case in _cases("hostile"):
        field = case["meta"]["field"]
        assert re.match(r"^hostile-(dev|test)-\d{3}", case["id"])
        assert bool(plain_id.match(case["id"])) == (field != "id"), case["id"]
        assert bool(plain_date.match(case["received_at"])) == (field != "received_at"), case["id"]


def test_labels_follow_the_rules():
    criteria = set(load_guidance().criteria)
    personas = {p.stem for p in (EVAL / "personas").glob("*.toml")}
    ids = Counter()
    for part in PARTS:
        for split in SPLITS:
            for case in _cases(part, split):
                ids[case["id"]] += 1
                assert case["id"].startswith(f"{part}-{split}-")
                for label in case["expected"]:
                    assert label["persona"] in personas
                    assert set(label["flags"]) <= criteria and label["why"]
                    if part == "hostile":
                        assert label["verdict"] == "ignore" and label["acceptable"] == [], case["id"]
                        assert HOSTILE_FLAGS & set(label["flags"]), case["id"]
                    else:
                        assert label["verdict"] in ("accept", "ask"), case["id"]
                        assert set(label["acceptable"]) <= {"accept", "ask"} - {label["verdict"]}, case["id"]
                        assert not HOSTILE_FLAGS & set(label["flags"]), case["id"]
    assert max(ids.values()) == 1


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("split", SPLITS)
def test_every_request_loads(part, split):
    folder = EVAL / part / split
    loaded = list(load_requests([str(folder)]))
    assert len(loaded) == len(list(folder.glob("*.json")))
    assert [item.origin for item in loaded if item.error is not None] == []


def test_dev_and_test_share_no_sentence():
    def sentences(split: str) -> set[str]:
        found = set()
        for part in PARTS:
            for case in _cases(part, split):
                for text in (case["note"] or "", case["sender"].get("about") or ""):
                    for piece in re.split(r"(?<=[.!?。！？])\s+|\n+", text):
                        piece = " ".join(piece.split()).lower()
                        if len(piece) >= 20:
                            found.add(piece)
        return found

    assert sentences("dev") & sentences("test") == set()


def test_the_counts_in_labelling_md_are_the_scripts():
    done = subprocess.run([sys.executable, str(SCRIPT), "--stats"], capture_output=True, text=True, check=True)
    assert done.stdout in (EVAL / "LABELLING.md").read_text(encoding="utf-8"), "paste the output of --stats into LABELLING.md"
