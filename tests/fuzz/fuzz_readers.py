"""Property-based fuzzing of the readers of outside files (issue 18): ``./dev.sh fuzz [MINUTES]``.

    PYTHONPATH=. .venv/bin/python tests/fuzz/fuzz_readers.py [MINUTES] [--only bundle|receipt|roster]

Three targets share the minutes (default 1): the bundle reader (``open_bundle`` then every part
and attachment read, on a bundle signed with a test key whose manifest, parts or zip bytes are
mutated, re-signed or not, re-sealed or not), the receipt reader (``import_receipt`` on a signed
receipt whose JSON or bytes are mutated, re-signed or not) and the roster reader (``read_roster``
on mutated .xlsx package parts, raw .xlsx bytes, .ods content and CSV bytes).

The property: a reader either succeeds or raises one of the project's refusals (a
``StationError``), within ``HANG_SECONDS``. Anything else is a finding: hypothesis shrinks it, the
input is saved under ``tests/fuzz/findings/`` and the run goes on; a finding becomes a regular
test in ``tests/core/test_fuzz_findings.py``. Exit status 1 when anything was found.

Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import signal
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from station_app.errors import StationError  # noqa: E402
from station_app.sync import keys  # noqa: E402
from station_app.sync.bundle_format import CHECKSUM_PREFIX, seal_file  # noqa: E402

FINDINGS = Path(__file__).resolve().parent / "findings"
HANG_SECONDS = 60

# --- seeds -------------------------------------------------------------------------------------

BUNDLE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
COUNTY_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
PART = "parts/complaint.ndjson"
PART_BYTES = (
    b'{"uid":"0f6c2f2e-1","origin":"TJ001","version":1,"number":"TJ001-2026-0001"}\n'
    b'{"uid":"0f6c2f2e-2","origin":"TJ001","version":2,"number":"TJ001-2026-0002"}\n'
)
ATTACHMENT = b"\x89PNG fake evidence"


def bundle_manifest(part: bytes = PART_BYTES) -> dict[str, Any]:
    public = keys.public_key_bytes(BUNDLE_KEY)
    return {
        "format": "station-bundle",
        "format_version": 1,
        "schema_version": 1,
        "app_version": "fuzz",
        "station": {"code": "TJ001", "name": "通江县诺江镇消费维权服务站"},
        "seq": 1,
        "key": {"public_key": public.hex(), "fingerprint": keys.fingerprint(public)},
        "change_seq": {"from": 1, "to": 2},
        "created_at": "2026-11-20T02:00:00Z",
        "parts": [
            {
                "name": PART,
                "table": "complaint",
                "records": part.count(b"\n"),
                "bytes": len(part),
                "sha256": hashlib.sha256(part).hexdigest(),
            }
        ],
        "attachments": [
            {"sha256": hashlib.sha256(ATTACHMENT).hexdigest(), "bytes": len(ATTACHMENT)}
        ],
    }


def bundle_bytes(
    manifest: dict[str, Any] | bytes | None = None,
    part: bytes = PART_BYTES,
    *,
    sign: bool = True,
    seal: bool = True,
    folder: Path,
) -> bytes:
    """A bundle as ``export`` writes one: manifest, its signature, one part, one attachment, the
    checksum comment; ``manifest`` may be replaced (a dict is re-signed when ``sign``)."""
    if manifest is None:
        manifest = bundle_manifest(part)
    raw = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    signature = keys.sign(BUNDLE_KEY, raw) if sign else b"\0" * 64
    target = folder / "seed.stbundle"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", signature)
        archive.writestr(PART, part)
        archive.writestr(f"attachments/{hashlib.sha256(ATTACHMENT).hexdigest()}", ATTACHMENT)
        archive.comment = CHECKSUM_PREFIX + b"0" * 64
    if seal:
        seal_file(target)
    return target.read_bytes()


def receipt_document(receipt: Any = None, *, sign: bool = True) -> bytes:
    from station_app.sync.receipts import _canonical

    public = keys.public_key_bytes(COUNTY_KEY)
    if receipt is None:
        receipt = {
            "format": "station-receipt",
            "format_version": 1,
            "county": {"code": "511921", "name": "通江县消费者协会"},
            "created_at": "2026-11-20T02:00:00Z",
            "key": {"public_key": public.hex(), "fingerprint": keys.fingerprint(public)},
            "stations": [
                {
                    "code": "TJ001",
                    "name": "诺江",
                    "bundles": [{"seq": 1, "manifest_sha256": "ab" * 32, "imported_at": "x"}],
                    "missing": [2],
                }
            ],
        }
    try:
        signed = keys.sign(COUNTY_KEY, _canonical(receipt)).hex() if sign else "00" * 64
    except (TypeError, ValueError):  # not JSON-serialisable with sorted keys
        signed = "00" * 64
    return json.dumps({"receipt": receipt, "signature": signed}, ensure_ascii=False).encode()


def roster_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "说明"
    for row in (["名册版本", "2026.2"], ["发布日期", "2026-11-01"], ["县级区划代码", "511921"]):
        sheet.append(row)
    regions = book.create_sheet("行政区划")
    regions.append(["乡镇代码", "乡镇", "村代码", "村"])
    regions.append(["511921100", "诺江镇", "511921100201", "新华村民委员会"])
    regions.append([511921101, "民胜镇", 511921101201, "=1/0"])
    stations = book.create_sheet("服务站")
    stations.append(["*服务站编码", "*服务站名称", "所在村代码", "联系电话"])
    stations.append(["TJ001", "通江县诺江镇消费维权服务站", "511921100201", 13881234567])
    stations.merge_cells("A3:A4")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="行政区划">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>乡镇代码</text:p>'
    '</table:table-cell><table:table-cell office:value-type="string"><text:p>村代码</text:p>'
    "</table:table-cell></table:table-row>"
    '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float"'
    ' office:value="511921100"><text:p>511921100</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
    "</table:table></office:spreadsheet></office:body></office:document-content>"
).encode()


def roster_ods() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)  # fmt: skip
        archive.writestr("content.xml", ODS_CONTENT)
    return out.getvalue()


ROSTER_CSV = "乡镇代码,乡镇,村代码,村\n511921100,诺江镇,511921100201,新华村民委员会\n".encode()

# --- mutations -----------------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few byte-level edits: flip, overwrite, insert, delete, truncate, repeat."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "repeat"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        elif kind == "repeat":
            piece = data[at : at + draw(st.integers(1, 32))]
            data[at:at] = piece * draw(st.integers(1, 50))
    return bytes(data)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def json_mutated(draw: st.DrawFn, seed: Any) -> Any:
    """``seed`` (a JSON value) with one value somewhere replaced, or a key removed."""
    if isinstance(seed, dict) and seed and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(seed)))
        copy = dict(seed)
        choice = draw(st.integers(0, 2))
        if choice == 0:
            del copy[key]
        elif choice == 1:
            copy[key] = draw(JSON)
        else:
            copy[key] = draw(json_mutated(seed[key]))
        return copy
    if isinstance(seed, list) and seed and draw(st.booleans()):
        at = draw(st.integers(0, len(seed) - 1))
        copy = list(seed)
        copy[at] = draw(json_mutated(seed[at]))
        return copy
    return draw(JSON)


def rezipped(seed: bytes, entry: str, content: bytes) -> bytes:
    """The zip ``seed`` with ``entry`` replaced by ``content`` (a sound zip around bad content)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = content if info.filename == entry else source.read(info.filename)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        target.comment = source.comment
    return out.getvalue()


