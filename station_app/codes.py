"""The code lists (投诉性质, 商品大类, 渠道, …): versioned data in ``resources/codes/*.json``.

Records store a list's stable ASCII ``code``; the Chinese ``name`` is what officers see and may
change between roster versions. A renamed entry keeps its old names in ``former_names`` so an old
spreadsheet saying 人格尊严 still finds ``personality_rights``. A county roster can :func:`extend`
a list: add codes, rename or retire entries. It can never remove a code or give it a new meaning.

What a window shows is :meth:`CodeList.label` / :func:`label_of`: the Chinese name, or the English
one once :func:`set_display_language` chose ``"en"`` for the whole process.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from station_app.errors import StationError
from station_app.messages import msg
from station_app.paths import resource_path

CategoryKind = Literal["goods", "service", "other"]
DisplayLanguage = Literal["zh", "en"]

LIST_NAMES = (
    "nature",
    "goods_category",
    "service_category",
    "subcategory",
    "right",
    "channel",
    "demand",
    "outcome",
    "entity_type",
    "education_event_type",
    "satisfaction",
    "complaint_status",
    "referral_target",
    "officer_role",  # 职务: the words a roster writes in 联络员 → 职务, shown in English too
    "notice_channel",  # how a consumer warning or tip was published
    "instrument",  # measuring instruments checked free of charge at an event
)
CATEGORY_LIST = "category"
_LIST_KINDS: dict[str, CategoryKind] = {"goods_category": "goods", "service_category": "service"}
_CODE_PATTERN = re.compile(r"[A-Za-z0-9_]{1,40}", re.ASCII)


class CodeListError(StationError):
    """A code list, or a change to one, breaks the rules (codes unique, never reused)."""


class UnknownCode(CodeListError):
    def __init__(self, list_title: str, code: str) -> None:
        super().__init__(msg("代码表“{title}”中没有代码“{code}”。", title=list_title, code=code))
        self.code = code


@dataclass(frozen=True)
class CodeEntry:
    """One entry of a code list."""

    code: str
    name: str
    name_en: str
    active: bool = True
    parent: str | None = None
    former_names: tuple[str, ...] = ()
    kind: CategoryKind | None = None  # only in category lists: 商品 / 服务 / 其他


_display_language: DisplayLanguage = "zh"


def set_display_language(language: DisplayLanguage) -> None:
    """Show code lists in Chinese (``"zh"``, the default) or English (``"en"``) process-wide."""
    global _display_language
    if language not in ("zh", "en"):
        raise ValueError(f"display language must be 'zh' or 'en', not {language!r}")
    _display_language = language


def display_language() -> DisplayLanguage:
    return _display_language


def label_of(entry: CodeEntry) -> str:
    """``entry``'s name as the interface shows it: Chinese, or English in an English window."""
    return entry.name_en if _display_language == "en" else entry.name


