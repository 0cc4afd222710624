"""Show the real window on the current DISPLAY and save a screenshot, for people to look at.

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 python scripts/screenshot.py --data-dir /tmp/shotdata --out /tmp/shot.png \\
        --screen complaints --lang zh_CN

The data directory must already be initialised (``station init`` or ``station demo``); an
encrypted one is opened as ``--login`` with the password in ``--password-file`` (default: the
station head, with the password ``STATION_PASSWORD_FILE`` names). Window
state is not read from nor written to the user's settings, so every shot starts from the default
size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402

from station_app.gui.app.application import create_application  # noqa: E402
from station_app.gui.app.main import LANGUAGES, start_window  # noqa: E402
from station_app.installation import Credentials, open_installation  # noqa: E402

SCREENS = ("dashboard", "complaints", "visits", "sync", "roster", "settings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--screen", choices=SCREENS, default="dashboard")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh_CN")
    parser.add_argument("--maximized", action="store_true", help="maximise the window first")
    parser.add_argument("--delay-ms", type=int, default=1500, help="wait before grabbing")
    parser.add_argument("--login", help="sign in to an encrypted installation as this account")
    parser.add_argument("--password-file", help="with --login: the file holding its password")
    args = parser.parse_args(argv)

    app = create_application(args.lang)
    unlock = None
    if args.login:
        password = Path(args.password_file).read_text("utf-8").strip()
        unlock = Credentials(args.login, password)
    installation = open_installation(args.data_dir, unlock)
    if installation.identity() is None:
        print(f"{args.data_dir}: not initialised; run `station init` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as settings_dir:
        settings = QSettings(str(Path(settings_dir) / "window.ini"), QSettings.Format.IniFormat)
        window = start_window(installation, settings)
        if window.show_screen(args.screen) is None:
            print(f"screen {args.screen!r} is not in this build", file=sys.stderr)
            return 1
        if args.maximized:
            window.showMaximized()
        else:
            window.show()
        status = {"code": 1}

        def grab() -> None:
            screen = window.screen() or app.primaryScreen()
            if screen.grabWindow(0).save(args.out, "PNG"):
                print(args.out)
                status["code"] = 0
            else:
                print(f"could not write {args.out}", file=sys.stderr)
            window.close()
            app.quit()

        QTimer.singleShot(args.delay_ms, grab)
        app.exec()
        window.app.jobs.shutdown()
    installation.close()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
