"""`--backend openai`: the openai SDK against OpenAI or any OpenAI-compatible server (`base_url`).

The client is built in one place (`build_client`) with an explicit timeout and the SDK's own
retries off (max_retries=0): tenacity does the retrying, with exponential backoff and jitter,
Retry-After honoured, a bounded number of attempts and a bounded total time.

Structured output, per `structured_output`:
- json_schema: OpenAI strict mode (validate.strict_schema).
- json_object: `{"type": "json_object", "schema": ...}`, which llama-cpp-python enforces with a grammar.
- prompt: no response_format; the schema is described in the prompt and the JSON parsed from the answer.
- auto: json_schema first, falling back on a rejection (llama-cpp-python answers 500 to json_schema),
  and to prompt when a server ignores response_format (answers with fences or <think> blocks);
  what worked is remembered per base URL (cache.ModeMemory).
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from dataclasses import dataclass
from typing import Any

from tenacity import RetryCallState, Retrying, retry_if_exception_type, wait_exponential_jitter

from .. import evidence as wording
from ..cache import AnswerCache, ModeMemory
from ..guidance import Guidance
from ..i18n import _
from ..models import Usage
from ..usage import make_usage
from ..vocabulary import STRUCTURED_OUTPUT
from ..validate import is_bare_json, shorten, strict_schema
from .errors import AnswerInvalid, AnswerTruncated, LLMError, LLMSetupError, RequestRejected, ServerUnavailable
from .secrets import mask, without_credentials
from .llm import ChatBackend, Completion, with_schema_in_prompt

OPENAI_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
STRUCTURED_MODES: tuple[str, ...] = STRUCTURED_OUTPUT[1:]  # what `auto` tries, in this order
MAX_TOKENS = 1024
# The most of an HTTP answer read: a chat completion of MAX_TOKENS tokens is a few kilobytes. More
# is an invalid answer (re-asked), and is never parsed, printed or stored.
MAX_RESPONSE_BYTES = 1024 * 1024
# Backoff between retries: multiplier * 2**n + jitter, at most BACKOFF_MAX seconds.
BACKOFF_MULTIPLIER = 0.5
BACKOFF_MAX = 8.0
BACKOFF_JITTER = 0.5
MAX_RETRY_AFTER = 60.0  # a longer Retry-After ends the attempts with a clear line instead
FORMAT_WORDS = ("response_format", "json_schema", "json_object", "schema", "grammar", "structured")


@dataclass(frozen=True)
class ServerSettings:
    model: str
    base_url: str | None = None
    api_key: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    structured_output: str = "auto"
    timeout: float = 60.0
    max_retries: int = 4
    temperature: float = 0.2
    max_tokens: int = MAX_TOKENS

    @property
    def connect_url(self) -> str:
        """Where calls go, credentials in the URL included: never printed or stored."""
        return (self.base_url or OPENAI_URL).rstrip("/")

    @property
    def url(self) -> str:
        """The server as shown, remembered and stored: without `user:password@`."""
        return without_credentials(self.connect_url)

    @property
    def is_openai(self) -> bool:
        return self.url.startswith("https://api.openai.com")

    def scrub(self, text: str) -> str:
        """A message or an answer with the key (or a part of it), key-shaped tokens and URL
        credentials masked: what a server says is printed, and a server may echo the key."""
        return mask(text, self.api_key)

    @property
    def retry_budget(self) -> float:
        """Total seconds a request may spend on retries, waits included."""
        return max(30.0, 2 * self.timeout)


class SharedBackoff:
    """One pause for every worker of a batch: when any call is rate limited (HTTP 429), no worker
    sends another call before the shared resume time, so the batch slows down instead of failing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._resume_at = 0.0
        self.pauses = 0

    def pause(self, seconds: float) -> None:
        with self._lock:
            until = time.monotonic() + seconds
            if until > self._resume_at:
                self._resume_at = until
                self.pauses += 1

    def wait(self) -> float:
        """Sleep until the shared resume time (with a little jitter, so workers do not resume as
        one burst). Returns the seconds slept."""
        slept = 0.0
        while True:
            with self._lock:
                remaining = self._resume_at - time.monotonic()
            if remaining <= 0:
                return slept
            pause = remaining + random.uniform(0.0, 0.05)
            time.sleep(pause)
            slept += pause


