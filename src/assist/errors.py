"""Exit codes and the errors that map to them. The CLI turns each into one line, no traceback."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from .i18n import N_, _, ngettext
from .validation_words import described

if TYPE_CHECKING:
    from pydantic import ValidationError


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # anything that is not the user's input: a backend down, a bug
    BAD_INPUT = 2  # bad input or usage: the message names the file, row or field


class AssistError(Exception):
    exit_code = ExitCode.FAILURE


class InputError(AssistError):
    """Bad input: `where` names the file (and row or item), the message says what is wrong."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


def describe_validation_error(error: "ValidationError", subject: str = "request", limit: int = 1,
                              english: bool = False) -> str:
    """`sender.mutual_connections: expected a whole number or null (got "many")`: the first `limit`
    problems, each where it is and what is wrong, then how many more there are. `english`: in
    English whatever the interface's language (what a model is told in a re-ask)."""
    say = (lambda message: message) if english else _
    plural = (lambda one, many, count: one if count == 1 else many) if english else ngettext
    problems = error.errors()
    parts = []
    for item in problems[:limit]:
        field = ".".join(str(part) for part in item["loc"]) or subject
        message = described(item, english)
        if item["type"] == "missing":
            message = say(N_("required field is missing"))
        elif not isinstance(item.get("input"), (dict, list)):
            message += " " + say(N_("(got {value})")).format(value=json_repr(item.get("input")))
        parts.append(f"{field}: {message}")
    more = len(problems) - limit
    return "; ".join(parts) + ("; " + plural("and {count} more problem", "and {count} more problems", more).format(
        count=more) if more > 0 else "")


def json_repr(value: object) -> str:
    import json

    from .text import clip, one_line

    # A value's line breaks (U+0085, U+2028, ... which JSON leaves as they are) written as escapes:
    # the message stays one line.
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return repr(value)  # inf, -inf, nan: as TOML writes them (JSON has no word for them)
    return clip(one_line(json.dumps(value, ensure_ascii=False, default=str)), 40, "...")
