"""Which tables travel in bundles, and how one row becomes one JSON line.

Every ``SyncedModel`` in ``station_app.store.schema.ALL_MODELS`` travels, so a table added to the
schema syncs without a change here. A row is written as a JSON object of all its columns except
the two that only mean something in the database that holds them: ``id`` (each database numbers
its rows itself) and ``change_seq`` (each database has its own counter). A foreign key to another
synced table is written as the referenced row's ``uid``. The line is made by SQLite
(``json_object``), so export reads rows with a raw cursor and never builds model objects; the
county makes its own rows' lines with the same expression to compare them byte for byte.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from peewee import BlobField, ForeignKeyField

from station_app.store.models import SyncedModel

LOCAL_COLUMNS = ("id", "change_seq")


@dataclass(frozen=True)
class Column:
    name: str
    references: str | None  # the synced table whose uid this column holds, or None
    blob: bool  # written as hex text
    default: object  # what a missing column gets (a bundle from an older schema)


@dataclass(frozen=True)
class SyncTable:
    model: type[SyncedModel]
    name: str
    columns: tuple[Column, ...]

    @functools.cached_property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @functools.cached_property
    def references(self) -> dict[str, str]:
        return {c.name: c.references for c in self.columns if c.references}


def q(name: str) -> str:
    """A quoted SQL identifier (names come from the models, never from a bundle)."""
    return '"' + name.replace('"', '""') + '"'


def _describe(model: type[SyncedModel]) -> SyncTable:
    columns = []
    for field in model._meta.sorted_fields:
        if field.column_name in LOCAL_COLUMNS:
            continue
        references = None
        if isinstance(field, ForeignKeyField) and issubclass(field.rel_model, SyncedModel):
            references = field.rel_model._meta.table_name
        default = None if callable(field.default) else field.default
        columns.append(Column(field.column_name, references, isinstance(field, BlobField), default))
    return SyncTable(model, model._meta.table_name, tuple(columns))


@functools.cache
def synced_tables() -> tuple[SyncTable, ...]:
    """Every synced table, parents before the tables that refer to them."""
    from station_app.store.schema import ALL_MODELS

    tables = {
        m._meta.table_name: _describe(m)
        for m in ALL_MODELS
        if isinstance(m, type) and issubclass(m, SyncedModel)
    }
    ordered: list[SyncTable] = []
    placed: set[str] = set()
    remaining = list(tables)
    while remaining:
        ready = [
            name
            for name in remaining
            if all(ref in placed or ref == name for ref in tables[name].references.values())
        ]
        if not ready:  # a cycle between tables: keep the declared order for the rest
            ready = remaining[:1]
        for name in ready:
            ordered.append(tables[name])
            placed.add(name)
            remaining.remove(name)
    return tuple(ordered)


def table_by_name() -> dict[str, SyncTable]:
    return {t.name: t for t in synced_tables()}


def snapshot_sql(table: SyncTable, alias: str = "t") -> str:
    """The SQL expression that makes a row's JSON line (parents' uids in place of their ids)."""
    parts = []
    for column in table.columns:
        value = f"{alias}.{q(column.name)}"
        if column.references:
            value = f"(SELECT r.uid FROM {q(column.references)} r WHERE r.id = {value})"
        elif column.blob:
            value = f"CASE WHEN {value} IS NULL THEN NULL ELSE hex({value}) END"
        parts.append(f"'{column.name}', {value}")
    # SQLite passes at most 127 arguments to a function: join objects of 60 columns each
    objects = [
        "json_object(" + ", ".join(parts[i : i + 60]) + ")" for i in range(0, len(parts), 60)
    ]
    if len(objects) == 1:
        return objects[0]
    return " || ',' || ".join(
        f"rtrim({o}, '}}')"
        if i == 0
        else f"trim({o}, '{{}}')"
        if i < len(objects) - 1
        else f"ltrim({o}, '{{')"
        for i, o in enumerate(objects)
    )
