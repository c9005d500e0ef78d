"""A button of the review page, done through the same calls as the command line: Store.act / edit
(with the text the page showed, compare-and-set), record_decision (`assist decide`), _regenerate
(the terminal review's kind, language and regenerate keys), Store.undo (`assist undo`). What it did,
or the store's own refusal, is one line for the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import limits
from ..errors import InputError
from ..i18n import _, ngettext
from ..store import DraftChanged

if TYPE_CHECKING:
    from ..config import UserConfig
    from ..store import Store

DRAFT_ACTIONS = ("approve", "reject", "reopen", "mark-sent")
ACTIONS = (*DRAFT_ACTIONS, "edit", "accept", "ignore", "kind", "language", "regenerate", "undo", "overwrite")


@dataclass(frozen=True)
class Conflict:
    """An edit or approval refused because the stored draft changed since the page loaded it."""

    request_id: str
    yours: str
    stored: str


@dataclass(frozen=True)
class Outcome:
    message: str
    conflict: Conflict | None = None
    request_id: str | None = None


def lines(text: str) -> str:
    """A browser sends a textarea's lines with CRLF: the store keeps LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def apply(store: "Store", user: "UserConfig", config: str | None, action: str, request_id: str,
          seen: str | None, text: str | None) -> Outcome:
    """Do one action of the page; refusals (InputError) become the message, as the CLI says them."""
    from ..output import status_word

    if action not in ACTIONS:
        return Outcome(_("unknown action {action}").format(action=repr(action)))
    if action == "undo":
        return _undo(store)
    seen = lines(seen) if seen is not None else None
    text = lines(text) if text is not None else None
    if text is not None and len(text) > limits.MAX_REPLY_CHARS:  # as `review edit --file` refuses it
        return Outcome(f"{request_id}: " + _("longer than {count} characters, the limit for a reply: shorten it").format(
            count=f"{limits.MAX_REPLY_CHARS:,}"), request_id=request_id)
    try:
        request_id = store.resolve(request_id)
        if action == "overwrite":  # the user chose their text over the one stored meanwhile
            action = "edit"
        if action == "edit" or (action == "approve" and text is not None and seen is not None and text.strip() != seen.strip()):
            change = store.edit(request_id, text or "", expected=seen)
            seen = change.draft.text
            if action == "edit":
                count = len(change.draft.text)
                return Outcome(change.note or f"{request_id}: " + ngettext(
                    "edited ({count} char), {status}", "edited ({count} chars), {status}", count).format(
                        count=count, status=status_word(change.draft.status)), request_id=request_id)
        if action in DRAFT_ACTIONS:
            change = store.act(request_id, action, expected=seen if action in ("approve", "mark-sent") else None)
            return Outcome(change.note or f"{request_id}: {status_word(change.draft.status)}", request_id=request_id)
        if action in ("accept", "ignore"):
            return _decide(store, request_id, action, config)
        stored = store.draft(request_id)
        if seen is not None and stored.text.strip() != seen.strip():
            raise DraftChanged(request_id, stored)  # a new draft asked of the text the page showed, not of one edited since
        return _redraft(store, user, request_id, action)
    except DraftChanged as changed:
        return Outcome(str(changed), Conflict(request_id, text if text is not None else (seen or ""), changed.stored.text),
                       request_id)
    except InputError as error:
        return Outcome(str(error), request_id=request_id)


def _undo(store: "Store") -> Outcome:
    from ..cli_past import undone_lines

    try:
        undone = store.undo()
    except InputError as error:
        return Outcome(str(error))
    return Outcome(" ".join(undone_lines(undone)), request_id=undone.request_id)


def _decide(store: "Store", request_id: str, verdict: str, config: str | None) -> Outcome:
    from ..cli_review import record_decision
    from ..output import verdict_word

    decided = record_decision(store, request_id, verdict, config)
    said = [f"{request_id}: " + _("you decided {verdict}").format(verdict=verdict_word(verdict).lower())]
    return Outcome("; ".join(said + decided.done + decided.notes), request_id=request_id)


def _redraft(store: "Store", user: "UserConfig", request_id: str, action: str) -> Outcome:
    from ..cli_review import _regenerate
    from ..output import kind_word
    from ..review_session import redraft_choice

    draft = store.draft(request_id)
    kind, language = redraft_choice(user, draft, action)
    warnings: list[str] = []
    changed, backend = _regenerate(store, user, draft, kind, language, warnings.append)
    if not changed:
        said = _("the {backend} engine writes the same text for the same kind and language, so the draft is "
                 "unchanged").format(backend=backend)
    else:
        now = store.draft(request_id)
        said = _("{id}: a new draft ({kind}, {language})").format(id=request_id, kind=kind_word(now.kind),
                                                                  language=now.language)
    return Outcome("; ".join([said, *warnings]), request_id=request_id)
