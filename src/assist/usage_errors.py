"""The command line's own usage errors (click's, vendored in typer) in the interface's language.

In English the message is click's own, as it always was. In another language it is said again from
the error's kind and its parts (the option, the argument, the value), each a message of the
catalogue; a message whose shape is not one of these is left in click's words (never half translated).
"""

from __future__ import annotations

from .i18n import N_, _, active
from .validation_words import described

NO_SUCH_OPTION = N_("No such option: {option}")
POSSIBLE = N_("(Possible options: {options})")
MISSING = {"argument": N_("Missing argument {name}."), "option": N_("Missing option {name}."),
           "parameter": N_("Missing parameter {name}.")}
INVALID_FOR = N_("Invalid value for {name}: {problem}")
NOT_ONE_OF = N_("{value} is not one of {choices}.")
NEEDS_VALUE = N_("Option {option} requires an argument.")
TAKES_NO_VALUE = N_("Option {option} does not take a value.")
NO_SUCH_COMMAND = N_("No such command {name}.")
MISSING_COMMAND = N_("Missing command.")
EXTRA_ARGUMENTS = N_("Got unexpected extra argument(s) ({arguments})")


def said(error) -> str:
    """What is wrong with the command line (a click UsageError), 'Value error, ' taken out."""
    english = error.format_message().replace("Value error, ", "")
    if active() == "en":
        return english
    return _said(error) or english


def _said(error) -> str | None:
    from typer._click import exceptions as click

    kind = type(error)
    message = str(getattr(error, "message", ""))
    if kind is click.NoSuchOption:
        if message != f"No such option: {error.option_name}":
            return None
        text = _(NO_SUCH_OPTION).format(option=error.option_name)
        if error.possibilities:
            text += " " + _(POSSIBLE).format(options=", ".join(sorted(error.possibilities)))
        return text
    if kind is click.MissingParameter:
        hint = _hint(error)
        template = MISSING.get(error.param_type or getattr(error.param, "param_type_name", ""))
        return _(template).format(name=hint) if template and hint and not error.message else None
    if kind is click.BadParameter:
        hint, problem = _hint(error), _problem(error)
        return _(INVALID_FOR).format(name=hint, problem=problem) if hint and problem else None
    if kind is click.BadOptionUsage:
        for template in (NEEDS_VALUE, TAKES_NO_VALUE):
            if message == template.format(option=repr(error.option_name)):
                return _(template).format(option=repr(error.option_name))
        return None
    return _plain(message)


def _hint(error) -> str | None:
    if error.param_hint is not None:  # as click joins it: a list's names quoted, a string as it is
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(name) for name in hint)
    return error.param.get_error_hint() if error.param is not None else None


def _problem(error) -> str | None:
    """The value's problem: pydantic's (typer checks values with it), or a choice not among the choices."""
    cause = error.__cause__ or error.__context__
    errors = cause.errors() if hasattr(cause, "errors") else []
    if not errors:
        return None
    item = errors[0]
    if item["type"] == "value_error":
        value, found, choices = item["msg"].removeprefix("Value error, ").partition(" is not one of ")
        return _(NOT_ONE_OF).format(value=value, choices=choices.removesuffix(".")) if found else None
    problem = described(item)
    return problem if problem != item["msg"] else None


def _plain(message: str) -> str | None:
    """A UsageError with only a message (ctx.fail): said again when it is one of these shapes."""
    if message == MISSING_COMMAND:
        return _(MISSING_COMMAND)
    for template, field in ((NO_SUCH_COMMAND, "name"), (EXTRA_ARGUMENTS, "arguments")):
        head, tail = template.split("{" + field + "}")
        if message.startswith(head) and message.endswith(tail) and len(message) > len(head) + len(tail):
            return _(template).format(**{field: message[len(head):len(message) - len(tail)]})
    return None
