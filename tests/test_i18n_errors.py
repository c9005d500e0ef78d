"""Every error sentence assist writes goes through the catalogue: a check of the code (ast), and
the errors of the export reader, the invitations CSV, --compare and the reply file under vi."""

from __future__ import annotations

import ast
import zipfile

import pytest

from helpers import ROOT
from test_i18n import ANALYST_VI, english_sentences

SRC = ROOT / "src" / "assist"
TRANSLATING = {"_", "ngettext", "pgettext"}
# The calls whose message argument a person reads: the callable's name -> the message's position.
ERROR_CALLS = {"InputError": 1, "add": 1, "_RowError": 0, "_StopFile": 0, "ExportProblem": 2, "LLMSetupError": 0,
               "NewerSchema": 0}
# ValueError is raised for programs in many places; these files raise one a person reads.
USER_VALUE_ERRORS = {"batch_api.py"}
# Messages left as written, each with its reason: (file, line's text) -> why.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("evaluate_replies.py", 'raise InputError(where, "me: " + describe_validation_error(error)) from None'):
        "a case's field name (`me`) before the validation's own description: no words of assist's",
}


def _is_error_call(call: ast.Call) -> int | None:
    func = call.func
    if isinstance(func, ast.Name) and func.id in ERROR_CALLS and func.id != "add":
        return ERROR_CALLS[func.id]
    if isinstance(func, ast.Attribute) and func.attr == "add" and isinstance(func.value, ast.Name) \
            and func.value.id == "problems":
        return ERROR_CALLS["add"]
    return None


