"""The sync screens, driven as the officer and the county clerk would.

Station side (同步, in-process on the test station): export to a chosen folder, the history,
cancelling, the county's receipt. County side (服务站总览, 冲突审核, in-process on a county
installation): bundles made by stations through the ``station`` command in subprocesses, imported
through the screen; gaps, conflicts, a tampered file, a re-pinned key.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import x25519
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from station_app.clock import FixedClock
from station_app.gui.app.context import AppContext
from station_app.gui.app.dashboard import DashboardScreen
from station_app.gui.app.jobs import JobRunner
from station_app.gui.sync import stations_screen, sync_screen
from station_app.gui.sync.conflicts_screen import ConflictsScreen
from station_app.gui.sync.stations_screen import StationsScreen
from station_app.gui.sync.sync_screen import EXPORT_FOLDER_KEY, SyncScreen
from station_app.installation import Installation, init_station, open_installation
from station_app.paths import DataPaths
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.roster.template import write_roster_workbook
from station_app.settings import set_setting
from station_app.store.models import Complaint
from station_app.sync.bundle_crypto import COUNTY_RECIPIENT_SETTING, IDENTITY_FILE
from station_app.sync.county import list_conflicts, pinned_key
from station_app.sync.key_confirm import confirm_station_key
from station_app.sync.key_inbox import waiting_bundles
from station_app.sync.keys import existing_fingerprint
from station_app.sync.sent import pending_changes, unsent_records

from ..conftest import complaint_draft, connect_raw

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 30_000


def station_command(data_dir: Path, *args: str) -> str:
    """Run ``station --data-dir DATA_DIR ARGS…`` in a subprocess; its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def database_rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (to prove a refused import changed nothing)."""
    with contextlib.closing(connect_raw(database)) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def record_progress(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> list[tuple[int, int]]:
    """Wrap the core function ``module.name`` to record the progress it reports."""
    steps: list[tuple[int, int]] = []
    real = getattr(module, name)

    def recording(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        def step(done: int, total: int) -> None:
            steps.append((done, total))
            progress(done, total)

        return real(*args, progress=step, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return steps


# --- station: 同步 ---------------------------------------------------------------------------


@pytest.fixture
def sync(qtbot: QtBot, app_context: AppContext, ctx: Context) -> SyncScreen:
    register_complaint(ctx, complaint_draft())
    # as if the county's roster had brought its key (the receipt test uses a real county's)
    set_setting(COUNTY_RECIPIENT_SETTING, str(x25519.Identity.generate().to_public()))
    screen = SyncScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1100, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_the_station_exports_to_the_chosen_folder_and_the_history_shows_it(
    qtbot: QtBot,
    sync: SyncScreen,
    ctx: Context,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pending = pending_changes()
    assert pending > 0
    assert sync.pending_label.text() == f"{pending} 条变更尚未发送"
    assert sync.fingerprint_label.text().startswith("尚未生成")
    assert sync.history_empty.isVisible() and not sync.table.isVisible()
    usb = tmp_path / "usb"
    usb.mkdir()
    asked: list[bool] = []
    monkeypatch.setattr(sync, "choose_folder", lambda: asked.append(True) or str(usb))
    opened: list[Path] = []
    monkeypatch.setattr(sync_screen, "open_folder", opened.append)

    qtbot.mouseClick(sync.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sync.last_file is not None, timeout=WAIT_MS)

    written = usb / "TJ001_00001.stbundle"
    assert sync.last_file == written and written.is_file() and asked == [True]
    assert str(written) in sync.result_label.text()
    assert QSettings().value(EXPORT_FOLDER_KEY) == str(usb)
    assert sync.folder_label.text() == str(usb)
    assert sync.pending_label.text() == "所有变更都已导出"
    assert sync.fingerprint_label.text() == existing_fingerprint(app_context.installation.paths)
    assert sync.table.isVisible()
    assert [sync.model.index(0, c).data() for c in (0, 1, 2, 5)] == [
        "1",
        "TJ001_00001.stbundle",
        "增量",
        "未确认",
    ]
    qtbot.mouseClick(sync.open_button, Qt.MouseButton.LeftButton)
    assert opened == [usb]

    # the next export goes to the remembered folder without asking, with the progress reported
    register_complaint(ctx, complaint_draft())
    steps = record_progress(monkeypatch, sync_screen, "export_bundle_changes")
    handle = sync.export()
    assert handle is not None
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT_MS)
    assert asked == [True]
    assert (usb / "TJ001_00002.stbundle").is_file()
    assert steps and steps[-1][0] == steps[-1][1] > 0
    assert sync.export_button.isEnabled()
    assert [sync.model.index(r, 0).data() for r in range(2)] == ["2", "1"]


def test_cancelling_in_the_progress_dialog_writes_no_bundle(
    qtbot: QtBot,
    sync: SyncScreen,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    sync.set_folder(str(usb))
    monkeypatch.setattr(sync_screen, "SHOW_PROGRESS_AFTER_MS", 0)
    release = threading.Event()
    app_context.jobs.run_write(lambda: release.wait(WAIT_MS / 1000))  # the writer is busy

    handle = sync.export()
    assert handle is not None and sync.progress is not None
    qtbot.waitUntil(lambda: sync.progress.dialog is not None, timeout=WAIT_MS)
    dialog = sync.progress.dialog
    assert dialog.isVisible() and not sync.export_button.isEnabled()
    qtbot.mouseClick(sync.progress.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=WAIT_MS)

    assert "已取消导出" in sync.result_label.text()
    assert list(usb.iterdir()) == []
    assert sync.model.rowCount() == 0 and sync.export_button.isEnabled()


def test_the_county_receipt_marks_the_bundle_received(
    qtbot: QtBot,
    sync: SyncScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    sync.set_folder(str(usb))
    sync.export()
    qtbot.waitUntil(lambda: sync.last_file is not None, timeout=WAIT_MS)
    county = tmp_path / "county"
    said = station_command(county, "init", "--station-code", "XIAN", "--name", "通江县消协",
                           "--role", "county")  # fmt: skip
    recipient = re.search(r"age1[0-9a-z]+", said)
    assert recipient is not None
    set_setting(COUNTY_RECIPIENT_SETTING, recipient.group(0))  # the county's roster came
    sync.refresh()
    assert "县消协公钥指纹" in sync.county_key_label.text()
    sync.export()
    qtbot.waitUntil(lambda: sync.last_file and sync.last_file.name.endswith("2.stbundle"),
                    timeout=WAIT_MS)  # fmt: skip
    assert "待核对" in station_command(county, "bundle", "import", str(sync.last_file))
    fingerprint = existing_fingerprint(sync.app.installation.paths)
    assert fingerprint is not None
    station_command(county, "bundle", "confirm-key", "TJ001", fingerprint)
    receipt = Path(station_command(county, "receipt", "export", "--out", str(usb)).strip())
    monkeypatch.setattr(sync, "choose_receipt_file", lambda: str(receipt))

    qtbot.mouseClick(sync.receipt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sync.message is not None, timeout=WAIT_MS)

    assert "新确认送达 1 个数据包" in sync.message.text()
    assert "新确认送达 1 个数据包" in sync.receipt_label.text()
    assert sync.model.index(0, 5).data().startswith("县消协已收到（")  # number 2, sealed
    assert sync.model.index(1, 5).data() == "未确认"  # number 1 went to another county's key
    sync.message.close()


def test_the_dashboard_card_counts_unsent_changes_and_leads_to_sync(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    register_complaint(ctx, complaint_draft())
    dashboard = DashboardScreen(app_context)
    qtbot.addWidget(dashboard)
    dashboard.show()
    card = dashboard.sync_card
    assert card.isVisible()
    assert card.sentence_label.text() == "1 件投诉有变更，尚未发送给县消协"
    assert card.detail_label.text() == "还没有导出过数据包"
    app_context.jobs.announce(register_complaint(ctx, complaint_draft()).changes)
    assert card.sentence_label.text() == "2 件投诉有变更，尚未发送给县消协"
    assert card.sentence_label.text() == unsent_records().sentence()
    shown: list[str] = []
    dashboard.show_screen = shown.append  # type: ignore[attr-defined]  # as the main window
    qtbot.mouseClick(card.go_button, Qt.MouseButton.LeftButton)
    assert shown == ["sync"]


# --- county: 服务站总览 and 冲突审核 ------------------------------------------------------------


@pytest.fixture(scope="module")
def county_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A county made by the ``station`` command, and the roster it sends its stations: their
    rows, and its public key on the cover."""
    root = tmp_path_factory.mktemp("county")
    said = station_command(root / "data", "init", "--station-code", "XIAN", "--name",
                           "通江县消协", "--county-code", "511921", "--role", "county")  # fmt: skip
    recipient = re.search(r"age1[0-9a-z]+", said)
    assert recipient is not None
    rows = [[code, name, "511921", "", "", "", "", "", ""]
            for code, name in (("TJ001", "甲站"), ("TJ002", "乙站"), ("TJ003", "丙站"))]  # fmt: skip
    write_roster_workbook(
        root / "roster.xlsx",
        {"名册版本": "2026.1", "县级区划代码": "511921", "县消协加密公钥": recipient.group(0)},
        {"station": rows},
        parts=["station"],
    )
    return root


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory, county_template: Path) -> dict[str, Path]:
    """Bundles of two stations, made by the ``station`` command and sealed to the county's key
    from its roster: 甲站 1 and a full 2 (nothing new: it repeats everything), 乙站 1, 2 and 3."""
    root = tmp_path_factory.mktemp("stations")
    usb = root / "usb"
    jia, yi = root / "jia", root / "yi"
    station_command(jia, "init", "--station-code", "TJ001", "--name", "甲站")
    station_command(yi, "init", "--station-code", "TJ002", "--name", "乙站")
    for station in (jia, yi):
        station_command(station, "roster", "import", str(county_template / "roster.xlsx"))
    found: dict[str, Path] = {}
    station_command(jia, "demo", "--complaints", "6", "--visits", "3", "--seed", "1")
    found["jia1"] = Path(station_command(jia, "bundle", "export", "--out", str(usb)).strip())
    found["jia2"] = Path(
        station_command(jia, "bundle", "export", "--full", "--out", str(usb)).strip()
    )
    for number, seed in ((1, 2), (2, 3), (3, 4)):
        station_command(yi, "demo", "--complaints", "3", "--visits", "2", "--seed", str(seed))
        found[f"yi{number}"] = Path(
            station_command(yi, "bundle", "export", "--out", str(usb)).strip()
        )
    for name, station in (("TJ001", jia), ("TJ002", yi)):
        (root / f"{name}.fingerprint").write_text(str(existing_fingerprint(DataPaths(station))))
    found["fingerprints"] = root
    return found


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock, county_template: Path) -> Iterator[AppContext]:
    """A county installation (its own database, the key of ``county_template``), and what its
    screens are given."""
    keys_dir = tmp_path / "county" / "keys"
    keys_dir.mkdir(parents=True)
    shutil.copy(county_template / "data" / "keys" / IDENTITY_FILE, keys_dir / IDENTITY_FILE)
    inst: Installation = open_installation(tmp_path / "county")
    init_station(inst, code="XIAN", name="通江县消协", county_code="511921", role="county",
                 clock=clock)  # fmt: skip
    jobs = JobRunner()
    yield AppContext(installation=inst, jobs=jobs, clock=clock, actor="县消协录入员")
    jobs.shutdown()
    inst.close()


