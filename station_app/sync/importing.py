"""The county imports bundles into whichever engine holds its database: the embedded SQLite file
(``merge``) or the county's PostgreSQL server (``merge_postgres``: the same rules, bulk writes).
Everything that imports bundles (the command line, the window, the upload service) calls this."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.store.postgres import is_postgres
from station_app.sync import merge, merge_postgres


def import_bundles(
    ctx: Context, paths: DataPaths, files: Iterable[str | os.PathLike[str]], **options: Any
) -> list[merge.ImportReport]:
    """Import each file on its own: ``merge.import_bundles`` and its ``options`` (``progress``,
    ``cancel``; ``commit_seconds`` on SQLite only)."""
    if is_postgres():
        options.pop("commit_seconds", None)  # each bundle commits on its own there
        return merge_postgres.import_bundles_postgres(ctx, paths, files, **options)
    return merge.import_bundles(ctx, paths, files, **options)
