"""The table the benchmarks print: one row a measurement, with its target and PASS/FAIL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Result:
    name: str
    measured: str
    target: str
    baseline: str
    passed: bool | None  # None: informational
    seconds: float | None = None  # the measurement itself, for comparing two runs


def print_table(results: list[Result]) -> None:
    headers = ("benchmark", "measured", "target", "baseline / note", "result")
    rows = [
        (r.name, r.measured.strip(), r.target, r.baseline,
         "-" if r.passed is None else ("PASS" if r.passed else "FAIL"))
        for r in results
    ]  # fmt: skip

    def width(text: str) -> int:  # CJK characters take two columns in a terminal
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    widths = [max(width(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return " | ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True))

    print(line(headers))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def report(results: list[Result]) -> int:
    """The table, then how many targets were missed; the exit status (1: some were)."""
    print()
    print_table(results)
    failed = [r for r in results if r.passed is False]
    print()
    print(f"{len(failed)} of {len(results)} targets missed." if failed else "All targets met.")
    return 1 if failed else 0
