"""The command line. Every failure is one line on stderr: exit 2 for bad input or usage, 1 otherwise.

Commands import what they use in their own bodies: `assist --version` loads no models, no
templates and no LLM machinery.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from dataclasses import replace

# assist uses no pydantic plugins: skip their discovery, a scan of every installed package's
# metadata that would cost each run tens of milliseconds before its first request.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional

import typer

from . import __version__
from .cli_common import (
    ConfigOption, DbOption, ExportOption, InputsArgument, JsonOption, RedactOption, Requests, err, inputs_or_stdin, llm_options,
    user_config,
)
from .cli_common import HELP_OPTIONS
from .evidence import shown as in_words
from .errors import AssistError, ExitCode, InputError
from .i18n import N_, _, ngettext
from .vocabulary import BACKENDS, DEFAULT_MAX_CHARS, LANGUAGES, MIN_MAX_CHARS, Language, ReplyKind

if TYPE_CHECKING:
    from .backends import BackendChoice

EXAMPLES = """
Examples:

    assist screen fixtures/requests -c fixtures/configs/analyst-vi.toml

    assist review

    assist list --verdict ask --since 7d
"""

app = typer.Typer(
    name="assist",
    help=N_("Screen LinkedIn connection requests from strangers: accept, ask or ignore, with reasons "
            "tied to expert guidance and a polite draft reply. assist never accepts, declines or sends anything."),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=HELP_OPTIONS,
    epilog=EXAMPLES,
)
prompt_app = typer.Typer(help=N_("Inspect the prompt an LLM would receive."), no_args_is_help=True,
                         context_settings=HELP_OPTIONS,
                         epilog="\nExamples:\n\n    assist prompt show fixtures/requests/01-momo-talent-partner.json")
app.add_typer(prompt_app, name="prompt")

MaxCharsOption = Annotated[int, typer.Option("--max-chars", min=MIN_MAX_CHARS, help=N_("Longest draft reply, in characters."))]
LanguageOption = Annotated[Optional[Language], typer.Option("--language", help=N_("Write replies in this language, whatever the note's (default: [me] reply_language; auto answers in the note's language where a template exists, else in [me] language)."), show_default=False)]


TABLE_AFTER = 10  # a terminal gets the table when there are more requests than this


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"assist {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=N_("Show the version and exit."))] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=N_("No colour (as NO_COLOR=1 does); also taken after any command."))] = False,
    lang: Annotated[Optional[str], typer.Option("--lang", help=N_("The interface's language for this command (en, vi), whatever [me] interface_language, ASSIST_LANG or the locale say; not the replies' (--language). Also taken after any command."), show_default=False)] = None,
) -> None:
    """Screen LinkedIn connection requests from strangers."""
    if no_color:
        os.environ["NO_COLOR"] = "1"
    if lang is not None:  # main() takes it first; here when the app is run without main (typer's CliRunner)
        from . import i18n

        if lang not in i18n.spoken():
            raise InputError("--lang", _("expected one of {languages} (got {value})").format(
                languages=", ".join(i18n.spoken()), value=repr(lang)))
        i18n.setup(lang)


@app.command()
@llm_options
def screen(
    inputs: InputsArgument = None,
    config: ConfigOption = None,
    json_output: JsonOption = False,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    db: DbOption = None,
    no_store: Annotated[bool, typer.Option("--no-store", help=N_("Keep nothing: do not record verdicts and drafts for review."))] = False,
    concurrency: Annotated[Optional[int], typer.Option("--concurrency", min=1, max=256, help=N_("LLM requests screened at once (default 8 for a server, 1 for --backend local; rules runs in sequence). A rate limit (HTTP 429) pauses them all."), show_default=False)] = None,
    redact: RedactOption = False,
    language: LanguageOption = None,
    export: ExportOption = None,
    format: Annotated[Optional[Literal["table", "full"]], typer.Option("--format", help=N_("table: one line per request (verdict, name, headline, the main reason); full: a card each, with the reasons and the draft. Default: the table on a terminal when there are more than ten requests, else full."), show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help=N_("Also print requests screened before under the same settings (otherwise counted in one line; --json prints them all)."))] = False,
    *,
    llm: "BackendChoice",
) -> None:
    """Screen requests: a verdict (accept, ask, ignore), the reasons, and a draft reply when in doubt.

    Verdicts and drafts are recorded in the local store for `assist review`; a run that stopped
    resumes where it left off, and requests already screened under the same settings are not
    screened (or paid for) again: they are counted in one line (see them with `assist list`, or
    --all).

    Examples:

        assist screen fixtures/requests -c fixtures/configs/analyst-vi.toml

        assist screen fixtures/Invitations.csv --format table

        assist screen fixtures/export/analyst-vi.zip --format table

        assist screen fixtures/requests --json > verdicts.jsonl
    """
    from .backends import LLMError, select_backend
    from .context import RunContext, no_examples
    from .guidance import load_guidance
    from .output import (
        ProgressBar, failures_line, stderr_is_terminal, summary_line, table_header, table_line, usage_line,
        verdict_text,
    )
    from .report import RunReport
    from .runner import screen_all

    from .known import Exports

    user = user_config(config, quiet=json_output)
    guidance = load_guidance()
    exports = Exports(guidance)
    network = exports.for_run(inputs_or_stdin(inputs), export)
    backend = select_backend(user, guidance, replace(llm, concurrency=concurrency))
    # Concurrency buys time only while waiting for a model: the offline engine runs in sequence.
    workers = (concurrency or backend.default_concurrency) if backend.costs_money else 1
    store = None
    if not no_store:
        from .store import Store

        store = Store.open(db)
    examples = store.example_reader() if store is not None and backend.needs_examples else no_examples
    ctx = RunContext(user, guidance, max_chars, redact, examples, reply_language=language, network=network)
    report = RunReport()
    # A progress bar only for a person watching: a terminal, and never with --json.
    progress = ProgressBar(enabled=not json_output and stderr_is_terminal())
    requests = Requests(inputs_or_stdin(inputs), on_bad=lambda message: progress.say(_("error: {message}").format(message=message)),
                        exports=exports, network=network, on_skip=lambda message: progress.say(_("skipped: {message}").format(message=message)))
    requests.problems()

    # For a person: cards, or a table (asked for, or a terminal with more than ten requests: the
    # first eleven wait to know); requests screened before under the same settings are counted.
    view = {"format": format, "already": 0, "waiting": []}
    on_terminal = format is None and not json_output and _stdout_is_terminal()
    if format is None and not on_terminal:
        view["format"] = "full"

    def show(result, headline: str | None) -> None:
        if json_output:
            typer.echo(result.model_dump_json())
            return
        if result.resumed and not all_:
            view["already"] += 1
            return
        if view["format"] is None:
            view["waiting"].append((result, headline))
            if len(view["waiting"]) <= TABLE_AFTER:
                return
            view["format"] = "table"
            waiting, view["waiting"] = view["waiting"], []
            for early in waiting:
                show(*early)
            return
        if view["format"] == "table":
            if not view.get("headed"):
                view["headed"] = True
                typer.echo(table_header())
            typer.echo(table_line(result, headline))
        else:
            typer.echo(verdict_text(result))

    def flush() -> None:
        if view["format"] is None:
            view["format"] = "full"
            for early in view.pop("waiting"):
                show(*early)

    def finish() -> None:
        progress.close()
        if not json_output:
            flush()
            if view.get("headed"):
                typer.echo("")
            if view["already"]:
                typer.echo(ngettext("{count} already screened, see `assist list` (or --all)",
                                    "{count} already screened, see `assist list` (or --all)", view["already"]
                                    ).format(count=view["already"]))
            if requests.skipped:
                typer.echo(ngettext("{count} already a connection, not screened", "{count} already connections, not screened",
                                    requests.skipped).format(count=requests.skipped))
        if json_output:  # stdout holds only verdicts: an LLM batch's summary goes to stderr
            if backend.costs_money and report.screened + report.failures > 1:
                err(summary_line(report))
        elif report.screened:
            typer.echo(summary_line(report))
        line = usage_line(report)
        if line:
            err(line) if json_output else typer.echo(line)
        if report.failures and report.screened + report.failures > 1:
            err(failures_line(report))

    # What set-up allocated (modules, the guidance, the app) lives as long as the process: kept out
    # of the garbage collector's way, and collections made rarer (a verdict's objects are freed by
    # reference counting; cycles are few), a batch of 10,000 spends 0.3 s less collecting.
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    try:
        for screened in screen_all(requests, backend, ctx, store, resume=llm.use_cache, concurrency=workers,
                                   on_done=lambda s: progress.advance(requests.read, failed=s.error is not None),
                                   on_warning=lambda message: progress.say(_("warning: {message}").format(message=message))):
            loaded, result = screened.loaded, screened.result
            if result is None:
                progress.say(_("error: {message}").format(
                    message=f"{loaded.request.id} ({loaded.origin}): {in_words(str(screened.error))}"))
                report.fail(loaded.request.id or loaded.origin)
                continue
            report.add(result)
            show(result, loaded.request.sender.headline)
    except LLMError:
        finish()
        raise
    finally:
        if store is not None:
            store.close()
    finish()
    if requests.bad:
        raise typer.Exit(ExitCode.BAD_INPUT)
    if report.failures:
        raise typer.Exit(ExitCode.FAILURE)


@app.command("draft-reply")
@llm_options
def draft_reply_command(
    request: Annotated[str, typer.Argument(help=N_("A request file (or - for standard input), or the id (or a unique prefix of it) of a screened request, whose pending draft it becomes."))],
    kind: Annotated[Optional[ReplyKind], typer.Option("--kind", help=N_("Default: the one the request calls for. clarify: ask how you know each other; acknowledge: thank them for what their note says and ask what is missing; decline: a gentle no (to a favour, a sale, a stranger); welcome: thanks after accepting."), show_default=False)] = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    config: ConfigOption = None,
    json_output: JsonOption = False,
    db: DbOption = None,
    language: LanguageOption = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Draft even for a request that reads as a scam or an attempt to manipulate the screening (one you should report instead)."))] = False,
    *,
    llm: "BackendChoice",
) -> None:
    """Draft a reply to a request, for you to review and send yourself. A request to report
    (a scam, an attempt to manipulate the screening) gets none unless you --force it.

    Examples:

        assist draft-reply fixtures/requests/22-unknown-profile-hi.json

        assist draft-reply req-02 --kind welcome --language en
    """
    from .backends import select_backend
    from .context import RunContext, no_examples
    from .screen import situation_for, write_reply
    from .situation import hostile as hostile_titles
    from .shown_words import status_word
    from .guidance import load_guidance
    from .load import Loaded
    from .signals import extract_signals
    from .store import Store, default_db_path

    user = user_config(config, quiet=json_output)
    if user.placeholder_name and not user.me.signature:
        raise InputError(user.path or "config", _('[me] name is still the starter\'s "{name}": set it to your name (or '
                                                  'set [me] signature) before drafting replies').format(name=user.me.name))
    guidance = load_guidance()
    backend = select_backend(user, guidance, llm)
    path = Path(db) if db else default_db_path()
    # An LLM sees the user's own past decisions and replies, when a store exists.
    # Not a file: the id (or a unique prefix) of a request screened before, whose draft it becomes.
    by_id = request != "-" and not Path(request).exists()
    if by_id and not path.is_file():
        raise InputError(request, _("no such file, and no store at {path} to find a screened request in").format(path=path))
    store = Store.open(path) if (by_id or backend.needs_examples) and path.is_file() else None
    ctx = RunContext(user, guidance, max_chars, examples=store.example_reader() if store and backend.needs_examples
                     else no_examples, reply_language=language)
    requests = Requests([] if by_id else [request])
    refused = False
    try:
        if by_id:
            request_id = store.resolve(request)
            loaded_all = [Loaded(request_id, request=store.request(request_id))]
        else:
            loaded_all = list(requests)  # a file of a few requests: each draft is then headed by its sender
        for loaded in loaded_all:
            signals = extract_signals(loaded.request, user, guidance)
            hostile = hostile_titles(signals, guidance)
            if hostile and not force:
                err(_("error: {message}").format(message=_(
                    "{origin}: no reply drafted: it reads as {what}; report it to LinkedIn instead (--force drafts one "
                    "anyway)").format(origin=loaded.origin, what=_(" and ").join(hostile).lower())))
                refused = True
                continue
            # The situation the request calls for (situation.py), unless --kind chose one.
            situation = kind or situation_for(loaded.request, signals, ctx, store.standing_verdict(loaded.origin) if by_id else None)
            if situation is None:  # a report is already refused above; --force drafts the question
                situation = "clarify"
            drafted = write_reply(backend, loaded.request, signals, situation, ctx)
            stored = None
            if by_id:  # the request's pending draft now, unless the user has acted on one
                kept, stored = store.offer_draft(loaded.origin, drafted.reply.kind, drafted.reply.language, drafted.reply.text)
                if not stored:
                    kept_draft = (_("{origin}: your edited {status} draft is kept; this one is only printed") if kept.edited
                                  else _("{origin}: your {status} draft is kept; this one is only printed"))
                    err(_("note: {message}").format(message=kept_draft.format(origin=loaded.origin,
                                                                               status=status_word(kept.status))))
            if json_output:
                typer.echo(json.dumps({"id": loaded.request.id, **drafted.reply.model_dump(), "backend": backend.name,
                                       "model": backend.model, "usage": drafted.usage.model_dump() if drafted.usage else None,
                                       "warnings": drafted.warnings, **({"stored": stored} if by_id else {})},
                                      ensure_ascii=False))
            else:
                from .terminal import shown, shown_lines

                for warning in drafted.warnings:
                    err(_("warning: {message}").format(message=in_words(warning)))
                if len(loaded_all) > 1:
                    typer.echo(shown(_("To {name} ({id}):").format(name=loaded.request.sender.name,
                                                                   id=loaded.request.id or loaded.origin)))
                typer.echo(shown_lines(drafted.reply.text) + "\n")
    finally:
        if store is not None:
            store.close()
    if requests.bad or refused:
        raise typer.Exit(ExitCode.BAD_INPUT)


@app.command()
def init(
    path: Annotated[Optional[Path], typer.Argument(help=N_("Where to write it. Default: the user config directory."), show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Overwrite an existing file."))] = False,
    company: Annotated[Optional[str], typer.Option("--company", help=N_("Where you work now: colleagues there are a known tie. Asked for when run at a keyboard; default: read from your headline."), show_default=False)] = None,
    from_export: Annotated[Optional[Path], typer.Option("--from-export", help=N_("Fill [me] from your LinkedIn data export (its .zip, or the folder it unpacks to), read in place."), show_default=False)] = None,
) -> None:
    """Write a commented starter config (or one filled in from your LinkedIn export).

    Examples:

        assist init

        assist init assist.toml --company VNPay --force

        assist init me.toml --from-export fixtures/export/analyst-vi.zip
    """
    from .config import starter_config, user_config_path

    from .paths import prepare_folder

    target = path or user_config_path()
    if target.is_dir():
        raise InputError(str(target), _("is a folder, not a file: give the config file's name (e.g. {example})").format(
            example=target / "assist.toml"))
    if target.exists() and not force:
        raise InputError(str(target), _("already exists (use --force to overwrite)"))
    if from_export is not None:
        _init_from_export(from_export, target, company)
        return
    answers: dict[str, str] = {}
    if sys.stdin is not None and sys.stdin.isatty():
        if company is None:
            company = _ask(_("Your company, where you work now (Enter to skip)"), "")
        own = _ask(_("Your own language ({languages}; Enter for auto)").format(languages=", ".join(LANGUAGES)), "")
        if own in LANGUAGES:
            answers["language"] = own
        if own == "vi":  # how Vietnamese replies speak (xưng hô): address.py
            answers["vi_self"] = _ask(_("In Vietnamese replies, you call yourself (tôi, mình, anh, chị, em)"), "tôi")
            answers["vi_address"] = _ask(_("and a stranger by default (anh/chị, or bạn for peers)"), "anh/chị")
    prepare_folder(target.parent, N_("the file goes under it"))
    try:
        target.write_text(starter_config(company, **answers), encoding="utf-8")
    except OSError as error:
        raise InputError(str(target), _("cannot write ({reason}): check the folder's permissions, or give another "
                                        "path").format(reason=error.strerror or error)) from None
    typer.echo(_("wrote {path}: edit it, then run `assist screen`").format(path=target))


def _init_from_export(source: Path, target: Path, company: str | None) -> None:
    """`assist init --from-export`: the config from the export, written and shown; the export's bad
    rows (in the files read) each one line, and exit 2 once the config is written."""
    from .export import open_export
    from .export_config import answers_from, render
    from .paths import prepare_folder
    from .terminal import shown_lines

    with open_export(source) as export:
        answers = answers_from(export, company)
        problems = list(export.problems)
    text = render(answers, str(source))
    prepare_folder(target.parent, N_("the file goes under it"))
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(str(target), _("cannot write ({reason}): check the folder's permissions, or give another "
                                        "path").format(reason=error.strerror or error)) from None
    typer.echo(shown_lines(text))
    typer.echo(_("wrote {path} from {source}: check it, answer its questions (goals, target companies, openness), "
                 "then run `assist screen`").format(path=target, source=source))
    if answers.missing:
        err(_("note: {message}").format(message=_("not in the export: {keys}; their keys stay commented").format(
            keys=", ".join(answers.missing))))
    for problem in problems:
        err(_("error: {message}").format(message=problem))
    if problems:
        raise typer.Exit(ExitCode.BAD_INPUT)


def _ask(question: str, default: str) -> str:
    """One question at the keyboard; the default when the input ends."""
    try:
        return typer.prompt(question, default=default, show_default=bool(default)).strip()
    except (typer.Abort, EOFError):
        return default


@prompt_app.command("show")
def prompt_show(
    request: Annotated[str, typer.Argument(help=N_("A request file (or - for standard input)."))],
    config: ConfigOption = None,
    json_output: JsonOption = False,
    structured_output: Annotated[Optional[str], typer.Option("--structured-output", help=N_("auto, json_schema, json_object or prompt."), show_default=False)] = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    model: Annotated[Optional[str], typer.Option("--model", help=N_("Model name for the server (or ASSIST_MODEL)."), show_default=False)] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help=N_("OpenAI-compatible server (or OPENAI_BASE_URL)."), show_default=False)] = None,
    redact: RedactOption = False,
    export: ExportOption = None,
) -> None:
    """Print exactly the messages an LLM would receive for a request (a dry run: nothing is sent).

    Examples:

        assist prompt show fixtures/requests/01-momo-talent-partner.json

        assist prompt show fixtures/requests/23-injection-note-en.json --json
    """
    from .backends import BackendChoice, base_url as server_url, model_name, structured_output_mode
    from .backends.openai_backend import STRUCTURED_MODES, ServerSettings, build_request
    from .context import RunContext
    from .guidance import load_guidance
    from .known import Exports
    from .render import prompt_version, render_messages
    from .screen import signals_for
    from .validate import LLMVerdict, answer_schema

    user = user_config(config, quiet=True)
    guidance = load_guidance()
    version = prompt_version(guidance)
    choice = BackendChoice(structured_output=structured_output, model=model, base_url=base_url)
    mode = structured_output_mode(user, choice)
    sent_mode = STRUCTURED_MODES[0] if mode == "auto" else mode
    settings = ServerSettings(model=model_name(user, choice), base_url=server_url(user, choice),
                              temperature=user.llm.temperature)
    schema = answer_schema(LLMVerdict, guidance, max_chars)
    exports = Exports(guidance)
    network = exports.for_run([request], export)
    ctx = RunContext(user, guidance, max_chars, redact, network=network)
    # A dry run: the prompt of a sender who is already a connection is shown too.
    requests = Requests([request], exports=exports, network=network, skip_connections=False)
    requests.problems()
    for loaded in requests:
        messages = render_messages(loaded.request, signals_for(loaded.request, ctx), ctx)
        body = build_request(settings, messages, schema, LLMVerdict.__name__, sent_mode)
        if json_output:
            typer.echo(json.dumps({"id": loaded.request.id, "prompt_version": version, "messages": body["messages"],
                                   "structured_output": mode, "response_format": body.get("response_format")},
                                  ensure_ascii=False))
        else:
            from .terminal import shown, shown_lines

            note = " (auto: tried first; json_object, then prompt, if the server rejects it)" if mode == "auto" else ""
            typer.echo(f"# prompt version {version}, request {shown(loaded.request.id or '')}, structured output {sent_mode}{note}")
            for message in body["messages"]:  # as sent, but for terminal controls (--json has them exactly)
                typer.echo(f"\n--- {message['role']} ---\n{shown_lines(message['content'])}")
            if "response_format" in body:
                typer.echo(f"\n--- response_format ---\n{json.dumps(body['response_format'], ensure_ascii=False)}")
    if requests.bad:
        raise typer.Exit(ExitCode.BAD_INPUT)


@app.command("eval")
@llm_options
def eval_command(
    dataset: Annotated[str, typer.Argument(help=N_("A directory (or file) of labelled requests; subdirectories such as dev/ and test/, and those one level deeper (hostile/dev), are reported as parts."))],
    personas: Annotated[Optional[str], typer.Option("--personas", help=N_("Directory of persona configs named in the labels. Default: DATASET/personas, then ../personas, then ../configs."), show_default=False)] = None,
    config: ConfigOption = None,
    json_output: JsonOption = False,
    min_agreement: Annotated[Optional[float], typer.Option("--min-agreement", min=0, max=1, help=N_("Exit 1 when agreement (in any part) is below this (0 to 1)."), show_default=False)] = None,
    compare_with: Annotated[Optional[str], typer.Option("--compare", help=N_("Backends side by side, e.g. rules,local,openai; the baselines accept-all and mutual-only are always added."), show_default=False)] = None,
    part: Annotated[Optional[str], typer.Option("--part", help=N_("Only this part of the dataset, e.g. test."), show_default=False)] = None,
    exports: Annotated[Optional[str], typer.Option("--exports", help=N_("Directory of the personas' own LinkedIn exports (<persona>/ or <persona>.zip), their evidence used as `screen --export` uses it. Default: exports/ beside each part (fixtures/eval/export/exports for export/dev)."), show_default=False)] = None,
    no_exports: Annotated[bool, typer.Option("--no-exports", help=N_("Judge without the personas' exports (to see what they change)."))] = False,
    *,
    llm: "BackendChoice",
) -> None:
    """Screen labelled cases: agreement with the labels, acceptable and harmful verdicts, a confusion
    matrix, precision and recall per flag, latency, tokens and cost.

    Examples:

        assist eval fixtures/eval --part dev

        assist eval fixtures/eval --part dev --compare rules --json
    """
    from .backends import BackendChoice, RulesBackend, select_backend
    from .evaluate import compare, comparison_json, dataset_parts, evaluate
    from .guidance import load_guidance
    from .output import eval_comparison, eval_report

    user = user_config(config, quiet=True)
    guidance = load_guidance()

    def backend_for(name: str | None):
        choice = replace(llm, backend=name)
        # Nothing asked for: the offline engine, whatever the environment holds (no surprise bill).
        return select_backend(user, guidance, choice) if choice != BackendChoice() else RulesBackend()

    def on_error(message: str) -> None:
        err(_("error: {message}").format(message=message))

    if exports and no_exports:
        raise InputError("--no-exports", _("--exports and --no-exports together: choose one"))
    which_exports = False if no_exports else exports

    if compare_with is not None:
        names = [name.strip() for name in compare_with.split(",") if name.strip()]
        if not names or any(name not in BACKENDS for name in names):
            raise InputError("--compare", _("expected a comma-separated list of {backends} (got {value})").format(
                backends=", ".join(BACKENDS), value=repr(compare_with)))
        backends = {name: backend_for(name) for name in names}
        table = compare(dataset, personas, config, backends, on_error,
                        progress=(lambda line: None) if json_output else (lambda line: err(f"eval: {line}")), part=part,
                        exports=which_exports)
        reports = [report for columns in table.values() for report in columns.values()]
        typer.echo(json.dumps(comparison_json(table), ensure_ascii=False) if json_output else eval_comparison(table))
        checked = [report for columns in table.values() for name, report in columns.items() if name in backends]
    else:
        backend = backend_for(llm.backend)
        parts = dataset_parts(dataset, part)
        if list(parts) == ["all"]:
            report = evaluate(dataset, personas, config, backend, on_error, exports=which_exports)
            typer.echo(json.dumps(report.as_json(), ensure_ascii=False) if json_output else eval_report(report))
            reports = checked = [report]
        else:
            table = compare(dataset, personas, config, {backend.name: backend}, on_error, part=part, exports=which_exports)
            reports = checked = [columns[backend.name] for columns in table.values()]
            if json_output:
                typer.echo(json.dumps({"parts": {part: columns[backend.name].as_json() for part, columns in table.items()}},
                                      ensure_ascii=False))
            else:
                typer.echo("\n\n".join(f"== {part} ==\n{eval_report(columns[backend.name])}" for part, columns in table.items()))
    if any(report.bad_items for report in reports):
        raise typer.Exit(ExitCode.BAD_INPUT)
    if min_agreement is not None:
        lowest = min(report.agreement for report in checked)
        if lowest < min_agreement:
            err(f"agreement {lowest:.1%} is below --min-agreement {min_agreement:.1%}")
            raise typer.Exit(ExitCode.FAILURE)


@app.command("eval-replies")
def eval_replies_command(
    dataset: Annotated[str, typer.Argument(help=N_("A directory of labelled reply cases (fixtures/replies), with parts such as dev/ and test/."))],
    personas: Annotated[Optional[str], typer.Option("--personas", help=N_("Directory of persona configs the cases name. Default: ../eval/personas beside the dataset, else DATASET/personas, ../personas or ../configs."), show_default=False)] = None,
    part: Annotated[Optional[str], typer.Option("--part", help=N_("Only this part, e.g. dev."), show_default=False)] = None,
    misses: Annotated[bool, typer.Option("--misses", help=N_("List every case that missed a check, with its reply (read them on dev parts only)."))] = False,
    json_output: JsonOption = False,
) -> None:
    """Draft the reply for labelled cases offline and measure it: greeting name, Vietnamese address
    form, situation, language, length, question kept, safety.

    Examples:

        assist eval-replies fixtures/replies --part dev

        assist eval-replies fixtures/replies --part dev --misses
    """
    from .evaluate_replies import evaluate_replies, replies_table

    reports = evaluate_replies(dataset, personas, lambda message: err(_("error: {message}").format(message=message)), part)
    if json_output:
        typer.echo(json.dumps({"parts": {name: report.as_json() for name, report in reports.items()}}, ensure_ascii=False))
    else:
        typer.echo(replies_table(reports, misses))
    if any(report.bad_items for report in reports.values()):
        raise typer.Exit(ExitCode.BAD_INPUT)


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app and turns every exception into one line and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    # --no-color anywhere before a `--`, as after any command: colour off for the whole run.
    end = args.index("--") if "--" in args else len(args)
    if "--no-color" in args[:end]:
        args = [arg for index, arg in enumerate(args) if index >= end or arg != "--no-color"]
        os.environ["NO_COLOR"] = "1"
    try:
        end = args.index("--") if "--" in args else len(args)
        args = _interface_language(args[:end]) + args[end:]
    except InputError as error:
        err(_("error: {message}").format(message=error))
        return error.exit_code
    if not args or "-h" in args or "--help" in args or (len(args) == 1 and args[0] in GROUPS):
        from .help_text import translate

        translate(app)  # the commands' descriptions in the interface's language
    try:
        result = app(args=args, prog_name="assist", standalone_mode=False)
        return int(result) if isinstance(result, int) else 0
    except typer.Exit as error:
        return error.exit_code
    except typer.Abort:
        err(_("aborted"))
        return ExitCode.FAILURE
    except typer.TyperException as error:  # the command line's own usage errors (click's, vendored)
        ctx = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
            typer.echo(ctx.get_help())
            return ExitCode.OK
        command = ctx.command_path if ctx is not None else "assist"
        from .usage_errors import said

        err(_("error: {message}").format(message=_("{problem} (see '{command} --help')").format(
            problem=said(error), command=command)))
        return ExitCode.BAD_INPUT if getattr(error, "exit_code", 2) == 2 else ExitCode.FAILURE
    except AssistError as error:
        from .backends.errors import LLMError

        err(_("error: {message}").format(message=in_words(str(error)) if isinstance(error, LLMError) else error))
        return error.exit_code
    except KeyboardInterrupt:
        err(_("interrupted"))
        return 130
    except BrokenPipeError:
        _quiet_broken_pipe()
        return ExitCode.OK
    except OSError as error:  # a file or folder: one line naming it and the fix
        if os.environ.get("ASSIST_DEBUG"):
            raise
        from .paths import os_problem

        message, users_side = os_problem(error)
        err(_("error: {message}").format(message=message))
        return ExitCode.BAD_INPUT if users_side else ExitCode.FAILURE
    except Exception as error:  # a bug: still one line, with a way to see more
        if os.environ.get("ASSIST_DEBUG"):
            raise
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is not None and isinstance(error, sqlite3.Error):  # the store, damaged or read-only
            from .store import database_problem

            problem = database_problem(error)
            err(_("error: {message}").format(message=problem))
            return problem.exit_code
        err(_("error: {message}").format(message=_("unexpected {kind}: {error} (set ASSIST_DEBUG=1 for the traceback)").format(
            kind=type(error).__name__, error=error)))
        return ExitCode.FAILURE


def _interface_language(args: list[str]) -> list[str]:
    """Takes `--lang X` (or `--lang=X`) from anywhere in the arguments, and sets the language this
    command speaks in (i18n.py): --lang, else the default config's, ASSIST_LANG, the locale. A
    command that reads a config (--config) settles it again then."""
    from . import i18n

    override, kept, index = None, [], 0
    given: list[str] = []  # a config named on the command line: its [me] says the language too
    while index < len(args):
        arg = args[index]
        if arg in ("--config", "-c") and index + 1 < len(args):
            given.append(args[index + 1])
        elif arg.startswith("--config="):
            given.append(arg.partition("=")[2])
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else (args[index + 1] if index + 1 < len(args) else "")
            index += 1 if "=" in arg else 2
            if value not in i18n.spoken():
                i18n.setup(None, config_file=lambda: _named_config(given) or _default_config())
                raise InputError("--lang", _("expected one of {languages} (got {value})").format(
                    languages=", ".join(i18n.spoken()), value=repr(value)))
            override = value
            continue
        kept.append(arg)
        index += 1
    i18n.setup(override, config_file=lambda: _named_config(given) or _default_config())
    return kept


def _named_config(given: list[str]) -> Path | None:
    """The config named with --config, if it is a file (read for its language only)."""
    path = Path(given[-1]).expanduser() if given else None
    return path if path is not None and path.is_file() else None


def _default_config() -> Path | None:
    """The config a command reads when none is given, if any (never an error here)."""
    from .paths import config_file

    try:
        return config_file(None)
    except AssistError:
        return None


def _quiet_broken_pipe() -> None:
    # `assist screen ... | head`: stop quietly, as command-line tools do.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    sys.exit(main())


GROUPS = ("prompt", "review", "learned", "batch")  # `assist review` alone is the interactive review, not help


def _register() -> None:
    from . import cli_batch, cli_past, cli_review

    cli_review.register(app)
    cli_past.register(app)
    cli_batch.register(app)
    for info in [*app.registered_commands, *app.registered_groups]:
        _whole_first_sentence(info)


def _whole_first_sentence(info) -> None:
    """The command lists (the root's, and each group's) show each command's first sentence whole
    (click would cut it at 45 characters, with "..."), and every group takes -h as --help."""
    group = getattr(info, "typer_instance", None)
    if group is not None:
        group.info.context_settings = {**(group.info.context_settings or {}), **HELP_OPTIONS}
        for command in [*group.registered_commands, *group.registered_groups]:
            _whole_first_sentence(command)  # the group's own list of commands, whole too
    if info.short_help:
        return
    doc = info.help or (group.info.help if group is not None else None) or (info.callback.__doc__ if info.callback else None)
    if not doc or isinstance(doc, typer.models.DefaultPlaceholder):
        return
    from .help_text import first_sentence

    info.short_help = first_sentence(doc)


_register()
