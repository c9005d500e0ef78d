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
