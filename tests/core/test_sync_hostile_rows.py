"""Every bundle row is checked against its table before merging: a signed bundle with one value of
the wrong type, size, range, format or code is refused whole, naming the part, the line and the
field, and the county is unchanged (never an internal error, never a poisoned record)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_sync_helpers import Site, copy_setting, manifest_of, unsealed_copy
from .test_sync_hostile_ownership import Parts, forge
from .test_sync_refusals import refused, rewrite, sign_as


@pytest.fixture(scope="module")
def setting_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, tuple[Site, Site, Path]]:
    """Built once per module; each test gets a copy (``setting``)."""
    tmp_path = tmp_path_factory.mktemp("setting")
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    station.demo(complaints=6, visits=3, seed=1)
    (report,) = county.import_(station.export(tmp_path / "usb"))
    assert report.status == "imported"
    station.demo(complaints=3, visits=2, seed=2)
    # edited by hand below: the plain signed zip inside the sealed file
    return tmp_path, (station, county, unsealed_copy(station.export(tmp_path / "usb")))


@pytest.fixture
def setting(
    setting_template: tuple[Path, tuple[Site, Site, Path]], tmp_path: Path
) -> tuple[Site, Site, Path]:
    source, built = setting_template
    return copy_setting(source, built, tmp_path)  # type: ignore[return-value]


TOO_LONG = "长" * 201

# (table, field, bad value, words of the reason)
BAD_VALUES = [
    ("complaint", "facts", {"text": "一个对象"}, "应为不超过 1000000 字的文本"),
    ("complaint", "fraud", [1], "应为 0 或 1"),
    ("complaint", "fraud", 2, "应为 0 或 1"),
    ("complaint", "version", 2**63, "应为 1 至 4611686018427387904 的整数"),
    ("complaint", "version", 2**62 + 1, "应为 1 至 4611686018427387904 的整数"),
    ("complaint", "version", 0, "应为 1 至"),
    ("complaint", "version", 1.5, "应为 1 至"),
    ("complaint", "recovered_fen", "100元", "应为以分计的金额"),
    ("complaint", "recovered_fen", -1, "应为以分计的金额"),
    ("complaint", "recovered_fen", 10**12 + 1, "应为以分计的金额"),
    ("complaint", "amount_paid_fen", 12.5, "应为以分计的金额"),
    ("complaint", "group_size", 10**10, "应为 0 至 1000000000 的整数"),
    ("complaint", "purchase_date", 20260101, "1900–2099 年间的日期 YYYY-MM-DD"),
    ("complaint", "purchase_date", "2026-02-30", "1900–2099 年间的日期 YYYY-MM-DD"),
    ("complaint", "purchase_date", "1899-12-31", "1900–2099 年间的日期 YYYY-MM-DD"),
    ("complaint", "received_at", "2100-01-01 00:00:00", "1900–2099 年间的时间"),
    ("complaint", "purchase_date", "2026-1-5", "1900–2099 年间的日期 YYYY-MM-DD"),
    ("complaint", "received_at", "2026-11-20T10:00:00", "1900–2099 年间的时间 YYYY-MM-DD HH:MM:SS"),
    ("complaint", "received_at", "2026-11-20 25:00:00", "1900–2099 年间的时间 YYYY-MM-DD HH:MM:SS"),
    (
        "complaint",
        "received_at",
        "2026-11-20 10:00:00+08:00",
        "1900–2099 年间的时间 YYYY-MM-DD HH:MM:SS",
    ),
    ("complaint", "updated_at", 1700000000, "1900–2099 年间的时间 YYYY-MM-DD HH:MM:SS"),
    ("complaint", "respondent_name", TOO_LONG, "应为不超过 200 字的文本"),
    ("complaint", "subject", None, "不能为空"),
    ("complaint", "subject", "铃\x07声", "含有控制字符"),
    ("complaint", "subject", "a\x00b", "含有控制字符"),
    ("complaint", "facts", "退\x08格", "含有控制字符"),
    ("complaint", "subject", "\ud800", "应为不超过 200 字的文本"),
    ("complaint", "category_code", "ZZZ", "代码表中的代码"),
    ("complaint", "status", "hacked", "代码表中的代码"),
    ("complaint", "natures", "quality,bogus", "代码表中没有的代码"),
    ("complaint", "demands", 7, "应为不超过 200 字的文本"),
    ("complaint", "officer_id", 5, "应为 32 位十六进制的记录标识"),
    ("complaint", "uid", "not-a-uid", "应为 32 位十六进制的记录标识"),
    ("complaint", "origin", None, "不能为空"),
    ("visit", "headcount", "3", "应为 0 至 1000000000 的整数"),
    ("visit", "channel", "carrier_pigeon", "代码表中的代码"),
]


def _edit_second(table: str, field: str, value: object):  # type: ignore[no-untyped-def]
    def edit(parts: Parts) -> None:
        records = parts[table]
        assert len(records) >= 2
        record = dict(records[1])  # type: ignore[call-overload]
        record[field] = value
        records[1] = record

    return edit


@pytest.mark.parametrize(("table", "field", "value", "words"), BAD_VALUES)
def test_a_bad_value_is_refused_naming_part_line_and_field(
    setting: tuple[Site, Site, Path],
    tmp_path: Path,
    table: str,
    field: str,
    value: object,
    words: str,
) -> None:
    station, county, bundle = setting
    bad = forge(station, bundle, tmp_path / "bad.stbundle", _edit_second(table, field, value))
    reason = refused(county, bad)
    assert f"“parts/{table}.ndjson”第 2 行的字段“{field}”无效" in reason, reason
    assert words in reason, reason


def test_an_unknown_column_is_refused(setting: tuple[Site, Site, Path], tmp_path: Path) -> None:
    station, county, bundle = setting
    bad = forge(station, bundle, tmp_path / "bad.stbundle",
                _edit_second("complaint", "owner_override", "TJ002"))  # fmt: skip
    assert "“parts/complaint.ndjson”第 2 行有本表没有的字段“owner_override”" in refused(county, bad)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (b"{not json", "第 2 行不是有效的 JSON"),
        (b"[1, 2]", "第 2 行不是 JSON 对象"),
        (b"\xff\xfe", "第 2 行不是有效的 JSON"),
    ],  # fmt: skip
)
def test_a_line_that_is_not_a_record(
    setting: tuple[Site, Site, Path], tmp_path: Path, line: bytes, words: str
) -> None:
    station, county, bundle = setting

    def edit(parts: Parts) -> None:
        parts["visit"][1] = line

    reason = refused(county, forge(station, bundle, tmp_path / "bad.stbundle", edit))
    assert f"“parts/visit.ndjson”{words}" in reason, reason


def test_good_rows_with_json_booleans_and_missing_optional_columns_are_accepted(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    """What the checks allow: true/false for a flag, a column an older schema lacked (default)."""
    station, county, bundle = setting

    def edit(parts: Parts) -> None:
        record = dict(parts["complaint"][1])  # type: ignore[call-overload]
        record["fraud"] = True
        del record["remarks"]
        parts["complaint"][1] = record

    (report,) = county.import_(forge(station, bundle, tmp_path / "ok.stbundle", edit))
    assert report.status == "imported", report.message


@pytest.mark.parametrize(
    ("field", "value"),
    [("seq", 2**63), ("seq", "7"), ("seq", 0), ("station", {"code": {"x": 1}, "name": "甲站"}),
     ("change_seq", {"from": 1, "to": 2**70}), ("control_totals", {"recovered_fen": "许多"})],
)  # fmt: skip
def test_a_manifest_with_a_bad_field(
    setting: tuple[Site, Site, Path], tmp_path: Path, field: str, value: object
) -> None:
    station, county, bundle = setting
    manifest = manifest_of(bundle)
    manifest[field] = value
    bad = rewrite(bundle, tmp_path / "bad.stbundle", change=sign_as(station, manifest))
    assert "清单内容不完整或无效（" in refused(county, bad)


def test_a_pause_that_ends_before_it_starts(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    """Columns that contradict each other where the program reads them back (every deadline of
    the complaint) are refused like a bad value."""
    station, county, bundle = setting

    def edit(parts: Parts) -> None:
        complaint = parts["complaint"][0]
        base = {"origin": "TJ001", "version": 1, "updated_at": "2026-11-20 02:06:00+00:00",
                "deleted": 0, "complaint_id": complaint["uid"], "kind": "testing",  # type: ignore[index]
                "institution": None, "note": None}  # fmt: skip
        parts["mediation_pause"] = [
            {**base, "uid": "1" * 32, "started_on": "2026-11-01", "ended_on": "2026-11-05"},
            {**base, "uid": "2" * 32, "started_on": "2026-11-10", "ended_on": "2026-11-09"},
        ]

    reason = refused(county, forge(station, bundle, tmp_path / "bad.stbundle", edit))
    assert "“parts/mediation_pause.ndjson”第 2 行的字段“ended_on”无效：不能早于开始日期" in reason


def test_every_column_of_every_synced_table_has_a_check() -> None:
    """The checks come from the models: each column gets a rule of its field's kind, and every
    coded column named in row_checks exists (a renamed column would silently lose its check)."""
    from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField, IntegerField

    from station_app.sync.row_checks import CODED_COLUMNS, MULTI_CODED_COLUMNS, checker_for
    from station_app.sync.tables import synced_tables

    expected = {BooleanField: "flag", DateTimeField: "datetime", DateField: "date",
                IntegerField: "integer", ForeignKeyField: "reference"}  # fmt: skip
    columns = set()
    for table in synced_tables():
        checker = checker_for(table)
        assert [r.name for r in checker.rules] == table.column_names
        fields = {f.column_name: f for f in table.model._meta.sorted_fields}
        for rule in checker.rules:
            columns.add((table.name, rule.name))
            field = fields[rule.name]
            kind = next((k for t, k in expected.items() if isinstance(field, t)), None)
            if rule.name != "uid" and kind is not None:
                assert rule.kind == kind, (table.name, rule.name)
            assert rule.null == bool(field.null), (table.name, rule.name)
            if rule.kind == "text" and getattr(field, "max_length", None) and not rule.codes:
                assert rule.max_length == field.max_length, (table.name, rule.name)
    assert set(CODED_COLUMNS) <= columns and set(MULTI_CODED_COLUMNS) <= columns
