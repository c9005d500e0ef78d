"""pydantic's descriptions of a bad value, in the interface's language.

In English the description is pydantic's own, as it always was. In another language, the error's
`type` picks a message of the catalogue (its values from the error's `ctx`); a `value_error` is one
of assist's own validators' messages (marked with `N_()`), said through the catalogue; any other type
is left in pydantic's words (never half translated). A detail pydantic adds in English after a comma
(a date's "input is too short") is left out under another language.
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
    "model_type": N_("Input should be a valid dictionary"),  # "... or instance of Sender": a class, not a word for a person
    "model_attributes_type": N_("Input should be a valid dictionary"),
    "string_too_short": N_("String should have at least {min_length} characters"),
    "string_too_long": N_("String should have at most {max_length} characters"),
    "too_short": N_("Input should have at least {min_length} items, not {actual_length}"),
    "too_long": N_("Input should have at most {max_length} items, not {actual_length}"),
    "finite_number": N_("Input should be a finite number"),
    "date_type": N_("Input should be a valid date"),
    "date_parsing": N_("Input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("Input should be a valid date or datetime"),
    "datetime_type": N_("Input should be a valid datetime"),
    "datetime_parsing": N_("Input should be a valid datetime"),
    "datetime_from_date_parsing": N_("Input should be a valid datetime or date"),
}
# The last two choices of an `expected` (literal_error, enum), as pydantic joins them: "'a', 'b' or 'c'"
OR = N_("{choices} or {last}")


def described(item: dict, english: bool = False) -> str:
    """What is wrong with one value (an item of `ValidationError.errors()`), the field path aside;
    `english`: in English whatever the interface's language (what a model is told)."""
    message = item["msg"].removeprefix("Value error, ")
    if english or active() == "en":
        return message
    if item["type"] == "value_error":
        return _(message)
    template = MESSAGES.get(item["type"])
    if template is None:
        return message
    values = {key: str(value) for key, value in (item.get("ctx") or {}).items()}
    if " or " in values.get("expected", ""):
        choices, _or, last = values["expected"].rpartition(" or ")
        values["expected"] = _(OR).format(choices=choices, last=last)
    try:
        return _(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return message