def _require_key(settings: ServerSettings) -> None:
    if settings.is_openai and not settings.api_key:
        raise LLMSetupError(
            _("no API key for {url}: set {variable} (or point --base-url / OPENAI_BASE_URL at an "
              "OpenAI-compatible server)").format(url=settings.url, variable=settings.api_key_env)
        )


class ChatClient:
    """`POST /chat/completions` over one connection pool, sized to the number of concurrent calls
    and shared by every worker of a batch: the only call a live verdict makes. It is made with
    httpx, the openai SDK's own HTTP library, because importing the SDK costs a third of a second
    (its hundreds of response types), which every `assist screen` would pay before its first call.
    The body is exactly what the SDK would send; the Batch API (batch_api.py) uses the SDK itself."""

    def __init__(self, settings: ServerSettings, connections: int = 8):
        import httpx2

        from .. import __version__
        from .deadline import Deadline, DeadlineBackend

        _require_key(settings)
        size = max(1, connections)
        limits = httpx2.Limits(max_connections=size, max_keepalive_connections=size)
        verify = settings.connect_url.startswith("https://")
        # `timeout` bounds the whole call (deadline.py), not only each read: a server that sends a
        # byte a second fails after `timeout` seconds like one that sends nothing.
        self.timeout = settings.timeout
        self.deadline = Deadline()
        transport = httpx2.HTTPTransport(verify=verify, limits=limits)
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = DeadlineBackend(self.deadline, pool._network_backend)
        self.http = httpx2.Client(
            transport=transport,
            base_url=settings.connect_url + "/",
            # Local servers need no key, but the header is expected: a placeholder says so.
            headers={"Authorization": f"Bearer {settings.api_key or 'no-key'}", "User-Agent": f"assist/{__version__}"},
            timeout=settings.timeout,
            limits=limits,
            # TLS settings (the system's certificates, loaded at some cost) matter only for https;
            # redirects are not followed, so a plain-http server is never left for another.
            verify=verify,
        )

    def chat(self, body: dict[str, Any]) -> "Reply":
        """One call, bounded in time (`timeout`, the whole call) and in size (MAX_RESPONSE_BYTES:
        reading stops there, before anything is parsed)."""
        import httpx2

        self.deadline.at = time.monotonic() + self.timeout
        try:
            with self.http.stream("POST", "chat/completions", json=body) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        return Reply(response.status_code, response.headers, b"".join(chunks), too_large=True)
                    chunks.append(chunk)
                    if time.monotonic() > self.deadline.at:  # in case the transport is not the one wrapped
                        raise httpx2.ReadTimeout("the call's deadline passed")
                return Reply(response.status_code, response.headers, b"".join(chunks))
        finally:
            self.deadline.at = None


@dataclass
class Reply:
    """An HTTP answer, read whole or up to MAX_RESPONSE_BYTES (too_large: there was more)."""

    status_code: int
    headers: Any
    content: bytes
    too_large: bool = False

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        import json

        return json.loads(self.content)


def build_client(settings: ServerSettings, connections: int = 8):
    """The openai SDK's client, for the Batch API: explicit timeout, no SDK retries, one pool."""
    from openai import DefaultHttpxClient, OpenAI

    _require_key(settings)
    import httpx2

    size = max(1, connections)
    http_client = DefaultHttpxClient(
        limits=httpx2.Limits(max_connections=size, max_keepalive_connections=size),
        timeout=settings.timeout,
    )
    return OpenAI(api_key=settings.api_key or "no-key", base_url=settings.connect_url, timeout=settings.timeout,
                  max_retries=0, http_client=http_client)


class _Transient(Exception):
    """Worth another attempt: 408, 409, 429, 5xx, a timeout, a refused or reset connection."""

    def __init__(self, description: str, retry_after: float | None = None, connection: bool = False,
                 rate_limited: bool = False):
        super().__init__(description)
        self.description = description
        self.retry_after = retry_after
        self.connection = connection
        self.rate_limited = rate_limited


class _ModeRejected(Exception):
    """The server rejected the response_format of this mode."""


