"""The eval tables (eval, eval --compare, eval-replies) in the interface's language."""

from __future__ import annotations

from helpers import FIXTURES, run
from test_eval_replies import STUDENT, dataset

REQUESTS = str(FIXTURES / "requests")


def test_eval_report_in_vietnamese(capsys):
    code, out, err = run(capsys, "eval", REQUESTS, "--lang", "vi")
    assert code == 0, err
    assert "số trường hợp: 59" in out
    assert "khớp với nhãn:" in out and "lỗi gây hại:" in out
    assert "ma trận nhầm lẫn (hàng: nhãn, cột: kết luận của assist)" in out
    header = next(line for line in out.splitlines() if line.split() == ["Chấp", "nhận", "Hỏi", "lại", "Bỏ", "qua"])
    assert header
    for english in ("cases:", "agreement with labels", "harmful errors", "confusion (rows", "latency per case"):
        assert english not in out, english


def test_eval_report_in_english(capsys):
    run(capsys, "eval", REQUESTS, "--lang", "vi")
    code, out, _ = run(capsys, "eval", REQUESTS, "--lang", "en")
    assert "cases: 59" in out and "agreement with labels: " in out and "acceptable verdicts:   " in out
    assert "latency per case: median" in out and "khớp" not in out


def test_eval_comparison_in_vietnamese_and_english(capsys):
    code, out, err = run(capsys, "eval", REQUESTS, "--compare", "rules", "--lang", "vi")
    assert code == 0, err
    assert "all (59 trường hợp có nhãn)" in out and "lỗi gây hại" in out and "độ trễ trung vị (ms)" in out
    assert "nhãn Chấp nhận ->" in out
    for english in ("labelled cases", "harmful errors", "agreement", "latency median", "confusion rows read"):
        assert english not in out, english
    code, out, _ = run(capsys, "eval", REQUESTS, "--compare", "rules", "--lang", "en")
    assert "all (59 labelled cases)" in out and "harmful errors" in out and "expected accept ->" in out


def test_eval_replies_table_in_vietnamese_and_english(tmp_path, capsys):
    path = str(dataset(tmp_path, [STUDENT]))
    code, out, err = run(capsys, "eval-replies", path, "--lang", "vi")
    assert code == 0, err
    header = out.splitlines()[0]
    assert header.split()[:4] == ["phần", "số", "trường", "hợp"] and "xưng hô" in header and "an toàn" in header
    assert "part" not in header and "cases" not in header and "address" not in header
    code, out, _ = run(capsys, "eval-replies", path, "--lang", "en")
    assert out.splitlines()[0].split()[:2] == ["part", "cases"]


def test_eval_replies_misses_in_vietnamese(tmp_path, capsys):
    import json

    wrong = json.loads(json.dumps(STUDENT))
    wrong["expected"]["greeting_name"] = "Thanh Linh"
    path = str(dataset(tmp_path, [wrong]))
    code, out, err = run(capsys, "eval-replies", path, "--misses", "--lang", "vi")
    assert code == 0, err
    assert "r-student: greeting_name" in out  # the check's id, as --json names it
    assert "\n  nhãn " in out and "\n  nhận được " in out and "\n  câu trả lời " in out
    assert "expected" not in out and "\n  got" not in out and "\n  reply" not in out
    code, out, _ = run(capsys, "eval-replies", path, "--misses", "--lang", "en")
    assert "\n  expected {" in out and "\n  got      {" in out and "\n  reply    '" in out
