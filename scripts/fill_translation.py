"""Fill English translations into station_en.ts from a small table (source -> English).

    python scripts/fill_translation.py 统计=Statistics 名册=Roster
    python scripts/fill_translation.py --from OTHER.ts    # reuse another file's finished ones
    python scripts/fill_translation.py --json A.json ...  # {"source": "English", ...} files
    python scripts/fill_translation.py "办结@@action verb=close it"  # a disambiguated message
    python scripts/fill_translation.py --replace 源=New English  # change a finished translation

Only unfinished messages are filled; every context holding the source gets the same English.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "station_en.ts"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fill(pairs: dict[str, str], *, replace: bool = False) -> int:
    """Fill unfinished messages (and, with ``replace``, finished ones too); a key
    ``source@@comment`` fills only the message with that disambiguation comment, a plain
    ``source`` only messages without one."""
    text = TS.read_text("utf-8")
    unfinished = r'<translation type="unfinished">[^<]*</translation>'
    filled = 0
    for key, english in pairs.items():
        source, _, comment = key.partition("@@")
        comment_xml = (
            r"<comment>" + re.escape(escape(comment)) + r"</comment>\s*" if comment else ""
        )
        pattern = re.compile(
            r"(<source>"
            + re.escape(escape(source))
            + r"</source>\s*"
            + comment_xml
            + r")"
            + (r"<translation[^>]*>[^<]*</translation>" if replace else unfinished)
        )
        text, count = pattern.subn(
            lambda match, english=english: (
                f"{match.group(1)}<translation>{escape(english)}</translation>"
            ),
            text,
        )
        filled += count
    TS.write_text(text, "utf-8")
    return filled


def finished_translations(ts_file: Path) -> dict[str, str]:
    """Source -> English of every finished, non-numerus message in ``ts_file``."""
    found: dict[str, str] = {}
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if (
            source
            and translation is not None
            and translation.get("type") is None
            and message.get("numerus") != "yes"
            and translation.text
        ):
            found[source] = translation.text
    return found


if __name__ == "__main__":
    arguments = sys.argv[1:]
    replace = arguments[:1] == ["--replace"]
    if replace:
        arguments = arguments[1:]
    if arguments[:1] == ["--from"]:
        pairs = finished_translations(Path(arguments[1]))
    elif arguments[:1] == ["--json"]:
        pairs = {}
        for name in arguments[1:]:
            pairs.update(json.loads(Path(name).read_text("utf-8")))
    else:
        pairs = dict(arg.split("=", 1) for arg in arguments)
    print(f"filled {fill(pairs, replace=replace)} messages")
