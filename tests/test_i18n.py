"""The interface language: its setting, one gettext catalogue, and Vietnamese from the first line to
the last (apart from names, quoted notes and, in this pass, each flag's evidence)."""

from __future__ import annotations

import io
import json
import re
import shutil
import string
from pathlib import Path

import pytest

from assist import i18n
from assist.config import Me, UserConfig
from assist.context import RunContext
from assist.vocabulary import DEFAULT_MAX_CHARS
from helpers import FIXTURES, ROOT, persona

SRC = ROOT / "src" / "assist"
PO = SRC / "locale" / "vi" / "LC_MESSAGES" / "assist.po"
CATALOGUES = sorted((SRC / "locale").glob("*/LC_MESSAGES/assist.po"))  # every language shipped
SAMPLE = str(FIXTURES / "requests")
ANALYST_VI = str(FIXTURES / "configs" / "analyst-vi.toml")
ENG_LEAD = str(FIXTURES / "configs" / "eng-lead-en.toml")
LOCALE_VARIABLES = ("ASSIST_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch):
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


# -- the catalogue ------------------------------------------------------------------------------------

def _extracted() -> dict[tuple[str, str | None], tuple[str, ...]]:
    """Every message the code marks, as pybabel extract finds it: (msgid, context) -> (msgid, plural...)."""
    from babel.messages.extract import extract_from_dir

    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as handle:  # the mapping pybabel extract -F babel.cfg uses
        method_map, options_map = parse_mapping_cfg(handle)
    found = {}
    for _file, _line, message, _comments, context in extract_from_dir(str(SRC), method_map, options_map):
        key = message[0] if isinstance(message, tuple) else message
        found[key, context] = message if isinstance(message, tuple) else (message,)
    return found


def _catalogue(po: Path = PO):
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        return read_po(handle, locale=po.parent.parent.name, domain="assist")


def test_vietnamese_is_shipped():
    assert PO in CATALOGUES


def test_the_code_marks_messages_for_the_catalogue():
    messages = _extracted()
    assert len(messages) > 150
    assert ("Draft reply ({kind}, {language}) - review before sending:", None) in messages
    assert ("approved", "cannot be") in messages
    # the commands' descriptions, from their docstrings (help_text.extract)
    assert ("Screen requests: a verdict (accept, ask, ignore), the reasons, and a draft reply when in doubt.", None) in messages
    assert ("List drafts, oldest first.", None) in messages


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parent.parent.name)
def test_every_message_in_the_code_has_a_translation(po):
    catalogue = _catalogue(po)
    missing = []
    for (msgid, context), forms in _extracted().items():
        entry = catalogue.get(msgid, context=context)
        if entry is None or entry.fuzzy:
            missing.append(msgid)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings) or (len(forms) > 1 and not isinstance(entry.id, tuple)):
            missing.append(msgid)
    assert not missing, f"{len(missing)} messages without a translation in {po}: {missing[:10]}"


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parent.parent.name)
def test_no_translation_loses_or_adds_a_placeholder(po):
    wrong = []
    for entry in _catalogue(po):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = set().union(*map(_placeholders, ids))
        for text in strings:
            # Each plural form says what the English plural says (Vietnamese has one form, the count in it).
            if text and _placeholders(text) != (wanted if len(ids) == 1 else _placeholders(ids[-1])):
                wrong.append((ids[0], text))
    assert not wrong, wrong[:5]


def test_the_catalogue_is_vietnamese_with_one_plural_form():
    catalogue = _catalogue()
    assert catalogue.plural_forms == "nplurals=1; plural=0;"
    assert catalogue.get("accept").string == "Chấp nhận"
    assert catalogue.get("ask").string == "Hỏi lại"
    assert catalogue.get("ignore").string == "Bỏ qua"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parent.parent.name)
def test_the_shipped_mo_is_the_po_compiled(po):
    from babel.messages.mofile import write_mo

    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(po), use_fuzzy=False)
    assert po.with_suffix(".mo").read_bytes() == compiled.getvalue(), "run: pybabel compile -D assist -d src/assist/locale"


def test_the_catalogue_ships_as_package_data():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "locale/*/LC_MESSAGES/assist.mo" in data["assist"]


# -- the setting ----------------------------------------------------------------------------------------

def _me(**fields) -> UserConfig:
    return UserConfig(me=Me(name="Minh", **fields))


