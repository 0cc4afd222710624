"""Access to personal information: who may change which records (the county reads, never rewrites
a station's), who looked at what (the access log), how long personal data is kept (retention) and
a person's own records (PIPL Art. 45)."""
