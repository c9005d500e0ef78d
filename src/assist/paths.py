"""Where assist keeps things, from one library (platformdirs) for every platform:

- the data directory: the store, the LLM cache, what assist learned. $ASSIST_HOME, else the
  user data directory (~/.local/share/assist on Linux, honouring $XDG_DATA_HOME);
- the config directory: ~/.config/assist on Linux, honouring $XDG_CONFIG_HOME.

platformdirs is imported when a path is first asked for, not at start-up (`assist --version`).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "assist"
ENV_HOME = "ASSIST_HOME"


def assist_home() -> Path:
    """The one folder where assist keeps everything it stores: $ASSIST_HOME, else the user data directory."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """What assist can make again at will (the templates compiled): ~/.cache/assist on Linux."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def config_dir() -> Path:
    """The user config directory. Roaming on Windows (%APPDATA%), where typer's get_app_dir put it before."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False, roaming=True))
