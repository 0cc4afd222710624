"""``station-app``: start the window.

``station-app [--data-dir DIR] [--lang zh_CN|en]``. Order of work: Qt application (fonts,
translations), log file, crash handler, one-instance lock, sign-in (an encrypted database), a
quick integrity check of the database (a damaged one leads to restoring a backup), database,
first-run setup with the station head's account (or, for a plain database from before accounts,
setting that account up and encrypting the database), window with its lock, today's automatic
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

from PySide6.QtCore import QCoreApplication, QSettings, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QDialog

from station_app import app_log
from station_app.access import access_log
from station_app.backup import list_backups, quick_check, restore_backup
from station_app.backup_schedule import recorded_backup_folders, run_automatic_backup
from station_app.errors import DatabaseDamaged, StationError
from station_app.gui.app import selftest
from station_app.gui.app.application import create_application, log_qt_message
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import CrashDialog, show_refusal
from station_app.gui.app.encrypt_dialog import EncryptDatabaseDialog
from station_app.gui.app.first_run_dialog import FirstRunDialog
from station_app.gui.app.instance_guard import InstanceGuard, refuse_second_instance
from station_app.gui.app.jobs import JobRunner
from station_app.gui.app.lock import WindowLock
from station_app.gui.app.main_window import MainWindow
from station_app.gui.app.recovery_dialog import RecoveryDialog
from station_app.gui.app.sign_in_dialog import SignInDialog
from station_app.gui.settings.preferences import apply_stored_officer
from station_app.installation import Installation, open_installation, uses_server
from station_app.paths import DataPaths
from station_app.security.keyfile import DataKey

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
LANG_ENV = "STATION_LANG"


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


def start_window(installation: Installation, settings: QSettings | None = None) -> MainWindow:
    """The main window over an initialised installation, with its own job runner."""
    context = AppContext(installation=installation, jobs=JobRunner())
    signed_in = installation.signed_in
    if signed_in is not None:  # the audit log names the signed-in person
        context.actor = signed_in.name
    else:
        apply_stored_officer(context, settings if settings is not None else QSettings())
    window = MainWindow(context, settings=settings)
    window.lock = WindowLock(window, context)  # type: ignore[attr-defined]
    window.lock.person_changed.connect(window.person_changed)  # type: ignore[attr-defined]
    if signed_in is not None:  # PIPL: every sign-in to the window is an access-log entry
        ctx, login = context.context(), signed_in.login
        context.jobs.run_write(lambda: access_log.record(ctx, access_log.SIGN_IN, login))
    return window


def recover_damaged_database(
    paths: DataPaths, problems: list[str] | None = None, key: DataKey | None = None
) -> bool:
    """Check the database before it is opened; when damaged, restore a backup the officer picks.

    True when the database is sound (or was restored, the damaged file kept aside); False when
    the officer chose to quit. An encrypted database is checked with its data ``key``.
    """
    problems = problems if problems is not None else quick_check(paths.database, key)
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
        problems = quick_check(paths.database, key)
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


def sign_in(paths: DataPaths) -> SignInDialog | None:
    """The sign-in of an encrypted installation (None: the person chose to quit)."""
    dialog = SignInDialog(paths)
    return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_checked_installation(
    paths: DataPaths, signed: SignInDialog | None = None
) -> Installation | None:
    """The installation, after the start-up check (and a restore when it was damaged)."""
    key = signed.key if signed is not None else None
    if uses_server(paths):
        # a county on its PostgreSQL server: no file here to check or restore; a server that
        # cannot be reached is refused with its reason (DatabaseDamaged is a StationError)
        installation = open_installation(paths.root, key)
    elif not recover_damaged_database(paths, key=key):
        return None
    else:
        try:
            installation = open_installation(paths.root, key)
        except DatabaseDamaged as error:  # damage the quick check did not see
            log.exception("database could not be opened")
            if not recover_damaged_database(paths, [str(error)], key):
                return None
            installation = open_installation(paths.root, key)
    if signed is not None:
        installation.signed_in = signed.signed_in
    return installation


def set_up_accounts(installation: Installation) -> Installation | None:
    """A new installation (who this station is, and the station head's account) or a plain
    database from before accounts (the head's account, then encryption); None: quit."""
    if installation.encrypted:
        return installation
    dialog: FirstRunDialog | EncryptDatabaseDialog
    if installation.identity() is None:
        dialog = FirstRunDialog(installation, with_account=True)
    else:
        dialog = EncryptDatabaseDialog(installation)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        dialog.installation.close()
        return None
    return dialog.installation


def run(paths: DataPaths, app: QApplication) -> int:
    try:
        signed = sign_in(paths) if paths.key_file.exists() else None
        if paths.key_file.exists() and signed is None:
            return 0
        installation = open_checked_installation(paths, signed)
    except StationError as refused:
        show_refusal(refused)
        return 1
    if installation is None:
        return 0
    try:
        prepared = set_up_accounts(installation)
        if prepared is None:
            return 0
        installation = prepared
        window = start_window(installation)
        window.show_on_screen()
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
