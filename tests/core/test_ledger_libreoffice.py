"""The ledger opens in LibreOffice and prints as the county files it: title and header on every page.

Needs ``soffice`` (Debian: libreoffice-calc-nogui) and ``pdftotext`` (poppler-utils); ``dev.sh``
installs both. Without them the test is skipped locally, never under CI.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from station_app.demo import generate_demo
from station_app.registry.context import Context
from station_app.reports.ledger import write_ledger

TOOLS = ("soffice", "pdftotext", "pdfinfo")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING) and os.environ.get("CI") != "true",
    reason=f"LibreOffice/poppler not installed ({', '.join(MISSING)}): run ./dev.sh to install",
)


def to_pdf(workbook: Path, tmp_path: Path) -> Path:
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / (workbook.stem + ".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    return pdf


def page_texts(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def test_every_printed_page_carries_the_title_and_the_header(ctx: Context, tmp_path: Path) -> None:
    generate_demo(
        ctx,
        complaints=120,
        visits=60,
        events=6,
        date_from=dt.date(2026, 10, 1),
        date_to=dt.date(2026, 11, 20),
        seed=3,
    )
    workbook = tmp_path / "ledger.xlsx"
    write_ledger("2026-11", workbook, ctx=ctx)
    pages = page_texts(to_pdf(workbook, tmp_path))

    complaint_pages = [p for p in pages if "投诉登记台账（2026年11月）" in p]
    assert len(complaint_pages) >= 2, "a month of complaints spans several pages"
    for text in complaint_pages:
        assert "通江县诺江镇消费维权服务站" in text
        assert "登记编号" in text and "事由摘要" in text and "用时" in text  # the header row
    for title, header in (
        ("来访咨询登记表", "咨询问题"),
        ("宣传活动登记表", "活动主题"),
        ("月度统计表", "本年累计"),
    ):
        these = [p for p in pages if f"{title}（2026年11月）" in p]
        assert these, title
        assert all(header in p for p in these), title
    assert all("2026年11月" in p for p in pages)  # no page without its title
    assert "审核人" in pages[-1] and "填表人" in pages[-1]
    assert any("第 1 页" in p for p in pages)
