"""The review workflow on the command line: drafts wait for you; nothing is ever sent by assist.

`assist review` walks through pending drafts interactively; `assist review list|show|approve|edit|
reject|reopen|mark-sent|export` do the same for scripts; `assist decide`, `history`, `learned` and
`forget` record and manage your own word. What may happen to a draft is draft_states.py's table,
which the store enforces; every command that takes an id takes a unique prefix of it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional

import typer

from .evidence import shown as in_words
from .i18n import N_, _, ngettext
from .cli_common import DbOption, IdArgument, err
from .errors import InputError
from .vocabulary import DraftStatus, Verdict

if TYPE_CHECKING:
    from .config import UserConfig
    from .store import Decided, Draft, Store

ConfigOption = Annotated[Optional[str], typer.Option("--config", "-c", help=N_("User config (TOML), for regenerating drafts."), show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help=N_("Machine-readable output."))]

review_app = typer.Typer(
    help=N_("Review drafted replies before you send them yourself on LinkedIn. Without a subcommand: "
            "walk through pending drafts interactively, one key each (on a terminal without Enter; `?` "
            "shows the keys)."),
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    epilog="\nExamples:\n\n    assist review\n\n    assist review list --status pending\n\n"
           "    assist review export --format csv > replies.csv",
)
learned_app = typer.Typer(help=N_("See, and delete, what assist learned from your decisions and edits."), no_args_is_help=True,
                          epilog="\nExamples:\n\n    assist learned list\n\n    assist learned forget req-02")

def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
    app.add_typer(learned_app, name="learned")
    app.command("decide")(decide)
    app.command("history")(history)
    app.command("forget")(forget)


def _store(db: str | None) -> "Store":
    from .store import Store

    return Store.open(db)


def _opened(db: str | None, request_id: str) -> tuple["Store", str]:
    """The store, and the full id of the one request whose id is or starts with `request_id`
    (exit 2, naming the candidates, when several do)."""
    store = _store(db)
    return store, store.resolve(request_id)


def shown_id(text: str) -> str:
    """A request id (it may come from the input file) or a line quoting one, for a person."""
    from .terminal import shown

    return shown(text)


def _local(at: str) -> str:
    """A stored UTC time as the user's local time, to the minute."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def _history_lines(history: list[dict]) -> list[str]:
    """The draft's versions, one line each: when, what, the state it moved to, and its text when
    that changed."""
    from .terminal import shown
    from .text import quote

    from .output import kind_word, pad, status_word

    lines, before = [], None
    for entry in history:
        moved = (f"{status_word(entry['from_status'])} -> {status_word(entry['status'])}" if entry["from_status"]
                 else status_word(entry["status"]))
        line = f"    {_local(entry['at'])}  {pad(action_word(entry['action']), 11)} {moved}"
        if before is None or (entry["kind"], entry["language"], entry["text"]) != (before["kind"], before["language"], before["text"]):
            line += f"  {kind_word(entry['kind'])}, {entry['language']}: {shown(quote(entry['text'], 60))}"
        lines.append(line)
        before = entry
    return lines


# What each action is called in a draft's history and in `assist history` (draft_states.DONE, and the
# decisions): the store keeps the English word, a person reads it in the interface's language.
ACTION_WORDS = {"drafted": N_("drafted"), "edited": N_("edited"), "approved": N_("approved"), "rejected": N_("rejected"),
                "sent": N_("sent"), "reopened": N_("reopened"), "regenerated": N_("regenerated"),
                "withdrawn": N_("withdrawn"), "decided": N_("decided"), "undone": N_("undone"),
                "unlearned": N_("unlearned"), "forgotten": N_("forgotten")}


def action_word(action: str) -> str:
    return _(ACTION_WORDS[action]) if action in ACTION_WORDS else action


