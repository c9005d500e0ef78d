"""`--help` in the interface's language: the options' and arguments' help, and click's own words
(Usage, Options, Arguments, Commands, the --help option's line)."""

import pytest

CONFIG_VI = "Tệp cấu hình của bạn (TOML)."
INPUTS_VI = "Các tệp yêu cầu (.json, .jsonl, Invitations.csv của LinkedIn)"
CONFIG_EN = "User config (TOML). Default: $ASSIST_CONFIG, ./assist.toml, then the user config"
INPUTS_EN = "Request files (.json, .jsonl, LinkedIn's"


def flat(text: str) -> str:
    """The help on one line: click wraps it at the terminal's width."""
    return " ".join(text.split())


def test_options_and_arguments_help_in_vietnamese(run):
    code, out, _ = run("screen", "--help", "--lang", "vi")
    assert code == 0
    out = flat(out)
    assert CONFIG_VI in out and INPUTS_VI in out
    assert CONFIG_EN not in out and INPUTS_EN not in out
    assert "Đầu ra cho máy đọc: mỗi dòng một đối tượng JSON." in out  # --json, shared by commands
    assert "Hỏi lại LLM kể cả khi đã có kết luận lưu sẵn." in out  # --no-cache, an LLM option


def test_options_help_is_english_again_under_en_in_the_same_process(run):
    run("screen", "--help", "--lang", "vi")
    code, out, _ = run("screen", "--help", "--lang", "en")
    assert code == 0
    out = flat(out)
    assert CONFIG_EN in out and INPUTS_EN in out
    assert CONFIG_VI not in out and INPUTS_VI not in out


def test_clicks_own_words_in_vietnamese(run):
    code, out, _ = run("screen", "--help", "--lang", "vi")
    assert code == 0
    assert out.startswith("Cách dùng: assist screen [OPTIONS]")
    assert "\nĐối số:\n" in out and "\nTùy chọn:\n" in out
    assert "Hiện hướng dẫn này rồi thoát." in flat(out)
    assert "Usage:" not in out and "Options:" not in out and "Show this message and exit." not in out
    code, out, _ = run("--help", "--lang", "vi")
    assert "\nLệnh:\n" in out and "Commands:" not in out


def test_clicks_own_words_in_english(run):
    run("--help", "--lang", "vi")
    code, out, _ = run("screen", "--help", "--lang", "en")
    assert out.startswith("Usage: assist screen [OPTIONS]")
    assert "\nArguments:\n" in out and "\nOptions:\n" in out and "Show this message and exit." in flat(out)
    code, out, _ = run("--help", "--lang", "en")
    assert "\nCommands:\n" in out and "Lệnh:" not in out


def test_the_backend_option_help_in_vietnamese_names_every_backend(run):
    from assist.vocabulary import BACKENDS

    code, out, _ = run("screen", "--help", "--lang", "vi")
    out = flat(out)
    assert "rules (ngoại tuyến), openai (mọi máy chủ tương thích OpenAI) hoặc local (mô hình đi kèm)" in out
    code, out, _ = run("screen", "--help", "--lang", "en")
    backend = flat(out).split("--backend <str>")[1].split(" --")[0]
    assert all(name in backend for name in BACKENDS) and "Default: [llm] in the config" in backend


# -- each command's long description (the docstring after its first sentence) -------------------------

COMMANDS = [["screen"], ["draft-reply"], ["init"], ["eval"], ["eval-replies"], ["prompt", "show"],
            ["batch", "submit"], ["batch", "status"], ["batch", "collect"], ["review", "list"], ["review", "show"],
            ["review", "approve"], ["review", "reject"], ["review", "reopen"], ["review", "mark-sent"],
            ["review", "edit"], ["review", "export"], ["learned", "list"], ["learned", "forget"], ["list"],
            ["show"], ["undo"]]


def _description(out: str) -> str:
    """A help page's description: between the usage line and the first heading, the examples taken out."""
    body = out.split("\n\n", 1)[1]
    body = body.split("\nĐối số:\n")[0].split("\nTùy chọn:\n")[0].split("\nArguments:\n")[0].split("\nOptions:\n")[0]
    return "\n".join(line for line in body.splitlines() if not line.strip().startswith("assist "))


def test_the_long_description_is_vietnamese_and_the_examples_stay(run):
    code, out, _ = run("screen", "--help", "--lang", "vi")
    assert code == 0
    assert "Verdicts and drafts are recorded" not in flat(out) and "Examples:" not in out
    assert "Ví dụ:" in out
    assert "assist screen fixtures/requests -c fixtures/configs/analyst-vi.toml" in out
    assert "assist screen fixtures/requests --json > verdicts.jsonl" in out


