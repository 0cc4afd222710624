"""Printing a document: its content (``station_app.documents``) laid out on A4 paper.

One layout serves the PDF file and the printer: the content becomes HTML for a
:class:`QTextDocument` (Latin letters and digits in a Latin font, Chinese in a CJK font: with a
CJK font alone, PDF readers lose the digits after Latin letters when copying text), paginated
inside 2.5 cm margins, with the page number centred in the bottom margin. A paper a little too
long for one sheet is set in slightly smaller type so that it fits. A document with several
copies (the mediation agreement) starts each copy on a new page, labelled at the top left and
numbered on its own.

``write_pdf`` writes a file (tests, "保存为 PDF…"); ``show_print_preview`` opens Qt's preview with
a print button and a "保存为 PDF…" button; ``save_pdf_dialog`` asks for a file name and saves.

Every copy that leaves the program is reported to the preview's ``on_output`` listener, which
logs it (PIPL: these papers show personal information in full): ``("print", None)`` when the
printer printed it, ``("pdf", path)`` when it became a PDF file, whichever way: the "保存为 PDF…"
button, Qt's print dialog set to "Print to File (PDF)", Qt's own "Export to PDF" when no printer
is installed (Windows), or the "Microsoft Print to PDF" printer (``path`` unknown: ``None``). A
preview closed without printing, or an export cancelled, reports nothing.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QMessageBox,
    QToolBar,
    QWidget,
)

from station_app.documents.content import PRINTED, SAVED_PDF
from station_app.documents.model import (
    Block,
    Cell,
    Chart,
    DocumentContent,
    Paragraph,
    Seal,
    SignatureRow,
    Table,
)
from station_app.gui.reports.chart_picture import chart_picture
from station_app.gui.widgets.save_paths import PDF, choose_save_path

# fonts a station's laptop (Windows) or a Linux machine has, best first: Latin letters and digits
# in a Latin font (as Chinese official papers set them), Chinese in a CJK font
LATIN_SERIF = ("Times New Roman", "Liberation Serif", "DejaVu Serif")
LATIN_SANS = ("Arial", "Liberation Sans", "DejaVu Sans")
CJK_SERIF = ("SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC")
CJK_SANS = ("SimHei", "黑体", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC")
MARGIN_MM = 25.0
TEXT_WIDTH_MM = 210.0 - 2 * MARGIN_MM
BODY_PT = 12  # 小四: forms
LETTER_PT = 14  # 四号: notices
TABLE_PT = 10.5  # 五号: the cells of a form
FIT_SCALES = (0.95, 0.9, 0.85)  # smaller type tried, in turn, until a paper fits on one sheet
PDF_DPI = 300
PDF_FOLDER_KEY = "printing/pdf_folder"  # where the last paper was saved as PDF
_MM_PER_PT = 25.4 / 72
# printers that write a file instead of paper (Windows has this one on every machine)
PDF_PRINTERS = ("Microsoft Print to PDF",)

# ``(how, path)``: how a copy left the program (``PRINTED`` or ``SAVED_PDF``), and the PDF file
OutputListener = Callable[[str, Path | None], None]


def font_families(latin: Sequence[str], chinese: Sequence[str]) -> list[str]:
    """The first installed font of ``latin``, then of ``chinese`` (Qt takes each character from
    the first family that has it; with neither installed it falls back by itself)."""
    installed = set(QFontDatabase.families())
    chosen = [next((f for f in fonts if f in installed), None) for fonts in (latin, chinese)]
    return [f for f in chosen if f] or [chinese[0]]


def _css_families(families: Sequence[str]) -> str:
    return ", ".join(f"'{family}'" for family in families)


def _font(families: list[str], points: float) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    return font


# -- content → HTML ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Type:
    """Type sizes of one layout, and lengths in points written as HTML pixels.

    Laid out for a printer or PDF, QTextDocument scales margins, paddings and borders from
    screen pixels (1/96 inch) to the device, but takes ``text-indent`` in device pixels.
    """

    text: float  # points
    table: float  # points
    dpi: int  # the device's

    def px(self, points: float) -> str:
        return f"{max(1, round(points * 96 / 72))}px"

    def device_px(self, points: float) -> str:
        return f"{max(1, round(points * self.dpi / 72))}px"


def _text(value: str) -> str:
    """``value`` as HTML: lines kept, ideographic spaces kept (HTML would collapse them)."""
    return html.escape(value).replace("\n", "<br>").replace("\u3000", "&nbsp;" * 3)


def _estimated_lines(text: str, width_mm: float, points: float) -> int:
    """How many lines ``text`` takes in a cell ``width_mm`` wide (CJK characters are square)."""
    per_line = max(1, int((width_mm - 3) / (points * _MM_PER_PT)))
    lines = 0
    for part in (text or " ").split("\n"):
        width = sum(1.0 if ord(c) > 0x2E7F else 0.5 for c in part)
        lines += max(1, math.ceil(width / per_line))
    return lines


def _cell_html(cell: Cell, width_percent: int, points: float) -> str:
    body = _text(cell.text) or "&nbsp;"
    room = cell.lines - _estimated_lines(cell.text, TEXT_WIDTH_MM * width_percent / 100, points)
    body += "<br>&nbsp;" * max(0, room)
    align = "center" if cell.label and cell.align == "left" else cell.align
    span = ""
    if cell.colspan > 1:
        span += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        span += f' rowspan="{cell.rowspan}"'
    valign = "top" if cell.lines > 1 and not cell.label else "middle"
    return f'<td width="{width_percent}%"{span} align="{align}" valign="{valign}">{body}</td>'


def _table_html(table: Table, size: _Type) -> str:
    rows = []
    for row in table.rows:
        cells, column = [], 0
        for cell in row:
            width = sum(table.widths[column : column + cell.colspan])
            cells.append(_cell_html(cell, width, size.table))
            column += cell.colspan
        rows.append("<tr>" + "".join(cells) + "</tr>")
    padding = size.px(2.5).removesuffix("px")
    return (
        f'<table class="form" width="100%" border="1" cellspacing="0" cellpadding="{padding}">'
        + "".join(rows)
        + "</table>"
    )


def _signatures_html(row: SignatureRow) -> str:
    width = 100 // max(1, len(row.signatures))
    cells = "".join(
        f'<td width="{width}%" valign="top">{_text(s.role)}：<br><br><br>{_text(s.date)}</td>'
        for s in row.signatures
    )
    return (
        '<table class="sign" width="100%" border="0" cellspacing="0" cellpadding="0">'
        f"<tr>{cells}</tr></table>"
    )


def _seal_html(seal: Seal) -> str:
    note = f'<br><span style="font-size:10.5pt;">{_text(seal.note)}</span>' if seal.note else ""
    return (
        '<table class="seal" width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
        '<td width="40%">&nbsp;</td>'
        f'<td width="60%" align="center">{_text(seal.organisation)}（盖章）<br>'
        f"{_text(seal.date)}{note}</td></tr></table>"
    )


CHART_WIDTH_MM = TEXT_WIDTH_MM * 0.92


def _chart_html(index: int) -> str:
    # <img> sizes are screen pixels (1/96 inch) that the layout scales to the device
    width = round(CHART_WIDTH_MM / 25.4 * 96)
    return (
        '<p align="center" style="margin-top:0px; margin-bottom:0px;">'
        f'<img src="{_chart_url(index)}" width="{width}"></p>'
    )


def _chart_url(index: int) -> str:
    return f"chart-{index}"


CLOSING_ANCHOR = "closing"  # marks the closing paragraph in the laid-out document


def _block_html(
    block: Block, size: _Type, closing: bool = False, new_page: bool = False, index: int = 0
) -> str:
    if isinstance(block, Chart):
        return _chart_html(index)
    if isinstance(block, Paragraph):
        style = f"text-indent:{size.device_px(2 * size.text)};" if block.indent else ""
        if new_page:
            style += " page-break-before:always;"
        text = f"<b>{_text(block.text)}</b>" if block.bold else _text(block.text)
        if closing:
            text = f'<a name="{CLOSING_ANCHOR}"></a>{text}'
        return f'<p class="text" align="{block.align}" style="{style}">{text}</p>'
    if isinstance(block, Table):
        return _table_html(block, size)
    if isinstance(block, SignatureRow):
        return _signatures_html(block)
    return _seal_html(block)


def document_html(
    content: DocumentContent,
    copy_label: str | None = None,
    scale: float = 1.0,
    dpi: int = PDF_DPI,
    closing_on_new_page: bool = False,
) -> str:
    """One copy of ``content`` as the HTML a :class:`QTextDocument` lays out for a device of
    ``dpi``; ``scale`` shrinks the type of the text and the tables (not the title);
    ``closing_on_new_page`` starts the closing paragraph (and the signatures after it) on a new
    page."""
    size = _Type(
        text=round((LETTER_PT if content.letter else BODY_PT) * scale, 1),
        table=round(TABLE_PT * scale, 1),
        dpi=dpi,
    )
    px = size.px
    serif = _css_families(font_families(LATIN_SERIF, CJK_SERIF))
    sans = _css_families(font_families(LATIN_SANS, CJK_SANS))
    parts = [
        "<html><head><style>",
        f"body {{ font-family: {serif}; font-size: {size.text}pt; }}",
        f"p.text {{ line-height: {160 if content.letter else 135}%; margin-top: 0px;"
        f" margin-bottom: {px(6 if content.letter else 1.5)}; }}",
        "table.form { border-collapse: collapse; border-style: solid; border-color: #000000;"
        f" margin-top: {px(1)}; margin-bottom: {px(4)}; font-size: {size.table}pt; }}",
        f"table.form td {{ border-style: solid; border-color: #000000; border-width: {px(0.6)}; }}",
        f"table.sign {{ margin-top: {px(10)}; margin-bottom: {px(2)}; }}",
        f"table.seal {{ margin-top: {px(24 if content.letter else 6)}; margin-bottom: {px(10)}; }}",
        "</style></head><body>",
        f'<p align="center" style="font-family:{sans}; font-size:15pt; '
        f'margin-top:0px; margin-bottom:0px;">{_text(content.station_name)}</p>',
        *(
            [
                f'<p align="center" style="font-family:{sans}; font-size:11pt; '
                f'margin-top:0px; margin-bottom:0px;">{_text(content.issuer_note)}</p>'
            ]
            if content.issuer_note
            else []
        ),
        f'<p align="center" style="font-family:{sans}; font-size:22pt; font-weight:bold; '
        f'margin-top:{px(3)}; margin-bottom:{px(4)};">{_text(content.title)}</p>',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" '
        f'style="margin-bottom:{px(14 if content.letter else 5)}; font-size:11pt;"><tr>'
        f'<td width="40%" style="font-family:{sans};">{_text(copy_label or "")}</td>'
        f'<td width="60%" align="right">{_text(content.reference_label)}'
        f"{_text(content.reference)}</td></tr></table>",
    ]
    closing = content.closing_start()
    parts += [
        _block_html(block, size, index == closing, closing_on_new_page and index == closing, index)
        for index, block in enumerate(content.body)
    ]
    parts.append("</body></html>")
    return "\n".join(parts)


# -- laying out on paper ------------------------------------------------------------------------


def _page_footer(content: DocumentContent, page: int, pages: int) -> str:
    return content.page_footer.format(page=page, pages=pages)


def _laid_out(
    content: DocumentContent,
    label: str | None,
    device: QPagedPaintDevice,
    size: QSizeF,
    scale: float = 1.0,
    closing_on_new_page: bool = False,
) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    base = LETTER_PT if content.letter else BODY_PT
    document.setDefaultFont(_font(font_families(LATIN_SERIF, CJK_SERIF), base * scale))
    sans = font_families(LATIN_SANS, CJK_SANS)
    for i, block in enumerate(content.body):
        if isinstance(block, Chart):  # pictures the HTML's <img> finds by name
            dpi = device.logicalDpiY()
            width = round(CHART_WIDTH_MM / 25.4 * dpi)
            picture = chart_picture(block, width, dpi, sans)
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(_chart_url(i)), picture
            )
    html_text = document_html(content, label, scale, device.logicalDpiY(), closing_on_new_page)
    document.setHtml(html_text)
    document.setPageSize(size)
    if not closing_on_new_page and _closing_split(document):
        return _laid_out(content, label, device, size, scale, closing_on_new_page=True)
    return document


def closing_extent(document: QTextDocument) -> tuple[float, float] | None:
    """Where the closing (the last paragraph, the signatures and the seal) begins and ends in a
    laid-out document; None when it has none."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        anchors = (f.fragment().charFormat().anchorNames() for f in block)
        if any(CLOSING_ANCHOR in names for names in anchors):
            top = layout.blockBoundingRect(block).top()
            return top, layout.blockBoundingRect(document.lastBlock()).bottom()
        block = block.next()
    return None


