"""The user config: where it is found, what a bad one says, `assist init`, and that it matters."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import assist.cli
import assist.config
from assist.config import find_config, parse_config
from helpers import json_lines, run

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
REQUESTS = FIXTURES / "requests"
CONFIGS = FIXTURES / "configs"
ANALYST = str(CONFIGS / "analyst-vi.toml")
ENG_LEAD = str(CONFIGS / "eng-lead-en.toml")
JOB_SEEKER = str(REQUESTS / "10-backend-job-seeker.json")
RANK = {"ignore": 0, "ask": 1, "accept": 2}
NOT_JUDGED = re.compile(r"relevance to your goals (cannot|could not) be judged")


@pytest.fixture
def user_config(tmp_path, monkeypatch) -> Path:
    """Where the user config directory's config.toml would be (it does not exist yet)."""
    return tmp_path / "user-config-dir" / "config.toml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch, user_config):
    """No config, cache or LLM settings from the machine running the tests leak in; cwd is tmp."""
    for name in ("ASSIST_CONFIG", "ASSIST_DEBUG", "ASSIST_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path / "assist-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setattr(assist.config, "user_config_path", lambda: user_config)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


def persona(path: Path, name: str, extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[me]\nname = "{name}"\nlanguage = "en"\n{extra}', encoding="utf-8")
    return path


def config_in_use(capsys, *argv: str) -> str:
    """The name of the user whose config was used, as `prompt show` renders it."""
    code, out, err = run(capsys, "prompt", "show", "--json", *argv, JOB_SEEKER)
    assert code == 0, err
    user = json_lines(out)[0]["messages"][1]["content"]
    match = re.search(r"^- Name: (.+)$", user, re.M)
    return match.group(1) if match else "(none)"


# --- discovery ---------------------------------------------------------------------------------


@pytest.fixture
def every_layer(tmp_path, monkeypatch, user_config) -> dict[str, Path]:
    layers = {
        "explicit": persona(tmp_path / "explicit.toml", "From Option"),
        "env": persona(tmp_path / "env" / "assist.toml", "From Env"),
        "local": persona(Path.cwd() / "assist.toml", "From Cwd"),
        "user": persona(user_config, "From User Dir"),
    }
    monkeypatch.setenv("ASSIST_CONFIG", str(layers["env"]))
    return layers


def test_option_beats_env_local_and_user(capsys, every_layer):
    assert config_in_use(capsys, "--config", str(every_layer["explicit"])) == "From Option"
    assert config_in_use(capsys, "-c", str(every_layer["explicit"])) == "From Option"


def test_env_beats_local_and_user(capsys, every_layer):
    assert config_in_use(capsys) == "From Env"
    assert find_config(None) == every_layer["env"]


def test_local_beats_user(capsys, monkeypatch, every_layer):
    monkeypatch.delenv("ASSIST_CONFIG")
    assert config_in_use(capsys) == "From Cwd"
    assert find_config(None) == Path("assist.toml")


def test_user_config_dir_last(capsys, monkeypatch, every_layer):
    monkeypatch.delenv("ASSIST_CONFIG")
    every_layer["local"].unlink()
    assert config_in_use(capsys) == "From User Dir"
    assert find_config(None) == every_layer["user"]


def test_empty_env_variable_is_unset(capsys, monkeypatch, every_layer):
    monkeypatch.setenv("ASSIST_CONFIG", "")
    assert config_in_use(capsys) == "From Cwd"


def test_env_pointing_nowhere_is_an_error_not_a_fallback(tmp_path, capsys, monkeypatch, every_layer):
    missing = tmp_path / "gone.toml"
    monkeypatch.setenv("ASSIST_CONFIG", str(missing))
    code, out, err = run(capsys, "screen", JOB_SEEKER)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"assist: error: {missing}: ") and "ASSIST_CONFIG" in line
    assert out == ""


def test_no_config_still_screens_and_says_relevance_was_not_judged(capsys):
    assert find_config(None) is None
    code, out, err = run(capsys, "screen", JOB_SEEKER)
    assert code == 0
    assert out.startswith(("ACCEPT", "ASK", "IGNORE"))
    [note] = err.splitlines()
    assert NOT_JUDGED.search(note) and "assist init" in note

    code, out, err = run(capsys, "screen", "--json", JOB_SEEKER)
    assert code == 0
    assert err == ""  # --json keeps stderr for errors; the warning travels in the result
    [result] = json_lines(out)
    assert any(NOT_JUDGED.search(w) for w in result["warnings"]), result["warnings"]
    assert NOT_JUDGED.search(result["summary"].lower())


def test_with_a_config_there_is_no_such_warning(capsys):
    code, out, err = run(capsys, "screen", "--json", "-c", ENG_LEAD, JOB_SEEKER)
    assert code == 0
    [result] = json_lines(out)
    assert not any(NOT_JUDGED.search(w) for w in result["warnings"])
    assert err == ""


# --- bad configs: exit 2, one line naming the file (and field) -----------------------------------


def test_missing_config_option(tmp_path, capsys):
    missing = tmp_path / "nope" / "assist.toml"
    code, out, err = run(capsys, "screen", "--config", str(missing), JOB_SEEKER)
    assert code == 2
    assert err.splitlines() == [f"assist: error: {missing}: config file not found"]
    assert out == ""


def test_config_option_is_a_directory(tmp_path, capsys):
    code, out, err = run(capsys, "screen", "--config", str(tmp_path), JOB_SEEKER)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"assist: error: {tmp_path}: ")


