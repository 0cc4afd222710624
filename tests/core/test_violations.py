"""Reports of violations (举报): registered (anonymous allowed), passed to the market-regulation
office, answered; counted apart from complaints; synced to the county and counted there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from station_app.errors import ValidationFailed
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, InstrumentCount, register_event, update_event
from station_app.registry.violations import (
    ViolationDraft,
    ViolationFilter,
    count_violations,
    delete_violation,
    list_violations,
    record_reply,
    refer_violation,
    register_violation,
)
from station_app.reports.indicators import compute_indicators
from station_app.store.violation_models import InstrumentCheck, ViolationReport

from .test_sync_helpers import Site, count_rows

AT = dt.datetime(2026, 11, 10, 9, 30)


def draft(**overrides: object) -> ViolationDraft:
    values: dict[str, object] = {
        "received_at": AT,
        "channel": "phone",
        "respondent_name": "诺江镇好又多超市",
        "subject": "短斤少两",
        "facts": "称重的电子秤每斤少二两。",
        "reporter_name": "王大明",
        "reporter_phone": "13800001111",
    }
    values.update(overrides)
    return ViolationDraft(**values)  # type: ignore[arg-type]


def test_a_report_is_registered_passed_on_and_answered(ctx: Context) -> None:
    report = register_violation(ctx, draft())
    assert report.number.startswith(f"{ctx.origin}-JB2026-")
    assert report.changes.violations == {report.id}
    refer_violation(ctx, report.id, dt.date(2026, 11, 12), "通江县市场监督管理局")
    record_reply(ctx, report.id, dt.date(2026, 11, 18), "已立案调查，罚款二千元。", True)
    stored = ViolationReport.get_by_id(report.id)
    assert (stored.referred_on, stored.referred_to) == (
        dt.date(2026, 11, 12),
        "通江县市场监督管理局",
    )
    assert stored.reply_on == dt.date(2026, 11, 18) and stored.case_filed is True
    [row] = list_violations(ViolationFilter(month="2026-11")).rows
    assert row.state == "replied" and row.reporter == "王**" and row.case_filed is True
    assert count_violations(ViolationFilter(state="waiting")) == 0


def test_an_anonymous_report_keeps_no_name_phone_or_address(ctx: Context) -> None:
    report = register_violation(
        ctx, draft(anonymous=True, reporter_name="李四", reporter_address="一村三组")
    )
    stored = ViolationReport.get_by_id(report.id)
    assert stored.anonymous and stored.reporter_name is None
    assert stored.reporter_phone is None and stored.reporter_address is None
    assert list_violations().rows[0].reporter == "匿名"


def test_bad_reports_and_steps_are_refused_and_write_nothing(ctx: Context) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register_violation(ctx, draft(reporter_name="", respondent_name=" ", channel="x"))
    fields = refused.value.by_field()
    assert fields["reporter_name"] == "请填写举报人姓名，或选择匿名举报。"
    assert {"respondent_name", "channel"} <= set(fields)
    assert ViolationReport.select().count() == 0
    report = register_violation(ctx, draft())
    with pytest.raises(ValidationFailed, match="还没有转交"):
        record_reply(ctx, report.id, dt.date(2026, 11, 18), "答复", None)
    with pytest.raises(ValidationFailed, match="不能早于收到举报的日期"):
        refer_violation(ctx, report.id, dt.date(2026, 11, 1))
    with pytest.raises(ValidationFailed, match="须写明原因"):
        delete_violation(ctx, report.id, " ")
    assert ViolationReport.get_by_id(report.id).referred_on is None


def test_reports_count_apart_from_complaints_in_the_monthly_figures(ctx: Context) -> None:
    before = compute_indicators("2026-11", origin=ctx.origin).figures
    first = register_violation(ctx, draft())
    register_violation(ctx, draft(anonymous=True, reporter_name=None))
    refer_violation(ctx, first.id, dt.date(2026, 11, 12))
    record_reply(ctx, first.id, dt.date(2026, 11, 19), "已立案。", True)
    figures = compute_indicators("2026-11", origin=ctx.origin).figures
    assert figures["violations_registered"] == 2
    assert figures["violations_referred"] == 1
    assert figures["violations_replied"] == 1 and figures["violations_case_filed"] == 1
    assert figures["complaints_registered"] == before["complaints_registered"]
    row = compute_indicators("2026-11", origin=ctx.origin).row("violations_registered")
    assert row.label == "举报登记" and row.month == 2


def test_warnings_tips_and_instrument_checks_are_counted(ctx: Context) -> None:
    register_event(
        ctx,
        EventDraft(held_on=dt.date(2026, 11, 3), event_type="consumer_warning",
                   topic="预付卡消费风险警示", channel="wechat_group", reach=800),
    )  # fmt: skip
    register_event(
        ctx,
        EventDraft(held_on=dt.date(2026, 11, 4), event_type="consumer_tip",
                   topic="冬季取暖器具安全消费提示", channel="broadcast", reach=300),
    )  # fmt: skip
    fair = register_event(
        ctx,
        EventDraft(
            held_on=dt.date(2026, 11, 5), event_type="market_advice", topic="集市咨询",
            attendees=120,
            instruments=[InstrumentCount("scale", 30, 2), InstrumentCount("glasses", 8, 1)],
        ),
    )  # fmt: skip
    figures = compute_indicators("2026-11", origin=ctx.origin).figures
    assert figures["event_type:consumer_warning"] == 1 and figures["event_type:consumer_tip"] == 1
    assert figures["notice_reach"] == 1100
    assert (figures["instruments_checked"], figures["instruments_failed"]) == (38, 3)
    # editing the event changes its checks: one kind taken off, one changed
    update_event(
        ctx,
        fair.id,
        EventDraft(held_on=dt.date(2026, 11, 5), event_type="market_advice", topic="集市咨询",
                   attendees=120, instruments=[InstrumentCount("scale", 30, 4)]),
    )  # fmt: skip
    figures = compute_indicators("2026-11", origin=ctx.origin).figures
    assert (figures["instruments_checked"], figures["instruments_failed"]) == (30, 4)
    assert InstrumentCheck.select().where(InstrumentCheck.deleted == True).count() == 1  # noqa: E712
    with pytest.raises(ValidationFailed, match="不合格件数不能多于检测件数"):
        register_event(
            ctx,
            EventDraft(held_on=dt.date(2026, 11, 6), event_type="day_315", topic="3·15",
                       instruments=[InstrumentCount("blood_pressure", 5, 6)]),
        )  # fmt: skip


def test_reports_sync_to_the_county_and_count_there_apart_from_complaints(tmp_path: Path) -> None:
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "县消协", role="county")
    with station.open() as (_, ctx):
        at = ctx.clock.local_now().replace(microsecond=0) - dt.timedelta(hours=1)
        first = register_violation(ctx, draft(received_at=at))
        register_violation(ctx, draft(received_at=at, anonymous=True, reporter_name=None))
        refer_violation(ctx, first.id, at.date())
    month = at.strftime("%Y-%m")
    bundle = station.export(tmp_path / "usb")
    [report] = county.import_(bundle)
    assert not report.refused, report.message
    assert count_rows(county.database, "violation_report", "TJ001") == 2
    with county.open() as (_, ctx):
        figures = compute_indicators(month, origin=None).figures
        assert figures["violations_registered"] == 2 and figures["violations_referred"] == 1
        assert figures["complaints_registered"] == 0
