"""The sync writes as the window runs them, each with what it changed.

``export_bundle`` returns the file it wrote and ``import_bundles`` a report per file (the
``station`` command prints them); the window also needs to know what changed, so that the
工作台 card, the lists and the 服务站总览 refresh: a bundle written empties this station's
unsent count, a bundle merged changes the records it wrote (found by their change numbers).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from station_app.changes import Changed, Changes
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.sync.export import export_bundle
from station_app.sync.importing import import_bundles
from station_app.sync.key_confirm import confirm_station_key
from station_app.sync.merge import ImportReport
from station_app.sync.sent import change_number, changed_after


def export_bundle_changes(
    ctx: Context, paths: DataPaths, out_dir: str | os.PathLike[str], **options: Any
) -> Changed[Path]:
    """``export_bundle`` (same ``options``): the file written, and this station's sync state
    changed."""
    path = export_bundle(ctx, paths, out_dir, **options)
    return Changed(path, Changes.of(sync=[ctx.origin]))


def import_bundles_changes(
    ctx: Context, paths: DataPaths, files: Iterable[str | os.PathLike[str]], **options: Any
) -> Changed[list[ImportReport]]:
    """``import_bundles`` (same ``options``): the reports, and the records and stations the
    merged bundles changed."""
    before = change_number()
    reports = import_bundles(ctx, paths, files, **options)
    stations = [r.station_code for r in reports if r.station_code and not r.refused]
    return Changed(reports, changed_after(before) | Changes.of(sync=stations))


def confirm_station_key_changes(
    ctx: Context, paths: DataPaths, station_code: str, fingerprint: str, **options: Any
) -> Changed[list[ImportReport]]:
    """``confirm_station_key`` (same ``options``): the reports of the waiting bundles it merged,
    and what they changed."""
    before = change_number()
    reports = confirm_station_key(ctx, paths, station_code, fingerprint, **options)
    return Changed(reports, changed_after(before) | Changes.of(sync=[station_code]))
