"""`assist review` without a subcommand: the pending drafts, one card at a time.

On a terminal each key acts at once, without Enter (the terminal is put in cbreak mode for the one
read, and put back before anything else runs: an editor, a browser); through a pipe, one key per
line, so scripts and tests can drive it. Colour by rich, only on a terminal and never under
NO_COLOR or --no-color. Deciding and undoing go through the same paths as `assist decide` and
`assist undo`; what may happen to a draft is the store's state machine.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Callable

from .errors import InputError
from .evidence import shown as in_words
from .i18n import N_, _, ngettext
from .vocabulary import REPLY_KINDS

if TYPE_CHECKING:
    from .config import UserConfig
    from .store import Draft, Store

# The keys are the same letters in every language; each line is translated whole (a key is a letter
# in brackets, where the words put it).
KEY_LINES = (
    N_("a[p]prove  [e]dit  [r]egenerate  [k]ind  [l]anguage  re[j]ect  [s]kip  [b]ack  [q]uit"),
    N_("you decide: [a]ccept  [i]gnore    [o]pen profile  [u]ndo  [?] all keys"),
)
KEY_HELP = (
    ("p", N_("approve the draft: copy it into LinkedIn yourself, then `assist review mark-sent ID`")),
    ("e", N_("edit the draft in $VISUAL or $EDITOR (an empty edit keeps the text)")),
    ("r", N_("regenerate the draft (an LLM words it anew; the offline engine writes the same text)")),
    ("k", N_("switch the kind of reply: {kinds}")),
    ("l", N_("switch the language: English and yours")),
    ("j", N_("reject the draft: never exported, never learned from")),
    ("a", N_("accept the request, as `assist decide ID accept` (a welcome draft is offered)")),
    ("i", N_("ignore the request, as `assist decide ID ignore` (a pending draft is withdrawn)")),
    ("o", N_("open the sender's profile in your browser")),
    ("u", N_("undo your last action, as `assist undo`")),
    ("b", N_("back to the previous card")),
    ("s", N_("skip to the next card")),
    ("q", N_("quit (so does Ctrl-D)")),
    ("?", N_("these keys")),
)
VERDICT_STYLE = {"accept": "green", "ask": "yellow", "ignore": "red"}


class Screen:
    """What the session prints, through rich: coloured on a terminal, plain elsewhere. Every text
    part goes through terminal.shown (a card quotes the sender and an LLM): no terminal control."""

    def __init__(self, coloured: bool):
        from rich.console import Console

        self.console = Console(color_system="auto" if coloured else None, highlight=False, markup=False,
                               emoji=False, soft_wrap=True)

    def say(self, *parts: str | tuple[str, str], end: str = "\n") -> None:
        from rich.text import Text

        from .terminal import shown

        clean = [(shown(part[0]), part[1]) if isinstance(part, tuple) else shown(part) for part in parts]
        self.console.print(Text.assemble(*clean), end=end)

    def keys(self, lines: tuple[str, ...] = KEY_LINES) -> None:
        for line in lines:
            parts: list[str | tuple[str, str]] = ["  "]
            for piece in re.split(r"(\[.\])", _(line)):
                parts.append((piece, "bold cyan") if re.fullmatch(r"\[.\]", piece) else piece)
            self.say(*parts)


class Keys:
    """The user's next key: one keypress on a terminal, the first character of a line elsewhere.
    "" for Enter or an empty line, None at the end of input (Ctrl-D, a closed pipe)."""

    def __init__(self) -> None:
        try:
            self.terminal = sys.stdin.isatty()
        except (AttributeError, ValueError):
            self.terminal = False

    def read(self) -> str | None:
        return self._keypress() if self.terminal else self._line()

    @staticmethod
    def _line() -> str | None:
        line = sys.stdin.readline()
        if not line:
            return None
        return line.strip()[:1].lower()

    @staticmethod
    def _keypress() -> str | None:
        try:
            import termios
            import tty
        except ImportError:  # Windows: the console reads one key itself
            import msvcrt

            typed = msvcrt.getwch()  # type: ignore[attr-defined]
            return None if typed in ("\x04", "\x1a") else "" if typed in "\r\n" else typed.lower()

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)  # no Enter, no echo; Ctrl-C still interrupts
            data = os.read(fd, 32)  # a key that sends several bytes (an arrow, é) arrives whole
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        key = data.decode("utf-8", "replace")
        if not key or key == "\x04":
            return None
        if key[0] in "\r\n":
            return ""
        if key[0] == "\x1b":
            return "esc"
        return key[0].lower()


def card(store: "Store", request_id: str, position: str) -> list[tuple | str]:
    """One card: who sent it (name, headline, company, location, mutual connections, profile URL),
    the note, the verdict and its reasons, the user's decision, and the draft with its length."""
    request = store.request(request_id)
    sender = request.sender
    try:
        draft: Draft | None = store.draft(request_id)
    except InputError:
        draft = None
    from .output import kind_word, status_cell, verdict_word

    state = f"[{status_cell(draft.status, draft.edited)}]" if draft else "[" + _("no draft") + "]"
    lines: list = [("", (position, "dim"), (sender.name, "bold"), f"  {request_id}  ", (state, "magenta"))]
    if sender.headline:
        lines.append(f"  {sender.headline}")
    facts = [sender.company, sender.location]
    if sender.mutual_connections is not None:
        facts.append(ngettext("{count} mutual connection", "{count} mutual connections", sender.mutual_connections
                              ).format(count=sender.mutual_connections))
    if any(facts):
        lines.append("  " + " · ".join(filter(None, facts)))
    lines.append(("", ("  " + sender.profile_url, "blue")) if sender.profile_url else ("", ("  " + _("no profile URL"), "dim")))
    lines.append("  " + _("Note: {note}").format(note=request.note) if request.note
                 else ("", ("  " + _("No note."), "dim")))  # one line: Screen.say
    verdict = (draft.verdict if draft else None) or {}
    if verdict:
        name = verdict.get("verdict", "?")
        lines.append(("", "  " + _("Verdict:") + " ", (verdict_word(name).upper(), f"bold {VERDICT_STYLE.get(name, '')}".strip()),
                      f" ({verdict.get('confidence', 0):.2f}) - {verdict.get('summary', '')}"))
        for flag in verdict.get("flags", []):
            green = flag["polarity"] == "green"
            lines.append(("", "    ", ("+" if green else "-", "green" if green else "red"), f" {flag['id']}: {in_words(flag['evidence'])}"))
    decision = store.decision(request_id)
    if decision:
        lines.append(("", "  " + _("Your decision:") + " ",
                      (verdict_word(decision).upper(), f"bold {VERDICT_STYLE.get(decision, '')}".strip())))
    if draft is None:
        lines.append(("", ("  " + _("No draft now."), "dim")))
    else:
        lines.append(("", ("  " + _("Draft") + " ", "bold"), ngettext(
            "({kind}, {language}, {count} char):", "({kind}, {language}, {count} chars):", len(draft.text)).format(
                kind=kind_word(draft.kind), language=draft.language, count=len(draft.text))))
        from .terminal import shown_lines

        lines += [f"    {line}" if line else "" for line in shown_lines(draft.text).split("\n")]
    return lines


