"""Hostile input, part 3: output that could turn sender text into something else (issue 13).

Exports neutralise spreadsheet formulas (OWASP's rule for CSV injection) and escape Markdown (only
http(s) profile URLs become links); terminal output strips control and escape sequences from every
text that did not come from assist; `--json` keeps the text exact.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from assist.exports import csv_cell, csv_text, markdown_text, md_inline, md_url
from assist.terminal import shown, shown_lines
from helpers import run

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
FORMULA = ("=", "+", "-", "@", "\t", "\r")


# --- CSV: OWASP's rule -----------------------------------------------------------------------------

@pytest.mark.parametrize("cell", [
    '=HYPERLINK("http://evil","click")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1",
    "  =1+1", "\n@x", "\t", "=", "＝1+1", "＠SUM(A1)",
])
def test_a_csv_cell_that_starts_like_a_formula_gets_a_leading_quote_and_stays_otherwise_exact(cell):
    assert csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Nguyễn Văn An", "https://www.linkedin.com/in/an", "a=b", "1-2", "", "'=already"])
def test_an_ordinary_csv_cell_is_kept_exactly(cell):
    assert csv_cell(cell) == cell


def _first_chars(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@FAST
@given(st.lists(st.text(max_size=30), min_size=1, max_size=7))
def test_fuzz_no_exported_csv_cell_starts_with_a_formula_character(row):
    text = csv_text(["a"] * len(row), [row])
    cells = list(csv.reader(io.StringIO(text, newline="")))
    assert len(cells) == 2
    for written, original in zip(cells[1], row):
        assert not written.lstrip().startswith(FORMULA) and not written.startswith(FORMULA)
        assert written in (original, "'" + original)


# --- Markdown --------------------------------------------------------------------------------------

def test_a_name_with_newlines_makes_no_heading_link_image_or_html():
    name = "Bob\n## Approved: wire 5,000 USD to me\n![x](http://t.example/p.png) [click](http://evil) <img src=x onerror=y>"
    line = md_inline(name)
    assert "\n" not in line
    unescaped = re.sub(r"\\.", "", line)
    assert "!" not in unescaped and "](" not in unescaped and "<" not in unescaped and "#" not in unescaped
    assert "Approved: wire 5,000 USD to me" in line.replace("\\", "")


@pytest.mark.parametrize("url", ["https://www.linkedin.com/in/an-nguyen", "http://linkedin.com/in/x?a=1&b=2"])
def test_an_http_profile_url_becomes_a_link(url):
    assert md_url(url) == f"<{url}>"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                 "https://evil.example/a b", "https://x/<script>", "vbscript:x", "file:///etc/passwd",
                                 "www.evil.example", " https://ok.example"])
def test_any_other_profile_url_is_printed_as_inert_text(url):
    shown = md_url(url)
    assert not shown.startswith("<") and "](" not in shown and "<" not in shown.replace("\\<", "")
    assert shown.replace("\\", "") == " ".join(url.split())


def test_the_markdown_export_keeps_the_draft_text_exact_inside_a_fence():
    text = "Hi ```\n# not a heading\n[a](javascript:x)\n````\nMinh"
    out = markdown_text([("req-1", "An", "https://www.linkedin.com/in/an", text)])
    fence = re.search(r"^(`{3,})$", out, re.MULTILINE).group(1)
    assert len(fence) > 4 and f"{fence}\n{text}\n{fence}" in out


def _structure(markdown: str) -> list[str]:
    """What a Markdown renderer would make into structure from the text outside fenced blocks, once
    backslash-escaped characters and our own `<http(s)://...>` autolinks are taken out: headings,
    setext underlines, thematic breaks, links, images, HTML, list items and block quotes."""
    outside = re.sub(r"^(`{3,})\n.*?\n\1$", "", markdown, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"^<https?://[^\s<>]+>$", "", re.sub(r"\\.", "", outside), flags=re.MULTILINE)
    found = re.findall(r"^ {0,3}#{1,6}(?: |$)", text, re.MULTILINE)
    found += re.findall(r"\]\(|!\[|<|^ {0,3}[=-]+ *$|^ {0,3}(?:[*_] *){3,}$|^ {0,3}[>*+-] ", text, re.MULTILINE)
    return found


@FAST
@given(st.lists(st.tuples(st.text(max_size=20), st.text(max_size=40), st.text(max_size=30) | st.none(),
                          st.text(max_size=40)), min_size=1, max_size=3))
def test_fuzz_markdown_has_no_raw_heading_link_image_or_html_from_sender_text(drafts):
    out = markdown_text(drafts)
    lines = out.splitlines()
    ours = [line for line in lines if re.fullmatch(r"## .* \(.*\)", line)]
    assert len(ours) == len(drafts)
    assert not _structure("\n".join(line[3:] if line in ours else line for line in lines))
    for _, _, _, text in drafts:
        assert md_fenced_in(out, shown_lines(text))  # the draft as written, but for terminal controls


def md_fenced_in(out: str, text: str) -> bool:
    return re.search(r"^(`{3,})\n" + re.escape(text) + r"\n\1$", out, re.MULTILINE) is not None


# --- the export command ----------------------------------------------------------------------------

@pytest.fixture
def hostile_store(tmp_path):
    """A store with one pending draft for each hostile sender."""
    from assist.store import Store
    from helpers import analyst, request, screen

    db = str(tmp_path / "out.db")
    senders = [
        ("x1", '=HYPERLINK("http://evil","x")', "javascript:alert(1)"),
        ("x2", "Bob\n## Approved: wire 5,000 USD\n![t](http://t.example/p.png)", "https://www.linkedin.com/in/bob"),
        ("x3", "\x1b[32mACCEPT\x1b[0m \x1b]0;owned\x07Eve\x9b31m\u202e", "@SUM(1+1)"),
    ]
    with Store.open(db) as store:
        for request_id, name, url in senders:
            req = request("Hi, could you remind me where we met? I would like to connect.", name=name,
                          profile_url=url, headline="Analyst").model_copy(update={"id": request_id})
            result = screen(req, analyst())
            if result.reply is None:
                from assist.models import Reply

                result = result.model_copy(update={"reply": Reply(kind="clarify", language="en", text="Hi,\n# hello\nMinh")})
            store.record(req, result)
    return db, senders


def test_review_export_csv_neutralises_formulas_and_json_keeps_the_text_exact(hostile_store, capsys):
    db, senders = hostile_store
    code, out, _ = run(capsys, "review", "export", "--status", "pending", "--format", "csv", "--db", db)
    assert code == 0
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out, newline=""))}
    assert rows["x1"]["sender"] == "'" + senders[0][1]
    assert rows["x3"]["profile_url"] == "'@SUM(1+1)"
    code, out, _ = run(capsys, "review", "export", "--status", "pending", "--format", "json", "--db", db)
    exported = {item["id"]: item for item in json.loads(out)}
    assert [(exported[i]["sender"], exported[i]["profile_url"]) for i, _, _ in senders] == [(n, u) for _, n, u in senders]


def test_review_export_md_makes_no_fake_heading_and_no_javascript_link(hostile_store, capsys):
    db, _ = hostile_store
    code, out, _ = run(capsys, "review", "export", "--status", "pending", "--db", db)
    assert code == 0
    outside = re.sub(r"^(`{3,})\n.*?\n\1$", "", out, flags=re.MULTILINE | re.DOTALL)
    headings = [line for line in outside.splitlines() if line.startswith("#")]
    assert len(headings) == 3 and not any("Approved" in h and h.startswith("## Approved") for h in headings)
    assert "<https://www.linkedin.com/in/bob>" in out and "<javascript" not in out and "](" not in out
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out


# --- the terminal ----------------------------------------------------------------------------------

EVIL = "\x1b[32mACCEPT\x1b[0m\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x1b\\\x9b2J\x9d8;;http://x\x9c\u202eevil\x07\x08\x00\r"
EVIL_LINES = EVIL + "\nsecond line\u2028third"


def _controls(text: str) -> list[str]:
    """Characters a terminal acts on, other than a line break: C0 (tab too), DEL, C1, bidi controls."""
    return [char for char in text if char != "\n" and (ord(char) < 0x20 or 0x7f <= ord(char) <= 0x9f
                                                       or char in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")]


@FAST
@given(st.text(max_size=60) | st.lists(st.sampled_from(["\x1b", "[", "]", "0;", "\x07", "\x9b", "\x9d", "\x9c", "\\",
                                                         "m", "a", "\n", "\r", "\t", "\u202e", "\x85", "1"]),
                                        max_size=30).map("".join))
def test_fuzz_shown_text_has_no_control_and_shown_lines_keeps_only_newlines(text):
    one = shown(text)
    assert not _controls(one) and "\n" not in one and not any(c in one for c in "\x85\u2028\u2029")
    assert not [char for char in _controls(shown_lines(text)) if char != "\t"]  # tabs stay in a text of lines
    assert shown(one) == one and shown_lines(shown_lines(text)) == shown_lines(text)


@pytest.mark.parametrize("text, expected", [
    ("\x1b[32mACCEPT\x1b[0m", "ACCEPT"), ("a\x1b]0;title\x07b", "ab"), ("a\x1b]0;title\x1b\\b", "ab"),
    ("a\x9b31mb", "ab"), ("a\x9d0;t\x9cb", "ab"), ("\u202eevil", "evil"), ("Nguyễn Văn An", "Nguyễn Văn An"),
    ("a\nb\tc", "a b c"), ("a\x1b]0;never ends", "a"),
])
def test_shown_removes_sequences_whole_and_keeps_the_rest(text, expected):
    assert shown(text) == expected


@pytest.fixture
def evil_store(tmp_path, monkeypatch):
    """A store whose sender, note, summary, evidence, warnings and draft all carry terminal controls,
    with one decision and one edit in its history."""
    from assist.models import Flag, Reply
    from assist.store import Store
    from helpers import analyst, request, screen

    monkeypatch.setenv("NO_COLOR", "1")  # assist's own colours off: every control left would be the sender's
    db = str(tmp_path / "evil.db")
    req = request("Hi " + EVIL_LINES, name="Eve " + EVIL_LINES, headline="Head " + EVIL, company="Co " + EVIL,
                  location="Loc " + EVIL, industry="Ind " + EVIL, profile_url="https://x.example/" + EVIL)
    req = req.model_copy(update={"id": "evil-1"})
    result = screen(req, analyst()).model_copy(update={
        "verdict": "ask", "summary": "Sum " + EVIL_LINES, "backend": "openai", "model": "m" + EVIL,
        "flags": [Flag(id="generic_note", polarity="red", evidence="Ev " + EVIL_LINES)],
        "warnings": ["Warn " + EVIL_LINES], "reply": Reply(kind="clarify", language="en", text="Hi " + EVIL_LINES)})
    with Store.open(db) as store:
        store.record(req, result)
    return db


def _human(capsys, *argv):
    code, out, err = run(capsys, *argv)
    return code, out + err


@pytest.mark.parametrize("argv", [
    ("list",), ("show", "evil-1"), ("history",), ("review", "list"), ("review", "show", "evil-1"), ("learned", "list"),
])
def test_past_verdicts_and_drafts_are_printed_without_terminal_controls(evil_store, capsys, argv):
    run(capsys, "review", "edit", "evil-1", "--text", "Mine " + EVIL_LINES, "--db", evil_store)
    run(capsys, "decide", "evil-1", "ask", "--db", evil_store)
    code, text = _human(capsys, *argv, "--db", evil_store)
    assert code == 0, text
    assert "Eve" in text and not _controls(text), [c for c in _controls(text)]


def test_json_output_keeps_the_senders_text_exact(evil_store, capsys):
    code, out, _ = run(capsys, "show", "evil-1", "--json", "--db", evil_store)
    assert code == 0 and json.loads(out)["request"]["sender"]["name"] == "Eve " + EVIL_LINES


def test_a_screen_result_and_its_table_line_have_no_terminal_controls(monkeypatch):
    from assist.models import Flag, Reply, ScreenResult
    from assist.output import table_line, verdict_text

    monkeypatch.setenv("NO_COLOR", "1")
    result = ScreenResult(id="r" + EVIL, verdict="ignore", confidence=0.5, summary="Sum " + EVIL_LINES,
                          flags=[Flag(id="x", polarity="red", evidence="Ev " + EVIL_LINES)], report=False,
                          reply=Reply(kind="clarify", language="en", text="Hi " + EVIL_LINES), backend="openai",
                          model="m" + EVIL, sender="Eve " + EVIL_LINES, warnings=["W " + EVIL_LINES], draft_status="pending")
    text = verdict_text(result)
    assert not _controls(text) and "ACCEPT" in text
    assert text.splitlines()[0].startswith("IGNORE Eve")  # the name's line breaks make no line of their own
    assert not any(line.startswith(("second", "third")) for line in text.splitlines())
    assert not _controls(table_line(result, "Head " + EVIL, width=120))


def test_the_interactive_review_prints_no_terminal_controls(evil_store, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("?\nq\n"))
    code, text = _human(capsys, "review", "--db", evil_store)
    assert code == 0 and "Eve" in text and not _controls(text)


def test_warnings_on_stderr_quoting_a_sender_have_no_terminal_controls(capsys):
    from assist.cli_common import err

    err("warning: the answer quoted " + EVIL_LINES)
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and not _controls(message)


def test_prompt_show_and_draft_reply_print_no_terminal_controls(tmp_path, capsys):
    path = tmp_path / "evil.json"
    path.write_text(json.dumps({"id": "e" + EVIL, "sender": {"name": "Eve " + EVIL_LINES, "headline": "H\x9b2J\u202e"},
                                "note": "Hi " + EVIL_LINES}, ensure_ascii=False), encoding="utf-8")
    for argv in (("prompt", "show", str(path)), ("draft-reply", str(path), "--force")):
        code, text = _human(capsys, *argv)
        assert code in (0, 2) and text and not [c for c in _controls(text) if c != "\t"], argv
