"""Past verdicts and the way back: `assist list` (every screened request, one aligned line each),
`assist show ID` (everything about one) and `assist undo` (the last decision or draft action,
reverted). Every id may be a unique prefix of it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .cli_common import DbOption, IdArgument, JsonOption, style
from .errors import InputError
from .evidence import shown as in_words
from .i18n import N_, _, ngettext
from .vocabulary import DraftStatus, Verdict

if TYPE_CHECKING:
    from .store import Store, Undone


def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
    app.command("show")(show_command)
    app.command("undo")(undo_command)


def _store(db: str | None) -> "Store":
    from .store import Store

    return Store.open(db)


def since_time(text: str) -> str:
    """--since as the store compares it (ISO 8601, UTC): a date (local midnight), a date and time
    (local unless it says its zone), today, yesterday, or an age (12h, 3d, 2w)."""
    import re
    from datetime import datetime, timedelta, timezone

    value = text.strip().lower()
    now = datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    age = re.fullmatch(r"(\d+)\s*(h|d|w)", value)
    if value in ("today", "yesterday"):
        moment = midnight - timedelta(days=value == "yesterday")
    elif age:
        moment = now - timedelta(hours=int(age[1]) * {"h": 1, "d": 24, "w": 24 * 7}[age[2]])
    else:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            raise InputError("--since", _("{value} is not a date: give 2026-05-01, 2026-05-01T09:00, today, yesterday, "
                                          "or an age such as 12h, 3d or 2w").format(value=repr(text))) from None
        if moment.tzinfo is None:
            moment = moment.astimezone()
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _verdict_cell(row: dict) -> str:
    from .output import verdict_word

    cell = (_("{verdict} (you)").format(verdict=verdict_word(row["decision"]).lower()) if row["user_decision"]
            else verdict_word(row["verdict"]).lower())
    return cell + (" !" if row["report"] else "")


def _draft_cell(row: dict) -> str:
    from .output import status_cell

    if not row["draft_status"]:
        return "-"
    return status_cell(row["draft_status"], row["draft_edited"])


def list_command(
    verdict: Annotated[Optional[Verdict], typer.Option("--verdict", help=N_("Only this verdict (yours when you decided): accept, ask or ignore."), show_default=False)] = None,
    status: Annotated[Optional[DraftStatus], typer.Option("--status", help=N_("Only requests whose draft is pending, approved, rejected, sent or withdrawn."), show_default=False)] = None,
    reported: Annotated[bool, typer.Option("--reported", help=N_("Only requests worth reporting to LinkedIn (likely fake, scam or manipulation)."))] = False,
    since: Annotated[Optional[str], typer.Option("--since", help=N_("Only requests first screened since then: 2026-05-01, 2026-05-01T09:00, today, yesterday, 12h, 3d, 2w."), show_default=False)] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List every screened request, newest first, one line each.

    Each line: the id, when it was first screened, the verdict (yours when you decided, marked
    "(you)"; "!": worth reporting to LinkedIn), the draft's state, the name and the headline.

    Examples:

        assist list --verdict ask --since 7d

        assist list --status approved --json
    """
    from .output import ago, aligned

    cutoff = since_time(since) if since else None
    with _store(db) as store:
        rows = store.overview(verdict, status, reported, cutoff)
    if json_output:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        filtered = verdict or status or reported or since
        typer.echo(_("No screened request matches.") if filtered else _("Nothing screened yet: assist screen INBOX"))
        return
    header = [_("ID"), _("WHEN"), _("VERDICT"), _("DRAFT"), _("NAME"), _("HEADLINE")]
    table = [[row["id"], ago(row["first_seen"]), _verdict_cell(row), _draft_cell(row), row["sender"],
              row["headline"] or row["company"] or ""] for row in rows]
    for line in aligned(header, table, [None, None, None, None, 24, None]):
        typer.echo(line)


