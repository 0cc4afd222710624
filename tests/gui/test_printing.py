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
from PySide6.QtGui import QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QToolBar
from pytestqt.qtbot import QtBot

from station_app.documents import (
    MEDIATION_AGREEMENT,
    NOT_ACCEPTED_NOTICE,
    PRINTED,
    SAVED_PDF,
    DocumentContent,
    document_content,
    document_output,
    printable_documents,
    record_printed,
)
from station_app.gui.app.context import AppContext
from station_app.gui.reports import printing
from station_app.registry.context import Context
from station_app.store.models import AuditEntry, Complaint
from station_app.store.workflow_models import Agreement

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
    """Each of the seven documents once: from a followed-up, a refused and an ended complaint."""
    done, no, stop = followed_up(ctx), refused(ctx), ended(ctx)
    found: dict[str, Complaint] = {}
    for complaint in (done, no, stop):
        for kind, _ in printable_documents(complaint.id):
            found.setdefault(kind, complaint)
    assert len(found) == 7
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
    assert (
        "《市场监督管理投诉举报处理暂行办法》(国家市场监督管理总局令第20号)第十五条第(三)项的规定"
        in (text)
    )


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


def test_the_agreements_signatures_never_stand_alone_on_a_page(
    ctx: Context, qapp: QApplication, tmp_path: Path
) -> None:
    """Terms of every length from 1 to 40 lines: wherever the page break falls, the closing
    paragraph (本协议一式三份…), the signature lines and the seal share one page."""
    complaint = followed_up(ctx)
    agreement = Agreement.get(Agreement.complaint == complaint.id)
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(printing.PDF_DPI)
    writer.setPageLayout(printing._full_a4())
    size = printing.body_rect(writer).size()
    page = size.height()
    moved = []
    for lines in range(1, 41):
        agreement.terms = "\n".join(
            f"乙方于2026年12月{day}日前向甲方交付合格复合肥一批，品种、数量以双方签字的清单为准。"
            for day in range(1, lines + 1)
        )
        agreement.save()
        content = document_content(MEDIATION_AGREEMENT, complaint.id)
        document = printing._laid_out(content, content.copies[0], writer, size)
        extent = printing.closing_extent(document)
        assert extent is not None
        top, bottom = extent
        assert int(top // page) == int(bottom // page), f"{lines} lines: the closing is split"
        if top > page and top % page < 1:  # it starts a page: moved over with the signatures
            moved.append(content)
    assert moved, "no length put the page break inside the closing: the test proves nothing"
    pages = pdf_pages(printing.write_pdf(moved[0], tmp_path / "moved.pdf"))
    signed = [p for p in pages if "甲方(签字)" in p]
    assert len(signed) == 3  # one a copy
    assert all("本协议一式三份" in p and "(盖章)" in p for p in signed)


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


# -- every copy that leaves the program is logged (PIPL) -----------------------------------------


def logging_listener(app: AppContext, content: DocumentContent) -> printing.OutputListener:
    """What the detail window hands the preview: each output logged on the writer."""
    ctx = app.context()

    def record(how: str, _path: Path | None) -> None:
        app.jobs.run_write(lambda: record_printed(ctx, content, how))

    return record


def output_entries(complaint: Complaint) -> list[tuple[str | None, str | None]]:
    """(reason, document number) of the complaint's print and PDF entries."""
    entries = AuditEntry.select().where(
        (AuditEntry.action == "export") & (AuditEntry.record_uid == complaint.uid)
    )
    return [(entry.reason, entry.new_value) for entry in entries.order_by(AuditEntry.id)]


def is_pdf_of(path: Path, complaint: Complaint) -> bool:
    with path.open("rb") as pdf:
        magic = pdf.read(5)
    return magic == b"%PDF-" and complaint.number in "".join(pdf_pages(path))


def test_saving_a_pdf_from_the_preview_is_logged(
    ctx: Context,
    qtbot: QtBot,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    complaint = followed_up(ctx)
    content = document_content(MEDIATION_AGREEMENT, complaint.id)
    heard: list[tuple[str, Path | None]] = []
    record = logging_listener(app_context, content)

    def listener(how: str, path: Path | None) -> None:
        heard.append((how, path))
        record(how, path)

    dialog = printing.print_preview_dialog(None, content, on_output=listener)
    qtbot.addWidget(dialog)
    dialog.show()
    toolbar = dialog.findChild(QToolBar)
    assert toolbar is not None
    save = next(a for a in toolbar.actions() if a.objectName() == "savePdf")

    target = tmp_path / "调解协议书"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    save.trigger()
    saved = target.with_name("调解协议书.pdf")
    assert heard == [(SAVED_PDF, saved)]
    assert app_context.jobs.wait_idle()
    assert output_entries(complaint) == [("保存为PDF：调解协议书", content.reference)]
    assert is_pdf_of(saved, complaint)
    entry = AuditEntry.get(AuditEntry.reason == "保存为PDF：调解协议书")
    assert entry.actor == "王联络员"
    assert document_output(entry.reason or "") == (SAVED_PDF, MEDIATION_AGREEMENT)

    # a save cancelled, or refused (no such folder), logs nothing
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    save.trigger()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args: (str(tmp_path / "没有" / "x.pdf"), "")),
    )
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: None))
    save.trigger()
    # closing the preview is not printing
    dialog.reject()
    assert app_context.jobs.wait_idle()
    assert heard == [(SAVED_PDF, saved)]
    assert len(output_entries(complaint)) == 1


