"""The roster format (名册格式): which sheets a county roster has, their columns and header aliases.

A roster is one workbook (or one CSV file per part) with the sheets

* ``说明``     the cover: 名册版本, 发布日期, 县级区划代码, 发布单位 (label in one cell, value to its right,
  or ``名册版本：2026.2`` in one cell); the version may instead sit in a title row of any data sheet;
* ``服务站``   stations, keyed by 服务站编码;
* ``联络员``   liaison officers, keyed by 所属服务站编码 + 姓名;
* ``行政区划`` towns and villages, one row per village (a town without villages: village cells empty),
  keyed by the 12-digit village code; the statistics bureau's flat layout ``province_code …
  village`` is the same sheet under English header names and is taken as is;
* ``经营者``   businesses, keyed by 统一社会信用代码, or by 名称 + 所在村代码 when they have none;
* ``代码表``   optional additions to the code lists (see ``station_app.codes``);
* ``节假日``   optional holiday schedule entries (放假 / 上班).

A part the file leaves out is left as it is; a part it holds is the whole of that part. See
docs/roster-format.md for the county's view of the same rules.

Everything here is the file format and stays Chinese in files (headers, sheet names, the
template's notes). Sheet and column titles are also marked with ``N_`` because the importer's
messages name them: there they are translated (``messages.translate``) like the rest of the
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from station_app.messages import N_
from station_app.roster.cell_text import normalise_header

FORMAT_VERSION = 1

ColumnKind = Literal[
    "text",
    "station_code",
    "phone",
    "credit_code",
    "county_code",
    "town_code",
    "village_code",
    "date",
    "entity_type",
    "code_list",
    "code",
    "active",
    "holiday_kind",
    "station_kind",
]

PartName = Literal["station", "officer", "region", "business", "code", "holiday"]


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    title: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    kind: ColumnKind = "text"
    max_length: int = 200
    note: str = ""  # shown in the template's instruction row

    @property
    def header(self) -> str:
        """The header as the template writes it: required columns marked with ``*``."""
        return f"*{self.title}" if self.required else self.title


@dataclass(frozen=True)
class SheetSpec:
    part: PartName
    title: str
    aliases: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    instruction: str

    def column(self, key: str) -> ColumnSpec:
        return next(c for c in self.columns if c.key == key)

    @property
    def header_aliases(self) -> dict[str, tuple[str, ...]]:
        return {c.title: c.aliases for c in self.columns}

    def header_lookup(self) -> dict[str, ColumnSpec]:
        """Normalised header text (title or alias) → column."""
        lookup: dict[str, ColumnSpec] = {}
        for column in self.columns:
            for name in (column.title, *column.aliases):
                lookup.setdefault(normalise_header(name), column)
        return lookup


# the columns more than one sheet has: a contact phone, the village a station or business is in
_PHONE_COLUMN = ColumnSpec(
    "phone",
    N_("联系电话"),
    ("电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
    kind="phone",
    max_length=32,
)
_VILLAGE_COLUMN = ColumnSpec(
    "village_code",
    N_("所在村代码"),
    ("村代码", "村（社区）代码", "所在村（社区）代码", "village_code"),
    kind="village_code",
)

STATIONS = SheetSpec(
    part="station",
    title=N_("服务站"),
    aliases=("服务站名单", "服务站信息", "站点", "维权服务站"),
    columns=(
        ColumnSpec(
            "code",
            N_("服务站编码"),
            ("编码", "站点编码", "服务站代码", "站点代码"),
            True,
            "station_code",
            32,
            "2–32 位字母、数字或下划线，如 TJ001",
        ),
        ColumnSpec("name", N_("服务站名称"), ("名称", "站点名称", "服务站"), True, max_length=100),
        ColumnSpec("county_code", N_("县级区划代码"), ("县代码", "县区代码"), kind="county_code"),
        ColumnSpec(
            "town_code",
            N_("所在乡镇代码"),
            ("乡镇代码", "乡镇（街道）代码", "town_code"),
            kind="town_code",
            note="9 位，或补零的 12 位",
        ),
        replace(_VILLAGE_COLUMN, note="12 位统计用区划代码"),
        ColumnSpec("address", N_("地址"), ("服务站地址", "办公地址")),
        _PHONE_COLUMN,
        ColumnSpec(
            "kind",
            N_("服务站类型"),
            ("站点类型", "类型", "服务站性质", "站点性质"),
            kind="station_kind",
            max_length=16,
            note="消协分会/投诉站、受委托站 或 联络站",
        ),
        ColumnSpec(
            "entrusting_office",
            N_("委托机关"),
            ("委托单位", "委托机关名称", "委托的市场监管部门", "委托部门"),
            max_length=100,
            note="受委托站填写，如 某某县市场监督管理局",
        ),
    ),
    instruction=(
        "每个服务站一行；带 * 的列必须填写；服务站编码不能重复，已有服务站按编码更新；"
        "服务站类型决定本站文书由谁出具，受委托站须填写委托机关。"
    ),
)

OFFICERS = SheetSpec(
    part="officer",
    title=N_("联络员"),
    aliases=("联络员名单", "维权联络员", "消费维权联络员", "联络员信息"),
    columns=(
        ColumnSpec("name", N_("姓名"), ("联络员", "联络员姓名"), True, max_length=50),
        ColumnSpec(
            "station_code",
            N_("所属服务站编码"),
            ("服务站编码", "所属服务站", "服务站代码", "站点编码"),
            True,
            "station_code",
            32,
            "须是“服务站”表或本机已有的服务站编码",
        ),
        _PHONE_COLUMN,
        ColumnSpec("role", N_("职务"), ("岗位", "身份"), max_length=32),
    ),
    instruction="每位联络员一行；同一服务站内姓名不能重复；所属服务站须在本名册或本机已有。",
)

REGIONS = SheetSpec(
    part="region",
    title=N_("行政区划"),
    aliases=("区划", "区划代码", "统计用区划代码", "乡镇村", "村（社区）名单", "村名单"),
    columns=(
        ColumnSpec(
            "county_code",
            N_("县级区划代码"),
            ("县代码", "区县代码", "county_code"),
            False,
            "county_code",
        ),
        ColumnSpec("county", N_("县（区）"), ("县", "县名称", "区县", "county"), max_length=100),
        ColumnSpec(
            "town_code",
            N_("乡镇代码"),
            ("乡镇（街道）代码", "乡镇街道代码", "乡级代码", "town_code"),
            True,
            "town_code",
            note="9 位，或补零的 12 位",
        ),
        ColumnSpec(
            "town",
            N_("乡镇（街道）"),
            ("乡镇", "乡镇名称", "街道", "乡镇街道", "town"),
            True,
            max_length=100,
        ),
        ColumnSpec(
            "village_code",
            N_("村代码"),
            ("村（社区）代码", "村级代码", "村居代码", "社区代码", "village_code"),
            True,
            "village_code",
            note="12 位；只列乡镇时留空",
        ),
        ColumnSpec(
            "village",
            N_("村（社区）"),
            ("村", "村名称", "村民委员会", "居民委员会", "社区", "村居", "village"),
            max_length=100,
        ),
    ),
    instruction=(
        "每个村（社区）一行，按 12 位代码识别（同名村在不同乡镇都可以）；"
        "也可直接使用统计局 province_code…village 格式。"
    ),
)

BUSINESSES = SheetSpec(
    part="business",
    title=N_("经营者"),
    aliases=("经营者名录", "经营者名单", "商户", "经营户", "市场主体"),
    columns=(
        ColumnSpec(
            "name",
            N_("经营者名称"),
            ("名称", "企业名称", "商户名称", "字号名称", "经营者", "单位名称"),
            True,
        ),
        ColumnSpec(
            "credit_code",
            N_("统一社会信用代码"),
            ("信用代码", "社会信用代码", "统一代码"),
            kind="credit_code",
            max_length=18,
            note="18 位；无照经营可留空",
        ),
        ColumnSpec(
            "entity_type",
            N_("经营者类型"),
            ("类型", "主体类型", "市场主体类型"),
            kind="entity_type",
            max_length=16,
        ),
        ColumnSpec("address", N_("经营场所"), ("地址", "经营地址", "住所", "经营场所地址")),
        _PHONE_COLUMN,
        _VILLAGE_COLUMN,
        ColumnSpec(
            "legal_person",
            N_("法定代表人"),
            ("负责人", "法定代表人（负责人）", "经营者姓名", "法人"),
            max_length=50,
        ),
    ),
    instruction=(
        "每个经营者一行；有统一社会信用代码的按代码识别，没有的按名称和所在村识别；"
        "代码、电话请设为文本格式。"
    ),
)

CODES = SheetSpec(
    part="code",
    title=N_("代码表"),
    aliases=("代码", "代码清单"),
    columns=(
        ColumnSpec(
            "list_name",
            N_("代码表名"),
            ("代码表", "类别"),
            True,
            "code_list",
            40,
            "如 经营者类型、投诉性质",
        ),
        ColumnSpec("code", N_("代码"), (), True, "code", 40, "英文字母、数字、下划线"),
        ColumnSpec("name", N_("名称"), ("中文名称",), True, max_length=50),
        ColumnSpec("name_en", N_("英文名称"), (), max_length=100),
        ColumnSpec("parent", N_("上级代码"), (), kind="code", max_length=40),
        ColumnSpec("active", N_("启用"), ("是否启用",), kind="active", max_length=8),
    ),
    instruction="只写要新增、改名或停用的代码；已有代码不能删除，也不能改作他用。",
)

HOLIDAYS = SheetSpec(
    part="holiday",
    title=N_("节假日"),
    aliases=("节假日安排", "放假安排", "假日"),
    columns=(
        ColumnSpec("day", N_("日期"), (), True, "date", 20, "如 2027-01-01"),
        ColumnSpec(
            "kind", N_("类型"), ("放假/上班", "安排"), True, "holiday_kind", 8, "放假 或 上班"
        ),
        ColumnSpec("name", N_("节日"), ("名称", "节日名称"), max_length=50),
    ),
    instruction="国务院公布的放假安排：放假的日期写“放假”，调休上班的周末写“上班”。",
)

SHEETS: tuple[SheetSpec, ...] = (STATIONS, OFFICERS, REGIONS, BUSINESSES, CODES, HOLIDAYS)
PART_TITLES: dict[str, str] = {spec.part: spec.title for spec in SHEETS}

COVER_TITLE = "说明"
# the key, in an import's summary, of the years its 节假日 sheet declared complete
HOLIDAY_YEARS_KEY = "holiday_years"
COVER_ALIASES = ("封面", "名册说明", "版本", "版本说明")

# Cover labels (说明 sheet or a title row): key → the labels it goes by.
COVER_LABELS: dict[str, tuple[str, ...]] = {
    "version": ("名册版本", "版本", "版本号", "名册版本号"),
    "issued_on": ("发布日期", "印发日期", "发布时间"),
    "county_code": ("县级区划代码", "县代码", "区县代码", "县区划代码"),
    "publisher": ("发布单位", "印发单位", "编制单位"),
    # the years whose official holiday schedule the 节假日 sheet lists completely
    "holiday_years": ("节假日完整年份", "节假日已完整年份", "节假日完整年度"),
    # the county's public key (age1…) that stations seal their bundles to
    "age_recipient": ("县消协加密公钥", "加密公钥", "县消协公钥", "数据包加密公钥"),
    # where stations upload their bundles, and the SHA-256 of the service's HTTPS certificate
    "upload_url": ("县消协上传地址", "上传地址", "县消协服务器地址"),
    "certificate": ("县消协证书指纹", "证书指纹", "服务器证书指纹"),
}

# the two kinds of holiday schedule entry, by the name the 节假日 sheet writes (first of its words)
HOLIDAY_KIND_NAMES = {"holiday": N_("放假"), "workday": N_("上班")}
HOLIDAY_WORDS = {
    "holiday": ("放假", "休息", "假日", "节假日", "holiday"),
    "workday": ("上班", "调休上班", "补班", "工作日", "workday"),
}
ACTIVE_NO = ("否", "停用", "0", "false", "no", "n", "不启用")


def sheet_for_name(name: str) -> SheetSpec | None:
    """The part a worksheet holds, going by its name: exact title or alias first, then a
    title contained in the name (``2026年经营者名录``)."""
    key = normalise_header(name)
    for spec in SHEETS:
        if key in {normalise_header(n) for n in (spec.title, *spec.aliases)}:
            return spec
    found = [spec for spec in SHEETS if normalise_header(spec.title) in key]
    return found[0] if len(found) == 1 else None


def is_cover_name(name: str) -> bool:
    return normalise_header(name) in {normalise_header(n) for n in (COVER_TITLE, *COVER_ALIASES)}


_BRACKETED_RE = re.compile(r"\(.*?\)")


def match_header(lookup: dict[str, ColumnSpec], cell: str) -> ColumnSpec | None:
    """The column a header cell names: by title or alias, else with a bracketed remark dropped
    (``联系电话（手机）`` is 联系电话)."""
    key = normalise_header(cell)
    found = lookup.get(key)
    if found is None and "(" in key:
        found = lookup.get(_BRACKETED_RE.sub("", key))
    return found


def names_of(columns: Iterable[ColumnSpec]) -> list[str]:
    return [c.title for c in columns]
