"""Scripted OpenAI-compatible servers on 127.0.0.1 for the LLM tests (stdlib only, one thread each).

A test enqueues what the server answers, call by call (`FakeServer.enqueue`), or gives it a
behaviour for every call (`FakeServer.behaviour`): like OpenAI (strict json_schema honoured), like
llama-cpp-python (HTTP 500 to json_schema, json_object enforced), like Ollama (response_format
ignored, JSON inside <think> blocks and fences). `requests` records every request body.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Answer:
    status: int = 200
    body: Any = None  # dict -> JSON; str -> sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    drop: bool = False  # close the connection without answering (a reset)
    trickle: str | None = None  # "head" or "body": send that part a byte at a time, every trickle_every seconds
    trickle_every: float = 0.2


def chat(content: str, finish_reason: str = "stop", refusal: str | None = None,
         prompt_tokens: int = 100, completion_tokens: int = 20) -> Answer:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return Answer(body={
        "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": "test-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    })


def error(status: int, message: str, headers: dict[str, str] | None = None, kind: str = "error") -> Answer:
    return Answer(status=status, body={"error": {"message": message, "type": kind, "param": None, "code": None}},
                  headers=headers or {})


def verdict_json(verdict: str = "ask", reply: str | None = "Hi Alex,\n\nThanks for reaching out! Could you share what prompted your request?\n\nSarah",
                 flags: list[dict] | None = None, **extra: Any) -> str:
    answer = {
        "verdict": verdict,
        "confidence": 0.7,
        "summary": f"LLM says {verdict}.",
        "flags": flags if flags is not None else [
            {"id": "personalized_note", "polarity": "green", "evidence": "mentions the user's talk"}],
        "report": False,
        "reply": reply if verdict == "ask" else None,
    }
    answer.update(extra)
    return json.dumps(answer)


# -- behaviours: a function of the request body ---------------------------------------------------

def openai_like(content: Callable[[dict], str] = lambda body: verdict_json()) -> Callable[[dict], Answer]:
    def answer(body: dict) -> Answer:
        return chat(content(body))
    return answer


def llama_cpp_like(content: Callable[[dict], str] = lambda body: verdict_json()) -> Callable[[dict], Answer]:
    """llama-cpp-python's server: json_schema fails its request validation with HTTP 500."""

    def answer(body: dict) -> Answer:
        response_format = body.get("response_format") or {}
        if response_format.get("type") not in (None, "text", "json_object"):
            return error(500, "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', "
                              "'type'), 'msg': \"Input should be 'text' or 'json_object'\"}", kind="internal_server_error")
        return chat(content(body))
    return answer


def ollama_like(content: Callable[[dict], str] = lambda body: verdict_json()) -> Callable[[dict], Answer]:
    """A server that ignores response_format and answers like a chatty reasoning model."""

    def answer(body: dict) -> Answer:
        return chat("<think>\nThe user wants JSON. Let me think about {braces}.\n</think>\n"
                    "Here is my answer:\n```json\n" + content(body) + "\n```\nHope this helps!")
    return answer


class FakeServer:
    def __init__(self) -> None:
        self.script: deque[Answer | Callable[[dict], Answer]] = deque()
        self.behaviour: Callable[[dict], Answer] | None = None
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        self.times: list[float] = []  # time.monotonic() at each request's arrival
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body leave at once (no 40 ms delayed-ACK stall)

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                server.times.append(time.monotonic())
                server.requests.append(body)
                server.headers.append(dict(self.headers))
                if server.script:
                    planned = server.script.popleft()
                elif server.behaviour is not None:
                    planned = server.behaviour
                else:
                    planned = error(500, "the test scripted no answer for this call")
                answer = planned(body) if callable(planned) else planned
                if answer.delay:
                    time.sleep(answer.delay)
                if answer.drop:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                payload = answer.body if isinstance(answer.body, str) else json.dumps(answer.body)
                data = payload.encode()
                if answer.trickle:
                    self._trickle(answer, data)
                    return
                try:
                    self.send_response(answer.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _trickle(self, answer: Answer, data: bytes) -> None:
                """A server that sends its answer a byte at a time (the head or the body)."""
                head = (f"HTTP/1.1 {answer.status} OK\r\ncontent-type: application/json\r\n"
                        f"content-length: {len(data)}\r\n\r\n").encode()
                self.close_connection = True
                try:
                    if answer.trickle == "body":
                        self.wfile.write(head)
                        slow = data
                    else:
                        slow = head + data
                    for index in range(len(slow)):
                        self.wfile.write(slow[index:index + 1])
                        self.wfile.flush()
                        time.sleep(answer.trickle_every)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def enqueue(self, *answers: Answer | Callable[[dict], Answer]) -> "FakeServer":
        self.script.extend(answers)
        return self

    def start(self) -> "FakeServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