def _closing_split(document: QTextDocument) -> bool:
    """Whether a page break falls inside the closing, which would fit on a page of its own."""
    extent = closing_extent(document)
    if extent is None:
        return False
    top, bottom = extent
    page = document.pageSize().height()
    return int(top // page) != int(bottom // page) and bottom - top < page * 0.9


def body_rect(device: QPagedPaintDevice) -> QRectF:
    """Where the text goes on a full A4 page of ``device``: inside the margins."""
    margin_x = MARGIN_MM / 25.4 * device.logicalDpiX()
    margin_y = MARGIN_MM / 25.4 * device.logicalDpiY()
    return QRectF(margin_x, margin_y, device.width() - 2 * margin_x, device.height() - 2 * margin_y)


def render(content: DocumentContent, device: QPagedPaintDevice) -> int:
    """Paint every copy of ``content`` on ``device`` (a full A4 page, no printer margins);
    returns the number of pages painted."""
    body = body_rect(device)
    margin_y = body.top()
    serif = font_families(LATIN_SERIF, CJK_SERIF)
    footer_font = _font(serif, 9)
    painter = QPainter(device)
    painted = 0
    try:
        for label in content.copies or (None,):
            document = _laid_out(content, label, device, body.size())
            for scale in FIT_SCALES:  # a paper a little too long for a sheet: smaller type
                if document.pageCount() == 1:
                    break
                smaller = _laid_out(content, label, device, body.size(), scale)
                if smaller.pageCount() == 1:
                    document = smaller
            pages = document.pageCount()
            for page in range(pages):
                if painted:
                    device.newPage()
                painter.save()
                painter.translate(body.left(), body.top() - page * body.height())
                document.drawContents(
                    painter, QRectF(0, page * body.height(), body.width(), body.height())
                )
                painter.restore()
                painter.setFont(footer_font)
                painter.drawText(
                    QRectF(
                        body.left(), body.bottom() + margin_y * 0.35, body.width(), margin_y * 0.4
                    ),
                    Qt.AlignmentFlag.AlignCenter,
                    _page_footer(content, page + 1, pages),
                )
                painted += 1
    finally:
        painter.end()
    return painted


def _full_a4() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def write_pdf(content: DocumentContent, path: str | Path) -> Path:
    """Write ``content`` as an A4 PDF to ``path``; returns the path. Raises ``OSError`` when the
    file cannot be written."""
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_full_a4())
    writer.setTitle(f"{content.title} {content.reference}")
    writer.setCreator(content.station_name)
    pages = render(content, writer)
    del writer  # finishes the file
    if pages == 0 or not target.exists() or target.stat().st_size == 0:
        raise OSError(f"cannot write {target}")
    return target