BAD_CONFIGS = [
    ("invalid-toml", '[me\nname = "x"\n', ["invalid TOML", "line 1"]),
    ("unclosed-string", '[me]\nname = "x\n', ["invalid TOML", "line 2"]),
    ("openness-word", '[me]\nname = "x"\n[policy]\nopenness = "sometimes"\n', ["policy.openness", '"sometimes"']),
    ("openness-case", '[policy]\nopenness = "Selective"\n', ["policy.openness"]),
    ("goals-string", '[me]\nname = "x"\ngoals = "x"\n', ["me.goals", "list"]),
    ("language", '[me]\nname = "x"\nlanguage = "klingon"\n', ["me.language"]),
    ("typo-key", '[me]\nname = "x"\n[policy]\nopennes = "open"\n', ["policy.opennes"]),
    ("typo-section", '[me]\nname = "x"\n[polcy]\nopenness = "open"\n', ["polcy"]),
    ("no-name", '[me]\nheadline = "Analyst"\n', ["me.name", "missing"]),
    ("blank-name", '[me]\nname = "   "\n', ["me.name"]),
    ("timeout", '[llm]\ntimeout = 0\n', ["llm.timeout"]),
    ("backend", '[llm]\nbackend = "skynet"\n', ["llm.backend"]),
    # issue 13: numbers finite and in range, booleans not numbers, list entries meaningful
    ("timeout-inf", '[llm]\ntimeout = inf\n', ["llm.timeout: expected a number of seconds, more than 0 and at most 3600 (got inf)"]),
    ("timeout-nan", '[llm]\ntimeout = nan\n', ["llm.timeout: expected a number of seconds", "(got nan)"]),
    ("timeout-huge", '[llm]\ntimeout = 1e300\n', ["llm.timeout: expected a number of seconds", "(got 1e+300)"]),
    ("timeout-true", '[llm]\ntimeout = true\n', ["llm.timeout: expected a number of seconds", "(got true)"]),
    ("timeout-text", '[llm]\ntimeout = "60"\n', ["llm.timeout: expected a number of seconds", '(got "60")']),
    ("retries-true", '[llm]\nmax_retries = true\n', ["llm.max_retries: expected a whole number from 0 to 10 (got true)"]),
    ("retries-float", '[llm]\nmax_retries = 2.5\n', ["llm.max_retries: expected a whole number from 0 to 10 (got 2.5)"]),
    ("temperature-inf", '[llm]\ntemperature = -inf\n', ["llm.temperature: expected a number from 0 to 2 (got -inf)"]),
    ("temperature-false", '[llm]\ntemperature = false\n', ["llm.temperature: expected a number from 0 to 2 (got false)"]),
    ("never-empty", '[policy]\nnever_accept = ["", " ", "*"]\n', ["policy.never_accept.0: an empty entry matches nothing; remove it"]),
    ("never-star", '[policy]\nnever_accept = ["crypto", "*"]\n', ['policy.never_accept.1: no letter or digit to match; remove it (got "*")']),
    ("always-blank", '[policy]\nalways_accept = ["MoMo", "  "]\n', ["policy.always_accept.1: an empty entry"]),
    ("goals-dash", '[me]\nname = "x"\ngoals = ["-"]\n', ['me.goals.0: no letter or digit to match; remove it (got "-")']),
]


