"""Entry point of the frozen program (``build.spec``): the same ``main()`` as ``station-app``."""

import sys

from station_app.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
