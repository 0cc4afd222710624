"""The complaint analysis report on paper (an A4 PDF) and its figures as a workbook beside it.

:func:`analysis_document` turns an :class:`~station_app.reports.analysis.AnalysisReport` into a
:class:`~station_app.documents.model.DocumentContent` that the window's printing code lays out
(charts become pictures there); :func:`write_analysis_workbook` writes the same figures into an
xlsx file, through the formula-safe cell writers.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from station_app.documents.model import Cell, Chart, DocumentContent, Paragraph, Table
from station_app.reports.analysis import CHART_BARS, AnalysisReport, Comparison, Share, share_of
from station_app.reports.figures import NO_FIGURE, change_text, figure_text
from station_app.spreadsheet_cells import text_row

ANALYSIS_REPORT = "analysis_report"


def _percent(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value * 100:.1f}%"


def _against(row: Comparison, other: int | float | None) -> str:
    """The change in per cent; a rate's in percentage points; ``—`` against nothing."""
    percent = row.change_percent(other)
    if percent is not None:
        return f"{percent * 100:+.1f}%"
    return change_text(row.kind, row.change(other)) if row.kind == "rate" else NO_FIGURE


def _summary_table(report: AnalysisReport) -> Table:
    year = report.period.is_year
    head = ["指标", "单位", "本期", "上年" if year else "上季度", "比上年" if year else "环比"]
    if not year:
        head += ["去年同期", "同比"]
    rows = [tuple(Cell(h, label=True) for h in head)]
    for c in report.summary:
        cells = [
            Cell(c.label),
            Cell(c.unit, align="center"),
            Cell(figure_text(c.kind, c.value), align="right"),
            Cell(figure_text(c.kind, c.previous), align="right"),
            Cell(_against(c, c.previous), align="right"),
        ]
        if not year:
            cells += [
                Cell(figure_text(c.kind, c.last_year), align="right"),
                Cell(_against(c, c.last_year), align="right"),
            ]
        rows.append(tuple(cells))
    widths = (30, 7, 21, 21, 21) if year else (19, 5, 15, 15, 15, 15, 16)
    return Table(tuple(rows), widths)


def _share_table(shares: Iterable[Share], name_head: str) -> Table:
    rows = [
        tuple(Cell(h, label=True) for h in (name_head, "本期（件）", "占比", "上期（件）", "增减"))
    ]
    for s in shares:
        rows.append(
            (
                Cell(s.name),
                Cell(f"{s.count:,}", align="right"),
                Cell(_percent(s.share), align="right"),
                Cell(f"{s.previous:,}", align="right"),
                Cell(f"{s.rise:+,}", align="right"),
            )
        )
    return Table(tuple(rows), (40, 15, 15, 15, 15))


def _share_chart(title: str, shares: tuple[Share, ...], report: AnalysisReport) -> Chart:
    top = shares[:CHART_BARS]
    return Chart(
        title=title,
        labels=tuple(s.name for s in top),
        values=tuple(s.count for s in top),
        unit="件",
        series=report.period.label,
        compare=tuple(s.previous for s in top),
        compare_series="上年" if report.period.is_year else "上季度",
    )


def _opening(report: AnalysisReport) -> str:
    f = report.figures
    resolved = report.comparison("resolution_rate")
    registered = report.comparison("complaints_registered")
    text = (
        f"{report.period.label}，{report.scope}共登记消费者投诉{f.get('complaints_registered', 0):,}件，"
        f"受理{f.get('complaints_accepted', 0):,}件，办结{f.get('complaints_closed', 0):,}件，"
        f"解决率{figure_text('rate', resolved.value)}，"
        f"为消费者挽回经济损失{f.get('recovered_fen', 0) / 100:,.2f}元"
    )
    if f.get("punitive_count"):
        text += (
            f"（其中加倍赔偿{f['punitive_count']:,}件、{f.get('punitive_fen', 0) / 100:,.2f}元）"
        )
    text += "。"
    against = registered.last_year
    if against:
        percent = registered.change_percent(against)
        direction = "增长" if (percent or 0) >= 0 else "下降"
        text += f"登记投诉数与去年同期相比{direction}{abs(percent or 0) * 100:.1f}%。"
    text += f"接待来访咨询{f.get('visits', 0):,}次。"
    return text


