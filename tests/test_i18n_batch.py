"""Issue 15: the Batch API's failures (a server down, a call rejected, a server with no Batch API,
a request the batch failed) are one line in the interface's language; in English as they were."""

from __future__ import annotations

import json
import socket

import openai
import pytest

from assist import batch_api
from assist.backends.errors import LLMError
from assist.backends.openai_backend import ServerSettings
from assist.evidence import shown
from assist.i18n import activate

CONFIG = """\
[me]
name = "Sarah Chen"
headline = "Engineering Lead at Northwind Labs"
goals = ["Hire senior backend engineers"]
language = "en"
interface_language = "{language}"
signature = "Sarah"
"""
GOOD = {"id": "req-a", "sender": {"name": "Alex Tran", "headline": "Backend engineer at Stripe", "company": "Stripe"},
        "note": "Hi Sarah, I enjoyed your talk on distributed systems at PyCon. Would love to connect."}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def submit_to_nobody(tmp_path, run, language: str):
    config = tmp_path / "assist.toml"
    config.write_text(CONFIG.format(language=language), encoding="utf-8")
    inbox = tmp_path / "inbox.jsonl"
    inbox.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    return run("batch", "submit", str(inbox), "-c", str(config), "--base-url", f"http://127.0.0.1:{closed_port()}/v1",
               "--model", "m")


def test_a_server_that_is_down_is_one_vietnamese_line(tmp_path, run):
    code, out, err = submit_to_nobody(tmp_path, run, "vi")
    assert code == 1 and len(err.splitlines()) == 1, err
    assert "cannot connect" not in err and "the batch file upload" not in err and "is the server running" not in err, err
    assert "--base-url" in err  # the option, as written


def test_a_server_that_is_down_reads_as_before_in_english(tmp_path, run):
    code, out, err = submit_to_nobody(tmp_path, run, "en")
    assert code == 1 and "cannot connect for the batch file upload" in err and "is the server running? check --base-url" in err


def _status_error(status: int) -> openai.APIStatusError:
    """The SDK's error for an HTTP status, with only what assist reads of it (its status and body)."""
    error = openai.NotFoundError.__new__(openai.NotFoundError)
    error.status_code, error.message, error.body = status, "Not Found", {"error": {"message": "Not Found"}}
    return error


def _failing(error):
    def call():
        raise error
    return call


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_server_with_no_batch_api_says_so_in_the_interface_language(language):
    settings = ServerSettings(base_url="http://127.0.0.1:9/v1", model="m")
    with pytest.raises(LLMError) as caught:
        batch_api._api_call(settings, batch_api.CREATING_THE_BATCH, _failing(_status_error(404)))
    english = str(caught.value)
    assert "this server has no Batch API" in english  # kept, printed in English and --json
    activate(language)
    try:
        line = shown(english)
    finally:
        activate("en")
    if language == "en":
        assert line == english
    else:
        assert "no Batch API" not in line and "creating the batch" not in line and "HTTP 404" in line, line


@pytest.mark.parametrize("item", [
    {"error": {"code": "invalid_request", "message": "bad line"}},
    {"response": {"status_code": 500, "body": {"error": {"message": "server error"}}}},
])
def test_a_request_the_batch_failed_is_said_in_vietnamese(item):
    english = batch_api._failure(item)
    assert english.startswith("the batch failed it")
    activate("vi")
    try:
        line = shown(english)
    finally:
        activate("en")
    assert "the batch failed it" not in line, line
