"""The OpenAI Batch API, for volumes beyond one machine: `assist batch submit|status|collect`.

submit: every request's verdict prompt (exactly what the live path sends, `--redact` included) as
one line of a JSONL file, `{"custom_id": <request id>, "method": "POST", "url":
"/v1/chat/completions", "body": {...}}`; the file is uploaded with purpose "batch" and a batch is
created for /v1/chat/completions with a 24h completion window. Requests already screened under the
same settings are not submitted again. What collect needs (the batch id, the requests, the config
and settings they were judged under) is kept in $ASSIST_HOME/batches/<batch id>.json.

collect: downloads the output and error files, validates each answer exactly as the live path
validates a first answer (schema, known criteria, the reply's checks; no re-ask is possible in a
batch), applies the guard, and records each verdict in the store in its own transaction. A request
whose answer is missing, failed or invalid is listed as failed; it can be screened live or
submitted again. Collecting twice records nothing twice. Cost estimates use half the live price
(the Batch API's discount) for OpenAI models.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import evidence as wording
from .i18n import _
from .backends.base import Backend, Proposal
from .backends.errors import AnswerInvalid, LLMError, RequestRejected, ServerUnavailable
from .backends.llm import Asked, Completion
from .backends.openai_backend import (
    MAX_RESPONSE_BYTES, STRUCTURED_MODES, OpenAIBackend, ServerSettings, build_client, completion_from, rejection, scrubbed,
    server_message,
)
from .config import UserConfig
from .context import RunContext
from .draft import reply_rules
from .runner import present
from .errors import InputError
from .guidance import Guidance
from .models import Request, ScreenResult
from .paths import assist_home
from .screen import screen_request
from .known import Recorded
from .screen import signals_for
from .signals import Signals, extract_signals
from .store import Store
from .validate import AnswerProblem, LLMVerdict, shorten

ENDPOINT = "/v1/chat/completions"
COMPLETION_WINDOW = "24h"
BATCH_DISCOUNT = 0.5  # the Batch API costs half the live price
DONE = ("completed", "expired", "cancelled", "failed")
STATE_DIR = "batches"
# What a batch id may be before it names a file in batches/: OpenAI's are "batch_" and 24 or so
# letters and digits. Anything else (a path, dots, a newline, a very long string) is refused.
BATCH_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")


def safe_batch_id(batch_id: object) -> bool:
    return isinstance(batch_id, str) and BATCH_ID.fullmatch(batch_id) is not None


def state_dir() -> Path:
    return assist_home() / STATE_DIR


@dataclass
class BatchState:
    batch_id: str
    input_file_id: str
    created_at: float
    base_url: str
    model: str
    api_key_env: str
    structured_output: str
    max_chars: int
    redact: bool
    screening_key: str
    config: dict[str, Any]
    requests: list[dict[str, Any]] = field(default_factory=list)
    collected_at: float | None = None

    @property
    def path(self) -> Path:
        if not safe_batch_id(self.batch_id):  # checked on the way in; this is the last line of defence
            raise ValueError(_("unsafe batch id {id}").format(id=shorten(repr(self.batch_id), 60)))
        return state_dir() / f"{self.batch_id}.json"

    def save(self) -> None:
        folder = state_dir()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.__dict__, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.path)

    @classmethod
    def load(cls, batch_id: str | None) -> "BatchState":
        folder = state_dir()
        if batch_id is not None:
            if not safe_batch_id(batch_id):
                raise InputError("batch id", _("{value} is not a batch id (letters, digits, "
                                   "'_' and '-' only): give the id `assist batch submit` printed").format(
                                     value=shorten(repr(batch_id), 60)))
            path = folder / f"{batch_id}.json"
            if not path.is_file():
                raise InputError(batch_id, _("no batch submitted from here with this id (looked in {folder})").format(folder=folder))
        else:
            candidates = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime) if folder.is_dir() else []
            if not candidates:
                raise InputError("batch", _("no batch submitted yet (see 'assist batch submit --help')"))
            path = candidates[-1]
        try:
            state = cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError) as error:
            raise InputError(str(path), _("not a readable batch record ({error})").format(error=error)) from None
        if not safe_batch_id(state.batch_id):
            raise InputError(str(path), _("its batch id is not safe as a file name: move the file aside"))
        return state

    def settings(self) -> ServerSettings:
        import os

        from .backends import ENV_BASE_URL
        from .backends.secrets import without_credentials

        # The record keeps the URL without credentials; the environment's, if it is the same
        # server, brings them back.
        base_url = self.base_url
        env_url = (os.environ.get(ENV_BASE_URL) or "").rstrip("/")
        if env_url and without_credentials(env_url) == base_url:
            base_url = env_url
        return ServerSettings(model=self.model, base_url=base_url, api_key=os.environ.get(self.api_key_env) or None,
                              api_key_env=self.api_key_env, structured_output=self.structured_output)


def forget_request(request_id: str) -> int:
    """`assist forget ID`: take the request out of every batch record kept here (its text, as
    submitted); a record left with no request is deleted. Returns how many records held it.
    (What was uploaded stays on the server until it deletes it: OpenAI keeps batch files until
    they are deleted there.)"""
    folder = state_dir()
    if not folder.is_dir():
        return 0
    held = 0
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            requests = data["requests"]
        except (OSError, ValueError, TypeError, KeyError):
            continue
        if not isinstance(requests, list):
            continue
        kept = [entry for entry in requests if not _about(entry, request_id)]
        if len(kept) == len(requests):
            continue
        held += 1
        if kept:
            data["requests"] = kept
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            tmp.replace(path)
        else:
            path.unlink()
    return held


def _about(entry: Any, request_id: str) -> bool:
    if not isinstance(entry, dict):
        return False
    request = entry.get("request")
    return entry.get("custom_id") == request_id or (isinstance(request, dict) and request.get("id") == request_id)


def _client(settings: ServerSettings):
    return build_client(settings, connections=2)


CREATING_THE_BATCH = wording.BATCH_CREATE.format()  # the call a server with no Batch API rejects


def _api_call(settings: ServerSettings, what: str, call, *args, **kwargs):
    """One Batch API call: its failure is one line naming what failed (no retries: run it again),
    with the key and any URL credentials masked."""
    try:
        return _api_call_unmasked(settings, what, call, *args, **kwargs)
    except LLMError as error:
        raise scrubbed(error, settings) from None


def _api_call_unmasked(settings: ServerSettings, what: str, call, *args, **kwargs):
    import openai

    try:
        return call(*args, **kwargs)
    except openai.APITimeoutError:
        raise ServerUnavailable(wording.BATCH_NO_ANSWER.format(url=settings.url, what=what,
                                                               seconds=f"{settings.timeout:g}")) from None
    except openai.APIConnectionError as error:
        cause = error.__cause__ or error.__context__
        message = (wording.BATCH_CANNOT_CONNECT_AS.format(url=settings.url, what=what, os_error=cause) if cause
                   else wording.BATCH_CANNOT_CONNECT.format(url=settings.url, what=what))
        raise ServerUnavailable(message, stops_batch=True) from None
    except openai.APIStatusError as error:
        status, message = error.status_code, server_message(error)
        if status == 404 and what == CREATING_THE_BATCH:
            raise RequestRejected(wording.NO_BATCH_API.format(url=settings.url, what=what, server_message=message),
                                  status, stops_batch=True) from None
        rejected = rejection(settings, status, message, what)
        rejected.stops_batch = True  # a Batch API call is not retried: whatever failed, say it and stop
        raise rejected from None


@dataclass
class Submitted:
    state: BatchState
    submitted: int
    skipped: int


def submit(loaded_requests, backend: OpenAIBackend, ctx: RunContext, store: Store,
           on_note=lambda text: None) -> Submitted | None:
    """Upload the requests' prompts and create the batch. None when there is nothing to submit."""
    settings = backend.settings
    key = ctx.screening_key(backend.name, backend.model)
    mode = settings.structured_output
    if mode == "auto":  # no fallback is possible inside a batch: what worked live, else strict mode
        remembered = backend.modes.get(settings.url)
        mode = remembered if remembered in STRUCTURED_MODES else STRUCTURED_MODES[0]
    schema = backend.schema_for(LLMVerdict, ctx.max_chars)
    lines: list[str] = []
    requests: list[dict[str, Any]] = []
    seen: set[str] = set()
    skipped = 0
    for loaded in loaded_requests:
        request, warning = store.identify(loaded.request)  # under its sender's id, as `screen` does
        if warning:
            on_note(_("warning: {message}").format(message=warning))
        if request.id in seen:
            on_note(f"note: {request.id} ({loaded.origin}) appears twice; submitted once")
            continue
        seen.add(request.id)
        if store.screened(request, key) is not None:
            skipped += 1
            continue
        signals = signals_for(request, ctx)
        messages = backend.verdict_messages(request, signals, ctx)
        body = backend.request_body(messages, schema, LLMVerdict.__name__, mode)
        lines.append(json.dumps({"custom_id": request.id, "method": "POST", "url": ENDPOINT, "body": body},
                                ensure_ascii=False))
        entry = {"custom_id": request.id, "origin": loaded.origin,
                 "request": request.model_dump(mode="json", exclude_none=True)}
        if signals.known:  # what the user's export said, for collect to judge with (known.Recorded)
            entry["known"] = [asdict(tie) for tie in signals.known]
        requests.append(entry)
    if not lines:
        return None
    data = ("\n".join(lines) + "\n").encode("utf-8")
    client = _client(settings)
    uploaded = _api_call(settings, wording.BATCH_UPLOAD.format(), client.files.create,
                         file=("assist-batch.jsonl", data, "application/jsonl"), purpose="batch")
    batch = _api_call(settings, CREATING_THE_BATCH, client.batches.create, input_file_id=uploaded.id,
                      endpoint=ENDPOINT, completion_window=COMPLETION_WINDOW,
                      metadata={"created_by": "assist", "requests": str(len(lines))})
    if not safe_batch_id(getattr(batch, "id", None)):
        raise RequestRejected(
            f"{settings.url} answered batch id {shorten(repr(getattr(batch, 'id', None)), 60)}, which is not safe as a "
            "file name (letters, digits, '_' and '-' only): the batch was not recorded; cancel it on the server",
            stops_batch=True)
    state = BatchState(
        batch_id=batch.id, input_file_id=uploaded.id, created_at=time.time(), base_url=settings.url,
        model=settings.model, api_key_env=settings.api_key_env, structured_output=mode, max_chars=ctx.max_chars,
        redact=ctx.redact, screening_key=key, config=ctx.config.model_dump(mode="json"), requests=requests,
    )
    state.save()
    return Submitted(state, len(lines), skipped)


