"""Accounts, sign-in and the encrypted database (issue #15, items 1 and 2)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyrage
import pytest

from station_app.backup import backup_database
from station_app.cli import main
from station_app.clock import FixedClock
from station_app.demo.generate import generate_demo
from station_app.errors import StationError, ValidationFailed
from station_app.installation import (
    COUNTY_RECIPIENT,
    Credentials,
    Installation,
    Locked,
    NewHead,
    init_station,
    open_installation,
)
from station_app.registry.attachments import (
    AttachmentError,
    attach_to_complaint,
    export_attachment,
    stored_path,
)
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.security import accounts
from station_app.security.accounts import (
    OFFICER,
    SignInRefused,
    add_account,
    recover_with_identity,
    set_password,
    sign_in,
)
from station_app.security.conversion import digests_of, plain_aside_path, row_digests
from station_app.security.keyfile import KeyFile, KeyFileError
from station_app.settings import set_setting
from station_app.store.models import AuditEntry, Complainant, Complaint, Person

from ..conftest import (
    STATION_CODE,
    TEST_HEAD,
    TEST_LOGIN,
    TEST_PASSWORD,
    complaint_draft,
    connect_raw,
)

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2026, 11, 20, 2, 0)  # UTC
COMPLAINT_WORD = "投诉".encode()


def fresh_encrypted(root: Path) -> Installation:
    inst = open_installation(root, TEST_HEAD)
    init_station(inst, code=STATION_CODE, name="诺江镇服务站")
    return inst


# accounts and sign-in -------------------------------------------------------------------------


def test_the_right_password_unlocks_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    fresh_encrypted(tmp_path).close()
    accounts.forget_keys()
    with pytest.raises(Locked):
        open_installation(tmp_path)  # no password, no key held: locked
    with pytest.raises(SignInRefused):
        open_installation(tmp_path, Credentials(TEST_LOGIN, "not-the-password"))
    with pytest.raises(SignInRefused):
        open_installation(tmp_path, Credentials("nobody", TEST_PASSWORD))
    inst = open_installation(tmp_path, Credentials(TEST_LOGIN, TEST_PASSWORD))
    assert inst.encrypted and inst.signed_in is not None
    assert inst.context().actor == TEST_HEAD.name  # the audit log names the signed-in person
    inst.close()


def test_five_wrong_passwords_slow_the_next_tries(tmp_path: Path) -> None:
    fresh_encrypted(tmp_path).close()
    keys = KeyFile.load(tmp_path / "station.keys")
    for attempt in range(1, 6):
        with pytest.raises(SignInRefused):
            sign_in(keys, TEST_LOGIN, "wrong", NOW)
        assert KeyFile.load(tmp_path / "station.keys").account(TEST_LOGIN).failures == attempt
    # the fifth wrong try set a wait: even the right password is refused until it passes
    with pytest.raises(SignInRefused, match="30 秒"):
        sign_in(keys, TEST_LOGIN, TEST_PASSWORD, NOW + dt.timedelta(seconds=1))
    with pytest.raises(SignInRefused):
        sign_in(keys, TEST_LOGIN, "wrong", NOW + dt.timedelta(seconds=31))
    # each further wrong try doubles the wait
    assert accounts.wait_after(6) == dt.timedelta(seconds=60)
    assert accounts.wait_after(30) == accounts.LONGEST_WAIT
    later = NOW + dt.timedelta(seconds=31 + 61)
    signed_in, _key = sign_in(keys, TEST_LOGIN, TEST_PASSWORD, later)
    assert signed_in.login == TEST_LOGIN
    reloaded = KeyFile.load(tmp_path / "station.keys").account(TEST_LOGIN)
    assert reloaded is not None and reloaded.failures == 0 and reloaded.retry_after is None


def test_the_station_head_adds_an_officer_and_resets_a_forgotten_password(tmp_path: Path) -> None:
    inst = fresh_encrypted(tmp_path)
    assert inst.keys is not None and inst.data_key is not None
    add_account(inst.keys, inst.data_key, login="li", name="李联络员", role=OFFICER,
                password="officer-1")  # fmt: skip
    with pytest.raises(ValidationFailed):
        add_account(inst.keys, inst.data_key, login="li", name="重名", role=OFFICER,
                    password="officer-1")  # fmt: skip
    with pytest.raises(ValidationFailed):
        add_account(inst.keys, inst.data_key, login="wu", name="吴", role=OFFICER, password="1")
    set_password(inst.keys, inst.data_key, "li", "new-password")
    inst.close()
    accounts.forget_keys()
    keys = KeyFile.load(tmp_path / "station.keys")
    with pytest.raises(SignInRefused):
        sign_in(keys, "li", "officer-1", NOW)
    signed_in, _key = sign_in(keys, "li", "new-password", NOW)
    assert (signed_in.name, signed_in.role, signed_in.manages) == ("李联络员", OFFICER, False)


def test_the_county_recovery_key_resets_a_password_without_any_password(tmp_path: Path) -> None:
    county = pyrage.x25519.Identity.generate()
    inst = fresh_encrypted(tmp_path)
    set_setting(COUNTY_RECIPIENT, str(county.to_public()))  # as the roster brings it
    inst.close()
    inst = open_installation(tmp_path)  # the next open wraps the data key for the county
    inst.close()
    keys = KeyFile.load(tmp_path / "station.keys")
    assert keys.recovery_recipient == str(county.to_public())
    assert b"AGE" not in (tmp_path / "station.keys").read_bytes()  # no secret key stored
    accounts.forget_keys()

    other = tmp_path / "other.key"
    other.write_text(str(pyrage.x25519.Identity.generate()) + "\n")
    with pytest.raises(accounts.AccountError, match="不是本县的恢复密钥"):
        recover_with_identity(keys, other)
    identity = tmp_path / "county.key"
    identity.write_text("# created: 2026\n" + str(county) + "\n")
    key = recover_with_identity(keys, identity)
    set_password(keys, key, TEST_LOGIN, "after-recovery")
    accounts.forget_keys()
    inst = open_installation(tmp_path, Credentials(TEST_LOGIN, "after-recovery"))
    assert inst.identity() is not None
    inst.close()


def test_a_damaged_key_file_is_refused_in_one_sentence(tmp_path: Path) -> None:
    fresh_encrypted(tmp_path).close()
    (tmp_path / "station.keys").write_bytes(b'{"format": "station-keys/1", "accounts": 7}')
    with pytest.raises(KeyFileError, match="已损坏"):
        open_installation(tmp_path, Credentials(TEST_LOGIN, TEST_PASSWORD))


def test_test_parameters_cannot_be_chosen_outside_the_test_suite() -> None:
    done = subprocess.run(
        [sys.executable, "-c",
         "from station_app.security import kdf; kdf.use_test_parameters()"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0 and "test suite only" in done.stderr


# no plain text at rest ---------------------------------------------------------------------------


def raw_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and p.suffix != ".log"]


def known_complainant(root: Path) -> bytes:
    inst = open_installation(root)
    try:
        person = Person.select().join(Complainant).order_by(Person.id).first()
        assert person is not None and len(person.name) >= 2
        return str(person.name).encode()
    finally:
        inst.close()


@pytest.mark.parametrize("encrypted", [True, False])
def test_no_plain_text_after_init_demo_and_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encrypted: bool
) -> None:
    data = tmp_path / "d"
    if not encrypted:  # the control: the same bytes search finds them in a plain installation
        inst = open_installation(data)
        init_station(inst, code=STATION_CODE, name="诺江镇服务站")
        inst.close()
    else:
        assert main(["--data-dir", str(data), "init", "--station-code", STATION_CODE,
                     "--name", "诺江镇服务站"]) == 0  # fmt: skip
    if encrypted:
        assert main(["--data-dir", str(data), "demo", "--complaints", "60", "--visits", "30",
                     "--seed", "3"]) == 0  # fmt: skip
        attach_evidence(data, tmp_path)
        assert main(["--data-dir", str(data), "backup"]) == 0
    else:
        inst = open_installation(data)
        generate_demo(inst.context(), complaints=60, visits=30, seed=3)
        inst.close()
        attach_evidence(data, tmp_path)
        inst = open_installation(data)
        backup_database(
            inst.db,
            data / "backups",
            station_code=STATION_CODE,
            attachments_dir=inst.paths.attachments,
        )
        inst.close()
    name = known_complainant(data)
    files = raw_files(data)
    assert any(p.name.endswith(".sqlite3") and p.parent.name == "backups" for p in files)
    evidence = [p for p in files if len(p.name) == 64]
    assert len(evidence) == 2  # the stored file and its copy in the backup
    if encrypted:  # the backups carry the key file (wrapped keys only) to restore elsewhere
        assert (data / "backups" / "station.keys").read_bytes() == (
            data / "station.keys"
        ).read_bytes()
    found = [p for p in files if name in p.read_bytes() or COMPLAINT_WORD in p.read_bytes()]
    if encrypted:
        assert found == [], f"plain text in {found}"
        # and the data is all there: the trigram search finds the complainant's complaint
        capsys.readouterr()
        assert main(["--data-dir", str(data), "search", name.decode()]) == 0
        assert capsys.readouterr().out.strip()
    else:
        assert data / "station.sqlite3" in found and set(evidence) <= set(found)


def attach_evidence(data: Path, tmp_path: Path) -> None:
    """A receipt that names the complainant and says 投诉, attached to the first complaint."""
    inst = open_installation(data)
    try:
        complaint = Complaint.select().order_by(Complaint.id).first()
        person = Person.select().join(Complainant).order_by(Person.id).first()
        receipt = tmp_path / "收据.txt"
        receipt.write_text(f"{person.name} 的投诉：收据一张。\n" * 50, encoding="utf-8")
        attach_to_complaint(inst.context(), inst.paths.attachments, complaint, receipt)
    finally:
        inst.close()


def test_attachments_are_sealed_and_come_back_whole(
    installation: Installation, ctx: Context, tmp_path: Path
) -> None:
    assert installation.encrypted
    complaint = register_complaint(ctx, complaint_draft())
    content = ("李桂兰的投诉材料。".encode() * 200_000)[: 3 * 1024 * 1024 + 17]  # 4 chunks
    source = tmp_path / "材料.txt"
    source.write_bytes(content)
    attachment = attach_to_complaint(ctx, installation.paths.attachments, complaint, source)
    stored = stored_path(installation.paths.attachments, attachment.sha256)
    raw = stored.read_bytes()
    assert "李桂兰".encode() not in raw and COMPLAINT_WORD not in raw
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()  # named by the plain hash
    copy = export_attachment(installation.paths.attachments, attachment, tmp_path / "copy.txt")
    assert copy.read_bytes() == content
    # a flipped byte, a file cut short, a chunk dropped: refused as damaged, target untouched
    target = tmp_path / "again.txt"
    target.write_bytes(b"kept")
    for damaged in (
        raw[:100] + bytes([raw[100] ^ 1]) + raw[101:],
        raw[: len(raw) // 2],
        raw[: len(raw) - 300],
    ):
        stored.write_bytes(damaged)
        with pytest.raises(AttachmentError, match="已损坏"):
            export_attachment(installation.paths.attachments, attachment, target)
        assert target.read_bytes() == b"kept"


def test_converting_seals_the_evidence_files_too(tmp_path: Path) -> None:
    plain_station(tmp_path, complaints=5)
    inst = open_installation(tmp_path)
    complaint = Complaint.select().first()
    source = tmp_path / "receipt.txt"
    source.write_bytes("投诉收据".encode() * 1000)
    attachment = attach_to_complaint(inst.context(), inst.paths.attachments, complaint, source)
    inst.close()
    stored = stored_path(tmp_path / "attachments", attachment.sha256)
    assert COMPLAINT_WORD in stored.read_bytes()  # plain before the upgrade
    inst = open_installation(tmp_path, TEST_HEAD)
    assert COMPLAINT_WORD not in stored.read_bytes()
    copy = export_attachment(inst.paths.attachments, attachment, tmp_path / "copy.txt")
    assert copy.read_bytes() == source.read_bytes()
    assert not (tmp_path / "attachments" / ".sealing").exists()
    inst.close()


def database_bytes(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data.iterdir() if p.name.startswith("station.sqlite3")}


def test_a_wrong_or_missing_password_is_refused_in_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "init", "--station-code", STATION_CODE,
                 "--name", "诺江镇服务站"]) == 0  # fmt: skip
    accounts.forget_keys()
    before = database_bytes(data)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-password\n")
    for options in (["--password-file", str(wrong)], ["--password-file", str(tmp_path / "no")]):
        capsys.readouterr()
        assert main(["--data-dir", str(data), *options, "list"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        # the option also works after the command
        assert main(["--data-dir", str(data), "list", *options]) == 1
    monkeypatch.delenv("STATION_PASSWORD_FILE")
    capsys.readouterr()
    assert main(["--data-dir", str(data), "list"]) == 1  # no password at all, no terminal
    assert capsys.readouterr().err.count("\n") == 1
    assert database_bytes(data) == before


def test_the_command_line_names_the_signed_in_officer_in_the_audit_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "init", "--station-code", STATION_CODE,
                 "--name", "诺江镇服务站"]) == 0  # fmt: skip
    assert main(["--data-dir", str(data), "demo", "--complaints", "3", "--visits", "0"]) == 0
    officer = tmp_path / "officer.txt"
    officer.write_text("officer-pass\n")
    assert main(["--data-dir", str(data), "account", "add", "--new-login", "li", "--name",
                 "李联络员", "--new-password-file", str(officer)]) == 0  # fmt: skip
    # an officer may not manage accounts
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--login", "li", "--password-file", str(officer),
                 "account", "password", TEST_LOGIN, "--new-password-file", str(officer)]) == 1  # fmt: skip
    assert "站长" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "--login", "li", "--password-file", str(officer),
                 "list", "--unmasked"]) == 0  # fmt: skip
    with contextlib.closing(connect_raw(data / "station.sqlite3")) as connection:
        actors = {row[0] for row in connection.execute(
            "SELECT actor FROM audit_entry WHERE action = 'reveal'")}  # fmt: skip
    assert actors == {"李联络员"}


# converting a plain database ----------------------------------------------------------------------


def plain_station(root: Path, complaints: int) -> dict[str, tuple[int, str]]:
    inst = open_installation(root)
    clock = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
    init_station(inst, code=STATION_CODE, name="诺江镇服务站", clock=clock)
    generate_demo(inst.context(clock=clock), complaints=complaints, visits=complaints // 2, seed=5)
    inst.close()
    with contextlib.closing(sqlite3.connect(root / "station.sqlite3")) as connection:
        return row_digests(connection)


def encrypted_digests(root: Path) -> dict[str, tuple[int, str]]:
    key = accounts.unlocked_key(KeyFile.load(root / "station.keys").key_id)
    return digests_of(root / "station.sqlite3", key)


def test_a_plain_database_converts_with_every_row(tmp_path: Path) -> None:
    expected = plain_station(tmp_path, complaints=40)
    inst = open_installation(tmp_path, TEST_HEAD)
    assert inst.encrypted and inst.signed_in is not None
    assert AuditEntry.select().count() > 0
    inst.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("station.")) == [
        "station.keys",
        "station.sqlite3",
    ]
    assert encrypted_digests(tmp_path) == expected
    assert COMPLAINT_WORD not in (tmp_path / "station.sqlite3").read_bytes()


CONVERT = textwrap.dedent(
    """
    import sys
    import pytest  # noqa: F401 - the test key-derivation parameters exist only under pytest
    from station_app.security import kdf
    from station_app.installation import NewHead, open_installation
    from tests.credentials import TEST_HEAD_NAME, TEST_LOGIN, TEST_PASSWORD

    kdf.use_test_parameters()
    print("ready", flush=True)
    open_installation(sys.argv[1], NewHead(TEST_LOGIN, TEST_HEAD_NAME, TEST_PASSWORD)).close()
    print("done", flush=True)
    """
)


def start_conversion(root: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", CONVERT, str(root)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready", process.stderr
    return process


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_conversion_killed_at_10_random_points_loses_nothing(tmp_path: Path) -> None:
    import shutil

    template = tmp_path / "template"
    expected = plain_station(template, complaints=300)
    timed = tmp_path / "timed"
    shutil.copytree(template, timed)
    began = time.perf_counter()
    process = start_conversion(timed)
    assert process.wait(timeout=120) == 0, process.stderr.read() if process.stderr else ""
    duration = time.perf_counter() - began
    rng = random.Random(20261207)
    states = []
    for attempt in range(10):
        target = tmp_path / f"kill{attempt}"
        shutil.copytree(template, target)
        process = start_conversion(target)
        time.sleep(rng.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
        states.append(sorted(p.name for p in target.iterdir() if p.name.startswith("station.")))
        # the next start resumes (or redoes) the conversion: nothing is lost
        committed = (target / "station.keys").exists()
        unlock = Credentials(TEST_LOGIN, TEST_PASSWORD) if committed else TEST_HEAD
        open_installation(target, unlock).close()
        assert encrypted_digests(target) == expected, f"attempt {attempt}: {states[-1]}"
        assert not plain_aside_path(target / "station.sqlite3").exists()
        assert COMPLAINT_WORD not in (target / "station.sqlite3").read_bytes()
    print("states at the kills:", states)


def test_a_locked_installation_refuses_before_touching_anything(tmp_path: Path) -> None:
    fresh_encrypted(tmp_path).close()
    accounts.forget_keys()
    before = database_bytes(tmp_path)
    with pytest.raises(StationError):
        open_installation(tmp_path, NewHead("x", "某人", "password-2"))
    assert database_bytes(tmp_path) == before
    assert os.path.getsize(tmp_path / "station.keys") > 0


class PowerCut(BaseException):
    """The machine stops here (nothing after it runs, no cleanup of ours either)."""


@pytest.mark.parametrize("cut_at", [1, 2, 3])
def test_conversion_cut_at_each_step_after_the_commit_point_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut_at: int
) -> None:
    """The swap after the key file is written (plain file aside, copy into place, plain file
    overwritten and removed): each step cut in turn."""
    from station_app.security import conversion

    expected = plain_station(tmp_path, complaints=20)
    calls = {"n": 0}
    real_replace, real_shred = os.replace, conversion.shred

    def counted(step: object) -> object:
        def run(*args: object) -> object:
            calls["n"] += 1
            if calls["n"] == cut_at:
                raise PowerCut
            return step(*args)  # type: ignore[operator]

        return run

    class CutOs:  # the conversion module's own ``os``; the key file still writes normally
        replace = staticmethod(counted(real_replace))

        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

    monkeypatch.setattr(conversion, "os", CutOs())
    monkeypatch.setattr(conversion, "shred", counted(real_shred))
    with pytest.raises(PowerCut):
        open_installation(tmp_path, TEST_HEAD)
    monkeypatch.undo()
    assert (tmp_path / "station.keys").exists()  # the cut came after the commit point
    inst = open_installation(tmp_path, Credentials(TEST_LOGIN, TEST_PASSWORD))
    inst.close()
    assert not plain_aside_path(tmp_path / "station.sqlite3").exists()
    assert not (tmp_path / "station.sqlite3.encrypting").exists()
    assert encrypted_digests(tmp_path) == expected


def test_converting_encrypts_the_backups_taken_before(tmp_path: Path) -> None:
    from station_app.backup import list_backups, verify_backup

    plain_station(tmp_path, complaints=30)
    inst = open_installation(tmp_path)
    taken = backup_database(inst.db, tmp_path / "backups", station_code=STATION_CODE)
    inst.close()
    assert COMPLAINT_WORD in taken.read_bytes()
    inst = open_installation(tmp_path, TEST_HEAD)
    assert taken.exists() and COMPLAINT_WORD not in taken.read_bytes()
    assert not list((tmp_path / "backups").glob("*.encrypt*"))
    assert not (tmp_path / "backups" / ".encrypting").exists()
    assert verify_backup(taken).complaints == 30  # opens with the installation's data key
    assert [b.path for b in list_backups([tmp_path / "backups"])] == [taken]
    inst.close()


def test_a_bad_county_key_from_the_roster_leaves_the_station_working(tmp_path: Path) -> None:
    inst = fresh_encrypted(tmp_path)
    set_setting(COUNTY_RECIPIENT, "age1-not-a-key")
    inst.close()
    inst = open_installation(tmp_path)  # logged, not refused
    assert inst.identity() is not None
    inst.close()
    assert KeyFile.load(tmp_path / "station.keys").recovery_recipient is None


def test_the_command_line_resets_a_forgotten_password_with_the_recovery_identity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    county = pyrage.x25519.Identity.generate()
    data = tmp_path / "d"
    inst = fresh_encrypted(data)
    set_setting(COUNTY_RECIPIENT, str(county.to_public()))
    inst.close()
    open_installation(data).close()  # the recovery copy is made at the next open
    accounts.forget_keys()
    identity = tmp_path / "county.key"
    identity.write_text(str(county) + "\n")
    new_password = tmp_path / "new.txt"
    new_password.write_text("remembered-now\n")
    monkeypatch.delenv("STATION_PASSWORD_FILE")  # nobody knows any password
    assert main(["--data-dir", str(data), "account", "password", TEST_LOGIN,
                 "--new-password-file", str(new_password),
                 "--recovery-identity", str(identity)]) == 0  # fmt: skip
    accounts.forget_keys()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--password-file", str(new_password), "list"]) == 0


def test_at_the_county_the_first_account_is_the_county_head(tmp_path: Path) -> None:
    inst = open_installation(tmp_path, TEST_HEAD)
    init_station(inst, code="XIAN", name="通江县消协", role="county")
    assert inst.signed_in is not None and inst.signed_in.role == accounts.COUNTY_HEAD
    assert inst.signed_in.manages
    inst.close()
    assert [a.role for a in KeyFile.load(tmp_path / "station.keys").accounts] == ["county_head"]
