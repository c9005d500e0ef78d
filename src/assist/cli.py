"""The command line. Every failure is one line on stderr: exit 2 for bad input or usage, 1 otherwise."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .backends import BackendChoice, LLMError, RulesBackend, resolve_backend_name, select_backend
from .config import UserConfig, load_config, user_config_path
from .draft import DEFAULT_MAX_CHARS, MIN_MAX_CHARS, draft_reply, fit, reply_language
from .errors import AssistError, ExitCode, InputError
from .guidance import load_guidance
from .load import Loaded, load_requests
from .models import Reply, ReplyKind, ScreenResult
from .render import prompt_version, render_messages
from .screen import screen_and_store, screening_key
from .store import Store
from .signals import extract_signals
from .usage import BatchUsage

app = typer.Typer(
    name="assist",
    help="Screen LinkedIn connection requests from strangers: accept, ask or ignore, with reasons "
    "tied to expert guidance and a polite draft reply. assist never accepts, declines or sends anything.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
prompt_app = typer.Typer(help="Inspect the prompt an LLM would receive.", no_args_is_help=True)
app.add_typer(prompt_app, name="prompt")

ConfigOption = Annotated[
    Optional[str],
    typer.Option("--config", "-c", help="User config (TOML). Default: $ASSIST_CONFIG, ./assist.toml, then the user config directory.",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output: one JSON object per line.")]
DbOption = Annotated[Optional[str], typer.Option("--db", help="The store (SQLite). Default: $ASSIST_HOME/assist.db, else the user data directory.", show_default=False)]
BackendOption = Annotated[Optional[str], typer.Option("--backend", help="rules (offline), openai (any OpenAI-compatible server) or local (bundled model). Default: [llm] in the config, else openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else rules.", show_default=False)]
BaseUrlOption = Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (or OPENAI_BASE_URL).", show_default=False)]
ModelOption = Annotated[Optional[str], typer.Option("--model", help="Model name for the server (or ASSIST_MODEL).", show_default=False)]
StructuredOption = Annotated[Optional[str], typer.Option("--structured-output", help="auto, json_schema, json_object or prompt.", show_default=False)]
ModelPathOption = Annotated[Optional[str], typer.Option("--model-path", help="A GGUF file for --backend local (default: the bundled SmolLM2-135M-Instruct).", show_default=False)]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Ask the LLM again even when a cached verdict exists.")]
ConcurrencyOption = Annotated[Optional[int], typer.Option("--concurrency", min=1, max=256, help="LLM requests screened at once (default 8 for a server, 1 for --backend local; rules runs in sequence). A rate limit (HTTP 429) pauses them all.", show_default=False)]
RedactOption = Annotated[bool, typer.Option("--redact", help="Replace emails, phone numbers and URLs in the sender's text with [email], [phone], [url] in what an LLM is sent (the offline signals still see the original).")]
InputsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help="Request files (.json, .jsonl, LinkedIn's Invitations.csv), directories of .json files, or - for standard input.",
                   show_default=False),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"assist {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Screen LinkedIn connection requests from strangers."""


def _err(message: str) -> None:
    typer.echo(f"assist: {message}", err=True)


