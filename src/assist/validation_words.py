"""pydantic's descriptions of a bad value, in the interface's language.

In English the description is pydantic's own, as it always was. In another language, the error's
`type` picks a message of the catalogue (its values from the error's `ctx`); a `value_error` is one
of assist's own validators' messages (marked with `N_()`), said through the catalogue; any other type
is left in pydantic's words (never half translated).
"""

from __future__ import annotations

from .i18n import N_, _, active

# pydantic's error type -> its message, as pydantic words it (the placeholders are its `ctx` keys).
MESSAGES = {
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "string_type": N_("Input should be a valid string"),
    "list_type": N_("Input should be a valid list"),
    "dict_type": N_("Input should be a valid dictionary"),
    "extra_forbidden": N_("Extra inputs are not permitted"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "greater_than": N_("Input should be greater than {gt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "less_than": N_("Input should be less than {lt}"),
    "literal_error": N_("Input should be {expected}"),
    "enum": N_("Input should be {expected}"),
}


def described(item: dict) -> str:
    """What is wrong with one value (an item of `ValidationError.errors()`), the field path aside."""
    message = item["msg"].removeprefix("Value error, ")
    if active() == "en":
        return message
    if item["type"] == "value_error":
        return _(message)
    template = MESSAGES.get(item["type"])
    if template is None:
        return message
    try:
        return _(template).format(**{key: str(value) for key, value in (item.get("ctx") or {}).items()})
    except (KeyError, IndexError, ValueError):
        return message
