"""文件 → 导入旧台账: choose the file, map a column by hand, see the refused rows, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.old_register_dialog import OldRegisterDialog
from station_app.store.models import Complaint

from ..core.test_old_register import LEDGER_ROWS, write_titled_workbook


def open_file(qtbot, dialog: OldRegisterDialog, path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.path == path, timeout=20_000
    )


def test_a_register_is_checked_then_imported(
    qtbot, app_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = OldRegisterDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    rows = [list(r) for r in LEDGER_ROWS]
    rows[1][2] = "2023-02-30"
    bad = write_titled_workbook(tmp_path / "坏.xlsx", rows)
    open_file(qtbot, dialog, bad, monkeypatch)
    texts = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert any(t.startswith("第 5 行 C 列（登记日期）") for t in texts)
    assert not dialog.import_button.isEnabled()

    good = write_titled_workbook(tmp_path / "好.xlsx")
    open_file(qtbot, dialog, good, monkeypatch)
    assert dialog.combos["received_on"].currentData() == "C"
    assert "新导入 4 件" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled()
    before = Complaint.select().count()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(app_context.jobs.changes_committed, timeout=20_000) as announced:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导入 4 件历史投诉" in dialog.summary_label.text(), timeout=20_000)
    assert Complaint.select().count() == before + 4
    assert len(announced.args[0].complaints) == 4  # the lists refresh from the change set


def test_a_column_the_program_does_not_know_is_mapped_by_hand(
    qtbot, app_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["日期", "姓名", "商家", "问题描述"])
    ws.append(["2024-01-05", "陈七", "某超市", "少称"])
    wb.save(tmp_path / "x.xlsx")
    dialog = OldRegisterDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    open_file(qtbot, dialog, tmp_path / "x.xlsx", monkeypatch)
    assert not dialog.import_button.isEnabled()  # 事由摘要 has no column yet
    first = dialog.preview
    combo = dialog.combos["facts"]
    combo.setCurrentIndex(combo.findData("D"))
    qtbot.waitUntil(lambda: dialog.preview is not first, timeout=20_000)
    assert dialog.preview is not None and not dialog.preview.errors
    assert dialog.preview.rows[0].draft.facts == "少称"
    assert dialog.import_button.isEnabled()
