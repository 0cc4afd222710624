"""Overlapping, repeated and out-of-order bundles converge to what in-order import gives."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.registry.complaints import delete_complaint, draft_of, update_complaint
from station_app.store.models import Complaint

from .test_sync_helpers import Site, canonical

COUNTY = "XIAN"


def edit_some(site: Site, every: int, text: str) -> None:
    site.clock.advance(minutes=7)
    with site.open() as (_, ctx):
        for complaint in Complaint.select().where(~Complaint.deleted).order_by(Complaint.id):
            if complaint.id % every == 0:
                draft = draft_of(complaint)
                draft.remarks = f"{text}{complaint.id}"
                update_complaint(ctx, complaint.id, draft)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path, dict[str, object]]:
    """Bundles of two stations with edits and deletes between them, a clean county, the
    county's state after importing everything in order."""
    root = tmp_path_factory.mktemp("convergence")
    out = root / "usb"
    jia = Site(root / "jia", "TJ001", "甲站")
    yi = Site(root / "yi", "TJ002", "乙站")
    county = Site(root / "county", COUNTY, "县消协", role="county")
    bundles: list[Path] = []
    jia.demo(complaints=12, visits=10, seed=1)
    yi.demo(complaints=8, visits=6, seed=2)
    bundles += [jia.export(out), yi.export(out)]
    edit_some(jia, 3, "第一次补充")
    jia.demo(complaints=4, visits=3, seed=3)
    bundles.append(jia.export(out))
    edit_some(jia, 2, "第二次补充")  # some complaints edited twice, in two bundles
    with jia.open() as (_, ctx):
        first = Complaint.select().order_by(Complaint.id).first()
        delete_complaint(ctx, first.id, "重复登记")
    bundles.append(jia.export(out))
    edit_some(yi, 2, "乙站补充")
    bundles.append(yi.export(out))
    bundles.append(jia.export(out, full=True))  # overlaps everything jia sent
    template = root / "county-template"
    shutil.copytree(county.root, template)

    in_order = sorted(bundles, key=lambda b: b.name)
    reports = county.import_(*in_order)
    assert all(r.status == "imported" for r in reports), [r.message for r in reports]
    expected = canonical(county.database, COUNTY)
    assert not expected["conflicts"]
    return bundles, template, expected


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_order_with_repeats_converges(
    history: tuple[list[Path], Path, dict[str, object]], data: st.DataObject
) -> None:
    bundles, template, expected = history
    repeats = data.draw(st.lists(st.sampled_from(bundles), max_size=4), label="repeats")
    order = data.draw(st.permutations(bundles + repeats), label="order")
    batch = data.draw(st.integers(min_value=1, max_value=3), label="files per import")
    with tempfile.TemporaryDirectory() as temporary:
        county_dir = Path(temporary) / "county"
        shutil.copytree(template, county_dir)
        county = Site.__new__(Site)
        county.root, county.code = county_dir, COUNTY
        county.clock = Site(Path(temporary) / "clock-only", "TMP01", "临时").clock
        for start in range(0, len(order), batch):
            reports = county.import_(*order[start : start + batch])
            assert not any(r.refused for r in reports), [r.message for r in reports]
        assert canonical(county.database, COUNTY) == expected
