"""First-run setup: refuses a bad identity with the reason beside the field, saves a good one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from station_app.clock import FixedClock
from station_app.gui.app.first_run_dialog import FirstRunDialog
from station_app.installation import Installation, open_installation
from station_app.store.models import Setting, Station


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Installation]:
    """A data directory opened for the first time: migrated, but no station yet."""
    installation = open_installation(tmp_path / "fresh")
    yield installation
    installation.close()


@pytest.fixture
def dialog(qtbot: QtBot, fresh: Installation, clock: FixedClock) -> FirstRunDialog:
    dialog = FirstRunDialog(fresh, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot: QtBot, dialog: FirstRunDialog, code: str, name: str, county: str = "") -> None:
    for edit, text in (
        (dialog.code_edit, code),
        (dialog.name_edit, name),
        (dialog.county_edit, county),
    ):
        edit.clear()
        edit.insert(text)  # Chinese arrives through the input method, not as key clicks


def test_ok_disabled_until_code_and_name_filled(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    assert dialog.windowTitle() == "首次设置"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.code_edit, "TJ002")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.insert("涪阳镇服务站")
    assert dialog.ok_button.isEnabled()


def test_bad_code_refused_beside_the_field_and_nothing_saved(
    qtbot: QtBot, dialog: FirstRunDialog, fresh: Installation
) -> None:
    fill(qtbot, dialog, "坏-编码!", "涪阳镇消费维权服务站", "5119")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    code_error = dialog.field_errors["station_code"]
    assert code_error.isVisible()
    assert "服务站编码须为" in code_error.text()
    county_error = dialog.field_errors["county_code"]
    assert county_error.isVisible() and "6 位" in county_error.text()
    assert not dialog.field_errors["station_name"].isVisible()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.code_edit.hasFocus()
    assert fresh.identity() is None
    assert Setting.get_or_none(Setting.key == "station.code") is None
    assert Station.select().count() == 0


def test_good_identity_accepted_and_saved(
    qtbot: QtBot, dialog: FirstRunDialog, fresh: Installation
) -> None:
    fill(qtbot, dialog, "x", "通江县涪阳镇消费维权服务站")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.field_errors["station_code"].isVisible()
    fill(qtbot, dialog, "tj002", "  通江县涪阳镇消费维权服务站 ", "511921")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    identity = fresh.identity()
    assert identity is not None
    assert (identity.code, identity.name, identity.county_code) == (
        "TJ002",
        "通江县涪阳镇消费维权服务站",
        "511921",
    )
    assert dialog.identity == identity
    assert Station.get(Station.code == "TJ002").name == "通江县涪阳镇消费维权服务站"


def test_the_county_association_sets_up_its_own_installation(
    qtbot: QtBot, dialog: FirstRunDialog, fresh: Installation
) -> None:
    assert dialog.station_radio.isChecked() and dialog.code_label.text() == "服务站编码："
    qtbot.mouseClick(dialog.county_radio, Qt.MouseButton.LeftButton)
    assert dialog.county_radio.isChecked() and dialog.role == "county"
    assert dialog.code_label.text() == "县消协编码：" and dialog.name_label.text() == "县消协名称："
    assert "通江县消费者协会" in dialog.name_edit.placeholderText()
    fill(qtbot, dialog, "tjxx", "通江县消费者协会", "511921")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    identity = fresh.identity()
    assert identity is not None and identity.is_county
    assert (identity.code, identity.name, identity.county_code, identity.role) == (
        "TJXX",
        "通江县消费者协会",
        "511921",
        "county",
    )
    assert dialog.identity == identity
    assert fresh.context().station.is_county  # the window opens as the county's
    assert Station.get(Station.code == "TJXX").name == "通江县消费者协会"


def test_switching_back_to_a_station_sets_up_a_station(
    qtbot: QtBot, dialog: FirstRunDialog, fresh: Installation
) -> None:
    qtbot.mouseClick(dialog.county_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.station_radio, Qt.MouseButton.LeftButton)
    assert dialog.code_label.text() == "服务站编码："
    fill(qtbot, dialog, "TJ003", "通江县铁佛镇消费维权服务站")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    identity = fresh.identity()
    assert identity is not None and identity.role == "station" and not identity.is_county
