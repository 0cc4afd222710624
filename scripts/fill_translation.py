"""Fill English translations into station_en.ts from a small table (source -> English).

    python scripts/fill_translation.py 统计=Statistics 名册=Roster

Only unfinished messages are filled; every context holding the source gets the same English.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "station_en.ts"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fill(pairs: dict[str, str]) -> int:
    text = TS.read_text("utf-8")
    filled = 0
    for source, english in pairs.items():
        pattern = re.compile(
            r"(<source>" + re.escape(escape(source)) + r"</source>\s*)"
            r'<translation type="unfinished"></translation>'
        )
        text, count = pattern.subn(
            lambda match: f"{match.group(1)}<translation>{escape(english)}</translation>", text
        )
        filled += count
    TS.write_text(text, "utf-8")
    return filled


if __name__ == "__main__":
    pairs = dict(arg.split("=", 1) for arg in sys.argv[1:])
    print(f"filled {fill(pairs)} messages")