@pytest.mark.parametrize("name, text, expected", BAD_CONFIGS, ids=[c[0] for c in BAD_CONFIGS])
def test_bad_config_is_one_line_exit_2(tmp_path, capsys, name, text, expected):
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "screen", "-c", str(path), JOB_SEEKER)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"assist: error: {path}: ")
    for part in expected:
        assert part in lines[0]


def test_bad_config_found_by_discovery_is_named_too(capsys):
    Path("assist.toml").write_text('[policy]\nopenness = "sometimes"\n', encoding="utf-8")
    code, out, err = run(capsys, "screen", JOB_SEEKER)
    assert code == 2
    assert err.splitlines()[0].startswith("assist: error: assist.toml: policy.openness")


def test_non_utf8_config(tmp_path, capsys):
    path = tmp_path / "latin1.toml"
    path.write_bytes('[me]\nname = "Hélène"\n'.encode("latin-1"))
    code, out, err = run(capsys, "screen", "-c", str(path), JOB_SEEKER)
    assert code == 2
    assert err.splitlines() == [f"assist: error: {path}: not UTF-8 text: expected a TOML config"]


def test_config_with_bom_is_fine(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + Path(ANALYST).read_bytes())
    assert parse_config(path).me.name == "Đặng Khắc Minh"


def test_invalid_toml_as_a_real_process(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[me]\nname = \n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSIST_", "OPENAI_"))}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "xdg"), ASSIST_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-m", "assist", "screen", "-c", str(path), JOB_SEEKER],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"assist: error: {path}: invalid TOML (") and "line 2" in line
    assert proc.stdout == ""


# --- init -------------------------------------------------------------------------------------


def test_init_writes_a_commented_starter_that_parses(tmp_path, capsys):
    path = tmp_path / "deeper" / "assist.toml"
    code, out, err = run(capsys, "init", str(path))
    assert code == 0, err
    assert str(path) in out
    text = path.read_text(encoding="utf-8")
    assert "[me]" in text and "[policy]" in text
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 2
    assert text.count(" # ") >= 3  # inline comments explain the fields
    config = parse_config(path)
    assert config.me is not None and config.me.name
    assert config.policy.openness in ("selective", "balanced", "open")
    # and assist runs with it, without the "no config" note
    code, out, err = run(capsys, "screen", "-c", str(path), JOB_SEEKER)
    assert code == 0
    assert err == ""


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "assist.toml"
    path.write_text('[me]\nname = "Mine, hand-edited"\n', encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "init", str(path))
    assert code == 2
    assert err.splitlines() == [f"assist: error: {path}: already exists (use --force to overwrite)"]
    assert path.read_bytes() == before

    code, out, err = run(capsys, "init", "--force", str(path))
    assert code == 0, err
    assert path.read_bytes() != before
    assert parse_config(path).me.name != "Mine, hand-edited"


def test_init_without_a_path_writes_the_user_config_that_discovery_then_finds(capsys, user_config):
    assert not user_config.exists()
    code, out, err = run(capsys, "init")
    assert code == 0, err
    assert user_config.is_file()
    assert find_config(None) == user_config
    assert config_in_use(capsys) == parse_config(user_config).me.name


def test_the_company_field_is_optional_and_read(tmp_path):
    path = tmp_path / "assist.toml"
    path.write_text('[me]\nname = "Sam"\ncompany = "Freightly"\n', encoding="utf-8")
    assert parse_config(path).me.company == "Freightly"
    # a config written before the field existed keeps working
    assert parse_config(Path(ENG_LEAD)).me.company is None


def test_init_writes_the_company_it_is_given(tmp_path, capsys):
    path = tmp_path / "assist.toml"
    code, out, err = run(capsys, "init", "--company", "Northwind Labs", str(path))
    assert code == 0, err
    assert parse_config(path).me.company == "Northwind Labs"
    assert "# " in path.read_text(encoding="utf-8").split('company = "Northwind Labs"', 1)[1].splitlines()[0]


def test_init_asks_for_the_company_when_someone_is_at_the_keyboard(tmp_path, capsys, monkeypatch):
    import io

    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Keyboard('Freightly "EU"\n'))
    path = tmp_path / "assist.toml"
    code, out, err = run(capsys, "init", str(path))
    assert code == 0, err
    assert "company" in (out + err).lower()
    assert parse_config(path).me.company == 'Freightly "EU"'  # written as TOML, quotes escaped


def test_init_without_a_keyboard_leaves_the_company_commented(tmp_path, capsys):
    path = tmp_path / "assist.toml"
    code, out, err = run(capsys, "init", str(path))
    assert code == 0, err
    assert "# company = " in path.read_text(encoding="utf-8")
    assert parse_config(path).me.company is None