def _show(draft: "Draft", position: str = "") -> str:
    """A draft for a person: every text not assist's own with no terminal control (terminal.py)."""
    from .output import body_lines, kind_word, status_cell, verdict_word
    from .terminal import shown, shown_data

    verdict = shown_data(draft.verdict or {})
    lines = [f"{position}{shown(draft.request_id)}  {shown(draft.sender)}  [{status_cell(draft.status, draft.edited)}]"]
    if draft.note:
        lines.append("  " + _("Note: {note}").format(note=shown(draft.note)))
    if verdict:
        lines.append("  " + _("Verdict: {verdict} ({confidence}) - {summary}").format(
            verdict=verdict_word(verdict.get("verdict", "?")).upper(), confidence=f"{verdict.get('confidence', 0):.2f}",
            summary=verdict.get("summary", "")))
        for flag in verdict.get("flags", []):
            lines.append(f"    {'+' if flag['polarity'] == 'green' else '-'} {flag['id']}: {in_words(flag['evidence'])}")
    lines.append("  " + ngettext("Draft ({kind}, {language}, {count} char):", "Draft ({kind}, {language}, {count} chars):",
                                 len(draft.text)).format(kind=kind_word(draft.kind), language=draft.language,
                                                         count=len(draft.text)))
    lines += body_lines(draft.text)
    return "\n".join(lines)


@review_app.callback()
def review(
    ctx: typer.Context,
    db: DbOption = None,
    config: ConfigOption = None,
    web: Annotated[bool, typer.Option("--web", help=N_("Review on a local web page instead (127.0.0.1 only)."))] = False,
    port: Annotated[int, typer.Option("--port", help=N_("With --web: the port (0: a free one)."))] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=N_("With --web: only print the address."))] = False,
    idle_minutes: Annotated[float, typer.Option("--idle-minutes", min=0.01, help=N_("With --web: stop after this many minutes without a request."))] = 30.0,
) -> None:
    """Walk through pending drafts, one key each (the group's help, above, is what -h shows)."""
    if ctx.invoked_subcommand is not None:
        return
    if web:
        return _review_web(db, config, port, not no_browser, idle_minutes)
    from .cli_common import colour
    from .cli_past import undone_lines
    from .config import load_config
    from .i18n import configured
    from .review_session import run

    user = load_config(config)
    configured(user)  # the session speaks the language of the config it uses
    with _store(db) as store:
        run(store, user, config, colour() and _output_is_terminal(), edit_in_editor, _regenerate,
            record_decision, undone_lines)


def _review_web(db: str | None, config: str | None, port: int, browser: bool, idle_minutes: float) -> None:
    """`assist review --web`: the review page on 127.0.0.1 until Ctrl-C or the idle time."""
    from .config import load_config
    from .i18n import configured
    from .store import default_db_path
    from .web.server import ReviewServer

    user = load_config(config)
    configured(user)
    path = Path(db) if db else default_db_path()
    if not path.is_file():
        raise InputError(str(path), _("no store yet: screen some requests first (assist screen INBOX)"))
    server = ReviewServer(path, user, config, port, idle_minutes)
    typer.echo(_("Review page: {url}").format(url=server.url))
    typer.echo(_("Only this computer can open it, with this address. Ctrl-C stops it."))
    try:  # Ctrl-C from here on, even while the browser is starting, stops the page the same way
        if browser:
            import webbrowser

            if not webbrowser.open(server.url):
                typer.echo(_("could not open a browser: open the address above"))
        stopped_by = server.serve()
    except KeyboardInterrupt:
        stopped_by = None
        server.close()
    if stopped_by == "idle":
        typer.echo(ngettext("Stopped: idle for {minutes} minute.", "Stopped: idle for {minutes} minutes.",
                            max(1, round(idle_minutes))).format(minutes=f"{idle_minutes:g}"))
    else:
        typer.echo(_("Stopped."))


