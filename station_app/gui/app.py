"""``station-app``: start the window.

``station-app [--data-dir DIR] [--lang zh_CN|en]``. Order of work: Qt application (fonts,
translations), log file, crash handler, one-instance lock, a quick integrity check of the database
(a damaged one leads to restoring a backup), database, first-run setup, window, today's automatic
backup in the background.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSettings,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from station_app import app_log, codes, messages, selftest
from station_app.backup import list_backups, quick_check, restore_backup
from station_app.backup_schedule import recorded_backup_folders, run_automatic_backup
from station_app.errors import DatabaseDamaged, StationError
from station_app.gui.app_context import AppContext
from station_app.gui.crash_dialog import CrashDialog, show_refusal
from station_app.gui.first_run_dialog import FirstRunDialog
from station_app.gui.instance_guard import InstanceGuard, refuse_second_instance
from station_app.gui.jobs import JobRunner
from station_app.gui.main_window import MainWindow
from station_app.gui.recovery_dialog import RecoveryDialog
from station_app.gui.settings_screen import (
    apply_stored_officer,
    resolve_language,
    stored_language,
    stored_large_text,
)
from station_app.installation import Installation, open_installation
from station_app.paths import APP_AUTHOR, APP_NAME, DataPaths, resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
LANG_ENV = "STATION_LANG"
# first installed family wins: Linux test machines, then Windows 7/10 Chinese, then old Windows
FONT_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "SimSun")
FONT_POINT_SIZE = 11  # Windows' default is 9 pt; older eyes need more
LARGE_FONT_POINT_SIZE = 14  # 设置 → 较大字号

# kept alive for the application's lifetime (a QTranslator must outlive its installation)
_translators: list[QTranslator] = []


def parse_args(argv: Sequence[str] | None = None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (``-platform`` and friends)."""
    parser = argparse.ArgumentParser(prog="station-app", description="消费维权服务站登记系统")
    parser.add_argument(
        "--data-dir", help="data directory (default: STATION_DATA_DIR or the user's)"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=os.environ.get(LANG_ENV) if os.environ.get(LANG_ENV) in LANGUAGES else None,
        help="interface language (default: STATION_LANG, else the choice in 设置, else the system's)",
    )
    parser.add_argument(
        "--selftest", action="store_true", help="check this build offscreen, print one line, exit"
    )
    return parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))


def default_font(large: bool = False) -> QFont:
    families = set(QFontDatabase.families())
    font = QFont(QGuiApplication.font())
    for family in FONT_FAMILIES:
        if family in families:
            font.setFamilies([family])
            break
    else:
        log.warning("no preferred CJK font installed (%s); using %s", FONT_FAMILIES, font.family())
    font.setPointSize(LARGE_FONT_POINT_SIZE if large else FONT_POINT_SIZE)
    return font


def translate_core_message(template: str, disambiguation: str | None = None) -> str:
    """A core template (``station_app.messages``) through the installed .qm, context "core"."""
    return QCoreApplication.translate(messages.CONTEXT, template, disambiguation)


def install_translations(app: QApplication, lang: str) -> None:
    """Our own ``station_<lang>.qm`` (Chinese is the source language) and Qt's dialog buttons."""
    QLocale.setDefault(QLocale(lang))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(lang), "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        _translators.append(qt_translator)
    if lang == "zh_CN":
        return
    try:
        qm_path = resource_path("translations", f"station_{lang}.qm")
    except FileNotFoundError as missing:
        log.warning("no translation for %s: %s", lang, missing)
        return
    translator = QTranslator(app)
    if translator.load(str(qm_path)):
        app.installTranslator(translator)
        _translators.append(translator)
        codes.set_display_language("en")  # code lists (渠道, 大类, …) in English too
        messages.set_translator(translate_core_message)  # the core's sentences too
    else:
        log.warning("translation file %s could not be loaded", qm_path)


