"""``station document KIND --number N --out FILE.pdf``: any printed paper of a complaint as PDF.

The paper's content is the core's (``station_app.documents``); laying it out on A4 is Qt's
(``station_app.gui.reports.printing``, the same layout the window prints), imported only when the command
runs, on the offscreen platform, so that the core never imports Qt. The saved file is logged like
"保存为 PDF…" in the window (PIPL: these papers show personal information in full).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from station_app import documents
from station_app.actors import COMMAND_LINE
from station_app.commands.base import CommandAdder, add_actor_option, command_actor, out, problem
from station_app.documents import SAVED_PDF, DocumentContent, document_content, record_printed
from station_app.installation import Installation
from station_app.messages import msg
from station_app.registry.complaint_records import complaint_by_number

# the command's names for the papers → the documents' kinds
PAPERS: dict[str, str] = {
    "registration": documents.REGISTRATION,
    "acceptance": documents.ACCEPTANCE_NOTICE,
    "non_acceptance": documents.NOT_ACCEPTED_NOTICE,
    "mediation_notice": documents.MEDIATION_NOTICE,
    "agreement": documents.MEDIATION_AGREEMENT,
    "termination": documents.TERMINATION_NOTICE,
    "follow_up": documents.FOLLOW_UP_RECORD,
}


def cmd_document(args: argparse.Namespace, inst: Installation) -> int:
    complaint = complaint_by_number(args.number)  # RecordNotFound: one line, exit 1
    # DocumentNotAvailable (a paper the complaint's state or the station's kind does not have) is
    # a StationError: the command prints its one line and exits 1
    content = document_content(PAPERS[args.kind], complaint.id)
    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        written = write_pdf_offscreen(content, target)
    except OSError as error:
        problem(msg("无法写入文件 {path}：{error}", path=target, error=error))
        return 1
    record_printed(inst.context(actor=command_actor(args, inst, COMMAND_LINE)), content, SAVED_PDF)
    out(str(written))
    return 0


def write_pdf_offscreen(content: DocumentContent, target: Path) -> Path:
    """Lay ``content`` out with the window's own printing code, without a display."""
    from PySide6.QtGui import QGuiApplication

    from station_app.gui.reports.printing import write_pdf

    app = QGuiApplication.instance()
    if app is None:  # fonts need an application; a command never shows a window
        if not sys.platform.startswith(("win", "darwin")):
            # no display needed (a server, ssh, cron): whatever QT_QPA_PLATFORM said
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
    return write_pdf(content, target)


def add_commands(add: CommandAdder) -> None:
    sub = add("document", cmd_document, "把投诉的一份文书保存为 PDF")
    sub.add_argument("kind", choices=list(PAPERS), metavar="KIND", help="｜".join(PAPERS))
    sub.add_argument("--number", required=True, help="投诉编号")
    sub.add_argument("--out", required=True, help="PDF 文件")
    add_actor_option(sub, "操作人姓名（仅未加密的旧数据库：加密后操作日志记登录的人）")
