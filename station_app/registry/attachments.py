"""Evidence files (receipts, photos, scans), stored once by SHA-256 under the data directory."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from station_app.errors import StationError
from station_app.messages import msg
from station_app.registry.audit import record_action
from station_app.registry.context import Context
from station_app.store.models import Attachment, Complaint, database_proxy
from station_app.store.sync_columns import stamp_new

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


class AttachmentError(StationError):
    pass


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    """Where a file with this hash lives: ``attachments/ab/abcdef…``."""
    return attachments_dir / sha256[:2] / sha256


def store_file(attachments_dir: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store (once per content); returns (sha256, size)."""
    try:
        size = source.stat().st_size
    except OSError as error:
        raise AttachmentError(
            msg("无法读取附件 {name}：{reason}", name=source.name, reason=error.strerror)
        ) from error
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            msg("附件 {name} 超过 200 MB，请压缩或拍照后再添加。", name=source.name)
        )
    attachments_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=attachments_dir, delete=False) as temporary:
        try:
            with source.open("rb") as reader:
                while chunk := reader.read(_CHUNK):
                    digest.update(chunk)
                    temporary.write(chunk)
            temporary.flush()
            os.fsync(temporary.fileno())
        except OSError as error:
            Path(temporary.name).unlink(missing_ok=True)
            raise AttachmentError(
                msg("保存附件 {name} 失败：{reason}", name=source.name, reason=error.strerror)
            ) from error
    sha256 = digest.hexdigest()
    target = stored_path(attachments_dir, sha256)
    if target.exists():
        Path(temporary.name).unlink()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary.name, target)
    return sha256, size


def attach_to_complaint(
    ctx: Context, attachments_dir: Path, complaint: Complaint, source: Path, description: str = ""
) -> Attachment:
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
    return attachment


def export_attachment(attachments_dir: Path, attachment: Attachment, target: Path) -> Path:
    source = stored_path(attachments_dir, attachment.sha256)
    if not source.exists():
        raise AttachmentError(
            msg("附件 {name} 的文件不在本机，可能尚未同步。", name=attachment.filename)
        )
    shutil.copyfile(source, target)
    return target


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
