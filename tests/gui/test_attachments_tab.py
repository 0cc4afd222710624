"""The 附件 tab of the complaint detail, driven by its buttons: a file added (the open dialog
answered), listed with its name and size, saved elsewhere and opened (a copy handed to the
system) byte for byte; a stored file gone or damaged, a file that cannot be read, a folder and a
place that cannot be written are refused in one sentence, the window carries on.

The file dialogs, the message box and ``QDesktopServices.openUrl`` are replaced; the rest (the
writer and reader jobs, the store under the installation's data folder) is the real thing.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.detail.window import ComplaintDetail
from station_app.registry.attachments import (
    AttachmentError,
    attachments_of,
    copy_for_opening,
    export_attachment,
    safe_file_name,
    store_file,
    stored_content,
    stored_path,
)
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.store.models import Attachment, AuditEntry, Complaint

from .test_translations import assert_english, english  # noqa: F401

RECEIPT = "收据 2026-11.jpg"
EVIDENCE = bytes(range(256)) * 20  # 5 120 bytes: "5 KB"
PHOTO = "现场照片.png"
PHOTO_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(1024 * 1024 + 512 * 1024 - 8)  # "1.5 MB"


# -- the window and what replaces the system's dialogs -------------------------------------------


@pytest.fixture
def complaint(ctx: Context, make_complaint_draft: Callable[..., object]) -> Complaint:
    return register_complaint(ctx, make_complaint_draft())  # type: ignore[arg-type]


@pytest.fixture
def detail(qtbot: QtBot, app_context: AppContext, complaint: Complaint) -> ComplaintDetail:
    """The detail window of ``complaint``, on its 附件 tab."""
    window = ComplaintDetail(app_context, complaint.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.dossier is not None, timeout=5000)
    page = window.attachments_tab.attachment_table.parentWidget()
    assert page is not None
    window.tabs.setCurrentIndex(window.tabs.indexOf(page))
    assert window.attachments_tab.attachment_table.isVisible()
    return window


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings shown (instead of modal message boxes)."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QUrl]]:
    """The URLs handed to the system to open; the temporary copies are removed afterwards."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    yield urls
    for url in urls:
        copy = Path(url.toLocalFile())
        if copy.parent.name.startswith("station-") and copy.parent.parent == Path(
            tempfile.gettempdir()
        ):
            shutil.rmtree(copy.parent, ignore_errors=True)


def answer_open_dialog(monkeypatch: pytest.MonkeyPatch, chosen: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(chosen), ""))
    )


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, chosen: Path) -> list[str]:
    """The save dialog answers ``chosen``; returns the file names it was offered."""
    offered: list[str] = []

    def ask(_parent: object, _title: str, start: str = "", *_args: object) -> tuple[str, str]:
        offered.append(Path(start).name)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return offered


def click(qtbot: QtBot, detail: ComplaintDetail, name: str) -> None:
    button = detail.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def rows(detail: ComplaintDetail) -> list[tuple[str, ...]]:
    return detail.attachments_tab.attachment_model.row_texts()


def add(
    qtbot: QtBot, detail: ComplaintDetail, monkeypatch: pytest.MonkeyPatch, source: Path
) -> None:
    """Add ``source`` with the 添加附件… button and wait for it to be listed."""
    before = len(rows(detail))
    answer_open_dialog(monkeypatch, source)
    click(qtbot, detail, "addAttachmentButton")
    qtbot.waitUntil(lambda: len(rows(detail)) == before + 1, timeout=5000)


def select(detail: ComplaintDetail, row: int) -> None:
    detail.attachments_tab.attachment_table.selectRow(row)
    assert detail.attachments_tab.open_attachment_button.isEnabled()
    assert detail.attachments_tab.save_attachment_button.isEnabled()


