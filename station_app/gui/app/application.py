"""The Qt application: its name (for QSettings), font, translations and Qt's own log lines.

Shared by the window's start (``station_app.gui.app.main``) and ``station-app --selftest``
(``station_app.gui.app.selftest``), which both build on it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSettings,
    Qt,
    QtMsgType,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from station_app import codes, messages
from station_app.gui.settings.preferences import (
    resolve_language,
    stored_language,
    stored_large_text,
)
from station_app.paths import APP_AUTHOR, APP_NAME, resource_path

log = logging.getLogger(__name__)

# first installed family wins: Linux test machines, then Windows 7/10 Chinese, then old Windows
FONT_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "SimSun")
FONT_POINT_SIZE = 11  # Windows' default is 9 pt; older eyes need more
LARGE_FONT_POINT_SIZE = 14  # 设置 → 较大字号

# kept alive for the application's lifetime (a QTranslator must outlive its installation)
_translators: list[QTranslator] = []


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


def qt_translation_folders() -> list[str]:
    """Where Qt's own catalogues (``qtbase_zh_CN.qm``) are looked for: the copy shipped in our
    resources (``scripts/translations.py compile``; the wheel and the frozen build carry it), then
    the PySide6 installation's."""
    folders = []
    with contextlib.suppress(FileNotFoundError):
        folders.append(str(resource_path("translations")))
    folders.append(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return folders


def install_qt_translation(app: QApplication, lang: str) -> bool:
    """Qt's own words (file chooser, print dialog, standard buttons) in ``lang``."""
    qt_translator = QTranslator(app)
    for folder in qt_translation_folders():
        if qt_translator.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(qt_translator)
            _translators.append(qt_translator)
            return True
    if lang != "en":  # Qt's own words are English already
        log.warning("Qt's translation qtbase_%s not found in %s", lang, qt_translation_folders())
    return False


def install_translations(app: QApplication, lang: str) -> None:
    """Our own ``station_<lang>.qm`` (Chinese is the source language) and Qt's own words."""
    QLocale.setDefault(QLocale(lang))
    install_qt_translation(app, lang)
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
