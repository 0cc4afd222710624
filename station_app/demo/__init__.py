"""Realistic synthetic data for ``station demo``, the benchmarks and the tests.

- ``generate``: writes villages, officers, businesses, consumers, visits, complaints (with their
  workflow) and education events into an initialised station, the same rows for the same seed;
- ``history``: plans a plausible workflow history for one complaint, moves the state machine allows;
- ``vocabulary``: the word pools (names, businesses, scenarios, topics) the rows are drawn from.

Nothing outside this package depends on it but the ``station demo`` command, benchmarks and tests.
"""

from station_app.demo.generate import (
    CancelToken,
    DemoCancelled,
    DemoSummary,
    default_date_range,
    generate_demo,
    load_villages,
    regions_csv_path,
)

__all__ = [
    "CancelToken",
    "DemoCancelled",
    "DemoSummary",
    "default_date_range",
    "generate_demo",
    "load_villages",
    "regions_csv_path",
]