def run(store: "Store", user: "UserConfig", config: str | None, coloured: bool,
        edit: Callable[[str], str | None], regenerate: Callable, decide: Callable, undone_lines: Callable) -> None:
    """The session over the drafts pending when it starts, in their order."""
    from .output import kind_word, verdict_word

    screen, keys = Screen(coloured), Keys()
    cards = [draft.request_id for draft in store.drafts("pending")]
    if not cards:
        screen.say(_("No drafts waiting for review. Screen some requests first: assist screen INBOX"))
        return
    reviewed: set[str] = set()
    index, show = 0, True
    while index < len(cards):
        request_id = cards[index]
        if show:
            screen.say("")
            for line in card(store, request_id, f"({index + 1}/{len(cards)}) "):
                screen.say(*line) if isinstance(line, tuple) else screen.say(line)
        screen.keys()
        screen.say("  > ", end="")
        key = keys.read()
        screen.say("" if key in (None, "esc") else key)
        if key is None or key == "q":
            break
        show = True
        try:
            if key == "p":
                change = store.act(request_id, "approve")
                screen.say(f"  {change.note}" if change.note else "  " + _(
                    "approved: copy it into LinkedIn yourself, then `assist review mark-sent {id}`").format(id=request_id))
                reviewed.add(request_id)
                index += 1
            elif key == "j":
                change = store.act(request_id, "reject")
                screen.say(f"  {change.note}" if change.note else "  " + _("rejected: never exported, never learned from"))
                reviewed.add(request_id)
                index += 1
            elif key == "e":
                draft = store.draft(request_id)
                text = edit(draft.text)
                if text is None or text.strip() == draft.text.strip():
                    screen.say("  " + _("no change"))
                elif not text.strip():
                    screen.say("  " + _("the edit was empty: the previous text is kept"))
                else:
                    store.edit(request_id, text)
            elif key in ("r", "k", "l"):
                draft = store.draft(request_id)
                kind, language = redraft_choice(user, draft, {"k": "kind", "l": "language"}.get(key))
                changed, backend = regenerate(store, user, draft, kind, language)
                if not changed:
                    screen.say("  " + _("the {backend} engine writes the same text for the same kind and language, so the "
                                        "draft is unchanged: [e]dit it, switch [k]ind or [l]anguage, or configure an LLM "
                                        "([llm] in the config) to word it anew").format(backend=backend))
                    show = False
            elif key in ("a", "i"):
                verdict = "accept" if key == "a" else "ignore"
                decided = decide(store, request_id, verdict, config)
                screen.say("  " + _("you decided {verdict}").format(verdict=verdict_word(verdict).lower()))
                for line in [*decided.done, *decided.notes]:
                    screen.say(f"  {line}")
                reviewed.add(request_id)
                if key == "i":
                    index += 1
            elif key == "o":
                show = False
                url = store.request(request_id).sender.profile_url
                if not url:
                    screen.say("  " + _("no profile URL for this request: search LinkedIn for {name}").format(
                        name=store.request(request_id).sender.name))
                else:
                    import webbrowser

                    screen.say("  " + (_("opened {url}") if webbrowser.open(url) else _("could not open a browser: {url}")
                                       ).format(url=url))
            elif key == "u":
                undone = store.undo()
                for line in undone_lines(undone):
                    screen.say(f"  {line}")
                if undone.action in ("approved", "rejected", "decided"):
                    reviewed.discard(undone.request_id)
                if undone.request_id in cards:
                    index = cards.index(undone.request_id)
            elif key == "b":
                if index == 0:
                    screen.say("  " + _("this is the first card"))
                    show = False
                else:
                    index -= 1
            elif key == "s":
                index += 1
            elif key == "?":
                for letter, what in KEY_HELP:
                    screen.say("  ", (letter, "bold cyan"), "  " + _(what).format(kinds=", ".join(map(kind_word, REPLY_KINDS))))
                show = False
            elif key == "":
                show = False  # Enter is no key: the keys again
            else:
                screen.say("  " + _("unknown key {key}: ? shows the keys").format(key=repr(key)))
                show = False
        except InputError as error:  # refused by the state machine, or changed meanwhile: said, and stay
            screen.say(f"  {error}")
            show = False
    screen.say(("" if key == "q" else "\n") + _("Reviewed {count}; {pending} still pending.").format(
        count=len(reviewed), pending=len(store.drafts("pending"))))


def redraft_choice(user: "UserConfig", draft, change: str | None) -> tuple[str, str]:
    """The kind and language a draft is written again in: the same (`None`), the next kind
    ("kind", `k`) or the other language ("language", `l`). The terminal and the page both ask this."""
    kind, language = draft.kind, draft.language
    if change == "kind":
        kind = REPLY_KINDS[(REPLY_KINDS.index(kind) + 1) % len(REPLY_KINDS)]
    elif change == "language":
        language = other_language(user, language)
    return kind, language


def other_language(user: "UserConfig", language: str) -> str:
    """The language `l` switches a draft to: English and the user's own language (Vietnamese when
    theirs is English or unsaid), one after the other."""
    own = user.me.language if user.me is not None and user.me.language not in ("auto", "en") else "vi"
    return "en" if language != "en" else own