def analysis_document(report: AnalysisReport) -> DocumentContent:
    """The report as printed paper: sections in the order associations publish them."""
    f = report.figures
    body: list = [
        Paragraph("一、总体情况", indent=False, bold=True),
        Paragraph(_opening(report)),
        _summary_table(report),
    ]
    months = report.months
    body.append(
        Chart(
            title="各月登记与办结投诉",
            labels=tuple(f"{int(m[5:])}月" for m, _ in months),
            values=tuple(mf.get("complaints_registered", 0) for _, mf in months),
            unit="件",
            series="登记",
            compare=tuple(mf.get("complaints_closed", 0) for _, mf in months),
            compare_series="办结",
        )
    )
    body += [
        Paragraph("二、投诉类别", indent=False, bold=True),
        Paragraph(
            f"受理的投诉中，商品类{f.get('kind:goods', 0):,}件，服务类{f.get('kind:service', 0):,}件，"
            f"其他{f.get('kind:other', 0):,}件。"
        ),
    ]
    if report.categories:
        body += [
            _share_table(report.categories, "商品和服务类别"),
            _share_chart("受理投诉的类别", report.categories, report),
        ]
    body.append(Paragraph("三、投诉性质", indent=False, bold=True))
    if report.natures:
        body += [
            _share_table(report.natures, "投诉性质（主要性质）"),
            _share_chart("登记投诉的性质", report.natures, report),
        ]
    else:
        body.append(Paragraph("本期没有登记投诉。"))
    body.append(Paragraph("四、投诉热点", indent=False, bold=True))
    if report.categories:
        top = "、".join(f"{s.name}（{s.count:,}件）" for s in report.categories[:3])
        body.append(Paragraph(f"投诉最多的类别是{top}。"))
    if report.hot_categories:
        rising = "、".join(f"{s.name}（增加{s.rise:,}件）" for s in report.hot_categories)
        body.append(Paragraph(f"比上期增加最多的是{rising}。"))
    if report.hot_businesses:
        county = report.origin is None
        head = ["经营者", "统一社会信用代码", "本期（件）", "上期（件）", "增减"]
        head += ["涉及服务站"] if county else []
        rows = [tuple(Cell(h, label=True) for h in head)]
        for b in report.hot_businesses:
            cells = [
                Cell(b.name),
                Cell(b.credit_code or NO_FIGURE),
                Cell(f"{b.complaints:,}", align="right"),
                Cell(f"{b.previous:,}", align="right"),
                Cell(f"{b.rise:+,}", align="right"),
            ]
            cells += [Cell(f"{b.stations:,}", align="right")] if county else []
            rows.append(tuple(cells))
        widths = (34, 24, 12, 12, 8, 10) if county else (38, 26, 12, 12, 12)
        body.append(Table(tuple(rows), widths))
    else:
        body.append(Paragraph("本期没有被投诉两次以上的经营者。"))
    body += [
        Paragraph("五、群体性投诉与转办", indent=False, bold=True),
        Paragraph(
            f"受理的群体性投诉{f.get('group_complaints', 0):,}件、涉及{f.get('group_people', 0):,}人，"
            f"占受理投诉的{_percent(share_of(f, 'group_complaints', 'complaints_accepted'))}；"
            f"转办{f.get('referred', 0):,}件，占受理投诉的"
            f"{_percent(share_of(f, 'referred', 'complaints_accepted'))}。"
        ),
        Paragraph("六、典型案例", indent=False, bold=True),
    ]
    if report.typical_cases:
        for i, case in enumerate(report.typical_cases, 1):
            body += [
                Paragraph(f"案例{i}：{case.title}", indent=False, bold=True),
                Paragraph(case.text),
            ]
    else:
        body.append(Paragraph("本期未选定典型案例。"))
    body.append(Paragraph("七、工作说明", indent=False, bold=True))
    body += [Paragraph(line) for line in report.note.splitlines() if line.strip()] or [
        Paragraph("（未填写）")
    ]
    if report.stations:
        body.append(Paragraph("八、各服务站情况", indent=False, bold=True))
        station_head = ("服务站", "登记", "受理", "办结", "解决率", "挽回经济损失（元）")
        rows = [tuple(Cell(h, label=True) for h in station_head)]
        for station in report.stations:
            sf = station.figures
            rows.append(
                (
                    Cell(station.name),
                    Cell(f"{sf.get('complaints_registered', 0):,}", align="right"),
                    Cell(f"{sf.get('complaints_accepted', 0):,}", align="right"),
                    Cell(f"{sf.get('complaints_closed', 0):,}", align="right"),
                    Cell(_percent(share_of(sf, "resolved", "complaints_accepted")), align="right"),
                    Cell(f"{sf.get('recovered_fen', 0) / 100:,.2f}", align="right"),
                )
            )
        body.append(Table(tuple(rows), (34, 11, 11, 11, 13, 20)))
    title = f"{report.period.label}消费投诉分析报告"
    return DocumentContent(
        kind=ANALYSIS_REPORT,
        title=title,
        reference=report.period.key,
        station_name=report.scope,
        complaint_number="",
        body=tuple(body),
        reference_label="报告期：",
    )


