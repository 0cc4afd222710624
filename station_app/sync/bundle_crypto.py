"""Bundles sealed to the county: age (X25519) encryption of the whole signed bundle.

The county makes an age identity at ``init --role county`` (``keys/county_age_identity.txt`` in
its data directory, beside its signing key: owner-only file in an owner-only folder, never
exported, never in a bundle or roster; once the installation's database is encrypted it should be
wrapped with the same data key). Its public key, ``age1…``, is kept in the setting
``county.age_recipient`` at the county too, and travels to the stations on the roster's cover
(``县消协加密公钥``); a station keeps the one from its roster in the same setting.

A station seals the signed zip as a whole (sign, then encrypt: the county decrypts, then checks
the station's signature as for a plain bundle). The file keeps its ``.stbundle`` name; the reader
tells a sealed file from a plain zip by its first bytes (``age-encryption.org/v1``). A sealed file
is decrypted into a temporary file inside the data directory (never in memory), at most
``MAX_BUNDLE_FILE_BYTES`` of output, and removed when the import is done.

The fingerprint people compare is the first 128 bits of SHA-256 of the ``age1…`` text, in the
same 4-character groups as the signing keys' fingerprints.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
from pyrage import x25519

from station_app.file_limits import MAX_BUNDLE_FILE_BYTES, open_regular_file
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.settings import get_setting, set_setting
from station_app.sync import keys
from station_app.sync.bundle_format import BundleRefused, SyncError, refused

AGE_MAGIC = b"age-encryption.org/v1\n"
IDENTITY_FILE = "county_age_identity.txt"
COUNTY_RECIPIENT_SETTING = "county.age_recipient"
_RECIPIENT_LENGTH = 62  # "age1" + 58 bech32 characters
_UNSEALED_PREFIX = "unsealed-"


def _identity_path(paths: DataPaths) -> Path:
    return paths.keys / IDENTITY_FILE


def check_recipient(text: str) -> str | None:
    """``text`` as an age X25519 public key (``age1…``), or None when it is not one."""
    value = text.strip()
    if len(value) != _RECIPIENT_LENGTH or not value.startswith("age1") or value != value.lower():
        return None
    try:
        x25519.Recipient.from_str(value)
    except pyrage.RecipientError:
        return None
    return value


def recipient_fingerprint(recipient: str) -> str:
    """``xxxx xxxx …``: what the county and a station read to each other over the phone."""
    return keys.fingerprint(recipient.encode("ascii"))


def ensure_county_identity(paths: DataPaths) -> str:
    """Make the county's age identity if it has none; publish its public key in the settings.

    Returns the public key (``age1…``)."""
    path = _identity_path(paths)
    if not path.exists():
        identity = x25519.Identity.generate()
        keys.write_private_file(paths, path, f"{identity}\n".encode("ascii"))
    recipient = str(_load_identity(paths).to_public())
    set_setting(COUNTY_RECIPIENT_SETTING, recipient)
    return recipient


def _load_identity(paths: DataPaths) -> x25519.Identity:
    path = _identity_path(paths)
    try:
        return x25519.Identity.from_str(path.read_text("ascii").strip())
    except FileNotFoundError as error:
        raise SyncError(
            msg(
                "本机没有县消协解密密钥（{path}），无法打开加密的数据包；"
                "请从备份恢复该文件（重新生成则服务站须换用新公钥）。",
                path=path,
            )
        ) from error
    except (OSError, UnicodeDecodeError, pyrage.IdentityError) as error:
        raise SyncError(
            msg("县消协解密密钥文件 {path} 无法读取或已损坏；请从备份恢复。", path=path)
        ) from error


def county_recipient() -> str | None:
    """The county's public key this installation knows (a station: from its roster)."""
    value = get_setting(COUNTY_RECIPIENT_SETTING)
    return check_recipient(value) if value else None


def is_sealed(path: Path) -> bool:
    """Whether ``path`` starts as an age file (False for a zip, a short or unreadable file)."""
    try:
        with open_regular_file(path, MAX_BUNDLE_FILE_BYTES, BundleRefused) as handle:
            return handle.read(len(AGE_MAGIC)) == AGE_MAGIC
    except (OSError, BundleRefused):
        return False


