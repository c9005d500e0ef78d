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


ENV_CONFIG = "ASSIST_CONFIG"
LOCAL_CONFIG = "assist.toml"


def user_config_file() -> Path:
    return config_dir() / "config.toml"


def config_file(explicit: str | None, user_file: Path | None = None) -> Path | None:
    """The config file to use: `explicit` (--config), then $ASSIST_CONFIG, then ./assist.toml, then
    the user config directory's; None when there is none. A path given that does not exist is an
    error. (Here, not in config.py, so the interface's language is known before pydantic loads.)"""
    from .errors import InputError
    from .i18n import _

    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(explicit, _("config file not found"))
        return path
    from_env = os.environ.get(ENV_CONFIG)
    if from_env:
        path = Path(from_env)
        if not path.is_file():
            raise InputError(from_env, _("config file not found (from {variable})").format(variable=ENV_CONFIG))
        return path
    for candidate in (Path(LOCAL_CONFIG), user_file or user_config_file()):
        if candidate.is_file():
            return candidate
    return None


def config_dir() -> Path:
    """The user config directory. Roaming on Windows (%APPDATA%), where typer's get_app_dir put it before."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False, roaming=True))


def prepare_folder(folder: Path, purpose: str) -> None:
    """Make `folder` and the folders above it, or say in one line why it cannot be (InputError,
    exit 2): a file in the way, a folder that cannot be written. `purpose`: what goes there ("the
    store goes under it")."""
    from .errors import InputError
    from .i18n import _

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = _file_on(folder) or folder
        home = os.environ.get(ENV_HOME)
        if home and Path(home) == blocker:
            raise InputError(str(blocker), _("is a file, not a folder (the store goes in it, from $ASSIST_HOME): "
                                             "point $ASSIST_HOME at a folder, or move the file aside")) from None
        raise InputError(str(blocker), _("is a file, not a folder ({purpose}): give another path, or move the file "
                                         "aside").format(purpose=_(purpose))) from None
    except OSError as error:
        raise InputError(str(folder), _("cannot create the folder ({reason}): check the permissions of the folders "
                                        "above it, or give another path").format(reason=error.strerror or error)) from None


def _file_on(path: Path) -> Path | None:
    """The first part of a path that exists and is no folder (a file where a folder should be)."""
    for part in [*reversed(path.parents), path]:
        try:
            if part.exists() and not part.is_dir():
                return part
        except OSError:
            return None
    return None


def N_(message: str) -> str:  # i18n.N_, without importing it at start-up
    return message


# What the user can do about a failed file operation, by its errno name.
_FIXES = {
    "EACCES": N_("check its permissions, or give another path"),
    "EPERM": N_("check its permissions, or give another path"),
    "EROFS": N_("the file system is read-only: give another path"),
    "ENOSPC": N_("the disk is full: free some space"),
    "EDQUOT": N_("the disk quota is used up: free some space"),
    "ENOTDIR": N_("a part of the path is a file, not a folder: give another path"),
    "EISDIR": N_("it is a folder, not a file: give a file's path"),
    "ENOENT": N_("check the path"),
    "ENAMETOOLONG": N_("give a shorter path"),
    "ELOOP": N_("the path loops through symbolic links: give another path"),
    "EEXIST": N_("something is in the way: move it aside, or give another path"),
}


def os_problem(error: OSError) -> tuple[str, bool]:
    """A failed file operation in one line, naming the path and the fix; and whether the user can
    fix it (exit 2) rather than a fault of the machine (exit 1)."""
    import errno

    from .i18n import _

    name = errno.errorcode.get(error.errno or 0, "")
    where = f"{error.filename}: " if error.filename else ""
    fix = _(_FIXES[name]) if name in _FIXES else None
    reason = error.strerror or str(error)
    return (f"{where}{reason}: {fix}" if fix else f"{where}{reason}"), fix is not None
