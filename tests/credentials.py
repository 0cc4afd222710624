"""The one test account of the suite's encrypted installations, for child processes too.

A child process (``python -c …`` run by a test) opens an installation the fixtures encrypted with
``open_installation(root, unlock(root))``; a plain one (no key file) opens without.
"""

from __future__ import annotations

import os
from pathlib import Path

from station_app.installation import Credentials, Unlock

TEST_LOGIN = "head"
TEST_HEAD_NAME = "赵站长"
TEST_PASSWORD = "test-password-1"


def unlock(root: str | os.PathLike[str]) -> Unlock:
    if (Path(root) / "station.keys").exists():
        return Credentials(TEST_LOGIN, TEST_PASSWORD)
    return None