def write_analysis_workbook(report: AnalysisReport, path: str | os.PathLike[str]) -> Path:
    """The report's figures as an xlsx file (the summary, categories, natures, hot businesses,
    the months and, for the county, the stations)."""
    target = Path(path)
    wb = Workbook()
    bold = Font(bold=True)

    def sheet(
        title: str, head: list[str], rows: Iterable[list[object]], first: bool = False
    ) -> None:
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        ws.title = title
        ws.append(text_row(ws, head))
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(text_row(ws, row))
        ws.freeze_panes = "A2"

    def value(kind: str, v: int | float | None) -> object:
        if v is None:
            return None
        if kind == "money":
            return round(v / 100, 2)
        if kind == "rate":
            return round(v * 100, 2)
        return v

    sheet(
        "总体情况",
        ["指标", "单位", "本期", "上期", "去年同期"],
        (
            [
                c.label,
                c.unit,
                value(c.kind, c.value),
                value(c.kind, c.previous),
                value(c.kind, c.last_year),
            ]
            for c in report.summary
        ),
        first=True,
    )
    sheet(
        "投诉类别",
        ["类别", "本期", "上期", "占比%"],
        ([s.name, s.count, s.previous, round(s.share * 100, 2)] for s in report.categories),
    )
    sheet(
        "投诉性质",
        ["性质", "本期", "上期", "占比%"],
        ([s.name, s.count, s.previous, round(s.share * 100, 2)] for s in report.natures),
    )
    sheet(
        "投诉热点",
        ["经营者", "统一社会信用代码", "本期", "上期", "涉及服务站"],
        (
            [b.name, b.credit_code, b.complaints, b.previous, b.stations]
            for b in report.hot_businesses
        ),
    )
    sheet(
        "各月",
        ["月份", "登记", "受理", "办结", "挽回经济损失（元）"],
        (
            [
                m,
                mf.get("complaints_registered", 0),
                mf.get("complaints_accepted", 0),
                mf.get("complaints_closed", 0),
                round(mf.get("recovered_fen", 0) / 100, 2),
            ]
            for m, mf in report.months
        ),
    )
    if report.stations:
        sheet(
            "各服务站",
            ["站点编号", "服务站", "登记", "受理", "办结", "解决", "挽回经济损失（元）"],
            (
                [
                    s.code,
                    s.name,
                    s.figures.get("complaints_registered", 0),
                    s.figures.get("complaints_accepted", 0),
                    s.figures.get("complaints_closed", 0),
                    s.figures.get("resolved", 0),
                    round(s.figures.get("recovered_fen", 0) / 100, 2),
                ]
                for s in report.stations
            ),
        )
    wb.save(target)
    return target
