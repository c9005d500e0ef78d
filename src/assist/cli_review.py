"""The review workflow on the command line: drafts wait for you; nothing is ever sent by assist.

`assist review` walks through pending drafts interactively; `assist review list|show|approve|edit|
reject|mark-sent|export` do the same for scripts; `assist decide`, `history`, `learned` and
`forget` record and manage your own word.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional

import typer

from .cli_common import DbOption, IdArgument, err
from .errors import InputError
from .vocabulary import REPLY_KINDS, DraftStatus, Verdict

if TYPE_CHECKING:
    from .config import UserConfig
    from .store import Draft, Store

ConfigOption = Annotated[Optional[str], typer.Option("--config", "-c", help="User config (TOML), for regenerating drafts.", show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]

review_app = typer.Typer(
    help="Review drafted replies before you send them yourself on LinkedIn. Without a subcommand: "
    "walk through pending drafts interactively.",
    invoke_without_command=True,
)
learned_app = typer.Typer(help="See, and delete, what assist learned from your decisions and edits.", no_args_is_help=True)

KEYS = "[a]pprove  [e]dit  [r]egenerate  [k]ind  [l]anguage  re[j]ect  [s]kip  [q]uit"


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
    app.add_typer(learned_app, name="learned")
    app.command("decide")(decide)
    app.command("history")(history)
    app.command("forget")(forget)


def _store(db: str | None) -> "Store":
    from .store import Store

    return Store.open(db)


def _show(draft: "Draft", position: str = "") -> str:
    verdict = draft.verdict or {}
    lines = [f"{position}{draft.request_id}  {draft.sender}  [{draft.status}{', edited' if draft.edited else ''}]"]
    if draft.note:
        lines.append(f"  Note: {draft.note}")
    if verdict:
        lines.append(f"  Verdict: {verdict.get('verdict', '?').upper()} ({verdict.get('confidence', 0):.2f}) - {verdict.get('summary', '')}")
        for flag in verdict.get("flags", []):
            lines.append(f"    {'+' if flag['polarity'] == 'green' else '-'} {flag['id']}: {flag['evidence']}")
    lines.append(f"  Draft ({draft.kind}, {draft.language}, {len(draft.text)} chars):")
    lines += [f"    {line}" if line else "" for line in draft.text.splitlines()]
    return "\n".join(lines)


@review_app.callback()
def review(
    ctx: typer.Context,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Walk through pending drafts: approve, edit (in $EDITOR), regenerate, switch kind or language, reject, skip."""
    if ctx.invoked_subcommand is not None:
        return
    from .config import load_config

    store = _store(db)
    user = load_config(config)
    pending = store.drafts("pending")
    if not pending:
        typer.echo("No drafts waiting for review. Screen some requests first: assist screen INBOX")
        return
    done = 0
    for number, draft in enumerate(pending, start=1):
        while True:
            typer.echo("\n" + _show(draft, f"({number}/{len(pending)}) "))
            typer.echo(f"  {KEYS}")
            key = typer.prompt(" ", default="s", show_default=False, prompt_suffix="> ").strip().lower()[:1]
            if key == "a":
                store.set_status(draft.request_id, "approved")
                typer.echo("  approved: copy it into LinkedIn yourself, then `assist review mark-sent " + draft.request_id + "`")
                done += 1
                break
            if key == "e":
                text = edit_in_editor(draft.text)
                if text is None or text.strip() == draft.text.strip():
                    typer.echo("  no change")
                else:
                    draft = store.edit(draft.request_id, text)
                continue
            if key == "r":
                draft = _regenerate(store, user, draft, draft.kind, draft.language)
                continue
            if key == "k":
                kinds = REPLY_KINDS
                draft = _regenerate(store, user, draft, kinds[(kinds.index(draft.kind) + 1) % len(kinds)], draft.language)
                continue
            if key == "l":
                draft = _regenerate(store, user, draft, draft.kind, _other_language(user, draft.language))
                continue
            if key == "j":
                store.set_status(draft.request_id, "rejected")
                done += 1
                break
            if key == "s":
                break
            if key == "q":
                typer.echo(f"Reviewed {done}; {len(store.drafts('pending'))} still pending.")
                return
            typer.echo(f"  unknown key {key!r}")
    typer.echo(f"\nReviewed {done}; {len(store.drafts('pending'))} still pending.")


