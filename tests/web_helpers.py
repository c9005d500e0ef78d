"""The review page under test (issue 16): a store seeded by screening the sample inbox (and one
hostile sender), served by assist's own server in a thread on 127.0.0.1, and plain HTTP calls."""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import FIXTURES

ANALYST = str(FIXTURES / "configs" / "analyst-vi.toml")
HOSTILE = {
    "id": "req-hostile",
    "sender": {"name": "<script>window.__pwned=1</script>Mallory <img src=x onerror=\"window.__pwned=2\">",
               "headline": "<b onclick=\"window.__pwned=3\">CEO</b>", "company": "Evil</textarea><script>window.__pwned=4</script>",
               "profile_url": "javascript:window.__pwned=5"},
    "note": "Hi </textarea><script>window.__pwned=6</script> let's connect",
    "received_at": "2026-11-25T10:00:00+07:00",
}


def seed(home: Path, lang: str = "en") -> Path:
    """A store with the sample inbox and the hostile sender screened into it; its path."""
    from assist.cli import main

    db = home / "review.db"
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    for path in sorted((FIXTURES / "requests").glob("*.json")):
        (inbox / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (inbox / "99-hostile.json").write_text(json.dumps(HOSTILE), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSIST_HOME", str(home / "assist-home"))
        for name in ("ASSIST_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
            patch.delenv(name, raising=False)
        assert main(["screen", str(inbox), "-c", ANALYST, "--lang", lang, "--json", "--db", str(db)]) == 0
    return db


@dataclass
class Running:
    server: object
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return self.server.port

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(10)


def start(db: Path, lang: str | None = None, config: str = ANALYST) -> Running:
    """assist's review server on the store, in a thread, speaking `lang` (the config's when None)."""
    from assist.config import load_config
    from assist.i18n import activate, configured
    from assist.web.server import ReviewServer

    user = load_config(config)
    configured(user)
    if lang:
        activate(lang)
    server = ReviewServer(db, user, config, port=0, idle_minutes=30)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    return Running(server, thread)


def call(port: int, method: str, path: str, body: dict | None = None, headers: dict | None = None,
         host: str | None = None, address: str = "127.0.0.1"):
    """(status, headers, text) of one request."""
    connection = http.client.HTTPConnection(address, port, timeout=10)
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    sent = {"Host": host or f"127.0.0.1:{port}"} | ({"Content-Type": "application/x-www-form-urlencoded"} if data else {}) \
        | (headers or {})
    connection.request(method, path, body=data, headers=sent)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, text


def path_of(url: str) -> str:
    return urllib.parse.urlsplit(url).path


def form_fields(page: str, request_id: str) -> dict:
    """The hidden fields of a card's form, as the page gave them."""
    match = re.search(rf'<form[^>]*id="form-{re.escape(request_id)}".*?</form>', page, re.S)
    assert match, f"no form for {request_id}"
    import html

    fields = {html.unescape(name): html.unescape(value) for name, value in
              re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', match.group(0))}
    text = re.search(r"<textarea[^>]*>(.*?)</textarea>", match.group(0), re.S)
    if text:
        fields["text"] = html.unescape(text.group(1)).removeprefix("\n")
    return fields


# The fixtures the page's test modules share (imported there by name).
@pytest.fixture(autouse=True)
def english():
    """The server speaks English here, as `--lang en` says it (a decision re-reads the config, whose
    [me] language is Vietnamese)."""
    import assist.i18n

    assist.i18n.setup("en")


@pytest.fixture(scope="module")
def db(tmp_path_factory, request):
    """A store seeded for the module (one per test module: their tests act on it)."""
    return seed(tmp_path_factory.mktemp(request.module.__name__))


@pytest.fixture(scope="module")
def running(db):
    server = start(db, lang="en")
    yield server
    server.stop()
