"""The ledger opens in LibreOffice and prints as the county files it: title and header on every page,
the complaint sheet readable on A4 landscape (words at least 7 pt high), the full detail not printed.

Needs ``soffice`` (Debian: libreoffice-calc-nogui) and ``pdftotext`` (poppler-utils); ``dev.sh``
installs both. Without them the test is skipped locally, never under CI.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest

from station_app.demo import generate_demo
from station_app.registry.context import Context
from station_app.reports.ledger import PRINTED_COMPLAINT_COLUMNS, write_ledger

TOOLS = ("soffice", "pdftotext", "pdfinfo")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
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


def november_pdf(ctx: Context, tmp_path: Path, origin: str | None = None) -> Path:
    """The ledger of November 2026 (demo records from 1 October on) as LibreOffice prints it."""
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
    write_ledger("2026-11", workbook, origin=origin, ctx=ctx)
    return to_pdf(workbook, tmp_path)


def test_every_printed_page_carries_the_title_and_the_header(ctx: Context, tmp_path: Path) -> None:
    pages = page_texts(november_pdf(ctx, tmp_path))

    complaint_pages = [p for p in pages if "投诉登记台账（2026年11月）" in p]
    assert len(complaint_pages) >= 2, "a month of complaints spans several pages"
    for text in complaint_pages:
        assert "通江县诺江镇消费维权服务站" in text
        assert "登记编号" in text and "事由摘要" in text and "办结日期" in text  # the header row
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


def page_words(pdf: Path) -> list[list[tuple[float, str]]]:
    """Each page's words as (height in points, text), from ``pdftotext -bbox``."""
    done = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [
        [(float(y_max) - float(y_min), html.unescape(text))
         for _x, y_min, _x2, y_max, text in WORD.findall(page)]
        for page in done.stdout.split("<page ")[1:]
    ]  # fmt: skip


@pytest.mark.parametrize("origin", ["TJ001", None])  # the station's ledger, the county's (全县)
def test_the_printed_complaint_sheet_is_readable_on_a4_landscape(
    ctx: Context, tmp_path: Path, origin: str | None
) -> None:
    pdf = november_pdf(ctx, tmp_path, origin)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "841.89 x 595." in info.stdout  # A4 landscape, in points
    pages = page_words(pdf)
    complaint_pages = [p for p in pages if "投诉登记台账（2026年11月）" in "".join(t for _, t in p)]
    assert len(complaint_pages) >= 2, "a month of complaints spans several pages"
    assert len(PRINTED_COMPLAINT_COLUMNS) <= 14
    for words in complaint_pages:
        text = "".join(t for _, t in words)
        assert "通江县诺江镇消费维权服务站" in text  # the title
        for header in (
            "序号",
            "登记编号",
            "被投诉方",
            "事由摘要",
            "处理结果",
            "办结日期",
            "经办人",
        ):
            assert header in text, header  # the header row, repeated
        median = statistics.median(height for height, _ in words)
        assert median >= 7.0, f"words {median:.2f} pt high: printed too small to read"
    everything = "".join(t for page in pages for _, t in page)
    assert "投诉登记明细（2026年11月）" not in everything  # the full detail is not printed
    assert "统一社会信用代码" not in everything
