"""A made-up header in a key file, an encrypted case file or a backup is reported as damaged in
plain words, never as an unexpected error (issue 13): short salts, lanes of 0, a memory cost of
1e400, a key check that is not text, a malformed passphrase change, nesting thousands deep, a
missing or listed key derivation, a nonce that is a number, a 5,000-digit version. A passphrase in
the environment holding a byte that is not UTF-8 is named. What was saved is still there after."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import STORE_PASS

REPO = Path(__file__).resolve().parent.parent
FILE_PASS = "a file passphrase"
KEY_FILE = "dayinlife-store.json"


def cli(*args, data, env=None):
    return subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(data), *map(str, args)], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_PASSPHRASE": STORE_PASS,
                               "DAYINLIFE_FILE_PASSPHRASE": FILE_PASS, "DAYINLIFE_LOCK_WAIT": "0", **(env or {})},
                          capture_output=True, text=True, timeout=120)


def clear(out) -> bool:
    return out.returncode in (1, 2) and "Traceback" not in out.stderr and "unexpected error" not in out.stderr


DEEP = "[" * 100000 + "]" * 100000

KDF_DAMAGE = {
    "short salt": lambda kdf: {**kdf, "salt": "00"},
    "no lanes": lambda kdf: {**kdf, "lanes": 0},
    "huge memory": "1e400",
    "kdf a list": lambda kdf: [kdf],
    "kdf missing": None,
}


def _with_kdf(header_text: str, damage) -> str:
    header = json.loads(header_text)
    if damage is None:
        del header["kdf"]
    elif damage == "1e400":
        return header_text.replace(f'"memory_kib": {header["kdf"]["memory_kib"]}', '"memory_kib": 1e400')
    else:
        header["kdf"] = damage(header["kdf"])
    return json.dumps(header)


@pytest.mark.parametrize("damage", list(KDF_DAMAGE) + ["check not text", "pending malformed", "deep",
                                                       "pending half"])
def test_a_made_up_key_file_is_called_damaged(store_with_a_case, damage):
    key_file = store_with_a_case / KEY_FILE
    sound = key_file.read_text("utf-8")
    if damage in KDF_DAMAGE:
        text = _with_kdf(sound, KDF_DAMAGE[damage])
    elif damage == "deep":
        text = DEEP
    else:
        meta = json.loads(sound)
        if damage == "check not text":
            meta["check"] = {"x": 1}
        elif damage == "pending malformed":
            meta["pending"] = "yes"
        else:
            meta["pending"] = {"kdf": meta["kdf"]}
        text = json.dumps(meta)
    key_file.write_text(text, "utf-8")
    out = cli("case", "list", data=store_with_a_case)
    assert clear(out) and "key file" in out.stderr and "damaged" in out.stderr, out.stderr
    key_file.write_text(sound, "utf-8")
    out = cli("case", "list", data=store_with_a_case)
    assert out.returncode == 0 and "FICT-0042" in out.stdout


def _split(blob: bytes, magic_end: int) -> tuple[bytes, str, bytes]:
    end = blob.index(b"\n", magic_end)
    return blob[:magic_end], blob[magic_end:end].decode("ascii"), blob[end:]


@pytest.mark.parametrize("damage", list(KDF_DAMAGE) + ["nonce a number", "deep", "long version", "kind a list",
                                                       "check not hex"])
def test_a_made_up_case_file_header_is_called_damaged(store_with_a_case, tmp_path, damage):
    from dayinlife.crypto import _SEAL_MAGIC

    path = tmp_path / "case.dilcase"
    assert cli("case", "export", "FICT-0042", "--out", path, data=store_with_a_case).returncode == 0
    magic, header, rest = _split(path.read_bytes(), len(_SEAL_MAGIC))
    if damage in KDF_DAMAGE:
        header = _with_kdf(header, KDF_DAMAGE[damage])
    elif damage == "nonce a number":
        header = json.dumps({**json.loads(header), "nonce": 12})
    elif damage == "deep":
        header = DEEP
    elif damage == "long version":
        header = header.replace('"version": 1', '"version": ' + "9" * 5000)
    elif damage == "check not hex":
        header = json.dumps({**json.loads(header), "check": "zz" * 32})
    else:
        header = json.dumps({**json.loads(header), "kind": ["case"]})
    path.write_bytes(magic + header.encode("ascii") + rest)
    for args in (["case", "check", path], ["case", "import", path]):
        out = cli(*args, data=store_with_a_case)
        assert clear(out), (args, out.stderr)
        assert ("damaged" in out.stderr or "out of range" in out.stderr) and "UTF-8" not in out.stderr, out.stderr
    assert "FICT-0042" in cli("case", "list", data=store_with_a_case).stdout


def test_a_case_file_cut_short_is_called_cut_short_not_a_wrong_passphrase(store_with_a_case, tmp_path):
    """Cut anywhere (inside its first line, its header or its contents), an encrypted case file is
    said to be damaged or cut short; only a wrong passphrase is called one. A file sealed before the
    header held a key check still opens, and its message still allows for either."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from dayinlife import crypto

    path = tmp_path / "case.dilcase"
    assert cli("case", "export", "FICT-0042", "--out", path, data=store_with_a_case).returncode == 0
    whole = path.read_bytes()
    for keep in (5, len(crypto._SEAL_MAGIC) + 20, 400, len(whole) // 2, len(whole) - 1):
        cut = tmp_path / f"cut-{keep}.dilcase"
        cut.write_bytes(whole[:keep])
        for args in (["case", "check", cut], ["case", "import", cut]):
            out = cli(*args, data=store_with_a_case)
            assert clear(out) and "cut short" in out.stderr, (keep, out.stderr)
            assert "passphrase does not open" not in out.stderr
    crlf = tmp_path / "crlf.dilcase"  # its line endings changed by a transfer
    crlf.write_bytes(whole.replace(b"\n", b"\r\n", 2))
    out = cli("case", "check", crlf, data=store_with_a_case)
    assert clear(out) and "encrypted Day in My Life file whose header is damaged" in out.stderr, out.stderr
    out = cli("case", "check", path, data=store_with_a_case, env={"DAYINLIFE_FILE_PASSPHRASE": "not it"})
    assert clear(out) and "That passphrase does not open case.dilcase." in out.stderr, out.stderr

    older = tmp_path / "older.dilcase"  # as sealed before the key check: no "check" in its header
    params = crypto.KdfParams.new()
    nonce = os.urandom(12)
    header = json.dumps({"kind": "case", "version": 1, "kdf": params.to_dict(), "nonce": nonce.hex()}).encode()
    plain = crypto.unseal(whole, FILE_PASS, "case")
    body = AESGCM(crypto.derive_key(FILE_PASS, params)).encrypt(nonce, plain, crypto._SEAL_MAGIC + header)
    older.write_bytes(crypto._SEAL_MAGIC + header + b"\n" + body)
    out = cli("case", "check", older, data=store_with_a_case)
    assert out.returncode == 0 and "FICT-0042" in out.stdout, out.stderr
    out = cli("case", "check", older, data=store_with_a_case, env={"DAYINLIFE_FILE_PASSPHRASE": "not it"})
    assert clear(out) and "(or the file has been changed)" in out.stderr
    assert "FICT-0042" in cli("case", "list", data=store_with_a_case).stdout


@pytest.mark.parametrize("damage", list(KDF_DAMAGE) + ["check missing", "check null", "deep"])
def test_a_made_up_backup_header_is_called_damaged(store_with_a_case, tmp_path, damage):
    from dayinlife.crypto import BACKUP_MAGIC

    backup = tmp_path / "store.dilbackup"
    assert cli("backup", "--out", backup, data=store_with_a_case).returncode == 0
    magic, header, rest = _split(backup.read_bytes(), len(BACKUP_MAGIC))
    if damage in KDF_DAMAGE:
        header = _with_kdf(header, KDF_DAMAGE[damage])
    elif damage == "deep":
        header = DEEP
    else:
        h = json.loads(header)
        if damage == "check missing":
            del h["check"]
        else:
            h["check"] = None
        header = json.dumps(h)
    backup.write_bytes(magic + header.encode("ascii") + rest)
    out = cli("restore", backup, data=tmp_path / "restored")
    assert clear(out) and "backup" in out.stderr and "damaged" in out.stderr, out.stderr


def test_a_plain_case_file_with_a_5000_digit_version_is_refused_in_words(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"format": "dayinlife-case", "version": ' + "9" * 5000 + "}", "utf-8")
    out = cli("case", "check", path, data=tmp_path / "data")
    assert clear(out) and "number too long" in out.stderr, out.stderr


def test_a_passphrase_variable_that_is_not_utf8_is_named(store_with_a_case):
    env = {**os.environ, "PYTHONPATH": str(REPO), "DAYINLIFE_LOCK_WAIT": "0"}
    envb = {k.encode(): v.encode("utf-8", "surrogateescape") for k, v in env.items()}
    envb[b"DAYINLIFE_PASSPHRASE"] = b"caf\xe9 passphrase"
    out = subprocess.run([sys.executable, "-m", "dayinlife", "--data-dir", str(store_with_a_case), "case", "list"],
                         cwd=REPO, env=envb, capture_output=True, text=True, timeout=120)
    assert clear(out) and "DAYINLIFE_PASSPHRASE holds a byte that is not UTF-8" in out.stderr, out.stderr
    assert "FICT-0042" in cli("case", "list", data=store_with_a_case).stdout
