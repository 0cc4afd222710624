"""Old registers (旧台账): a station's Excel complaint register from before the program, imported as
closed historical complaints.

Stations kept their registers in Excel, WPS or a CSV for years, each in a layout close to the
ledger's columns but never the same: a title above the header, merged cells, other names for the
same column, GBK text. The file is read as the roster is (every cell as text, within the same file
limits, spreadsheets in the contained reader), the header row is found by the column names the
ledger uses and their aliases, and the officer may map a column by hand. Each row becomes a
complaint, checked as the form checks one; a preview lists every row with its errors (sheet row
and column). Import is all or nothing.

Imported complaints are closed historical records: their workflow moves (受理, then 办结 or the
outcome's end) are dated on the register's own dates so the statistics count them in their
months, each move and an audit entry say they came from the file (action ``import``). A row's uid
is derived from the station and the row's content, so importing the same file again changes
nothing. Registration numbers are kept when present and unused; otherwise the row gets a new one
(the preview says which).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from station_app import codes
from station_app.changes import NO_CHANGES, Changes
from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.messages import N_, msg, translate
from station_app.registry.audit import record_action
from station_app.registry.complaints import ComplaintDraft, register_complaint, validate_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.roster.cell_text import (
    column_index,
    column_letter,
    find_header_row,
    normalise_header,
    parse_date_text,
    restore_number_text,
)
from station_app.roster.roster_file import read_workbook
from station_app.roster.sheet_reader import CancelFlag, Progress, Sheet
from station_app.store.models import Complaint, database_proxy
from station_app.store.sync_columns import stamp_edit
from station_app.store.workflow_models import ComplaintTransition
from station_app.validation import parse_yuan_to_fen
from station_app.workflow import states
from station_app.workflow.transitions import insert_transition

IMPORT_ACTION = "import"
_UID_NAMESPACE = uuid.UUID("6f1d4c8e-5b0a-4f57-9a55-3c9d1e0b7a21")
MAX_REGISTER_ROWS = 100_000


@dataclass(frozen=True)
class RegisterField:
    key: str
    title: str  # the ledger's column name
    aliases: tuple[str, ...] = ()
    required: bool = False


FIELDS: tuple[RegisterField, ...] = (
    RegisterField("number", N_("登记编号"), ("编号", "投诉编号", "案件编号", "登记号", "受理编号")),
    RegisterField(
        "received_on",
        N_("登记日期"),
        ("投诉日期", "受理日期", "日期", "收到日期", "登记时间", "投诉时间"),
        required=True,
    ),
    RegisterField("channel", N_("渠道"), ("投诉渠道", "投诉方式", "来源", "投诉途径", "受理方式")),
    RegisterField(
        "complainant",
        N_("投诉人"),
        ("投诉人姓名", "消费者", "消费者姓名", "姓名", "投诉者"),
        required=True,
    ),
    RegisterField("phone", N_("联系电话"), ("电话", "手机", "联系方式", "投诉人电话", "手机号码")),
    RegisterField("address", N_("住址"), ("投诉人地址", "地址", "家庭住址", "投诉人住址")),
    RegisterField(
        "respondent",
        N_("被投诉方"),
        ("被投诉人", "被诉方", "被投诉单位", "经营者", "被投诉经营者", "商家", "被投诉方名称"),
        required=True,
    ),
    RegisterField("credit_code", N_("统一社会信用代码"), ("信用代码", "社会信用代码")),
    RegisterField("respondent_address", N_("被投诉方地址"), ("经营者地址", "被投诉人地址")),
    RegisterField(
        "subject", N_("商品/服务"), ("商品或服务", "投诉商品", "商品名称", "商品服务名称", "商品")
    ),
    RegisterField(
        "category", N_("大类/小类"), ("大类", "类别", "商品服务类别", "投诉类别", "分类", "类型")
    ),
    RegisterField("nature", N_("投诉性质"), ("性质", "问题性质")),
    RegisterField("purchase_date", N_("购买日期"), ("购买时间", "消费日期")),
    RegisterField("amount", N_("涉及金额(元)"), ("涉及金额", "金额", "争议金额", "金额(元)")),
    RegisterField(
        "facts",
        N_("事由摘要"),
        ("投诉内容", "事由", "主要问题", "投诉事由", "简要案情", "投诉问题", "投诉事项"),
    ),
    RegisterField("demands", N_("诉求"), ("投诉诉求", "消费者诉求", "要求")),
    RegisterField("outcome", N_("处理结果"), ("结果", "办理结果", "处理情况", "调解结果")),
    RegisterField(
        "recovered",
        N_("挽回经济损失(元)"),
        ("挽回经济损失", "挽回损失", "挽回金额", "挽回损失(元)"),
    ),
    RegisterField("punitive", N_("加倍赔偿(元)"), ("加倍赔偿", "惩罚性赔偿")),
    RegisterField("closed_on", N_("办结日期"), ("结案日期", "办结时间", "完成日期", "结案时间")),
    RegisterField("hotline", N_("12315编号"), ("12315工单号", "工单编号", "12315工单编号")),
    RegisterField("remarks", N_("备注"), ()),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
# how the outcome ends the complaint: the moves written after 受理 (or instead of it)
_ENDINGS: dict[str, tuple[str, str]] = {
    "mediated": ("close", states.CLOSED),
    "settled": ("close", states.CLOSED),
    "referral_closed": ("close", states.CLOSED),
    "unreachable": ("close", states.CLOSED),
    "other": ("close", states.CLOSED),
    "no_agreement": ("end_mediation", states.MEDIATION_ENDED),
    "withdrawn": ("withdraw", states.WITHDRAWN),
}
# complaint fields of a draft → the register field a refusal names
_DRAFT_FIELDS = {
    "received_at": "received_on",
    "channel": "channel",
    "respondent_name": "respondent",
    "respondent_credit_code": "credit_code",
    "respondent_address": "respondent_address",
    "subject": "subject",
    "category_code": "category",
    "natures": "nature",
    "purchase_date": "purchase_date",
    "disputed_amount_fen": "amount",
    "facts": "facts",
    "demands": "demands",
    "hotline_number": "hotline",
    "remarks": "remarks",
}


class RegisterUnreadable(StationError):
    """The file is not a register this program can read (no header row, no rows)."""


class RegisterRefused(StationError):
    """Import refused: rows with errors (nothing was imported)."""


@dataclass(frozen=True)
class RowError:
    row: int  # the sheet's row number
    column: str  # letter, "" when the row as a whole is wrong
    header: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return msg(
                "第 {row} 行 {column} 列（{header}）：{message}", row=self.row,
                column=self.column, header=self.header, message=self.message,
            )  # fmt: skip
        return msg("第 {row} 行：{message}", row=self.row, message=self.message)


@dataclass
class RegisterRow:
    row: int
    uid: str
    draft: ComplaintDraft
    number: str | None  # as the register has it
    outcome: str
    closed_on: dt.date
    recovered_fen: int
    punitive_fen: int
    already: bool = False  # imported before (the same row)
    number_taken: bool = False  # the number is another complaint's: a new one is given


@dataclass
class RegisterPreview:
    path: Path
    sheet: str
    header_row: int  # the sheet's row number
    columns: dict[str, int]  # field → column index
    headers: list[str]  # the header row's texts
    rows: list[RegisterRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def new_rows(self) -> list[RegisterRow]:
        return [r for r in self.rows if not r.already]

    def summary(self) -> str:
        return msg(
            "{file}：{rows} 行，新导入 {new} 件，已导入过 {already} 件，有错误 {bad} 行",
            file=self.path.name,
            rows=len(self.rows) + len({e.row for e in self.errors}),
            new=len(self.new_rows),
            already=len(self.rows) - len(self.new_rows),
            bad=len({e.row for e in self.errors}),
        )


# -- reading -------------------------------------------------------------------------------------


def _aliases() -> dict[str, tuple[str, ...]]:
    return {f.key: (f.title, *f.aliases) for f in FIELDS}


def _best_sheet(sheets: Sequence[Sheet]) -> tuple[Sheet, int] | None:
    """The sheet whose header row names the most register fields, with that row's index."""
    best: tuple[Sheet, int, int] | None = None
    aliases = _aliases()
    for sheet in sheets:
        index = find_header_row(sheet.rows, aliases=aliases)
        if index is None:
            continue
        score = len(_match_columns(sheet.rows[index], {}))
        if best is None or score > best[2]:
            best = (sheet, index, score)
    return None if best is None else (best[0], best[1])


