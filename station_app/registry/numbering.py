"""Registration numbers: ``<station>-<YYYY>-<NNNN>``, unique and never reused."""

from __future__ import annotations

from station_app.store.sync_columns import take_counter


def complaint_number(station_code: str, year: int, serial: int) -> str:
    return f"{station_code}-{year:04d}-{serial:04d}"


def next_complaint_number(station_code: str, year: int) -> str:
    """Take the next number of the year's series. Must run in the saving transaction."""
    return complaint_number(station_code, year, take_counter(f"complaint:{year}"))
