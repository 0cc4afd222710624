"""Qt's own words in Chinese (file chooser, print dialog, standard buttons) and, in English, the
roster's and the program's words that name duties and who imported a roster.

Qt's catalogue ``qtbase_zh_CN.qm`` ships in resources/translations (``scripts/translations.py
compile`` copies it from PySide6; the wheel and the frozen build carry it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_app import codes
from station_app.actors import PROGRAM, ROSTER_IMPORT, actor_label
from station_app.gui.app import application
from station_app.gui.roster.screen import ImportHistoryModel
from station_app.gui.settings.officers import OfficerTableModel
from station_app.messages import set_translator
from station_app.paths import resource_path
from station_app.registry.officers import OfficerRow
from station_app.roster.status import ImportRow


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[None]:
    before = len(application._translators)
    yield
    while len(application._translators) > before:
        qapp.removeTranslator(application._translators.pop())


def test_the_catalogue_ships_with_the_program() -> None:
    shipped = resource_path("translations", "qtbase_zh_CN.qm")
    assert shipped.stat().st_size > 10_000  # Qt's real catalogue, not a placeholder


@pytest.mark.usefixtures("chinese_qt")
def test_qt_dialog_buttons_read_chinese_from_the_shipped_copy(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert before.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"

    # as in a frozen build or a Python whose PySide6 has no translations: only our copy
    empty = tmp_path / "no-qt-translations"
    empty.mkdir()
    monkeypatch.setattr(application.QLibraryInfo, "path", lambda _which: str(empty))
    assert application.install_qt_translation(qapp, "zh_CN")

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
    )
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    # the file chooser's and the print dialog's own words come from the same catalogue
    assert QCoreApplication.translate("QFileDialog", "&Open") != "&Open"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "打印"


@pytest.fixture
def english_words() -> Iterator[None]:
    """Code lists in English and the core's words through a translator that knows 名册导入, 系统."""
    codes.set_display_language("en")
    words = {"名册导入": "roster import", "系统": "the program"}
    set_translator(lambda text, _comment: words.get(text, text))
    try:
        yield
    finally:
        codes.set_display_language("zh")
        set_translator(None)


def officer(name: str, role: str | None) -> OfficerRow:
    return OfficerRow(id=1, uid="u1", name=name, phone=None, role=role, active=True, local=False)


@pytest.mark.usefixtures("english_words")
def test_duties_from_the_roster_read_english() -> None:
    model = OfficerTableModel()
    model.set_rows(
        [
            officer("王秀英", "站长"),
            officer("李建国", "消费维权联络员"),  # an older name of 联络员
            officer("张华", "治保主任"),  # a duty the program does not know: as written
            officer("赵敏", None),
        ]
    )
    duties = [model.data(model.index(row, 2), Qt.ItemDataRole.DisplayRole) for row in range(4)]
    assert duties == ["Station head", "Liaison officer", "治保主任", ""]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "王秀英"


@pytest.mark.usefixtures("english_words")
def test_who_imported_a_roster_reads_english() -> None:
    assert actor_label(ROSTER_IMPORT) == "roster import"
    assert actor_label("联络员") == "Liaison officer"  # the window's placeholder officer
    assert actor_label(PROGRAM) == "the program"  # registry.context's default actor
    assert actor_label("王秀英") == "王秀英"
    model = ImportHistoryModel()
    at = dt.datetime(2026, 11, 20, 10, 0)
    rows = [
        ImportRow(
            id=n, imported_at=at, file_name="名册.xlsx", version="2026.3", issued_on=None,
            actor=actor, counts={}, skipped_rows=0, forced=False,
        )
        for n, actor in enumerate((ROSTER_IMPORT, "王秀英"), 1)
    ]  # fmt: skip
    model.set_rows(rows)
    who = model.columnCount() - 1
    shown = [model.data(model.index(row, who), Qt.ItemDataRole.DisplayRole) for row in (0, 1)]
    assert shown == ["roster import", "王秀英"]


def test_duties_and_actors_stay_chinese_in_a_chinese_window() -> None:
    assert codes.display_language() == "zh"
    assert codes.label_for_name("officer_role", "站长") == "站长"
    assert codes.label_for_name("officer_role", "维权联络员") == "维权联络员"  # as written
    assert actor_label(ROSTER_IMPORT) == "名册导入"