def _match_columns(header: Sequence[str], overrides: Mapping[str, str]) -> dict[str, int]:
    """field → column index, by name and alias; ``overrides`` (field → header text or column
    letter; empty: no column) win."""
    lookup: dict[str, str] = {}
    for f in FIELDS:
        for name in (f.title, *f.aliases):
            lookup.setdefault(normalise_header(name), f.key)
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        key = lookup.get(normalise_header(text))
        if key and key not in columns:
            columns[key] = index
    for key, wanted in overrides.items():
        if key not in FIELD_BY_KEY:
            raise RegisterUnreadable(msg("没有名为“{name}”的台账字段。", name=key))
        if not wanted.strip():  # the officer said: this field is in no column
            columns.pop(key, None)
            continue
        found = _column_of(header, wanted)
        if found is None:
            raise RegisterUnreadable(
                msg(
                    "表头中没有“{header}”这一列（指定给“{field}”）。",
                    header=wanted,
                    field=translate(FIELD_BY_KEY[key].title),
                )  # fmt: skip
            )
        columns = {k: v for k, v in columns.items() if v != found}
        columns[key] = found
    return columns


def _column_of(header: Sequence[str], wanted: str) -> int | None:
    text = wanted.strip()
    if re.fullmatch(r"[A-Za-z]{1,3}", text):
        index = column_index(text)
        return index if index < len(header) else None
    key = normalise_header(text)
    return next((i for i, h in enumerate(header) if normalise_header(h) == key), None)


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """``["facts=投诉内容", "complainant=B"]`` (the command line's ``--map``): field → column."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        key, sep, column = pair.partition("=")
        if not sep or not key.strip() or not column.strip():
            raise RegisterUnreadable(
                msg("对应关系“{pair}”应写作 字段=列名 或 字段=列字母。", pair=pair)
            )
        mapping[key.strip()] = column.strip()
    return mapping


# -- one row -------------------------------------------------------------------------------------

EMPTY_MONEY = {"-", "—", "无"}  # how registers write "no amount"


def parse_yuan(text: str) -> int | None:
    """A register's amount in fen (``"1,234.50"``, ``"¥80"``, ``"80元"``), read as the forms read
    money (``validation.parse_yuan_to_fen``); ``None`` for an empty cell or a dash."""
    s = unicodedata.normalize("NFKC", text).strip()
    if s in EMPTY_MONEY:
        return None
    try:
        return parse_yuan_to_fen(s)
    except FieldError as error:
        raise ValueError(error.message) from None


def _code(list_: codes.CodeList, text: str) -> str | None:
    """The code a register's word stands for (name, former name, code, English)."""
    return list_.code_for(text.strip()) if text.strip() else None


