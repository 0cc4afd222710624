"""Every filesystem location the program uses, from one place.

Two families of paths live here:

* the data directory (database, attachments, backups, logs), chosen by ``--data-dir``, then the
  ``STATION_DATA_DIR`` environment variable, then the platform's user data directory;
* the read-only ``resources/`` and ``ui/`` trees, found in the source tree, an installed wheel
  (mapped to ``station_app/_data``) or a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "station"
APP_AUTHOR = "station"
DATA_DIR_ENV = "STATION_DATA_DIR"
KEY_FILE_NAME = "station.keys"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _asset_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_data")  # installed wheel (hatch force-include)
    roots.append(_PACKAGE_DIR.parent)  # source tree
    return roots


def asset_path(*parts: str) -> Path:
    """The path of a file under the top-level ``resources/`` or ``ui/`` tree.

    ``asset_path("resources", "codes", "nature.json")``. Raises ``FileNotFoundError`` naming every
    place looked in, so a broken build says what is missing.
    """
    tried = []
    for root in _asset_roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
        tried.append(str(candidate))
    raise FileNotFoundError("asset not found: " + " | ".join(tried))


def resource_path(*parts: str) -> Path:
    return asset_path("resources", *parts)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: explicit override, then ``STATION_DATA_DIR``, then the platform's."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


class DataPaths:
    """The files inside one data directory."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = data_dir(root)
        self.database = self.root / "station.sqlite3"
        # the wrapped copies of the database's data key (per account, and for recovery)
        self.key_file = self.root / KEY_FILE_NAME
        self.attachments = self.root / "attachments"
        self.backups = self.root / "backups"
        self.logs = self.root / "logs"
        self.keys = self.root / "keys"
        self.lock_file = self.root / "station.lock"

    def ensure(self) -> DataPaths:
        for folder in (self.root, self.attachments, self.backups, self.logs, self.keys):
            folder.mkdir(parents=True, exist_ok=True)
        return self
