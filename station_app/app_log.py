"""The program's log: one rotating file under the data directory's ``logs`` folder.

Everything that is not a refusal the user caused (``StationError``) is a bug; it is written here
with its traceback, and the window shows the file's path so an officer can hand it on.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_FILE_NAME = "station.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("station")

# libraries that log every request at INFO: the addresses an upload goes to, each retry, are no
# business of the program's log (it may be handed on), so only their warnings are kept
QUIET_LIBRARIES = ("httpx", "httpcore")

_handler: RotatingFileHandler | None = None


def setup_logging(log_dir: str | os.PathLike[str], level: int = logging.INFO) -> Path:
    """Send the root logger to ``log_dir/station.log`` (1 MB x 5 files); returns the file's path.

    Calling it again with the same folder changes nothing; with another folder (a test, another
    data directory) the file handler moves there, so records are never written twice.
    """
    global _handler
    path = Path(log_dir) / LOG_FILE_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    _handler = handler
    return path


def log_file() -> Path | None:
    """The current log file, or None before :func:`setup_logging`."""
    return Path(_handler.baseFilename) if _handler is not None else None


def log_unhandled(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Record an exception nobody handled, with its traceback, and flush it to disk."""
    log.critical("unhandled exception", exc_info=(exc_type, error, tb))
    if _handler is not None:
        _handler.flush()


def close_logging() -> None:
    """Detach and close the file handler (at exit, or between tests)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
