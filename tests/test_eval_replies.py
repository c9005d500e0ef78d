"""`assist eval-replies`: the drafter measured against labelled reply cases."""

from __future__ import annotations

import json
import shutil

from helpers import FIXTURES, run


def case(case_id: str, persona: str, name: str, note: str | None, expected: dict, me: dict | None = None, **sender) -> dict:
    return {"id": case_id, "persona": persona, "me": me or {},
            "request": {"id": case_id, "sender": {"name": name, **sender}, "note": note,
                        "received_at": "2026-11-20T09:15:00+07:00"},
            "expected": expected}


def dataset(tmp_path, cases: list[dict]):
    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES / "eval" / "personas", root / "eval" / "personas")
    dev = root / "replies" / "dev"
    dev.mkdir(parents=True)
    for number, each in enumerate(cases):
        (dev / f"{number:03}.json").write_text(json.dumps(each, ensure_ascii=False), encoding="utf-8")
    return root / "replies"


SCAM = case("r-scam", "eng-lead-en", "Support Team", "Your account will be restricted in 24 hours. Verify your identity now at "
            "https://linkedln-security.com/verify with your password.",
            {"greeting_name": None, "situation": "none", "language": "en"})
STUDENT = case("r-student", "analyst-vi", "Nguyễn Thị Thanh Linh", "Chào anh, em là sinh viên năm cuối, em muốn kết nối với anh ạ.",
               {"greeting_name": "Linh", "address": [{"you": "em", "me": "anh"}], "situation": "clarify", "language": "vi",
                "max_chars": 60}, headline="Sinh viên")


def test_figures_per_part_and_every_check_measured(tmp_path, capsys):
    code, out, err = run(capsys, "eval-replies", str(dataset(tmp_path, [SCAM, STUDENT])), "--json")
    assert code == 0, err
    dev = json.loads(out)["parts"]["dev"]
    assert dev["cases"] == 2 and dev["bad_items"] == []
    assert dev["safety"] == {"right": 2, "of": 2}  # no reply to the phishing notice
    assert dev["greeting_name"] == {"right": 2, "of": 2}
    assert dev["address"]["of"] == 1 and dev["question"]["of"] in (0, 1)


def test_a_wrong_label_is_counted_as_a_miss_and_shown_with_misses(tmp_path, capsys):
    wrong = json.loads(json.dumps(STUDENT))
    wrong["expected"]["greeting_name"] = "Thanh Linh"
    code, out, err = run(capsys, "eval-replies", str(dataset(tmp_path, [wrong])), "--misses")
    assert code == 0, err
    assert "r-student: greeting_name" in out and "Thanh Linh" in out


def test_a_bad_case_is_one_line_exit_2_and_the_good_ones_still_count(tmp_path, capsys):
    broken = {"id": "r-broken", "persona": "analyst-vi"}
    code, out, err = run(capsys, "eval-replies", str(dataset(tmp_path, [broken, STUDENT])), "--json")
    assert code == 2
    assert json.loads(out)["parts"]["dev"]["cases"] == 1
    [line] = [line for line in err.splitlines() if line.strip()]
    assert "000.json" in line and "Traceback" not in err


def test_an_unknown_persona_is_a_bad_case(tmp_path, capsys):
    code, out, err = run(capsys, "eval-replies", str(dataset(tmp_path, [{**STUDENT, "persona": "nobody"}])))
    assert code == 2 and "nobody" in err
