"""What every command of the command line shares: its options, reading the user's config and the
requests, and saying things on stderr. The commands live in cli.py, cli_review.py and cli_batch.py;
each imports from here, none from another.

Module-level imports stay light (typer and the vocabulary): every command imports what it uses in
its own body, so `assist --version` starts fast.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Callable, Optional

import typer

from .errors import InputError
from .evidence import shown as in_words
from .i18n import N_, _
from .vocabulary import STRUCTURED_OUTPUT

if TYPE_CHECKING:
    from .backends import BackendChoice
    from .config import UserConfig
    from .load import Loaded
    from .known import Exports, Network

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # -h is --help, everywhere

ConfigOption = Annotated[
    Optional[str],
    typer.Option("--config", "-c", help=N_("User config (TOML). Default: $ASSIST_CONFIG, ./assist.toml, then the user config directory."),
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help=N_("Machine-readable output: one JSON object per line."))]
DbOption = Annotated[Optional[str], typer.Option("--db", help=N_("The store (SQLite). Default: $ASSIST_HOME/assist.db, else the user data directory."), show_default=False)]
ExportOption = Annotated[Optional[str], typer.Option("--export", help=N_("Your own LinkedIn data export (its .zip, or the folder it unpacks to), read in place: who you have talked to, invited or are connected with, your connections' companies, your schools and employers, as evidence. Default: the export among the inputs, if any."), show_default=False)]
RedactOption = Annotated[bool, typer.Option("--redact", help=N_("Replace emails, phone numbers, URLs and messenger handles in the sender's text with [email], [phone], [url], [handle] in what an LLM is sent (the offline signals still see the original)."))]
InputsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help=N_("Request files (.json, .jsonl, LinkedIn's Invitations.csv), directories of .json files, your whole LinkedIn export (its .zip or folder), or - for standard input."),
                   show_default=False),
]
IdArgument = Annotated[str, typer.Argument(help=N_("The request id, or a unique prefix of it (see `assist review list`)."))]

# The LLM options, declared once and added to every command that takes them (`llm_options`).
LLM_OPTIONS: dict[str, tuple[object, object]] = {
    "backend_name": (Annotated[Optional[str], typer.Option("--backend", help=N_("rules (offline), openai (any OpenAI-compatible server) or local (the bundled model). Default: [llm] in the config, else openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else rules."), show_default=False)], None),
    "base_url": (Annotated[Optional[str], typer.Option("--base-url", help=N_("OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (or OPENAI_BASE_URL)."), show_default=False)], None),
    "model": (Annotated[Optional[str], typer.Option("--model", help=N_("Model name for the server (or ASSIST_MODEL)."), show_default=False)], None),
    "structured_output": (Annotated[Optional[str], typer.Option("--structured-output", help=f"{', '.join(STRUCTURED_OUTPUT)}.", show_default=False)], None),
    "model_path": (Annotated[Optional[str], typer.Option("--model-path", help=N_("A GGUF file for --backend local (default: the bundled SmolLM2-135M-Instruct)."), show_default=False)], None),
    "no_cache": (Annotated[bool, typer.Option("--no-cache", help=N_("Ask the LLM again even when a cached verdict exists."))], False),
}


def llm_options(command: Callable) -> Callable:
    """Adds the LLM options to a command, which receives them as one `llm: BackendChoice`."""
    signature = inspect.signature(command, eval_str=True)
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
             for name, (annotation, default) in LLM_OPTIONS.items()]
    kept = [parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY) for parameter in signature.parameters.values()
            if parameter.name != "llm"]

    @functools.wraps(command)
    def with_choice(**options):
        from .backends import BackendChoice

        chosen = {name: options.pop(name) for name in LLM_OPTIONS}
        llm = BackendChoice(chosen["backend_name"], chosen["base_url"], chosen["model"], chosen["structured_output"],
                            chosen["model_path"], use_cache=not chosen["no_cache"])
        return command(**options, llm=llm)

    with_choice.__signature__ = signature.replace(parameters=kept + added)  # type: ignore[attr-defined]
    with_choice.__annotations__ = {**{k: v for k, v in command.__annotations__.items() if k != "llm"},
                                   **{name: annotation for name, (annotation, _) in LLM_OPTIONS.items()}}
    return with_choice


def colour() -> bool:
    """Whether to colour what a person reads: not when NO_COLOR is set (no-color.org; `--no-color`
    sets it), and never into a file or a pipe (click strips the codes there)."""
    import os

    return not os.environ.get("NO_COLOR")


def style(text: str, **styles: object) -> str:
    """typer.style, unless colour is off."""
    return typer.style(text, **styles) if colour() else text  # type: ignore[arg-type]


def err(message: str) -> None:
    """One line on stderr, `assist: ...`; the message may quote a sender, an LLM or a server, so it
    is printed with no terminal control and no line break of its own (terminal.shown)."""
    from .terminal import shown

    typer.echo(f"assist: {shown(message)}", err=True)


def user_config(path: str | None, quiet: bool = False) -> "UserConfig":
    """The user's config; says once on stderr when there is none to judge relevance by."""
    from .config import load_config
    from .i18n import configured

    config = load_config(path)
    configured(config)  # the interface speaks the user's language from here on
    if config.me is None and not quiet:
        if config.path:
            err(_("note: {message}").format(message=_(
                "{path} has no [me] section, so relevance to your goals cannot be judged").format(path=config.path)))
        else:
            err(_("note: {message}").format(message=_(
                "no config found, so relevance to your goals cannot be judged (run `assist init` to write one)")))
    return config


