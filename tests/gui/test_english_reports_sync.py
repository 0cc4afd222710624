"""The core's sentences of statistics and sync reach the window in English.

Indicator names and units of the 统计 table, the ledger's refusals, a refused bundle's reason
(damaged file, path escape, zip bomb, newer format …), the receipt's report, the station
overview's missing numbers, a conflict's reason and the fingerprint checks: with the English
translation installed none of them shows Chinese except data (station names and codes).
Without a translator (the ``station`` command) they stay Chinese, as the core tests check.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from station_app.gui.app.context import AppContext
from station_app.gui.reports.stats_screen import StatsScreen
from station_app.gui.sync.conflicts_screen import ConflictsScreen
from station_app.gui.sync.stations_screen import StationsScreen
from station_app.gui.sync.sync_screen import SyncScreen
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.reports.ledger import LedgerCancelled, LedgerWriteFailed
from station_app.store.models import database_proxy
from station_app.sync import keys
from station_app.sync.bundle_format import (
    CHECKSUM_PREFIX,
    FORMAT_NAME,
    MANIFEST,
    SIGNATURE,
    SyncCancelled,
    check_cancel,
    seal_file,
)
from station_app.sync.county import gap_sentence, list_conflicts, seq_text
from station_app.sync.export import _CANCELLED as EXPORT_CANCELLED
from station_app.sync.receipts import RECEIPT_FORMAT, RECEIPT_VERSION, _canonical
from station_app.workflow import transitions

from ..conftest import complaint_draft
from .test_sync_screens import county, county_template, stations  # noqa: F401 - fixtures
from .test_translations import (  # noqa: F401 - fixtures
    CHINESE,
    assert_english,
    column_texts,
    english,
    shown_texts,
)

WAIT_MS = 30_000


class Cancelled:
    """A cancel flag already set."""

    def is_set(self) -> bool:
        return True


# --- 统计 ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_indicator_names_and_units_are_english(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    identity = app_context.installation.identity()
    assert identity is not None
    data = [identity.code, identity.name, app_context.actor]

    stats = StatsScreen(app_context)
    qtbot.addWidget(stats)
    stats.show()
    qtbot.waitUntil(lambda: not stats.is_loading() and stats.model.rowCount() > 0, timeout=WAIT_MS)
    names = [name.strip() for name in column_texts(stats.table, 0)]
    units = column_texts(stats.table, 1)
    # every name, the core's own ones included, is English now: no allowance for core labels
    assert_english([("indicator", name) for name in names], data)
    assert_english([("unit", unit) for unit in units], data)
    for wanted in ("Complaints accepted", "Money recovered", "Closing rate", "Education events"):
        assert wanted in names
    row = names.index("Complaints accepted")
    assert units[row] == "cases"
    assert stats.table.model().index(row, 2).data() == "1"  # the figure itself
    assert units[names.index("Money recovered")] == "yuan"


@pytest.mark.usefixtures("english")
def test_the_ledgers_refusals_are_shown_in_english(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    stats = StatsScreen(app_context)
    qtbot.addWidget(stats)
    target = tmp_path / "ledger.xlsx"
    full = LedgerWriteFailed(target, OSError(errno.ENOSPC, "No space left on device"))
    assert "台账" in str(full)  # the core's sentence is Chinese (the ledger's own language) …
    for error, words in (
        (full, "disk is full"),
        (LedgerWriteFailed(target, OSError(errno.EACCES, "Permission denied")), "permission"),
        (LedgerWriteFailed(target, OSError(errno.ENOENT, "No such file")), "does not exist"),
        (LedgerCancelled(), "cancelled"),
    ):
        text = stats.ledger_error_text(error)  # … the window says it in English
        assert words in text and not CHINESE.search(text), text
    stats._export_failed(full)
    assert str(target) in stats.status_label.text()
    assert_english([("status", stats.status_label.text())], [])
    assert stats.failure_box is not None and not CHINESE.search(stats.failure_box.text())
    stats.failure_box.close()


# --- 同步 (station) ---------------------------------------------------------------------------


def signed_receipt(
    path: Path, station: str, bundles: list[dict[str, object]], missing: list[int]
) -> Path:
    """A receipt as the county writes it, signed by a fresh county key."""
    key = keys.Ed25519PrivateKey.generate()
    public_key = keys.public_key_bytes(key)
    receipt = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "county": {"code": "XIAN", "name": "通江县消协"},
        "created_at": "2026-11-20T02:00:00Z",
        "key": {"public_key": public_key.hex(), "fingerprint": keys.fingerprint(public_key)},
        "stations": [{"code": station, "name": "甲站", "bundles": bundles, "missing": missing}],
    }
    document = {"receipt": receipt, "signature": keys.sign(key, _canonical(receipt)).hex()}
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def sync(qtbot: QtBot, app_context: AppContext, ctx: Context) -> SyncScreen:
    register_complaint(ctx, complaint_draft())
    screen = SyncScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1100, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def import_receipt_file(qtbot: QtBot, screen: SyncScreen, path: Path) -> str:
    screen.message = None
    screen.choose_receipt_file = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(screen.receipt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message is not None, timeout=WAIT_MS)
    assert screen.message is not None
    text = screen.message.text()
    assert text == screen.receipt_label.text()
    screen.message.close()
    return text


@pytest.mark.usefixtures("english")
def test_receipt_reports_and_refusals_are_english(
    qtbot: QtBot, sync: SyncScreen, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    sync.set_folder(str(usb))
    sync.export()
    qtbot.waitUntil(lambda: sync.last_file is not None, timeout=WAIT_MS)
    sent = database_proxy.connection().execute("SELECT manifest_sha256 FROM bundle_export")
    sha = sent.fetchone()[0]
    data = ["通江县消协", "甲站"]

    text = import_receipt_file(
        qtbot,
        sync,
        signed_receipt(
            tmp_path / "a.streceipt",
            "TJ001",
            [{"seq": 1, "manifest_sha256": sha, "imported_at": "2026-11-20 02:00:00"}],
            [2, 3, 5],
        ),
    )
    assert "Bundles newly confirmed as delivered: 1." in text
    assert "Bundles the county has not received: 2–3, 5." in text
    assert_english([("receipt report", text)], data)
    assert_english([("history", text) for text in column_texts(sync.table, 5)], [])

    # signed by another key than the county's, pinned at the first receipt: refused
    text = import_receipt_file(
        qtbot, sync, signed_receipt(tmp_path / "b.streceipt", "TJ001", [], [])
    )
    assert "signed by a different key" in text and "not imported" in text
    assert_english([("receipt refusal", text)], data)

    # not a receipt at all
    junk = tmp_path / "junk.streceipt"
    junk.write_text("{}", "utf-8")
    text = import_receipt_file(qtbot, sync, junk)
    assert text == "junk.streceipt is not a receipt file."


@pytest.mark.usefixtures("english")
def test_a_damaged_key_file_and_a_cancelled_export_are_english(
    sync: SyncScreen, app_context: AppContext
) -> None:
    paths = app_context.installation.paths
    paths.keys.mkdir(parents=True, exist_ok=True)
    (paths.keys / keys.KEY_FILE).write_text("not a key", "utf-8")
    sync.refresh()
    text = sync.fingerprint_label.text()
    assert "cannot be read or is damaged" in text
    assert_english([("fingerprint", text)], [])

    with pytest.raises(SyncCancelled) as raised:
        check_cancel(Cancelled(), EXPORT_CANCELLED)
    assert str(raised.value) == "Export cancelled; no bundle was written."


def test_without_a_translator_the_core_stays_chinese() -> None:
    """The ``station`` command (no translator installed) prints the Chinese sentences."""
    assert seq_text([2, 3, 5]) == "2–3、5"
    with pytest.raises(SyncCancelled, match="已取消导出"):
        check_cancel(Cancelled(), EXPORT_CANCELLED)


# --- 服务站总览 and 冲突审核 (county) ----------------------------------------------------------


def write_zip(path: Path, entries: dict[str, bytes], *, sealed: bool = True) -> Path:
    """A zip with ``entries`` and the bundle's checksum comment (so the later checks run)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.comment = CHECKSUM_PREFIX + b"0" * 64
        for name, content in entries.items():
            archive.writestr(name, content)
    if sealed:
        seal_file(path)
    return path


