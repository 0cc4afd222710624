"""How the monthly indicators' figures are written: one place for ``station stats`` and the
statistics screen.

``kind`` is an indicator's kind (:data:`station_app.reports.indicators.Kind`): a ``count``
(``1,234``), ``money`` in fen written in yuan (``12,345.00``), a ``rate`` (a share, written in per
cent, ``68.75%``), or a ``heading`` that has no figures. A figure that cannot be computed (a rate of
nothing, no last year) is ``—``.
"""

from __future__ import annotations

from collections.abc import Callable

NO_FIGURE = "—"


def chinese_points(number: str) -> str:
    """A rate's change in percentage points, as the command line writes it: ``+1.25个百分点``."""
    return f"{number}个百分点"


def figure_text(kind: str, value: int | float | None) -> str:
    """本月 / 本年累计 / 去年同期."""
    if kind == "heading":
        return ""
    if value is None:
        return NO_FIGURE
    if kind == "money":
        return f"{value / 100:,.2f}"
    if kind == "rate":
        return f"{value * 100:.2f}%"
    return f"{int(value):,}"


def change_text(
    kind: str,
    value: int | float | None,
    *,
    points: Callable[[str], str] = chinese_points,
    plain_zero: bool = False,
) -> str:
    """增减数 with its sign; a rate's change in percentage points, named by ``points`` (the window
    passes its translation). ``plain_zero``: no change is written without a sign (``0``, ``0.00``),
    as the window does; the command line writes ``+0``."""
    if kind == "heading":
        return ""
    if value is None:
        return NO_FIGURE
    if plain_zero and value == 0:
        return "0.00" if kind == "money" else "0"
    if kind == "money":
        return f"{value / 100:+,.2f}"
    if kind == "rate":
        return points(f"{value * 100:+.2f}")
    return f"{int(value):+,}"


def change_percent_text(kind: str, value: float | None) -> str:
    """增减%: the change against last year's figure, in per cent."""
    if kind == "heading":
        return ""
    return NO_FIGURE if value is None else f"{value * 100:+.2f}%"
