"""Qt translations of the window: source strings are Simplified Chinese, ``station_en.ts`` English.

python scripts/translations.py update    # re-extract strings from the GUI code, forms and the
                                         # core's msg()/N_() templates (scripts/core_messages.py)
python scripts/translations.py compile   # .ts -> .qm (done by ./dev.sh before run and test), and
                                         # Qt's own Chinese (qtbase_zh_CN.qm) copied beside it
python scripts/translations.py check     # exit 1 listing strings without an English translation
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import core_messages  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"en": "station_en.ts"}


def _tool(name: str) -> list[str]:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "PySide6.scripts.pyside_tool", name]


def gui_sources() -> list[Path]:
    sources = sorted((ROOT / "station_app" / "gui").rglob("*.py"))
    sources = [s for s in sources if "forms" not in s.parts]
    return sources + sorted((ROOT / "ui").glob("*.ui"))


def update(ts_file: Path) -> None:
    # the core's msg()/N_() templates, written as QCoreApplication.translate calls for lupdate
    core = core_messages.write()
    files = [str(p) for p in [*gui_sources(), core]]
    subprocess.run(
        [*_tool("lupdate"), "-locations", "none", "-no-obsolete", *files, "-ts", str(ts_file)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def compile_ts(ts_file: Path) -> Path:
    qm_file = ts_file.with_suffix(".qm")
    if qm_file.exists() and qm_file.stat().st_mtime >= ts_file.stat().st_mtime:
        return qm_file
    subprocess.run(
        [*_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
    )
    return qm_file


# Qt's own catalogues shipped with the program (file chooser, print dialog, standard buttons), so
# that its dialogs speak Chinese wherever the program runs: from source, installed, frozen
QT_CATALOGUES = ("qtbase_zh_CN.qm",)


def copy_qt_translations() -> list[Path]:
    """Copy Qt's catalogues from this PySide6 into resources/translations (``*.qm`` are not
    committed: they are made here, like ours, and packed into the wheel and the frozen build)."""
    from PySide6.QtCore import QLibraryInfo

    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    copied = []
    for name in QT_CATALOGUES:
        source, target = qt_dir / name, TRANSLATIONS / name
        if not source.is_file():
            raise SystemExit(f"Qt's translation {source} is missing: reinstall PySide6")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            shutil.copy2(source, target)
        copied.append(target)
    return copied


def untranslated(ts_file: Path) -> list[str]:
    """Source strings of ``ts_file`` with no finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                text = ""
            elif numerus:
                text = "".join(form.text or "" for form in translation.iter("numerusform"))
            else:
                text = translation.text or ""
            unfinished = translation is not None and translation.get("type") in {
                "unfinished",
                "obsolete",
                "vanished",
            }
            if not text.strip() or unfinished:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=["update", "compile", "check"])
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for ts_name in LANGUAGES.values():
        ts_file = TRANSLATIONS / ts_name
        if args.action == "update":
            update(ts_file)
        elif args.action == "compile":
            if ts_file.exists():
                compile_ts(ts_file)
        else:
            for line in untranslated(ts_file):
                print(f"untranslated: {line}", file=sys.stderr)
                status = 1
    if args.action == "compile":
        copy_qt_translations()
    return status


if __name__ == "__main__":
    sys.exit(main())