def seal(plain: Path, target: Path, recipient: str) -> None:
    """Encrypt ``plain`` to ``recipient`` into ``target`` (streamed), flushed to disk."""
    try:
        with open(plain, "rb") as source, open(target, "wb") as sink:
            pyrage.encrypt_io(source, sink, [x25519.Recipient.from_str(recipient)])
            sink.flush()
            os.fsync(sink.fileno())
    except (pyrage.EncryptError, pyrage.RecipientError) as error:
        raise SyncError(msg("无法加密数据包（{reason}）。", reason=error)) from error
    except OSError as error:
        raise SyncError(
            msg("无法写出数据包 {file}：{reason}", file=target, reason=error.strerror)
        ) from error


class _Capped(io.RawIOBase):
    """A file that refuses to grow past ``limit`` bytes (a small age file may unpack to more)."""

    def __init__(self, sink: io.BufferedWriter, limit: int) -> None:
        self._sink = sink
        self._limit = limit
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.written += len(data)
        if self.written > self._limit:
            raise _TooLarge
        return self._sink.write(data)


class _TooLarge(OSError):
    pass


@contextlib.contextmanager
def unsealed(paths: DataPaths, path: Path) -> Iterator[Path]:
    """The plain bundle inside a sealed ``path``: a temporary file of the same name in the data
    directory, removed when the block ends. Raises ``BundleRefused`` for a file sealed to another
    county's key, a damaged or truncated file, or one that unpacks to more than the limit."""
    try:
        identity = _load_identity(paths)
    except SyncError as error:
        raise refused(path, str(error).rstrip("。")) from error
    paths.keys.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=_UNSEALED_PREFIX, dir=paths.keys))
    target = folder / path.name
    try:
        try:
            with (
                open_regular_file(path, MAX_BUNDLE_FILE_BYTES, BundleRefused) as source,
                open(target, "wb") as sink,
            ):
                pyrage.decrypt_io(source, _Capped(sink, MAX_BUNDLE_FILE_BYTES), [identity])
        except FileNotFoundError as error:
            raise refused(path, msg("找不到文件")) from error
        except _TooLarge as error:
            raise refused(
                path, msg("解密后超过 {size} GB", size=MAX_BUNDLE_FILE_BYTES // 1024**3)
            ) from error
        except pyrage.DecryptError as error:
            if "no matching keys" in str(error).lower():
                raise BundleRefused(
                    msg(
                        "此同步包不是发给本县消协的：{file} 是用另一个公钥加密的"
                        "（服务站的名册可能是别的县的，或已过期），本机无法解密，未导入。",
                        file=path.name,
                    )
                ) from error
            raise refused(path, msg("加密内容已损坏或不完整")) from error
        except OSError as error:
            if error.errno is None:  # age's own: a chunk that does not authenticate, or cut short
                raise refused(path, msg("加密内容已损坏或不完整")) from error
            raise refused(path, msg("无法读取（{reason}）", reason=error.strerror)) from error
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def opened(paths: DataPaths, path: Path) -> Iterator[tuple[Path, bool]]:
    """``(plain file, was sealed)``: ``path`` itself when it is a plain zip, else its unsealed
    temporary copy (``unsealed``)."""
    if not is_sealed(path):
        yield path, False
        return
    with unsealed(paths, path) as plain:
        yield plain, True


STALE_SECONDS = 24 * 3600


def _remove_stale_copies(paths: DataPaths) -> None:
    """Plain copies left behind by an import that was killed (a day old: no run takes that long)."""
    cutoff = time.time() - STALE_SECONDS
    for folder in paths.keys.glob(f"{_UNSEALED_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class Arrival:
    """A file given to the import: the plain zip to read, or why it cannot be read."""

    path: Path  # as given (reports name it)
    plain: Path | None  # the file itself, or its unsealed temporary copy; None when refused
    sealed: bool
    refusal: str | None = None


@contextlib.contextmanager
def arrivals(paths: DataPaths, files: list[Path]) -> Iterator[list[Arrival]]:
    """Every file opened (``opened``) before the import run, so its manifest can tell the
    progress bar how many records come; the temporary copies are removed when the block ends."""
    _remove_stale_copies(paths)
    with contextlib.ExitStack() as stack:
        found: list[Arrival] = []
        for path in files:
            try:
                plain, sealed = stack.enter_context(opened(paths, path))
            except BundleRefused as error:
                found.append(Arrival(path, None, False, str(error)))
            else:
                found.append(Arrival(path, plain, sealed))
        yield found
