"""Printed documents as A4 PDF: Chinese text really in the file, pages as the paper needs.

The text is read back with ``pdftotext`` (Debian's poppler-utils) and NFKC-normalised (a PDF may
give CJK radicals or full-width forms for the characters printed).
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QToolBar
from pytestqt.qtbot import QtBot

from station_app.documents import (
    MEDIATION_AGREEMENT,
    NOT_ACCEPTED_NOTICE,
    DocumentContent,
    document_content,
    printable_documents,
)
from station_app.gui import printing
from station_app.registry.context import Context
from station_app.store.models import Complaint

from ..conftest import STATION_NAME
from ..core.test_document_content import COMPLAINANT, ended, followed_up, refused

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs pdftotext (apt-get install poppler-utils)"
)


# A PDF maps each glyph back to one character; where a CJK font draws a radical and an ideograph
# with the same glyph, pdftotext may give the radical. NFKC folds the Kangxi radicals but not
# these (CJK Radicals Supplement), so fold the simplified ones this text can contain by hand.
RADICALS = str.maketrans(
    "⻚⻓⻔⻛⻅⻉⻋⻢⻥⻩⻬⻮⻘⻜⻄⻆⻙⻠", "页长门风见贝车马鱼黄齐齿青飞西角韦饣"
)


def squeeze(text: str) -> str:
    """``text`` NFKC-normalised, radicals folded, whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", text).translate(RADICALS).split())


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, NFKC-normalised, whitespace removed."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    pages = result.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [squeeze(page) for page in pages]


def every_document(ctx: Context) -> list[tuple[Complaint, str]]:
    """Each of the six documents once: from a followed-up, a refused and an ended complaint."""
    done, no, stop = followed_up(ctx), refused(ctx), ended(ctx)
    found: dict[str, Complaint] = {}
    for complaint in (done, no, stop):
        for kind, _ in printable_documents(complaint.id):
            found.setdefault(kind, complaint)
    assert len(found) == 6
    return [(complaint, kind) for kind, complaint in found.items()]


def test_each_document_prints_in_chinese(ctx: Context, qapp: QApplication, tmp_path: Path) -> None:
    for complaint, kind in every_document(ctx):
        content = document_content(kind, complaint.id)
        path = printing.write_pdf(content, tmp_path / f"{kind}.pdf")
        pages = pdf_pages(path)
        text = "".join(pages)
        assert COMPLAINANT in text, kind
        assert complaint.number in text, kind
        assert squeeze(content.reference) in text, kind
        assert STATION_NAME in text, kind
        assert squeeze(content.title) in text, kind
        if kind == MEDIATION_AGREEMENT:
            assert len(pages) == 3
            for page, copy in zip(pages, content.copies, strict=True):
                assert squeeze(copy) in page
                assert "本协议一式三份" in page
                assert "壹仟贰佰叁拾肆元伍角整" in page
                assert "第1页共1页" in page
        else:
            assert len(pages) == 1, kind
            assert "第1页共1页" in pages[0]


def test_not_accepted_notice_cites_the_ground_item_in_the_pdf(
    ctx: Context, qapp: QApplication, tmp_path: Path
) -> None:
    complaint = refused(ctx)
    content = document_content(NOT_ACCEPTED_NOTICE, complaint.id)
    text = "".join(pdf_pages(printing.write_pdf(content, tmp_path / "no.pdf")))
    assert "依据《市场监督管理投诉举报处理暂行办法》第十五条第(三)项的规定" in text


def test_pdf_is_a4(ctx: Context, qapp: QApplication, tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("needs pdfinfo")
    complaint = followed_up(ctx)
    path = printing.write_pdf(document_content("registration", complaint.id), tmp_path / "a.pdf")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "A4" in info.stdout or "595" in info.stdout
    assert QPageSize(QPageSize.PageSizeId.A4).sizePoints().width() == 595


def test_long_facts_flow_onto_a_second_numbered_page(
    ctx: Context, qapp: QApplication, tmp_path: Path
) -> None:
    complaint = followed_up(ctx)
    complaint.facts = "复合肥结块，玉米苗发黄。" * 300
    complaint.save()
    content = document_content("registration", complaint.id)
    pages = pdf_pages(printing.write_pdf(content, tmp_path / "long.pdf"))
    assert len(pages) >= 2
    assert f"第1页共{len(pages)}页" in pages[0]
    assert f"第{len(pages)}页共{len(pages)}页" in pages[-1]


def _content(ctx: Context) -> DocumentContent:
    return document_content(MEDIATION_AGREEMENT, followed_up(ctx).id)


def test_print_preview_paints_every_copy_and_offers_save(
    ctx: Context, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _content(ctx)
    dialog = printing.print_preview_dialog(None, content)
    qtbot.addWidget(dialog)
    painted: list[int] = []
    dialog.paintRequested.connect(lambda printer: painted.append(1))
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert isinstance(dialog, QPrintPreviewDialog)
    toolbar = dialog.findChild(QToolBar)
    assert toolbar is not None
    save = next(a for a in toolbar.actions() if a.objectName() == "savePdf")
    assert save.text() == "保存为 PDF…"

    target = tmp_path / "chosen"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    save.trigger()
    saved = target.with_name("chosen.pdf")
    assert len(pdf_pages(saved)) == 3
    dialog.close()


def test_the_printer_gets_the_same_pages(ctx: Context, qtbot: QtBot, tmp_path: Path) -> None:
    """The preview's printer (1200 dpi, not the PDF writer's 300) lays out the same sheets."""
    content = _content(ctx)
    dialog = printing.print_preview_dialog(None, content)
    qtbot.addWidget(dialog)
    printer = dialog._printer  # type: ignore[attr-defined]
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    assert printing.render(content, printer) == 3
    pages = pdf_pages(tmp_path / "printer.pdf")
    assert len(pages) == 3
    assert all(COMPLAINANT in page and "第1页共1页" in page for page in pages)


def test_show_print_preview_opens_modally(ctx: Context, qtbot: QtBot) -> None:
    content = _content(ctx)
    seen: list[str] = []

    def close_it() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QPrintPreviewDialog):
            seen.append(widget.windowTitle())
            widget.reject()
        else:
            QTimer.singleShot(50, close_it)

    QTimer.singleShot(50, close_it)
    printing.show_print_preview(None, content)
    assert seen and "调解协议书" in seen[0]


def test_save_pdf_dialog_cancelled_writes_nothing(
    ctx: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _content(ctx)
    chooser: Callable[..., tuple[str, str]] = lambda *args: ("", "")  # noqa: E731
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chooser))
    assert printing.save_pdf_dialog(None, content) is None
    assert printing.default_file_name(content) == f"调解协议书-{content.reference}.pdf"
