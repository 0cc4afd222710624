"""Sync bundles: a station exports its changes, the county merges them, receipts go back.

The format is written down in ``docs/bundle-format.md``. Modules:

* ``bundle_format`` – constants, limits, entry-name rules and the refusals shared by both sides;
* ``keys`` – the installation's Ed25519 signing key and its fingerprint;
* ``tables`` – which tables travel and how a row becomes one JSON line (generic over the models);
* ``export`` – the station writes a bundle; ``reader`` – the county opens and checks one;
* ``merge`` – the county applies a bundle in one transaction; conflicts and key pins;
* ``receipts`` – the county says what arrived, the station marks it.
"""
