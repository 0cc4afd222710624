"""Accounts: who may sign in, with which role; signing in, the slow-down after wrong passwords,
password changes and resets (by the station head, or with the county's recovery key).

Every account holds its own wrapped copy of the one data key, so adding an account or changing
a password rewrites only that account's entry; the database itself is never re-encrypted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.messages import N_, msg
from station_app.security.keyfile import AccountEntry, DataKey, KeyFile, wrap_for_password

OFFICER = "officer"
STATION_HEAD = "station_head"
COUNTY_CLERK = "county_clerk"
COUNTY_HEAD = "county_head"
ROLES = (OFFICER, STATION_HEAD, COUNTY_CLERK, COUNTY_HEAD)
ROLE_NAMES = {
    OFFICER: N_("联络员"),
    STATION_HEAD: N_("站长"),
    COUNTY_CLERK: N_("县消协工作人员"),
    COUNTY_HEAD: N_("县消协负责人"),
}
# who manages accounts, settings and retention
MANAGING_ROLES = frozenset({STATION_HEAD, COUNTY_HEAD})

MIN_PASSWORD_LENGTH = 6
FREE_TRIES = 5  # wrong passwords before each next try has to wait
FIRST_WAIT = dt.timedelta(seconds=30)
LONGEST_WAIT = dt.timedelta(minutes=15)


class SignInRefused(StationError):
    """A wrong login or password, or a try too soon after several wrong ones."""


class AccountError(StationError):
    pass


@dataclass(frozen=True)
class SignedIn:
    login: str
    name: str
    role: str

    @property
    def manages(self) -> bool:
        return self.role in MANAGING_ROLES


# the data keys unlocked in this process, by key id: reopening the database after a restore, a
# worker thread's connection, or a second installation object in a test needs no new sign-in;
# locking the window forgets them
_unlocked: dict[str, DataKey] = {}


def remember(key: DataKey) -> None:
    _unlocked[key.key_id] = key


def unlocked_key(key_id: str) -> DataKey | None:
    return _unlocked.get(key_id)


def held_keys() -> list[DataKey]:
    return list(_unlocked.values())


def forget_keys() -> None:
    """Drop (and overwrite) every data key this process holds."""
    for key in _unlocked.values():
        key.wipe()
    _unlocked.clear()


def check_new_account(login: str, name: str, role: str, password: str) -> tuple[str, str]:
    """(login, name) cleaned; raises ``ValidationFailed`` naming every bad field."""
    login = (login or "").strip()
    name = (name or "").strip()
    problems: list[FieldError] = []
    if not login or len(login) > 32 or any(c.isspace() for c in login):
        problems.append(FieldError("login", msg("登录名须为 1–32 个字符，不能有空格。")))
    if not name or len(name) > 50:
        problems.append(FieldError("name", msg("请填写姓名（不超过 50 个字）。")))
    if role not in ROLES:
        problems.append(FieldError("role", msg("未知的角色：{role}", role=role)))
    problems.extend(password_problems(password))
    if problems:
        raise ValidationFailed(problems)
    return login, name


def password_problems(password: str) -> list[FieldError]:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        return [FieldError("password", msg("密码至少 {count} 个字符。", count=MIN_PASSWORD_LENGTH))]
    return []


def _entry(key: DataKey, login: str, name: str, role: str, password: str) -> AccountEntry:
    params, salt, nonce, wrapped = wrap_for_password(key, login, password)
    return AccountEntry(login, name, role, params, salt, nonce, wrapped)


def add_account(
    keys: KeyFile, key: DataKey, *, login: str, name: str, role: str, password: str
) -> SignedIn:
    """A new account holding its own wrapped copy of ``key``; the key file is saved."""
    login, name = check_new_account(login, name, role, password)
    if keys.account(login) is not None:
        raise ValidationFailed(
            [FieldError("login", msg("登录名 {login} 已有账户，请换一个。", login=login))]
        )
    keys.accounts.append(_entry(key, login, name, role, password))
    keys.save()
    return SignedIn(login, name, role)


def set_password(keys: KeyFile, key: DataKey, login: str, password: str) -> None:
    """Give ``login`` a new password (its own change, or a reset); clears its wrong tries."""
    entry = keys.account(login)
    if entry is None:
        raise AccountError(msg("没有登录名为 {login} 的账户。", login=login))
    problems = password_problems(password)
    if problems:
        raise ValidationFailed(problems)
    fresh = _entry(key, entry.login, entry.name, entry.role, password)
    keys.accounts[keys.accounts.index(entry)] = fresh
    keys.save()


def accounts(keys: KeyFile) -> list[SignedIn]:
    return [SignedIn(a.login, a.name, a.role) for a in keys.accounts]


def _utc(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def wait_after(failures: int) -> dt.timedelta:
    """How long the next try waits after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return dt.timedelta(0)
    return min(FIRST_WAIT * (2 ** (failures - FREE_TRIES)), LONGEST_WAIT)


def sign_in(keys: KeyFile, login: str, password: str, now: dt.datetime) -> tuple[SignedIn, DataKey]:
    """The account and the data key when ``password`` is right; ``SignInRefused`` otherwise.

    After five wrong passwords in a row each next try must wait (30 s, doubling, at most 15 min);
    a try before then is refused without checking the password. ``now`` is UTC.
    """
    entry = keys.account((login or "").strip())
    if entry is None:
        raise SignInRefused(msg("登录名或密码不正确。"))
    retry_after = _utc(entry.retry_after)
    if retry_after is not None and now < retry_after:
        seconds = int((retry_after - now).total_seconds()) + 1
        raise SignInRefused(msg("密码错误次数过多，请 {seconds} 秒后再试。", seconds=seconds))
    key = keys.unwrap(entry, password or "")
    if key is None:
        entry.failures += 1
        wait = wait_after(entry.failures)
        entry.retry_after = (now + wait).isoformat() if wait else None
        keys.save()
        if wait:
            raise SignInRefused(
                msg(
                    "登录名或密码不正确；已连续错 {count} 次，请 {seconds} 秒后再试。",
                    count=entry.failures,
                    seconds=int(wait.total_seconds()),
                )
            )
        raise SignInRefused(msg("登录名或密码不正确。"))
    if entry.failures or entry.retry_after:
        entry.failures = 0
        entry.retry_after = None
        keys.save()
    remember(key)
    return SignedIn(entry.login, entry.name, entry.role), key


def recover_with_identity(keys: KeyFile, identity_file: Path) -> DataKey:
    """The data key, unlocked with the county's recovery identity (an age ``AGE-SECRET-KEY-…``
    file), for resetting a forgotten password without any account's password."""
    try:
        text = identity_file.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise AccountError(
            msg(
                "无法读取恢复密钥文件 {path}：{error}",
                path=identity_file,
                error=error.strerror or error,
            )  # fmt: skip
        ) from error
    if not keys.recovery_wrapped:
        raise AccountError(
            msg("本站还没有县消协恢复密钥的备份（名册尚未带来县消协公钥），无法用恢复密钥重置。")
        )
    key = keys.unwrap_with_identity(text)
    if key is None:
        raise AccountError(
            msg("恢复密钥文件 {path} 不是本县的恢复密钥，无法解锁。", path=identity_file)
        )
    remember(key)
    return key
