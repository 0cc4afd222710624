"""Every action the core writes into a complaint's audit log has words in its history, never the
action's code (an old register's import showed "import")."""

from __future__ import annotations

import ast
from pathlib import Path

from station_app.gui.complaints.detail.history_model import ACTIONS

CORE = Path(__file__).resolve().parents[2] / "station_app"
SHOWN_ELSEWHERE = {"attach"}  # ComplaintHistoryModel words it with the file (添加附件)


def _recorded_actions() -> set[str]:
    """The ``action`` of every ``record_action(ctx, table, uid, action, …)`` in the core: a
    literal, or a module-level name bound to one."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        if "gui" in path.relative_to(CORE).parts:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        names = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and len(node.args) >= 4):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name != "record_action":
                continue
            action = node.args[3]
            if isinstance(action, ast.Constant) and isinstance(action.value, str):
                found.add(action.value)
            elif isinstance(action, ast.Name) and action.id in names:
                found.add(names[action.id])
    return found


def test_every_recorded_action_has_words_in_the_history() -> None:
    recorded = _recorded_actions()
    assert {"import", "anonymise", "export_12315", "reveal", "convert"} <= recorded
    assert sorted(recorded - set(ACTIONS) - SHOWN_ELSEWHERE) == []
