"""The key file beside the database: the data key, wrapped once per account and once for the
county's recovery key.

``station.keys`` is a small JSON document::

    {"format": "station-keys/1", "key_id": "…", "key_check": "…",
     "accounts": [{"login", "name", "role", "kdf": {…}, "salt", "nonce", "wrapped",
                   "failures", "retry_after"}, …],
     "recovery": {"recipient": "age1…", "wrapped": "<base64 age file>"} | null}

Each account's copy of the data key is AES-256-GCM under the argon2id key of its password (salt
and parameters stored with it), bound to the key id and the login; the recovery copy is an age
file to the county's X25519 public key. ``key_check`` (an HMAC of the data key) tells a correct
unwrap from a substituted one. The file is replaced whole (write, fsync, rename): a crash leaves
the old or the new file, never half of one. Neither the password nor the unwrapped key is stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from station_app.errors import StationError
from station_app.messages import msg
from station_app.security import kdf

FORMAT = "station-keys/1"
MAX_KEY_FILE_BYTES = 1024 * 1024


class KeyFileError(StationError):
    pass


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("base64 text expected")
    return base64.b64decode(text.encode("ascii"), validate=True)


class DataKey:
    """The 32 random bytes that encrypt the database and the attachments, held in one bytearray
    that :meth:`wipe` overwrites (Python cannot promise more than that)."""

    def __init__(self, raw: bytes, key_id: str) -> None:
        if len(raw) != kdf.KEY_BYTES:
            raise ValueError("a data key has 32 bytes")
        self._raw = bytearray(raw)
        self.key_id = key_id

    @classmethod
    def generate(cls) -> DataKey:
        return cls(secrets.token_bytes(kdf.KEY_BYTES), secrets.token_hex(16))

    @property
    def raw(self) -> bytes:
        if not any(self._raw):
            raise RuntimeError("the data key was wiped")
        return bytes(self._raw)

    def sqlcipher_key(self) -> str:
        """The raw-key form SQLCipher takes without running its own KDF: ``x'<64 hex>'``."""
        return f"x'{self.raw.hex()}'"

    def check_value(self) -> str:
        return hmac.new(self.raw, b"station data key check", hashlib.sha256).hexdigest()[:32]

    def wipe(self) -> None:
        for i in range(len(self._raw)):
            self._raw[i] = 0


@dataclass
class AccountEntry:
    login: str
    name: str
    role: str
    kdf: kdf.KdfParameters
    salt: bytes
    nonce: bytes
    wrapped: bytes
    failures: int = 0
    retry_after: str | None = None  # ISO UTC time before which sign-in is refused

    def as_dict(self) -> dict[str, Any]:
        return {
            "login": self.login,
            "name": self.name,
            "role": self.role,
            "kdf": self.kdf.as_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
            "failures": self.failures,
            "retry_after": self.retry_after,
        }

    @classmethod
    def from_dict(cls, data: Any) -> AccountEntry:
        retry_after = data.get("retry_after")
        return cls(
            login=str(data["login"]),
            name=str(data["name"]),
            role=str(data["role"]),
            kdf=kdf.KdfParameters.from_dict(data["kdf"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
            failures=int(data.get("failures", 0)),
            retry_after=str(retry_after) if retry_after else None,
        )


def _aad(key_id: str, login: str) -> bytes:
    return f"station-data-key\x00{key_id}\x00{login}".encode()


def wrap_for_password(
    key: DataKey, login: str, password: str, params: kdf.KdfParameters | None = None
) -> tuple[kdf.KdfParameters, bytes, bytes, bytes]:
    """(parameters, salt, nonce, wrapped key) of ``key`` under ``password``."""
    params = params or kdf.current()
    salt = secrets.token_bytes(kdf.SALT_BYTES)
    nonce = secrets.token_bytes(12)
    kek = kdf.derive(password, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, key.raw, _aad(key.key_id, login))
    return params, salt, nonce, wrapped


@dataclass
class KeyFile:
    path: Path
    key_id: str
    key_check: str
    accounts: list[AccountEntry] = field(default_factory=list)
    recovery_recipient: str | None = None
    recovery_wrapped: bytes | None = None

    # reading and writing --------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            with path.open("rb") as reader:
                data = reader.read(MAX_KEY_FILE_BYTES + 1)
            if len(data) > MAX_KEY_FILE_BYTES:
                raise ValueError("too large")
            document = json.loads(data.decode("utf-8"))
            if document.get("format") != FORMAT:
                raise ValueError("unknown format")
            recovery = document.get("recovery") or {}
            return cls(
                path=path,
                key_id=str(document["key_id"]),
                key_check=str(document["key_check"]),
                accounts=[AccountEntry.from_dict(a) for a in document["accounts"]],
                recovery_recipient=recovery.get("recipient"),
                recovery_wrapped=_unb64(recovery["wrapped"]) if recovery else None,
            )
        except OSError as error:
            raise KeyFileError(
                msg("无法读取密钥文件 {path}：{error}", path=path, error=error.strerror or error)
            ) from error
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise KeyFileError(
                msg("密钥文件 {path} 已损坏，无法解锁数据库；请从备份恢复该文件。", path=path)
            ) from error

    def as_dict(self) -> dict[str, Any]:
        recovery = None
        if self.recovery_recipient and self.recovery_wrapped:
            recovery = {
                "recipient": self.recovery_recipient,
                "wrapped": _b64(self.recovery_wrapped),
            }
        return {
            "format": FORMAT,
            "key_id": self.key_id,
            "key_check": self.key_check,
            "accounts": [a.as_dict() for a in self.accounts],
            "recovery": recovery,
        }

    def save(self, path: Path | None = None) -> None:
        """Write the file whole, then rename it into place (``path``: elsewhere)."""
        target = path or self.path
        write_atomically(target, json.dumps(self.as_dict(), ensure_ascii=False, indent=1))

    # keys ------------------------------------------------------------------------------------

    def account(self, login: str) -> AccountEntry | None:
        for entry in self.accounts:
            if entry.login == login:
                return entry
        return None

    def unwrap(self, entry: AccountEntry, password: str) -> DataKey | None:
        """The data key if ``password`` is the account's, else ``None``."""
        kek = kdf.derive(password, entry.salt, entry.kdf)
        try:
            raw = AESGCM(kek).decrypt(entry.nonce, entry.wrapped, _aad(self.key_id, entry.login))
        except InvalidTag:  # a wrong password
            return None
        return self.checked(raw)

    def checked(self, raw: bytes) -> DataKey | None:
        if len(raw) != kdf.KEY_BYTES:
            return None
        key = DataKey(raw, self.key_id)
        if not hmac.compare_digest(key.check_value(), self.key_check):
            return None
        return key

    def set_recovery(self, key: DataKey, recipient: str) -> None:
        """Wrap ``key`` for the county's age public key ``recipient`` (``age1…``)."""
        import pyrage

        public = pyrage.x25519.Recipient.from_str(recipient.strip())
        self.recovery_wrapped = pyrage.encrypt(key.raw, [public])
        self.recovery_recipient = recipient.strip()

    def unwrap_with_identity(self, identity_text: str) -> DataKey | None:
        """The data key from the recovery copy, with the county's age identity."""
        import pyrage

        if not self.recovery_wrapped:
            return None
        identities = []
        for line in identity_text.splitlines():
            line = line.strip()
            if line.startswith("AGE-SECRET-KEY-"):
                try:
                    identities.append(pyrage.x25519.Identity.from_str(line))
                except pyrage.IdentityError:
                    continue
        if not identities:
            return None
        try:
            raw = pyrage.decrypt(self.recovery_wrapped, identities)
        except pyrage.DecryptError:  # not this county's key
            return None
        return self.checked(raw)


def new_key_file(path: Path) -> tuple[KeyFile, DataKey]:
    """A key file (not yet written) for a fresh random data key."""
    key = DataKey.generate()
    return KeyFile(path=path, key_id=key.key_id, key_check=key.check_value()), key


def write_atomically(target: Path, text: str) -> None:
    temporary = target.with_name(target.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as writer:
        writer.write(text)
        writer.flush()
        os.fsync(writer.fileno())
    os.replace(temporary, target)
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened, e.g. Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