@pytest.fixture
def stations(qtbot: QtBot, county: AppContext) -> StationsScreen:
    screen = StationsScreen(county)
    qtbot.addWidget(screen)
    screen.resize(1150, 650)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: not screen.loading, timeout=WAIT_MS)
    return screen


def confirm_stations(county: AppContext, bundles: dict[str, Path]) -> None:
    """The clerk has confirmed 甲站's and 乙站's keys on the phone."""
    for code in ("TJ001", "TJ002"):
        fingerprint = (bundles["fingerprints"] / f"{code}.fingerprint").read_text()
        confirm_station_key(county.context(), county.installation.paths, code, fingerprint)


def import_through(
    qtbot: QtBot, screen: StationsScreen, monkeypatch: pytest.MonkeyPatch, *files: Path
) -> str:
    """Import ``files`` with the 导入数据包… button; the text of the report dialog."""
    monkeypatch.setattr(screen, "choose_bundle_files", lambda: [str(f) for f in files])
    screen.report_dialog = None
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report_dialog is not None, timeout=WAIT_MS)
    dialog = screen.report_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    dialog.close()
    qtbot.waitUntil(lambda: not screen.loading, timeout=WAIT_MS)
    return text


def overview(screen: StationsScreen) -> dict[str, list[str]]:
    model = screen.table.model()
    return {
        str(model.index(row, 0).data()): [
            str(model.index(row, column).data()) for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    }


def test_the_county_imports_bundles_and_sees_both_stations_and_the_missing_number(
    qtbot: QtBot,
    stations: StationsScreen,
    county: AppContext,
    bundles: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert stations.stack.currentWidget() is stations.empty_label
    confirm_stations(county, bundles)
    steps = record_progress(monkeypatch, stations_screen, "import_bundles_changes")

    text = import_through(qtbot, stations, monkeypatch, bundles["jia1"], bundles["yi1"])

    assert text.count("已导入") >= 2 and "未导入" not in text.split("\n", 1)[0]
    assert "TJ001_00001.stbundle" in text and "TJ002_00001.stbundle" in text
    assert "指纹" in text  # the keys pinned now, with their fingerprints
    assert steps and 0 < max(done for done, _ in steps) <= steps[-1][1]
    rows = overview(stations)
    assert set(rows) == {"甲站（TJ001）", "乙站（TJ002）"}
    assert rows["乙站（TJ002）"][1] == "1" and rows["乙站（TJ002）"][4] == ""
    assert int(rows["甲站（TJ001）"][5]) > 0  # open complaints of that station

    text = import_through(qtbot, stations, monkeypatch, bundles["yi3"])  # 2 never arrives
    assert "乙站（TJ002）：第 2 号数据包缺失" in text
    row = overview(stations)["乙站（TJ002）"]
    assert row[1] == "3" and row[3] == "2" and row[4] == "2"
    model = stations.table.model()
    missing = next(r for r in range(model.rowCount()) if model.index(r, 4).data() == "2")
    assert model.index(missing, 4).data(Qt.ItemDataRole.ForegroundRole).color().name() == (
        "#cf222e"
    )
    assert "1 个服务站有缺失的数据包" in stations.summary_label.text()

    # the receipt for the stations
    out = tmp_path / "receipt"
    monkeypatch.setattr(stations, "choose_receipt_folder", lambda: str(out))
    qtbot.mouseClick(stations.receipt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stations.last_receipt is not None, timeout=WAIT_MS)
    assert stations.last_receipt.parent == out and stations.last_receipt.is_file()
    assert str(stations.last_receipt) in stations.status_label.text()


def test_a_tampered_bundle_is_refused_with_its_reason_and_nothing_changes(
    qtbot: QtBot,
    stations: StationsScreen,
    county: AppContext,
    bundles: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    confirm_stations(county, bundles)
    tampered = tmp_path / bundles["jia1"].name
    shutil.copy(bundles["jia1"], tampered)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    before = database_rows(county.installation.paths.database)

    text = import_through(qtbot, stations, monkeypatch, tampered)

    assert "未导入" in text and "已损坏" in text
    assert "1 个未导入" in stations.status_label.text()
    assert database_rows(county.installation.paths.database) == before


def test_a_conflict_is_listed_compared_and_resolved_with_the_buttons(
    qtbot: QtBot,
    stations: StationsScreen,
    county: AppContext,
    bundles: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    confirm_stations(county, bundles)
    import_through(qtbot, stations, monkeypatch, bundles["jia1"])
    complaint = Complaint.select().where(Complaint.origin == "TJ001").first()
    Complaint.update(remarks="县里手工改过").where(Complaint.id == complaint.id).execute()
    text = import_through(qtbot, stations, monkeypatch, bundles["jia2"])
    assert "冲突" in text
    assert overview(stations)["甲站（TJ001）"][7] == "1"

    screen = ConflictsScreen(county)
    qtbot.addWidget(screen)
    screen.resize(1150, 650)
    screen.show()
    assert len(screen.conflicts()) == 1
    assert screen.selected_conflict() is not None  # the first one is selected
    assert screen.diff_model.differing_fields() == ["remarks"]
    diff = screen.diff_view.model()
    assert [diff.index(0, c).data() for c in range(3)] == ["备注", "县里手工改过", ""]
    assert diff.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    screen.only_different_check.setChecked(False)
    assert diff.rowCount() > 10
    assert diff.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None  # the same

    asked: list[str] = []
    monkeypatch.setattr(screen, "confirm_resolution", lambda c, keep: asked.append(keep) or False)
    qtbot.mouseClick(screen.keep_theirs_button, Qt.MouseButton.LeftButton)
    assert asked == ["theirs"] and len(list_conflicts()) == 1  # not confirmed: nothing done

    monkeypatch.setattr(screen, "confirm_resolution", lambda c, keep: asked.append(keep) or True)
    qtbot.mouseClick(screen.keep_theirs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.conflicts(), timeout=WAIT_MS)
    assert list_conflicts() == []
    assert Complaint.get_by_id(complaint.id).remarks != "县里手工改过"
    assert screen.list_stack.currentWidget() is screen.empty_label
    assert not screen.keep_mine_button.isEnabled() and not screen.keep_theirs_button.isEnabled()
    screen.resolved_check.setChecked(True)
    assert [screen.table.model().index(0, 6).data()] == ["采用了数据包"]


def test_the_clerk_repins_a_station_key_read_over_the_phone(
    qtbot: QtBot,
    stations: StationsScreen,
    county: AppContext,
    bundles: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    confirm_stations(county, bundles)
    import_through(qtbot, stations, monkeypatch, bundles["jia1"])
    stations.select_code("TJ001")
    dialog = stations.repin_key()
    assert dialog.station_code() == "TJ001"
    assert dialog.current_label.text() == pinned_key("TJ001").fingerprint  # type: ignore[union-attr]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.fingerprint_edit.setText("12 34")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "32 位" in dialog.error_label.text()

    dialog.fingerprint_edit.setText("ABCD" * 8)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pinned_key("TJ001").confirmed, timeout=WAIT_MS)  # type: ignore[union-attr]
    assert pinned_key("TJ001").fingerprint == " ".join(["abcd"] * 8)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "待确认" in overview(stations)["甲站（TJ001）"][8], timeout=WAIT_MS)


def test_a_bundle_from_an_unconfirmed_key_waits_until_the_clerk_confirms_it(
    qtbot: QtBot,
    stations: StationsScreen,
    county: AppContext,
    county_template: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """丙站 was never confirmed: its bundle waits in 待核对; 拒绝 asks first, 确认 merges it."""
    bing = tmp_path / "bing"
    station_command(bing, "init", "--station-code", "TJ003", "--name", "丙站")
    station_command(bing, "roster", "import", str(county_template / "roster.xlsx"))
    station_command(bing, "demo", "--complaints", "3", "--visits", "1", "--seed", "5")
    bundle = Path(station_command(bing, "bundle", "export", "--out", str(tmp_path)).strip())
    fingerprint = existing_fingerprint(DataPaths(bing))
    assert fingerprint is not None
    before = Complaint.select().where(Complaint.origin == "TJ003").count()

    text = import_through(qtbot, stations, monkeypatch, bundle)

    assert "待核对密钥，未合并" in text and fingerprint in text
    assert "1 个等待核对服务站密钥" in stations.status_label.text()
    inbox = stations.inbox
    qtbot.waitUntil(lambda: inbox.isVisible(), timeout=WAIT_MS)
    assert inbox.heading.text() == "待核对密钥的数据包：1 个"
    row = [inbox.table.model().index(0, c).data() for c in range(5)]
    assert row[0] == "丙站（TJ003）" and row[1] == "1" and row[4] == fingerprint
    assert fingerprint in inbox.fingerprint_label.text()
    assert Complaint.select().where(Complaint.origin == "TJ003").count() == before

    # 拒绝… asks first; cancelling leaves it waiting
    qtbot.mouseClick(inbox.reject_button, Qt.MouseButton.LeftButton)
    box = inbox.question
    assert box is not None and fingerprint in box.text()
    cancel = next(b for b in box.buttons() if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(waiting_bundles()) == 1

    # 确认该密钥… shows the fingerprint to compare on the phone; 一致，确认 merges the bundle
    qtbot.mouseClick(inbox.confirm_button, Qt.MouseButton.LeftButton)
    box = inbox.question
    assert box is not None and fingerprint in box.text() and "丙站（TJ003）" in box.text()
    agree = next(b for b in box.buttons() if b.text() == "一致，确认")
    qtbot.mouseClick(agree, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.report_dialog is not None, timeout=WAIT_MS)
    assert "已导入丙站（TJ003）第 1 号数据包" in inbox.report_dialog.text()
    inbox.report_dialog.close()
    qtbot.waitUntil(lambda: not inbox.isVisible(), timeout=WAIT_MS)
    assert waiting_bundles() == []
    assert Complaint.select().where(Complaint.origin == "TJ003").count() > before
    qtbot.waitUntil(lambda: "丙站（TJ003）" in overview(stations), timeout=WAIT_MS)
    assert pinned_key("TJ003").fingerprint == fingerprint  # type: ignore[union-attr]