def _output_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _regenerate(store: "Store", user: "UserConfig", draft: "Draft", kind: str, language: str,
                warn=None) -> tuple[bool, str]:
    """A new draft of the given kind and language: by the configured LLM (with the user's past
    replies as examples), or from the templates when there is none or it fails. Whether it replaced
    the draft (not when it is word for word the same: the offline engine cannot vary a text), and
    the name of the backend that wrote it. Warnings go to `warn` (the review page), else stderr."""
    from .backends import BackendChoice, select_backend
    from .context import RunContext
    from .screen import write_reply
    from .guidance import load_guidance
    from .signals import extract_signals

    request = store.request(draft.request_id)
    config = user
    guidance = load_guidance()
    backend = select_backend(config, guidance, BackendChoice())
    ctx = RunContext(config, guidance, examples=store.example_reader(), reply_language=language)
    drafted = write_reply(backend, request, extract_signals(request, config, guidance), kind, ctx)  # type: ignore[arg-type]
    for warning in drafted.warnings:
        (warn or err)(_("warning: {message}").format(message=warning))
    reply = drafted.reply
    if (reply.kind, reply.language, reply.text) == (draft.kind, draft.language, draft.text):
        return False, backend.name
    store.replace_draft(draft.request_id, reply.kind, reply.language, reply.text)
    return True, backend.name


def edit_in_editor(text: str) -> str | None:
    """Open the text in $VISUAL or $EDITOR (vi by default); the saved text, or None if it failed."""
    import shlex
    import subprocess
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(text + "\n")
        path = handle.name
    try:
        completed = subprocess.run([*shlex.split(editor), path])
        if completed.returncode != 0:
            typer.echo("  " + _("the editor exited with {code}; draft unchanged").format(code=completed.returncode), err=True)
            return None
        return Path(path).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        typer.echo("  " + _("cannot run the editor {editor}: set $EDITOR").format(editor=repr(editor)), err=True)
        return None
    finally:
        os.unlink(path)