def show_command(request_id: IdArgument, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Show everything about one request.

    The profile, the note, the verdict and its reasons, your decision, the draft and its history,
    and what you did, when.

    Examples:

        assist show req-02

        assist show req-02 --json
    """
    from .output import VERDICT_STYLE, body_lines, draft_lines, local_time, status_word, verdict_word
    from .terminal import shown, shown_data

    with _store(db) as store:
        request_id = store.resolve(request_id)
        dossier = store.dossier(request_id)
    if json_output:
        typer.echo(json.dumps(dossier, ensure_ascii=False))
        return
    dossier, request_id = shown_data(dossier), shown(request_id)  # what a person reads: no terminal control
    request = dossier["request"]
    sender = request.get("sender", {})
    lines = [f"{style(sender.get('name', '?'), bold=True)}  ({request_id})"]
    if sender.get("headline"):
        lines.append(f"  {sender['headline']}")
    facts = [sender.get("company"), sender.get("industry"), sender.get("location")]
    if sender.get("mutual_connections") is not None:
        facts.append(ngettext("{count} mutual connection", "{count} mutual connections", sender["mutual_connections"]
                              ).format(count=sender["mutual_connections"]))
    if sender.get("connections") is not None:
        facts.append(ngettext("{count} connection", "{count} connections", sender["connections"]
                              ).format(count=sender["connections"]))
    if any(facts):
        lines.append("  " + " · ".join(filter(None, facts)))
    if sender.get("profile_url"):
        lines.append(f"  {sender['profile_url']}")
    if request.get("received_at"):
        lines.append("  " + _("Received {when}").format(when=local_time(request["received_at"])))
    first = local_time(dossier["first_seen"])
    lines.append("  " + (ngettext("First screened {when}, {count} screening", "First screened {when}, {count} screenings",
                                  dossier["screenings"]).format(when=first, count=dossier["screenings"])
                         if dossier["screenings"] > 1 else _("First screened {when}").format(when=first)))
    lines.append("  " + (_("Note: {note}").format(note=shown(request["note"])) if request.get("note") else _("No note.")))
    verdict = dossier["verdict"]
    if verdict:
        said = style(verdict_word(verdict["verdict"]).upper(), fg=VERDICT_STYLE[verdict["verdict"]], bold=True)
        by = verdict.get("backend", "?") + (f" {verdict['model']}" if verdict.get("model") else "")
        lines += ["", _("Verdict: {verdict} ({confidence}), by {backend}, {when}").format(
            verdict=said, confidence=f"{verdict.get('confidence', 0):.2f}", backend=by,
            when=local_time(dossier["screened_at"])), f"  {verdict.get('summary', '')}"]
        for flag in verdict.get("flags", []):
            lines.append(f"  {'+' if flag['polarity'] == 'green' else '-'} {flag['id']}: {in_words(flag['evidence'])}")
        if verdict.get("report"):
            lines.append("  ! " + _("worth reporting to LinkedIn (likely fake, scam or manipulation)"))
    decision = dossier["decision"]
    lines.append("")
    if decision:
        said = verdict_word(decision["verdict"]).upper()
        when = local_time(decision["decided_at"])
        lines.append(_("Your decision: {verdict}, {when}").format(verdict=said, when=when) if decision["learn"]
                     else _("Your decision: {verdict}, {when} (not used as an example)").format(verdict=said, when=when))
    else:
        lines.append(_("Your decision: none yet (`assist decide {id} accept|ask|ignore`)").format(id=request_id))
    draft = dossier["draft"]
    lines.append("")
    if draft:
        lines += [line.replace("  ", "", 1) for line in
                  draft_lines(request_id, draft["kind"], draft["language"], draft["text"], draft["status"], draft["edited"])]
        if draft["status"] in ("rejected", "withdrawn"):
            lines += body_lines(draft["text"])
        state = (_("{status}, edited by you").format(status=status_word(draft["status"])) if draft["edited"]
                 else status_word(draft["status"]))
        lines.append("  " + ngettext("{count} char, {state}, updated {when}", "{count} chars, {state}, updated {when}",
                                     len(draft["text"])).format(count=len(draft["text"]), state=state,
                                                                when=local_time(draft["updated_at"])))
        from .cli_review import _history_lines

        lines += ["  " + _("History:"), *_history_lines(dossier["draft_history"])]
    else:
        lines.append(_("No draft (`assist draft-reply {id}` writes one).").format(id=request_id))
    if dossier["actions"]:
        lines += ["", _("What you did:")]
        for action in dossier["actions"]:
            lines.append(f"  {local_time(action['at'])}  {_action_text(action)}")
    typer.echo("\n".join(lines))


def _action_text(action: dict) -> str:
    from .terminal import shown
    from .text import quote

    from .cli_review import action_word
    from .output import verdict_word

    name, detail = action["action"], shown(action["detail"] or "")
    if name == "decided":
        return _("you decided {verdict}").format(verdict=verdict_word(detail).lower())
    if name == "edited":
        try:
            change = json.loads(detail)
            return _("you edited the draft: {text}").format(text=shown(quote(change["to"], 60)))
        except (ValueError, KeyError, TypeError):
            return _("you edited the draft")
    if name == "undone":
        return _("you undid: {what}").format(what=detail)
    return f"{action_word(name)}{f' ({detail})' if detail else ''}"


def undo_command(db: DbOption = None) -> None:
    """Revert your last decision or draft action, and say what was reverted.

    A decision, an approval, a rejection, an edit, a reopen, a regenerated or requested draft: the
    request's draft and decision are put back as they were just before it. Each undo goes one
    action further back. A reply marked sent cannot be undone: sent is final.

    Examples:

        assist decide req-02 ignore

        assist undo
    """
    with _store(db) as store:
        undone = store.undo()
    for line in undone_lines(undone):
        typer.echo(line)


def undone_lines(undone: "Undone") -> list[str]:
    """What an undo reverted, in words, and what the request's decision and draft are now."""
    from .text import quote

    from .terminal import shown

    from .output import kind_word, status_word, verdict_word

    lines = [_("undone: {what}").format(what=shown(undone.what))]
    before, after = undone.was, undone.now
    if before["decision"] != after["decision"]:
        decision = after["decision"]
        lines.append("  " + (_("your decision: {verdict}").format(verdict=verdict_word(decision["verdict"]).lower())
                             if decision else _("your decision: none (assist's verdict stands again)")))
    if before["draft"] != after["draft"]:
        draft = after["draft"]
        if draft is None:
            lines.append("  " + _("the draft: none"))
        else:
            state = (_("{status}, edited by you").format(status=status_word(draft["status"])) if draft["edited"]
                     else status_word(draft["status"]))
            lines.append("  " + _("the draft: {state} {kind}, {language}: {text}").format(
                state=state, kind=kind_word(draft["kind"]), language=draft["language"],
                text=shown(quote(draft["text"], 70))))
    return lines