def test_the_print_buttons_file_output_is_logged_as_a_pdf(
    ctx: Context, qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    """The preview's own print button: Qt's print dialog set to "Print to File (PDF)" (on this
    machine without printers, its only choice) writes a PDF; that is logged as one."""
    complaint = followed_up(ctx)
    content = document_content("registration", complaint.id)
    heard: list[tuple[str, Path | None]] = []
    record = logging_listener(app_context, content)

    def listener(how: str, path: Path | None) -> None:
        heard.append((how, path))
        record(how, path)

    dialog = printing.print_preview_dialog(None, content, on_output=listener)
    qtbot.addWidget(dialog)
    target = tmp_path / "printed.pdf"
    dialog._printer.setOutputFileName(str(target))  # type: ignore[attr-defined]
    toolbar = dialog.findChild(QToolBar)
    assert toolbar is not None
    print_action = next(a for a in toolbar.actions() if a.text() == "Print")
    asked: list[str] = []

    def accept_print_dialog() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QPrintDialog):
            asked.append(type(widget).__name__)
            widget.accept()
        else:
            QTimer.singleShot(20, accept_print_dialog)

    dialog.show()
    QTimer.singleShot(20, accept_print_dialog)
    print_action.trigger()
    assert asked and dialog.result() == QDialog.DialogCode.Accepted
    assert heard == [(SAVED_PDF, target)]
    assert app_context.jobs.wait_idle()
    assert output_entries(complaint) == [("保存为PDF：投诉登记表", content.reference)]
    assert is_pdf_of(target, complaint)


class FakePrinter:
    """What ``printer_output`` asks of a printer, for the printers this machine does not have."""

    def __init__(self, output: QPrinter.OutputFormat, file: str = "", name: str = "") -> None:
        self.output, self.file, self.name = output, file, name

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802 - Qt's name
        return self.output

    def outputFileName(self) -> str:  # noqa: N802
        return self.file

    def printerName(self) -> str:  # noqa: N802
        return self.name


def test_what_a_printer_made_of_the_document(tmp_path: Path) -> None:
    native, pdf = QPrinter.OutputFormat.NativeFormat, QPrinter.OutputFormat.PdfFormat
    written = tmp_path / "a.pdf"
    written.write_bytes(b"%PDF-1.4")

    def made(printer: FakePrinter) -> tuple[str, Path | None] | None:
        return printing.printer_output(printer)  # type: ignore[arg-type]

    assert made(FakePrinter(native, name="HP LaserJet")) == (PRINTED, None)
    assert made(FakePrinter(pdf, str(written))) == (SAVED_PDF, written)
    # Windows without a printer: Qt's "Export to PDF" cancelled still accepts the preview
    assert made(FakePrinter(pdf, "")) is None
    assert made(FakePrinter(pdf, str(tmp_path / "never.pdf"))) is None
    # the PDF printer Windows installs is not paper
    assert made(FakePrinter(native, name="Microsoft Print to PDF")) == (SAVED_PDF, None)


def test_saving_a_pdf_from_the_detail_windows_print_menu_is_logged(
    ctx: Context,
    qtbot: QtBot,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from station_app.gui.complaints.detail.window import ComplaintDetail

    complaint = followed_up(ctx)
    detail = ComplaintDetail(app_context, complaint.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    target = tmp_path / "协议.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    done: list[bool] = []

    def save_then_close() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QPrintPreviewDialog):
            QTimer.singleShot(20, save_then_close)
            return
        toolbar = widget.findChild(QToolBar)
        assert toolbar is not None
        next(a for a in toolbar.actions() if a.objectName() == "savePdf").trigger()
        done.append(True)
        widget.reject()

    QTimer.singleShot(20, save_then_close)
    detail.print_document(MEDIATION_AGREEMENT)
    assert done and is_pdf_of(target, complaint)
    assert app_context.jobs.wait_idle()
    reference = document_content(MEDIATION_AGREEMENT, complaint.id).reference
    assert output_entries(complaint) == [("保存为PDF：调解协议书", reference)]
