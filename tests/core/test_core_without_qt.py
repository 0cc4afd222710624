"""The core never imports Qt: every module outside station_app.gui imports with PySide6 blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import station_app

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import importlib.abc, sys
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in the core: ' + name)
        return None
sys.meta_path.insert(0, BlockQt())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print(len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(station_app.__path__, "station_app."):
        if info.name.startswith("station_app.gui"):
            continue
        names.append(info.name)
    return names


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules()
    assert "station_app.cli" in modules
    assert "station_app.store.models" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(modules))


def test_the_blocker_really_blocks_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, "station_app.gui.app.jobs"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "Qt is blocked" in result.stderr
