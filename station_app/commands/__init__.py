"""The subcommands of ``station``, one module per part of the program.

Each module has ``add_commands(add)``; ``station_app.cli`` lists the modules in ``COMMAND_MODULES``.
"""
