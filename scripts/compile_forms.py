"""Compile the Designer forms ``ui/*.ui`` into ``station_app/gui/forms/ui_*.py`` with pyside6-uic.

Run after editing a form: ``python scripts/compile_forms.py``. ``--check`` compiles into a
temporary folder and exits 1 naming every committed form that is out of date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "station_app" / "gui" / "forms"


def uic_command() -> list[str]:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]


def compile_form(source: Path, target: Path) -> None:
    subprocess.run(
        [*uic_command(), "-g", "python", str(source), "-o", str(target)],
        check=True,
    )


def target_name(source: Path) -> str:
    return f"ui_{source.stem}.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report stale forms")
    args = parser.parse_args(argv)
    sources = sorted(UI_DIR.glob("*.ui"))
    if not args.check:
        for source in sources:
            compile_form(source, FORMS_DIR / target_name(source))
        return 0
    stale = []
    with tempfile.TemporaryDirectory() as folder:
        for source in sources:
            fresh = Path(folder) / target_name(source)
            compile_form(source, fresh)
            committed = FORMS_DIR / target_name(source)
            if not committed.exists() or committed.read_text("utf-8") != fresh.read_text("utf-8"):
                stale.append(str(committed.relative_to(ROOT)))
    for path in stale:
        print(f"stale form: {path} (run python scripts/compile_forms.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
