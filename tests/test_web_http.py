"""Issue 16, the local review page at the HTTP level: the token, the Host header, CSRF and Origin,
the security headers, escaping, compare-and-set conflicts, and every action through the store."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys

import pytest

from assist.store import Store
from web_helpers import call, db, english, form_fields, path_of, running, seed, start  # noqa: F401 (fixtures)


def page(running, query: str = "?week=2026-W47") -> str:
    status, _, text = call(running.port, "GET", path_of(running.url) + query)
    assert status == 200
    return text


def pending_id(db) -> str:
    with Store.open(db) as store:
        return store.drafts("pending")[0].request_id


def test_the_address_holds_a_long_random_token_and_binds_loopback(running):
    assert running.url.startswith(f"http://127.0.0.1:{running.port}/")
    assert len(path_of(running.url).strip("/")) >= 32


@pytest.mark.parametrize("path", ["/", "/static/review.css", "/act", "/wrong-token/", "/{token}x/"])
def test_without_the_right_token_every_request_is_refused_with_no_data(running, path):
    token = path_of(running.url).strip("/")
    status, _, text = call(running.port, "GET", path.format(token=token))
    assert status in (403, 404) and "req-" not in text and len(text) < 100
    status, _, text = call(running.port, "POST", path.format(token=token), body={"id": "req-02", "action": "approve"})
    assert status in (403, 404) and len(text) < 100


def test_a_foreign_host_header_is_refused(running):
    for host in ("evil.example", f"evil.example:{running.port}", "127.0.0.1:1"):
        status, _, text = call(running.port, "GET", path_of(running.url), host=host)
        assert status == 403 and "req-" not in text
    assert call(running.port, "GET", path_of(running.url), host=f"localhost:{running.port}")[0] == 200


def test_the_page_sends_strict_security_headers(running):
    status, headers, _ = call(running.port, "GET", path_of(running.url))
    assert status == 200
    csp = headers["content-security-policy"]
    directives = dict((part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == ["'none'"] and directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert all(set(sources) <= {"'self'", "'none'"} for sources in directives.values()), csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_no_inline_script_or_style_and_no_remote_asset(running):
    text = page(running)
    assert not re.search(r"<script(?![^>]*\bsrc=)", text), "inline script"
    assert "<style" not in text and " style=" not in text and " on" + "click=" not in text
    assert not re.search(r'(?:src|href)="(?:https?:)?//(?!www\.linkedin\.com)', text.split("<main", 1)[0])
    for asset in re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', text):
        assert not asset.startswith(("http", "//"))


def test_hostile_sender_text_is_escaped_and_a_javascript_url_is_not_a_link(running):
    text = page(running, "?week=2026-W48")
    assert "Mallory" in text
    assert "<script>window.__pwned" not in text and "<img src=x" not in text and "<b onclick" not in text
    assert "&lt;script&gt;window.__pwned=1" in text
    assert 'href="javascript:' not in text.lower()
    assert "javascript:window.__pwned=5" in text  # shown, as text


def test_a_post_without_the_csrf_token_changes_nothing(running, db):
    request_id = pending_id(db)
    fields = form_fields(page(running), request_id)
    for bad in ({k: v for k, v in fields.items() if k != "csrf"}, fields | {"csrf": "x" * len(fields["csrf"])}):
        status, _, _ = call(running.port, "POST", path_of(running.url) + "act", body=bad | {"action": "approve"})
        assert status == 403
    with Store.open(db) as store:
        assert store.draft(request_id).status == "pending"


def test_a_post_from_a_foreign_origin_changes_nothing(running, db):
    request_id = pending_id(db)
    fields = form_fields(page(running), request_id)
    status, _, _ = call(running.port, "POST", path_of(running.url) + "act", body=fields | {"action": "approve"},
                        headers={"Origin": "http://evil.example"})
    assert status == 403
    with Store.open(db) as store:
        assert store.draft(request_id).status == "pending"


def test_state_changes_need_post(running):
    status, _, _ = call(running.port, "GET", path_of(running.url) + "act?action=approve&id=req-02")
    assert status == 405


def test_an_action_redirects_back_with_a_one_line_message_and_a_refusal_is_the_store_s_text(running, db):
    request_id = pending_id(db)
    fields = form_fields(page(running, "?week=2026-W47&state=pending"), request_id)
    status, headers, _ = call(running.port, "POST", path_of(running.url) + "act", body=fields | {"action": "reject"},
                              headers={"Origin": f"http://127.0.0.1:{running.port}"})
    assert status == 303 and "state=pending" in headers["location"]
    shown = page(running, "?" + headers["location"].split("?", 1)[1].split("#")[0])
    assert re.search(r'role="status"[^>]*>[^<]*rejected', shown)
    with Store.open(db) as store:
        assert store.draft(request_id).status == "rejected"
        expected = None
        try:
            store.act(request_id, "mark-sent")
        except Exception as error:  # the state machine's refusal, as the CLI says it
            expected = str(error)
    status, headers, _ = call(running.port, "POST", path_of(running.url) + "act", body=fields | {"action": "mark-sent"})
    assert status == 303
    shown = page(running, "?" + headers["location"].split("?", 1)[1].split("#")[0])
    import html

    assert expected and expected in html.unescape(shown)
    call(running.port, "POST", path_of(running.url) + "act", body=fields | {"action": "reopen"})
    with Store.open(db) as store:
        assert store.draft(request_id).status == "pending"


def test_an_edit_over_a_draft_changed_elsewhere_replaces_nothing_and_shows_both(running, db):
    request_id = pending_id(db)
    fields = form_fields(page(running), request_id)
    with Store.open(db) as other:  # another terminal, after the page loaded
        other.edit(request_id, "Edited in the terminal meanwhile")
    status, headers, _ = call(running.port, "POST", path_of(running.url) + "act",
                              body=fields | {"action": "edit", "text": "Mine from the page"})
    assert status == 303
    shown = page(running, "?" + headers["location"].split("?", 1)[1].split("#")[0])
    assert "Edited in the terminal meanwhile" in shown and "Mine from the page" in shown
    assert "changed since the page was loaded" in shown
    with Store.open(db) as store:
        assert store.draft(request_id).text == "Edited in the terminal meanwhile"
    status, headers, _ = call(running.port, "POST", path_of(running.url) + "act",
                              body=fields | {"action": "approve"})
    with Store.open(db) as store:
        assert store.draft(request_id).status == "pending"


def test_filters_and_weeks(running):
    everything = page(running)
    asks = page(running, "?week=2026-W47&verdict=ask")
    assert "Mallory" in page(running, "")  # the latest week with requests comes first
    assert asks.count('class="card ') < everything.count('class="card ')
    assert 'class="card verdict-accept' not in asks and 'class="card verdict-ignore' not in asks
    assert "2026-W47" in everything and 'href="?week=2026-W48' in everything  # the next week with requests
    later = page(running, "?week=2026-W48")
    assert "Mallory" in later and "Lê Minh Tuấn" not in later and 'href="?week=2026-W47' in later
    assert 'id="reported"' in everything


def test_a_bad_port_and_a_port_in_use_are_one_line_exit_2(db, tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    for port in (str(busy.getsockname()[1]), "70000"):
        done = subprocess.run([sys.executable, "-m", "assist", "review", "--web", "--no-browser", "--port", port,
                               "--db", str(db)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    busy.close()
    done = subprocess.run([sys.executable, "-m", "assist", "review", "--web", "--no-browser", "--db",
                           str(tmp_path / "none.db")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_it_prints_the_address_and_stops_after_the_idle_time(db):
    done = subprocess.run([sys.executable, "-m", "assist", "review", "--web", "--no-browser", "--idle-minutes", "0.02",
                           "--db", str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert re.search(r"http://127\.0\.0\.1:\d+/[\w-]{32,}/", done.stdout)
    assert "idle" in done.stdout.splitlines()[-1]


def non_loopback_addresses() -> list[str]:
    found = set()
    try:
        found.add(socket.gethostbyname(socket.gethostname()))
    except OSError:
        pass
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout
        found.update(out.split())
    except (OSError, subprocess.SubprocessError):
        pass
    return sorted(a for a in found if not a.startswith("127.") and ":" not in a)


def test_the_server_is_not_reachable_on_another_address(running):
    addresses = non_loopback_addresses()
    if not addresses:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    for address in addresses:
        with pytest.raises(OSError):
            socket.create_connection((address, running.port), timeout=2).close()


def post(running, fields: dict, action: str, **extra) -> str:
    """POST one button of a card; the page it redirects to."""
    status, headers, _ = call(running.port, "POST", path_of(running.url) + "act", body=fields | {"action": action} | extra)
    assert status == 303
    return page(running, "?" + headers["location"].split("?", 1)[1].split("#")[0])


def test_switch_kind_and_language_go_through_the_terminal_review_s_regeneration(running, db):
    from assist.vocabulary import REPLY_KINDS

    request_id = pending_id(db)
    with Store.open(db) as store:
        before = store.draft(request_id)
    shown = post(running, form_fields(page(running), request_id), "kind")
    with Store.open(db) as store:
        after = store.draft(request_id)
    assert after.kind == REPLY_KINDS[(REPLY_KINDS.index(before.kind) + 1) % len(REPLY_KINDS)]
    assert request_id in shown and "a new draft" in shown
    post(running, form_fields(page(running), request_id), "language")
    with Store.open(db) as store:
        assert store.draft(request_id).language != after.language
        assert [entry["action"] for entry in store.draft_history(request_id)][-2:] == ["regenerated", "regenerated"]


def test_regenerate_is_offered_only_when_the_backend_can_word_it_anew(running):
    text = page(running)
    assert 'value="regenerate"' not in text and "offline engine writes the same text" in text


def test_after_a_conflict_the_user_can_save_theirs_over_the_stored_text(running, db):
    request_id = pending_id(db)
    fields = form_fields(page(running), request_id)
    with Store.open(db) as other:
        other.edit(request_id, "Theirs, from the terminal")
    shown = post(running, fields, "edit", text="Mine, from the page")
    import html

    conflict = re.search(r'<section class="conflict".*?</section>', shown, re.S).group(0)
    again = {html.unescape(k): html.unescape(v) for k, v in re.findall(r'name="([^"]+)" value="([^"]*)"', conflict)}
    assert again["seen"] == "Theirs, from the terminal"
    post(running, again, "overwrite", text="Mine, from the page")
    with Store.open(db) as store:
        assert store.draft(request_id).text == "Mine, from the page"


def as_at_a_terminal() -> None:
    """In the child: Ctrl-C (SIGINT) does what it does at a terminal. A run started in the
    background without job control (as CI may run the suite) ignores SIGINT, and its children
    inherit that: the page would then rightly not stop, and the test would wait for nothing."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_it_opens_the_browser_unless_told_not_to_and_stops_on_ctrl_c(db, tmp_path):
    import os
    import signal
    import time

    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\n")
    env = os.environ | {"BROWSER": f"{sys.executable} {browser} %s", "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1"}
    process = subprocess.Popen([sys.executable, "-m", "assist", "review", "--web", "--db", str(db)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=as_at_a_terminal)
    address = process.stdout.readline().strip()
    deadline = time.monotonic() + 20
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        out, err = process.communicate()
        raise AssertionError("HUNG\n" + out + "\n" + err)
    assert re.search(r"http://127\.0\.0\.1:\d+/[\w-]+/", address)
    assert opened.read_text() in address
    assert process.returncode == 0 and "Traceback" not in err, err
    assert out.strip().splitlines()[-1] == "Stopped."


def test_ctrl_c_while_the_browser_is_still_starting_stops_the_page_as_well(db, tmp_path):
    import os
    import signal
    import time

    started = tmp_path / "started.txt"
    browser = tmp_path / "slow_browser.py"  # a browser that takes its time to open, as a cold one does
    browser.write_text(f"import os, time; os.close(1); os.close(2); open({str(started)!r}, 'w').write('1'); time.sleep(30)\n")
    env = os.environ | {"BROWSER": f"{sys.executable} {browser} %s", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "assist", "review", "--web", "--db", str(db)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=as_at_a_terminal)
    process.stdout.readline()
    deadline = time.monotonic() + 20
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert started.exists()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "Traceback" not in err, err
    assert out.strip().splitlines()[-1] == "Stopped."


@pytest.fixture(scope="module")
def running_vi(tmp_path_factory):
    server = start(seed(tmp_path_factory.mktemp("web-vi"), lang="vi"), lang="vi")
    yield server
    server.stop()


SENDERS_TEXT = re.compile(r'<textarea.*?</textarea>|<p class="headline">.*?</p>|<p class="facts">.*?</p>|'
                          r'<blockquote class="note">.*?</blockquote>|<span class="name">.*?</span>|<code>.*?</code>|'
                          r'<b>[a-z_]+</b>|<pre class="stored">.*?</pre>', re.S)


def test_under_vi_the_page_has_no_english_sentence(running_vi):
    import html

    import assist.i18n
    from test_i18n import _sample_names, english_sentences

    assist.i18n.setup("vi")
    for query in ("?week=2026-W47", "?week=2026-W48", "?week=2026-W47&verdict=ask&state=pending", "?verdict=bogus"):
        status, _, text = call(running_vi.port, "GET", path_of(running_vi.url) + query)
        assert status == 200 and '<html lang="vi">' in text
        shown = html.unescape(re.sub(r"<[^>]+>", "\n", SENDERS_TEXT.sub(" ", text)))
        assert "Yêu cầu trong tuần" in shown and "Duyệt" in shown
        found = english_sentences(shown, _sample_names() + ["Mallory"])
        assert not found, found
    fields = form_fields(page(running_vi), pending_id_of(running_vi))
    status, headers, _ = call(running_vi.port, "POST", path_of(running_vi.url) + "act", body=fields | {"action": "reject"})
    shown = page(running_vi, "?" + headers["location"].split("?", 1)[1].split("#")[0])
    assert "đã loại" in html.unescape(shown)


def pending_id_of(running) -> str:
    return re.search(r'id="form-([^"]+)"[^>]*>(?:(?!</form>).)*value="approve"', page(running), re.S).group(1)


def test_with_an_llm_the_page_offers_regenerate_and_the_llm_words_the_draft_anew(tmp_path, monkeypatch):
    from helpers import FIXTURES
    from llm_servers import FakeServer, chat

    fake = FakeServer().start()
    config = tmp_path / "llm.toml"
    config.write_text((FIXTURES / "configs" / "analyst-vi.toml").read_text(encoding="utf-8")
                      + f'\n[llm]\nbackend = "openai"\nbase_url = "{fake.url}"\nmodel = "m"\nmax_retries = 0\n',
                      encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    anew = "Chào anh/chị Tuấn, cảm ơn anh/chị đã kết nối! Anh/chị biết tôi qua dịp nào ạ? Minh"
    fake.behaviour = lambda body: chat(json.dumps({"text": anew}))
    db = seed(tmp_path / "fresh")  # req-02's draft as screened: Vietnamese, clarify
    server = start(db, lang="en", config=str(config))
    try:
        text = page(server)
        assert 'value="regenerate"' in text and "offline engine writes the same text" not in text
        request_id = "req-02"  # Lê Minh Tuấn: the reply calls him by his given name
        fields = form_fields(text, request_id)
        status, headers, _ = call(server.port, "POST", path_of(server.url) + "act", body=fields | {"action": "regenerate"})
        assert status == 303
        with Store.open(db) as store:
            assert store.draft(request_id).text == anew
        assert fake.requests, "the LLM was not asked"
        fake.behaviour = lambda body: chat(json.dumps({"text": "Visit https://example.com now"}))
        fields = form_fields(page(server), request_id)  # another kind: not the answer cached above
        status, headers, _ = call(server.port, "POST", path_of(server.url) + "act", body=fields | {"action": "kind"})
        shown = page(server, "?" + headers["location"].split("?", 1)[1].split("#")[0])
        assert "the LLM reply failed" in shown, re.findall(r"role=\"status\"[^>]*>[^<]*", shown)  # the warning, on the page
    finally:
        server.stop()
        fake.stop()


def test_an_over_long_edit_is_refused_in_one_line_and_an_oversized_form_is_413(running, db, monkeypatch):
    from assist import limits

    monkeypatch.setattr(limits, "MAX_REPLY_CHARS", 50)
    request_id = pending_id(db)
    fields = form_fields(page(running), request_id)
    shown = post(running, fields, "edit", text="x" * 51)
    assert "longer than 50 characters" in shown
    with Store.open(db) as store:
        assert store.draft(request_id).text == fields["text"].replace("\r\n", "\n")
    status, _, _ = call(running.port, "POST", path_of(running.url) + "act", body=fields | {"text": "x" * (5 << 20)})
    assert status == 413


def test_switching_the_kind_of_a_draft_edited_elsewhere_replaces_nothing_and_shows_both(running, db):
    """A new draft is asked for the text the page showed: one edited in another terminal since is
    not replaced in silence (the page says so and shows both)."""
    request_id = pending_id(db)
    fields = form_fields(page(running), request_id)
    with Store.open(db) as other:
        other.edit(request_id, "Edited in the terminal before the switch")
    shown = post(running, fields, "kind")
    assert "Edited in the terminal before the switch" in shown and "changed since the page was loaded" in shown
    with Store.open(db) as store:
        draft = store.draft(request_id)
        assert draft.text == "Edited in the terminal before the switch" and draft.edited
