"""Screens of personal-data protection: the access log."""
