"""The compiled Designer forms under station_app/gui/forms match their ui/*.ui sources."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "compile_forms.py"


def _compile_forms():
    spec = importlib.util.spec_from_file_location("compile_forms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiled_forms_are_fresh() -> None:
    assert _compile_forms().main(["--check"]) == 0, "run: python scripts/compile_forms.py"
