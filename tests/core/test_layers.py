"""DESIGN.md's layers: the window holds no SQL and no openpyxl; it calls core functions."""

from __future__ import annotations

import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "station_app" / "gui"

# peewee queries and transactions, raw SQL, and spreadsheet writing belong to the core
FORBIDDEN = re.compile(
    r"\.select\(|\.get_or_none\(|\.get_by_id\(|\.insert_many\(|execute_sql\(|\.atomic\(|"
    r"\bimport sqlite3\b|\bopenpyxl\b|\bSELECT\s|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b"
)


def test_gui_modules_hold_no_sql_and_no_openpyxl() -> None:
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        if "forms" in path.parts:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if FORBIDDEN.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(GUI.parent)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_catches_a_query() -> None:
    assert FORBIDDEN.search("rows = Complaint.select().where(Complaint.id == 1)")
    assert FORBIDDEN.search('db.execute_sql("SELECT 1")')
    assert not FORBIDDEN.search("self.table.selectRow(0)")
