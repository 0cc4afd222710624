"""Evidence files encrypted with the database's data key, streamed in chunks.

A sealed file is ``MAGIC``, an 8-byte random file nonce, then chunks, each a 4-byte big-endian
length and AES-256-GCM of at most 1 MiB of the file under a key derived from the data key
(HMAC-SHA-256, so the database key itself never encrypts anything else). A chunk's nonce is the
file nonce and the chunk's number; the last chunk is marked in its associated data, so a file
cut short, chunks reordered or spliced from another file all fail to open. Files are still
stored under the SHA-256 of their plain content (bundles and backups name them by it).

A file without ``MAGIC`` is a plain one from before encryption: it reads as it is.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from station_app.security.keyfile import DataKey, sync_folder

MAGIC = b"station-sealed-1\n"
CHUNK = 1024 * 1024
_TAG = 16
_LAST, _MORE = b"last", b"more"
SEALING_MARKER = ".sealing"  # in the attachments folder while plain files are being sealed


class SealedFileDamaged(ValueError):
    """A sealed file that does not open: damaged, cut short, or sealed under another key."""


def _file_key(key: DataKey) -> AESGCM:
    return AESGCM(hmac.new(key.raw, b"station attachments v1", hashlib.sha256).digest())


def _nonce(prefix: bytes, number: int) -> bytes:
    return prefix + struct.pack(">I", number)


class Sealer:
    """Turns plain chunks into a sealed file's bytes: ``header``, then ``update`` for each chunk
    and ``finish`` once (chunks are held back one, to mark the last). Without a key, the bytes
    pass through unchanged (a plain installation)."""

    def __init__(self, key: DataKey | None) -> None:
        self._aead = _file_key(key) if key is not None else None
        self._prefix = secrets.token_bytes(8)
        self._number = 0
        self._held = bytearray()
        self.header = MAGIC + self._prefix if self._aead is not None else b""

    def _seal(self, plain: bytes, last: bool) -> bytes:
        assert self._aead is not None
        sealed = self._aead.encrypt(
            _nonce(self._prefix, self._number), plain, _LAST if last else _MORE
        )
        self._number += 1
        return struct.pack(">I", len(sealed)) + sealed

    def update(self, chunk: bytes) -> bytes:
        if self._aead is None:
            return chunk
        self._held += chunk
        out = bytearray()
        while len(self._held) > CHUNK:  # keep at least one byte back for the last chunk
            out += self._seal(bytes(self._held[:CHUNK]), last=False)
            del self._held[:CHUNK]
        return bytes(out)

    def finish(self) -> bytes:
        if self._aead is None:
            return b""
        sealed = self._seal(bytes(self._held), last=True)
        self._held.clear()
        return sealed


def sealed(key: DataKey | None, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The bytes of a sealed file holding ``chunks``."""
    sealer = Sealer(key)
    if sealer.header:
        yield sealer.header
    for chunk in chunks:
        out = sealer.update(chunk)
        if out:
            yield out
    last = sealer.finish()
    if last:
        yield last


def _read_exactly(reader: BinaryIO, size: int) -> bytes:
    data = reader.read(size)
    if len(data) != size:
        raise SealedFileDamaged("cut short")
    return data


def opened(key: DataKey | None, reader: BinaryIO) -> Iterator[bytes]:
    """The plain content of a stored file, sealed or (from before encryption) plain."""
    start = reader.read(len(MAGIC))
    if start != MAGIC:
        yield start
        while chunk := reader.read(CHUNK):
            yield chunk
        return
    if key is None:
        raise SealedFileDamaged("sealed, and no key")
    aead = _file_key(key)
    prefix = _read_exactly(reader, 8)
    number = 0
    while True:
        size = struct.unpack(">I", _read_exactly(reader, 4))[0]
        if not _TAG <= size <= CHUNK + _TAG:
            raise SealedFileDamaged("bad chunk length")
        body = _read_exactly(reader, size)
        nonce = _nonce(prefix, number)
        number += 1
        try:
            yield aead.decrypt(nonce, body, _MORE)
            continue
        except InvalidTag:  # maybe the last chunk
            pass
        try:
            plain = aead.decrypt(nonce, body, _LAST)
        except InvalidTag as error:
            raise SealedFileDamaged("does not open") from error
        if reader.read(1):
            raise SealedFileDamaged("data after the last chunk")
        yield plain
        return


def is_sealed(path: Path, key: DataKey) -> bool:
    """Whether ``path`` is sealed under ``key`` (its first chunk opens; a plain file that merely
    starts like a sealed one does not)."""
    with path.open("rb") as reader:
        try:
            next(opened(key, reader), None)
        except SealedFileDamaged:
            return False
        reader.seek(0)
        return reader.read(len(MAGIC)) == MAGIC


def seal_in_place(path: Path, key: DataKey) -> None:
    """Replace the plain file ``path`` by its sealed form (written aside, then renamed)."""
    partial = path.with_name(path.name + SEALING_MARKER)
    with path.open("rb") as reader, partial.open("wb") as writer:
        for part in sealed(key, iter(lambda: reader.read(CHUNK), b"")):
            writer.write(part)
        writer.flush()
        os.fsync(writer.fileno())
    os.replace(partial, path)


def seal_plain_attachments(folder: Path, key: DataKey) -> int:
    """Seal every plain evidence file under ``folder`` (after the database was encrypted);
    returns how many. Resumable: the marker stays until the last file is done."""
    marker = folder / SEALING_MARKER
    if not marker.exists():
        return 0
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.name.endswith(SEALING_MARKER) and path != marker:
            path.unlink()  # a file half sealed when the power went: its plain original is intact
            continue
        if path.is_file() and len(path.name) == 64 and not is_sealed(path, key):
            seal_in_place(path, key)
            count += 1
    marker.unlink()
    sync_folder(folder)
    return count
