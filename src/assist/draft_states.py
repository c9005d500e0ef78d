"""What may happen to a draft: one table, enforced by the store (Store.act, edit, replace_draft,
decide), in the same transaction as the change, so commands in any order, from any process, meet
the same rules.

    pending ──approve──> approved ──mark-sent──> sent (final)
       ^  └──reject──> rejected        │
       └──────reopen──────┘ <──────────┘ reopen, or an edit (back to pending)

`withdrawn` is the decision's doing (`assist decide`): a pending draft nobody edited that no longer
fits the user's verdict; a new draft may take its place, and `reopen` brings it back.
"""

from __future__ import annotations

from .errors import InputError
from .i18n import _, pgettext
from .shown_words import status_word
from .vocabulary import DRAFT_STATUSES

# state -> action -> the state it leads to. Whatever is not here is refused.
TRANSITIONS: dict[str, dict[str, str]] = {
    "pending": {"approve": "approved", "reject": "rejected", "edit": "pending", "regenerate": "pending",
                "redraft": "pending", "withdraw": "withdrawn"},
    "approved": {"mark-sent": "sent", "edit": "pending", "reopen": "pending"},
    "rejected": {"reopen": "pending"},
    "withdrawn": {"reopen": "pending", "redraft": "pending"},
    "sent": {},
}
assert set(TRANSITIONS) == set(DRAFT_STATUSES) and all(set(to.values()) <= set(DRAFT_STATUSES) for to in TRANSITIONS.values())

# What each action is called in the history, and the command a user types for it (None: not one
# of theirs, or done otherwise: regenerating is a key of `assist review`, the others assist's own).
DONE: dict[str, str] = {"approve": "approved", "reject": "rejected", "mark-sent": "sent", "reopen": "reopened",
                        "edit": "edited", "regenerate": "regenerated", "redraft": "drafted", "withdraw": "withdrawn"}
COMMANDS: dict[str, str | None] = {"approve": "approve", "reject": "reject", "mark-sent": "mark-sent",
                                   "reopen": "reopen", "edit": "edit", "regenerate": None, "redraft": None,
                                   "withdraw": None}
# Done twice, these leave the draft where the first one did: the second is a no-op with a note.
IDEMPOTENT = ("approve", "reject", "mark-sent", "reopen", "withdraw")
# (action, state) for each state an idempotent action ends in.
ENDS_IN = {(action, target) for source in TRANSITIONS.values() for action, target in source.items()
           if action in IDEMPOTENT}


def next_state(request_id: str, state: str, action: str) -> str | None:
    """The state `action` leads to from `state`; None when it is already done there (a no-op);
    InputError, one line naming the state and what can be done, when it is not allowed."""
    allowed = TRANSITIONS[state]
    if action in allowed:
        return allowed[action]
    if (action, state) in ENDS_IN:
        return None
    raise InputError(request_id, refusal(request_id, state, action))


def _passive(action: str) -> str:
    """What an action makes of a draft, as in "it cannot be approved"."""
    return {"mark-sent": pgettext("cannot be", "marked sent"), "edit": pgettext("cannot be", "edited"),
            "regenerate": pgettext("cannot be", "regenerated"), "approve": pgettext("cannot be", "approved"),
            "reject": pgettext("cannot be", "rejected"), "reopen": pgettext("cannot be", "reopened"),
            "redraft": pgettext("cannot be", "replaced"), "withdraw": pgettext("cannot be", "withdrawn")}[action]


def refusal(request_id: str, state: str, action: str) -> str:
    verb = _passive(action)
    if not TRANSITIONS[state]:
        return _("the draft is {state}, which is final: it cannot be {verb}, and nothing can change it").format(
            state=status_word(state), verb=verb)
    commands = [f"`assist review {COMMANDS[a]} {request_id}`" for a in TRANSITIONS[state] if COMMANDS[a]]
    return _("the draft is {state}, so it cannot be {verb}; what can be done now: {commands}").format(
        state=status_word(state), verb=verb, commands=", ".join(commands))