def _codes(list_: codes.CodeList, text: str) -> tuple[list[str], list[str]]:
    """Several words split at 、，,;/ → (codes, words not known)."""
    found, unknown = [], []
    for word in re.split(r"[、，,;；/\s]+", unicodedata.normalize("NFKC", text)):
        if not word:
            continue
        code = list_.code_for(word)
        if code is None:
            unknown.append(word)
        elif code not in found:
            found.append(code)
    return found, unknown


def _category(text: str) -> str | None:
    """大类/小类 as registers write it: ``家用电子电器类``, ``家用电子电器类/手机``, a subcategory."""
    categories = codes.category_list()
    for part in re.split(r"[/／\-—]", text):
        code = _code(categories, part)
        if code:
            return code
    return None


class _Row:
    """One sheet row being turned into a complaint; errors name the row and column."""

    def __init__(self, preview: RegisterPreview, cells: Sequence[str], row_number: int) -> None:
        self.preview, self.cells, self.row_number = preview, cells, row_number
        self.errors: list[RowError] = []

    def text(self, key: str) -> str:
        index = self.preview.columns.get(key)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()

    def fail(self, key: str, message: str) -> None:
        index = self.preview.columns.get(key)
        header = (
            self.preview.headers[index] if index is not None else translate(FIELD_BY_KEY[key].title)
        )
        letter = column_letter(index) if index is not None else ""
        self.errors.append(RowError(self.row_number, letter, header, message))

    def date(self, key: str) -> dt.date | None:
        try:
            return parse_date_text(self.text(key))
        except ValueError as error:
            self.fail(key, str(error))
            return None

    def money(self, key: str) -> int | None:
        try:
            return parse_yuan(self.text(key))
        except ValueError as error:
            self.fail(key, str(error))
            return None


