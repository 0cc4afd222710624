"""One primary nature per complaint: counted once in the statistics, the others kept secondary."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from station_app.clock import FixedClock
from station_app.demo import generate_demo
from station_app.errors import ValidationFailed
from station_app.registry.complaints import draft_of, register_complaint, update_complaint
from station_app.registry.context import Context
from station_app.registry.natures import primary_of, secondary_of, split_natures
from station_app.reports.indicators import compute_indicators
from station_app.store.migrations import MIGRATIONS, Migration, m0007_legal_records
from station_app.store.models import Complaint
from station_app.workflow import transitions


def test_several_natures_without_a_primary_count_under_other(ctx: Context, make_complaint_draft):
    complaint = register_complaint(ctx, make_complaint_draft(natures=["quality", "price"]))
    assert complaint.primary_nature == "other"
    assert split_natures(complaint.natures) == ["other", "quality", "price"]
    draft = draft_of(complaint)
    assert draft.primary_nature == "other"
    assert secondary_of(draft.natures, draft.primary_nature) == ["quality", "price"]


def test_the_officer_names_the_primary_and_keeps_the_others(ctx: Context, make_complaint_draft):
    draft = make_complaint_draft(natures=["quality", "counterfeit"], primary_nature="counterfeit")
    complaint = register_complaint(ctx, draft)
    assert complaint.primary_nature == "counterfeit"
    assert complaint.natures == "counterfeit,quality"
    # a primary not ticked among the natures is added to them
    edited = draft_of(complaint)
    edited.primary_nature = "price"
    complaint = update_complaint(ctx, complaint.id, edited)
    assert complaint.primary_nature == "price"
    assert complaint.natures == "price,counterfeit,quality"


def test_an_unknown_primary_is_refused(ctx: Context, make_complaint_draft) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register_complaint(ctx, make_complaint_draft(primary_nature="nonsense"))
    assert [p.field for p in refused.value.problems] == ["primary_nature"]
    assert Complaint.select().count() == 0


def test_migration_backfills_the_primary_nature(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    for migration in MIGRATIONS:
        if migration.number < 7:
            migration.apply(connection)
    columns = [r[1] for r in connection.execute('PRAGMA table_info("complaint")')]
    assert "primary_nature" not in columns
    base = {c: 0 for c in columns if c != "id"}
    base.update(uid="", origin="TJ001", updated_at="2026-01-01", received_at="2026-01-01",
                channel="visit", status="registered", respondent_name="店", subject="肥",
                category_code="G10", facts="事由", search_text="")  # fmt: skip
    for number, natures in [("A", "quality"), ("B", "quality,price"), ("C", "price,other")]:
        row = {**base, "uid": number, "number": number, "natures": natures}
        connection.execute(
            f'INSERT INTO "complaint" ({", ".join(row)}) VALUES ({", ".join("?" * len(row))})',
            list(row.values()),
        )
    connection.execute("BEGIN")
    Migration.of(m0007_legal_records).apply(connection)
    connection.execute("COMMIT")
    rows = connection.execute(
        'SELECT number, natures, primary_nature FROM "complaint" ORDER BY number'
    ).fetchall()
    assert rows == [
        ("A", "quality", "quality"),
        ("B", "quality,price", "other"),
        ("C", "price,other", "other"),
    ]
    # the rule the migration applied is the one readers use for rows that lack a primary
    assert [primary_of(split_natures(n)) for _, n, _ in rows] == [p for _, _, p in rows]
    connection.close()


def test_each_complaint_counts_under_exactly_one_nature(ctx: Context, make_complaint_draft):
    january = dt.datetime(2026, 1, 5, 9, 0)
    drafts = [
        make_complaint_draft(received_at=january, natures=["quality", "counterfeit", "price"]),
        make_complaint_draft(received_at=january, natures=["quality"]),
        make_complaint_draft(
            received_at=january, natures=["safety", "quality"], primary_nature="safety"
        ),  # fmt: skip
        make_complaint_draft(received_at=january, natures=["personal_information"]),
    ]
    for draft in drafts:
        complaint = register_complaint(ctx, draft)
        transitions.accept(ctx, complaint.id, on=dt.date(2026, 1, 6))
    stats = compute_indicators("2026-01")
    by_nature = stats.breakdown("nature")
    # a sub-nature (个人信息) counts under its parent (人格权益)
    assert by_nature == {"other": 1, "quality": 1, "safety": 1, "personality_rights": 1}
    assert stats.figures["complaints_registered"] == stats.figures["complaints_accepted"] == 4
    assert sum(by_nature.values()) == 4


def test_demo_months_count_each_complaint_once(tmp_path: Path) -> None:
    from station_app.installation import init_station, open_installation

    clock = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
    installation = open_installation(tmp_path / "data")
    try:
        init_station(installation, code="TJ001", name="通江县诺江镇消费维权服务站", clock=clock)
        demo_ctx = installation.context(actor="测试", clock=clock)
        generate_demo(demo_ctx, complaints=240, visits=0, date_from=dt.date(2026, 1, 1),
                      date_to=dt.date(2026, 11, 20), seed=3)  # fmt: skip
        several = Complaint.select().where(Complaint.natures.contains(",")).count()
        assert several > 0  # the demo does make mixed complaints
        assert Complaint.select().where(Complaint.primary_nature.is_null()).count() == 0
        months = 0
        for month in range(1, 12):
            stats = compute_indicators(f"2026-{month:02d}")
            registered = stats.figures["complaints_registered"]
            assert sum(stats.breakdown("nature").values()) == registered
            months += registered > 0
        assert months >= 6
    finally:
        installation.close()


def test_the_ledger_shows_the_primary_nature_first(ctx: Context, make_complaint_draft) -> None:
    from station_app.reports.indicators import Period
    from station_app.reports.ledger_rows import registered_rows
    from station_app.store.models import database_proxy

    register_complaint(ctx, make_complaint_draft(natures=["quality", "price"]))
    register_complaint(ctx, make_complaint_draft(natures=["safety"]))
    # a row from before migration 7 (or an older program's bundle): no primary recorded
    old = register_complaint(ctx, make_complaint_draft(natures=["price", "counterfeit"]))
    database_proxy.execute_sql(
        "UPDATE complaint SET primary_nature = NULL, natures = 'price,counterfeit' WHERE id = ?",
        (old.id,),
    )
    month = Period(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    shown = [row[12] for row in registered_rows(month, None, unmasked=False)]
    assert shown == ["其他、质量、价格", "安全", "其他、价格、假冒"]


def test_the_new_column_and_table_travel_in_bundles() -> None:
    from station_app.sync.tables import table_by_name

    tables = table_by_name()
    assert "primary_nature" in tables["complaint"].column_names
    consent = tables["represented_consent"]
    assert {"person_id", "action", "granted", "given_at", "subject", "used_at"} <= set(
        consent.column_names
    )
    assert consent.references == {"complaint_id": "complaint", "person_id": "person"}