class OpenAIBackend(ChatBackend):
    name = "openai"
    default_concurrency = 8  # a server answers many calls at once; a 429 slows every worker down

    def __init__(self, settings: ServerSettings, guidance: Guidance, *, use_cache: bool = True,
                 cache: AnswerCache | None = None, modes: ModeMemory | None = None, client: Any = None,
                 concurrency: int = 8):
        super().__init__(guidance, use_cache=use_cache, cache=cache)
        self.settings = settings
        self.model = settings.model
        self.client = client if client is not None else ChatClient(settings, concurrency)
        self.backoff = SharedBackoff()  # one pause for all the workers of a batch (HTTP 429)
        self.modes = modes if modes is not None else ModeMemory()
        self._mode: str | None = None  # the mode this run settled on (auto)
        self._from_memory = False  # _mode was remembered from an earlier run, not settled in this one
        self._ignore_memory = False  # the remembered mode kept failing: probe from the top instead
        self._rejected: set[str] = set()  # modes the server rejected in this run (not tried again)
        self._settling = threading.Lock()

    def cache_scope(self) -> dict[str, Any]:
        return {"url": self.settings.url, "temperature": self.settings.temperature}

    def usage_of(self, completion: Completion) -> Usage:
        # OpenAI's price list applies to OpenAI's servers only: elsewhere the cost is unknown.
        return make_usage(self.model, completion.prompt_tokens, completion.completion_tokens, priced=self.settings.is_openai)

    # -- structured-output modes ---------------------------------------------------------------

    def complete(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str) -> Completion:
        try:
            return self._complete(messages, schema, schema_name)
        except LLMError as error:
            raise scrubbed(error, self.settings) from None

    def _complete(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str) -> Completion:
        configured = self.settings.structured_output
        if configured != "auto":
            try:
                return self._with_retries(messages, schema, schema_name, configured)
            except _ModeRejected as rejected:
                raise RequestRejected(wording.MODE_REJECTED.format(url=self.settings.url, mode=configured,
                                                                   server_said=rejected)) from None
        if self._mode is None:
            remembered = self._remembered()
            if remembered in STRUCTURED_MODES:
                self._mode = remembered
                self._from_memory = True
            else:
                # Not known yet: one request finds out what the server takes while the other
                # workers of a batch wait, instead of each trying every mode.
                with self._settling:
                    if self._mode is None:
                        return self._auto(messages, schema, schema_name)
        return self._auto(messages, schema, schema_name)

    def _remembered(self) -> str | None:
        return None if self._ignore_memory else self.modes.get(self.settings.url)

    def _auto(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str) -> Completion:
        start = self._mode or self._remembered() or STRUCTURED_MODES[0]
        if start not in STRUCTURED_MODES:
            start = STRUCTURED_MODES[0]
        last: _ModeRejected | None = None
        for mode in STRUCTURED_MODES[STRUCTURED_MODES.index(start):]:
            if mode in self._rejected and mode != "prompt":
                continue
            try:
                completion = self._with_retries(messages, schema, schema_name, mode)
            except _ModeRejected as rejected:
                last = rejected
                self._rejected.add(mode)
                continue
            if not complete(completion):
                # Cut off at the token limit, refused, filtered or too large: it says nothing about
                # whether the server honours response_format, so nothing is settled on it.
                return completion
            # A server that answers prose, fences or <think> blocks ignored response_format: from
            # now on describe the schema in the prompt.
            settled = mode if mode == "prompt" or is_bare_json(completion.text.strip()) else "prompt"
            if settled != self._mode:
                self._mode = settled
                self._from_memory = False
                self.modes.remember(self.settings.url, settled)
            return completion
        raise RequestRejected(wording.EVERY_MODE_REJECTED.format(url=self.settings.url, server_said=last))

    def ask(self, messages, schema, model, soft_check=lambda _: []):
        """As ChatBackend.ask; under `auto`, a mode remembered from an earlier run whose answers
        still fail after the re-asks is dropped, once a run, and the modes tried again from the top."""
        try:
            asked = super().ask(messages, schema, model, soft_check)
            self._from_memory = False  # it worked in this run: no longer only remembered
            return asked
        except (AnswerInvalid, AnswerTruncated):
            with self._settling:
                again = self.settings.structured_output == "auto" and self._from_memory and not self._ignore_memory
                if again:
                    self._ignore_memory = True
                    self._mode = None
                    self._from_memory = False
            if not again:
                raise
        return super().ask(messages, schema, model, soft_check)

    def request_body(self, messages: list[dict[str, str]], schema: dict[str, Any], schema_name: str,
                     mode: str) -> dict[str, Any]:
        strict = None
        if mode == "json_schema":  # the strict form of a schema, made once per schema
            memo = self.__dict__.setdefault("_strict", {})
            held = memo.get(id(schema))
            if held is None or held[0] is not schema:
                held = memo[id(schema)] = (schema, strict_schema(schema))
            strict = held[1]
        return build_request(self.settings, messages, schema, schema_name, mode, strict)

    # -- one call, retried ---------------------------------------------------------------------

    def _with_retries(self, messages, schema, schema_name, mode) -> Completion:
        budget = self.settings.retry_budget
        attempts = self.settings.max_retries + 1

        def stop(state: RetryCallState) -> bool:
            error = state.outcome.exception() if state.outcome else None
            if isinstance(error, _Transient) and error.retry_after is not None and error.retry_after > MAX_RETRY_AFTER:
                return True  # the server asks for a longer pause than a run should sit through
            waited = state.seconds_since_start + state.upcoming_sleep
            return state.attempt_number >= attempts or waited > budget

        retrying = Retrying(
            retry=retry_if_exception_type(_Transient),
            stop=stop,
            wait=self._wait,
            reraise=True,
        )
        started = time.monotonic()
        try:
            return retrying(self._call, messages, schema, schema_name, mode)
        except _Transient as error:
            tries = retrying.statistics.get("attempt_number", 1)
            elapsed = time.monotonic() - started
            too_long = error.retry_after is not None and error.retry_after > MAX_RETRY_AFTER
            said = {"url": self.settings.url, "failure": error.description, "seconds": f"{elapsed:.1f}",
                    "attempts": wording.ATTEMPTS[tries <= 1].format(count=tries)}
            if too_long:
                message = wording.GAVE_UP_WAIT.format(**said, wait=f"{error.retry_after:.0f}")
            else:
                message = (wording.GAVE_UP_DOWN if error.connection else wording.GAVE_UP).format(**said)
            raise ServerUnavailable(
                message,
                stops_batch=error.connection or too_long,  # every other request would meet the same
            ) from None

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Transient) and error.retry_after is not None:
            if error.retry_after > MAX_RETRY_AFTER:
                return 0.0  # no pause: `stop` ends the attempts with a line that says to try later
            wait = error.retry_after
        else:
            backoff = wait_exponential_jitter(multiplier=BACKOFF_MULTIPLIER, max=BACKOFF_MAX, jitter=BACKOFF_JITTER)
            wait = backoff(state)
        if isinstance(error, _Transient) and error.rate_limited:
            self.backoff.pause(wait)  # every worker waits, not only this one
        return wait

    def _call(self, messages, schema, schema_name, mode) -> Completion:
        import httpx2

        self.backoff.wait()  # a 429 met by any worker pauses them all
        body = self.request_body(messages, schema, schema_name, mode)
        try:
            response = self.client.chat(body)
        except httpx2.TimeoutException:
            raise _Transient(wording.NO_ANSWER_WITHIN.format(seconds=f"{self.settings.timeout:g}")) from None
        except httpx2.TransportError as error:
            raise _Transient(wording.CANNOT_CONNECT_AS.format(os_error=error) if str(error) else wording.CANNOT_CONNECT.format(),
                             connection=True) from None
        if response.status_code >= 400:
            raise self._status_error(response, mode)
        if getattr(response, "too_large", False):
            return Completion(text="", problem=f"the answer is larger than {MAX_RESPONSE_BYTES // 1024} KB")
        completion = completion_from(_json_body(response))
        completion.text = self.settings.scrub(completion.text)  # a server may echo the key into an answer
        return completion

    def _status_error(self, response, mode: str) -> Exception:
        status = response.status_code
        message = _message(_body_of(response))
        if mode != "prompt" and (status in (400, 422) or (status >= 500 and _mentions_format(message))):
            return _ModeRejected(f"HTTP {status}: {message}")
        if status == 429:
            return _Transient(wording.RATE_LIMITED.format(server_message=message), retry_after=_retry_after(response),
                              rate_limited=True)
        if status in (408, 409) or status >= 500:
            return _Transient(f"HTTP {status}: {message}", retry_after=_retry_after(response))
        return rejection(self.settings, status, message)


