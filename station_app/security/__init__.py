"""Personal data at rest: accounts, the data key that encrypts the database, sign-in and recovery.

No Qt here. The pieces:

* :mod:`.kdf` — the argon2id parameters (one place) and the key derivation from a password;
* :mod:`.keyfile` — the key file beside the database: one wrapped copy of the data key per
  account and one for the county's recovery key (age X25519);
* :mod:`.accounts` — roles, creating accounts, signing in (with the slow-down after five wrong
  passwords), password changes and resets;
* :mod:`.conversion` — turning a plain database into an encrypted one, safe against power loss.
"""
