"""The county's table of its stations: one line per station with its bundles, gaps, complaint load,
open conflicts and whether its key is confirmed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app.gui.sync.screen_parts import local_time_text
from station_app.gui.widgets.rows_model import DeclaredRowsModel, RowColumn, count_column
from station_app.sync.county import StationSyncState, seq_text, stations_sync_state
from station_app.sync.overview import ComplaintLoad, complaint_load_by_origin

MISSING_COLOR = "#cf222e"


WARNING_COLOR = "#9a6700"


OK_COLOR = "#1a7f37"


@dataclass(frozen=True)
class StationLine:
    """One line of the overview: the station's sync state and its complaint load."""

    state: StationSyncState
    load: ComplaintLoad


def overview_lines(on: dt.date) -> list[StationLine]:
    """Every station's line (runs off the GUI thread: the load reads all open complaints)."""
    loads = complaint_load_by_origin(on)
    return [
        StationLine(s, loads.get(s.station_code, ComplaintLoad())) for s in stations_sync_state()
    ]


def _key_text(line: StationLine) -> str:
    """The pinned fingerprint; one re-pinned by a clerk is marked until a bundle confirms it."""
    fingerprint = line.state.fingerprint or ""
    if fingerprint and not line.state.key_confirmed:
        return QCoreApplication.translate("StationTableModel", "%1（待确认）").replace(
            "%1", fingerprint
        )
    return fingerprint


def _key_tooltip(line: StationLine) -> str:
    if not line.state.fingerprint:
        return QCoreApplication.translate("StationTableModel", "尚未登记密钥")
    if line.state.key_confirmed:
        return QCoreApplication.translate("StationTableModel", "密钥已确认：%1").replace(
            "%1", line.state.fingerprint
        )
    return QCoreApplication.translate(
        "StationTableModel", "由县消协重新登记，下一个用它签名的数据包到达时生效：%1"
    ).replace("%1", line.state.fingerprint)


STATION_COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("StationTableModel", "服务站"), lambda r: r.state.label),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "最近数据包"),
        lambda r: str(r.state.last_seq) if r.state.last_seq else "",
        lambda r: r.state.last_seq,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "收到时间"),
        lambda r: local_time_text(r.state.last_imported_at),
        lambda r: r.state.last_imported_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "已收数据包"),
        lambda r: str(r.state.bundles),
        lambda r: r.state.bundles,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "缺失编号"),
        lambda r: seq_text(r.state.missing),
        lambda r: len(r.state.missing),
        color=lambda r: MISSING_COLOR if r.state.missing else None,
        bold=lambda r: bool(r.state.missing),
    ),
    count_column(QT_TRANSLATE_NOOP("StationTableModel", "未办结投诉"), lambda r: r.load.open),
    count_column(
        QT_TRANSLATE_NOOP("StationTableModel", "已超期"),
        lambda r: r.load.overdue,
        color=lambda r: MISSING_COLOR if r.load.overdue else None,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "待审冲突"),
        lambda r: str(r.state.open_conflicts),
        lambda r: r.state.open_conflicts,
        color=lambda r: WARNING_COLOR if r.state.open_conflicts else None,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "密钥指纹"),
        _key_text,
        color=lambda r: None if r.state.key_confirmed else WARNING_COLOR,
        tooltip=_key_tooltip,
    ),
]


COLUMN_SAMPLES = {
    0: "诺江镇消费维权服务站（TJ001）",
    1: "00000",
    2: "2026-11-20 10:00",
    3: "000",
    4: "7、9–12",
    5: "0,000",
    6: "000",
    7: "000",
    8: "62d1 4015 27be 5d4e e58a 7a7b a14e 8b92",  # takes what is left; full in its tooltip
}


class StationTableModel(DeclaredRowsModel):
    CONTEXT = "StationTableModel"
    COLUMNS = STATION_COLUMNS