def test_the_interface_language_is_resolved_in_the_issues_order(monkeypatch):
    assert i18n.resolve(None) == "en"
    assert i18n.resolve(_me()) == "en"
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert i18n.resolve(_me()) == "vi"  # the locale
    monkeypatch.setenv("LC_MESSAGES", "en_GB.UTF-8")
    assert i18n.resolve(_me()) == "en"  # LC_MESSAGES before LANG
    monkeypatch.setenv("LC_ALL", "vi_VN")
    assert i18n.resolve(_me()) == "vi"  # LC_ALL first
    monkeypatch.setenv("ASSIST_LANG", "en")
    assert i18n.resolve(_me()) == "en"  # ASSIST_LANG before the locale
    assert i18n.resolve(_me(language="vi")) == "vi"  # the user's own language before ASSIST_LANG
    assert i18n.resolve(_me(language="fr")) == "en"  # one the interface does not speak: ASSIST_LANG
    assert i18n.resolve(_me(language="vi", interface_language="en")) == "en"  # the setting itself
    assert i18n.resolve(_me(language="en", interface_language="vi")) == "vi"
    assert i18n.resolve(_me(interface_language="en"), override="vi") == "vi"  # --lang


def test_a_locale_the_interface_does_not_speak_is_english(monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.resolve(_me()) == "en"
    monkeypatch.setenv("ASSIST_LANG", "klingon")
    assert i18n.resolve(_me()) == "en"


def test_a_config_with_an_unknown_interface_language_is_one_line(run, tmp_path):
    config = tmp_path / "me.toml"
    config.write_text('[me]\nname = "Minh"\ninterface_language = "fr"\n')
    code, out, err = run("screen", str(FIXTURES / "requests" / "01-momo-talent-partner.json"), "--config", str(config),
                         "--no-store")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "me.interface_language" in err and str(config) in err


# analyst-vi's config as the key held it before the setting existed (main, 13e5d54).
BEFORE_THE_SETTING = (
    '{"me":{"name":"Đặng Khắc Minh","headline":"Market analyst at Viet Pro Finance","company":null,'
    '"industry":"Financial services","location":"Hanoi, Vietnam","goals":["Hear about senior analyst roles at '
    'fintech companies"],"target_companies":["MoMo","VNPay"],"past_companies":["SSI Securities"],"schools":[],'
    '"interests":["equity research","fintech","market analysis","banking"],"language":"vi","reply_language":"auto",'
    '"vi_self":"tôi","vi_address":"anh/chị","signature":"Minh"},"policy":{"openness":"selective","always_accept":[],'
    '"never_accept":[]}}')


def test_the_screening_key_does_not_depend_on_the_interface_language(monkeypatch):
    analyst = persona("analyst-vi")
    # The key main computed for this config before the setting existed: resumed verdicts stay resumed.
    import hashlib

    before = RunContext(analyst).screening_key("rules", None)
    parts = ["rules", "", RunContext(analyst).guidance.version, BEFORE_THE_SETTING, str(DEFAULT_MAX_CHARS)]
    assert before == hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]
    english = analyst.model_copy(update={"me": analyst.me.model_copy(update={"interface_language": "en"})})
    assert RunContext(english).screening_key("rules", None) == before
    monkeypatch.setenv("ASSIST_LANG", "vi")
    assert RunContext(analyst).screening_key("rules", None) == before


# -- what a person reads ---------------------------------------------------------------------------------

