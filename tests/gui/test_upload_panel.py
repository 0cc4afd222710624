"""同步 → 上传到县消协: the officer presses the button while offline; the bundle waits (等待网络)
and goes up by itself, with no click, once the county's service (a real one, in a subprocess) is
up; the window is never blocked meanwhile."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyrage
from pytestqt.qtbot import QtBot

from station_app.gui.app.context import AppContext
from station_app.gui.sync.sync_screen import SyncScreen
from station_app.gui.sync.upload_panel import UploadPanel
from station_app.settings import set_setting
from station_app.sync import keys
from station_app.sync.bundle_crypto import COUNTY_RECIPIENT_SETTING, IDENTITY_FILE
from station_app.sync.upload_protocol import UPLOAD_URL_SETTING
from station_app.sync.upload_queue import QUEUED, RECEIVED, queue_items

from ..core.county_server import free_port, running

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 30_000


def county_data_dir(root: Path) -> Path:
    """A county installation made by the ``station`` command (this process stays the station)."""
    subprocess.run(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(root), "init",
         "--station-code", "XIAN", "--name", "通江县消费者协会", "--county-code", "511921",
         "--role", "county"],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return root


def test_upload_waits_offline_and_goes_up_by_itself(
    app_context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    screen = SyncScreen(app_context)
    qtbot.addWidget(screen)
    panel: UploadPanel = screen.upload_panel
    assert not panel.upload_button.isEnabled()
    assert "未设置县消协上传地址" in panel.address_label.text()

    # the county exists already; its public key reached this station with its roster
    county = county_data_dir(tmp_path / "county")
    identity = (county / "keys" / IDENTITY_FILE).read_text("ascii").strip()
    set_setting(
        COUNTY_RECIPIENT_SETTING, str(pyrage.x25519.Identity.from_str(identity).to_public())
    )
    port = free_port()
    set_setting(UPLOAD_URL_SETTING, f"http://127.0.0.1:{port}")
    panel.refresh()
    assert panel.upload_button.isEnabled()
    assert f"127.0.0.1:{port}" in panel.address_label.text()

    panel.upload_button.click()  # no service: the bundle is written and waits
    qtbot.waitUntil(
        lambda: [(i.state, i.attempts) for i in queue_items()] == [(QUEUED, 1)], timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT_MS)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 1).data() == "等待网络"
    assert "无法连接" in panel.model.index(0, 2).data()
    assert panel.status_label.text() == "1 个数据包等待网络，联网后自动上传"
    assert screen.model.rowCount() == 1  # the history shows the bundle written to the outbox
    screen.resize(1366, 768)
    screen.grab().save(str(tmp_path / "upload-waiting.png"))

    # the county's clerk confirmed this station's key by phone before the network came back
    fingerprint = keys.existing_fingerprint(app_context.installation.paths)
    assert fingerprint is not None
    subprocess.run(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(county), "bundle",
         "confirm-key", app_context.installation.identity().code, fingerprint],  # type: ignore[union-attr]
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with running(county, port=port):
        app_context.clock.advance(minutes=1)  # type: ignore[attr-defined]
        panel.schedule()  # the panel's own timer: it is due now, nobody clicks
        assert panel.timer.isActive()
        qtbot.waitUntil(lambda: [i.state for i in queue_items()] == [RECEIVED], timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not panel.busy, timeout=WAIT_MS)
    assert panel.model.index(0, 1).data() == "县消协已收到"
    assert "县消协已收到" in screen.model.index(0, 5).data()  # the receipt came with the answer
    assert panel.status_label.text() == ""
    assert not panel.timer.isActive()  # nothing left to try
