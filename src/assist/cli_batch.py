"""`assist batch submit|status|collect`: the OpenAI Batch API (batch_api.py), for volumes beyond one
machine. Every failure is one line on stderr, as everywhere in assist."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from .cli_common import ConfigOption, DbOption, ExportOption, Requests, err, inputs_or_stdin, user_config
from .evidence import shown as in_words
from .errors import ExitCode
from .i18n import N_, _, ngettext
from .vocabulary import MIN_MAX_CHARS

batch_app = typer.Typer(
    help=N_("Screen many requests through the OpenAI Batch API: submit now, collect the verdicts within 24 hours at half the price."),
    no_args_is_help=True,
    epilog="\nExamples:\n\n    assist batch submit fixtures/requests --model gpt-4o-mini\n\n    assist batch status\n\n"
           "    assist batch collect --json > verdicts.jsonl",
)

BatchIdArgument = Annotated[Optional[str], typer.Argument(help=N_("The batch id (default: the last one submitted from here)."), show_default=False)]


def register(app: typer.Typer) -> None:
    app.add_typer(batch_app, name="batch")


@batch_app.command("submit")
def submit_command(
    inputs: Annotated[Optional[list[str]], typer.Argument(help=N_("Request files, directories, Invitations.csv, or - for standard input."), show_default=False)] = None,
    config: ConfigOption = None,
    model: Annotated[Optional[str], typer.Option("--model", help=N_("Model name (or ASSIST_MODEL)."), show_default=False)] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help=N_("A server with the Batch API (default: OpenAI, or OPENAI_BASE_URL)."), show_default=False)] = None,
    structured_output: Annotated[Optional[str], typer.Option("--structured-output", help=N_("json_schema (default for auto), json_object or prompt."), show_default=False)] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", min=MIN_MAX_CHARS, help=N_("Longest draft reply, in characters."))] = 300,
    redact: Annotated[bool, typer.Option("--redact", help=N_("Replace emails, phone numbers and URLs in the sender's text with [email], [phone], [url]."))] = False,
    db: DbOption = None,
    export: ExportOption = None,
) -> None:
    """Upload the requests' prompts as one batch; prints the batch id. Requests already screened are skipped.

    Examples:

        assist batch submit fixtures/requests --model gpt-4o-mini
    """
    from .backends import BackendChoice, select_backend
    from .batch_api import submit
    from .context import RunContext
    from .guidance import load_guidance
    from .known import Exports
    from .store import Store

    user = user_config(config, quiet=True)
    guidance = load_guidance()
    backend = select_backend(user, guidance, BackendChoice("openai", base_url, model, structured_output, None, True, concurrency=2))
    exports = Exports(guidance)
    network = exports.for_run(inputs_or_stdin(inputs), export)
    ctx = RunContext(user, guidance, max_chars, redact, network=network)
    store = Store.open(db)
    requests = Requests(inputs_or_stdin(inputs), exports=exports, network=network)
    requests.problems()
    items = list(requests)
    done = submit(items, backend, ctx, store, on_note=err)
    if done is None:
        err(ngettext("nothing to submit: {count} request already screened", "nothing to submit: {count} requests already "
                     "screened", len(items)).format(count=len(items)))
    else:
        typer.echo(done.state.batch_id)
        submitted = ngettext("submitted {count} request", "submitted {count} requests", done.submitted).format(
            count=done.submitted)
        skipped = " " + _("({count} already screened, not sent)").format(count=done.skipped) if done.skipped else ""
        err(submitted + skipped + " " + _("to {url}; `assist batch status` to follow it, `assist batch collect` once it "
                                          "is completed").format(url=done.state.base_url))
    if requests.bad:
        raise typer.Exit(ExitCode.BAD_INPUT)


@batch_app.command("status")
def status_command(
    batch_id: BatchIdArgument = None,
    json_output: Annotated[bool, typer.Option("--json", help=N_("One JSON object."))] = False,
) -> None:
    """The batch's status and request counts.

    Examples:

        assist batch status

        assist batch status --json
    """
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
    json_output: Annotated[bool, typer.Option("--json", help=N_("One JSON object per verdict, as `assist screen --json`."))] = False,
    db: DbOption = None,
) -> None:
    """Download the answers, validate and guard them, record the verdicts, print them. Exit 1 if any failed.

    Examples:

        assist batch collect

        assist batch collect --json > verdicts.jsonl
    """
    from .batch_api import DONE, BatchState, collect, counts_text, status
    from .guidance import load_guidance
    from .output import failures_line, summary_line, usage_line, verdict_text
    from .report import RunReport
    from .store import Store

    state = BatchState.load(batch_id)
    batch = status(state)
    if batch.status not in DONE:
        err(_("batch {id} is {status} ({counts}): collect it once it is completed").format(
            id=batch.id, status=batch.status, counts=counts_text(batch)))
        raise typer.Exit(ExitCode.FAILURE)
    collected = collect(state, Store.open(db), load_guidance(), batch)
    report = RunReport()
    for request, origin, result, error in collected.outcomes:
        if result is None:
            err(_("error: {message}").format(message=f"{request.id} ({origin}): {in_words(error)}"))
            report.fail(request.id or origin)
            continue
        report.add(result)
        typer.echo(result.model_dump_json() if json_output else verdict_text(result))
    say = err if json_output else typer.echo
    say(summary_line(report, timed=False) + f" (batch {batch.id}, {batch.status})")
    line = usage_line(report)
    if line:
        say(line)
    if report.failures:
        err(failures_line(report))
        raise typer.Exit(ExitCode.FAILURE)
