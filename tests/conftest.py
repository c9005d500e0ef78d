import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _private_assist_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's store, cache or config."""
    home = tmp_path_factory.mktemp("assist-home")
    monkeypatch.setenv("ASSIST_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    for name in ("ASSIST_CONFIG", "ASSIST_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
