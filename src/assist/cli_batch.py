"""`assist batch submit|status|collect`: the OpenAI Batch API (batch_api.py), for volumes beyond one
machine. Every failure is one line on stderr, as everywhere in assist."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from .errors import ExitCode

batch_app = typer.Typer(
    help="Screen many requests through the OpenAI Batch API: submit now, collect the verdicts within 24 hours at half the price.",
    no_args_is_help=True,
)

BatchIdArgument = Annotated[Optional[str], typer.Argument(help="The batch id (default: the last one submitted from here).", show_default=False)]


def register(app: typer.Typer) -> None:
    app.add_typer(batch_app, name="batch")


def _cli():
    from . import cli

    return cli


@batch_app.command("submit")
def submit_command(
    inputs: Annotated[Optional[list[str]], typer.Argument(help="Request files, directories, Invitations.csv, or - for standard input.", show_default=False)] = None,
    config: Annotated[Optional[str], typer.Option("--config", "-c", help="User config (TOML).", show_default=False)] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Model name (or ASSIST_MODEL).", show_default=False)] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="A server with the Batch API (default: OpenAI, or OPENAI_BASE_URL).", show_default=False)] = None,
    structured_output: Annotated[Optional[str], typer.Option("--structured-output", help="json_schema (default for auto), json_object or prompt.", show_default=False)] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", min=80, help="Longest draft reply, in characters.")] = 300,
    redact: Annotated[bool, typer.Option("--redact", help="Replace emails, phone numbers and URLs in the sender's text with [email], [phone], [url].")] = False,
    db: Annotated[Optional[str], typer.Option("--db", help="The store (SQLite).", show_default=False)] = None,
) -> None:
    """Upload the requests' prompts as one batch; prints the batch id. Requests already screened are skipped."""
    from .backends import BackendChoice, select_backend
    from .batch_api import submit
    from .guidance import load_guidance
    from .store import Store

    cli = _cli()
    user = cli._config(config, quiet=True)
    backend = select_backend(user, BackendChoice("openai", base_url, model, structured_output, None, True,
                                                 concurrency=2, redact=redact))
    guidance = load_guidance()
    store = Store.open(db)
    bad_input = False
    items = []
    try:
        for loaded in cli._each_request(cli._inputs(inputs)):
            items.append(loaded)
    except cli._BatchHadErrors:
        bad_input = True
    done = submit(items, user, backend, store, max_chars, guidance, on_note=cli._err)
    if done is None:
        cli._err(f"nothing to submit: {len(items)} request{'s' if len(items) != 1 else ''} already screened")
    else:
        typer.echo(done.state.batch_id)
        skipped = f" ({done.skipped} already screened, not sent)" if done.skipped else ""
        cli._err(f"submitted {done.submitted} request{'s' if done.submitted != 1 else ''}{skipped} to "
                 f"{done.state.base_url}; `assist batch status` to follow it, `assist batch collect` once it is completed")
    if bad_input:
        raise typer.Exit(ExitCode.BAD_INPUT)


@batch_app.command("status")
def status_command(
    batch_id: BatchIdArgument = None,
    json_output: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """The batch's status and request counts."""
    from .batch_api import BatchState, counts_text, status

    state = BatchState.load(batch_id)
    batch = status(state)
    counts = getattr(batch, "request_counts", None)
    if json_output:
        typer.echo(json.dumps({
            "id": batch.id, "status": batch.status,
            "request_counts": counts.model_dump() if counts is not None else None,
            "submitted": len(state.requests), "collected": state.collected_at is not None,
        }))
    else:
        typer.echo(f"{batch.id}: {batch.status} ({counts_text(batch)}; {len(state.requests)} submitted"
                   f"{', collected' if state.collected_at else ''})")


@batch_app.command("collect")
def collect_command(
    batch_id: BatchIdArgument = None,
    json_output: Annotated[bool, typer.Option("--json", help="One JSON object per verdict, as `assist screen --json`.")] = False,
    db: Annotated[Optional[str], typer.Option("--db", help="The store (SQLite).", show_default=False)] = None,
) -> None:
    """Download the answers, validate and guard them, record the verdicts, print them. Exit 1 if any failed."""
    from .batch_api import BatchState, collect, counts_text, status
    from .guidance import load_guidance
    from .store import Store
    from .usage import BatchUsage

    cli = _cli()
    state = BatchState.load(batch_id)
    batch = status(state)
    if batch.status not in ("completed", "expired", "cancelled", "failed"):
        cli._err(f"batch {batch.id} is {batch.status} ({counts_text(batch)}): collect it once it is completed")
        raise typer.Exit(ExitCode.FAILURE)
    collected = collect(state, Store.open(db), load_guidance(), batch)
    counts = {"accept": 0, "ask": 0, "ignore": 0}
    reported = 0
    usage = BatchUsage()
    failed: list[str] = []
    for request, origin, result, error in collected.outcomes:
        if result is None:
            cli._err(f"error: {request.id} ({origin}): {error}")
            failed.append(request.id or origin)
            continue
        counts[result.verdict] += 1
        reported += result.report
        usage.add(result.usage, result.resumed)
        if json_output:
            typer.echo(result.model_dump_json())
        else:
            typer.echo(cli._with_llm_notes(cli.render_result(result, origin), result))
    summary = cli._summary_line(counts, reported, failed, 0.0).rsplit("; ", 1)[0] + f" (batch {batch.id}, {batch.status})"
    if json_output:
        cli._err(summary)
    else:
        typer.echo(summary)
    line = usage.line()
    if line:
        cli._err(line) if json_output else typer.echo(line)
    if failed:
        shown = ", ".join(failed[:20]) + (f" and {len(failed) - 20} more" if len(failed) > 20 else "")
        cli._err(f"{len(failed)} request{'s' if len(failed) != 1 else ''} failed: {shown}")
        raise typer.Exit(ExitCode.FAILURE)