def _other_language(user: "UserConfig", language: str) -> str:
    """The language `l` switches a draft to: English and the user's own language (Vietnamese when
    theirs is English or unsaid), one after the other."""
    own = user.me.language if user.me is not None and user.me.language not in ("auto", "en") else "vi"
    return "en" if language != "en" else own


def _regenerate(store: "Store", user: "UserConfig", draft: "Draft", kind: str, language: str) -> "Draft":
    """A new draft of the given kind and language: by the configured LLM (with the user's past
    replies as examples), or from the templates when there is none or it fails."""
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
        err(f"warning: {warning}")
    return store.replace_draft(draft.request_id, drafted.reply.kind, drafted.reply.language, drafted.reply.text)


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
            typer.echo(f"  the editor exited with {completed.returncode}; draft unchanged", err=True)
            return None
        return Path(path).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        typer.echo(f"  cannot run the editor {editor!r}: set $EDITOR", err=True)
        return None
    finally:
        os.unlink(path)


@review_app.command("list")
def review_list(
    status: Annotated[Optional[DraftStatus], typer.Option("--status", help="pending, approved, rejected or sent.", show_default=False)] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List drafts, oldest first."""
    drafts = _store(db).drafts(status)
    if json_output:
        for draft in drafts:
            typer.echo(json.dumps(draft.as_json(), ensure_ascii=False))
        return
    if not drafts:
        typer.echo("No drafts" + (f" with status {status}" if status else "") + ".")
    for draft in drafts:
        first_line = draft.text.splitlines()[1] if len(draft.text.splitlines()) > 1 else draft.text
        typer.echo(f"{draft.request_id:<20} {draft.status:<9} {draft.sender[:24]:<24} {first_line[:60]}")


@review_app.command("show")
def review_show(request_id: IdArgument, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Show one draft with the request and the verdict's reasons."""
    draft = _store(db).draft(request_id)
    typer.echo(json.dumps(draft.as_json(), ensure_ascii=False) if json_output else _show(draft))


def _set(request_id: str, status: str, db: str | None) -> None:
    draft = _store(db).set_status(request_id, status)
    typer.echo(f"{draft.request_id}: {draft.status}")


@review_app.command("approve")
def review_approve(request_id: IdArgument, db: DbOption = None) -> None:
    """Approve a draft (you still send it yourself)."""
    _set(request_id, "approved", db)


@review_app.command("reject")
def review_reject(request_id: IdArgument, db: DbOption = None) -> None:
    """Reject a draft: it will not be exported."""
    _set(request_id, "rejected", db)


@review_app.command("mark-sent")
def review_mark_sent(request_id: IdArgument, db: DbOption = None) -> None:
    """Record that you sent the reply yourself on LinkedIn."""
    _set(request_id, "sent", db)


@review_app.command("edit")
def review_edit(
    request_id: IdArgument,
    text: Annotated[Optional[str], typer.Option("--text", help="The new reply text.", show_default=False)] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Read the new reply from a file (- for standard input).", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Replace a draft's text with yours; it is kept through later screenings."""
    if (text is None) == (file is None):
        raise InputError("review edit", "give exactly one of --text TEXT or --file PATH")
    if file is not None:
        try:
            text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(str(file), f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    draft = _store(db).edit(request_id, text or "")
    typer.echo(f"{draft.request_id}: edited ({len(draft.text)} chars), {draft.status}")


@review_app.command("export")
def review_export(
    status: Annotated[DraftStatus, typer.Option("--status", help="Which drafts.")] = "approved",
    format: Annotated[Literal["md", "csv", "json"], typer.Option("--format", help="md, csv or json.")] = "md",
    db: DbOption = None,
) -> None:
    """Print drafts to paste into LinkedIn yourself (assist cannot send anything)."""
    store = _store(db)
    drafts = store.drafts(status)
    if not drafts:
        err(f"no {status} drafts to export (see `assist review list`)")
    if format == "json":
        typer.echo(json.dumps([d.as_json() | {"profile_url": store.request(d.request_id).sender.profile_url} for d in drafts],
                              ensure_ascii=False, indent=2))
    elif format == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["id", "sender", "profile_url", "kind", "language", "status", "text"])
        for d in drafts:
            writer.writerow([d.request_id, d.sender, store.request(d.request_id).sender.profile_url or "", d.kind, d.language, d.status, d.text])
        typer.echo(out.getvalue(), nl=False)
    else:
        for d in drafts:
            url = store.request(d.request_id).sender.profile_url
            typer.echo(f"## {d.sender} ({d.request_id})" + (f"\n{url}" if url else "") + "\n")
            typer.echo(d.text + "\n")


def decide(
    request_id: IdArgument,
    verdict: Annotated[Verdict, typer.Argument(help="accept, ask or ignore: your own verdict.")],
    db: DbOption = None,
) -> None:
    """Record your own verdict on a request; screening again never overrides it."""
    store = _store(db)
    store.decide(request_id, verdict)
    typer.echo(f"{request_id}: you decided {verdict}")


def history(db: DbOption = None, json_output: JsonOption = False,
            limit: Annotated[int, typer.Option("--limit", min=1, help="How many entries.")] = 50) -> None:
    """What you decided, approved, edited, rejected and sent, newest first."""
    entries = _store(db).history(limit)
    for entry in entries:
        if json_output:
            typer.echo(json.dumps(entry, ensure_ascii=False))
        else:
            detail = entry["detail"] or ""
            if entry["action"] == "edited":
                change = json.loads(detail)
                detail = f"{len(change['from'])} -> {len(change['to'])} chars"
            typer.echo(f"{entry['at']}  {entry['request_id']:<20} {entry['sender'][:24]:<24} {entry['action']:<11} {detail}")
    if not entries and not json_output:
        typer.echo("Nothing decided or reviewed yet.")


@learned_app.command("list")
def learned_list(db: DbOption = None, json_output: JsonOption = False) -> None:
    """The examples assist shows an LLM so drafts move toward your voice: your approved and edited replies and decisions."""
    examples = _store(db).examples()
    for example in examples:
        if json_output:
            typer.echo(json.dumps(example, ensure_ascii=False))
        else:
            what = [f"decided {example['decision']}"] if example["decision"] else []
            if example["reply"]:
                what.append(("edited" if example["edited"] else "approved") + f" reply: {example['reply'].splitlines()[0][:50]}")
            typer.echo(f"{example['id']:<20} {'; '.join(what)}")
    if not examples and not json_output:
        typer.echo("Nothing learned yet: approve or edit drafts, or `assist decide`.")


@learned_app.command("forget")
def learned_forget(request_id: IdArgument, db: DbOption = None) -> None:
    """Stop learning from one request (your decision and reply stay on record)."""
    _store(db).unlearn(request_id)
    typer.echo(f"{request_id}: no longer used as an example")


def forget(
    request_id: Annotated[Optional[str], typer.Argument(help="The request whose data to delete.", show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Delete everything assist stored.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Delete a sender's data (or everything) from the store, for good."""
    if (request_id is None) == (not all_):
        raise InputError("forget", "give a request id, or --all")
    if all_ and not yes:
        if not sys.stdin.isatty():
            raise InputError("forget --all", "add --yes to delete everything without a prompt")
        typer.confirm("Delete every request, verdict, draft and decision assist stored?", abort=True)
    count = _store(db).forget(None if all_ else request_id)
    # The LLM cache and unsent batch files hold the sender's text too.
    from .cache import AnswerCache
    from .paths import assist_home

    AnswerCache().forget(None if all_ else request_id)
    batches = assist_home() / "batches"
    if all_ and batches.is_dir():
        import shutil

        shutil.rmtree(batches)
    typer.echo(f"deleted {count} request{'s' if count != 1 else ''} and everything about them")