# --- the config changes the verdict -------------------------------------------------------------


def verdict(capsys, config: str, request: str) -> dict:
    code, out, err = run(capsys, "screen", "--json", "-c", config, request)
    assert code == 0, err
    [result] = json_lines(out)
    return result


@pytest.mark.parametrize(
    "request_file, for_analyst, for_eng_lead",
    [
        ("10-backend-job-seeker.json", "ignore", "accept"),  # a candidate for her team; nothing to him
        ("08-rmit-cs-student.json", "ignore", "accept"),
        ("35-em-meetup-stripe.json", "ignore", "accept"),
        ("01-momo-talent-partner.json", "accept", "ask"),  # his target company's recruiter; off-topic for her
    ],
)
def test_same_request_different_persona_different_verdict(capsys, request_file, for_analyst, for_eng_lead):
    request = str(REQUESTS / request_file)
    analyst = verdict(capsys, ANALYST, request)
    eng_lead = verdict(capsys, ENG_LEAD, request)
    assert analyst["verdict"] == for_analyst
    assert eng_lead["verdict"] == for_eng_lead
    # each persona gets its own language
    assert analyst["summary"] != eng_lead["summary"]


def test_persona_reasons_differ_for_the_job_seeker(capsys):
    analyst = verdict(capsys, ANALYST, JOB_SEEKER)
    eng_lead = verdict(capsys, ENG_LEAD, JOB_SEEKER)
    assert "irrelevant" in {f["id"] for f in analyst["flags"]}
    assert "professional_relevance" in {f["id"] for f in eng_lead["flags"]}
    assert "irrelevant" not in {f["id"] for f in eng_lead["flags"]}


def test_never_accept_in_the_config_turns_an_accept_into_ignore(tmp_path, capsys):
    text = Path(ENG_LEAD).read_text(encoding="utf-8").replace('never_accept = ["crypto"]', 'never_accept = ["Razorpay"]')
    assert 'never_accept = ["Razorpay"]' in text
    path = tmp_path / "no-razorpay.toml"
    path.write_text(text, encoding="utf-8")
    result = verdict(capsys, str(path), JOB_SEEKER)
    assert result["verdict"] == "ignore"
    assert any(f["id"] == "never_accept" and "Razorpay" in f["evidence"] for f in result["flags"])


def test_openness_is_monotonic(tmp_path, capsys):
    """More open never gives a stricter verdict, and it does change something."""
    base = Path(ENG_LEAD).read_text(encoding="utf-8")
    verdicts = {}
    for openness in ("selective", "balanced", "open"):
        path = tmp_path / f"{openness}.toml"
        path.write_text(base.replace('openness = "balanced"', f'openness = "{openness}"'), encoding="utf-8")
        assert parse_config(path).policy.openness == openness
        code, out, err = run(capsys, "screen", "--json", "-c", str(path), str(REQUESTS))
        assert code == 0, err
        verdicts[openness] = [RANK[r["verdict"]] for r in json_lines(out)]
    for strict, loose in (("selective", "balanced"), ("balanced", "open")):
        assert all(a <= b for a, b in zip(verdicts[strict], verdicts[loose])), (strict, loose)
    assert verdicts["selective"] != verdicts["open"]


def test_init_asks_how_vietnamese_replies_should_speak(tmp_path, capsys, monkeypatch):
    import io

    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Keyboard("Viet Pro Finance\nvi\nem\nanh/chị\n"))
    path = tmp_path / "assist.toml"
    code, out, err = run(capsys, "init", str(path))
    assert code == 0, err
    me = parse_config(path).me
    assert (me.company, me.language, me.vi_self, me.vi_address) == ("Viet Pro Finance", "vi", "em", "anh/chị")


def test_config_numbers_and_lists_that_are_fine(tmp_path):
    path = tmp_path / "fine.toml"
    path.write_text('[policy]\nnever_accept = ["crypto", "MLM", "Forex 24/7", "Bảo hiểm"]\n'
                    '[llm]\ntimeout = 30\nmax_retries = 0\ntemperature = 1\n', encoding="utf-8")
    config = parse_config(path)
    assert config.llm.timeout == 30.0 and config.llm.max_retries == 0 and config.llm.temperature == 1.0
    assert config.policy.never_accept == ["crypto", "MLM", "Forex 24/7", "Bảo hiểm"]