# Words of English sentences that no Vietnamese sentence of ours holds (no Vietnamese word is spelled so).
ENGLISH = set("""
the of and is are was were your you with for not before after this that it from by be has have what
why how which who been would should could will request requests reply replies draft drafts review
reviewing sending screened screen already worth reporting report accept accepted ignore ignored verdict
note notes connection connections mutual profile chars edited approved pending sent rejected withdrawn
decided decision history when name status yet nothing no none see give found file row field expected
got missing unknown error warning skipped failed by confidence headline updated first screenings
received kind language there here them they their its our we all only more than
""".split())
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|`[^`\n]*`|\'[^\'\n]*\'')
FLAG_LINE = re.compile(r"^\s*[+-] [a-z_]+: ")


def english_sentences(text: str, names: list[str], *, evidence: bool = False) -> list[str]:
    """The lines of `text` that read as English: two English words or more once names, ids, quoted
    text and (unless `evidence`) each flag's evidence are taken out. The second pass, which
    translates the evidence, calls it with evidence=True."""
    found = []
    for line in text.splitlines():
        if not evidence and FLAG_LINE.match(line):
            line = FLAG_LINE.match(line).group(0)
        for name in sorted(names, key=len, reverse=True):
            if name in line:
                line = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", line)
        line = QUOTED.sub(" ", line)
        line = re.sub(r"\b(?:req|test)-[\w-]+|\b[a-z]+_[a-z_]+\b|https?://\S+|\S+\.(?:json|toml|csv|zip|db)\b", " ", line)
        words = [word for word in re.findall(r"[^\W\d_]+", line.lower()) if word in ENGLISH]
        if len(words) >= 2:
            found.append(f"{line.strip()}  <- {words}")
    return found


def _sample_names() -> list[str]:
    names = []
    for path in sorted((FIXTURES / "requests").glob("*.json")):
        data = json.loads(path.read_text())
        for item in data if isinstance(data, list) else [data]:
            names.append(item["sender"]["name"])
            if item.get("note"):
                names.append(item["note"])
    return names + ["LinkedIn", "Đặng Khắc Minh", "Minh"]


def _replies(run, *args: str) -> list[str]:
    """The lines of the drafts (written in the reply language, not the interface's): from --json."""
    code, out, _ = run(*args, "--json")
    lines = []
    for line in out.splitlines():
        data = json.loads(line)
        text = (data.get("reply") or {}).get("text") if "reply" in data else data.get("text")
        lines += [part.strip() for part in (text or "").splitlines() if part.strip()]
    return lines


def test_the_english_sentence_check_finds_english():
    assert english_sentences("  Draft reply (clarify, vi) - review before sending:", [])
    assert english_sentences("40 requests: 11 accept, 6 ask, 23 ignore", [])
    assert not english_sentences("  Bản nháp trả lời (hỏi rõ, vi) - xem lại trước khi gửi:", [])
    assert not english_sentences('  + personalized_note: note explains why: "tuyển"', [])
    assert english_sentences('  + personalized_note: note explains why: "tuyển"', [], evidence=True)


def test_screen_under_vi_reads_as_vietnamese_from_the_first_line_to_the_last(run):
    replies = _replies(run, "screen", SAMPLE, "--config", ANALYST_VI, "--no-store")
    code, out, err = run("screen", SAMPLE, "--config", ANALYST_VI)
    assert code == 0, err
    exempt = _sample_names() + replies
    assert not english_sentences(out, exempt), english_sentences(out, exempt)[:8]
    assert "CHẤP NHẬN" in out and "BỎ QUA" in out and "HỎI LẠI" in out
    assert "Bản nháp trả lời" in out and "xem lại trước khi gửi" in out
    assert "báo cáo với LinkedIn" in out
    assert "40 yêu cầu: 10 chấp nhận, 7 hỏi lại, 23 bỏ qua; 9 nên báo cáo với LinkedIn" in out.splitlines()[-1]


def test_screen_under_en_reads_as_today(run):
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--lang", "en", "--no-store")
    assert code == 0
    assert "Draft reply (clarify, vi) - review before sending:" in out
    assert "! worth reporting to LinkedIn (likely fake, scam or manipulation)" in out
    # req-32 (an Indonesian payments analyst, labelled accept with ask acceptable) moves between
    # accept and ask with the learned reader's retraining (BENCHMARKS.md, version 13)
    assert out.splitlines()[-1].startswith("40 requests: 10 accept, 7 ask, 23 ignore; 9 worth reporting to LinkedIn")
    assert "Ignore: " in out and "Nên bỏ qua" not in out  # the summary follows the interface language


def test_lang_is_taken_before_or_after_the_command(run):
    code, out, _ = run("--lang", "vi", "screen", SAMPLE, "--config", ENG_LEAD, "--no-store")
    assert code == 0 and "yêu cầu:" in out.splitlines()[-1]
    code, out, _ = run("screen", SAMPLE, "--config", ENG_LEAD, "--no-store", "--lang=vi")
    assert code == 0 and "yêu cầu:" in out.splitlines()[-1]
    code, out, _ = run("screen", SAMPLE, "--config", ENG_LEAD, "--no-store")
    assert code == 0 and "requests:" in out.splitlines()[-1]


def test_assist_lang_and_the_locale_choose_the_interface(run, monkeypatch, tmp_path):
    config = tmp_path / "auto.toml"  # [me] language = "auto": nothing said, so ASSIST_LANG, then the locale
    config.write_text((FIXTURES / "configs" / "eng-lead-en.toml").read_text().replace('language = "en"', 'language = "auto"'))
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, out, _ = run("screen", SAMPLE, "--config", str(config), "--no-store")
    assert code == 0 and "yêu cầu:" in out.splitlines()[-1]
    monkeypatch.setenv("ASSIST_LANG", "en")
    code, out, _ = run("screen", SAMPLE, "--config", str(config), "--no-store")
    assert "requests:" in out.splitlines()[-1]
    code, out, _ = run("screen", SAMPLE, "--config", ENG_LEAD, "--no-store", "--lang", "vi")
    assert "yêu cầu:" in out.splitlines()[-1]


def test_json_stays_english_but_its_summary_follows_the_interface(run):
    code, out, _ = run("screen", str(FIXTURES / "requests" / "16-crypto-guaranteed-returns.json"), "--config", ENG_LEAD,
                       "--json", "--no-store", "--lang", "vi")
    result = json.loads(out)
    assert result["verdict"] == "ignore" and result["summary"].startswith("Nên bỏ qua")
    assert all(re.fullmatch(r"[a-z_]+", flag["id"]) for flag in result["flags"])
    code, out, _ = run("screen", str(FIXTURES / "requests" / "16-crypto-guaranteed-returns.json"), "--config", ENG_LEAD,
                       "--json", "--no-store")
    assert json.loads(out)["summary"].startswith("Ignore")


def test_a_resumed_verdict_is_resumed_and_its_summary_shown_in_the_interface_language(run):
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--lang", "en", "--json")
    first = {json.loads(line)["id"]: json.loads(line) for line in out.splitlines()}
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--json")
    again = {json.loads(line)["id"]: json.loads(line) for line in out.splitlines()}
    assert all(result["resumed"] for result in again.values())
    assert first["req-16"]["summary"].startswith("Ignore") and again["req-16"]["summary"].startswith("Nên bỏ qua")
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI)
    assert "40 yêu cầu đã được sàng lọc trước đó" in out


def test_review_list_show_and_history_under_vi(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # no cell cut short: a draft's text is exempt whole
    run("screen", SAMPLE, "--config", ANALYST_VI)
    code, _, _ = run("decide", "req-22", "accept")
    assert code == 0
    names = _sample_names() + _replies(run, "review", "list")
    for args in (["review", "list"], ["review", "show", "req-22"], ["show", "req-22"], ["show", "req-16"],
                 ["list"], ["history"], ["learned", "list"]):
        code, out, err = run("--lang", "vi", *args)
        assert code == 0, err
        assert out.strip()
        assert not english_sentences(out, names), (args, english_sentences(out, names)[:5])
    code, out, _ = run("--lang", "en", "review", "list")
    assert out.startswith("ID")


@pytest.mark.parametrize("args", [
    ["screen", "no-such-file.json"],
    ["screen", "--config", "no-such.toml", "x.json"],
    ["review", "show", "req-nothing"],
    ["forget"],
    ["list", "--since", "someday"],
])
def test_error_lines_under_vi(run, args, tmp_path):
    run("screen", SAMPLE, "--config", ANALYST_VI)
    code, out, err = run("--lang", "vi", *args)
    assert code == 2
    lines = err.strip().splitlines()
    assert any(line.startswith("assist: lỗi: ") for line in lines), err
    assert not english_sentences(err, ["no-such-file.json", "no-such.toml", "req-nothing", "someday"]), err


def test_a_bad_file_in_a_batch_is_named_in_vietnamese_and_the_good_ones_screened(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    shutil.copy(FIXTURES / "requests" / "16-crypto-guaranteed-returns.json", tmp_path / "good.json")
    code, out, err = run("--lang", "vi", "screen", str(tmp_path), "--config", ANALYST_VI, "--no-store")
    assert code == 2
    assert "BỎ QUA" in out
    assert "bad.json" in err and not english_sentences(err, [str(bad), "bad.json"]), err


def test_help_lists_the_commands_in_the_interface_language(run):
    code, out, _ = run("--lang", "vi", "--help")
    assert code == 0
    assert "Sàng lọc yêu cầu: kết luận (chấp nhận, hỏi lại, bỏ qua)" in out
    assert "Hiện mọi thông tin về một yêu cầu." in out
    code, out, _ = run("review", "--help", "--lang", "vi")
    assert "Xem lại các bản nháp trả lời" in out and "Liệt kê các bản nháp, cũ nhất trước." in out
    code, out, _ = run("--help")  # English again, in the same process
    assert "Screen requests: a verdict (accept, ask, ignore)" in out and "Sàng lọc" not in out
    assert "Show everything about one request." in out


def test_an_unknown_lang_is_one_line_and_exit_2(run):
    code, out, err = run("screen", SAMPLE, "--lang", "fr")
    assert code == 2 and out == ""
    assert err == "assist: error: --lang: expected one of en, vi (got 'fr')\n"
    code, _, err = run("--lang=", "list")
    assert code == 2 and err.count("\n") == 1 and "--lang" in err


# -- each flag's evidence (second pass) ---------------------------------------------------------------

# Criteria whose evidence is still said in English only, excluded here by id: none since the second
# pass (injection.py's and scams.py's evidence is read back too).
STILL_ENGLISH: tuple[str, ...] = ()
EXPORT = str(FIXTURES / "export" / "analyst-vi.zip")


def _without_english_criteria(out: str) -> str:
    return "\n".join(line for line in out.splitlines()
                     if not any(re.match(rf"^\s*[+-] {criterion}: ", line) for criterion in STILL_ENGLISH))


@pytest.mark.parametrize("config", [ANALYST_VI, ENG_LEAD])
def test_each_flag_s_evidence_reads_as_vietnamese(run, config):
    replies = _replies(run, "screen", SAMPLE, "--config", config, "--no-store", "--lang", "vi")
    code, out, err = run("screen", SAMPLE, "--config", config, "--no-store", "--lang", "vi")
    assert code == 0, err
    exempt = _sample_names() + replies
    found = english_sentences(_without_english_criteria(out), exempt, evidence=True)
    assert not found, found[:8]
    assert "lời nhắn nêu lý do:" in out and "yêu cầu không kèm lời nhắn" in out


def test_the_export_s_evidence_reads_as_vietnamese_with_its_months(run):
    code, out, err = run("screen", SAMPLE, "--config", ANALYST_VI, "--no-store", "--export", EXPORT, "--lang", "vi")
    assert code == 0, err
    assert "bạn đã trao đổi 6 tin nhắn với họ, lần gần nhất vào tháng 3 năm 2025 (messages.csv, khớp theo URL hồ sơ)" in out
    assert "March" not in out
    code, _, err = run("screen", EXPORT, "--config", ANALYST_VI, "--no-store", "--lang", "vi")  # its own invitations
    assert "Lương Văn Khải là kết nối của bạn từ ngày 9 tháng 6 năm 2020 (Connections.csv, khớp theo URL hồ sơ)" in err
    found = english_sentences(_without_english_criteria(out), _sample_names() + _replies(
        run, "screen", SAMPLE, "--config", ANALYST_VI, "--no-store", "--export", EXPORT), evidence=True)
    assert not found, found[:8]


def test_under_en_the_evidence_is_as_before_and_json_keeps_english_evidence(run):
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--no-store", "--lang", "en", "--export", EXPORT)
    assert "you exchanged 6 messages with them, the last in March 2025 (messages.csv, matched by profile URL)" in out
    assert "- no_note: no note came with the request" in out
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--no-store", "--json", "--lang", "vi")
    english = [json.loads(line) for line in out.splitlines()]
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--no-store", "--json", "--lang", "en")
    assert [result["flags"] for result in english] == [json.loads(line)["flags"] for line in out.splitlines()]
    assert any(flag["evidence"] == "no note came with the request" for result in english for flag in result["flags"])


def test_a_verdict_screened_in_english_shows_its_evidence_in_vietnamese(run):
    run("screen", SAMPLE, "--config", ANALYST_VI, "--lang", "en")
    for args in (["show", "req-02"], ["screen", SAMPLE, "--config", ANALYST_VI, "--all"]):
        code, out, err = run("--lang", "vi", *args)
        assert code == 0, err
        assert "yêu cầu không kèm lời nhắn" in out and "no note came with the request" not in out
    code, out, _ = run("--lang", "en", "show", "req-02")
    assert "no note came with the request" in out


def test_every_evidence_template_is_said_back_in_vietnamese():
    """Each template, filled, is read back from its English and shown with the catalogue's words,
    the values as they were (a quoted sender's words never translated)."""
    from assist import evidence

    i18n.activate("vi")
    try:
        for template in evidence.TEMPLATES:
            # A value that is always a template itself (a month, a date, a seller) is one, and said too.
            whole = {"seller": "the sender", "month": "March 2025", "date": "9 Jun 2020", "times": "once",
                     "field": "note", "place": "profile", "how": "written in base64", "how_also": "look-alike letters",
                     "how_then": "written backwards", "why": "it dictates the screening's verdict",
                     "kind": "promises returns", "problem": "the reply is empty", "issue": "the answer was empty", "attempts": "1 attempt", "contact": "a link",
                     "language": "English", "detected": "Vietnamese"}
            values = {name: "7" if name in evidence.NUMBERS else whole.get(name, f'"v{index}"')
                      for index, name in enumerate(template.fields)}
            english = template.format(**values)
            shown = evidence.shown(english)
            said = {name: evidence.shown(value) if name in whole else value for name, value in values.items()}
            assert shown == i18n._(template.message).format(**said), (template.message, shown)
            assert shown != english or template.message in evidence.SAME_IN_VIETNAMESE, template.message
    finally:
        i18n.activate("en")
    assert evidence.shown("no note came with the request") == "no note came with the request"


def test_evidence_assist_did_not_write_is_shown_as_it_is():
    from assist import evidence

    i18n.activate("vi")
    try:
        assert evidence.shown("The sender pitches outsourcing.") == "The sender pitches outsourcing."  # an LLM's words
        assert evidence.shown('note explains why: "hi"; the sender pitches') == 'note explains why: "hi"; the sender pitches'
        assert evidence.shown('no photo, no headline') == "không có ảnh đại diện, không có tiêu đề"
        assert evidence.shown("guard: openai said accept; capped to ask because of sales_pitch") == \
            "kiểm soát: openai kết luận chấp nhận; hạ xuống hỏi lại vì sales_pitch"
        assert evidence.shown('note: "we met"; names "SSI", where you worked') == \
            'lời nhắn: "we met"; nhắc đến "SSI", nơi bạn từng làm việc'
        assert evidence.shown("your export: you wrote to them once (messages.csv, matched by exact name)") == \
            "bản xuất của bạn: bạn đã nhắn cho họ một lần (messages.csv, khớp theo đúng tên)"
    finally:
        i18n.activate("en")


def test_every_seller_label_of_the_vocabulary_has_a_translation():
    import tomllib

    data = tomllib.loads((ROOT / "prompts" / "selling.toml").read_text())
    labels = [entry["label"] for table in ("roles", "purposes") for entry in data.get(table, {}).values()]
    catalogue = _catalogue()
    assert labels and all(catalogue.get(label) and catalogue.get(label).string for label in labels), \
        [label for label in labels if not (catalogue.get(label) and catalogue.get(label).string)]


def test_no_word_of_an_evidence_template_is_left_in_english(run):
    """Stricter than the English-sentence check: a line of evidence under vi holds no word of the
    English templates (outside the sender's quoted words), so no piece is left half translated."""
    from assist import evidence

    i18n.activate("vi")
    try:
        kept = {word for template in evidence.TEMPLATES for word in re.findall(r"[a-z]+", i18n._(template.message).lower())}
    finally:
        i18n.activate("en")
    english = {word for template in evidence.TEMPLATES if template not in evidence.LABELS  # a label's words name companies too
               for literal in template.literals for word in re.findall(r"[a-z]{3,}", literal.lower())} - kept
    code, out, _ = run("screen", SAMPLE, "--config", ANALYST_VI, "--no-store", "--export", EXPORT, "--lang", "vi")
    left = []
    for line in _without_english_criteria(out).splitlines():
        if FLAG_LINE.match(line):
            # The export's files, and what parentheses hold: values (the sender's fields, the user's industry).
            said = re.sub(r"\S+\.csv\b|\([^()]*\)", " ", QUOTED.sub(" ", line[FLAG_LINE.match(line).end():]))
            words = set(re.findall(r"[a-z]+", said.lower()))
            if words & english:
                left.append((line, sorted(words & english)))
    assert not left, left[:5]


def test_a_text_built_to_be_slow_to_read_is_shown_as_it_is():
    from assist import evidence

    i18n.activate("vi")
    try:
        for text in (", ".join(['r at c ("s"'] * 400), "; ".join(["t (s, matched by m"] * 200)):
            assert evidence.shown(text) == text
    finally:
        i18n.activate("en")
