"""Hostile input, part 2: property-based tests for every input parser.

Whatever the bytes, `load.load_requests` gives requests or one clear error per item (an InputError
whose one-line message names the place), `config.parse_config` a config or one InputError, and
`validate`'s answer parsing a parsed answer or one AnswerProblem; never another exception. The CLI
gives exit 0 or 2, and each line on stderr starts with "assist:" (no traceback).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from assist.cli import main
from assist.config import UserConfig, parse_config
from assist.errors import InputError
from assist.load import INVITATIONS_HEADER, Loaded, load_requests
from assist.models import Request
from assist.validate import AnswerProblem, LLMReply, LLMVerdict, extract_json, is_bare_json, parse_answer

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
FIELDS = ["name", "headline", "company", "industry", "location", "has_photo", "connections", "mutual_connections",
          "about", "experience", "profile_url"]
# Objects shaped almost like a request, so validation (not only decoding) is exercised.
senders = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values, max_size=6)
request_like = st.fixed_dictionaries(
    {"sender": senders | json_values},
    optional={"id": json_values, "note": json_values, "received_at": json_values, "x": json_values},
)
any_json = json_values | request_like | st.lists(request_like | json_values, max_size=4)
# Pieces that make hostile bytes likelier to reach deep code paths than uniform noise does.
pieces = st.sampled_from([
    b"{", b"}", b"[", b"]", b'"', b",", b":", b"\n", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"null",
    b'{"sender": {"name": "A"}}', INVITATIONS_HEADER.encode(), b"INCOMING", b"OUTGOING", b"[" * 3000,
    "Nguyễn".encode(), "\u2028\x85".encode(), b"\\u0000", b"\\ud800", b"1e999", b"1" * 5000, b"-", b" ",
])
hostile_bytes = st.binary(max_size=300) | st.lists(pieces, max_size=30).map(b"".join)


def check_loaded(items: list[Loaded], name: str) -> None:
    assert items, "every input gives at least one item or error"
    for item in items:
        assert (item.request is None) != (item.error is None), item
        assert item.origin.startswith(name)
        if item.error is not None:
            assert isinstance(item.error, InputError)
            message = str(item.error)
            assert message.startswith(name) and item.error.message, message
            assert len(message.splitlines()) == 1, message
        else:
            assert isinstance(item.request, Request) and item.request.sender.name.strip()


def load_file(data: bytes, suffix: str) -> tuple[list[Loaded], str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(load_requests([str(path)])), str(path)


# -- load.load_requests ---------------------------------------------------------------------------------

@FAST
@given(data=hostile_bytes, suffix=st.sampled_from([".json", ".jsonl", ".ndjson", ".csv", "", ".txt"]))
@example(data=b"[" * 100_000, suffix=".json")  # deeper than the decoder's stack: was a RecursionError
@example(data=b'{"sender": {"name": "A"}}\n' + b"[" * 100_000, suffix=".jsonl")
@example(data=b"\xef\xbb\xbf", suffix="")
@example(data=b"From,To,Sent At,Message,Direction\n", suffix=".csv")  # was no request and no error
@example(data=b'{"sender": {"name": "A", "connections": ' + b"1" * 5000 + b"}}", suffix=".json")  # was a ValueError
@example(data=b'{"sender": {"name": "A"}}\n[' + b"1" * 5000 + b"]", suffix=".jsonl")
@example(data='{"sender": {"name": "A", "connections": "1\u2028\\n2"}}'.encode(), suffix=".json")  # one line
def test_load_arbitrary_bytes(data, suffix):
    items, name = load_file(data, suffix)
    check_loaded(items, name)


@FAST
@given(value=any_json, suffix=st.sampled_from([".json", ""]), indent=st.sampled_from([None, 2]))
def test_load_arbitrary_json_values(value, suffix, indent):
    items, name = load_file(json.dumps(value, indent=indent).encode(), suffix)
    check_loaded(items, name)


@FAST
@given(lines=st.lists(any_json.map(json.dumps) | st.text(max_size=30), max_size=6),
       suffix=st.sampled_from([".jsonl", ".ndjson", ".json", ""]), newline=st.sampled_from(["\n", "\r\n"]))
def test_load_arbitrary_json_lines(lines, suffix, newline):
    items, name = load_file(newline.join(lines).encode("utf-8", "surrogatepass"), suffix)
    check_loaded(items, name)


csv_cell = st.text(max_size=15) | st.sampled_from(["INCOMING", "OUTGOING", "incoming", "", "11/21/25, 5:13 PM"])


@FAST
@given(rows=st.lists(st.lists(csv_cell, min_size=0, max_size=7), max_size=5), header=st.booleans(),
       raw_tail=st.text(max_size=40), suffix=st.sampled_from([".csv", ""]),
       extra_columns=st.booleans())
def test_load_arbitrary_csv(rows, header, raw_tail, suffix, extra_columns):
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        columns = INVITATIONS_HEADER.split(",") + (["inviterProfileUrl", "inviteeProfileUrl"] if extra_columns else [])
        writer.writerow(columns)
    writer.writerows(rows)
    text = out.getvalue() + raw_tail
    items, name = load_file(text.encode("utf-8", "surrogatepass"), suffix)
    check_loaded(items, name)


@FAST
@given(data=hostile_bytes | any_json.map(lambda v: json.dumps(v).encode()))
def test_load_arbitrary_standard_input(data):
    items = list(load_requests(["-"], stdin=io.BytesIO(data)))
    check_loaded(items, "<stdin>")


# -- config.parse_config ------------------------------------------------------------------------------

def toml_value(value) -> str:
    """A TOML value from a JSON-able one (JSON strings are TOML basic strings; null has no TOML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps("" if value is None else value)


CONFIG_KEYS = {
    "me": ["name", "headline", "industry", "location", "goals", "target_companies", "past_companies", "interests",
           "language", "signature"],
    "policy": ["openness", "always_accept", "never_accept"],
    "llm": ["backend", "base_url", "model", "api_key_env", "structured_output", "timeout", "max_retries",
            "temperature", "model_path"],
}
toml_leaf = (st.text(max_size=12) | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.booleans()
             | st.lists(st.text(max_size=8), max_size=3)
             | st.sampled_from(["en", "vi", "auto", "open", "balanced", "rules", "openai", "prompt", "-1", "1e3"]))


@st.composite
def toml_documents(draw) -> str:
    lines = []
    for section in draw(st.lists(st.sampled_from([*CONFIG_KEYS, "other"]) | st.text(max_size=6), max_size=4)):
        lines.append(f"[{json.dumps(section)}]")
        known = CONFIG_KEYS.get(section, [])
        keys = draw(st.lists(st.sampled_from(known) | st.text(max_size=6) if known else st.text(max_size=6), max_size=5))
        for key in keys:
            lines.append(f"{json.dumps(key)} = {toml_value(draw(toml_leaf | json_values))}")
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=20)))
    return "\n".join(lines) + "\n"


