"""The roster screen and its import wizard, walked like an officer would on real files.

Rosters are built with openpyxl the way a county makes them; the real county region list of
shared/data/regions and an unreadable workbook of shared/data/spreadsheets are used in place. File
dialogs are replaced through the wizard's and the screen's ``choose_*`` methods.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot

from station_app import codes
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.roster import file_page
from station_app.gui.roster.screen import RosterScreen
from station_app.gui.roster.wizard import RosterWizard
from station_app.gui.widgets.progress import watch_job
from station_app.roster.apply import version_in_force
from station_app.roster.roster_import import RosterPreview, read_roster
from station_app.store.models import Officer, Region, Station
from station_app.store.roster_models import RosterImport

from ..conftest import REGIONS_CSV, SHARED_DATA

PROTECTED = SHARED_DATA / "spreadsheets" / "calamine__pass_protected.xlsx"
BAD_PHONE = "1388123"


@pytest.fixture(autouse=True)
def fresh_code_lists() -> Iterator[None]:
    codes.reload_code_lists()
    yield
    codes.reload_code_lists()


def roster_book(path: Path, *, version: str = "2026.2", bad_row: bool = True) -> Path:
    """A small county roster: cover, three villages, two stations (this one, TJ001, gets its
    village and phone), officers (one with a bad phone unless not ``bad_row``)."""
    sheets: dict[str, list[list[object]]] = {
        "说明": [
            ["消费维权服务站名册"],
            ["名册版本", version],
            ["发布日期", "2026年11月1日"],
            ["县级区划代码", "511921"],
        ],
        "行政区划": [
            ["*乡镇代码", "*乡镇（街道）", "*村代码", "村（社区）"],
            ["511921001", "壁州街道", "511921001001", "城南社区居委会"],
            ["511921001", "壁州街道", "511921001002", "南寺社区居委会"],
            ["511921100", "诺江镇", "511921100201", "白果村民委员会"],
        ],
        "服务站": [
            ["*服务站编码", "*服务站名称", "所在村代码", "联系电话"],
            ["TJ001", "通江县诺江镇消费维权服务站", "511921100201", "0827-7221234"],
            ["TJ002", "通江县壁州街道消费维权服务站", "511921001001", "13881234567"],
        ],
        "联络员": [
            ["*姓名", "*所属服务站编码", "手机", "职务"],
            ["王秀英", "TJ001", "13981234567", "站长"],
            ["李建国", "TJ002", BAD_PHONE if bad_row else "13700001111", None],
            ["赵春梅", "TJ002", "13700002222", "联络员"],
        ],
    }
    book = openpyxl.Workbook()
    for number, (title, rows) in enumerate(sheets.items()):
        sheet = book.active if number == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def table_rows(view: object) -> list[list[str]]:
    model = view.model()  # type: ignore[attr-defined]
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def database_rows() -> dict[str, int]:
    return {
        "import": RosterImport.select().count(),
        "region": Region.select().count(),
        "station": Station.select().count(),
        "officer": Officer.select().count(),
    }


@pytest.fixture
def screen(qtbot: QtBot, app_context: AppContext) -> RosterScreen:
    widget = RosterScreen(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 680)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_wizard(
    qtbot: QtBot, screen: RosterScreen, monkeypatch: pytest.MonkeyPatch, path: Path
) -> RosterWizard:
    """The officer clicks 导入名册…, then 选择文件… and picks ``path``."""
    monkeypatch.setattr(RosterWizard, "choose_file", lambda self: path)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    wizard = screen.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    assert wizard.currentId() == RosterWizard.FILE_PAGE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet
    qtbot.mouseClick(wizard.file_page.file_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.path() == path
    return wizard


def click_next(qtbot: QtBot, wizard: RosterWizard, button=QWizard.WizardButton.NextButton) -> None:
    widget = wizard.button(button)
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def read_to_preview(qtbot: QtBot, wizard: RosterWizard) -> RosterPreview:
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.PREVIEW_PAGE, timeout=20_000)
    assert wizard.preview is not None
    return wizard.preview


def apply_to_summary(qtbot: QtBot, wizard: RosterWizard) -> None:
    click_next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.SUMMARY_PAGE, timeout=20_000)


def test_wizard_walks_a_roster_with_a_bad_row(
    qtbot: QtBot,
    tmp_path: Path,
    screen: RosterScreen,
    app_context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert screen.count_labels["stations"].text() == "1"  # this station
    assert not screen.history_view.isVisible() and screen.empty_label.isVisible()
    path = roster_book(tmp_path / "通江县名册2026.2.xlsx")
    wizard = open_wizard(qtbot, screen, monkeypatch, path)
    read_to_preview(qtbot, wizard)
    page = wizard.preview_page

    # counts per part, new rows in the tables, the bad row in the 错误 tab (shown first)
    assert "2026.2" in page.header_label.text() and "2026-11-01" in page.header_label.text()
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["行政区划（5）", "服务站（2）", "联络员（2）", "错误（1）"]
    assert page.tabs.currentIndex() == 3
    officers = page.tabs.widget(2).findChild(QLabel, "partCounts")
    assert officers.text() == "联络员：新增 2，变更 0，未变 0，停用 0"
    stations = table_rows(page.part_views["station"])
    assert stations[0][:3] == ["新增", "TJ002", "通江县壁州街道消费维权服务站"]
    assert "联系电话：13881234567" in stations[0][3]
    assert stations[1][:2] == ["变更", "TJ001"]
    assert stations[1][3] == "所在村代码：（空） → 511921100201；联系电话：（空） → 0827-7221234"
    errors = table_rows(page.error_view)
    assert len(errors) == 1
    assert errors[0][:3] == ["联络员", "3", "C"]
    assert "手机号码" in errors[0][3]

    # errors block 导入 until the officer chooses to skip the bad rows; no version choice here
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    assert "跳过有错误的行" in page.state_label.text()
    assert page.skip_check.isEnabled() and not page.force_check.isEnabled()

    # the error list saved as a workbook for the county
    report = tmp_path / "错误清单.xlsx"
    monkeypatch.setattr(RosterWizard, "choose_report_path", lambda self, suggested: report)
    qtbot.mouseClick(page.save_errors_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存" in page.report_label.text(), timeout=10_000)
    sheet = openpyxl.load_workbook(report).active
    assert sheet is not None
    assert [c.value for c in sheet[3]][1:4] == ["联络员", 3, "C"]

    page.skip_check.click()
    assert commit.isEnabled()
    assert database_rows()["import"] == 0  # nothing written before 导入
    apply_to_summary(qtbot, wizard)

    summary = wizard.summary_page.result_label.text()
    assert "服务站：新增 1，变更 1，未变 0，停用 0" in summary
    assert "联络员：新增 2" in summary
    assert "有错误的 1 行已跳过" in summary
    assert "现在使用的名册版本：2026.2（发布日期 2026-11-01）" in summary
    assert Officer.select().where(Officer.name == "李建国").count() == 0
    current = version_in_force()
    assert current is not None and current.version == "2026.2"

    click_next(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    # the screen shows the roster now in force and the import in its history
    assert "2026.2" in screen.version_label.text()
    assert screen.count_labels["stations"].text() == "2"
    assert screen.count_labels["officers"].text() == "2"
    assert screen.count_labels["villages"].text() == "3"
    history = table_rows(screen.history_view)
    assert len(history) == 1
    assert history[0][1:4] == ["2026.2", "2026-11-01", path.name]
    assert history[0][5] == "跳过 1 行"
    assert screen.history_view.isVisible()


def test_older_version_needs_the_force_choice(
    qtbot: QtBot,
    tmp_path: Path,
    screen: RosterScreen,
    ctx: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from station_app.roster.roster_import import apply_roster

    apply_roster(read_roster(roster_book(tmp_path / "new.xlsx", bad_row=False)), ctx=ctx)  # type: ignore[arg-type]
    old = roster_book(tmp_path / "old.xlsx", version="2026.1", bad_row=False)
    wizard = open_wizard(qtbot, screen, monkeypatch, old)
    read_to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.tabs.tabText(page.tabs.count() - 1) == "错误（0）"
    assert not page.skip_check.isEnabled()
    assert page.force_check.isEnabled()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert "2026.1" in page.state_label.text() and "强制导入旧版本" in page.state_label.text()
    page.force_check.click()
    apply_to_summary(qtbot, wizard)
    assert "强制导入" in wizard.summary_page.result_label.text()
    assert "现在使用的名册版本：2026.1" in wizard.summary_page.result_label.text()


def test_wizard_imports_the_real_county_csv(
    qtbot: QtBot, screen: RosterScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(qtbot, screen, monkeypatch, REGIONS_CSV)
    read_to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "行政区划（401）",
        "错误（0）",
    ]
    assert page.tabs.currentIndex() == 0
    counts = page.tabs.widget(0).findChild(QLabel, "partCounts")
    assert counts.text() == "行政区划：新增 401，变更 0，未变 0，停用 0"
    view = page.part_views["region"]
    assert view.model().rowCount() == 401
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by code, through the proxy
    assert view.model().index(0, 1).data() == "511921"
    assert "没有写版本号" in page.state_label.text()  # a warning, not a refusal
    apply_to_summary(qtbot, wizard)
    assert "行政区划：新增 401" in wizard.summary_page.result_label.text()
    assert "未注明版本" in wizard.summary_page.result_label.text()
    assert Region.select().where(Region.level == "town").count() == 33
    assert Region.select().where(Region.level == "village").count() == 367
    wizard.accept()
    assert screen.count_labels["villages"].text() == "367"


def test_unreadable_file_is_refused_in_one_line_and_changes_nothing(
    qtbot: QtBot, screen: RosterScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = database_rows()
    wizard = open_wizard(qtbot, screen, monkeypatch, PROTECTED)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.file_page.reading, timeout=20_000)
    reason = wizard.file_page.status_label.text()
    assert reason and "\n" not in reason and PROTECTED.name in reason
    assert "Traceback" not in reason
    assert wizard.currentId() == RosterWizard.FILE_PAGE
    assert wizard.preview is None
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # may try another file
    assert database_rows() == before
    wizard.reject()


def test_cancel_while_reading_applies_nothing(
    qtbot: QtBot, screen: RosterScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow read shows the progress dialog after 0.5 s; 取消 stops the core's reading."""
    waited = threading.Event()

    def slow_read(path: Path, progress: Callable[[int, int], None], cancel: threading.Event):
        def held(done: int, total: int) -> None:
            progress(done, total)
            if done >= 50:  # hold the read half-way until the officer cancels
                waited.set()
                cancel.wait(20)

        return read_roster(path, progress=held, cancel=cancel)

    monkeypatch.setattr(file_page, "read_roster", slow_read)
    before = database_rows()
    wizard = open_wizard(qtbot, screen, monkeypatch, REGIONS_CSV)
    click_next(qtbot, wizard)
    assert wizard.file_page.reading
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    progress = wizard.file_page.progress
    assert progress is not None and progress.dialog is None  # not before 0.5 s
    qtbot.waitUntil(
        lambda: progress.dialog is not None and progress.dialog.isVisible(), timeout=5000
    )
    assert waited.wait(5)
    assert progress.cancel_button is not None and progress.cancel_button.text() == "取消"
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.file_page.reading, timeout=20_000)
    qtbot.waitUntil(lambda: progress.dialog is None)  # closed when the job has stopped
    assert "已取消" in wizard.file_page.status_label.text()
    assert wizard.currentId() == RosterWizard.FILE_PAGE and wizard.preview is None
    assert database_rows() == before


