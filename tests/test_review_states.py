"""Issue 12, the user's word in review: draft states as one state machine the store enforces, learning
that follows the states, decisions and drafts that agree, and short ids everywhere."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assist.errors import InputError
from assist.models import Reply
from assist.store import MIGRATIONS, Store
from helpers import FIXTURES, analyst, json_lines, request, run, screen

ANALYST = str(FIXTURES / "configs" / "analyst-vi.toml")
ASKED = dict(headline="Analyst at MoMo", company="MoMo", has_photo=True, connections=300)
WELCOME = Reply(kind="welcome", language="vi", text="Cảm ơn anh đã kết nối! Minh")
CLARIFY = Reply(kind="clarify", language="vi", text="Chào anh, mình quen nhau qua đâu ạ? Minh")


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "states.db") as opened:
        yield opened


def asked(store: Store, name: str = "Trần An", note: str | None = "Chào anh, em muốn kết nối") -> str:
    """A request screened `ask`, with its pending clarify draft; its id."""
    req = request(note, name=name, **ASKED)
    result = screen(req, analyst())
    assert result.verdict == "ask" and result.reply is not None
    store.record(req, result)
    return req.id


def status(store: Store, request_id: str) -> str:
    return store.draft(request_id).status


def history_actions(store: Store, request_id: str) -> list[str]:
    return [entry["action"] for entry in store.draft_history(request_id)]


# -- the state machine ------------------------------------------------------------------------------

# Each allowed path from a fresh pending draft, and the state it ends in.
ALLOWED = [
    (["approve"], "approved"),
    (["approve", "mark-sent"], "sent"),
    (["reject"], "rejected"),
    (["reject", "reopen"], "pending"),
    (["reject", "reopen", "approve"], "approved"),
    (["approve", "reopen"], "pending"),
]


@pytest.mark.parametrize("actions, end", ALLOWED)
def test_allowed_transitions(store, actions, end):
    request_id = asked(store)
    for action in actions:
        change = store.act(request_id, action)
        assert change.changed
    assert status(store, request_id) == end


# (how to get there, the action refused, words the refusal must hold: the state and the way forward)
REFUSED = [
    ([], "mark-sent", ["pending", "approve"]),
    (["reject"], "mark-sent", ["rejected", "reopen"]),
    (["reject"], "approve", ["rejected", "reopen"]),
    (["approve"], "reject", ["approved", "reopen"]),
    (["approve", "mark-sent"], "approve", ["sent", "final"]),
    (["approve", "mark-sent"], "reject", ["sent", "final"]),
    (["approve", "mark-sent"], "reopen", ["sent", "final"]),
]


@pytest.mark.parametrize("setup, action, words", REFUSED)
def test_refused_transitions_change_nothing_and_say_why(store, setup, action, words):
    request_id = asked(store)
    for step in setup:
        store.act(request_id, step)
    before = store.draft(request_id)
    history = store.draft_history(request_id)
    actions = store.history()
    with pytest.raises(InputError) as refused:
        store.act(request_id, action)
    message = str(refused.value)
    assert "\n" not in message and request_id in message
    assert all(word in message for word in words), message
    assert store.draft(request_id) == before
    assert store.draft_history(request_id) == history and store.history() == actions


@pytest.mark.parametrize("setup, action", [
    (["approve"], "approve"), (["approve", "mark-sent"], "mark-sent"), (["reject"], "reject"), ([], "reopen"),
])
def test_repeating_an_action_is_a_no_op_with_a_note(store, setup, action):
    request_id = asked(store)
    for step in setup:
        store.act(request_id, step)
    history, actions = store.draft_history(request_id), store.history()
    change = store.act(request_id, action)
    assert not change.changed and change.note and "already" in change.note
    assert store.draft_history(request_id) == history and store.history() == actions


def test_editing_an_approved_draft_makes_it_pending_again(store):
    request_id = asked(store)
    store.act(request_id, "approve")
    change = store.edit(request_id, "Chào anh, anh biết em qua dự án nào ạ? Minh")
    assert change.changed
    draft = store.draft(request_id)
    assert (draft.status, draft.edited, draft.text) == ("pending", True, "Chào anh, anh biết em qua dự án nào ạ? Minh")
    assert not store.edit(request_id, "Chào anh, anh biết em qua dự án nào ạ? Minh").changed  # the same text again


@pytest.mark.parametrize("setup, words", [
    (["reject"], ["rejected", "reopen"]), (["approve", "mark-sent"], ["sent", "final"]),
])
def test_a_rejected_or_sent_draft_cannot_be_edited(store, setup, words):
    request_id = asked(store)
    for step in setup:
        store.act(request_id, step)
    text = store.draft(request_id).text
    with pytest.raises(InputError) as refused:
        store.edit(request_id, "Something else entirely")
    assert all(word in str(refused.value) for word in words)
    assert store.draft(request_id).text == text


def test_every_change_is_kept_in_the_drafts_history(store):
    request_id = asked(store)
    generated = store.draft(request_id).text
    store.edit(request_id, "First words of mine")
    store.act(request_id, "approve")
    store.edit(request_id, "Second words of mine")
    store.act(request_id, "reject")
    store.act(request_id, "reopen")
    store.act(request_id, "approve")
    store.act(request_id, "mark-sent")
    history = store.draft_history(request_id)
    assert [entry["action"] for entry in history] == [
        "drafted", "edited", "approved", "edited", "rejected", "reopened", "approved", "sent"]
    assert [entry["status"] for entry in history] == [
        "pending", "pending", "approved", "pending", "rejected", "pending", "approved", "sent"]
    assert [entry["text"] for entry in history[:4]] == [generated, "First words of mine", "First words of mine",
                                                        "Second words of mine"]
    assert history[2]["from_status"] == "pending" and history[3]["from_status"] == "approved"


def test_screening_again_adds_no_history_when_the_draft_is_the_same(store):
    req = request("Chào anh, em muốn kết nối", name="Trần An", **ASKED)
    result = screen(req, analyst())
    store.record(req, result)
    store.record(req, result)
    assert history_actions(store, req.id) == ["drafted"]


def test_two_stores_racing_on_one_draft_apply_the_machine_to_what_is_on_disk(tmp_path):
    path = tmp_path / "race.db"
    with Store.open(path) as first, Store.open(path) as second:
        request_id = asked(first)
        first.act(request_id, "reject")
        with pytest.raises(InputError, match="rejected"):
            second.act(request_id, "approve")  # read inside its own transaction, not from a stale copy
        assert second.draft(request_id).status == "rejected"


# -- learning follows the states --------------------------------------------------------------------

def learned_replies(store: Store) -> dict[str, str | None]:
    return {example["id"]: example["reply"] for example in store.examples()}


def test_only_approved_sent_and_kept_edits_teach(store):
    approved, sent, edited, rejected, edited_then_rejected, untouched = (
        asked(store, name) for name in ("An Một", "Bình Hai", "Chi Ba", "Dũng Bốn", "Hà Năm", "Khoa Sáu"))
    store.act(approved, "approve")
    store.act(sent, "approve")
    store.act(sent, "mark-sent")
    store.edit(edited, "Anh Chi ơi, mình gặp nhau ở hội thảo nào ạ? Minh")
    store.act(rejected, "reject")
    store.edit(edited_then_rejected, "A reply I then threw away")
    store.act(edited_then_rejected, "reject")
    replies = learned_replies(store)
    assert set(replies) == {approved, sent, edited}
    assert replies[edited] == "Anh Chi ơi, mình gặp nhau ở hội thảo nào ạ? Minh"
    assert "A reply I then threw away" not in json.dumps(store.examples(), ensure_ascii=False)


def test_a_rejected_draft_with_a_decision_teaches_the_decision_only(store):
    request_id = asked(store)
    store.act(request_id, "reject")
    store.decide(request_id, "ignore")
    [example] = store.examples()
    assert example["decision"] == "ignore" and example["reply"] is None


def test_the_issue_reject_then_mark_sent_teaches_nothing(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    request_id = cli_asked(capsys, db)
    assert run(capsys, "review", "reject", request_id, "--db", db)[0] == 0
    code, out, err = run(capsys, "review", "mark-sent", request_id, "--db", db)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "rejected" in err and "reopen" in err
    code, out, err = run(capsys, "learned", "list", "--json", "--db", db)
    assert code == 0 and out.strip() == ""


def test_the_llm_is_shown_only_what_teaches(tmp_path):
    path = tmp_path / "reader.db"
    with Store.open(path) as store:
        kept, thrown = asked(store, "An Một", "Chào anh, em làm phân tích dữ liệu ở MoMo"), asked(
            store, "Bình Hai", "Chào anh, em làm phân tích dữ liệu ở MoMo nữa")
        store.edit(kept, "Kept reply about data at MoMo")
        store.act(kept, "approve")
        store.edit(thrown, "Thrown reply about data at MoMo")
        store.act(thrown, "reject")
        reader = store.example_reader()
        shown = reader(request("Chào anh, em cũng làm dữ liệu ở MoMo", name="Chi Ba", **ASKED))
        assert [example["reply"] for example in shown] == ["Kept reply about data at MoMo"]


def test_learned_list_shows_enough_to_recognise_each_example(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    request_id = cli_asked(capsys, db)
    run(capsys, "review", "edit", request_id, "--text", "Chào chị, mình gặp nhau ở buổi hội thảo fintech phải không ạ? Minh", "--db", db)
    run(capsys, "review", "approve", request_id, "--db", db)
    run(capsys, "decide", request_id, "ask", "--db", db)
    code, out, err = run(capsys, "learned", "list", "--db", db)
    assert code == 0, err
    sender = Store.open(db).request(request_id).sender
    assert sender.name in out and (sender.headline or "")[:20] in out
    assert "decided ask" in out and "approved" in out
    assert "mình gặp nhau ở buổi hội thảo" in out  # more than the greeting line


# -- decisions and drafts agree ---------------------------------------------------------------------

def test_accept_withdraws_a_pending_clarify_draft_and_offers_a_welcome(store):
    request_id = asked(store)
    clarify = store.draft(request_id).text
    decided = store.decide(request_id, "accept", WELCOME)
    assert decided.changed
    draft = store.draft(request_id)
    assert (draft.kind, draft.status, draft.text, draft.edited) == ("welcome", "pending", WELCOME.text, False)
    history = store.draft_history(request_id)
    assert [(e["action"], e["status"], e["kind"]) for e in history] == [
        ("drafted", "pending", "clarify"), ("withdrawn", "withdrawn", "clarify"), ("drafted", "pending", "welcome")]
    assert history[1]["text"] == clarify
    assert store.decision(request_id) == "accept"


def test_ignore_withdraws_a_pending_draft(store):
    request_id = asked(store)
    store.decide(request_id, "ignore")
    assert status(store, request_id) == "withdrawn"
    assert store.drafts("pending") == []
    assert request_id not in learned_replies(store) or learned_replies(store)[request_id] is None


def test_ask_offers_a_clarify_draft_when_there_is_none(store):
    req = request(None, name="Lê Văn Nam", headline="Student")
    result = screen(req, analyst())
    store.record(req, result.model_copy(update={"reply": None, "verdict": "ignore"}))
    with pytest.raises(InputError):
        store.draft(req.id)
    store.decide(req.id, "ask", CLARIFY)
    draft = store.draft(req.id)
    assert (draft.kind, draft.status, draft.text) == ("clarify", "pending", CLARIFY.text)


def test_ask_after_ignore_offers_clarify_in_place_of_the_withdrawn_draft(store):
    request_id = asked(store)
    store.decide(request_id, "ignore")
    store.decide(request_id, "ask", CLARIFY)
    assert (status(store, request_id), store.draft(request_id).text) == ("pending", CLARIFY.text)


def test_ask_keeps_a_pending_draft_it_finds(store):
    request_id = asked(store)
    text = store.draft(request_id).text
    store.decide(request_id, "ask", CLARIFY)
    assert store.draft(request_id).text == text and history_actions(store, request_id) == ["drafted"]


@pytest.mark.parametrize("verdict", ["accept", "ignore"])
def test_a_pending_draft_the_user_edited_is_kept_with_a_note(store, verdict):
    request_id = asked(store)
    store.edit(request_id, "My own careful words")
    decided = store.decide(request_id, verdict, WELCOME if verdict == "accept" else None)
    draft = store.draft(request_id)
    assert (draft.status, draft.text) == ("pending", "My own careful words")
    assert any("edited" in note and "kept" in note for note in decided.notes), decided.notes


@pytest.mark.parametrize("setup, state", [(["approve"], "approved"), (["approve", "mark-sent"], "sent"),
                                          (["reject"], "rejected")])
@pytest.mark.parametrize("verdict", ["accept", "ignore"])
def test_an_approved_sent_or_rejected_draft_is_never_touched_and_a_note_says_so(store, setup, state, verdict):
    request_id = asked(store)
    for step in setup:
        store.act(request_id, step)
    before = store.draft(request_id)
    decided = store.decide(request_id, verdict, WELCOME if verdict == "accept" else None)
    assert store.draft(request_id) == before
    assert any(state in note and "kept" in note for note in decided.notes), decided.notes


def test_deciding_the_same_again_is_a_no_op_with_a_note(store):
    request_id = asked(store)
    store.decide(request_id, "accept", WELCOME)
    history, actions = store.draft_history(request_id), store.history()
    decided = store.decide(request_id, "accept", WELCOME)
    assert not decided.changed and any("already" in note for note in decided.notes)
    assert store.draft_history(request_id) == history and store.history() == actions


def test_screening_again_never_brings_back_a_draft_the_decision_withdrew(store):
    req = request("Chào anh, em muốn kết nối", name="Trần An", **ASKED)
    result = screen(req, analyst())
    store.record(req, result)
    store.decide(req.id, "ignore")
    store.record(req, result.model_copy(update={"reply": result.reply.model_copy(update={"text": "A fresher template"})}))
    assert status(store, req.id) == "withdrawn"
    store.decide(req.id, "accept", WELCOME)
    store.record(req, result)
    assert (store.draft(req.id).kind, status(store, req.id)) == ("welcome", "pending")


def test_decide_accept_on_the_command_line_offers_a_welcome_in_the_users_voice(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    request_id = cli_asked(capsys, db)
    code, out, err = run(capsys, "decide", request_id, "accept", "--db", db, "-c", ANALYST, "--lang", "en")
    assert code == 0, err
    assert "welcome" in out
    [draft] = json_lines(run(capsys, "review", "list", "--json", "--db", db)[1])
    assert (draft["kind"], draft["status"]) == ("welcome", "pending")
    assert draft["text"].rstrip().endswith("Minh")  # signed as the analyst's config signs
    code, out, err = run(capsys, "review", "show", request_id, "--db", db)
    assert "withdrawn" in out and "clarify" in out  # the clarify draft is in the history


def test_decide_with_an_edited_draft_says_it_is_kept(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    request_id = cli_asked(capsys, db)
    run(capsys, "review", "edit", request_id, "--text", "My words", "--db", db)
    code, out, err = run(capsys, "decide", request_id, "ignore", "--db", db, "-c", ANALYST, "--lang", "en")
    assert code == 0 and "kept" in err and "edited" in err


# -- the command line: refusals, notes, history, short ids ---------------------------------------

def cli_asked(capsys, db: str) -> str:
    path = FIXTURES / "requests" / "02-vnpay-head-of-data-no-note.json"
    code, out, err = run(capsys, "screen", str(path), "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    [result] = json_lines(out)
    assert result["verdict"] == "ask"
    return result["id"]


def test_mark_sent_twice_logs_one_send(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    request_id = cli_asked(capsys, db)
    run(capsys, "review", "approve", request_id, "--db", db)
    assert run(capsys, "review", "mark-sent", request_id, "--db", db)[0] == 0
    code, out, err = run(capsys, "review", "mark-sent", request_id, "--db", db)
    assert code == 0 and "already sent" in err
    actions = [entry["action"] for entry in json_lines(run(capsys, "history", "--json", "--db", db)[1])]
    assert actions.count("sent") == 1


def test_review_reopen_and_show_with_its_history(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    request_id = cli_asked(capsys, db)
    run(capsys, "review", "reject", request_id, "--db", db)
    code, out, err = run(capsys, "review", "reopen", request_id, "--db", db)
    assert code == 0 and "pending" in out
    code, out, err = run(capsys, "review", "show", request_id, "--db", db)
    assert code == 0
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("History"))
    assert [w for w in ("drafted", "rejected", "reopened") if any(w in line for line in lines[start:])] == [
        "drafted", "rejected", "reopened"]
    shown = json.loads(run(capsys, "review", "show", request_id, "--json", "--db", db)[1])
    assert [entry["action"] for entry in shown["history"]] == ["drafted", "rejected", "reopened"]


def two_similar(tmp_path, capsys, db: str) -> list[str]:
    paths = []
    for suffix in ("a100", "b200"):
        path = tmp_path / f"{suffix}.json"
        path.write_text(json.dumps({"id": f"lan-{suffix}", "sender": {"name": f"Lan {suffix}", **ASKED},
                                    "note": "Chào anh, em muốn kết nối"}), encoding="utf-8")
        paths.append(str(path))
    code, out, err = run(capsys, "screen", *paths, "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    return [r["id"] for r in json_lines(out)]


@pytest.mark.parametrize("argv", [
    ["review", "show"], ["review", "approve"], ["review", "reject"], ["review", "edit", "--text", "Hi"],
    ["decide", "ignore"], ["learned", "forget"], ["forget", "--yes"],
])
def test_every_id_takes_a_unique_prefix(tmp_path, capsys, argv):
    db = str(tmp_path / "cli.db")
    assert two_similar(tmp_path, capsys, db) == ["lan-a100", "lan-b200"]
    command, extra = (argv[:2], argv[2:]) if argv[0] in ("review", "learned") else (argv[:1], argv[1:])
    code, out, err = run(capsys, *command, "lan-b", *extra, "--db", db)
    assert code == 0, err
    assert "lan-b200" in out  # said in full


@pytest.mark.parametrize("argv", [
    ["review", "show"], ["review", "approve"], ["review", "mark-sent"], ["review", "reopen"],
    ["review", "edit", "--text", "Hi"], ["decide", "ignore"], ["learned", "forget"], ["forget", "--yes"],
])
def test_an_ambiguous_prefix_is_refused_and_lists_the_candidates(tmp_path, capsys, argv):
    db = str(tmp_path / "cli.db")
    two_similar(tmp_path, capsys, db)
    command, extra = (argv[:2], argv[2:]) if argv[0] in ("review", "learned") else (argv[:1], argv[1:])
    code, out, err = run(capsys, *command, "lan-", *extra, "--db", db)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "lan-a100" in err and "lan-b200" in err
    drafts = json_lines(run(capsys, "review", "list", "--json", "--db", db)[1])
    assert [(d["id"], d["status"], d["edited"]) for d in drafts] == [("lan-a100", "pending", False), ("lan-b200", "pending", False)]
    assert Store.open(db).decision("lan-a100") is None and Store.open(db).decision("lan-b200") is None


def test_a_unique_prefix_acts_on_the_full_id(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    two_similar(tmp_path, capsys, db)
    assert run(capsys, "review", "approve", "lan-b2", "--db", db)[0] == 0
    assert run(capsys, "review", "mark-sent", "lan-b", "--db", db)[0] == 0
    code, out, err = run(capsys, "decide", "lan-a", "ignore", "--db", db, "-c", ANALYST, "--lang", "en")
    assert code == 0 and "lan-a100" in out
    with Store.open(db) as store:
        assert (store.draft("lan-b200").status, store.draft("lan-a100").status) == ("sent", "withdrawn")
        assert store.decision("lan-a100") == "ignore"


# -- the store upgrades in place ----------------------------------------------------------------------

def test_a_store_from_before_the_state_machine_upgrades_and_keeps_every_draft(tmp_path):
    path = tmp_path / "v3.db"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:3]:
        db.executescript(migration)
    db.execute("PRAGMA user_version = 3")
    payload = json.dumps({"id": "{id}", "sender": {"name": "An"}})
    for number, (state, edited) in enumerate([("pending", 0), ("approved", 1), ("rejected", 0), ("sent", 1)]):
        request_id = f"r{number}"
        db.execute("INSERT INTO requests VALUES (?, ?, ?, 'h', '2025-01-01T00:00:00+00:00')",
                   (request_id, f"Sender {number}", payload.replace("{id}", request_id)))
        db.execute("INSERT INTO drafts (request_id, kind, language, text, generated_text, status, edited, created_at, "
                   "updated_at, learn) VALUES (?, 'clarify', 'en', ?, 'generated', ?, ?, '2025-01-01T00:00:00+00:00', "
                   "'2025-01-02T00:00:00+00:00', 1)", (request_id, f"text {number}", state, edited))
    db.execute("INSERT INTO decisions VALUES ('r1', 'accept', '2025-01-02T00:00:00+00:00', 1)")
    db.execute("INSERT INTO requests VALUES ('lan', 'Lan', ?, 'h', '2025-01-01T00:00:00+00:00')",
               (json.dumps({"id": "lan", "sender": {"name": "Lan", "profile_url": "https://vn.linkedin.com/in/Lan-MoMo/"}}),))
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        drafts = {d.request_id: (d.status, d.edited, d.text) for d in store.drafts()}
        assert drafts == {"r0": ("pending", False, "text 0"), "r1": ("approved", True, "text 1"),
                          "r2": ("rejected", False, "text 2"), "r3": ("sent", True, "text 3")}
        assert store.decision("r1") == "accept"
        assert [e["status"] for e in store.draft_history("r3")] == ["sent"]  # what it was, on record
        store.act("r0", "approve")
        store.act("r1", "mark-sent")
        with pytest.raises(InputError, match="final"):
            store.act("r3", "reopen")
        store.decide("r0", "ignore")  # approved now: kept
        store.act("r2", "reopen")
        store.decide("r2", "ignore")
        assert status(store, "r2") == "withdrawn"  # a state the old schema did not allow
        same = request(None, name="Nguyễn Thị Lan", profile_url="https://www.linkedin.com/in/lan-momo")
        assert store.identify(same) == (same.model_copy(update={"id": "lan"}), None)  # profiles on record are found


# -- one identity per sender ---------------------------------------------------------------------------

def write_request(tmp_path, name: str, body: dict) -> str:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return str(path)


LAN = {"id": "inv-7", "sender": {"name": "Nguyễn Thị Lan", "headline": "Analyst at MoMo", "company": "MoMo",
                                 "profile_url": "https://www.linkedin.com/in/lan-momo"},
       "note": "Chào anh, em làm phân tích dữ liệu ở MoMo, mong được kết nối"}
SCAMMER = {"id": "inv-7", "sender": {"name": "Crypto Wealth Team", "headline": "Investment advisor",
                                     "profile_url": "https://www.linkedin.com/in/crypto-wealth-77"},
           "note": "Join our investment group on Telegram: guaranteed 30% monthly returns, deposit USDT today"}


def test_a_different_sender_under_an_existing_id_is_a_new_request_that_inherits_nothing(tmp_path, capsys):
    db = str(tmp_path / "ids.db")
    code, out, err = run(capsys, "screen", write_request(tmp_path, "lan", LAN), "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    run(capsys, "decide", "inv-7", "accept", "--db", db, "-c", ANALYST, "--lang", "en")
    run(capsys, "review", "edit", "inv-7", "--text", "Chào Lan, rất vui được kết nối! Minh", "--db", db)
    run(capsys, "review", "approve", "inv-7", "--db", db)
    history_before = json_lines(run(capsys, "history", "--json", "--db", db)[1])

    scam = write_request(tmp_path, "scam", SCAMMER)
    code, out, err = run(capsys, "screen", scam, "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    [result] = json_lines(out)
    assert result["id"] != "inv-7" and result["id"].startswith("inv-7")
    assert result.get("user_decision") is None
    assert "warning" in err and "inv-7" in err and result["id"] in err and "Crypto Wealth Team" in err
    with Store.open(db) as store:
        assert store.request("inv-7").sender.name == "Nguyễn Thị Lan"
        assert store.decision("inv-7") == "accept" and store.decision(result["id"]) is None
        assert store.draft("inv-7").text == "Chào Lan, rất vui được kết nối! Minh"
        assert [e["id"] for e in store.examples()] == ["inv-7"]
    assert json_lines(run(capsys, "history", "--json", "--db", db)[1]) == history_before
    exported = run(capsys, "review", "export", "--format", "json", "--db", db)[1]
    assert [(d["id"], d["sender"]) for d in json.loads(exported)] == [("inv-7", "Nguyễn Thị Lan")]

    code, out, err = run(capsys, "screen", scam, "-c", ANALYST, "--lang", "en", "--json", "--db", db)  # the same scammer again
    assert json_lines(out)[0]["id"] == result["id"]
    with Store.open(db) as store:
        assert store.db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 2


def test_two_senders_under_one_id_in_one_run_are_two_requests(tmp_path, capsys):
    db = str(tmp_path / "ids.db")
    both = tmp_path / "both.jsonl"
    both.write_text(json.dumps(LAN, ensure_ascii=False) + "\n" + json.dumps(SCAMMER) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "screen", str(both), "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    ids = [r["id"] for r in json_lines(out)]
    assert ids[0] == "inv-7" and ids[1] != "inv-7"
    with Store.open(db) as store:
        assert {store.request(i).sender.name for i in ids} == {"Nguyễn Thị Lan", "Crypto Wealth Team"}


def test_the_same_profile_from_json_and_from_invitations_csv_is_one_record(tmp_path, capsys):
    db = str(tmp_path / "ids.db")
    code, out, err = run(capsys, "screen", write_request(tmp_path, "lan", LAN), "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    run(capsys, "decide", "inv-7", "ignore", "--db", db, "-c", ANALYST, "--lang", "en")
    csv_path = tmp_path / "Invitations.csv"
    csv_path.write_text(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        f"Nguyễn Thị Lan,Đặng Khắc Minh,\"11/17/25, 8:42 AM\",\"{LAN['note']}\",INCOMING,"
        "https://www.linkedin.com/in/lan-momo/,https://www.linkedin.com/in/dang-khac-minh\n", encoding="utf-8")
    code, out, err = run(capsys, "screen", str(csv_path), "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    [result] = json_lines(out)
    assert result["id"] == "inv-7" and result["user_decision"] == "ignore"
    assert "warning" not in err
    with Store.open(db) as store:
        assert store.db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 1
        # The export knows a name, a URL and a note: the profile seen in the JSON is kept.
        kept = store.request("inv-7").sender
        assert kept.headline == LAN["sender"]["headline"] and kept.profile_known()


def test_two_ids_the_source_gave_one_profile_stay_two_requests(store):
    first = request("Chào anh", name="Lan", profile_url="https://www.linkedin.com/in/lan-momo").model_copy(update={"id": "inv-1"})
    second = first.model_copy(update={"id": "inv-2", "note": "Chào anh lần nữa"})
    assert store.identify(first) == (first, None)
    store.record(first, screen(first, analyst()))
    assert store.identify(second) == (second, None)  # the source told them apart: not merged, no warning
