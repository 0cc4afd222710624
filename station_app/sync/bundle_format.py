"""What a bundle file is allowed to hold: version numbers, names, limits, and typed refusals.

Everything here is shared by the writer (``export``) and the reader (``reader``), so the two cannot
disagree about a name or a limit.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from station_app.errors import StationError
from station_app.messages import msg, translate

FORMAT_NAME = "station-bundle"
FORMAT_VERSION = 1
BUNDLE_SUFFIX = ".stbundle"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PARTS_DIR = "parts/"
PART_SUFFIX = ".ndjson"
ATTACHMENTS_DIR = "attachments/"

# the zip comment holds the SHA-256 of every byte of the file before the comment, so one flipped
# byte anywhere (zip headers included, which neither the signature nor the part hashes cover) is
# noticed before anything is read
CHECKSUM_PREFIX = b"station-bundle sha256:"
CHECKSUM_LENGTH = len(CHECKSUM_PREFIX) + 64

# limits a bundle must respect; anything larger is refused before it is unpacked
MAX_ENTRIES = 200_000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_SIGNATURE_BYTES = 1024
MAX_ENTRY_BYTES = 4 * 1024**3  # one part or one attachment, uncompressed
MAX_TOTAL_BYTES = 16 * 1024**3  # the whole bundle, uncompressed
MAX_LINE_BYTES = 16 * 1024 * 1024  # one record
MAX_RATIO = 100  # uncompressed ÷ compressed, for entries larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

_PART_RE = re.compile(r"^parts/([a-z][a-z0-9_]{0,62})\.ndjson$")
_ATTACHMENT_RE = re.compile(r"^attachments/([0-9a-f]{64})$")

Progress = Callable[[int, int], None]
"""``progress(done, total)``: records handled so far and the records expected."""


class CancelFlag(Protocol):
    """A cancel token such as ``threading.Event``: the work stops soon after it is set."""

    def is_set(self) -> bool: ...


class SyncError(StationError):
    """A sync operation refused; the message is one plain sentence."""


class BundleRefused(SyncError):
    """A bundle file was not imported; nothing in the database was changed."""


def refused(path: Path, reason: str) -> BundleRefused:
    """The refusal of the bundle file ``path``, in one sentence; ``reason`` is already in the
    window's language (made with ``msg``)."""
    return BundleRefused(msg("{file}：{reason}，未导入。", file=path.name, reason=reason))


class SyncCancelled(SyncError):
    pass


def check_cancel(cancel: CancelFlag | None, message: str) -> None:
    """Raise ``SyncCancelled(message)`` once ``cancel`` is set; ``message`` is a template marked
    with ``N_`` (a module constant), said in the window's language."""
    if cancel is not None and cancel.is_set():
        raise SyncCancelled(translate(message))


def part_name(table: str) -> str:
    return f"{PARTS_DIR}{table}{PART_SUFFIX}"


def attachment_name(sha256: str) -> str:
    return f"{ATTACHMENTS_DIR}{sha256}"


def bundle_file_name(station_code: str, seq: int) -> str:
    return f"{station_code}_{seq:05d}{BUNDLE_SUFFIX}"


def entry_problem(name: str) -> str | None:
    """Why an entry name may not appear in a bundle, or None when it is a known, safe name."""
    if "\\" in name:
        return msg("包含反斜杠路径“{name}”", name=name)
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return msg("包含绝对路径“{name}”", name=name)
    if ".." in name.split("/"):
        return msg("包含越出目录的路径“{name}”", name=name)
    if name in (MANIFEST, SIGNATURE) or _PART_RE.match(name) or _ATTACHMENT_RE.match(name):
        return None
    return msg("包含不认识的文件“{name}”", name=name)


def part_table(name: str) -> str | None:
    match = _PART_RE.match(name)
    return match.group(1) if match else None


def content_checksum(path: Path) -> str:
    """SHA-256 (hex) of every byte of the bundle file before its checksum comment."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        remaining = handle.seek(0, os.SEEK_END) - CHECKSUM_LENGTH
        handle.seek(0)
        while remaining > 0:
            chunk = handle.read(min(remaining, 1024 * 1024))
            if not chunk:
                break
            digest.update(chunk)
            remaining -= len(chunk)
    return digest.hexdigest()


def seal_file(path: Path) -> None:
    """Write the checksum into the placeholder zip comment (same length) and flush to disk.

    The zip must have been written with ``CHECKSUM_PREFIX + b"0" * 64`` as its comment.
    """
    checksum = content_checksum(path)
    with open(path, "rb+") as handle:
        handle.seek(-64, os.SEEK_END)
        handle.write(checksum.encode())
        handle.flush()
        os.fsync(handle.fileno())