def default_file_name(content: DocumentContent) -> str:
    name = f"{content.title}-{content.reference}.pdf"
    return re.sub(r'[\\/:*?"<>|]', "_", name)


# -- dialogs -------------------------------------------------------------------------------------


def save_pdf_dialog(parent: QWidget | None, content: DocumentContent) -> Path | None:
    """Ask where to save ``content`` as PDF and write it; ``None`` when the officer cancels."""
    path = choose_save_path(
        parent,
        QCoreApplication.translate("Printing", "保存为 PDF…"),
        default_file_name(content),
        PDF,
        PDF_FOLDER_KEY,
    )
    if path is None:
        return None
    try:
        return write_pdf(content, path)
    except OSError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Printing", "无法保存"),
            QCoreApplication.translate("Printing", "无法保存文件 %1：%2")
            .replace("%1", str(path))
            .replace("%2", str(error)),
        )
        return None


def printer_output(printer: QPrinter) -> tuple[str, Path | None] | None:
    """What ``printer`` made of the document it was just given: ``(PRINTED, None)`` for paper,
    ``(SAVED_PDF, path)`` for a PDF file (``path`` ``None`` when a PDF printer driver chose it),
    ``None`` when nothing was written (Qt's "Export to PDF" cancelled)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        name = printer.outputFileName()
        if not name or not Path(name).is_file():
            return None
        return SAVED_PDF, Path(name)
    if printer.printerName() in PDF_PRINTERS:
        name = printer.outputFileName()
        return SAVED_PDF, Path(name) if name else None
    return PRINTED, None


def print_preview_dialog(
    parent: QWidget | None,
    content: DocumentContent,
    title: str | None = None,
    on_output: OutputListener | None = None,
) -> QPrintPreviewDialog:
    """Qt's print preview of ``content`` on A4, with a "保存为 PDF…" button on its tool bar.

    ``title`` names the document in the window's title (the document's own title, printed in
    Chinese, when not given). ``on_output`` hears of every copy printed or saved from it (see
    the module's text); the dialog is accepted after the print button printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(_full_a4())
    printer.setDocName(f"{content.title} {content.reference}")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "打印预览 - %1").replace(
            "%1", title or content.title
        )
    )
    dialog.paintRequested.connect(lambda device: render(content, device))
    dialog._printer = printer  # type: ignore[attr-defined]  # lives as long as the dialog
    _add_verify_note(dialog, content)

    def save() -> None:
        path = save_pdf_dialog(dialog, content)
        if path is not None and on_output is not None:
            on_output(SAVED_PDF, path)

    def printed() -> None:
        output = printer_output(printer)
        if output is not None and on_output is not None:
            on_output(*output)

    # Qt accepts the preview once its print button has printed (or exported: Qt's "Export to
    # PDF" is accepted even when cancelled, hence printer_output's look at the file)
    dialog.accepted.connect(printed)
    toolbar = dialog.findChild(QToolBar)
    save_action = QAction(QCoreApplication.translate("Printing", "保存为 PDF…"), dialog)
    save_action.setObjectName("savePdf")
    save_action.triggered.connect(save)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(save_action)
    else:
        dialog.addAction(save_action)
    return dialog


def _add_verify_note(dialog: QPrintPreviewDialog, content: DocumentContent) -> None:
    """Citations the rule set marks "verify", shown above the preview (never printed)."""
    if not content.verify_notes:
        return
    note = QLabel(
        QCoreApplication.translate("Printing", "请注意：%1").replace(
            "%1", "；".join(content.verify_notes)
        ),
        dialog,
    )
    note.setObjectName("verifyNote")
    note.setWordWrap(True)
    note.setStyleSheet(
        "background: #fff8c5; color: #4d2d00; border: 1px solid #d4a72c; padding: 6px;"
    )
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, note)
    elif layout is not None:
        layout.addWidget(note)


def show_print_preview(
    parent: QWidget | None, content: DocumentContent, on_output: OutputListener | None = None
) -> None:
    """Show the print preview of ``content`` (modal); the officer prints or saves from it, and
    ``on_output`` hears of each copy."""
    dialog = print_preview_dialog(parent, content, on_output=on_output)
    dialog.exec()
