"""Evidence files (receipts, photos, scans), stored once by SHA-256 under the data directory.

A file is read once into the store (``attachments/ab/abcdef…``); taking it out again (to open it
or save a copy) checks it against its hash, so a damaged or half-synced file is never handed to
the officer as evidence. Every refusal is one plain sentence naming the file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from station_app.access.ownership import check_may_write
from station_app.errors import StationError
from station_app.messages import msg
from station_app.registry.audit import record_action
from station_app.registry.context import Context
from station_app.registry.record_edits import carrying
from station_app.security.attachment_cipher import SealedFileDamaged, opened, sealed
from station_app.store.database import current_key
from station_app.store.models import Attachment, Complaint, database_proxy
from station_app.store.sync_columns import stamp_new

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")
# characters Windows refuses in a file name, and control characters
_UNSAFE_CHARACTERS = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{n}" for n in range(1, 10)]
    + [f"LPT{n}" for n in range(1, 10)]
)
_MAX_NAME = 150  # characters: room for the temporary folder's path on Windows


class AttachmentError(StationError):
    pass


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    """Where a file with this hash lives: ``attachments/ab/abcdef…``."""
    return attachments_dir / sha256[:2] / sha256


def _reason(error: OSError) -> str:
    """Why a file operation failed, in the window's language where the cause is a common one
    (the system's own text, often English, otherwise)."""
    if isinstance(error, PermissionError):
        return msg("没有权限（文件可能设为只读、正被其他程序使用，或属于其他用户）")
    if isinstance(error, FileNotFoundError):
        return msg("找不到该文件或文件夹")
    if isinstance(error, IsADirectoryError):
        return msg("这是一个文件夹")
    if error.errno == errno.ENOSPC:
        return msg("磁盘空间不足")
    return error.strerror or str(error)


def _cannot_read(name: str, error: OSError) -> AttachmentError:
    return AttachmentError(msg("无法读取附件 {name}：{reason}", name=name, reason=_reason(error)))


def _cannot_write(name: str, target: Path, error: OSError) -> AttachmentError:
    return AttachmentError(
        msg(
            "无法把附件 {name} 保存到 {path}：{reason}",
            name=name,
            path=target,
            reason=_reason(error),
        )
    )


def _chunks(reader: BinaryIO, name: str) -> Iterator[bytes]:
    """The content of ``reader``; a read error becomes the refusal "cannot read ``name``"."""
    while True:
        try:
            chunk = reader.read(_CHUNK)
        except OSError as error:
            raise _cannot_read(name, error) from error
        if not chunk:
            return
        yield chunk


def _written(
    folder: Path, chunks: Iterable[bytes], prefix: str = "tmp", suffix: str = ""
) -> tuple[Path, str, int]:
    """``chunks`` written to a new temporary file in ``folder``, on disk; returns its path, the
    SHA-256 and the size of what was written. The file is removed when anything fails."""
    written: Path | None = None
    digest = hashlib.sha256()
    size = 0
    try:
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=prefix, suffix=suffix, delete=False
        ) as temporary:
            written = Path(temporary.name)
            for chunk in chunks:
                size += len(chunk)
                digest.update(chunk)
                temporary.write(chunk)
            temporary.flush()
            os.fsync(temporary.fileno())
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)
        raise
    return written, digest.hexdigest(), size


class _Tally:
    """The SHA-256 and size of the plain chunks passing through (stored files are sealed)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks
        self.digest = hashlib.sha256()
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._chunks:
            self.digest.update(chunk)
            self.size += len(chunk)
            yield chunk


def stored_content(attachments_dir: Path, sha256: str, name: str = "") -> Iterator[bytes]:
    """The plain content of a stored file (opened with the data key when sealed); a damaged
    sealed file is refused naming ``name``."""
    source = stored_path(attachments_dir, sha256)
    with source.open("rb") as reader:
        try:
            yield from opened(current_key(), reader)
        except SealedFileDamaged as error:
            raise _damaged(name or sha256[:12]) from error


def _damaged(name: str) -> AttachmentError:
    return AttachmentError(
        msg(
            "附件 {name} 在本机保存的文件已损坏（内容与校验值不符），请从备份或同步包恢复。",
            name=name,
        )
    )


def _too_big(name: str) -> AttachmentError:
    return AttachmentError(msg("附件 {name} 超过 200 MB，请压缩或拍照后再添加。", name=name))


def _at_most(chunks: Iterable[bytes], limit: int, name: str) -> Iterator[bytes]:
    """``chunks``, refused once more than ``limit`` bytes came (a file growing while read)."""
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise _too_big(name)
        yield chunk


def store_file(attachments_dir: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store (once per content); returns (sha256, size).

    Refused: a file that cannot be read, a folder or other non-file, an empty file, a file over
    :data:`MAX_ATTACHMENT_BYTES`; nothing is left in the store then.
    """
    name = source.name
    try:
        info = source.stat()
    except OSError as error:
        raise _cannot_read(name, error) from error
    if stat.S_ISDIR(info.st_mode):
        raise AttachmentError(
            msg("“{name}”是文件夹，不能作为附件；请选择文件夹里的文件。", name=name)
        )
    if not stat.S_ISREG(info.st_mode):
        raise AttachmentError(msg("“{name}”不是普通文件，不能作为附件。", name=name))
    if info.st_size > MAX_ATTACHMENT_BYTES:
        raise _too_big(name)
    try:
        reader = source.open("rb")
    except OSError as error:
        raise _cannot_read(name, error) from error
    with reader:
        try:
            attachments_dir.mkdir(parents=True, exist_ok=True)
            # stored sealed under the data key (an encrypted installation), named by the plain
            # content's hash
            plain = _Tally(_at_most(_chunks(reader, name), MAX_ATTACHMENT_BYTES, name))
            written, _sealed_hash, _sealed_size = _written(
                attachments_dir, sealed(current_key(), plain)
            )
            sha256, size = plain.digest.hexdigest(), plain.size
        except OSError as error:
            raise AttachmentError(
                msg("保存附件 {name} 失败：{reason}", name=name, reason=_reason(error))
            ) from error
    if size == 0:
        written.unlink(missing_ok=True)
        raise AttachmentError(msg("附件 {name} 是空文件（0 字节），请检查后再添加。", name=name))
    target = stored_path(attachments_dir, sha256)
    try:
        if target.exists():  # the same content is stored already
            written.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(written, target)
    except OSError as error:
        written.unlink(missing_ok=True)
        raise AttachmentError(
            msg("保存附件 {name} 失败：{reason}", name=name, reason=_reason(error))
        ) from error
    return sha256, size