def status(state: BatchState):
    settings = state.settings()
    client = _client(settings)
    return _api_call(settings, wording.BATCH_STATUS.format(batch_id=state.batch_id), client.batches.retrieve, state.batch_id)


def counts_text(batch) -> str:
    counts = getattr(batch, "request_counts", None)
    if counts is None:
        return "no counts yet"
    return f"{counts.completed}/{counts.total} done, {counts.failed} failed"


@dataclass
class Collected:
    outcomes: list[tuple[Request, str, ScreenResult | None, str | None]]  # request, origin, result, error
    status: str


class BatchAnswers(Backend):
    """The batch's answers as a backend: each validated as the live path validates a first answer
    (a batch cannot re-ask), priced at the Batch API's discount."""

    name = "openai"
    costs_money = True

    def __init__(self, live: OpenAIBackend, answers: dict[str, Completion]):
        self.live = live
        self.model = live.model
        self.answers = answers

    def propose(self, request: Request, signals: Signals, ctx: RunContext) -> Proposal:
        completion = self.answers[request.id or ""]
        try:
            answer = self.live.answer_from(completion, LLMVerdict, self.live.schema_for(LLMVerdict, ctx.max_chars))
        except AnswerProblem as problem:
            raise AnswerInvalid(wording.BATCH_INVALID.format(issue=problem, quoted_answer=repr(shorten(completion.text))),
                                raw=completion.text, attempts=1) from None
        usage = self.live.usage_of(completion)
        if usage.cost_usd is not None:
            usage = usage.model_copy(update={"cost_usd": round(usage.cost_usd * BATCH_DISCOUNT, 6)})
        return self.live.proposal_from(Asked(answer=answer, usage=usage),
                                       reply_rules(request, ctx.config, signals, "clarify", ctx.max_chars, ctx.reply_language))