def evidence(folder: Path, name: str = RECEIPT, data: bytes = EVIDENCE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def store_of(app_context: AppContext) -> Path:
    return app_context.installation.paths.attachments


def stored_files(app_context: AppContext) -> list[Path]:
    store = store_of(app_context)
    return sorted(p for p in store.rglob("*") if p.is_file()) if store.exists() else []


# -- add, list, save as, open --------------------------------------------------------------------


def test_a_file_is_added_listed_saved_and_opened_byte_for_byte(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    complaint: Complaint,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    opened: list[QUrl],
) -> None:
    assert rows(detail) == []
    assert not detail.attachments_tab.open_attachment_button.isEnabled()
    assert not detail.attachments_tab.save_attachment_button.isEnabled()

    add(qtbot, detail, monkeypatch, evidence(tmp_path / "phone"))
    add(qtbot, detail, monkeypatch, evidence(tmp_path / "phone", PHOTO, PHOTO_BYTES))
    assert [row[:2] for row in rows(detail)] == [(RECEIPT, "5 KB"), (PHOTO, "1.5 MB")]
    assert detail.tabs.tabText(detail.tabs.currentIndex()) == "附件（2）"
    # stored once, by content, under the installation's data folder
    digest = hashlib.sha256(EVIDENCE).hexdigest()
    stored = stored_path(store_of(app_context), digest)
    assert b"".join(stored_content(store_of(app_context), digest)) == EVIDENCE
    sealed_bytes = stored.read_bytes()
    assert EVIDENCE[:64] not in sealed_bytes  # sealed with the installation's data key
    assert len(stored_files(app_context)) == 2
    (first, _photo) = attachments_of(complaint.id)
    assert (first.filename, first.size, first.sha256) == (RECEIPT, len(EVIDENCE), digest)
    attached = AuditEntry.select().where(
        (AuditEntry.action == "attach") & (AuditEntry.record_uid == complaint.uid)
    )
    assert sorted(str(entry.new_value) for entry in attached) == sorted([RECEIPT, PHOTO])

    # 另存为…: the dialog offers the file's own name; the copy is the same bytes
    select(detail, 0)
    target = tmp_path / "案卷" / "收据副本.jpg"
    target.parent.mkdir()
    target.write_bytes(b"an older file of that name")
    offered = answer_save_dialog(monkeypatch, target)
    click(qtbot, detail, "saveAttachmentButton")
    qtbot.waitUntil(lambda: target.read_bytes() == EVIDENCE, timeout=5000)
    assert offered == [RECEIPT]
    assert sorted(p.name for p in target.parent.iterdir()) == ["收据副本.jpg"]  # no leftovers

    # 打开: a copy with the file's name goes to the program the system chooses
    click(qtbot, detail, "openAttachmentButton")
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=5000)
    url = opened[0]
    assert url.isLocalFile()
    copy = Path(url.toLocalFile())
    assert copy.is_file() and copy.read_bytes() == EVIDENCE
    assert copy.name == RECEIPT
    assert store_of(app_context) not in copy.parents  # the store itself is never handed out

    # a double click on a row opens it too
    select(detail, 1)
    view = detail.attachments_tab.attachment_table
    cell = view.visualRect(view.model().index(1, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # as a mouse does
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=5000)
    assert Path(opened[1].toLocalFile()).read_bytes() == PHOTO_BYTES
    assert warnings == []
    assert stored.read_bytes() == sealed_bytes  # untouched by all this


def test_the_same_content_twice_is_listed_twice_and_stored_once(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add(qtbot, detail, monkeypatch, evidence(tmp_path / "a"))
    add(qtbot, detail, monkeypatch, evidence(tmp_path / "b", "同一张收据.jpg"))
    assert [row[0] for row in rows(detail)] == [RECEIPT, "同一张收据.jpg"]
    assert len(stored_files(app_context)) == 1


# -- refused: the stored file gone or damaged ----------------------------------------------------


def test_a_stored_file_gone_is_refused_clearly(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    opened: list[QUrl],
) -> None:
    add(qtbot, detail, monkeypatch, evidence(tmp_path / "phone"))
    stored_path(store_of(app_context), hashlib.sha256(EVIDENCE).hexdigest()).unlink()
    select(detail, 0)

    click(qtbot, detail, "openAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert warnings[0] == f"附件 {RECEIPT} 的文件不在本机，可能尚未同步。"
    assert opened == []

    target = tmp_path / "copy.jpg"
    answer_save_dialog(monkeypatch, target)
    click(qtbot, detail, "saveAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=5000)
    assert warnings[1] == warnings[0]
    assert not target.exists()
    assert detail.isVisible() and rows(detail)[0][0] == RECEIPT


def test_a_damaged_stored_file_is_not_handed_out(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    opened: list[QUrl],
) -> None:
    add(qtbot, detail, monkeypatch, evidence(tmp_path / "phone"))
    stored = stored_path(store_of(app_context), hashlib.sha256(EVIDENCE).hexdigest())
    stored.write_bytes(EVIDENCE[:100])  # a disk error, a copy cut short
    select(detail, 0)

    target = tmp_path / "copy.jpg"
    target.write_bytes(b"kept")
    answer_save_dialog(monkeypatch, target)
    click(qtbot, detail, "saveAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert warnings[0].startswith(f"附件 {RECEIPT} 在本机保存的文件已损坏")
    assert target.read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["copy.jpg"]

    click(qtbot, detail, "openAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=5000)
    assert warnings[1] == warnings[0]
    assert opened == []


# -- refused: what cannot be added, where a copy cannot go ----------------------------------------


def test_an_unreadable_file_is_refused_and_nothing_is_stored(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    source = evidence(tmp_path / "phone")
    source.chmod(0)
    try:
        if os.access(source, os.R_OK):
            pytest.skip("running as root (or on a system without permissions): still readable")
        answer_open_dialog(monkeypatch, source)
        click(qtbot, detail, "addAttachmentButton")
        qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    finally:
        source.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert warnings[0].startswith(f"无法读取附件 {RECEIPT}：没有权限")
    assert rows(detail) == [] and stored_files(app_context) == []


def test_a_file_locked_by_another_program_is_refused(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    """What Windows says of a file another program holds open (or of one without the right to
    read it), whoever runs the test: opening it is refused with a permission error."""
    source = evidence(tmp_path / "phone")
    real_open = Path.open

    def locked_open(path: Path, *args: object, **kwargs: object) -> object:
        if path == source:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", locked_open)
    answer_open_dialog(monkeypatch, source)
    click(qtbot, detail, "addAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert warnings[0].startswith(f"无法读取附件 {RECEIPT}：没有权限")
    assert rows(detail) == [] and stored_files(app_context) == []


def test_a_folder_is_refused_and_nothing_is_stored(
    qtbot: QtBot,
    detail: ComplaintDetail,
    app_context: AppContext,
    complaint: Complaint,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    folder = tmp_path / "照片"
    evidence(folder)
    answer_open_dialog(monkeypatch, folder)
    click(qtbot, detail, "addAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert warnings[0] == "“照片”是文件夹，不能作为附件；请选择文件夹里的文件。"

    detail.attachments_tab.add_attachment(
        tmp_path / "不存在.jpg"
    )  # gone between choosing and adding
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=5000)
    assert warnings[1] == "无法读取附件 不存在.jpg：找不到该文件或文件夹"

    evidence(tmp_path, "空.jpg", b"")
    detail.attachments_tab.add_attachment(tmp_path / "空.jpg")
    qtbot.waitUntil(lambda: len(warnings) == 3, timeout=5000)
    assert warnings[2] == "附件 空.jpg 是空文件（0 字节），请检查后再添加。"

    assert rows(detail) == [] and stored_files(app_context) == []
    assert attachments_of(complaint.id) == []
    assert not AuditEntry.select().where(AuditEntry.action == "attach").exists()


def test_saving_onto_a_folder_or_into_a_missing_folder_is_refused(
    qtbot: QtBot,
    detail: ComplaintDetail,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    add(qtbot, detail, monkeypatch, evidence(tmp_path / "phone"))
    select(detail, 0)
    folder = tmp_path / "案卷"
    folder.mkdir()
    answer_save_dialog(monkeypatch, folder)
    click(qtbot, detail, "saveAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)
    assert warnings[0] == f"“{folder}”是文件夹，请另选一个文件名。"
    assert list(folder.iterdir()) == []

    nowhere = tmp_path / "没有这个文件夹" / "copy.jpg"
    answer_save_dialog(monkeypatch, nowhere)
    click(qtbot, detail, "saveAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=5000)
    assert warnings[1] == f"无法把附件 {RECEIPT} 保存到 {nowhere}：找不到该文件或文件夹"
    assert not nowhere.parent.exists()


def test_the_refusals_are_english_in_the_english_window(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    detail: ComplaintDetail,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
    opened: list[QUrl],
) -> None:
    folder = tmp_path / "照片"
    evidence(folder)
    answer_open_dialog(monkeypatch, folder)
    click(qtbot, detail, "addAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=5000)

    add(qtbot, detail, monkeypatch, evidence(tmp_path / "phone"))
    stored = stored_path(store_of(app_context), hashlib.sha256(EVIDENCE).hexdigest())
    select(detail, 0)
    answer_save_dialog(monkeypatch, tmp_path / "没有这个文件夹" / "copy.jpg")
    click(qtbot, detail, "saveAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=5000)
    stored.write_bytes(b"damaged")
    click(qtbot, detail, "openAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 3, timeout=5000)
    stored.unlink()
    click(qtbot, detail, "openAttachmentButton")
    qtbot.waitUntil(lambda: len(warnings) == 4, timeout=5000)

    assert warnings[0].startswith('"照片" is a folder')
    assert "could not be found" in warnings[1]
    assert "damaged" in warnings[2]
    assert "not on this computer" in warnings[3]
    assert_english([("warning", text) for text in warnings], [RECEIPT, "照片", "没有这个文件夹"])
    assert opened == []


# -- the store underneath ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        (RECEIPT, RECEIPT),
        ("../../启动/evil.bat", "evil.bat"),
        ("C:\\Users\\Public\\收据.jpg", "收据.jpg"),
        ('发票<1>:"副本"?.pdf', "发票_1___副本__.pdf"),
        ("CON.txt", "_CON.txt"),
        ("..", "附件"),
        ("照片. ", "照片"),
        ("长" * 300 + ".jpg", "长" * 146 + ".jpg"),
    ],
)
def test_safe_file_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_a_synced_name_cannot_lead_the_copy_out_of_its_folder(
    app_context: AppContext, complaint: Complaint, tmp_path: Path
) -> None:
    store = store_of(app_context)
    sha256, size = store_file(store, evidence(tmp_path))
    hostile = Attachment(complaint=complaint, sha256=sha256, filename="../../evil.bat", size=size)
    copy = copy_for_opening(store, hostile)
    try:
        assert copy.name == "evil.bat" and copy.read_bytes() == EVIDENCE
        assert copy.parent.name.startswith("station-")
        assert copy.parent.parent == Path(tempfile.gettempdir())
    finally:
        shutil.rmtree(copy.parent)
    # a hash that is not one is refused before any path is built from it
    odd = Attachment(complaint=complaint, sha256="../" * 21 + "x", filename="x.jpg", size=1)
    with pytest.raises(AttachmentError, match="校验值无效"):
        export_attachment(store, odd, tmp_path / "x.jpg")
    # a copy that fails leaves no temporary folder behind
    before = set(Path(tempfile.gettempdir()).glob("station-*"))
    with pytest.raises(AttachmentError, match="不在本机"):
        copy_for_opening(store, Attachment(sha256="0" * 64, filename="x.jpg", size=1))
    assert set(Path(tempfile.gettempdir()).glob("station-*")) == before