def complete(completion: Completion) -> bool:
    """A whole answer: not cut off, refused, filtered or too large to read."""
    return (completion.finish_reason not in ("length", "content_filter") and not completion.refusal
            and not completion.problem)


def scrubbed(error: LLMError, settings: ServerSettings) -> LLMError:
    """The same error, its message masked (settings.scrub)."""
    if error.args and isinstance(error.args[0], str):
        error.args = (settings.scrub(error.args[0]), *error.args[1:])
    return error


def rejection(settings: ServerSettings, status: int, message: str, what: str = wording.THE_REQUEST.message) -> LLMError:
    """An error the server answered that no retry can help, as one line naming the fix."""
    model, url, key_env = settings.model, settings.url, settings.api_key_env
    if status == 401:
        return RequestRejected(wording.BAD_KEY.format(url=url, server_message=message, key_env=key_env),
                               status, stops_batch=True)
    if status == 403:
        return RequestRejected(wording.DENIED.format(url=url, server_message=message, quoted_model=repr(model)),
                               status, stops_batch=True)
    if status == 404 and what == wording.THE_REQUEST.message:
        return RequestRejected(wording.NO_MODEL.format(quoted_model=repr(model), url=url, server_message=message),
                               status, stops_batch=True)
    return RequestRejected(wording.REJECTED.format(url=url, what=what, status=status, server_message=message), status)


