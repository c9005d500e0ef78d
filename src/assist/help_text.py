"""The commands' descriptions in `--help`, in the interface's language.

A command's description is its docstring: the command lists show its first sentence whole
(cli._whole_first_sentence), its own help page all of it, each paragraph a message but the examples
(`doc_messages`, `translate_doc`). `pybabel extract` finds them with `extract` below (babel.cfg names it),
so the catalogue holds them beside every other message; `translate` puts the interface's words in
place before typer builds the help, and so does each option's and argument's help (marked with
N_ where it is declared). click's own words (Usage, the section headings, the --help option's line)
are translated as the help is written (`Formatter`). A command's examples stay as they are: they
are command lines.
"""

from __future__ import annotations

import ast
import inspect
import io

from typer._click.formatting import HelpFormatter

from .i18n import N_

# click's own words in a help page (typer's vendored click writes them in English): for the catalogue
CLICK_WORDS = (N_("Usage:"), N_("Arguments"), N_("Options"), N_("Commands"), N_("Show this message and exit."))
EXAMPLES = N_("Examples:")  # the heading of a command's examples (the examples themselves stay as written)
# typer's own options' help (the root's shell completion), as typer words it
TYPER_WORDS = (N_("Install completion for the current shell."),
               N_("Show completion for the current shell, to copy it or customize the installation."))
# The type of an option's value, as typer labels it after the option (a choice's values stay as written)
TYPE_LABELS = {label: label for label in (N_("<str>"), N_("<int>"), N_("<float>"), N_("<int range>"),
                                          N_("<float range>"), N_("<path>"), N_("<list[str]>"))}
# The notes click puts after an option's help, in brackets (a range, `x>=60`, is in symbols: as written)
DEFAULT = N_("default: {default}")
REQUIRED = N_("required")
ENV_VAR = N_("env var: {var}")
RANGE_SYMBOLS = frozenset("0123456789.-x<=>")


def first_sentence(doc: str) -> str:
    """The first sentence of a docstring's first paragraph, on one line."""
    paragraph = " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())
    sentence = paragraph.split(". ")[0]
    return sentence if sentence.endswith(".") or sentence == paragraph else sentence + "."


def _paragraphs(doc: str) -> list[tuple[str, str]]:
    """A docstring's paragraphs, each as (kind, text): "first" (its first sentence), "rest" (the rest of
    the first paragraph), "prose" (a later paragraph) on one line each (click wraps them again), "examples"
    (the heading), or "as is" (an indented paragraph: a command line, an example)."""
    found: list[tuple[str, str]] = []
    for index, paragraph in enumerate(inspect.cleandoc(doc).split("\n\n")):
        flat = " ".join(paragraph.split())
        if not flat or paragraph[:1].isspace():
            found.append(("as is", paragraph))
        elif index == 0:
            sentence = first_sentence(paragraph)
            found.append(("first", sentence))
            if flat != sentence:
                found.append(("rest", flat[len(sentence):].strip()))
        elif flat == EXAMPLES:
            found.append(("examples", flat))
        else:
            found.append(("prose", flat))
    return found


def doc_messages(doc: str) -> list[str]:
    """The catalogue's messages in a command's docstring: all but its examples (the heading is EXAMPLES)."""
    return [text for kind, text in _paragraphs(doc) if kind in ("first", "rest", "prose")]


def translate_doc(doc: str) -> str:
    """A command's docstring in the interface's language, the examples as written; the docstring
    itself when nothing in it changes (English)."""
    from .i18n import _

    parts: list[str] = []
    changed = False
    for kind, text in _paragraphs(doc):
        shown = text if kind == "as is" else _(text)
        changed = changed or shown != text
        if kind == "rest":
            parts[-1] += " " + shown
        else:
            parts.append(shown)
    return "\n\n".join(parts) if changed else doc


