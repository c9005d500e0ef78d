"""Why an LLM call failed, each as one line naming the fix. All exit 1 (ExitCode.FAILURE).

`stops_batch`: the same failure would hit every other request (a bad key, an unknown model, a
server that is down, a missing package), so a batch stops at once instead of repeating it.
"""

from __future__ import annotations

from ..errors import AssistError


class LLMError(AssistError):
    stops_batch = False


class LLMSetupError(LLMError):
    """The backend cannot start: a missing package or model file, no API key."""

    stops_batch = True


class RequestRejected(LLMError):
    """The server refused the request itself (400, 401, 403, 404): retrying cannot help."""

    def __init__(self, message: str, status: int | None = None, stops_batch: bool = False):
        super().__init__(message)
        self.status = status
        self.stops_batch = stops_batch


class ServerUnavailable(LLMError):
    """Still failing after the retries: 429, 5xx, timeouts, refused or reset connections."""

    def __init__(self, message: str, stops_batch: bool = False):
        super().__init__(message)
        self.stops_batch = stops_batch


class AnswerInvalid(LLMError):
    """Not JSON or not matching the schema, after the re-asks. Carries the last raw answer."""

    def __init__(self, message: str, raw: str, attempts: int):
        super().__init__(message)
        self.raw = raw
        self.attempts = attempts


class AnswerTruncated(LLMError):
    """finish_reason == "length": the model hit its token limit before the JSON was complete."""


class AnswerRefused(LLMError):
    """The model refused to answer (a `refusal` in the message)."""


class ContentFiltered(LLMError):
    """finish_reason == "content_filter": the provider's filter withheld the answer."""