def _read_row(
    preview: RegisterPreview, cells: Sequence[str], row_number: int, ctx: Context
) -> tuple[RegisterRow | None, list[RowError]]:
    r = _Row(preview, cells, row_number)
    received = r.date("received_on")
    for f in FIELDS:
        if f.required and not r.text(f.key) and f.key != "received_on":
            r.fail(f.key, msg("不能为空。"))
    if not r.text("received_on"):
        r.fail("received_on", msg("不能为空。"))
    if not r.text("facts") and not r.text("subject"):
        r.fail("facts", msg("事由摘要和商品/服务不能都为空。"))
    channel = "visit"
    if r.text("channel"):
        channel = _code(codes.code_list("channel"), r.text("channel")) or ""
        if not channel:
            r.fail("channel", msg("不认识的渠道“{text}”。", text=r.text("channel")))
    category = "O01"
    if r.text("category"):
        category = _category(r.text("category")) or ""
        if not category:
            r.fail("category", msg("不认识的商品或服务类别“{text}”。", text=r.text("category")))
    natures, unknown = _codes(codes.code_list("nature"), r.text("nature"))
    if unknown:
        r.fail("nature", msg("不认识的投诉性质“{text}”。", text="、".join(unknown)))
    demands, unknown = _codes(codes.code_list("demand"), r.text("demands"))
    demand_text = "、".join(unknown) or None  # free words stay as the demand's text
    outcome = "other"
    if r.text("outcome"):
        outcome = _code(codes.code_list("outcome"), r.text("outcome")) or ""
        if not outcome:
            r.fail("outcome", msg("不认识的处理结果“{text}”。", text=r.text("outcome")))
    closed = r.date("closed_on")
    if received and closed and closed < received:
        r.fail("closed_on", msg("办结日期早于登记日期。"))
    purchase = r.date("purchase_date")
    amount, recovered, punitive = r.money("amount"), r.money("recovered"), r.money("punitive")
    if r.errors or received is None:
        return None, r.errors
    phone = restore_number_text(r.text("phone")) or None
    draft = ComplaintDraft(
        received_at=dt.datetime.combine(received, dt.time(9, 0)),
        channel=channel,
        complainants=[
            PersonDraft(name=r.text("complainant"), phone=phone, address=r.text("address") or None)
        ],  # fmt: skip
        respondent_name=r.text("respondent"),
        respondent_credit_code=r.text("credit_code").upper() or None,
        respondent_address=r.text("respondent_address") or None,
        subject=r.text("subject") or r.text("facts")[:50],
        category_code=category,
        natures=natures or ["other"],
        facts=r.text("facts") or r.text("subject"),
        purchase_date=purchase,
        disputed_amount_fen=amount,
        demands=demands,
        demand_text=demand_text,
        hotline_number=r.text("hotline") or None,
        remarks=r.text("remarks") or None,
    )
    try:
        draft = validate_complaint(draft, ctx)
    except ValidationFailed as failed:
        for problem in failed.problems:
            name = problem.field.split(".")[0]
            key = _DRAFT_FIELDS.get(name, "complainant" if name == "complainants" else "")
            if key:
                r.fail(key, problem.message)
            else:
                r.errors.append(RowError(row_number, "", "", problem.message))
        return None, r.errors
    content = "\x1f".join(
        cells[i].strip() for i in sorted(preview.columns.values()) if i < len(cells)
    )
    digest = hashlib.sha256(f"{ctx.origin}\x1e{content}".encode()).hexdigest()
    return (
        RegisterRow(
            row=row_number,
            uid=uuid.uuid5(_UID_NAMESPACE, digest).hex,
            draft=draft,
            number=r.text("number") or None,
            outcome=outcome,
            closed_on=closed or received,
            recovered_fen=recovered or 0,
            punitive_fen=punitive or 0,
        ),
        [],
    )


