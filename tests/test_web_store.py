"""Issue 16: the store's compare-and-set the review page relies on (an edit or an approval of the
draft as the page loaded it; a draft changed since, in another terminal, is never replaced)."""

from __future__ import annotations

import pytest

from assist.store import DraftChanged, Store
from helpers import analyst, request, screen

ASKED = dict(headline="Analyst at MoMo", company="MoMo", has_photo=True, connections=300)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "web.db") as opened:
        yield opened


@pytest.fixture
def asked(store) -> str:
    req = request("Chào anh, em muốn kết nối", name="Trần An", **ASKED)
    result = screen(req, analyst())
    assert result.verdict == "ask" and result.reply is not None
    store.record(req, result)
    return req.id


def test_an_edit_of_the_text_as_loaded_is_kept(store, asked):
    loaded = store.draft(asked).text
    change = store.edit(asked, "Chào bạn, mình quen nhau ở đâu nhỉ?", expected=loaded)
    assert change.changed and store.draft(asked).text == "Chào bạn, mình quen nhau ở đâu nhỉ?"


def test_an_edit_over_a_text_changed_elsewhere_replaces_nothing_and_says_what_is_stored(store, asked, tmp_path):
    loaded = store.draft(asked).text
    with Store.open(tmp_path / "web.db") as other:  # another terminal
        other.edit(asked, "Their words, saved first")
    with pytest.raises(DraftChanged) as refused:
        store.edit(asked, "My words", expected=loaded)
    assert refused.value.stored.text == "Their words, saved first"
    assert store.draft(asked).text == "Their words, saved first"
    assert [entry["action"] for entry in store.draft_history(asked)].count("edited") == 1


def test_approving_a_text_changed_since_it_was_loaded_is_refused(store, asked):
    loaded = store.draft(asked).text
    store.edit(asked, "Changed meanwhile")
    with pytest.raises(DraftChanged):
        store.act(asked, "approve", expected=loaded)
    assert store.draft(asked).status == "pending"
    assert store.act(asked, "approve", expected="Changed meanwhile").draft.status == "approved"


def test_without_expected_the_commands_behave_as_before(store, asked):
    store.edit(asked, "Mine")
    assert store.act(asked, "approve").draft.status == "approved"