def inputs_or_stdin(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if not sys.stdin.isatty():
        return ["-"]
    raise InputError("", _("give a request file, a directory, Invitations.csv, or - for standard input (see 'assist screen --help')"))


class Requests:
    """The good requests of some inputs, in order, streamed; each bad one is said on stderr as it is
    met and counted in `bad`, so a batch goes on and ends with exit code 2. With the user's network
    (known.py), a sender who is already a connection is skipped (`on_skip` hears of it): there is
    nothing to decide. A LinkedIn export among the inputs is opened once (`exports`)."""

    def __init__(self, inputs: list[str], on_bad: Callable[[str], None] | None = None, *,
                 exports: "Exports | None" = None, network: "Network | None" = None,
                 on_skip: Callable[[str], None] | None = None, skip_connections: bool = True):
        self.inputs = inputs
        self.bad = 0
        self.read = 0
        self.skipped = 0
        self.on_bad = on_bad or (lambda message: err(_("error: {message}").format(message=message)))
        self.on_skip = on_skip or (lambda message: err(_("skipped: {message}").format(message=message)))
        self.exports = exports
        self.network = network
        self.skip_connections = skip_connections

    def __iter__(self) -> Iterator["Loaded"]:
        from .load import load_requests
        from .terminal import shown

        opener = self.exports.open if self.exports is not None else None
        for loaded in load_requests(self.inputs, open_export=opener):
            if loaded.error is not None:
                self.bad += 1
                self.on_bad(str(loaded.error))
                continue
            connected = self.network.connection(loaded.request) \
                if self.network is not None and self.skip_connections else None
            if connected is not None:
                self.skipped += 1
                self.on_skip(_("{origin}: {name} is {tie}: nothing to decide, not screened").format(
                    origin=loaded.origin, name=shown(loaded.request.sender.name), tie=in_words(connected.line())))
                continue
            self.read += 1
            yield loaded

    def problems(self) -> None:
        """Say the rows of the export's files that could not be read (each counted as bad input):
        their evidence is unknown, and the requests are screened without it."""
        for problem in self.network.problems if self.network is not None else ():
            self.bad += 1
            self.on_bad(str(problem))
