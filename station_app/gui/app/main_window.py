"""The main window: a sidebar of screens, the screens in a stack, menus and a status bar.

Screens are built by other modules against a small contract: ``Screen(app, parent)``; the
complaints screen has ``new_complaint()`` and the visits screen ``new_visit()``; both have
``focus_search()``. A screen whose module is not part of this build is simply not shown.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from station_app import __version__
from station_app.access.permissions import may_read_access_log
from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.app.dashboard import DashboardScreen
from station_app.gui.app.help_window import HelpWindow, page_for_window
from station_app.gui.complaints.old_register_dialog import OldRegisterDialog
from station_app.security.accounts import SignedIn

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 720)
# On screens up to this wide (1366x768 laptops, 1440x900) the window opens maximised: every
# pixel is needed. Wider screens get the saved (or default) geometry.
MAXIMISE_UP_TO_WIDTH = 1440
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
SCREEN_KEY = "main_window/screen"

SIDEBAR_STYLE = """
QListWidget#sidebar { background: #f3f5f8; border: none; border-right: 1px solid #d0d7de;
                      outline: none; padding-top: 8px; }
QListWidget#sidebar::item { padding: 12px 18px; margin: 2px 8px; border-radius: 6px; color: #24292f; }
QListWidget#sidebar::item:hover { background: #e6ebf1; }
QListWidget#sidebar::item:selected { background: #0b5cad; color: #ffffff; }
"""


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    module: str  # under station_app.gui; empty for screens built here
    class_name: str
    roles: tuple[str, ...] = ("station", "county")  # which installations show it
    # whether the signed-in person (None: no accounts) may open it; None: everyone
    allowed: Callable[[SignedIn | None], bool] | None = None


SCREEN_ENTRIES = (
    ScreenEntry("dashboard", "", "DashboardScreen"),
    ScreenEntry("complaints", "complaints.screen", "ComplaintsScreen"),
    ScreenEntry("visits", "records.visits_screen", "VisitsScreen"),
    ScreenEntry("events", "records.events_screen", "EventsScreen"),
    ScreenEntry("violations", "records.violations_screen", "ViolationsScreen"),
    ScreenEntry("stats", "reports.stats_screen", "StatsScreen"),
    ScreenEntry("sync", "sync.sync_screen", "SyncScreen", roles=("station",)),
    ScreenEntry("stations", "sync.stations_screen", "StationsScreen", roles=("county",)),
    ScreenEntry("conflicts", "sync.conflicts_screen", "ConflictsScreen", roles=("county",)),
    ScreenEntry("roster", "roster.screen", "RosterScreen"),
    ScreenEntry(
        "access_log", "access.access_log_screen", "AccessLogScreen", allowed=may_read_access_log
    ),
    ScreenEntry("settings", "settings.screen", "SettingsScreen"),
)


def load_screen_class(module: str, class_name: str) -> type[QWidget] | None:
    """The screen class, or None when its module is not in this build.

    Only a missing module is tolerated; a screen that fails while importing is a bug and raises.
    """
    full_name = f"station_app.gui.{module}"
    try:
        loaded = importlib.import_module(full_name)
    except ModuleNotFoundError as missing:
        if missing.name != full_name:
            raise
        log.info("screen %s not available in this build", full_name)
        return None
    screen_class: type[QWidget] = getattr(loaded, class_name)
    return screen_class


class MainWindow(QMainWindow):
    def __init__(
        self,
        app: AppContext,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.settings = settings if settings is not None else QSettings()
        self.screens: dict[str, QWidget] = {}
        self.screen_titles = {
            "dashboard": self.tr("工作台"),
            "complaints": self.tr("投诉"),
            "visits": self.tr("来访咨询"),
            "events": self.tr("宣传活动"),
            "violations": self.tr("举报"),
            "stats": self.tr("统计"),
            "sync": self.tr("同步"),
            "stations": self.tr("服务站总览"),
            "conflicts": self.tr("冲突审核"),
            "roster": self.tr("名册"),
            "access_log": self.tr("访问日志"),
            "settings": self.tr("设置"),
        }

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        sidebar_font = QFont(self.sidebar.font())
        sidebar_font.setPointSizeF(sidebar_font.pointSizeF() * 1.15)
        self.sidebar.setFont(sidebar_font)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()

        self.dashboard = DashboardScreen(app)
        self._add_screen("dashboard", self.dashboard)
        self._add_allowed_screens()
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 56)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.dashboard.new_complaint_requested.connect(self.new_complaint)
        self.dashboard.new_visit_requested.connect(self.new_visit)
        self.dashboard.set_actions_available("complaints" in self.screens, "visits" in self.screens)
        app.jobs.changes_committed.connect(self._changes_committed)
        self.update_identity()
        self.show_screen("dashboard")
        self._restore_window_state()

    # screens ---------------------------------------------------------------------------------

    def _add_allowed_screens(self) -> list[str]:
        """Add, each in its place, the screens of this installation's role that the signed-in
        person may open and that are not here yet; their keys."""
        identity = self.app.installation.identity()
        role = identity.role if identity else "station"
        added = []
        for entry in SCREEN_ENTRIES[1:]:
            if role not in entry.roles or entry.key in self.screens:
                continue
            if entry.allowed is not None and not entry.allowed(self.app.installation.signed_in):
                continue
            screen_class = load_screen_class(entry.module, entry.class_name)
            if screen_class is not None:
                self._add_screen(entry.key, screen_class(self.app))  # type: ignore[call-arg]
                added.append(entry.key)
        return added

    def _add_screen(self, key: str, screen: QWidget) -> None:
        """Add ``screen`` at its place in ``SCREEN_ENTRIES`` among the screens already here."""
        order = [e.key for e in SCREEN_ENTRIES]
        keys = sorted([*self.screens, key], key=order.index)
        at = keys.index(key)
        self.screens = {k: screen if k == key else self.screens[k] for k in keys}
        self.stack.insertWidget(at, screen)
        item = QListWidgetItem(self.screen_titles[key])
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.sidebar.insertItem(at, item)

    def person_changed(self) -> None:
        """Another person unlocked the window (a station head, over an officer's session): the
        screens their role opens are added, and each screen shows what they may do."""
        if self._add_allowed_screens():
            self._number_screens()
        for screen in self.screens.values():
            apply_person = getattr(screen, "apply_person", None)
            if apply_person is not None:
                apply_person()
        self.update_identity()

    def screen_keys(self) -> list[str]:
        return list(self.screens)

    def current_screen_key(self) -> str:
        return self.screen_keys()[self.stack.currentIndex()]

    def show_screen(self, key: str) -> QWidget | None:
        """Switch to screen ``key``; None when that screen is not in this build."""
        if key not in self.screens:
            return None
        self.sidebar.setCurrentRow(self.screen_keys().index(key))
        return self.screens[key]

    # actions ---------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.old_register_action = self._action(self.tr("导入旧台账…"), self.import_old_register)
        self.old_register_action.setEnabled("complaints" in self.screens)
        file_menu.addAction(self.old_register_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("退出(&X)"), self.close, QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.quit_action)

        register_menu = bar.addMenu(self.tr("登记(&R)"))
        self.new_complaint_action = self._action(self.tr("新建投诉…"), self.new_complaint, "Ctrl+N")
        self.new_visit_action = self._action(self.tr("新建来访…"), self.new_visit, "Ctrl+Shift+N")
        self.new_complaint_action.setEnabled("complaints" in self.screens)
        self.new_visit_action.setEnabled("visits" in self.screens)
        register_menu.addAction(self.new_complaint_action)
        register_menu.addAction(self.new_visit_action)

        find_menu = bar.addMenu(self.tr("查找(&S)"))
        self.find_action = self._action(
            self.tr("查找…"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.find_action.setEnabled(any(key != "dashboard" for key in self.screens))
        find_menu.addAction(self.find_action)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.help_action = self._action(
            self.tr("使用说明(&G)"), self.show_help, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = self._action(self.tr("关于(&A)"), self.show_about)
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.help_window: HelpWindow | None = None
        # F1 in a dialog opened from a screen (the menu's F1 is blocked while it is open)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._offer_help_in)

        self.screen_actions: list[QAction] = []
        self._number_screens()

    def _number_screens(self) -> None:
        """Ctrl+1 … Ctrl+9 for the screens in the sidebar's order (a tenth has none), each
        sidebar row's tooltip naming its shortcut."""
        for action in self.screen_actions:
            self.removeAction(action)
            action.deleteLater()
        self.screen_actions = []
        for index, key in enumerate(self.screen_keys()):
            number = index + 1
            action = self._action(
                self.screen_titles[key],
                lambda key=key: self.show_screen(key),
                f"Ctrl+{number}" if number <= 9 else None,
            )
            self.addAction(action)  # shortcut only; the sidebar shows the screens
            self.screen_actions.append(action)
            self.sidebar.item(index).setToolTip(
                self.tr("%1（Ctrl+%2）")
                .replace("%1", self.screen_titles[key])
                .replace("%2", str(number))
                if number <= 9
                else self.screen_titles[key]
            )

    def import_old_register(self) -> None:
        OldRegisterDialog(self.app, self).exec()

    def new_complaint(self) -> None:
        screen = self.show_screen("complaints")
        if screen is not None:
            screen.new_complaint()  # type: ignore[attr-defined]

    def new_visit(self) -> None:
        screen = self.show_screen("visits")
        if screen is not None:
            screen.new_visit()  # type: ignore[attr-defined]

    def focus_search(self) -> None:
        """Put the cursor in the current screen's search box (投诉 when on the workbench)."""
        key = self.current_screen_key()
        if key == "dashboard":
            key = "complaints"
        screen = self.show_screen(key)
        focus = getattr(screen, "focus_search", None)
        if callable(focus):
            focus()

    # help -------------------------------------------------------------------------------------

    def help_page_key(self, window: QWidget | None = None) -> str:
        """The guide's page for ``window`` (a dialog opened from a screen), else for the screen
        shown."""
        return page_for_window(window) or self.current_screen_key()

    def show_help(self, window: QWidget | None = None) -> HelpWindow:
        """Open the guide at the page of ``window`` or of the current screen (F1, 帮助)."""
        if self.help_window is None:
            # a window of its own: a modal dialog of this window does not block it
            self.help_window = HelpWindow()
            self.help_window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
            self.destroyed.connect(self.help_window.deleteLater)
        self.help_window.show_page(self.help_page_key(window))
        return self.help_window

    def _offer_help_in(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Give F1 to a dialog the first time it has the focus."""
        window = now.window() if now is not None else None
        if window is None or window is self or window is self.help_window:
            return
        if window.property("station_help") or page_for_window(window) is None:
            return
        window.setProperty("station_help", True)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window)
        shortcut.activated.connect(lambda window=window: self.show_help(window))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "消费维权服务站登记系统\n版本 {version}\n\n数据目录：{data_dir}\n\n"
                "用于农村消费维权服务站登记投诉、来访咨询，并向县消协报送。"
            ).format(version=__version__, data_dir=self.app.installation.paths.root),
        )

    # identity and status bar -----------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.station_label = QLabel()
        self.officer_label = QLabel()
        for label in (self.station_label, self.officer_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addWidget(self.station_label)
        self.statusBar().addPermanentWidget(self.officer_label)

    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.update_identity()

    def update_identity(self) -> None:
        identity = self.app.installation.identity()
        name = identity.name if identity else ""
        self.setWindowTitle(self.tr("消费维权服务站登记系统 — {name}").format(name=name))
        if identity is not None:
            self.station_label.setText(
                self.tr("服务站：{code}  {name}").format(code=identity.code, name=identity.name)
            )
        officer = self.app.actor
        if officer == AppContext.actor:  # the placeholder: nobody has said who is working
            officer = self.tr("未指定")
        self.officer_label.setText(self.tr("当前联络员：{officer}").format(officer=officer))

    # window state ----------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        restored = isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry)
        if not restored:
            self._apply_default_geometry()
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)

    def _apply_default_geometry(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        size = QSize(DEFAULT_SIZE)
        if screen is not None:
            available = screen.availableGeometry()
            # leave room for the title bar so the whole window fits a 1366x768 screen
            size = size.boundedTo(QSize(available.width(), available.height() - 40))
            self.resize(size)
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft().x(), max(available.top(), frame.topLeft().y()))
        else:
            self.resize(size)

    def show_on_screen(self) -> None:
        """Show the window: maximised on a screen up to :data:`MAXIMISE_UP_TO_WIDTH` wide,
        else as last saved (or the default size)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None and screen.availableGeometry().width() <= MAXIMISE_UP_TO_WIDTH:
            self.showMaximized()
        else:
            self.show()

    def save_window_state(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_window_state()
        super().closeEvent(event)