def attach_to_complaint(
    ctx: Context, attachments_dir: Path, complaint: Complaint, source: Path, description: str = ""
) -> Attachment:
    check_may_write(complaint, ctx)
    sha256, size = store_file(attachments_dir, source)
    with database_proxy.atomic():
        attachment = Attachment(
            complaint=complaint,
            sha256=sha256,
            filename=source.name[:255],
            size=size,
            description=description.strip() or None,
        )
        stamp_new(attachment, ctx.origin, ctx.clock.utcnow())
        attachment.save(force_insert=True)
        record_action(ctx, "complaint", complaint.uid, "attach", new_value=source.name)
    return carrying(attachment)


def export_attachment(attachments_dir: Path, attachment: Attachment, target: Path) -> Path:
    """Copy the stored file of ``attachment`` to ``target`` (replaced whole, never left half
    written); returns ``target``.

    Refused: the file is not on this machine (not synced yet) or damaged (its content no longer
    matches its hash: ``target`` is left untouched), ``target`` is a folder or cannot be written.
    """
    name = attachment.filename
    if not _SHA256.fullmatch(attachment.sha256 or ""):
        raise AttachmentError(
            msg("附件 {name} 的记录有误（校验值无效），无法取出文件。", name=name)
        )
    source = stored_path(attachments_dir, attachment.sha256)
    try:
        reader = source.open("rb")
    except FileNotFoundError as error:
        raise AttachmentError(
            msg("附件 {name} 的文件不在本机，可能尚未同步。", name=name)
        ) from error
    except OSError as error:
        raise _cannot_read(name, error) from error
    with reader:
        if target.is_dir():
            raise AttachmentError(msg("“{path}”是文件夹，请另选一个文件名。", path=target))
        try:
            written, sha256, _size = _written(
                target.parent, opened(current_key(), reader), prefix=".station-", suffix=".part"
            )
        except SealedFileDamaged as error:
            raise _damaged(name) from error
        except OSError as error:
            raise _cannot_write(name, target, error) from error
    try:
        if sha256 != attachment.sha256:
            raise _damaged(name)
        os.chmod(written, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(written, target)
    except BaseException as error:
        written.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _cannot_write(name, target, error) from error
        raise
    return target


def safe_file_name(name: str) -> str:
    """``name`` as a file name any system accepts: no folders, no characters Windows refuses,
    not a reserved device name, not too long (a name synced from another station may be
    anything)."""
    base = re.split(r"[\\/]", name)[-1]
    base = _UNSAFE_CHARACTERS.sub("_", base).strip().rstrip(". ")
    if not base:
        base = "附件"
    if base.split(".")[0].strip().upper() in _RESERVED_NAMES:
        base = "_" + base
    if len(base) > _MAX_NAME:
        suffix = Path(base).suffix
        suffix = suffix if len(suffix) <= 16 else ""
        base = base[: _MAX_NAME - len(suffix)] + suffix
    return base


def copy_for_opening(attachments_dir: Path, attachment: Attachment) -> Path:
    """A copy of the stored file, under its own (safe) name in a new temporary folder, to hand
    to the program the system opens such files with; the store itself is never handed out."""
    folder = Path(tempfile.mkdtemp(prefix="station-"))
    try:
        return export_attachment(
            attachments_dir, attachment, folder / safe_file_name(attachment.filename)
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def attachments_of(complaint_id: int) -> list[Attachment]:
    """The evidence files of a complaint, oldest first."""
    return list(
        Attachment.select()
        .where((Attachment.complaint == complaint_id) & (Attachment.deleted == False))  # noqa: E712
        .order_by(Attachment.id)
    )


def get_attachment(attachment_id: int) -> Attachment | None:
    return Attachment.get_or_none(
        (Attachment.id == attachment_id) & (Attachment.deleted == False)  # noqa: E712
    )