def build_request(settings: ServerSettings, messages: list[dict[str, str]], schema: dict[str, Any],
                  schema_name: str, mode: str, strict: dict[str, Any] | None = None) -> dict[str, Any]:
    """The body of a chat-completions call in one mode: exactly what is sent."""
    body: dict[str, Any] = {"model": settings.model, "temperature": settings.temperature}
    # OpenAI's newer models take max_completion_tokens; compatible servers know max_tokens.
    body["max_completion_tokens" if settings.is_openai else "max_tokens"] = settings.max_tokens
    if mode == "json_schema":
        body["response_format"] = {"type": "json_schema", "json_schema": {
            "name": schema_name, "strict": True, "schema": strict if strict is not None else strict_schema(schema)}}
    elif mode == "json_object":
        body["response_format"] = {"type": "json_object", "schema": schema}
    else:
        messages = with_schema_in_prompt(messages, schema)
    body["messages"] = messages
    return body


def _json_body(response: Any) -> dict[str, Any]:
    """A chat completion's JSON; an answer that is not a JSON object is a transient server fault
    (a proxy's error page, a cut connection)."""
    import json

    try:
        data = json.loads(response.content)
    except ValueError:
        raise _Transient(f"HTTP {response.status_code}: the answer is not JSON: {shorten(response.text, 80)!r}") from None
    if not isinstance(data, dict):
        raise _Transient(f"HTTP {response.status_code}: unexpected answer {shorten(response.text, 80)!r}")
    return data


def completion_from(body: dict[str, Any]) -> Completion:
    """The answer in a chat-completions response body (live, or a line of a Batch API output file)."""
    choices = body.get("choices") or []
    usage = body.get("usage") if isinstance(body.get("usage"), dict) else {}
    prompt_tokens = usage.get("prompt_tokens") or 0
    completion_tokens = usage.get("completion_tokens") or 0
    choice = choices[0] if isinstance(choices, list) and choices and isinstance(choices[0], dict) else None
    if choice is None:
        return Completion(text="", prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)
    message = choice.get("message") if isinstance(choice.get("message"), dict) else {}
    return Completion(
        text=message.get("content") or "",
        finish_reason=choice.get("finish_reason"),
        refusal=message.get("refusal"),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
    )


def server_message(error: Any) -> str:
    """What the server said about an error (an openai APIStatusError), short."""
    return _message(getattr(error, "body", None), getattr(error, "message", None) or str(error))


def _body_of(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def _message(body: Any, fallback: str = "") -> str:
    """The error message in an error response's body (OpenAI's `{"error": {"message"}}`, or the
    `detail` and `message` other servers use), short."""
    text = None
    if isinstance(body, dict):
        inner = body.get("error", body)
        text = inner.get("message") if isinstance(inner, dict) else inner
        text = text or body.get("detail") or body.get("message")
    elif isinstance(body, str):
        text = body
    return shorten(mask(str(text or fallback)), 140)


def _mentions_format(message: str) -> bool:
    lowered = message.lower()
    return any(word in lowered for word in FORMAT_WORDS)


def _retry_after(response: Any) -> float | None:
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    milliseconds = headers.get("retry-after-ms")
    if milliseconds:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, parsed.timestamp() - time.time())
