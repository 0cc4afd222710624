"""A dialog's first size, kept inside the screen it opens on (old laptops have small screens)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width = min(width, screen.width() - 20)
        height = min(height, screen.height() - 40)
    dialog.resize(width, height)