def lookup_key(text: str) -> str:
    """``text`` folded for matching: full-width forms, case, whitespace and punctuation ignored.

    ``" 烟，酒和饮料类"`` and ``"烟、酒和饮料类"`` give the same key.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if not unicodedata.category(c).startswith(("P", "Z", "C")))


class CodeList:
    """One code list: entries in display order, looked up by code or by (former) name."""

    def __init__(
        self,
        list_name: str,
        title: str,
        version: int,
        entries: Iterable[CodeEntry],
        title_en: str = "",
    ) -> None:
        self.list_name = list_name
        self.title = title
        self.title_en = title_en or list_name
        self.version = version
        self._entries: dict[str, CodeEntry] = {}
        for entry in entries:
            self._check_entry(entry)
            self._entries[entry.code] = entry
        self._by_key = self._build_index()

    def _check_entry(self, entry: CodeEntry) -> None:
        if not _CODE_PATTERN.fullmatch(entry.code):
            raise CodeListError(
                msg("代码“{code}”只能由英文字母、数字和下划线组成。", code=entry.code)
            )
        if entry.code in self._entries:
            raise CodeListError(
                msg(
                    "代码表“{title}”中代码“{code}”出现了两次。",
                    title=self.display_title(),
                    code=entry.code,
                )
            )
        if not lookup_key(entry.name) or not entry.name_en.strip():
            raise CodeListError(
                msg(
                    "代码表“{title}”中代码“{code}”缺少中文或英文名称。",
                    title=self.display_title(),
                    code=entry.code,
                )
            )
        if entry.kind not in (None, "goods", "service", "other"):
            raise CodeListError(
                msg(
                    "代码“{code}”的类别“{kind}”不是商品、服务或其他。",
                    code=entry.code,
                    kind=entry.kind,
                )
            )

    def _build_index(self) -> dict[str, str]:
        """Lookup key → code. Current and former names must be unambiguous; codes and English
        names are matched last, and only where no name already took the key."""
        index: dict[str, str] = {}
        for entry in self._entries.values():
            for name in (entry.name, *entry.former_names):
                key = lookup_key(name)
                owner = index.setdefault(key, entry.code)
                if owner != entry.code:
                    raise CodeListError(
                        msg(
                            "代码表“{title}”中名称“{name}”已属于代码“{owner}”，"
                            "不能再给代码“{code}”。",
                            title=self.display_title(),
                            name=name,
                            owner=owner,
                            code=entry.code,
                        )
                    )
        for entry in self._entries.values():
            index.setdefault(lookup_key(entry.code), entry.code)
        for entry in self._entries.values():
            index.setdefault(lookup_key(entry.name_en), entry.code)
        return index

    def display_title(self) -> str:
        """The list's title in the :func:`display_language`."""
        return self.title_en if _display_language == "en" else self.title

    def __repr__(self) -> str:
        return f"CodeList({self.list_name!r}, version={self.version}, {len(self)} codes)"

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CodeEntry]:
        return iter(self._entries.values())

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def contains(self, code: str) -> bool:
        return code in self._entries

    def entries(self) -> tuple[CodeEntry, ...]:
        """Every entry, retired ones included (old records still show their names)."""
        return tuple(self._entries.values())

    def active_entries(self) -> tuple[CodeEntry, ...]:
        """The entries a form offers for new records."""
        return tuple(e for e in self._entries.values() if e.active)

    def children(self, parent: str) -> tuple[CodeEntry, ...]:
        return tuple(e for e in self._entries.values() if e.parent == parent)

    def entry(self, code: str) -> CodeEntry:
        try:
            return self._entries[code]
        except KeyError:
            raise UnknownCode(self.display_title(), code) from None

    def name(self, code: str) -> str:
        """The current Chinese name of ``code``."""
        return self.entry(code).name

    def name_en(self, code: str) -> str:
        return self.entry(code).name_en

    def label(self, code: str) -> str:
        """What the interface shows for ``code``: its name in the :func:`display_language`."""
        return label_of(self.entry(code))

    def code_for(self, text: str) -> str | None:
        """The code whose name, former name, code or English name is ``text``; else ``None``."""
        return self._by_key.get(lookup_key(text)) if text else None

    def extended(self, changes: Iterable[CodeEntry | Mapping[str, Any]]) -> CodeList:
        """A copy with ``changes`` applied: new codes added, existing codes renamed (the old name
        kept as a former name) or retired. A name that is already one of the code's former names
        is taken as coming from an older roster and changes nothing."""
        merged = dict(self._entries)
        seen: set[str] = set()
        for change in changes:
            incoming = _entry_from_change(change, self.list_name)
            if incoming.code in seen:
                raise CodeListError(msg("同一批代码中“{code}”出现了两次。", code=incoming.code))
            seen.add(incoming.code)
            current = merged.get(incoming.code)
            merged[incoming.code] = incoming if current is None else _merge(current, incoming)
        result = CodeList(self.list_name, self.title, self.version, merged.values(), self.title_en)
        result._check_parents(category_list() if self.list_name == "subcategory" else result)
        return result

    def _check_parents(self, parents: CodeList) -> None:
        for entry in self._entries.values():
            if entry.parent is not None and entry.parent not in parents:
                raise CodeListError(
                    msg(
                        "代码“{code}”的上级代码“{parent}”在代码表“{title}”中不存在。",
                        code=entry.code,
                        parent=entry.parent,
                        title=parents.display_title(),
                    )
                )


def _entry_from_change(change: CodeEntry | Mapping[str, Any], list_name: str) -> CodeEntry:
    if isinstance(change, CodeEntry):
        return replace(change, kind=change.kind or _LIST_KINDS.get(list_name))
    code = str(change.get("code") or "").strip()
    name = str(change.get("name") or "").strip()
    if not code or not name:
        raise CodeListError(msg("代码表的每一行都要有代码和名称。"))
    parent = str(change.get("parent") or "").strip()
    return CodeEntry(
        code=code,
        name=name,
        # A row without an English name shows the Chinese one in the English interface.
        name_en=str(change.get("name_en") or "").strip() or name,
        active=_as_active(change.get("active", True)),
        parent=parent or None,
        former_names=tuple(change.get("former_names") or ()),
        kind=change.get("kind") or _LIST_KINDS.get(list_name),
    )


