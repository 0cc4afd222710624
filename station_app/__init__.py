"""station: the registry of a rural consumer-rights service station (消费维权服务站).

The package root and everything outside ``station_app.gui`` is the core: plain Python that never
imports Qt, so the command line, the window and the tests share one implementation.
"""

__version__ = "0.1.0"
