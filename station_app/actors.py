"""Who did something, as the audit log and the roster's import history store it.

Mostly an officer's name; otherwise one of the program's own words: the command line, a roster
imported from it, the demo data, the self-test, or the placeholder 联络员 (an officer whose name
nobody gave). Records keep the Chinese word; :func:`actor_label` shows it in the window's language
(an officer's name stays as written).
"""

from __future__ import annotations

from station_app import codes
from station_app.messages import N_, translate

PROGRAM = N_("系统")  # the program itself, when nobody is named (registry.context's default)
COMMAND_LINE = N_("命令行")
ROSTER_IMPORT = N_("名册导入")
DEMO_DATA = N_("演示数据")
SELF_TEST = N_("自检")
PROGRAM_ACTORS = frozenset({PROGRAM, COMMAND_LINE, ROSTER_IMPORT, DEMO_DATA, SELF_TEST})


def actor_label(actor: str) -> str:
    """``actor`` as the window shows it: the program's words and known duties (联络员) in the
    window's language, a person's name as it is."""
    if actor in PROGRAM_ACTORS:
        return translate(actor)
    return codes.label_for_name("officer_role", actor)
