"""Entry point of the frozen program (``build.spec``): the same ``main()`` as ``station-app``."""

import sys

from station_app.gui.app import main

if __name__ == "__main__":
    if "--multiprocessing-fork" in sys.argv:  # the county import's helper (sync/read_ahead.py)
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
