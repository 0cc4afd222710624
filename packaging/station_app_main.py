"""Entry point of the frozen program (``build.spec``): the same ``main()`` as ``station-app``.

``multiprocessing.freeze_support()`` comes first: the roster reader runs untrusted workbooks in a
``spawn`` child process (``station_app.roster.contained_read``), which in the frozen build is this
same executable started again; freeze_support runs the child's work and exits before the window's
modules are even imported."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from station_app.gui.app.main import main

    sys.exit(main())
