"""Screening with the user's own LinkedIn export (issue 14): the export as input, `--export`, the
evidence in verdicts and prompts, a connection skipped, problems said in one line, each file read
once a run. The sample export is fixtures/export/ (its README lists what it says about whom)."""

import shutil
from pathlib import Path

import pytest

from helpers import json_lines, run

ROOT = Path(__file__).resolve().parent.parent
EXPORT = str(ROOT / "fixtures/export/analyst-vi")
ZIP = str(ROOT / "fixtures/export/analyst-vi.zip")
ANALYST = str(ROOT / "fixtures/configs/analyst-vi.toml")
BAO = str(ROOT / "fixtures/requests/04-former-colleague-ssi.json")


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path / "home"))


def export_flags(result: dict) -> list[str]:
    return [flag["evidence"] for flag in result["flags"] if "your export:" in flag["evidence"]]


def test_the_export_s_invitations_are_screened_and_a_connection_is_skipped(capsys):
    code, out, err = run(capsys, "screen", ZIP, "-c", ANALYST, "--json", "--no-store", "--lang", "en")
    assert code == 0, err
    results = json_lines(out)
    senders = [result["sender"] for result in results]
    assert len(results) == 12 and "Trần Minh Châu" in senders
    assert "Lương Văn Khải" not in senders
    skipped = [line for line in err.splitlines() if "Lương Văn Khải" in line]
    assert len(skipped) == 1 and "already a connection since 9 Jun 2020" in skipped[0]
    assert "analyst-vi.zip/Invitations.csv: line 22" in skipped[0]


def test_the_zip_and_its_folder_say_the_same(capsys):
    _, from_zip, _ = run(capsys, "screen", ZIP, "-c", ANALYST, "--json", "--no-store")
    _, from_folder, _ = run(capsys, "screen", EXPORT, "-c", ANALYST, "--json", "--no-store")
    assert json_lines(from_zip) == json_lines(from_folder)


def test_requests_from_elsewhere_get_the_export_s_evidence(capsys):
    code, out, err = run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--no-store", "--export", ZIP)
    assert code == 0, err
    [result] = json_lines(out)
    evidence = " ".join(export_flags(result))
    assert "you exchanged 6 messages with them, the last in March 2025 (messages.csv, matched by profile URL)" in evidence
    assert "5 of your connections work at VNDirect Securities" in evidence
    _, without, _ = run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--no-store")
    assert export_flags(json_lines(without)[0]) == []


def test_prompt_show_prints_what_the_export_says(capsys):
    code, out, err = run(capsys, "prompt", "show", BAO, "-c", ANALYST, "--export", EXPORT, "--redact")
    assert code == 0, err
    section = out.split("What the user's own LinkedIn export says about the sender")[1].split("<sender_data>")[0]
    assert "- you exchanged 6 messages with them" in section
    assert "matched by profile URL" in section


def test_two_exports_and_no_export_option_is_one_line(capsys, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(EXPORT, other)
    code, out, err = run(capsys, "screen", ZIP, str(other), "-c", ANALYST, "--no-store")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--export" in err and "Traceback" not in err


def test_a_malformed_row_is_one_line_and_the_invitations_are_still_screened(capsys, tmp_path):
    broken = tmp_path / "export"
    shutil.copytree(EXPORT, broken)
    messages = broken / "messages.csv"
    lines = messages.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, '"2-bad","","Nobody","https://www.linkedin.com/in/nobody","Đặng Khắc Minh","","not a date",\n')
    messages.write_text("".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "screen", str(broken), "-c", ANALYST, "--json", "--no-store")
    assert code == 2
    assert len(json_lines(out)) == 12
    problems = [line for line in err.splitlines() if "messages.csv" in line]
    assert len(problems) == 1 and "line 4" in problems[0], err


def test_a_missing_file_means_its_evidence_is_unknown(capsys, tmp_path):
    partial = tmp_path / "export"
    shutil.copytree(EXPORT, partial)
    (partial / "messages.csv").unlink()
    code, out, err = run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--no-store", "--export", str(partial))
    assert code == 0, err
    evidence = " ".join(export_flags(json_lines(out)[0]))
    assert "messages" not in evidence
    assert "5 of your connections work at VNDirect Securities" in evidence  # the other files still speak


def test_the_same_export_named_twice_is_read_once(capsys, monkeypatch):
    import assist.export as export

    opened: list[str] = []
    real = export.open_export

    def counting(path):
        opened.append(str(path))
        return real(path)

    monkeypatch.setattr(export, "open_export", counting)
    code, out, err = run(capsys, "screen", ZIP, ZIP, "--export", ZIP, "-c", ANALYST, "--json", "--no-store")
    assert code == 0, err
    assert len(opened) == 1
    assert len(json_lines(out)) == 24  # the invitations twice: two inputs


def test_a_new_export_screens_again_and_the_same_one_resumes(capsys, tmp_path):
    db = str(tmp_path / "assist.db")
    run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--db", db, "--export", ZIP)
    _, again, _ = run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--db", db, "--export", ZIP)
    assert json_lines(again)[0]["resumed"] is True
    changed = tmp_path / "export"
    shutil.copytree(EXPORT, changed)
    (changed / "messages.csv").unlink()
    _, fresh, _ = run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--db", db, "--export", str(changed))
    assert json_lines(fresh)[0]["resumed"] is False


def test_a_bad_export_option_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "screen", BAO, "-c", ANALYST, "--export", str(tmp_path / "nope.zip"))
    assert code == 2 and "nope.zip" in err and len(err.strip().splitlines()) == 1
    folder = tmp_path / "requests"
    folder.mkdir()
    code, _, err = run(capsys, "--lang", "en", "screen", BAO, "-c", ANALYST, "--export", str(folder))
    assert code == 2 and "not a LinkedIn data export" in err
    code, _, err = run(capsys, "screen", BAO, "-c", ANALYST, "--export", str(folder))  # the analyst reads Vietnamese
    assert code == 2 and "không phải bản xuất dữ liệu LinkedIn" in err


def test_forget_removes_what_the_export_said_about_a_sender(capsys, tmp_path):
    db = tmp_path / "assist.db"
    code, out, err = run(capsys, "screen", BAO, "-c", ANALYST, "--json", "--db", str(db), "--export", ZIP)
    assert code == 0, err
    assert b"you exchanged 6 messages" in db.read_bytes()
    code, out, err = run(capsys, "forget", "req-04", "--yes", "--db", str(db))
    assert code == 0, err
    leftovers = [path for path in tmp_path.rglob("*") if path.is_file() and b"you exchanged 6 messages" in path.read_bytes()]
    assert leftovers == []