# --- the harness -------------------------------------------------------------------------------


class Hang(Exception):
    pass


@contextlib.contextmanager
def watchdog(seconds: int) -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def ring(_signum: int, _frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Target:
    def __init__(self, name: str, suffix: str, run: Callable[[Path], object], folder: Path) -> None:
        self.name = name
        self.suffix = suffix
        self.run = run
        self.folder = folder
        self.examples = 0
        self.refusals = 0
        self.findings: dict[str, str] = {}
        self.last_failure: tuple[bytes, BaseException] | None = None

    def check(self, data: bytes) -> None:
        """The property, on one input."""
        path = self.folder / f"input{self.suffix}"
        path.write_bytes(data)
        self.examples += 1
        try:
            with watchdog(HANG_SECONDS):
                self.run(path)
        except StationError as refusal:
            self.refusals += 1
            assert "\n" not in str(refusal), f"a refusal of two lines: {refusal!r}"
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            self.last_failure = (data, error)  # hypothesis runs the shrunk example last
            raise

    def save(self, data: bytes, error: BaseException) -> bool:
        """Keep the input that failed; False when this very input was found before."""
        FINDINGS.mkdir(exist_ok=True)
        (FINDINGS / ".gitignore").write_text("*\n", encoding="utf-8")  # inputs, not sources
        digest = hashlib.sha256(data).hexdigest()[:16]
        where = FINDINGS / f"{self.name}-{digest}{self.suffix}"
        if str(where) in self.findings:
            return False
        where.write_bytes(data)
        self.findings[str(where)] = f"{type(error).__name__}: {error}"[:200]
        return True


def run_for(target: Target, strategy: st.SearchStrategy[bytes], seconds: float) -> None:
    """Run hypothesis rounds on ``target`` until ``seconds`` have passed."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:

        @settings(
            max_examples=10,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        @given(strategy)
        def property_holds(data: bytes) -> None:
            target.check(data)

        target.last_failure = None
        try:
            property_holds()
        except Exception:  # noqa: BLE001 - a finding: its shrunk input is saved
            if target.last_failure is not None and target.save(*target.last_failure):
                _, error = target.last_failure
                print(f"[{target.name}] finding: {type(error).__name__}: {error}"[:200], flush=True)


def bundle_target(folder: Path) -> tuple[Target, st.SearchStrategy[bytes]]:
    from station_app.sync.reader import open_bundle, read_attachment, read_part

    def run(path: Path) -> None:
        for verify in (True, False):
            bundle = open_bundle(path, verify_checksum=verify)
            try:
                for part in bundle.parts:
                    for _ in read_part(bundle, part):
                        pass
                for sha256, _size in bundle.attachments:
                    for _ in read_attachment(bundle, sha256):
                        pass
            finally:
                bundle.close()

    seeds = folder / "seeds"
    seeds.mkdir()
    seed = bundle_bytes(folder=seeds)

    @st.composite
    def inputs(draw: st.DrawFn) -> bytes:
        how = draw(st.sampled_from(["manifest", "part", "raw", "raw-sealed"]))
        if how == "manifest":
            manifest = draw(json_mutated(bundle_manifest()))
            return bundle_bytes(manifest, sign=draw(st.booleans()), folder=seeds)
        if how == "part":
            part = draw(mutated(PART_BYTES))
            manifest = bundle_manifest(part if draw(st.booleans()) else PART_BYTES)
            return bundle_bytes(manifest, part, folder=seeds)
        data = draw(mutated(seed))
        if how == "raw-sealed" and len(data) > 64:
            data = (
                data[:-64]
                + hashlib.sha256(data[: -(len(CHECKSUM_PREFIX) + 64)]).hexdigest().encode()
            )
        return data

    return Target("bundle", ".stbundle", run, folder), inputs()


def receipt_target(folder: Path) -> tuple[Target, st.SearchStrategy[bytes]]:
    from station_app.clock import FixedClock
    from station_app.installation import init_station, open_installation
    from station_app.sync.receipts import import_receipt

    inst = open_installation(folder / "station")
    clock = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
    init_station(inst, code="TJ001", name="诺江", county_code="511921", clock=clock)
    ctx = inst.context(actor="fuzz", clock=clock)
    seed = receipt_document()

    def run(path: Path) -> None:
        import_receipt(ctx, path)

    @st.composite
    def inputs(draw: st.DrawFn) -> bytes:
        if draw(st.booleans()):
            receipt = draw(json_mutated(json.loads(seed)["receipt"]))
            return receipt_document(receipt, sign=draw(st.booleans()))
        return draw(mutated(seed))

    return Target("receipt", ".streceipt", run, folder), inputs()


def roster_target(folder: Path) -> tuple[Target, st.SearchStrategy[bytes]]:
    from station_app.clock import FixedClock
    from station_app.installation import init_station, open_installation
    from station_app.roster.roster_import import read_roster

    inst = open_installation(folder / "roster-station")
    clock = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
    init_station(inst, code="TJ001", name="诺江", county_code="511921", clock=clock)
    xlsx = roster_xlsx()
    ods = roster_ods()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}

    def run(path: Path) -> None:
        data = path.read_bytes()
        if data.startswith(b"CSV:"):
            csv_path = folder / "input.csv"
            csv_path.write_bytes(data[4:])
            read_roster(csv_path)
        else:
            read_roster(path)

    @st.composite
    def inputs(draw: st.DrawFn) -> bytes:
        how = draw(st.sampled_from(["part", "part", "raw", "csv", "ods"]))
        if how == "part":
            entry = draw(st.sampled_from(sorted(parts)))
            return rezipped(xlsx, entry, draw(mutated(parts[entry])))
        if how == "raw":
            return draw(mutated(xlsx))
        if how == "ods":
            return rezipped(ods, "content.xml", draw(mutated(ODS_CONTENT)))
        return b"CSV:" + draw(mutated(ROSTER_CSV))

    return Target("roster", ".xlsx", run, folder), inputs()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("minutes", nargs="?", type=float, default=1.0)
    parser.add_argument("--only", choices=["bundle", "receipt", "roster"])
    args = parser.parse_args(argv)
    names = [args.only] if args.only else ["bundle", "receipt", "roster"]
    share = args.minutes * 60 / len(names)
    makers = {"bundle": bundle_target, "receipt": receipt_target, "roster": roster_target}
    found = 0
    with tempfile.TemporaryDirectory(prefix="station-fuzz-") as temporary:
        for name in names:
            folder = Path(temporary) / name
            folder.mkdir()
            target, strategy = makers[name](folder)
            started = time.monotonic()
            run_for(target, strategy, share)
            print(
                f"{name}: {target.examples} inputs in {time.monotonic() - started:.0f} s, "
                f"{target.refusals} refused with a StationError, {len(target.findings)} findings",
                flush=True,
            )
            for where, error in target.findings.items():
                print(f"  {where}: {error}", flush=True)
            found += len(target.findings)
    print("fuzz: nothing found" if not found else f"fuzz: {found} findings", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
