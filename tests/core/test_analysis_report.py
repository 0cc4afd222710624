"""The quarterly and annual complaint analysis report: its figures are the monthly indicators'.

A demo station with two years of records; the third quarter of 2026 is reported. Every figure of
the report must equal what ``station stats`` gives for its months, summed (a test sums them), and
the PDF carries every section and its charts as pictures.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from station_app.clock import FixedClock
from station_app.demo import generate_demo
from station_app.errors import StationError
from station_app.installation import Installation
from station_app.registry.context import Context
from station_app.reports.analysis import (
    ReportPeriodInvalid,
    TypicalCaseUnknown,
    analysis_report,
    report_period,
    save_note,
    saved_note,
)
from station_app.reports.analysis_paper import analysis_document, write_analysis_workbook
from station_app.reports.indicators import compute_indicators
from station_app.store.models import Complaint, Person
from tests.conftest import use_template

ROOT = Path(__file__).resolve().parents[2]
# additive figures: a quarter's is the sum of its months' (each record counts in one month)
SUMMED = (
    "complaints_registered",
    "complaints_accepted",
    "complaints_closed",
    "resolved",
    "recovered_fen",
    "punitive_count",
    "punitive_fen",
    "group_complaints",
    "group_people",
    "visits",
)
STATS_KEYS = {  # the report's figure → the key ``station stats --json`` prints
    "complaints_registered": "complaints_registered",
    "complaints_accepted": "complaints_accepted",
    "complaints_closed": "complaints_closed",
    "resolved": "resolved",
    "visits": "visits",
}


def demo_records(ctx: Context) -> None:
    generate_demo(
        ctx,
        complaints=600,
        visits=200,
        events=8,
        date_from=dt.date(2025, 1, 1),
        date_to=dt.date(2026, 11, 15),  # before the clock's day (the fixtures' 20 November)
        seed=11,
    )


@pytest.fixture
def demo(
    installation: Installation,
    clock: FixedClock,
    station_template: Callable[..., Path],
) -> Context:
    use_template(installation, station_template(clock, demo_records))
    return installation.context(actor="王联络员", clock=clock)


def test_a_quarter_is_read_with_the_periods_it_is_compared_with() -> None:
    q3 = report_period(quarter="2026-Q3")
    assert q3.key == "2026-Q3" and q3.label == "2026年第三季度"
    assert (q3.current.start, q3.current.end) == (dt.date(2026, 7, 1), dt.date(2026, 10, 1))
    assert (q3.previous.start, q3.previous.end) == (dt.date(2026, 4, 1), dt.date(2026, 7, 1))
    assert (q3.last_year.start, q3.last_year.end) == (dt.date(2025, 7, 1), dt.date(2025, 10, 1))
    assert q3.months == ("2026-07", "2026-08", "2026-09")
    q1 = report_period(quarter="2026q1")
    assert (q1.previous.start, q1.previous.end) == (dt.date(2025, 10, 1), dt.date(2026, 1, 1))
    q4 = report_period(quarter="2026-Q4")
    assert q4.current.end == dt.date(2027, 1, 1)
    year = report_period(year="2026")
    assert year.is_year and year.previous == year.last_year and len(year.months) == 12
    for bad in ({"quarter": "2026-Q5"}, {"quarter": "Q3"}, {"year": "26"}, {}):
        with pytest.raises(ReportPeriodInvalid):
            report_period(**bad)


def test_every_figure_equals_the_monthly_stats_summed(demo: Context) -> None:
    period = report_period(quarter="2026-Q3")
    report = analysis_report(period, origin=demo.origin, scope="测试站")
    months = [compute_indicators(m, origin=demo.origin) for m in period.months]
    assert sum(m.figures["complaints_registered"] for m in months) > 30  # a real quarter
    for key in SUMMED:
        assert report.figures[key] == sum(m.figures[key] for m in months), key
    for row in report.summary:
        if row.kind != "rate":
            assert row.value == report.figures.get(row.key, 0), row.key
    for key, stats_key in STATS_KEYS.items():
        assert report.figures[key] == sum(m.as_json()[stats_key] for m in months), key
    recovered = sum(m.as_json()["recovered_yuan"] for m in months)
    assert report.figures["recovered_fen"] / 100 == pytest.approx(recovered)
    for prefix in ("category", "nature"):
        summed: dict[str, int] = {}
        for m in months:
            for code, count in m.breakdown(prefix).items():
                summed[code] = summed.get(code, 0) + count
        shares = report.categories if prefix == "category" else report.natures
        assert {s.code: s.count for s in shares if s.count} == summed
    # the same quarter a year earlier, and the quarter before, are the indicators' too
    before = [compute_indicators(m, origin=demo.origin) for m in ("2026-04", "2026-05", "2026-06")]
    assert report.previous_figures["complaints_registered"] == sum(
        m.figures["complaints_registered"] for m in before
    )
    rate = report.comparison("resolution_rate")
    assert rate.value == report.figures["resolved"] / report.figures["complaints_accepted"]


def test_the_year_report_sums_twelve_months(demo: Context) -> None:
    report = analysis_report(report_period(year="2025"), origin=demo.origin, scope="测试站")
    months = [compute_indicators(f"2025-{m:02d}", origin=demo.origin) for m in range(1, 13)]
    for key in SUMMED:
        assert report.figures[key] == sum(m.figures[key] for m in months), key
    assert [f["complaints_registered"] for _, f in report.months] == [
        m.figures["complaints_registered"] for m in months
    ]


def test_hot_businesses_are_the_most_complained_about(demo: Context) -> None:
    period = report_period(year="2026")
    report = analysis_report(period, origin=demo.origin, scope="测试站")
    counts: dict[str, int] = {}
    for c in Complaint.select().where(
        (Complaint.received_at >= dt.datetime(2026, 1, 1))
        & (Complaint.received_at < dt.datetime(2027, 1, 1))
        & (Complaint.deleted == False)  # noqa: E712
    ):
        key = c.respondent_credit_code or c.respondent_name
        counts[key] = counts.get(key, 0) + 1
    top = sorted(counts.values(), reverse=True)
    assert report.hot_businesses, "the demo has businesses complained about more than once"
    assert report.hot_businesses[0].complaints == top[0]
    assert [b.complaints for b in report.hot_businesses] == sorted(
        (b.complaints for b in report.hot_businesses), reverse=True
    )


def test_typical_cases_never_name_the_consumer(demo: Context) -> None:
    period = report_period(quarter="2026-Q3")
    chosen = list(
        Complaint.select()
        .where(Complaint.received_at >= dt.datetime(2026, 7, 1))
        .order_by(Complaint.id)
        .limit(2)
    )
    save_note(
        demo, period.key, demo.origin, "本季度重点关注农资。\n第二段。", [c.number for c in chosen]
    )
    assert saved_note(period.key, demo.origin) == (
        "本季度重点关注农资。\n第二段。",
        tuple(c.number for c in chosen),
    )
    report = analysis_report(period, origin=demo.origin, scope="测试站")
    assert [case.number for case in report.typical_cases] == [c.number for c in chosen]
    for complaint, case in zip(chosen, report.typical_cases, strict=True):
        people: list[Person] = [x.person for x in complaint.complainants]
        for person in people:
            assert person.name not in case.text
            if person.phone:
                assert person.phone not in case.text
        assert f"消费者{people[0].name[0]}某" in case.text
        assert complaint.respondent_name in case.text
    paper = analysis_document(report).plain_text()
    assert "本季度重点关注农资。" in paper and "第二段。" in paper
    assert all(p.name not in paper for c in chosen for p in (x.person for x in c.complainants))


def test_an_unknown_typical_case_is_refused_and_nothing_is_kept(demo: Context) -> None:
    with pytest.raises(TypicalCaseUnknown, match="没有编号为 NOPE 的投诉"):
        save_note(demo, "2026-Q3", demo.origin, "说明", ["NOPE"])
    assert saved_note("2026-Q3", demo.origin) == ("", ())
    with pytest.raises(StationError):
        save_note(demo, "2026-Q3", demo.origin, "长" * 20_001, [])


def test_the_paper_has_every_section_and_its_charts(demo: Context) -> None:
    report = analysis_report(report_period(quarter="2026-Q3"), origin=demo.origin, scope="测试站")
    content = analysis_document(report)
    text = content.plain_text()
    for heading in (
        "一、总体情况",
        "二、投诉类别",
        "三、投诉性质",
        "四、投诉热点",
        "五、群体性投诉与转办",
        "六、典型案例",
        "七、工作说明",
    ):
        assert heading in text
    assert "八、各服务站情况" not in text  # a station's report has no table of stations
    assert content.title == "2026年第三季度消费投诉分析报告"
    registered = f"{report.figures['complaints_registered']:,}"
    assert f"共登记消费者投诉{registered}件" in text


def test_the_county_report_has_a_row_for_every_station(demo: Context) -> None:
    period = report_period(quarter="2026-Q3")
    report = analysis_report(period, origin=None, scope="全县", county_code="511921000")
    assert demo.origin in [s.code for s in report.stations]
    total = report.figures["complaints_registered"]
    assert sum(s.figures["complaints_registered"] for s in report.stations) == total
    assert "八、各服务站情况" in analysis_document(report).plain_text()


def test_the_figures_workbook_holds_the_report_figures(demo: Context, tmp_path: Path) -> None:
    report = analysis_report(report_period(quarter="2026-Q3"), origin=demo.origin, scope="测试站")
    path = write_analysis_workbook(report, tmp_path / "figures.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[:5] == ["总体情况", "投诉类别", "投诉性质", "投诉热点", "各月"]
    rows = {r[0]: r for r in wb["总体情况"].iter_rows(min_row=2, values_only=True)}
    assert rows["登记投诉"][2] == report.figures["complaints_registered"]
    assert rows["挽回经济损失"][2] == pytest.approx(report.figures["recovered_fen"] / 100)
    months = list(wb["各月"].iter_rows(min_row=2, values_only=True))
    assert sum(r[1] for r in months) == report.figures["complaints_registered"]


def station_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from station_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_station_report_writes_the_pdf_with_charts_and_the_workbook(
    demo: Context, installation: Installation, tmp_path: Path
) -> None:
    installation.close()
    data = installation.paths.root
    note = tmp_path / "说明.txt"
    note.write_text("三季度农资投诉集中。", encoding="utf-8")
    done = station_cli(
        data, "report", "--quarter", "2026-Q3", "--out", str(tmp_path / "q3"),
        "--note-file", str(note),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf, xlsx = (Path(line) for line in done.stdout.split())
    assert pdf == tmp_path / "q3.pdf" and xlsx == tmp_path / "q3.xlsx" and xlsx.is_file()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # the CJK font's ToUnicode map gives some ideographs as Kangxi radicals (⼀ for 一): fold them
    text = unicodedata.normalize("NFKC", text)
    for words in (
        "2026年第三季度消费投诉分析报告",
        "一、总体情况",
        "七、工作说明",
        "三季度农资投诉集中",
    ):
        assert words in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    listed = [line.split() for line in images.stdout.splitlines()[2:]]
    pictures = {fields[10] for fields in listed if fields[2] == "image"}  # object ids
    assert len(pictures) >= 3, images.stdout  # the months, the categories, the natures
    stats = [
        json.loads(station_cli(data, "stats", "--month", m, "--json").stdout)
        for m in ("2026-07", "2026-08", "2026-09")
    ]
    figures = load_workbook(xlsx)["总体情况"]
    rows = {r[0]: r for r in figures.iter_rows(min_row=2, values_only=True)}
    assert rows["登记投诉"][2] == sum(s["complaints_registered"] for s in stats)
    assert rows["办结"][2] == sum(s["complaints_closed"] for s in stats)
    refused = station_cli(data, "report", "--quarter", "2026-Q9", "--out", str(tmp_path / "x"))
    assert refused.returncode == 1 and "2026-Q9" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    county = station_cli(data, "report", "--year", "2026", "--county", "--out", str(tmp_path / "y"))
    assert county.returncode == 1 and "县消协" in county.stderr