def bad_bundles(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files each refused for one reason, with an English phrase of that reason."""
    folder.mkdir()
    truncated = folder / "truncated.stbundle"
    truncated.write_bytes(b"PK\x03\x04 only the start of a zip")
    newer = json.dumps({"format": FORMAT_NAME, "format_version": 99}).encode()
    return {
        "truncated": (truncated, "not a complete bundle"),
        "escape": (
            write_zip(folder / "escape.stbundle", {"../evil.txt": b"x"}),
            "path escaping its folder",
        ),
        "bomb": (
            write_zip(folder / "bomb.stbundle", {"parts/complaint.ndjson": b"\0" * 4_000_000}),
            "suspected zip bomb",
        ),
        "newer": (
            write_zip(folder / "newer.stbundle", {MANIFEST: newer, SIGNATURE: b"\0" * 64}),
            "please upgrade the program first",
        ),
        "checksum": (
            write_zip(folder / "checksum.stbundle", {MANIFEST: b"{}"}, sealed=False),
            "checksum",
        ),
    }


@pytest.mark.usefixtures("english")
def test_refused_bundles_give_their_reasons_in_english(
    qtbot: QtBot,
    stations: StationsScreen,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = bad_bundles(tmp_path / "bad")
    monkeypatch.setattr(
        stations, "choose_bundle_files", lambda: [str(f) for f, _ in files.values()]
    )
    qtbot.mouseClick(stations.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stations.report_dialog is not None, timeout=WAIT_MS)
    dialog = stations.report_dialog
    assert dialog is not None
    reports = {report.file.name: report.message for report in dialog.reports}
    for path, phrase in files.values():
        message = reports[path.name]
        assert message.startswith(f"{path.name}: ") and message.endswith("; not imported.")
        assert phrase in message, message
    assert "format version is 99" in reports["newer.stbundle"]
    assert_english([("import report", dialog.text())], [])
    assert_english(shown_texts(dialog), [])
    assert_english([("status", stations.status_label.text())], [])
    dialog.close()


@pytest.mark.usefixtures("english")
def test_the_overview_and_conflicts_speak_english(
    qtbot: QtBot,
    county: AppContext,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connection = database_proxy.connection()
    with database_proxy.atomic():
        for seq in (1, 4, 6):  # 2, 3 and 5 never arrived
            connection.execute(
                "INSERT INTO received_bundle (station_code, seq, manifest_sha256, file_name, full,"
                " change_seq_from, change_seq_to, records, created_at, imported_at, summary)"
                " VALUES ('TJ002', ?, ?, 'f', 0, 1, 1, 1, '2026-11-19', '2026-11-19 02:00:00',"
                " '{}')",
                (seq, f"{seq:064d}"),
            )
        connection.execute(
            "INSERT INTO sync_conflict (table_name, record_uid, station_code, bundle_seq, kind,"
            " mine, theirs, theirs_sha256, detected_at) VALUES ('no_such_table', 'u1', 'TJ002',"
            ' 6, \'same_version\', NULL, \'{"uid": "u1", "name": "甲"}\', \'x\','
            " '2026-11-19 02:00:00')"
        )
    assert gap_sentence("TJ002", "乙站") == "乙站（TJ002）: bundles missing: 2–3, 5"
    assert list_conflicts()[0].reason == "Same version, different content"

    screen = StationsScreen(county)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 1, timeout=WAIT_MS)
    assert column_texts(screen.table, 4) == ["2–3, 5"]

    # the clerk types a wrong fingerprint
    dialog = screen.repin_key()
    dialog.fingerprint_edit.setText("12 34")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert dialog.error_label.text().startswith("A fingerprint is 32 hexadecimal characters")
    dialog.reject()

    # a conflict that cannot take the station's version says why, in English
    conflicts = ConflictsScreen(county)
    qtbot.addWidget(conflicts)
    conflicts.show()
    assert conflicts.selected_conflict() is not None
    monkeypatch.setattr(conflicts, "confirm_resolution", lambda c, keep: True)
    qtbot.mouseClick(conflicts.keep_theirs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: conflicts.message is not None, timeout=WAIT_MS)
    assert conflicts.message is not None
    text = conflicts.message.text()
    assert text == "This program has no table no_such_table; the station's version cannot be used."
    conflicts.message.close()