def create_application(lang: str | None = None, qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication with our name (for QSettings), font and translations.

    Without ``lang``, the language chosen in 设置 (QSettings), else the system's; the larger text
    chosen there too.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setWindowIcon(QIcon(str(resource_path("icons", "station.png"))))
    preferences = QSettings()
    app.setFont(default_font(large=stored_large_text(preferences)))
    install_translations(app, lang or resolve_language(stored_language(preferences)))
    return app


_crash_dialog_open = False


def handle_exception(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """sys.excepthook: refusals as a plain message, bugs logged and shown with the log's path."""
    global _crash_dialog_open
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, error, tb)
        return
    has_gui = isinstance(QApplication.instance(), QApplication)
    if isinstance(error, StationError):
        log.info("refused: %s", error)
        if has_gui:
            show_refusal(error, QApplication.activeWindow())
        else:
            print(error, file=sys.stderr)
        return
    app_log.log_unhandled(exc_type, error, tb)
    if not has_gui or _crash_dialog_open:  # one dialog at a time, never a cascade
        sys.__excepthook__(exc_type, error, tb)
        return
    _crash_dialog_open = True
    try:
        details = "".join(traceback.format_exception(exc_type, error, tb))
        CrashDialog(app_log.log_file(), details, QApplication.activeWindow()).exec()
    finally:
        _crash_dialog_open = False


_QT_LOG_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to our log file instead of a console nobody sees."""
    logging.getLogger("qt").log(_QT_LOG_LEVELS.get(mode, logging.WARNING), "%s", message)


def start_window(installation: Installation, settings: QSettings | None = None) -> MainWindow:
    """The main window over an initialised installation, with its own job runner."""
    context = AppContext(installation=installation, jobs=JobRunner())
    apply_stored_officer(context, settings if settings is not None else QSettings())
    return MainWindow(context, settings=settings)


def recover_damaged_database(paths: DataPaths, problems: list[str] | None = None) -> bool:
    """Check the database before it is opened; when damaged, restore a backup the officer picks.

    True when the database is sound (or was restored, the damaged file kept aside); False when
    the officer chose to quit.
    """
    problems = problems if problems is not None else quick_check(paths.database)
    while problems:
        log.error("database %s is damaged: %s", paths.database, problems[:5])
        backups = list_backups(recorded_backup_folders(paths))
        chosen = RecoveryDialog(paths, problems, backups).choose_backup()
        if chosen is None:
            return False
        try:
            aside = restore_backup(paths, chosen)
        except StationError as refused:
            show_refusal(refused)
        else:
            log.info("restored %s; the damaged database is kept as %s", chosen, aside)
        problems = quick_check(paths.database)
    return True


def start_automatic_backup(window: MainWindow) -> None:
    """Today's automatic backup, off the GUI thread (the online backup API only reads)."""
    context = window.app
    installation = context.installation

    def job() -> object:
        try:
            return run_automatic_backup(installation, clock=context.clock)
        finally:
            installation.db.close()  # this reader thread's connection

    def failed(error: Exception) -> None:
        log.warning("automatic backup failed: %s", error)
        if isinstance(error, StationError):
            reason = QCoreApplication.translate("errors", str(error))
            window.statusBar().showMessage(
                QCoreApplication.translate("App", "今天的自动备份没有完成：{reason}").format(
                    reason=reason
                )
            )

    context.jobs.run_read(job, lambda path: log.info("automatic backup: %s", path), failed)


def open_checked_installation(paths: DataPaths) -> Installation | None:
    """The installation, after the start-up check (and a restore when it was damaged)."""
    if not recover_damaged_database(paths):
        return None
    try:
        return open_installation(paths.root)
    except DatabaseDamaged as error:  # damage the quick check did not see
        log.exception("database could not be opened")
        if not recover_damaged_database(paths, [str(error)]):
            return None
        return open_installation(paths.root)


def run(paths: DataPaths, app: QApplication) -> int:
    try:
        installation = open_checked_installation(paths)
    except StationError as refused:
        show_refusal(refused)
        return 1
    if installation is None:
        return 0
    try:
        if installation.identity() is None:
            dialog = FirstRunDialog(installation)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        window = start_window(installation)
        window.show()
        start_automatic_backup(window)
        try:
            return app.exec()
        finally:
            window.app.jobs.shutdown()
    finally:
        installation.close()


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(argv)
    if args.selftest:
        return selftest.run_selftest(args.lang or "zh_CN")
    app = create_application(args.lang, qt_args)
    selftest.watch_first_paint(app)  # only with STATION_REPORT_FIRST_PAINT (startup benchmark)
    paths = DataPaths(args.data_dir)
    try:
        paths.ensure()
    except OSError as error:
        message = QCoreApplication.translate("App", "无法使用数据目录 {path}：{reason}")
        show_refusal(StationError(message.format(path=paths.root, reason=error.strerror or error)))
        return 1
    log_path = app_log.setup_logging(paths.logs)
    log.info("starting station-app, data %s, log %s", paths.root, log_path)
    sys.excepthook = handle_exception
    qInstallMessageHandler(log_qt_message)
    guard = InstanceGuard(paths.lock_file)
    if not guard.acquire():
        refuse_second_instance(paths.root)
        return 1
    try:
        return run(paths, app)
    finally:
        guard.release()
        log.info("station-app stopped")


if __name__ == "__main__":
    sys.exit(main())