def test_progress_dialog_only_for_jobs_longer_than_half_a_second(
    qtbot: QtBot, screen: RosterScreen, app_context: AppContext
) -> None:
    quick = app_context.jobs.run_read(lambda: 1)
    quick_progress = watch_job(quick, screen, "快")
    qtbot.waitUntil(lambda: quick.done)
    qtbot.wait(700)
    assert quick_progress.dialog is None and not quick_progress.shown

    def until_cancelled(progress: Callable[[int, int], None], cancel: threading.Event) -> str:
        time.sleep(0.2)  # reports sent before watch_job() connects are not seen
        progress(1, 4)
        cancel.wait(20)
        return "stopped"

    slow: JobHandle = app_context.jobs.run_read(until_cancelled)
    slow_progress = watch_job(slow, screen, "慢")
    qtbot.wait(200)
    assert slow_progress.dialog is None
    qtbot.waitUntil(lambda: slow_progress.dialog is not None, timeout=3000)
    assert slow_progress.dialog is not None
    assert (slow_progress.dialog.value(), slow_progress.dialog.maximum()) == (1, 4)
    assert slow_progress.cancel_button is not None
    qtbot.mouseClick(slow_progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: slow.done, timeout=5000)
    assert slow_progress.dialog is None and slow_progress.shown