def _untranslated(node: ast.AST) -> bool:
    """A message written in place in English: a string literal, an f-string, or text joined to one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) or _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) or _untranslated(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _untranslated(node.func.value)  # "...".format(...) is English; _("...").format(...) is not
    return False  # _(...), ngettext(...), a name, a call building the message


def untranslated_errors(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        position = _is_error_call(node) if isinstance(node, ast.Call) else None
        if position is None and name in USER_VALUE_ERRORS and isinstance(node, ast.Call) \
                and isinstance(node.func, ast.Name) and node.func.id == "ValueError":
            position = 0
        if position is not None:
            if position < len(node.args) and _untranslated(node.args[position]):
                line = source.splitlines()[node.lineno - 1].strip()
                if (name, line) not in EXCEPTIONS:
                    found.append(f"{name}:{node.lineno}: {line}")
    return found


def test_the_check_finds_an_english_error_and_passes_a_marked_one():
    assert untranslated_errors('raise InputError(name, "no such file")', "x.py")
    assert untranslated_errors('raise InputError(name, f"no {file}")', "x.py")
    assert untranslated_errors('problems.add(None, f"cannot read: {e}")', "x.py")
    assert untranslated_errors('raise _RowError("Company Name: empty")', "x.py")
    assert untranslated_errors('raise InputError(name, "cannot read ({r})".format(r=r))', "x.py")
    assert untranslated_errors('raise InputError(name, "a " + _("b"))', "x.py")
    assert not untranslated_errors('raise InputError(name, _("no such file"))', "x.py")
    assert not untranslated_errors('raise InputError(name, _("no {file}").format(file=f))', "x.py")
    assert not untranslated_errors('problems.add(line, str(error))', "x.py")
    assert not untranslated_errors('raise InputError(f"{name}: line {n}", _(MESSAGE))', "x.py")
    assert untranslated_errors('raise LLMSetupError(f"--model-path {p}: no such GGUF file")', "x.py")
    assert untranslated_errors('raise NewerSchema(f"{label}: made by a newer assist")', "x.py")
    assert untranslated_errors('raise ValueError(f"unsafe batch id {i}")', "batch_api.py")
    assert not untranslated_errors('raise ValueError(f"unsafe batch id {i}")', "x.py")
    assert not untranslated_errors('raise NewerSchema(_("{label}: newer").format(label=label))', "x.py")


def test_every_error_message_in_the_code_goes_through_the_catalogue():
    found = []
    for path in sorted([*SRC.glob("*.py"), *SRC.glob("backends/*.py")]):
        found += untranslated_errors(path.read_text(encoding="utf-8"), path.name)
    assert not found, "\n".join(found)


# -- the errors a person reads, under vi -------------------------------------------------------------

def _vi(run, *args):
    code, out, err = run("--lang", "vi", *args)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    return err


def test_not_an_export_is_said_in_vietnamese(run, tmp_path):
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.txt").write_text("hi")
    err = _vi(run, "screen", str(folder / "missing.zip"), "--config", ANALYST_VI, "--no-store")
    assert not english_sentences(err, [str(folder / "missing.zip")]), err


def test_a_bad_invitations_row_is_said_in_vietnamese_and_the_good_rows_screened(run, tmp_path):
    csv_file = tmp_path / "Invitations.csv"
    csv_file.write_text("From,To,Sent At,Message,Direction\n"
                        "Lan Pham,Me,\"11/21/25, 5:13 PM\",,SIDEWAYS\n"
                        ",Me,\"11/21/25, 5:13 PM\",,INCOMING\n"
                        "Bao Tran,Me,\"11/21/25, 5:13 PM\",Hello,INCOMING\n", encoding="utf-8")
    code, out, err = run("--lang", "vi", "screen", str(csv_file), "--config", ANALYST_VI, "--no-store")
    assert code == 2
    assert "Bao Tran" in out
    assert "SIDEWAYS" in err and "line 2" in err and "line 3" in err
    assert not english_sentences(err, [str(csv_file), "Invitations.csv", "SIDEWAYS", "INCOMING", "OUTGOING",
                                       "Direction", "From"]), err


def test_a_damaged_zip_export_is_said_in_vietnamese(run, tmp_path):
    export = tmp_path / "Basic_LinkedInDataExport.zip"
    export.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    err = _vi(run, "screen", str(export), "--config", ANALYST_VI, "--no-store")
    assert str(export) in err
    assert not english_sentences(err, [str(export), "File is not a zip file"]), err  # zipfile's own words


def test_an_export_with_a_bad_profile_row_is_reported_in_vietnamese(tmp_path):
    from assist import i18n
    from assist.export import open_export

    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name,Headline\n,,Nobody\n")
        archive.writestr("Positions.csv", "Company Name,Title\n,Analyst\n")
    i18n.setup("vi")
    try:
        opened = open_export(export)
        assert opened.profile() is None
        opened.positions()
        messages = [problem.message for problem in opened.problems]
    finally:
        i18n.setup("en")
    assert len(messages) == 2, messages
    assert all(not english_sentences(message, ["First Name", "Last Name", "Company Name"]) for message in messages), messages
    assert any("First Name, Last Name" in message for message in messages)


@pytest.mark.parametrize("args", [
    ["eval", str(ROOT / "fixtures" / "eval"), "--compare", "nonsense"],
    ["eval", str(ROOT / "fixtures" / "eval"), "--exports", str(ROOT / "fixtures" / "eval" / "export"), "--no-exports"],
    ["eval", str(ROOT / "fixtures" / "no-such-dataset")],
])
def test_command_line_errors_are_said_in_vietnamese(run, args):
    err = _vi(run, *args)
    assert not english_sentences(err, ["nonsense", "--compare", "--exports", "--no-exports", args[1]]), err


def test_the_english_errors_are_unchanged(run, tmp_path):
    code, out, err = run("--lang", "en", "eval", str(ROOT / "fixtures" / "eval"), "--compare", "nonsense")
    assert code == 2
    assert "expected a comma-separated list of" in err and "(got 'nonsense')" in err


# -- pydantic's validation, said through the catalogue (the field path as written) ---------------------

@pytest.mark.parametrize("body, path, value, english", [
    ('{"sender": {"name": "A", "connections": "many"}}', "sender.connections", '"many"', "whole number"),  # assist's
    ('{"sender": {"name": "A", "has_photo": "yes"}}', "sender.has_photo", '"yes"', "valid boolean"),  # pydantic's
    ('{"sender": {"name": "A", "connections": -3}}', "sender.connections", "-3", "greater than"),
])
def test_a_bad_request_is_said_in_vietnamese_with_its_field_path(run, tmp_path, body, path, value, english):
    request = tmp_path / "bad.json"
    request.write_text(body, encoding="utf-8")
    err = _vi(run, "screen", str(request), "--config", ANALYST_VI, "--no-store")
    assert f"{path}: " in err and value in err, err
    assert english not in err, err
    assert not english_sentences(err, [str(request), path]), err


def test_a_bad_request_is_said_in_english_as_before(run, tmp_path):
    request = tmp_path / "bad.json"
    request.write_text('{"sender": {"name": "A", "connections": "many"}}', encoding="utf-8")
    code, out, err = run("--lang", "en", "screen", str(request), "--no-store")
    assert code == 2
    assert 'sender.connections: expected a whole number or null (got "many")' in err, err
    request.write_text('{"sender": {"name": "A", "has_photo": "yes"}}', encoding="utf-8")
    code, out, err = run("--lang", "en", "screen", str(request), "--no-store")
    assert 'sender.has_photo: Input should be a valid boolean (got "yes")' in err, err


def test_a_missing_model_file_is_said_in_vietnamese(run, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path))
    request = tmp_path / "r.json"
    request.write_text('{"sender": {"name": "A B"}, "note": "hi"}', encoding="utf-8")
    missing = str(tmp_path / "missing.gguf")
    code, out, err = run("--lang", "vi", "screen", str(request), "--config", ANALYST_VI, "--backend", "local",
                         "--model-path", missing)
    assert code == 1 and missing in err and "Traceback" not in err, err
    assert "no such GGUF file" not in err and not english_sentences(err, [missing, "--model-path", "GGUF"]), err


def test_a_store_from_a_newer_assist_is_said_in_vietnamese(tmp_path):
    from assist import i18n
    from assist.migrations import NewerSchema
    from assist.store import MIGRATIONS, Store

    path = tmp_path / "new.db"
    Store.open(path).db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    i18n.setup("vi")
    try:
        with pytest.raises(NewerSchema) as raised:
            Store.open(path)
    finally:
        i18n.setup("en")
    message = str(raised.value)
    assert str(path) in message and "newer assist" not in message, message
    assert not english_sentences(message, [str(path)]), message


# -- the pydantic error types a person can still hit with a bad request or config (each a real bad file) --

ANALYST = (ROOT / "fixtures" / "configs" / "analyst-vi.toml").read_text(encoding="utf-8")


def _bad_config(tmp_path, old: str, new: str):
    assert old in ANALYST
    config = tmp_path / "bad.toml"
    config.write_text(ANALYST.replace(old, new, 1), encoding="utf-8")
    return config


def _one_vietnamese_line(run, *args, names=()):
    code, out, err = run("--lang", "vi", *args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, (code, err)
    assert not english_sentences(err, list(names)), err
    return err


CONFIG_CASES = [  # (what is in place, what replaces it, the field, a word of the Vietnamese, the English)
    ('goals = ["Hear about', 'goals = "fintech"\nx = ["Hear about', "me.goals", "danh sách", "valid list"),
    ('openness = "selective"', 'openness = "wild"', "policy.openness", "hoặc", " or "),  # an unknown choice
    ('name = "Đặng Khắc Minh"', 'name = ""', "me.name", "ký tự", "at least 1 character"),  # too short
    ('[me]\n', 'me = [1, 2]\n[x]\n', "me", "đối tượng", "valid dictionary"),  # a list where a table is
    ('signature = "Minh"', 'signature = 3.5', "me.signature", "chuỗi", "valid string"),  # a float for a string
    ('[policy]\n', '[policy]\nfoo = 1\n', "policy.foo", "trường thừa", "Extra inputs"),
]


@pytest.mark.parametrize("old, new, field, word, english", CONFIG_CASES, ids=[case[2] + " " + case[4] for case in CONFIG_CASES])
def test_a_bad_config_is_one_vietnamese_line(run, tmp_path, old, new, field, word, english):
    config = _bad_config(tmp_path, old, new)
    request = ROOT / "fixtures" / "requests" / "01-momo-talent-partner.json"
    err = _one_vietnamese_line(run, "screen", str(request), "--config", str(config), "--no-store", "--backend", "rules",
                               names=[str(config), field, "selective", "balanced", "open", "wild"])
    assert f"{field}: " in err and word in err and english not in err, err


REQUEST_CASES = [
    ('{"sender": [1]}', "sender", "đối tượng", "instance of"),  # a list where an object is
    ('{"sender": {"name": "A", "experience": ["a"]}}', "sender.experience.0", "đối tượng", "instance of"),
    ('{"sender": {"name": ""}}', "sender.name", "ký tự", "at least 1 character"),
    ('{"sender": {"name": "A", "connections": 3.5}}', "sender.connections", "số nguyên", "whole number"),
]


@pytest.mark.parametrize("body, field, word, english", REQUEST_CASES, ids=[case[1] + " " + case[3] for case in REQUEST_CASES])
def test_a_bad_request_file_is_one_vietnamese_line(run, tmp_path, body, field, word, english):
    request = tmp_path / "bad.json"
    request.write_text(body, encoding="utf-8")
    err = _one_vietnamese_line(run, "screen", str(request), "--config", ANALYST_VI, "--no-store", "--backend", "rules",
                               names=[str(request), field])
    assert f"{field}: " in err and word in err and english not in err, err


def test_the_same_bad_files_read_as_before_in_english(run, tmp_path):
    config = _bad_config(tmp_path, 'openness = "selective"', 'openness = "wild"')
    request = ROOT / "fixtures" / "requests" / "01-momo-talent-partner.json"
    code, out, err = run("--lang", "en", "screen", str(request), "--config", str(config), "--no-store")
    assert code == 2 and "policy.openness: Input should be 'selective', 'balanced' or 'open' (got \"wild\")" in err, err
    bad = tmp_path / "bad.json"
    bad.write_text('{"sender": [1]}', encoding="utf-8")
    code, out, err = run("--lang", "en", "screen", str(bad), "--no-store")
    assert code == 2 and "sender: Input should be a valid dictionary or instance of Sender" in err, err
    bad.write_text('{"sender": {"name": ""}}', encoding="utf-8")
    code, out, err = run("--lang", "en", "screen", str(bad), "--no-store")
    assert code == 2 and 'sender.name: String should have at least 1 character (got "")' in err, err


@pytest.mark.parametrize("annotation, value, english", [
    ("datetime.date", "2026-13-45", "valid date"), ("datetime.datetime", "yesterday-ish", "valid datetime"),
    ("constr(max_length=3)", "abcdef", "at most 3"), ("conlist(int, max_length=1)", [1, 2], "at most 1"),
    ("conlist(int, min_length=2)", [1], "at least 2"), ("float", float("inf"), "finite"),
])
def test_the_other_types_a_model_can_raise_are_in_the_catalogue(annotation, value, english):
    """Types no file of today's models reaches (a date, a length, a finite number), ready for one that does."""
    import datetime  # noqa: F401 (the annotations name it)

    from pydantic import BaseModel, ValidationError, conlist, constr  # noqa: F401

    from assist import i18n
    from assist.validation_words import described

    model = type("M", (BaseModel,), {"__annotations__": {"x": eval(annotation)},
                                     "model_config": {"allow_inf_nan": False}})
    with pytest.raises(ValidationError) as caught:
        model(x=value)
    item = caught.value.errors()[0]
    i18n.setup("vi")
    try:
        said = described(item)
    finally:
        i18n.setup("en")
    assert english not in said and said != item["msg"], (item, said)
    assert not english_sentences(said, []), said