CUSTOM_ID = re.compile(rb'"custom_id"\s{0,8}:\s{0,8}"([^"\\]{1,300})"')


def _lines(client, settings: ServerSettings, file_id: str | None, what: str,
           wanted: set[str] | None = None) -> dict[str, dict]:
    """The items of a result file by custom_id, read as it downloads: a line over
    MAX_RESPONSE_BYTES is never held whole nor parsed (its request fails as too large), and lines
    about requests this batch did not submit are skipped."""
    if not file_id:
        return {}
    out: dict[str, dict] = {}

    def take(line: bytes, too_large: bool) -> None:
        if too_large:
            found = CUSTOM_ID.search(line)
            if found:
                custom_id = found.group(1).decode("utf-8", errors="replace")
                if wanted is None or custom_id in wanted:
                    out[custom_id] = {"custom_id": custom_id, TOO_LARGE: True}
            return
        if not line.strip():
            return
        try:
            item = json.loads(line)
        except ValueError:
            return
        if isinstance(item, dict) and isinstance(item.get("custom_id"), str):
            if wanted is None or item["custom_id"] in wanted:
                out[item["custom_id"]] = item

    def download() -> None:
        with client.files.with_streaming_response.content(file_id) as response:
            line, too_large = b"", False
            for chunk in response.iter_bytes():
                while chunk:
                    end = chunk.find(b"\n")
                    piece, chunk = (chunk, b"") if end < 0 else (chunk[:end], chunk[end + 1:])
                    if too_large:
                        pass  # the rest of an oversized line is dropped as it comes
                    elif len(line) + len(piece) > MAX_RESPONSE_BYTES:
                        line, too_large = (line + piece)[:4096], True  # enough to find its custom_id
                    else:
                        line += piece
                    if end >= 0:
                        take(line, too_large)
                        line, too_large = b"", False
            take(line, too_large)

    _api_call(settings, wording.BATCH_DOWNLOAD[what].format(), download)
    return out