def _inputs(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if not sys.stdin.isatty():
        return ["-"]
    raise InputError("", "give a request file, a directory, Invitations.csv, or - for standard input (see 'assist screen --help')")


def _config(path: str | None, quiet: bool = False) -> UserConfig:
    config = load_config(path)
    if config.me is None and not quiet:
        if config.path:
            _err(f"note: {config.path} has no [me] section, so relevance to your goals cannot be judged")
        else:
            _err("note: no config found, so relevance to your goals cannot be judged (run `assist init` to write one)")
    return config


def _each_request(inputs: list[str]):
    """Good requests, in order; each bad one reported at once. Returns True at the end if any was bad."""
    bad = False
    for loaded in load_requests(inputs):
        if loaded.error is not None:
            bad = True
            _err(f"error: {loaded.error}")
            continue
        yield loaded
    if bad:
        raise _BatchHadErrors()


class _BatchHadErrors(Exception):
    pass


@app.command()
def screen(
    inputs: InputsArgument = None,
    config: ConfigOption = None,
    json_output: JsonOption = False,
    max_chars: Annotated[int, typer.Option("--max-chars", min=MIN_MAX_CHARS, help="Longest draft reply, in characters.")] = DEFAULT_MAX_CHARS,
    backend_name: BackendOption = None,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    structured_output: StructuredOption = None,
    model_path: ModelPathOption = None,
    no_cache: NoCacheOption = False,
    db: DbOption = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Keep nothing: do not record verdicts and drafts for review.")] = False,
    concurrency: ConcurrencyOption = None,
    redact: RedactOption = False,
) -> None:
    """Screen requests: a verdict (accept, ask, ignore), the reasons, and a draft reply when in doubt.

    Verdicts and drafts are recorded in the local store for `assist review`; a run that stopped
    resumes where it left off, and requests already screened under the same settings are not
    screened (or paid for) again."""
    from .runner import Progress, screen_all, stderr_is_terminal

    user = _config(config, quiet=json_output)
    name = resolve_backend_name(user, BackendChoice(backend_name, base_url, model, structured_output, model_path))
    workers = _concurrency(name, concurrency)
    backend = select_backend(user, BackendChoice(backend_name, base_url, model, structured_output, model_path, not no_cache,
                                                 concurrency=workers, redact=redact))
    guidance = load_guidance()
    store = None if no_store else Store.open(db)
    if store is not None and hasattr(backend, "examples_for"):
        backend.examples_for = store.similar_examples
    key = screening_key(user, backend, max_chars, guidance)
    counts = {"accept": 0, "ask": 0, "ignore": 0}
    reported = 0
    usage = BatchUsage()
    failed: list[str] = []
    bad_input = False
    # A progress bar only for a person watching: a terminal, and never with --json.
    progress = Progress(enabled=not json_output and stderr_is_terminal())
    run = _ScreenRun(progress, llm=name != "rules")
    try:
        for outcome in screen_all(_each_request(_inputs(inputs)), user, backend, store, key, max_chars, guidance,
                                  resume=not no_cache, concurrency=workers, progress=progress):
            loaded, result = outcome.loaded, outcome.result
            if outcome.error is not None or result is None:
                with progress.printing():
                    _err(f"error: {loaded.request.id} ({loaded.origin}): {outcome.error}")
                failed.append(loaded.request.id or loaded.origin)
                continue
            counts[result.verdict] += 1
            reported += result.report
            usage.add(result.usage, result.cached)
            with progress.printing():
                if json_output:
                    typer.echo(result.model_dump_json())
                elif result.backend != "rules":
                    typer.echo(_with_llm_notes(render_result(result, loaded.origin), result))
                else:
                    typer.echo(render_result(result, loaded.origin))
    except LLMError:
        progress.close()
        _finish_screen(counts, reported, usage, failed, json_output, run)
        raise
    except _BatchHadErrors:
        bad_input = True
    progress.close()
    _finish_screen(counts, reported, usage, failed, json_output, run)
    if bad_input:
        raise typer.Exit(ExitCode.BAD_INPUT)
    if failed:
        raise typer.Exit(ExitCode.FAILURE)


def _with_llm_notes(text: str, result: ScreenResult) -> str:
    """An LLM verdict in text mode: who produced it, and its warnings (guard caps, disagreements)."""
    origin = f"{result.backend}" + (f" {result.model}" if result.model else "") + (", cached" if result.cached else "")
    lines = [f"  by {origin}, prompt {result.prompt_version}"] + [f"  note: {warning}" for warning in result.warnings]
    return text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


class _ScreenRun:
    """What the end-of-run summary needs besides the counts: the time taken, and whether an LLM ran."""

    def __init__(self, progress, llm: bool):
        self.progress = progress
        self.llm = llm


def _concurrency(backend_name: str, requested: int | None) -> int:
    """Concurrent requests: 1 for rules (sequential, and fast) and local (one in-process model), 8
    by default for a server; --concurrency overrides it for LLM backends."""
    from .runner import DEFAULT_CONCURRENCY

    if backend_name == "rules":
        return 1
    if requested is not None:
        return requested
    return 1 if backend_name == "local" else DEFAULT_CONCURRENCY


def _finish_screen(counts: dict[str, int], reported: int, usage: BatchUsage, failed: list[str], json_output: bool,
                   run: "_ScreenRun | None" = None) -> None:
    total = sum(counts.values())
    if run is not None and json_output and run.llm and total + len(failed) > 1:
        # --json: stdout holds only verdicts, so an LLM batch's summary goes to stderr.
        _err(_summary_line(counts, reported, failed, run.progress.elapsed))
    elif run is not None and not json_output and total:
        typer.echo(_summary_line(counts, reported, failed, run.progress.elapsed))
    else:
        _summary(counts, reported, json_output)
    line = usage.line()
    if line:
        if json_output:
            _err(line)
        else:
            typer.echo(line)
    if failed and (failed_total := len(failed)) and (failed_total + sum(counts.values())) > 1:
        shown = ", ".join(failed[:20]) + (f" and {failed_total - 20} more" if failed_total > 20 else "")
        _err(f"{failed_total} request{'s' if failed_total != 1 else ''} failed: {shown}")


def _summary_line(counts: dict[str, int], reported: int, failed: list[str], seconds: float) -> str:
    """`3 requests: 1 accept, 1 ask, 1 ignore; 1 worth reporting to LinkedIn; 1 failed; 2.4 s`."""
    total = sum(counts.values())
    line = f"{total} request{'s' if total != 1 else ''}: {counts['accept']} accept, {counts['ask']} ask, {counts['ignore']} ignore"
    if reported:
        line += f"; {reported} worth reporting to LinkedIn"
    if failed:
        line += f"; {len(failed)} failed"
    return line + f"; {seconds:.1f} s"


def _summary(counts: dict[str, int], reported: int, json_output: bool) -> None:
    total = sum(counts.values())
    if json_output or total == 0:
        return
    line = f"{total} request{'s' if total != 1 else ''}: {counts['accept']} accept, {counts['ask']} ask, {counts['ignore']} ignore"
    if reported:
        line += f"; {reported} worth reporting to LinkedIn"
    typer.echo(line)


VERDICT_STYLE = {"accept": "green", "ask": "yellow", "ignore": "red"}


def render_result(result: ScreenResult, origin: str = "") -> str:
    """A screen result for a person: verdict, why, and the draft."""
    head = typer.style(f"{result.verdict.upper():<6}", fg=VERDICT_STYLE[result.verdict], bold=True)
    lines = [f"{head} {result.sender}  ({result.id}, confidence {result.confidence:.2f})", f"  {result.summary}"]
    for flag in result.flags:
        mark = typer.style("+", fg="green") if flag.polarity == "green" else typer.style("-", fg="red")
        lines.append(f"  {mark} {flag.id}: {flag.evidence}")
    if result.report:
        lines.append("  ! worth reporting to LinkedIn (likely fake, scam or manipulation)")
    if result.user_decision:
        lines.append(f"  You decided: {result.user_decision} (assist never overrides your decision)")
    if result.reply:
        lines.append(f"  Draft reply ({result.reply.kind}, {result.reply.language}) - review before sending:")
        lines += [f"    {line}" if line else "" for line in result.reply.text.splitlines()]
    return "\n".join(lines) + "\n"


@app.command("draft-reply")
def draft_reply_command(
    request: Annotated[str, typer.Argument(help="A request file (or - for standard input).")],
    kind: Annotated[ReplyKind, typer.Option("--kind", help="clarify: ask how you know each other; decline: a gentle no; welcome: thanks after accepting.")] = "clarify",
    max_chars: Annotated[int, typer.Option("--max-chars", min=MIN_MAX_CHARS, help="Longest reply, in characters.")] = DEFAULT_MAX_CHARS,
    config: ConfigOption = None,
    json_output: JsonOption = False,
    backend_name: BackendOption = None,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    structured_output: StructuredOption = None,
    model_path: ModelPathOption = None,
    no_cache: NoCacheOption = False,
    db: DbOption = None,
) -> None:
    """Draft a reply to a request, for you to review and send yourself."""
    user = _config(config, quiet=json_output)
    guidance = load_guidance()
    backend = select_backend(user, BackendChoice(backend_name, base_url, model, structured_output, model_path, not no_cache))
    _learn_from_store(backend, db)
    try:
        for loaded in _each_request([request]):
            signals = extract_signals(loaded.request, user, guidance)
            reply, usage, warnings = _draft_with(backend, loaded.request, user, kind, signals, max_chars, guidance)
            if json_output:
                typer.echo(json.dumps({"id": loaded.request.id, **reply.model_dump(), "backend": backend.name,
                                       "model": backend.model, "usage": usage.model_dump() if usage else None,
                                       "warnings": warnings}, ensure_ascii=False))
            else:
                for warning in warnings:
                    _err(f"warning: {warning}")
                typer.echo(reply.text + "\n")
    except _BatchHadErrors:
        raise typer.Exit(ExitCode.BAD_INPUT)


def _learn_from_store(backend, db: str | None) -> None:
    """An LLM backend sees the user's own past decisions and replies, when a store exists."""
    from .store import default_db_path

    path = Path(db) if db else default_db_path()
    if hasattr(backend, "examples_for") and path.is_file():
        backend.examples_for = Store.open(path).similar_examples


def _draft_with(backend, request, user, kind, signals, max_chars, guidance):
    """The LLM's reply when an LLM backend is selected; the template's when not, or when it fails."""
    if getattr(backend, "writes_replies", False):
        try:
            drafted = backend.write_reply(request, user, kind, signals, max_chars)
        except LLMError as error:
            reply = draft_reply(request, user, kind, signals, max_chars, guidance)
            return reply, None, [f"the LLM reply failed ({error}); this is the template reply"]
        language = reply_language(user, request)
        return Reply(kind=kind, language=language, text=fit(drafted.text, max_chars)), drafted.usage, drafted.warnings
    return draft_reply(request, user, kind, signals, max_chars, guidance), None, []


STARTER_CONFIG = """\
# assist: who you are and how open your network is. Fill in what applies, then run `assist screen`.
# Only [me].name is required; the more you say, the better assist judges relevance. Until you do,
# it says that relevance to your goals could not be judged.

[me]
name = "Your Name"
# headline = "Market analyst at Viet Pro Finance"
# industry = "Financial services"
# location = "Hanoi, Vietnam"
# goals = ["Hear about senior analyst roles at fintech companies"]
# target_companies = ["MoMo", "VNPay"]   # companies you would like to work with or at
# past_companies = ["SSI Securities"]    # former employers: colleagues from there are a known tie
# interests = ["equity research", "fintech"]
language = "auto"       # reply language: "en", "vi", or "auto" (the note's, English otherwise)
# signature = "Minh"

[policy]
openness = "balanced"   # selective | balanced | open
always_accept = []      # company or person names
never_accept = []       # words or phrases that mean ignore
"""


@app.command()
def init(
    path: Annotated[Optional[Path], typer.Argument(help="Where to write it. Default: the user config directory.", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter config."""
    target = path or user_config_path()
    if target.exists() and not force:
        raise InputError(str(target), "already exists (use --force to overwrite)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    typer.echo(f"wrote {target}: edit it, then run `assist screen`")


@prompt_app.command("show")
def prompt_show(
    request: Annotated[str, typer.Argument(help="A request file (or - for standard input).")],
    config: ConfigOption = None,
    json_output: JsonOption = False,
    structured_output: StructuredOption = None,
    max_chars: Annotated[int, typer.Option("--max-chars", min=MIN_MAX_CHARS, help="Longest draft reply, in characters.")] = DEFAULT_MAX_CHARS,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    redact: RedactOption = False,
) -> None:
    """Print exactly the messages an LLM would receive for a request (a dry run: nothing is sent)."""
    from .backends import structured_output_mode
    from .backends.openai_backend import DEFAULT_MODEL, STRUCTURED_MODES, ServerSettings, build_request
    from .validate import LLMVerdict, answer_schema

    user = _config(config, quiet=True)
    guidance = load_guidance()
    version = prompt_version(guidance)
    choice = BackendChoice(structured_output=structured_output, model=model, base_url=base_url)
    mode = structured_output_mode(user, choice)
    sent_mode = STRUCTURED_MODES[0] if mode == "auto" else mode
    settings = ServerSettings(model=model or user.llm.model or os.environ.get("ASSIST_MODEL") or DEFAULT_MODEL,
                              base_url=base_url or user.llm.base_url or os.environ.get("OPENAI_BASE_URL") or None,
                              temperature=user.llm.temperature)
    schema = answer_schema(LLMVerdict, guidance, max_chars)
    try:
        for loaded in _each_request([request]):
            messages = render_messages(loaded.request, user, extract_signals(loaded.request, user, guidance), max_chars, guidance,
                                       redact=redact)
            body = build_request(settings, messages, schema, LLMVerdict.__name__, sent_mode)
            if json_output:
                typer.echo(json.dumps({"id": loaded.request.id, "prompt_version": version, "messages": body["messages"],
                                       "structured_output": mode, "response_format": body.get("response_format")},
                                      ensure_ascii=False))
            else:
                note = " (auto: tried first; json_object, then prompt, if the server rejects it)" if mode == "auto" else ""
                typer.echo(f"# prompt version {version}, request {loaded.request.id}, structured output {sent_mode}{note}")
                for message in body["messages"]:
                    typer.echo(f"\n--- {message['role']} ---\n{message['content']}")
                if "response_format" in body:
                    typer.echo(f"\n--- response_format ---\n{json.dumps(body['response_format'], ensure_ascii=False)}")
    except _BatchHadErrors:
        raise typer.Exit(ExitCode.BAD_INPUT)


@app.command("eval")
def eval_command(
    dataset: Annotated[str, typer.Argument(help="A directory (or file) of labelled requests; subdirectories such as dev/ and test/ are reported as parts.")],
    personas: Annotated[Optional[str], typer.Option("--personas", help="Directory of persona configs named in the labels. Default: DATASET/personas, then ../personas, then ../configs.", show_default=False)] = None,
    config: ConfigOption = None,
    json_output: JsonOption = False,
    min_agreement: Annotated[Optional[float], typer.Option("--min-agreement", min=0, max=1, help="Exit 1 when agreement (in any part) is below this (0 to 1).", show_default=False)] = None,
    compare_with: Annotated[Optional[str], typer.Option("--compare", help="Backends side by side, e.g. rules,local,openai; the baselines accept-all and mutual-only are always added.", show_default=False)] = None,
    part: Annotated[Optional[str], typer.Option("--part", help="Only this part of the dataset, e.g. test.", show_default=False)] = None,
    backend_name: BackendOption = None,
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    structured_output: StructuredOption = None,
    model_path: ModelPathOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Screen labelled cases: agreement with the labels, acceptable and harmful verdicts, a confusion
    matrix, precision and recall per flag, latency, tokens and cost."""
    from .evaluate import comparison_json, compare, dataset_parts, evaluate, render_comparison, render_report

    user = _config(config, quiet=True)
    on_error = lambda e: _err(f"error: {e}")  # noqa: E731

    def backend_for(name: str | None):
        choice = BackendChoice(name, base_url, model, structured_output, model_path, not no_cache)
        return select_backend(user, choice) if choice != BackendChoice() else RulesBackend()

    if compare_with is not None:
        names = [name.strip() for name in compare_with.split(",") if name.strip()]
        unknown = [name for name in names if name not in ("rules", "openai", "local")]
        if not names or unknown:
            raise InputError("--compare", f"expected a comma-separated list of rules, openai, local (got {compare_with!r})")
        backends = {name: backend_for(name) for name in names}
        table = compare(dataset, personas, config, backends, on_error,
                        progress=(lambda line: None) if json_output else (lambda line: _err(f"eval: {line}")), part=part)
        reports = [report for columns in table.values() for report in columns.values()]
        typer.echo(json.dumps(comparison_json(table), ensure_ascii=False) if json_output else render_comparison(table))
        checked = [report for columns in table.values() for name, report in columns.items() if name in backends]
    else:
        backend = backend_for(backend_name)
        parts = dataset_parts(dataset, part)
        if list(parts) == ["all"]:
            report = evaluate(dataset, personas, config, backend, on_error)
            typer.echo(json.dumps(report.as_json(), ensure_ascii=False) if json_output else render_report(report))
            reports = checked = [report]
        else:
            table = compare(dataset, personas, config, {backend.name: backend}, on_error, part=part)
            reports = checked = [columns[backend.name] for columns in table.values()]
            if json_output:
                typer.echo(json.dumps({"parts": {part: columns[backend.name].as_json() for part, columns in table.items()}},
                                      ensure_ascii=False))
            else:
                typer.echo("\n\n".join(f"== {part} ==\n{render_report(columns[backend.name])}" for part, columns in table.items()))
    if any(report.bad_items for report in reports):
        raise typer.Exit(ExitCode.BAD_INPUT)
    if min_agreement is not None:
        lowest = min(report.agreement for report in checked)
        if lowest < min_agreement:
            _err(f"agreement {lowest:.1%} is below --min-agreement {min_agreement:.1%}")
            raise typer.Exit(ExitCode.FAILURE)


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the app and turns every exception into one line and an exit code."""
    try:
        result = app(args=argv, prog_name="assist", standalone_mode=False)
        return int(result) if isinstance(result, int) else 0
    except typer.Exit as error:
        return error.exit_code
    except typer.Abort:
        _err("aborted")
        return ExitCode.FAILURE
    except typer.TyperException as error:  # the command line's own usage errors (click's, vendored)
        ctx = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
            typer.echo(ctx.get_help())
            return ExitCode.OK
        command = ctx.command_path if ctx is not None else "assist"
        _err(f"error: {error.format_message().replace('Value error, ', '')} (see '{command} --help')")
        return ExitCode.BAD_INPUT if getattr(error, "exit_code", 2) == 2 else ExitCode.FAILURE
    except AssistError as error:
        _err(f"error: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        _quiet_broken_pipe()
        return ExitCode.OK
    except Exception as error:  # a bug: still one line, with a way to see more
        if os.environ.get("ASSIST_DEBUG"):
            raise
        _err(f"error: unexpected {type(error).__name__}: {error} (set ASSIST_DEBUG=1 for the traceback)")
        return ExitCode.FAILURE


def _quiet_broken_pipe() -> None:
    # `assist screen ... | head`: stop quietly, as command-line tools do.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    sys.exit(main())


def _register_review_commands() -> None:
    from .cli_review import register

    register(app)


_register_review_commands()


def _register_batch_commands() -> None:
    from .cli_batch import register

    register(app)


_register_batch_commands()
