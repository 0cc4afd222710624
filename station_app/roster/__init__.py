"""Roster (county → station): reading the workbooks and CSV files counties send."""
