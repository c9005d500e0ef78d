"""Exit codes and the errors that map to them. The CLI turns each into one line, no traceback."""

from __future__ import annotations

from enum import IntEnum

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


def describe_validation_error(error: ValidationError) -> str:
    """`sender.mutual_connections: expected a whole number or null (got 'many')`, first error only."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "request"
    message = first["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if first["type"] == "missing":
        message = "required field is missing"
    got = first.get("input")
    if first["type"] != "missing" and not isinstance(got, (dict, list)):
        message += f" (got {json_repr(got)})"
    more = len(error.errors()) - 1
    if more:
        message += f"; and {more} more problem{'s' if more > 1 else ''}"
    return f"{field}: {message}"


def json_repr(value: object) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."
