"""Combo boxes filled from choices and code lists, and read back: shared by every form and list
screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox

from station_app import codes
from station_app.registry.choices import Choice


def fill_combo(combo: QComboBox, choices: Iterable[Choice], all_label: str | None = None) -> None:
    """Replace a combo's items; ``all_label`` adds a first "all" item whose data is ``None``."""
    combo.blockSignals(True)
    combo.clear()
    if all_label is not None:
        combo.addItem(all_label, None)
    for choice in choices:
        combo.addItem(choice.label, choice.value)
    combo.setCurrentIndex(0 if all_label is not None else -1)
    combo.blockSignals(False)


def code_choices(code_list: codes.CodeList, include: Iterable[str | None] = ()) -> list[Choice]:
    """Active entries of a code list, plus retired ones an old record still uses."""
    wanted = {code for code in include if code}
    return [
        Choice(e.code, codes.label_of(e))
        for e in code_list.entries()
        if e.active or e.code in wanted
    ]


def select_data(combo: QComboBox, value: Any) -> bool:
    """Select the item holding ``value``; nothing selected (placeholder) when absent."""
    index = combo.findData(value) if value is not None else -1
    combo.setCurrentIndex(index)
    return index >= 0


def combo_value(combo: QComboBox) -> Any:
    return combo.currentData() if combo.currentIndex() >= 0 else None
