"""Who may read the access log, handle others' personal data, restore a backup and change the
station's own details, by the signed-in person's role.

An installation without accounts (a plain database from before encryption, a quick trial) has
one person at the keyboard, who may do everything there. With accounts, the access log (who
looked at whose data) is for the station's head and the county's people, not for every officer;
retention (anonymising old complaints) and a person's own records exported are for whoever
manages the installation (``SignedIn.manages``: the station's head, the county's head), and so
are restoring a backup (every record replaced by an older copy), the station's own details
(its code, name and kind decide the legal basis printed on its papers), its list of officers
(whose names the records and papers carry), the folder its backups go to, and demonstration
records (invented complaints among the real ones).
The window hides what a person may not use; the command line refuses it with one line.
"""

from __future__ import annotations

from enum import StrEnum

from station_app.errors import StationError
from station_app.messages import N_, translate
from station_app.security.accounts import (
    COUNTY_CLERK,
    COUNTY_HEAD,
    ROLE_NAMES,
    STATION_HEAD,
    SignedIn,
)

ACCESS_LOG_READERS = frozenset({STATION_HEAD, COUNTY_CLERK, COUNTY_HEAD})


class ManagingAct(StrEnum):
    """What only whoever manages the installation may do."""

    INSTALLATION = "installation"  # restore a backup, change the station's details
    OFFICERS = "officers"  # add an officer, deactivate or reactivate one
    BACKUP_FOLDER = "backup_folder"
    DEMO_DATA = "demo_data"


# each managing act, with the refusal an officer reads
_MANAGING_REFUSALS = {
    ManagingAct.INSTALLATION: N_(
        "只有站长（县消协负责人）可以从备份恢复或修改本站信息；{name}的角色是{role}。"
    ),
    ManagingAct.OFFICERS: N_(
        "只有站长（县消协负责人）可以添加或停用联络员；{name}的角色是{role}。"
    ),
    ManagingAct.BACKUP_FOLDER: N_(
        "只有站长（县消协负责人）可以更改备份文件夹；{name}的角色是{role}。"
    ),
    ManagingAct.DEMO_DATA: N_("只有站长（县消协负责人）可以生成演示数据；{name}的角色是{role}。"),
}


class NotPermitted(StationError):
    """The signed-in person's role does not allow what was asked."""


def may_read_access_log(signed_in: SignedIn | None) -> bool:
    return signed_in is None or signed_in.role in ACCESS_LOG_READERS


def may_manage_installation(signed_in: SignedIn | None) -> bool:
    """Restore a backup over the station's records, change the station's own details, its
    officers and its backup folder, generate demonstration records."""
    return signed_in is None or signed_in.manages


def may_manage_personal_data(signed_in: SignedIn | None) -> bool:
    """Retention and a person's own records exported: whoever manages the installation."""
    return may_manage_installation(signed_in)


def check_may_read_access_log(signed_in: SignedIn | None) -> None:
    if not may_read_access_log(signed_in):
        raise _refusal(
            N_("只有站长和县消协工作人员可以查看访问日志；{name}的角色是{role}。"), signed_in
        )


def check_may_manage_personal_data(signed_in: SignedIn | None) -> None:
    if not may_manage_personal_data(signed_in):
        raise _refusal(
            N_("只有站长（县消协负责人）可以处理他人的个人信息；{name}的角色是{role}。"), signed_in
        )


def check_may_manage_installation(
    signed_in: SignedIn | None, act: ManagingAct = ManagingAct.INSTALLATION
) -> None:
    """Refuse ``act`` to a person who does not manage the
    installation, naming the act and the person's role."""
    if not may_manage_installation(signed_in):
        raise _refusal(_MANAGING_REFUSALS[act], signed_in)


def _refusal(template: str, signed_in: SignedIn | None) -> NotPermitted:
    assert signed_in is not None  # a person without an account may do everything
    role = translate(ROLE_NAMES[signed_in.role])
    return NotPermitted(translate(template).format(name=signed_in.name, role=role))
