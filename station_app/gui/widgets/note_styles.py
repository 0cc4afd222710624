"""The colours of the short sentences under a form: a grey note, a green "done", a red error."""

from __future__ import annotations

NOTE_STYLE = "color: #57606a;"
DONE_STYLE = "color: #1a7f37;"
ERROR_STYLE = "color: #b3261e;"