def _as_active(value: object) -> bool:
    """A roster's 启用 cell: ``False``, ``0``, ``否``, ``停用`` or ``false`` retire a code."""
    if isinstance(value, str):
        return lookup_key(value) not in {"0", "否", "停用", "false", "no", "n"}
    return bool(value)


def _merge(current: CodeEntry, incoming: CodeEntry) -> CodeEntry:
    """``current`` updated by a roster's ``incoming`` entry of the same code."""
    if incoming.parent is not None and incoming.parent != current.parent:
        raise CodeListError(
            msg(
                "代码“{code}”原属于“{parent}”，不能改属“{new_parent}”："
                "代码不能改作他用，请另设新代码。",
                code=current.code,
                parent=current.parent or msg("无"),
                new_parent=incoming.parent,
            )
        )
    if incoming.kind is not None and incoming.kind != current.kind:
        raise CodeListError(msg("代码“{code}”的类别不能更改，请另设新代码。", code=current.code))
    known = {lookup_key(n) for n in (current.name, *current.former_names)}
    former = current.former_names
    name, name_en = current.name, current.name_en
    if lookup_key(incoming.name) not in known:
        former = (*former, current.name)
        name = incoming.name
        name_en = incoming.name_en  # the old English name no longer fits
    elif incoming.name_en != incoming.name:
        name_en = incoming.name_en
    extra = tuple(n for n in incoming.former_names if n not in former and n != name)
    return replace(
        current, name=name, name_en=name_en, active=incoming.active, former_names=former + extra
    )


_lock = threading.Lock()
_loaded: dict[str, CodeList] = {}


def _read_file(list_name: str) -> CodeList:
    path = resource_path("codes", f"{list_name}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("list") != list_name:
        raise CodeListError(
            msg("代码表文件 {path} 的内容不是“{name}”。", path=path, name=list_name)
        )
    kind = _LIST_KINDS.get(list_name)
    entries = [
        CodeEntry(
            code=raw["code"],
            name=raw["name"],
            name_en=raw["name_en"],
            active=raw.get("active", True),
            parent=raw.get("parent"),
            former_names=tuple(raw.get("former_names", ())),
            kind=raw.get("kind", kind),
        )
        for raw in data["codes"]
    ]
    return CodeList(
        list_name, data["title"], int(data["version"]), entries, data.get("title_en", "")
    )


def code_list(list_name: str) -> CodeList:
    """The code list ``list_name`` (one of :data:`LIST_NAMES`), with any roster extensions."""
    if list_name not in LIST_NAMES:
        raise CodeListError(msg("没有名为“{name}”的代码表。", name=list_name))
    with _lock:
        if list_name not in _loaded:
            _loaded[list_name] = _read_file(list_name)
        return _loaded[list_name]


def extend(list_name: str, entries: Iterable[CodeEntry | Mapping[str, Any]]) -> CodeList:
    """Apply a roster's 代码表 rows to ``list_name`` for the rest of this process.

    Entries are mappings (``code``, ``name``, optional ``name_en``, ``active``, ``parent``) or
    :class:`CodeEntry`. Raises :class:`CodeListError` and changes nothing when a row would reuse a
    code or a name; codes the roster leaves out are kept.
    """
    extended = code_list(list_name).extended(entries)
    with _lock:
        _loaded[list_name] = extended
    return extended


def label_for_name(list_name: str, text: str) -> str:
    """What the window shows for ``text``, a name of list ``list_name`` stored as written (an
    officer's 职务 from the roster): as written in a Chinese window; in an English one, the
    entry's English name, or ``text`` as written when the list does not know it."""
    if _display_language == "zh":
        return text
    found = code_list(list_name).code_for(text)
    return code_list(list_name).name_en(found) if found else text


def category_list() -> CodeList:
    """商品大类, 服务大类 and 其他商品和服务 as one list; each entry's ``kind`` says which."""
    goods, services = code_list("goods_category"), code_list("service_category")
    return CodeList(
        CATEGORY_LIST,
        "商品和服务类别",
        max(goods.version, services.version),
        [*goods.entries(), *services.entries()],
        "Goods and service category",
    )


def reload_code_lists() -> None:
    """Forget loaded lists and roster extensions; the next lookup reads the files again."""
    with _lock:
        _loaded.clear()
