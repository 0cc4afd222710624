"""Roster rows' uids: the same at the county and at every station, and never to change."""

from __future__ import annotations

import json
import uuid

from hypothesis import given
from hypothesis import strategies as st

from station_app.roster.apply import ROSTER_UID_NAMESPACE, roster_uid

KEYS = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.text(max_size=20), st.integers(), st.none()), max_size=3),
)


@given(origin=st.text(max_size=12), part=st.text(max_size=12), key=KEYS)
def test_a_roster_uid_is_the_uuid5_of_county_part_and_key(
    origin: str, part: str, key: object
) -> None:
    name = json.dumps([origin, part, key], ensure_ascii=False)
    expected = uuid.uuid5(ROSTER_UID_NAMESPACE, name).hex
    assert roster_uid(origin, part, key) == expected  # type: ignore[arg-type]


def test_known_roster_uids_do_not_change() -> None:
    """Uids already at counties and stations: a change here would store every row twice."""
    assert (
        roster_uid("511921", "station", "TJ001")
        == uuid.uuid5(
            uuid.UUID("5f0c6a52-7d0e-4c55-9d1b-3a1f4e2b8c70"), '["511921", "station", "TJ001"]'
        ).hex
    )
    assert (
        roster_uid("511921", "officer", ("TJ001", "王联络员"))
        == uuid.uuid5(
            uuid.UUID("5f0c6a52-7d0e-4c55-9d1b-3a1f4e2b8c70"),
            '["511921", "officer", ["TJ001", "王联络员"]]',
        ).hex
    )