TOO_LARGE = "assist_too_large"


def _failure(item: dict) -> str:
    error = item.get("error")
    if isinstance(error, dict) and (error.get("message") or error.get("code")):
        return wording.BATCH_FAILED.format(code=error.get("code") or "error", server_message=shorten(str(error.get("message")), 140))
    response = item.get("response") or {}
    body = response.get("body") or {}
    inner = body.get("error") if isinstance(body, dict) else None
    message = inner.get("message") if isinstance(inner, dict) else None
    return wording.BATCH_FAILED_HTTP.format(status=response.get("status_code"), server_message=shorten(str(message or body), 140))


def collect(state: BatchState, store: Store, guidance: Guidance, batch=None) -> Collected:
    settings = state.settings()
    client = _client(settings)
    batch = batch or _api_call(settings, wording.BATCH_STATUS.format(batch_id=state.batch_id), client.batches.retrieve,
                               state.batch_id)
    wanted = {entry.get("custom_id") for entry in state.requests}
    outputs = _lines(client, settings, getattr(batch, "output_file_id", None), "output", wanted)
    errors = _lines(client, settings, getattr(batch, "error_file_id", None), "error", wanted)
    recorded = {entry.get("custom_id") or "": [tie for tie in map(Recorded.tie_of, entry.get("known") or []) if tie]
                for entry in state.requests if entry.get("known")}
    ctx = RunContext(UserConfig.model_validate(state.config), guidance, state.max_chars, state.redact,
                     network=Recorded(recorded) if recorded else None)
    live = OpenAIBackend(settings, guidance, use_cache=False, client=client)
    answers: dict[str, Completion] = {}
    for custom_id, item in outputs.items():
        response = item.get("response") or {}
        if item.get(TOO_LARGE):
            answers[custom_id] = Completion(text="", problem=f"the answer is larger than {MAX_RESPONSE_BYTES // 1024} KB")
        elif response.get("status_code") == 200 and isinstance(response.get("body"), dict):
            answers[custom_id] = completion = completion_from(response["body"])
            completion.text = settings.scrub(completion.text)
    backend = BatchAnswers(live, answers)
    outcomes = []
    for entry in state.requests:
        request = Request.model_validate(entry["request"])
        origin = entry.get("origin", "")
        # Shown as it stands now (runner.present): the user's decision and the draft on record.
        done, on_record = store.look_up(request, state.screening_key)
        if done is not None:
            outcomes.append((request, origin, present(done, on_record), None))
            continue
        custom_id = entry["custom_id"]
        if custom_id in answers:
            try:
                result = screen_request(request, backend, ctx)
            except LLMError as error:
                outcomes.append((request, origin, None, settings.scrub(str(error))))
                continue
            outcomes.append((request, origin, present(store.record(request, result, state.screening_key), on_record), None))
        elif custom_id in outputs or custom_id in errors:
            outcomes.append((request, origin, None, settings.scrub(_failure(outputs.get(custom_id) or errors[custom_id]))))
        else:
            outcomes.append((request, origin, None, f"no answer in batch {state.batch_id} (status {batch.status})"))
    state.collected_at = time.time()
    state.save()
    return Collected(outcomes, batch.status)