def test_the_long_description_is_english_again_under_en_in_the_same_process(run):
    run("screen", "--help", "--lang", "vi")
    code, out, _ = run("screen", "--help", "--lang", "en")
    assert "Verdicts and drafts are recorded in the local store for `assist review`; a run that stopped" in flat(out)
    assert "\n  Examples:\n" in out and "Ví dụ:" not in out


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_s_help_page_reads_as_vietnamese(run, command):
    from test_i18n import english_sentences

    code, out, _ = run(*command, "--help", "--lang", "vi")
    assert code == 0, out
    description = _description(out)
    assert description.strip()
    assert not english_sentences(description, ["LinkedIn", "Invitations.csv"]), (command, description)


def test_the_long_descriptions_are_in_the_catalogue_and_the_examples_are_not():
    from test_i18n import _extracted

    messages = {message for message, _context in _extracted()}
    assert ("Verdicts and drafts are recorded in the local store for `assist review`; a run that stopped resumes "
            "where it left off, and requests already screened under the same settings are not screened (or paid "
            "for) again: they are counted in one line (see them with `assist list`, or --all).") in messages
    assert "Examples:" in messages
    assert not any(message.lstrip().startswith("assist screen fixtures") for message in messages)


# -- the whole page: every option's help, click's and typer's own words, the type labels ---------------

ALL_PAGES = [[], *COMMANDS, ["prompt"], ["review"], ["learned"], ["batch"], ["history"], ["decide"], ["forget"]]
TYPE_LABELS_EN = ("<str>", "<int>", "<float>", "<int range>", "<float range>", "<path>", "<list[str]>")


def _rows(out: str) -> str:
    """The help page without its usage line and its examples (command lines, kept as written), and
    without what stays as written: command names, options, the values one types (a choice's, a default's)."""
    import re

    lines = [line for line in out.splitlines()[1:] if not line.strip().startswith("assist ")]
    text = "\n".join(re.sub(r"^  [a-z][a-z-]*(?=  )", " ", line) for line in lines)  # a command list's names
    text = re.sub(r"<[^<>\n]*\|[^<>\n]*>|\[mặc định: [^\]\n]*\]|--?[a-z][a-z-]*|\b[a-z]+-[a-z-]+\b", " ", text)
    return re.sub(r"\b(?:accept|ask|ignore|pending|approved|rejected|sent|withdrawn)\b(?=[,.: ]| or)", " ", text)


@pytest.mark.parametrize("command", ALL_PAGES, ids=lambda command: " ".join(command) or "assist")
def test_every_help_page_is_vietnamese_from_the_options_to_the_type_labels(run, command):
    from test_i18n import english_sentences

    code, out, _ = run(*command, "--help", "--lang", "vi")
    assert code == 0, out
    rows = _rows(out)
    assert not english_sentences(rows, ["LinkedIn", "Invitations.csv", "SmolLM2-135M-Instruct"]), (command, rows)
    assert not [label for label in TYPE_LABELS_EN if label in out], (command, out)
    assert "default:" not in out and "[required]" not in out and "required]" not in out


def test_type_labels_defaults_and_ranges_in_vietnamese(run):
    code, out, _ = run("screen", "--help", "--lang", "vi")
    out_flat = flat(out)
    assert "-c, --config <văn bản>" in out and "inputs... <danh sách văn bản>" in out
    assert "--max-chars <số nguyên>" in out and "[mặc định: 300; x>=60]" in out_flat
    assert "[1<=x<=256]" in out_flat  # a range is written in symbols: the same in every language
    assert "--format <table|full>" in out  # the values one types stay as written
    code, out, _ = run("init", "--help", "--lang", "vi")
    assert "--from-export <đường dẫn>" in out
    code, out, _ = run("eval", "--help", "--lang", "vi")
    assert "--min-agreement <số>" in out
    code, out, _ = run("decide", "--help", "--lang", "vi")
    assert "[bắt buộc]" in flat(out)
    code, out, _ = run("--help", "--lang", "vi")
    assert "Hiện phiên bản rồi thoát." in flat(out) and "Cài đặt tự hoàn thành lệnh cho shell đang dùng." in flat(out)


def test_type_labels_defaults_and_ranges_stay_english_under_en(run):
    run("screen", "--help", "--lang", "vi")
    code, out, _ = run("screen", "--help", "--lang", "en")
    assert "-c, --config <str>" in out and "inputs... <list[str]>" in out and "--max-chars <int range>" in out
    assert "[default: 300; x>=60]" in flat(out)
    code, out, _ = run("decide", "--help", "--lang", "en")
    assert "[required]" in flat(out)
    code, out, _ = run("--help", "--lang", "en")
    assert "Show the version and exit." in out and "Install completion for the current shell." in out
