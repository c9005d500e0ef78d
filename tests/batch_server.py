"""A fake of the OpenAI Batch API's files and batches endpoints on 127.0.0.1 (stdlib only).

POST /v1/files (multipart: purpose, file), POST /v1/batches, GET /v1/batches/{id},
GET /v1/files/{id}/content. A batch stays `in_progress` until the test calls `finish()`, which
answers every line of its input file with `behaviour(body)` (an llm_servers.Answer): a 200 goes to
the output file, anything else to the error file; ids in `fail` get an `error` object instead, ids
in `lose` are in neither file.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from llm_servers import Answer, chat, verdict_json


class BatchServer:
    def __init__(self, behaviour: Callable[[dict], Answer] | None = None) -> None:
        self.behaviour = behaviour or (lambda body: chat(verdict_json()))
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.calls: list[tuple[str, str]] = []
        self.fail: set[str] = set()
        self.lose: set[str] = set()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: Any, binary: bool = False) -> None:
                data = payload if binary else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/octet-stream" if binary else "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                server.calls.append(("POST", self.path))
                if self.path == "/v1/files":
                    self._send(*server._upload(self.headers.get("content-type", ""), raw))
                elif self.path == "/v1/batches":
                    self._send(*server._create(json.loads(raw or b"{}")))
                else:
                    self._send(404, {"error": {"message": f"no route {self.path}"}})

            def do_GET(self) -> None:
                server.calls.append(("GET", self.path))
                parts = self.path.strip("/").split("/")
                if len(parts) == 3 and parts[:2] == ["v1", "batches"] and parts[2] in server.batches:
                    self._send(200, server.batches[parts[2]])
                elif len(parts) == 4 and parts[:2] == ["v1", "files"] and parts[3] == "content" and parts[2] in server.files:
                    self._send(200, server.files[parts[2]]["content"], binary=True)
                else:
                    self._send(404, {"error": {"message": f"no such object: {self.path}"}})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> "BatchServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- the endpoints ----------------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}-{next(self._ids)}"

    def _file(self, content: bytes, purpose: str, filename: str) -> dict[str, Any]:
        file_id = self._new_id("file")
        record = {"id": file_id, "object": "file", "bytes": len(content), "created_at": int(time.time()),
                  "filename": filename, "purpose": purpose, "status": "processed"}
        self.files[file_id] = {**record, "content": content}
        return record

    def _upload(self, content_type: str, raw: bytes) -> tuple[int, Any]:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            fields[name] = (part.get_filename(), part.get_payload(decode=True))
        if "file" not in fields or fields.get("purpose", (None, b""))[1] != b"batch":
            return 400, {"error": {"message": f"expected a file with purpose batch, got {sorted(fields)}"}}
        filename, content = fields["file"]
        return 200, self._file(content, "batch", filename or "upload.jsonl")

    def _create(self, body: dict) -> tuple[int, Any]:
        if body.get("input_file_id") not in self.files:
            return 400, {"error": {"message": "unknown input_file_id"}}
        if body.get("endpoint") != "/v1/chat/completions" or body.get("completion_window") != "24h":
            return 400, {"error": {"message": f"bad endpoint or window: {body}"}}
        lines = self.files[body["input_file_id"]]["content"].decode().splitlines()
        batch_id = self._new_id("batch")
        self.batches[batch_id] = {
            "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "errors": None,
            "input_file_id": body["input_file_id"], "completion_window": "24h", "status": "in_progress",
            "output_file_id": None, "error_file_id": None, "created_at": int(time.time()),
            "metadata": body.get("metadata"),
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
        }
        return 200, self.batches[batch_id]

    def input_lines(self, batch_id: str) -> list[dict]:
        content = self.files[self.batches[batch_id]["input_file_id"]]["content"].decode()
        return [json.loads(line) for line in content.splitlines() if line.strip()]

    def finish(self, batch_id: str) -> None:
        batch = self.batches[batch_id]
        output, errors = [], []
        for number, line in enumerate(self.input_lines(batch_id), start=1):
            custom_id = line["custom_id"]
            if custom_id in self.lose:
                continue
            if custom_id in self.fail:
                errors.append({"id": f"batch_req_{number}", "custom_id": custom_id, "response": None,
                               "error": {"code": "server_error", "message": "the model crashed"}})
                continue
            answer = self.behaviour(line["body"])
            item = {"id": f"batch_req_{number}", "custom_id": custom_id,
                    "response": {"status_code": answer.status, "request_id": f"req_{number}", "body": answer.body},
                    "error": None}
            (output if answer.status == 200 else errors).append(item)
        if output:
            batch["output_file_id"] = self._file("".join(json.dumps(i) + "\n" for i in output).encode(),
                                                 "batch_output", "output.jsonl")["id"]
        if errors:
            batch["error_file_id"] = self._file("".join(json.dumps(i) + "\n" for i in errors).encode(),
                                                "batch_output", "errors.jsonl")["id"]
        batch["status"] = "completed"
        batch["completed_at"] = int(time.time())
        batch["request_counts"] = {"total": batch["request_counts"]["total"], "completed": len(output),
                                   "failed": len(errors)}