def extract(fileobj, keywords, comment_tags, options):
    """A Babel extractor: every message Babel's own Python extractor finds, and each command's docstring but its examples (doc_messages), a command being a function
    decorated with `@<app>.command(...)` or `@<app>.callback(...)`, or registered as
    `<app>.command("name")(function)`; and the first sentence of each `typer.Typer(help=...)`, which
    the list of commands shows for a group (the whole help is marked with N_ where it is written)."""
    from babel.messages.extract import extract_python  # Babel: a dev dependency, imported only here

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)  # _(), N_(), ...
    tree = ast.parse(source.decode(options.get("encoding", "utf-8")))
    registered = {call.args[0].id for call in ast.walk(tree)
                  if isinstance(call, ast.Call) and isinstance(call.func, ast.Call) and _is_command(call.func)
                  and call.args and isinstance(call.args[0], ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            doc = ast.get_docstring(node, clean=False)
            if doc and (node.name in registered or any(isinstance(d, ast.Call) and _is_command(d)
                                                       for d in node.decorator_list)):
                for message in doc_messages(doc):
                    yield node.lineno, None, message, []
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "Typer":
            for keyword in node.keywords:
                text = _literal(keyword.value) if keyword.arg == "help" else None
                if text:
                    yield node.lineno, None, first_sentence(text), []


def _literal(node: ast.AST) -> str | None:
    """The text of `"..."` or `N_("...")`."""
    if isinstance(node, ast.Call) and node.args:
        node = node.args[0]
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _is_command(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr in ("command", "callback")


_ENGLISH: dict[int, str | None] = {}  # id(an info) -> its English text, kept for the next command
_DOCS: dict[int, str | None] = {}  # id(a command's info) -> its English help (its docstring)


def translate(app) -> None:
    """Every command's and group's description in the interface's language: a group's help and each
    command's first sentence (the English kept, so another command in the same process starts from it)."""
    from .i18n import _

    def put(info, attribute: str) -> None:
        english = _ENGLISH.setdefault(id(info) * 2 + (attribute == "help"), getattr(info, attribute))
        if isinstance(english, str):
            setattr(info, attribute, _(english))

    def visit(typer_app) -> None:
        put(typer_app.info, "help")
        callbacks = [typer_app.registered_callback.callback] if typer_app.registered_callback else []
        for info in [*typer_app.registered_commands, *typer_app.registered_groups]:
            put(info, "short_help")
            if info in typer_app.registered_commands:
                english = _DOCS.setdefault(id(info), info.help or (inspect.getdoc(info.callback) if info.callback else None))
                if isinstance(english, str):
                    info.help = translate_doc(english)
            callbacks.append(getattr(info, "callback", None))
            group = getattr(info, "typer_instance", None)
            if group is not None:
                visit(group)
        for callback in callbacks:
            for parameter in _parameters(callback):
                put(parameter, "help")

    visit(app)
    _install_formatter()


def _parameters(callback) -> list:
    """The typer.Option/typer.Argument infos of a command's function (in `Annotated[...]` or as defaults)."""
    from typer.models import ParameterInfo

    if not callable(callback):  # a group with no callback of its own
        return []
    found = []
    signature = getattr(callback, "__signature__", None)
    if signature is None:
        # Under `from __future__ import annotations` an annotation is a string, and each reading of it
        # (typer's too) makes new option infos: read once, and kept where typer reads it, so the infos
        # translated here are the ones typer builds the help from.
        try:
            signature = callback.__signature__ = inspect.signature(callback, eval_str=True)
        except (NameError, TypeError):
            signature = inspect.signature(callback)
    for parameter in signature.parameters.values():
        candidates = [*getattr(parameter.annotation, "__metadata__", ()), parameter.default]
        found += [candidate for candidate in candidates if isinstance(candidate, ParameterInfo)]
    return found


class Formatter(HelpFormatter):
    """click's help writer, its own words (CLICK_WORDS) in the interface's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from .i18n import _

        super().write_usage(prog, args, _("Usage:") + " " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        from .i18n import _

        super().write_heading(_(heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        from .i18n import active

        if active() != "en":
            rows = [(_term(term), _help(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def _term(term: str) -> str:
    """`-c, --config <str>` with its type label in the interface's language."""
    from .i18n import _

    start = term.rfind(" <")
    label = term[start + 1:]
    return term[:start + 1] + _(label) if start > 0 and label in TYPE_LABELS else term


def _help(text: str) -> str:
    """An option's help: click's and typer's own lines, and the bracketed notes click adds after it
    (`[default: 300; x>=60]`, `[required]`), in the interface's language; left as it is when a note is
    not one click writes."""
    from .i18n import _

    if text == CLICK_WORDS[-1] or text in TYPER_WORDS:
        return _(text)
    start = text.rfind("[")
    if not text.endswith("]") or start < 0 or (start > 0 and text[start - 2:start] != "  "):
        return text
    notes = []
    for note in text[start + 1:-1].split("; "):
        if note.startswith("default: "):
            notes.append(_(DEFAULT).format(default=note.removeprefix("default: ")))
        elif note.startswith("env var: "):
            notes.append(_(ENV_VAR).format(var=note.removeprefix("env var: ")))
        elif note == REQUIRED:
            notes.append(_(REQUIRED))
        elif note and set(note) <= RANGE_SYMBOLS:
            notes.append(note)
        else:
            return text
    return text[:start] + "[" + "; ".join(notes) + "]"


def _install_formatter() -> None:
    """click makes each help page's writer from `Context.formatter_class`: ours, in this one place."""
    from typer._click.core import Context

    Context.formatter_class = Formatter
