import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import assist.cli  # noqa: E402
import assist.config  # noqa: E402
import assist.i18n  # noqa: E402
from hypothesis import settings  # noqa: E402

# The property tests draw the same examples on every run, so main is green or red for a reason:
# `pytest --hypothesis-profile=explore` draws new ones, to look for the next edge case.
settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test reads or writes the real user's config, store or cache, nor takes LLM settings from
    the machine running it: everything assist keeps goes to tmp_path / "home"; cwd is tmp_path."""
    # The interface speaks English unless a test says otherwise (--lang, a config's language), whatever
    # the locale of the machine running the tests; and no test inherits the language of the one before.
    for name in ("ASSIST_CONFIG", "ASSIST_DEBUG", "ASSIST_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL",
                 "ASSIST_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    assist.i18n.setup(None)
    monkeypatch.setenv("ASSIST_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    no_user_config = tmp_path / "no-user-config" / "config.toml"
    monkeypatch.setattr(assist.config, "user_config_path", lambda: no_user_config)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def fast_backoff(monkeypatch):
    """Retries back off in hundredths of what they would: the same logic, a fast suite."""
    from assist.backends import openai_backend

    monkeypatch.setattr(openai_backend, "BACKOFF_MULTIPLIER", 0.01)
    monkeypatch.setattr(openai_backend, "BACKOFF_JITTER", 0.01)


@pytest.fixture
def run(capsys):
    """`assist ARGS...` in-process: (exit code, stdout, stderr)."""
    from assist.cli import main

    def invoke(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def server():
    """A scripted OpenAI-compatible server on 127.0.0.1 (tests/llm_servers.py)."""
    from llm_servers import FakeServer

    fake = FakeServer().start()
    yield fake
    fake.stop()