def test_export_and_template_write_workbooks(
    qtbot: QtBot, tmp_path: Path, screen: RosterScreen, ctx: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_app.roster.roster_import import apply_roster

    apply_roster(read_roster(roster_book(tmp_path / "r.xlsx", bad_row=False)), ctx=ctx)  # type: ignore[arg-type]
    targets = iter([tmp_path / "out" / "export.xlsx", tmp_path / "out" / "blank.xlsx"])
    monkeypatch.setattr(RosterScreen, "choose_save_path", lambda self, title, name: next(targets))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已导出" in screen.message_label.text(), timeout=10_000)
    assert read_roster(tmp_path / "out" / "export.xlsx").diff.no_change
    qtbot.mouseClick(screen.template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "空白模板已保存" in screen.message_label.text(), timeout=10_000)
    assert openpyxl.load_workbook(tmp_path / "out" / "blank.xlsx").sheetnames[1] == "服务站"


def test_table_models_pass_the_model_tester(
    qtmodeltester: object, tmp_path: Path, ctx: object, screen: RosterScreen
) -> None:
    from station_app.gui.roster.diff_models import DiffTableModel, ErrorTableModel
    from station_app.roster.diff import FIELD_TITLES

    preview = read_roster(roster_book(tmp_path / "r.xlsx"))
    for part, diff in preview.diff.parts.items():
        qtmodeltester.check(DiffTableModel(diff, FIELD_TITLES[part]))  # type: ignore[attr-defined]
    qtmodeltester.check(ErrorTableModel(preview.errors))  # type: ignore[attr-defined]
    screen.history_model.reload()
    qtmodeltester.check(screen.history_model)  # type: ignore[attr-defined]
