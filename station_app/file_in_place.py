"""A file the program writes for the officer (a ledger, a hand-off, a receipt) replaces its
target whole.

It is written to a temporary file beside the target, synced to disk and moved onto the target
in one step, so a failure halfway (a full disk, the file open in WPS, a cancel) leaves any
earlier file at the target exactly as it was and no partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def written_in_place(target: Path) -> Iterator[Path]:
    """The temporary path to write ``target``'s new content to; when the block ends without an
    error it is synced, given the old file's mode (or the usual 0644: ``mkstemp`` makes files
    private) and moved onto ``target``. Whatever the block records in a database transaction
    around this one is thus committed only with the file in place."""
    descriptor, temp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".part", dir=target.parent
    )
    os.close(descriptor)
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
