"""Issue 14: `assist init --from-export PATH` fills [me] from the user's own LinkedIn export."""

from __future__ import annotations

import tomllib

import pytest

from assist.config import parse_config
from helpers import run
from test_export_read import EDUCATION, FILES, POSITIONS, PROFILE, SKILLS, folder_export, zip_export


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    for name in ("ASSIST_CONFIG", "ASSIST_DEBUG", "ASSIST_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)


POSITIONS_MORE = POSITIONS + ("Side Gig Co,Advisor,,,Jan 2018,\n"  # current, but started earlier
                              "SSI Securities,Analyst,,,Jan 2017,Dec 2017\n"  # a repeat: once
                              "Viet Pro Finance,Trainee,,,Jan 2016,Dec 2016\n")  # the current employer: not past
SKILLS_MORE = ("Name\nMicrosoft Excel\nEquity Research\nFinancial Modeling\nMicrosoft PowerPoint\nValuation\n"
               "Fintech\nequity research\nBanking\nRisk Management\nPython\n")


def init(capsys, export, config, *more: str) -> tuple[int, str, str]:
    return run(capsys, "init", "--from-export", str(export), str(config), *more)


def test_the_config_holds_each_value_from_the_export(tmp_path, capsys):
    export = folder_export(tmp_path, {**FILES, "Positions.csv": POSITIONS_MORE, "Skills.csv": SKILLS_MORE})
    target = tmp_path / "assist.toml"
    code, out, err = init(capsys, export, target)
    assert code == 0, err
    me = parse_config(target).me
    assert me.name == "Minh Đặng Khắc" and me.headline == "Market analyst at Viet Pro Finance"
    assert me.industry == "Financial Services" and me.location == "Hanoi, Vietnam"
    assert me.company == "Viet Pro Finance"  # of two current rows, the most recently started
    assert me.past_companies == ["SSI Securities", "Bao Viet", "Side Gig Co"]  # most recently started first, once each
    assert me.schools == ["National Economics University", "Coursera"]
    assert me.interests == ["Equity Research", "Financial Modeling", "Valuation", "Fintech", "Banking",
                            "Risk Management"]  # 6 at most, office tools and repeats left out
    assert me.goals == [] and me.target_companies == []
    text = target.read_text(encoding="utf-8")
    # shown: the path and the config itself
    assert str(target) in out and 'name = "Minh Đặng Khắc"' in out
    # goals, target companies and openness: commented questions
    for key in ("goals", "target_companies", "openness"):
        [line] = [line for line in text.splitlines() if line.lstrip("# ").startswith(f"{key} =")]
        assert line.startswith("#"), line
        before = text.split(line, 1)[0].rstrip().splitlines()[-1]
        assert before.startswith("#") and "?" in before, before
    assert "Market Analyst" in text  # the current title, in a comment


def test_a_vietnamese_profile_sets_the_language(tmp_path, capsys):
    profile = ("First Name,Last Name,Headline,Summary\n"
               "Minh,Đặng,Chuyên viên phân tích thị trường,Tôi làm việc tại công ty chứng khoán ở Hà Nội.\n")
    english = folder_export(tmp_path, {"Profile.csv": PROFILE}, name="en")
    vietnamese = folder_export(tmp_path, {"Profile.csv": profile}, name="vi")
    assert init(capsys, vietnamese, tmp_path / "vi.toml")[0] == 0
    assert init(capsys, english, tmp_path / "en.toml")[0] == 0
    assert parse_config(tmp_path / "vi.toml").me.language == "vi"
    assert parse_config(tmp_path / "en.toml").me.language == "auto"


def test_a_zip_and_its_folder_give_the_same_config(tmp_path, capsys):
    folder = folder_export(tmp_path, FILES)
    archive = zip_export(tmp_path, FILES)
    assert init(capsys, folder, tmp_path / "a.toml")[0] == 0
    assert init(capsys, archive, tmp_path / "b.toml")[0] == 0
    a = (tmp_path / "a.toml").read_text(encoding="utf-8").replace(str(folder), "EXPORT")
    b = (tmp_path / "b.toml").read_text(encoding="utf-8").replace(str(archive), "EXPORT")
    assert a == b
    assert tomllib.loads(a)["me"]["name"] == "Minh Đặng Khắc"


def test_an_existing_config_is_never_overwritten_without_force(tmp_path, capsys):
    export = folder_export(tmp_path, FILES)
    target = tmp_path / "assist.toml"
    target.write_text('[me]\nname = "Mine, hand-edited"\n', encoding="utf-8")
    before = target.read_bytes()
    code, out, err = init(capsys, export, target)
    assert code == 2 and err.splitlines() == [f"assist: error: {target}: already exists (use --force to overwrite)"]
    assert target.read_bytes() == before
    code, out, err = init(capsys, export, target, "--force")
    assert code == 0, err
    assert parse_config(target).me.name == "Minh Đặng Khắc"


def test_missing_files_leave_their_keys_commented_and_say_so(tmp_path, capsys):
    export = folder_export(tmp_path, {"Profile.csv": PROFILE})
    target = tmp_path / "assist.toml"
    code, out, err = init(capsys, export, target)
    assert code == 0, err
    me = parse_config(target).me
    assert me.name == "Minh Đặng Khắc" and me.company is None and me.past_companies == []
    assert me.schools == [] and me.interests == []
    text = target.read_text(encoding="utf-8")
    for key in ("company", "past_companies", "schools", "interests"):
        assert f"# {key} = " in text
    assert "Positions.csv" in err and "Education.csv" in err and "Skills.csv" in err
    assert "not in the export" in err


def test_a_missing_profile_is_one_line_and_writes_nothing(tmp_path, capsys):
    export = folder_export(tmp_path, {"Positions.csv": POSITIONS, "Education.csv": EDUCATION, "Skills.csv": SKILLS})
    target = tmp_path / "assist.toml"
    code, out, err = init(capsys, export, target)
    assert code == 2 and not target.exists()
    [line] = err.splitlines()
    assert line.startswith(f"assist: error: {export}") and "Profile.csv" in line


def test_not_an_export_is_one_line(tmp_path, capsys):
    target = tmp_path / "assist.toml"
    for path, words in [(tmp_path / "nowhere.zip", "no such file"), (folder_export(tmp_path, {"a.json": "{}"}), "not a LinkedIn export")]:
        code, out, err = init(capsys, path, target)
        assert code == 2 and not target.exists()
        [line] = err.splitlines()
        assert line.startswith(f"assist: error: {path}: ") and words in line


def test_a_bad_row_is_reported_and_the_rest_written(tmp_path, capsys):
    export = folder_export(tmp_path, {**FILES, "Positions.csv": POSITIONS + "Acme,,,,soon,\n"})
    target = tmp_path / "assist.toml"
    code, out, err = init(capsys, export, target)
    assert code == 2
    assert parse_config(target).me.company == "Viet Pro Finance"
    [line] = [line for line in err.splitlines() if "Positions.csv" in line]
    assert "line 6" in line and "Started On" in line


def test_hostile_values_are_safe_toml_and_one_line_comments(tmp_path, capsys):
    profile = ('First Name,Last Name,Headline,Industry\n'
               '"Eve ""the"" \\",Q\u007f,"line one\n[policy]\nopenness = ""open""\u0001",""\n')
    positions = ('Company Name,Title,Started On,Finished On\n'
                 '"Evil\nCo","Boss\n[policy]\nopenness = ""open""\x1b[31m",Jan 2024,\n'
                 '"—",,Jan 2010,Jan 2011\n')
    skills = "Name\n\"a\nb\"\n***\n"
    export = folder_export(tmp_path, {"Profile.csv": profile, "Positions.csv": positions, "Skills.csv": skills})
    target = tmp_path / "assist.toml"
    code, out, err = init(capsys, export, target)
    assert code == 0, err
    config = parse_config(target)
    assert config.me.name == 'Eve "the" \\ Q\u007f'
    assert config.me.headline.startswith("line one\n[policy]")
    assert config.me.company == "Evil\nCo"
    assert config.policy.openness == "balanced"  # nothing in a value became a key
    assert config.me.past_companies == []  # "—" has nothing to match: left out, the config still parses
    assert config.me.interests == ["a\nb"]
    assert "\x1b" not in out


def test_company_given_on_the_command_line_wins(tmp_path, capsys):
    export = folder_export(tmp_path, FILES)
    target = tmp_path / "assist.toml"
    assert init(capsys, export, target, "--company", "Northwind Labs")[0] == 0
    me = parse_config(target).me
    assert me.company == "Northwind Labs" and "Viet Pro Finance" in me.past_companies
