"""Reports: the monthly indicators (月度统计) and the monthly ledger workbook (月度台账).

``indicators.compute_indicators`` is the one source of every figure; the ledger, the ``station
stats`` command and the statistics screen all read it.
"""