# -- preview and import --------------------------------------------------------------------------


def preview_register(
    ctx: Context,
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> RegisterPreview:
    """Read ``path`` and check every row; nothing is written."""
    workbook = read_workbook(path, progress=progress, cancel=cancel)
    found = _best_sheet(workbook.sheets)
    name = Path(path).name
    if found is None:
        raise RegisterUnreadable(
            msg("{file}：没有找到台账的表头（应有 登记日期、投诉人、被投诉方 等列）。", file=name)
        )
    sheet, index = found
    header = sheet.rows[index]
    columns = _match_columns(header, mapping or {})
    preview = RegisterPreview(
        Path(path), sheet.name, sheet.row_number(index), columns, list(header)
    )
    missing = [translate(f.title) for f in FIELDS if f.required and f.key not in columns]
    if missing:
        raise RegisterUnreadable(
            msg(
                "{file}：表头中没有 {columns} 列；可用“对应关系”指定。",
                file=name,
                columns="、".join(missing),
            )  # fmt: skip
        )
    data = sheet.rows[index + 1 :]
    if len(data) > MAX_REGISTER_ROWS:
        raise RegisterUnreadable(
            msg("{file}：超过 {limit} 行。", file=name, limit=MAX_REGISTER_ROWS)
        )
    seen: dict[str, int] = {}
    numbers: dict[str, int] = {}
    for offset, cells in enumerate(data, start=index + 1):
        if not any(c.strip() for c in cells):
            continue
        row_number = sheet.row_number(offset)
        if _is_total_row(cells):
            preview.notes.append(msg("第 {row} 行是合计行，未导入。", row=row_number))
            continue
        row, errors = _read_row(preview, cells, row_number, ctx)
        preview.errors.extend(errors)
        if row is None:
            continue
        if row.uid in seen:
            preview.notes.append(
                msg(
                    "第 {row} 行与第 {first} 行完全相同，只导入一次。",
                    row=row_number,
                    first=seen[row.uid],
                )  # fmt: skip
            )
            continue
        seen[row.uid] = row_number
        if row.number:
            if row.number in numbers:
                row.number_taken = True
            numbers.setdefault(row.number, row_number)
        preview.rows.append(row)
    if not preview.rows and not preview.errors:
        raise RegisterUnreadable(msg("{file}：表头下没有投诉记录。", file=name))
    _mark_known(preview)
    return preview


def _is_total_row(cells: Sequence[str]) -> bool:
    first = next((c.strip() for c in cells if c.strip()), "")
    return normalise_header(first) in {"合计", "总计", "小计", "合计:"}


def _mark_known(preview: RegisterPreview) -> None:
    """Rows imported before (same uid), and numbers another complaint already has."""
    uids = [r.uid for r in preview.rows]
    known: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        known |= {c.uid for c in Complaint.select(Complaint.uid).where(Complaint.uid.in_(chunk))}
    numbers = [r.number for r in preview.rows if r.number]
    taken: set[str] = set()
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        taken |= {
            c.number
            for c in Complaint.select(Complaint.number, Complaint.uid).where(
                Complaint.number.in_(chunk)
            )
            if c.uid not in known
        }
    for row in preview.rows:
        row.already = row.uid in known
        if row.number in taken:
            row.number_taken = True
    renumbered = [r for r in preview.rows if r.number_taken and not r.already]
    if renumbered:
        preview.notes.append(msg("{n} 行的登记编号已被使用，导入时另编新号。", n=len(renumbered)))


@dataclass(frozen=True)
class RegisterImported:
    file: str
    imported: int
    already: int
    renumbered: int
    changes: Changes = NO_CHANGES  # the complaints written


def import_register(
    ctx: Context,
    preview: RegisterPreview,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> RegisterImported:
    """Import every new row of ``preview`` in one transaction, or nothing (``RegisterRefused``
    when any row has an error)."""
    if preview.errors:
        raise RegisterRefused(
            msg(
                "{file}：{n} 行有错误，没有导入任何记录。第一处：{first}",
                file=preview.path.name,
                n=len({e.row for e in preview.errors}),
                first=str(preview.errors[0]),
            )  # fmt: skip
        )
    rows = preview.new_rows
    reason = msg("从旧台账导入：{file} 第 {row} 行", file=preview.path.name, row="{row}")
    written: list[int] = []
    with database_proxy.atomic():
        for done, row in enumerate(rows, 1):
            if Complaint.select().where(Complaint.uid == row.uid).exists():
                continue  # imported meanwhile (another window): the same row, nothing to do
            written.append(_write_row(ctx, row, reason.replace("{row}", str(row.row))))
            if progress is not None and (done % 50 == 0 or done == len(rows)):
                progress(done, len(rows))
    return RegisterImported(
        preview.path.name,
        len(rows),
        len(preview.rows) - len(rows),
        sum(1 for r in rows if r.number_taken),
        Changes.of(complaints=written),
    )


def _write_row(ctx: Context, row: RegisterRow, reason: str) -> int:
    """Write one row as a closed complaint with its moves; returns the complaint's id."""
    kept = row.number if row.number and not row.number_taken else None
    complaint = register_complaint(ctx, row.draft, uid=row.uid, number=kept)
    now = ctx.clock.utcnow()
    received = row.draft.received_at.date()
    moves: list[tuple[str, str, str, dt.date]] = []
    if row.outcome == "not_accepted":
        moves.append(("refuse", states.REGISTERED, states.NOT_ACCEPTED, row.closed_on))
    else:
        moves.append(("accept", states.REGISTERED, states.ACCEPTED, received))
        action, to_status = _ENDINGS[row.outcome]
        moves.append((action, states.ACCEPTED, to_status, row.closed_on))
        complaint.accepted_on = received
        if to_status == states.MEDIATION_ENDED:
            complaint.mediation_ended_on = row.closed_on
    complaint.status = moves[-1][2]
    complaint.outcome = row.outcome
    complaint.closed_on = row.closed_on
    complaint.recovered_fen = row.recovered_fen
    complaint.punitive_fen = row.punitive_fen
    stamp_edit(complaint, now)
    complaint.save()
    recorded = ctx.clock.local_now().replace(microsecond=0)
    for action, from_status, to_status, on in moves:
        code = row.outcome if to_status != states.ACCEPTED else None
        move = ComplaintTransition(action=action, reason_code=code, reason=reason)
        insert_transition(ctx, move, complaint, (from_status, to_status), on, recorded, now)
    record_action(ctx, "complaint", complaint.uid, IMPORT_ACTION, new_value=reason)
    return int(complaint.id)
