"""The words the station's upload queue and the county's upload service share (docs/county-server.md).

One ``POST /v1/bundles`` per bundle file, its bytes as the body (``application/octet-stream``),
with ``Content-Length`` and the headers below. Every answer of the service is JSON and carries
``X-Station-Upload: 1``: an answer without it (a captive portal, a proxy's error page) is never
taken as the county's, whatever its status.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

UPLOAD_URL_SETTING = "county.upload_url"  # set by the roster's cover (县消协上传地址)
CERTIFICATE_SETTING = "county.certificate_sha256"  # 县消协证书指纹

PROTOCOL = "1"
PROTOCOL_HEADER = "X-Station-Upload"
STATION_HEADER = "X-Station-Code"
SHA256_HEADER = "X-Bundle-SHA256"
NAME_HEADER = "X-Bundle-Name"

BUNDLES_PATH = "/v1/bundles"  # POST a bundle; GET /v1/bundles/<sha256>: its state now
INFO_PATH = "/v1"  # GET: the service's protocol, county and size limit (the client's probe)

# outcomes in the answer's "outcome" field
MERGED = "merged"  # 201: merged now, the receipt lists it
ALREADY = "already"  # 200: merged before (the same file, or the same bundle in another file)
WAITING = "waiting"  # 202: kept, waits for a clerk to confirm the station's key; do not resend
REFUSED = "refused"  # 4xx: with "reason" (one sentence) and "retry" (true: send it again later)
UNKNOWN = "unknown"  # 404 to GET: the service has no such upload

STATION_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_]{1,31}")
BUNDLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,119}")
SHA256 = re.compile(r"[0-9a-f]{64}")
CHUNK = 64 * 1024


def file_sha256(path: Path) -> str:
    """The SHA-256 (hex) of a file's bytes: an upload's idempotency key."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def certificate_fingerprint(der: bytes) -> str:
    """``AB:CD:…`` SHA-256 of a certificate (DER), as ``openssl x509 -fingerprint -sha256`` prints."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, 64, 2))


def normalise_certificate_fingerprint(text: str) -> str | None:
    """A fingerprint as written in a roster or typed (any case, colons or spaces) in the canonical
    ``AB:CD:…`` form; None when it is not 64 hex digits."""
    digits = "".join(ch for ch in text.upper() if ch not in ": -")
    if not re.fullmatch(r"[0-9A-F]{64}", digits):
        return None
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2))


def check_upload_url(text: str) -> str | None:
    """``http(s)://host[:port][/path]`` without a trailing slash, or None when it is not one."""
    text = text.strip()
    try:
        parts = urlsplit(text)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        return None
    if parts.query or parts.fragment or parts.username or parts.password or " " in text:
        return None
    return text.rstrip("/")
