"""The installation's signing key (Ed25519) and the fingerprint people read aloud.

The private key lives in ``DataPaths.keys`` as an unencrypted PKCS#8 PEM file readable by the
owner only (the laptop has no key store an officer could manage). It is made the first time it is
needed, so a station that never exports never has one. The fingerprint is the first 16 bytes of
the SHA-256 of the raw 32-byte public key, in hex groups of four: ``3f1a 09c2 … 7be0``; a county
clerk and a station officer can compare it over the phone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.sync.bundle_format import SyncError

KEY_FILE = "station_ed25519.pem"


def _key_path(paths: DataPaths) -> Path:
    return paths.keys / KEY_FILE


def load_or_create_key(paths: DataPaths) -> Ed25519PrivateKey:
    """This installation's private key, generated on first use."""
    path = _key_path(paths)
    if path.exists():
        return _load(path)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if write_private_file(paths, path, pem):
        return key
    return _load(path)


def write_private_file(paths: DataPaths, path: Path, data: bytes) -> bool:
    """Write a private key file in ``paths.keys`` readable by the owner only, flushed to disk.

    Returns False (writing nothing) when another process made the file meanwhile: an existing
    key is never replaced."""
    paths.keys.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(paths.keys, 0o700)
    temporary = path.with_suffix(".partial")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, path)  # never replaces a key made meanwhile by another process
    except FileExistsError:
        return False
    except OSError:
        if path.exists():
            return False
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return True


def _load(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as error:
        raise SyncError(
            msg(
                "签名密钥文件 {path} 无法读取或已损坏；请从备份恢复，"
                "或删除后重新导出（县消协需重新确认本站指纹）。",
                path=path,
            )
        ) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise SyncError(msg("签名密钥文件 {path} 不是 Ed25519 密钥。", path=path))
    return key


def existing_fingerprint(paths: DataPaths) -> str | None:
    """The fingerprint of this installation's key, or None before the first export."""
    path = _key_path(paths)
    if not path.exists():
        return None
    return fingerprint(public_key_bytes(_load(path)))


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """``xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx``: 128 bits of SHA-256 of the raw public key."""
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed by a clerk (any spacing or case) in the canonical grouped form."""
    digits = "".join(ch for ch in text.lower() if ch in "0123456789abcdef")
    if len(digits) != 32 or len(digits) != len("".join(text.split()).replace("-", "")):
        raise SyncError(msg("指纹应为 32 位十六进制字符（可分组书写），请核对后重新输入。"))
    return " ".join(digits[i : i + 4] for i in range(0, 32, 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def signature_valid(public_key: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
