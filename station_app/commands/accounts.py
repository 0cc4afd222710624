"""``station account``: list the accounts, add one, set a new password (the station head for
anyone, everyone for themselves; with ``--recovery-identity``, the county's recovery key instead
of any password)."""

from __future__ import annotations

import argparse
from pathlib import Path

from station_app.commands.base import CommandAdder, Handler, add_command, out
from station_app.errors import StationError
from station_app.file_limits import read_password_file
from station_app.installation import Installation
from station_app.messages import msg, translate
from station_app.security.accounts import (
    ROLE_NAMES,
    ROLES,
    AccountError,
    accounts,
    add_account,
    set_password,
)
from station_app.security.keyfile import DataKey, KeyFile


def _keys(inst: Installation) -> tuple[KeyFile, DataKey]:
    if inst.keys is None or inst.data_key is None:
        raise AccountError(msg("本机数据库没有加密，还没有账户。"))
    return inst.keys, inst.data_key


def _new_password(args: argparse.Namespace) -> str:
    return read_password_file(Path(args.new_password_file))


def _require_manager(inst: Installation) -> None:
    signed_in = inst.signed_in
    if signed_in is not None and not signed_in.manages:
        raise AccountError(msg("只有站长可以管理账户。"))


def cmd_list(args: argparse.Namespace, inst: Installation) -> int:
    keys, _key = _keys(inst)
    for account in accounts(keys):
        out(f"{account.login}\t{account.name}\t{translate(ROLE_NAMES[account.role])}")
    return 0


def cmd_add(args: argparse.Namespace, inst: Installation) -> int:
    keys, key = _keys(inst)
    _require_manager(inst)
    added = add_account(
        keys,
        key,
        login=args.new_login,
        name=args.name,
        role=args.role,
        password=_new_password(args),
    )
    out(f"已添加账户 {added.login}（{added.name}）")
    return 0


def cmd_password(args: argparse.Namespace, inst: Installation) -> int:
    keys, key = _keys(inst)
    own = inst.signed_in is not None and inst.signed_in.login == args.account
    if not own:
        _require_manager(inst)
    if keys.account(args.account) is None:
        raise StationError(msg("没有登录名为 {login} 的账户。", login=args.account))
    set_password(keys, key, args.account, _new_password(args))
    out(f"已为 {args.account} 设置新密码")
    return 0


def _need_subcommand(args: argparse.Namespace, inst: Installation) -> int:  # pragma: no cover
    raise StationError(msg("请指定 list、add 或 password。"))


def add_commands(add: CommandAdder) -> None:
    account = add("account", _need_subcommand, "账户：列出、添加、设置新密码")
    commands = account.add_subparsers(dest="account_command", required=True, metavar="COMMAND")

    def sub_command(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        return add_command(commands, name, handler, text)

    sub_command("list", cmd_list, "列出本机的账户")
    sub = sub_command("add", cmd_add, "添加账户（站长）")
    sub.add_argument("--new-login", required=True, help="新账户的登录名")
    sub.add_argument("--name", required=True, help="姓名（记入操作日志）")
    sub.add_argument(
        "--role", choices=ROLES, default="officer", help="角色：officer（联络员，默认）等"
    )
    sub.add_argument("--new-password-file", required=True, help="新账户密码所在的文件")
    sub = sub_command(
        "password",
        cmd_password,
        "设置新密码（本人，或站长为他人重置；忘记密码时可用县消协恢复密钥）",
    )
    sub.add_argument("account", help="登录名")
    sub.add_argument("--new-password-file", required=True, help="新密码所在的文件")
    sub.add_argument(
        "--recovery-identity", help="县消协恢复密钥文件（AGE-SECRET-KEY-…），代替站长密码"
    )