@review_app.command("list")
def review_list(
    status: Annotated[Optional[DraftStatus], typer.Option("--status", help=N_("pending, approved, rejected, sent or withdrawn."), show_default=False)] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List drafts, oldest first.

    Examples:

        assist review list --status pending

        assist review list --json
    """
    drafts = _store(db).drafts(status)
    if json_output:
        for draft in drafts:
            typer.echo(json.dumps(draft.as_json(), ensure_ascii=False))
        return
    from .output import ago, aligned, status_cell, status_word

    if not drafts:
        typer.echo(_("No drafts with status {status}.").format(status=status_word(status)) if status else _("No drafts."))
        return
    rows = [[draft.request_id, status_cell(draft.status, draft.edited), ago(draft.updated_at), draft.sender,
             " ".join(draft.text.split())] for draft in drafts]
    header = [_("ID"), _("STATUS"), _("UPDATED"), _("NAME"), _("DRAFT")]
    for line in aligned(header, rows, [None, None, None, 24, None]):
        typer.echo(line)


@review_app.command("show")
def review_show(request_id: IdArgument, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Show one draft with the request, the verdict's reasons, and the draft's history.

    Examples:

        assist review show req-02

        assist review show req-02 --json
    """
    store, request_id = _opened(db, request_id)
    draft = store.draft(request_id)
    history = store.draft_history(request_id)
    if json_output:
        typer.echo(json.dumps(draft.as_json() | {"history": history}, ensure_ascii=False))
    else:
        typer.echo(_show(draft) + "\n  " + _("History:") + "\n" + "\n".join(_history_lines(history)))


def _act(request_id: str, action: str, db: str | None) -> None:
    """A review action as draft_states allows it: refused (exit 2, one line), or done, or a no-op
    with a note when it already was."""
    store, request_id = _opened(db, request_id)
    change = store.act(request_id, action)
    if change.note:
        err(_("note: {message}").format(message=change.note))
    from .output import status_word

    typer.echo(f"{shown_id(change.draft.request_id)}: {status_word(change.draft.status)}")


@review_app.command("approve")
def review_approve(request_id: IdArgument, db: DbOption = None) -> None:
    """Approve a pending draft (you still send it yourself).

    Examples:

        assist review approve req-02
    """
    _act(request_id, "approve", db)


@review_app.command("reject")
def review_reject(request_id: IdArgument, db: DbOption = None) -> None:
    """Reject a pending draft: it is not exported, and assist never learns from it.

    Examples:

        assist review reject req-02
    """
    _act(request_id, "reject", db)


@review_app.command("reopen")
def review_reopen(request_id: IdArgument, db: DbOption = None) -> None:
    """Bring a rejected, approved or withdrawn draft back to pending.

    Examples:

        assist review reject req-02

        assist review reopen req-02
    """
    _act(request_id, "reopen", db)


@review_app.command("mark-sent")
def review_mark_sent(request_id: IdArgument, db: DbOption = None) -> None:
    """Record that you sent an approved reply yourself on LinkedIn (final).

    Examples:

        assist review approve req-02

        assist review mark-sent req-02
    """
    _act(request_id, "mark-sent", db)


@review_app.command("edit")
def review_edit(
    request_id: IdArgument,
    text: Annotated[Optional[str], typer.Option("--text", help=N_("The new reply text."), show_default=False)] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help=N_("Read the new reply from a file (- for standard input)."), show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Replace a pending or approved draft's text with yours (an approved one is pending again); it
    is kept through later screenings.

    Examples:

        assist review edit req-02 --text "Mình quen nhau ở đâu ạ? Minh"
    """
    if (text is None) == (file is None):
        raise InputError("review edit", _("give exactly one of --text TEXT or --file PATH"))
    if file is not None:
        from .load import read_reply

        text = read_reply(str(file))
    store, request_id = _opened(db, request_id)
    change = store.edit(request_id, text or "")
    if change.note:
        err(_("note: {message}").format(message=change.note))
    draft = change.draft
    from .output import status_word

    done = (ngettext("edited ({count} char), {status}", "edited ({count} chars), {status}", len(draft.text)) if change.changed
            else ngettext("unchanged ({count} char), {status}", "unchanged ({count} chars), {status}", len(draft.text)))
    typer.echo(f"{shown_id(draft.request_id)}: " + done.format(count=len(draft.text), status=status_word(draft.status)))


@review_app.command("export")
def review_export(
    status: Annotated[DraftStatus, typer.Option("--status", help=N_("Which drafts."))] = "approved",
    format: Annotated[Literal["md", "csv", "json"], typer.Option("--format", help=N_("md, csv or json."))] = "md",
    db: DbOption = None,
) -> None:
    """Print drafts to paste into LinkedIn yourself (assist cannot send anything).

    Examples:

        assist review approve req-02

        assist review export

        assist review export --status pending --format csv > drafts.csv
    """
    store = _store(db)
    drafts = store.drafts(status)
    if not drafts:
        from .output import status_word

        err(_("no drafts with status {status} to export (see `assist review list`)").format(status=status_word(status)))
    from .exports import export

    typer.echo(export(drafts, lambda request_id: store.request(request_id).sender.profile_url, format), nl=False)


def decide(
    request_id: IdArgument,
    verdict: Annotated[Verdict, typer.Argument(help=N_("accept, ask or ignore: your own verdict."))],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Record your own verdict on a request; screening again never overrides it. The draft follows:
    accept withdraws a pending question or decline and offers a welcome; ignore withdraws a pending
    draft; ask offers a clarifying question when there is none. A draft you edited, approved,
    rejected or sent is kept as it is.

    Examples:

        assist decide req-02 accept

        assist decide req-22 ignore
    """
    store, request_id = _opened(db, request_id)
    decided = record_decision(store, request_id, verdict, config)
    for note in decided.notes:
        err(_("note: {message}").format(message=note))
    from .output import verdict_word

    typer.echo(f"{shown_id(request_id)}: " + _("you decided {verdict}").format(verdict=verdict_word(verdict).lower()))
    for line in decided.done:
        typer.echo(f"  {shown_id(line)}")


def record_decision(store: "Store", request_id: str, verdict: str, config: str | None) -> "Decided":
    """The user's verdict on a request, and its draft made to agree (store.decide): what `assist
    decide` and the interactive review's keys record. The notes say what was left alone and why."""
    from dataclasses import replace

    offer, notes = None, []
    if verdict != "ignore" and store.decision(request_id) != verdict:
        offer = _drafted_for(store, request_id, verdict, config)
        if offer is None:
            notes.append(_("{id}: it reads as a scam or an attempt to manipulate the screening, so no draft is offered "
                           "(`assist draft-reply --force` writes one anyway)").format(id=request_id))
    decided = store.decide(request_id, verdict, offer)  # type: ignore[arg-type]
    return replace(decided, notes=notes + decided.notes)


def _drafted_for(store: "Store", request_id: str, verdict: str, config: str | None):
    """The template's reply that agrees with the user's verdict on a stored request (accept: a
    welcome; ask: the question its situation calls for), in the user's voice and in the language of
    the draft it may replace; None for a request that reads as hostile (no reply to a scammer)."""
    from .cli_common import user_config
    from .draft import draft_reply
    from .guidance import load_guidance
    from .signals import extract_signals
    from .situation import Situation, choose_situation
    from .vocabulary import ASKING_KINDS

    user = user_config(config, quiet=True)
    guidance = load_guidance()
    request = store.request(request_id)
    signals = extract_signals(request, user, guidance)
    situation = choose_situation(verdict, signals, guidance, note=request.note)
    if situation is None:
        return None
    if verdict == "accept":
        situation = Situation("welcome")  # the user's word: they accept, whatever the note asked
    elif situation.kind not in ASKING_KINDS:
        situation = Situation("clarify")  # the user chose to ask
    language = next((entry["language"] for entry in reversed(store.draft_history(request_id))), None)
    return draft_reply(request, user, situation, signals, guidance=guidance, language=language)


def history(db: DbOption = None, json_output: JsonOption = False,
            limit: Annotated[int, typer.Option("--limit", min=1, help=N_("How many entries."))] = 50) -> None:
    """What you decided, approved, edited, rejected and sent, newest first.

    Examples:

        assist decide req-02 accept

        assist history --limit 10

        assist history --json
    """
    from .output import aligned, local_time

    entries = _store(db).history(limit)
    if json_output:
        for entry in entries:
            typer.echo(json.dumps(entry, ensure_ascii=False))
        return
    if not entries:
        typer.echo(_("Nothing decided or reviewed yet."))
        return
    from .output import verdict_word

    rows = []
    for entry in entries:
        detail = entry["detail"] or ""
        if entry["action"] == "edited":
            change = json.loads(detail)
            detail = _("{before} -> {after} chars").format(before=len(change["from"]), after=len(change["to"]))
        elif entry["action"] == "decided":
            detail = verdict_word(detail).lower()
        rows.append([local_time(entry["at"]), entry["request_id"], entry["sender"], action_word(entry["action"]), detail])
    header = [_("WHEN"), _("ID"), _("NAME"), _("ACTION"), _("DETAIL")]
    for line in aligned(header, rows, [None, None, 24, None, None]):
        typer.echo(line)


@learned_app.command("list")
def learned_list(db: DbOption = None, json_output: JsonOption = False) -> None:
    """The examples assist shows an LLM so drafts move toward your voice: replies you approved or sent,
    edits you kept, and your decisions (never a rejected draft), newest first.

    Examples:

        assist decide req-02 accept

        assist learned list

        assist learned list --json
    """
    from .output import verdict_word
    from .terminal import shown, shown_data
    from .text import clip, quote

    examples = _store(db).examples()
    for example in examples:
        if json_output:
            typer.echo(json.dumps(example, ensure_ascii=False))
            continue
        example = shown_data(example)  # what a person reads: no terminal control
        sender = example["request"].get("sender", {})
        who = " · ".join(filter(None, [sender.get("name"), clip(sender.get("headline") or "", 50)]))
        typer.echo(f"{example['id']}  {who}" + (f"  ({_local(example['at'])})" if example.get("at") else ""))
        if example["request"].get("note"):
            typer.echo("    " + _("their note: {note}").format(note=shown(quote(example["request"]["note"], 70))))
        what = [_("you decided {verdict}").format(verdict=verdict_word(example["decision"]).lower())] \
            if example["decision"] else []
        if example["reply"]:
            state = {"pending": _("edited, not yet approved"), "approved": _("approved"), "sent": _("sent")}[example["status"]]
            if example["edited"] and example["status"] != "pending":
                state = _("edited and {state}").format(state=state)
            what.append(_("your reply ({state}): {reply}").format(state=state, reply=shown(quote(example["reply"], 70))))
        typer.echo(f"    {'; '.join(what)}")
    if not examples and not json_output:
        typer.echo(_("Nothing learned yet: approve or edit drafts, or `assist decide`."))


@learned_app.command("forget")
def learned_forget(request_id: IdArgument, db: DbOption = None) -> None:
    """Stop learning from one request (your decision and reply stay on record).

    Examples:

        assist decide req-02 accept

        assist learned forget req-02
    """
    store, request_id = _opened(db, request_id)
    store.unlearn(request_id)
    typer.echo(f"{shown_id(request_id)}: " + _("no longer used as an example"))


def _at_a_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def forget(
    request_id: Annotated[Optional[str], typer.Argument(help=N_("The request whose data to delete."), show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help=N_("Delete everything assist stored."))] = False,
    yes: Annotated[bool, typer.Option("--yes", help=N_("Do not ask for confirmation."))] = False,
    db: DbOption = None,
) -> None:
    """Delete a sender's data (or everything) from the store, for good.

    On a terminal it asks first; elsewhere it needs --yes.

    Examples:

        assist forget req-02 --yes

        assist forget --all --yes
    """
    if (request_id is None) == (not all_):
        raise InputError("forget", _("give a request id, or --all"))
    store = _store(db)
    if not all_:
        request_id = store.resolve(request_id or "")
    sender = None if all_ else shown_id(store.request(request_id or "").sender.name)
    if not yes:  # asked on a terminal; elsewhere, only with --yes
        what = (_("every request, verdict, draft and decision assist stored") if all_
                else _("everything about {name} ({id}): the request, its verdicts, draft and your decision").format(
                    name=sender, id=shown_id(request_id or "")))
        if not _at_a_terminal():
            store.close()
            raise InputError("forget" if not all_ else "forget --all",
                             _("would delete {what} for good; nothing was deleted: add --yes to delete without a "
                               "prompt").format(what=what))
        if not typer.confirm(_("Delete {what}, for good?").format(what=what), default=False):
            store.close()
            typer.echo(_("Nothing deleted."))
            raise typer.Exit(1)
    count = store.forget(None if all_ else request_id)
    # The LLM cache and unsent batch files hold the sender's text too.
    from .cache import AnswerCache, CacheUnavailable
    from .paths import assist_home

    batches = assist_home() / "batches"
    if not all_:
        from .batch_api import forget_request

        forget_request(request_id or "")
    if all_ and batches.is_dir():
        import shutil

        shutil.rmtree(batches)
    try:
        AnswerCache().forget(None if all_ else request_id)
    except CacheUnavailable as error:  # the store's part is done; the cache may still hold the text
        raise InputError(str(error.path), _("deleted from the store, but the LLM answer cache could not be changed "
                                            "({reason}): delete this file to forget every cached answer").format(
                                                reason=error.reason)) from None
    if all_:
        typer.echo(ngettext("deleted {count} request and everything about them",
                            "deleted {count} requests and everything about them", count).format(count=count))
    else:
        typer.echo(ngettext("deleted {count} request ({name}, {id}) and everything about them",
                            "deleted {count} requests ({name}, {id}) and everything about them", count).format(
                                count=count, name=sender, id=shown_id(request_id or "")))
