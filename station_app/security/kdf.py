"""The argon2id parameters, in one place, and the derivation of a key from a password.

Production parameters: argon2id, 3 passes over 64 MiB, 1 lane (RFC 9106's second recommended
option with one lane, since an old dual-core laptop gains nothing from more). On the development
machine (2 cores) one derivation takes about 0.17 s; an old laptop three or four times slower still
signs in within a second. The parameters are stored beside every wrapped key, so raising them
later only affects keys wrapped from then on.

Tests select much cheaper parameters with :func:`use_test_parameters`, which refuses to work
outside a pytest run: no setting, option or environment variable of the program reaches it.
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParameters:
    time_cost: int
    memory_kib: int
    lanes: int = 1

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> KdfParameters:
        if not isinstance(data, dict):
            raise ValueError("kdf parameters")
        params = cls(int(data["time_cost"]), int(data["memory_kib"]), int(data.get("lanes", 1)))
        # refuse what would take minutes or exhaust memory (a damaged or hostile key file)
        if not (1 <= params.time_cost <= 20 and 8 <= params.memory_kib <= 1 << 20):
            raise ValueError("kdf parameters out of range")
        if not 1 <= params.lanes <= 8:
            raise ValueError("kdf parameters out of range")
        return params


PRODUCTION = KdfParameters(time_cost=3, memory_kib=64 * 1024, lanes=1)
_TEST = KdfParameters(time_cost=1, memory_kib=8, lanes=1)
_current = PRODUCTION


def current() -> KdfParameters:
    """The parameters new wraps use."""
    return _current


def use_test_parameters() -> None:
    """Make new wraps cheap, for the test suite only (refused outside pytest)."""
    global _current
    if "pytest" not in sys.modules:
        raise RuntimeError("test key-derivation parameters are for the test suite only")
    _current = _TEST


def derive(password: str, salt: bytes, params: KdfParameters) -> bytes:
    """The 32-byte key-encryption key of ``password`` (argon2id)."""
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
