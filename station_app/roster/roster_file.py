"""Reading a roster file, whatever the county sent: a CSV file is parsed here, in Python, within the
cell limits; a spreadsheet (.xlsx, .xls, .et, .ods) is read in a contained child process
(``contained_read``), after the checks of ``file_limits``.

This module sits above both ``sheet_reader`` (how one file is read) and ``contained_read`` (where it
is read), so neither has to know the other's caller.
"""

from __future__ import annotations

from pathlib import Path

from station_app.file_limits import MAX_ROSTER_FILE_BYTES, check_input_file
from station_app.messages import msg
from station_app.roster.contained_read import read_contained
from station_app.roster.sheet_reader import (
    OLE_MAGIC,
    SUPPORTED_SUFFIXES,
    ZIP_MAGIC,
    CancelFlag,
    Progress,
    Workbook,
    WorkbookUnreadable,
    open_failed,
    read_csv,
    read_spreadsheet_here,
)


def read_workbook(
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    contained: bool = True,
) -> Workbook:
    """Read a workbook or CSV file; raises ``WorkbookUnreadable`` or ``ReadCancelled``.

    Refused before reading (see ``file_limits``): anything but a regular file, a file over
    ``MAX_ROSTER_FILE_BYTES``. A spreadsheet is read in a contained child process
    (``contained_read``) unless ``contained`` is false (the child itself); a CSV file is parsed
    here, in Python, within the cell limits."""
    path = Path(path)
    name = path.name.replace("\n", " ")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or msg("没有扩展名")
        raise WorkbookUnreadable(
            msg(
                "不支持“{name}”的文件格式（{suffix}），请另存为 .xlsx、.xls 或 .csv 后再导入。",
                name=name,
                suffix=shown,
            )
        )
    check_input_file(path, MAX_ROSTER_FILE_BYTES, WorkbookUnreadable)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookUnreadable(open_failed(name, exc)) from None
    if suffix == ".csv" and not head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return read_csv(path, name, progress, cancel)
    if contained:
        return read_contained(path, progress=progress, cancel=cancel)
    return read_spreadsheet_here(path, progress=progress, cancel=cancel)
