"""The detail window of one complaint (``window.py``), one widget per tab (``*_tab.py``), the
history of a complaint (``history.py``, its rows in ``history_model.py``) and what they share:
the window's wording (``wording.py``) and its tables of records (``record_table.py``).

The window renders from one read model, the core's ``ComplaintDossier``, read off the GUI
thread; no widget holds a database row.
"""