# -- the command line's own usage errors (click's, vendored in typer), under vi ------------------------------

USAGE_CASES = [
    (["screen", "--nope"], "--nope", "English: No such option"),
    (["show"], "request_id", "Missing argument"),
    (["list", "--verdict", "maybe"], "--verdict", "is not one of"),
    (["history", "--limit", "x"], "--limit", "valid integer"),
    (["screen", "--max-chars", "5", "x.json"], "--max-chars", "greater than"),
    (["screen", "--backend"], "--backend", "requires an argument"),
    (["frobnicate"], "frobnicate", "No such command"),
    (["show", "a", "b"], "(b)", "unexpected extra"),
    (["screen", "--no-store=1"], "--no-store", "does not take a value"),
]


@pytest.mark.parametrize("args, name, english", USAGE_CASES, ids=[case[2] for case in USAGE_CASES])
def test_a_usage_error_is_one_vietnamese_line(run, args, name, english):
    code, out, err = run("--lang", "vi", *args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, (code, err)
    assert name in err and english.removeprefix("English: ") not in err, err
    assert not english_sentences(err, [name, "--model", "--no-cache", "--no-store", "'maybe'", "'accept'", "'ask'",
                                       "'ignore'", "--help", "assist " + args[0]]), err


def test_usage_errors_are_as_before_in_english(run):
    assert "No such option: --nope (Possible options: --model, --no-cache, --no-store) (see 'assist screen --help')" in \
        run("--lang", "en", "screen", "--nope")[2]
    assert "Invalid value for '--verdict': 'maybe' is not one of 'accept', 'ask', 'ignore'." in \
        run("--lang", "en", "list", "--verdict", "maybe")[2]
    assert "Missing argument 'request_id'." in run("--lang", "en", "show")[2]


def test_a_bad_config_given_with_config_speaks_its_own_language(run, tmp_path):
    """Its [me] says interface_language = "vi": the line about what is wrong with it is Vietnamese,
    with no --lang, as it is for the default config."""
    config = tmp_path / "bad.toml"
    config.write_text('[me]\nname = "Minh"\ninterface_language = "vi"\n\n[llm]\ntimeout = 99999\n', encoding="utf-8")
    request = ROOT / "fixtures" / "requests" / "01-momo-talent-partner.json"
    for flag in (["--config", str(config)], ["-c", str(config)], [f"--config={config}"]):
        code, out, err = run("screen", str(request), *flag, "--no-store", "--backend", "rules")
        assert code == 2 and "lỗi" in err and "expected a number of seconds" not in err, (flag, err)