def check_config(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_bytes(data)
        try:
            config = parse_config(path)
        except InputError as error:
            message = str(error)
            assert message.startswith(str(path)) and error.message, message
            assert len(message.splitlines()) == 1, message
        else:
            assert isinstance(config, UserConfig)


@FAST
@given(data=hostile_bytes | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
@example(data=b"a = " + b"[" * 100_000)  # was a RecursionError out of tomllib
@example(data=b"[llm]\nmax_retries = " + b"1" * 5000)  # was a ValueError (Python's limit on digits)
def test_config_arbitrary_bytes(data):
    check_config(data)


@FAST
@given(document=toml_documents())
@example(document='[me]\nname = "A"\n"bad\\nkey" = 1\n')  # a key with a newline: the message stays one line
def test_config_arbitrary_toml(document):
    check_config(document.encode("utf-8", "surrogatepass"))


# -- validate: the LLM's answer -------------------------------------------------------------------------

verdict_like = st.fixed_dictionaries({}, optional={
    "verdict": st.sampled_from(["accept", "ask", "ignore", "ACCEPT", ""]) | json_values,
    "confidence": st.floats(allow_nan=True) | st.sampled_from(["85%", "0.5", "x", "1e400"]) | json_values,
    "summary": json_values, "report": json_values, "reply": json_values, "text": json_values,
    "flags": st.lists(st.fixed_dictionaries({}, optional={"id": json_values, "polarity": st.sampled_from(["red", "green"]) | json_values,
                                                          "evidence": json_values}), max_size=3) | json_values,
})
wrappers = st.sampled_from(["{}", "```json\n{}\n```", "<think>{x}</think>{}", "Sure! {} Hope this helps", "{}}}",
                            "</think>{}", "```\n{}", "{{}"])
answers = (
    st.text(max_size=300)
    | st.tuples(wrappers, verdict_like.map(lambda v: json.dumps(v, allow_nan=True))).map(lambda p: p[0].replace("{}", p[1], 1))
    | st.lists(st.sampled_from(["{", "}", "[", "]", '"', ":", ",", "<think>", "</think>", "```", "```json\n",
                                '"verdict"', '"accept"', "null", "1", "\n", "\\"]), max_size=60).map("".join)
)


@FAST
@given(text=answers)
@example(text="[" * 100_000)  # RecursionError out of json before the fix
@example(text='Here: {"a": ' + "[" * 100_000)
@example(text='{"verdict": "ask", "confidence": ' + "1" * 5000 + "}")
def test_answer_parsing_never_raises_anything_else(text):
    assert isinstance(is_bare_json(text), bool)
    for model in (LLMVerdict, LLMReply):
        try:
            answer = parse_answer(text, model)
        except AnswerProblem as problem:
            assert len(str(problem).splitlines()) == 1, str(problem)
        else:
            assert isinstance(answer, model)
    try:
        extract_json(text)
    except AnswerProblem:
        pass


# -- the CLI -------------------------------------------------------------------------------------------

@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=hostile_bytes | any_json.map(lambda v: json.dumps(v).encode()),
       suffix=st.sampled_from([".json", ".jsonl", ".csv", ""]))
@example(data=b"[" * 100_000, suffix=".json")
@example(data=b'{"sender": {"name": "A", "connections": ' + b"1" * 5000 + b"}}", suffix=".json")
@example(data=b"From,To,Sent At,Message,Direction\nA,B,,hi,OUTGOING\n", suffix=".csv")
def test_cli_screen_any_input_is_exit_0_or_2_with_assist_lines(data, suffix, capsys):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        capsys.readouterr()
        code = main(["screen", str(path), "--json", "--no-store"])
        out, err = capsys.readouterr()
    assert code in (0, 2), err
    assert "Traceback" not in err and "Traceback" not in out
    for line in err.splitlines():
        assert line.startswith("assist:"), err
    for line in out.splitlines():
        assert json.loads(line)["verdict"] in ("accept", "ask", "ignore")
    if code == 2:
        assert err.strip()


# --- issue 13: Invitations.csv records told apart without the csv module's field limit ---------------

csv_text_pieces = st.sampled_from(['"', '""', ",", "\n", "\r\n", "\r", "a", " ", "Nguyễn", '","', '\n"', "\u2028", "x,y"])


@FAST
@given(text=st.lists(csv_text_pieces, max_size=40).map("".join))
def test_csv_records_are_those_the_csv_module_reads(text):
    """Each record found by `load._records` (quotes counted, linear) reads, alone, as the same rows the
    csv module reads from the whole text: no line of a quoted field is ever a row of its own."""
    from assist.load import _records

    whole = [row for row in csv.reader(io.StringIO(text, newline="")) if row]
    lines = [line + b"\n" for line in text.encode().split(b"\n")]  # as the input is read: to each \n
    lines[-1] = lines[-1][:-1]
    records = list(_records([line for line in lines if line], "UTF-8"))
    apart = [row for _, record in records for row in csv.reader(record) if row]
    assert apart == whole


@FAST
@given(data=hostile_bytes, encoding=st.sampled_from(["utf-16", "utf-32", "utf-16-be"]))
def test_load_arbitrary_utf16_and_utf32(data, encoding):
    """Any text in UTF-16 or UTF-32 with a BOM reads as its UTF-8 form does (or with bad bytes, one
    error per item naming the line)."""
    text = data.decode("utf-8", "replace")
    bom = "\ufeff" if encoding.endswith("-be") else ""
    with tempfile.TemporaryDirectory() as folder:
        plain, wide = Path(folder) / "plain.jsonl", Path(folder) / "wide.jsonl"
        plain.write_bytes(text.encode("utf-8"))
        wide.write_bytes((bom + text).encode(encoding, "surrogatepass"))
        as_utf8 = [(item.origin.replace("plain", "wide"), item.request) for item in load_requests([str(plain)])]
        items = list(load_requests([str(wide)]))
        check_loaded(items, str(wide))
        if "\x00" not in text:
            # The same requests from the same lines. An error may be placed differently: UTF-8
            # bytes that open with a zip's signature are read as an archive (a LinkedIn export), and
            # a lone BOM is an empty file, where the wide file holds a line ("PK\x03\x04", "\ufeff").
            assert [item.request for item in items] == [request for _, request in as_utf8]
            assert [item.origin for item in items if item.request is not None] == \
                [origin for origin, request in as_utf8 if request is not None]
