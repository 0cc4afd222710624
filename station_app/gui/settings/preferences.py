"""Per-user preferences kept in QSettings (language, text size, the officer at the keyboard), read
at start-up before any window exists; the settings screen changes them."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from station_app.gui.app.context import AppContext
from station_app.registry.officers import OfficerRow, find_officer

LANGUAGE_KEY = "display/language"  # "system" | "zh_CN" | "en"
LARGE_TEXT_KEY = "display/large_text"
OFFICER_KEY = "officer/{station}"  # the uid of the officer at the keyboard, per station
LANGUAGE_CHOICES = ("system", "zh_CN", "en")


def stored_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, "system") or "system")
    return value if value in LANGUAGE_CHOICES else "system"


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en``. Following the system means English only on an English system: the
    program is written in Chinese, and a bare "C" locale says nothing about the officer."""
    if choice in ("zh_CN", "en"):
        return choice
    locale = system if system is not None else QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "zh_CN"


def stored_large_text(settings: QSettings) -> bool:
    return str(settings.value(LARGE_TEXT_KEY, "false")).lower() in ("true", "1")


def stored_officer(settings: QSettings, station_code: str) -> OfficerRow | None:
    """The officer last chosen at this keyboard, while still an active officer of the station."""
    uid = str(settings.value(OFFICER_KEY.format(station=station_code), "") or "")
    officer = find_officer(station_code, uid) if uid else None
    return officer if officer is not None and officer.active else None


def apply_stored_officer(app: AppContext, settings: QSettings) -> None:
    identity = app.installation.identity()
    officer = stored_officer(settings, identity.code) if identity else None
    if officer is not None:
        app.actor = officer.name
