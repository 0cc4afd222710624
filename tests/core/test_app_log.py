"""The rotating log file: set up once per folder, tracebacks written, rotation at 1 MB."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from station_app import app_log


@pytest.fixture(autouse=True)
def _fresh_log() -> Iterator[None]:
    app_log.close_logging()
    yield
    app_log.close_logging()


def test_writes_to_rotating_file_under_logs(tmp_path: Path) -> None:
    path = app_log.setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "station.log"
    assert app_log.log_file() == path.resolve()
    logging.getLogger("station.test").warning("投诉登记失败 %s", "TJ001-2026-0001")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        app_log.log_unhandled(*sys.exc_info())  # type: ignore[arg-type]
    text = path.read_text(encoding="utf-8")
    assert "投诉登记失败 TJ001-2026-0001" in text
    assert "Traceback" in text and "RuntimeError: boom" in text

    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(handlers) == 1
    assert handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 5


def test_the_upload_client_logs_no_addresses(tmp_path: Path) -> None:
    path = app_log.setup_logging(tmp_path / "logs")
    logging.getLogger("httpx").info('HTTP Request: POST https://127.0.0.1:8443/upload "200 OK"')
    logging.getLogger("httpx").warning("upload retried")
    text = path.read_text(encoding="utf-8")
    assert "127.0.0.1:8443" not in text
    assert "upload retried" in text


def test_set_up_once(tmp_path: Path) -> None:
    first = app_log.setup_logging(tmp_path)
    second = app_log.setup_logging(tmp_path)
    assert first == second
    logging.getLogger("station").warning("once")
    assert first.read_text(encoding="utf-8").count("once") == 1


def test_moves_to_another_folder(tmp_path: Path) -> None:
    app_log.setup_logging(tmp_path / "a")
    path = app_log.setup_logging(tmp_path / "b")
    logging.getLogger("station").warning("here")
    assert "here" in path.read_text(encoding="utf-8")
    assert "here" not in (tmp_path / "a" / "station.log").read_text(encoding="utf-8")


def test_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = app_log.setup_logging(tmp_path)
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler))
    monkeypatch.setattr(handler, "maxBytes", 2_000)
    for i in range(200):
        logging.getLogger("station").warning("line %03d %s", i, "x" * 40)
    assert (tmp_path / "station.log.1").exists()
    assert path.stat().st_size <= 2_000
