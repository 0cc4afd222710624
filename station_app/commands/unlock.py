"""How the ``station`` command unlocks an encrypted installation: ``--password-file FILE`` (or
the ``STATION_PASSWORD_FILE`` environment variable naming one), else a prompt when a person is
at the terminal. A password is never taken from the command line itself.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from station_app.errors import StationError
from station_app.file_limits import read_password_file
from station_app.installation import Credentials, Locked, NewHead, Unlock
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.security.accounts import MANAGING_ROLES, recover_with_identity
from station_app.security.keyfile import KeyFile

PASSWORD_FILE_ENV = "STATION_PASSWORD_FILE"
DEFAULT_HEAD_LOGIN = "head"
DEFAULT_HEAD_NAME = "站长"


def add_unlock_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options on the top-level parser, and again on each command (``suppress``: an option
    given after the command overrides, one not given leaves the top-level value)."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--password-file",
        default=default,
        help="读取密码的文件（首行；也可用环境变量 STATION_PASSWORD_FILE）；不给则在终端提示输入",
    )
    parser.add_argument("--login", default=default, help="登录名（默认：站长账户）")
    parser.add_argument(
        "--account-name", default=default, help="首次设置或加密旧数据时站长的姓名（默认：站长）"
    )


def _password(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str | None:
    chosen = getattr(args, "password_file", None) or os.environ.get(PASSWORD_FILE_ENV)
    if chosen:
        return read_password_file(Path(chosen))
    if not sys.stdin.isatty():
        return None
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass(msg("再输入一次：")) != password:
        raise StationError(msg("两次输入的密码不一致。"))
    return password


def _default_login(keys: KeyFile) -> str:
    for entry in keys.accounts:
        if entry.role in MANAGING_ROLES:
            return entry.login
    return keys.accounts[0].login if keys.accounts else DEFAULT_HEAD_LOGIN


def unlock_for(args: argparse.Namespace, paths: DataPaths) -> Unlock:
    """What opens the installation of ``paths`` for this command."""
    identity_file = getattr(args, "recovery_identity", None)
    if identity_file and paths.key_file.exists():
        return recover_with_identity(KeyFile.load(paths.key_file), Path(identity_file))
    login = getattr(args, "login", None)
    if paths.key_file.exists():
        login = login or _default_login(KeyFile.load(paths.key_file))
        password = _password(args, msg("{login} 的密码：", login=login))
        if password is None:
            raise Locked()
        return Credentials(login, password)
    # no account yet: the station head's account is made now (a new installation, or a plain
    # database from before accounts, encrypted here)
    password = _password(args, msg("为站长账户设置密码："), confirm=True)
    if password is None:
        raise StationError(msg("请用 --password-file 指定站长账户的密码文件（数据库将加密保存）。"))
    name = getattr(args, "account_name", None) or DEFAULT_HEAD_NAME
    return NewHead(login or DEFAULT_HEAD_LOGIN, name, password)
