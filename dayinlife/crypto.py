"""Keys and encryption: Argon2id for passphrases, SQLCipher for the store, AES-GCM for files.

The passphrase is never stored. What is stored beside the encrypted database (the salt, the
Argon2id costs and a key-check value) reveals nothing about the data, and lets the tool tell
a wrong passphrase from a damaged file without touching the file.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from . import trace

KEY_BYTES = 32


class DecryptionError(ValueError):
    """Wrong passphrase, or (in a file sealed before its header held a key check) a file that was
    altered: without the check the two cannot be told apart."""


class SealedDamaged(ValueError):
    """The passphrase is right (the header's key check says so), yet the contents do not decrypt:
    the file was cut short or changed after it was written."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings. 64 MiB and 3 passes take about a tenth of a second here, and make
    each guess at a stolen laptop's passphrase cost the same."""

    salt: str  # hex
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4
    algorithm: str = "argon2id"

    @classmethod
    def new(cls) -> "KdfParams":
        return cls(salt=os.urandom(16).hex())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "KdfParams":
        if not isinstance(d, dict):
            raise ValueError("key derivation settings are damaged")
        if d.get("algorithm") != "argon2id":
            raise ValueError(f"unknown key derivation {d.get('algorithm')!r}")
        values = (d.get("memory_kib"), d.get("iterations"), d.get("lanes"))
        if not isinstance(d.get("salt"), str) or not all(isinstance(v, int) and not isinstance(v, bool)
                                                         for v in values):
            raise ValueError("key derivation settings are damaged")
        params = cls(d["salt"], *values)
        try:
            salt = bytes.fromhex(params.salt)
        except ValueError:
            raise ValueError("key derivation settings are damaged") from None
        # A file's header is untrusted: never more than four times the app's own cost, so a made-up
        # file cannot ask for gigabytes of memory or minutes per try.
        if not (len(salt) >= 16 and 1 <= params.lanes <= 16 and 8 * params.lanes <= params.memory_kib <= 256 * 1024
                and 1 <= params.iterations <= 12):
            raise ValueError("key derivation settings out of range")
        return params


def passphrase_forms(passphrase: str) -> list[str]:
    """The ways the same typed passphrase may reach us: "ŵ" is one character from one keyboard and
    two (w and a combining circumflex) from another. New keys use the composed form (NFC); a store,
    backup or file made before that used the passphrase exactly as typed, so those forms are tried
    after it."""
    forms = [unicodedata.normalize("NFC", passphrase), passphrase, unicodedata.normalize("NFD", passphrase)]
    return list(dict.fromkeys(forms))


def derive_key(passphrase: str, params: KdfParams, *, exact: bool = False) -> bytes:
    """The 32-byte key for a passphrase. Any text works: quotes, spaces, any alphabet. The
    passphrase is taken in its composed form (NFC) unless `exact`."""
    if not passphrase:
        raise ValueError("the passphrase is empty")
    kdf = Argon2id(salt=bytes.fromhex(params.salt), length=KEY_BYTES, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    text = passphrase if exact else unicodedata.normalize("NFC", passphrase)
    trace.mark("key-derivation-start")
    key = kdf.derive(text.encode("utf-8"))
    trace.mark("key-derivation-end")
    return key


def matching_key(passphrase: str, params: KdfParams, check: str) -> bytes | None:
    """The key for `passphrase` if it matches `check`, trying each form it may have been made with."""
    if not passphrase:
        return None
    for form in passphrase_forms(passphrase):
        key = derive_key(form, params, exact=True)
        if key_matches(key, check):
            return key
    return None


def key_check(key: bytes) -> str:
    """A value that shows whether a key is the right one without revealing the key."""
    return hmac.new(key, b"dayinlife key check v1", hashlib.sha256).hexdigest()


def read_check(value: Any) -> str:
    """A key check read from a file: 64 hex digits, or ValueError (the file is damaged)."""
    if not isinstance(value, str) or len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("the key check is damaged")
    return value


def read_entry(value: Any) -> tuple[KdfParams, str]:
    """Key-derivation settings and their key check, as a key file or a backup keeps them."""
    if not isinstance(value, dict):
        raise ValueError("key derivation settings are damaged")
    return KdfParams.from_dict(value.get("kdf")), read_check(value.get("check"))


def key_matches(key: bytes, check: str) -> bool:
    return hmac.compare_digest(key_check(key), check)


# --------------------------------------------------------------------------- the database seam


def connect(path: Path | str, key: bytes):
    """Open (or create) an SQLCipher database with a raw 32-byte key.

    The only place that knows the store is SQLCipher. The key goes in as a hex blob literal
    built from bytes, never from the passphrase's text, so no quoting can break it.
    """
    import sqlcipher3

    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=10, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # no library chatter on stderr
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def attach_sql(path: Path | str, alias: str, key: bytes) -> tuple[str, tuple]:
    """SQL (and parameters) to attach another encrypted database under `key`."""
    return f"ATTACH DATABASE ? AS {alias} KEY \"x'{key.hex()}'\"", (str(path),)


def database_errors() -> tuple[type[BaseException], ...]:
    import sqlcipher3

    return (sqlcipher3.DatabaseError,)


# --------------------------------------------------------------------------- sealed files

_SEAL_MAGIC = b"DAYINLIFE-SEALED\n"


def seal(data: bytes, passphrase: str, kind: str) -> bytes:
    """Encrypt `data` under a passphrase into a self-describing file (AES-256-GCM).

    The header (kind, key derivation settings, nonce) is authenticated with the data, so a
    file altered anywhere fails to open.
    """
    params = KdfParams.new()
    key = derive_key(passphrase, params)
    nonce = os.urandom(12)
    # "check" (key_check, as the store's key file holds) tells a wrong passphrase from a damaged file
    header = json.dumps({"kind": kind, "version": 1, "kdf": params.to_dict(), "nonce": nonce.hex(),
                         "check": key_check(key)}, sort_keys=True).encode("ascii")
    return _SEAL_MAGIC + header + b"\n" + AESGCM(key).encrypt(nonce, data, _SEAL_MAGIC + header)


# A backup of a whole store begins with this line (then its key header and the encrypted database):
# the store writes it, and reading a case file tells it apart.
BACKUP_MAGIC = b"DAYINLIFE-BACKUP\n"


def looks_sealed(blob: bytes) -> bool:
    """Whether the file begins as a sealed file does, whatever state its header is in (cut short
    inside its first line too)."""
    name = _SEAL_MAGIC.rstrip(b"\n")  # (its line ending changed in a transfer: still one of ours, damaged)
    return bool(blob) and (blob.startswith(name) or _SEAL_MAGIC.startswith(blob))


def sealed_kind(blob: bytes) -> str | None:
    """The kind of a sealed file ('case', 'backup' ...), or None if it is not one."""
    try:
        return _read_header(blob)[0]["kind"]
    except ValueError:
        return None


def unseal(blob: bytes, passphrase: str, kind: str) -> bytes:
    header, body, aad = _read_header(blob)
    if header.get("kind") != kind:
        raise ValueError(f"this file holds a {header.get('kind')!r}, not a {kind!r}")
    if header.get("version") != 1:
        raise ValueError("this file was written by a newer version of Day in My Life")
    params = KdfParams.from_dict(header.get("kdf"))  # a missing or made-up one: "key derivation settings ..."
    nonce = bytes.fromhex(header["nonce"])
    if "check" in header:
        key = matching_key(passphrase, params, header["check"])
        if key is None:
            raise DecryptionError("the passphrase is not right")
        try:
            return AESGCM(key).decrypt(nonce, body, aad)
        except InvalidTag:
            raise SealedDamaged("the passphrase is right, but the file is cut short or has been changed "
                                "since it was written") from None
    # sealed before the header held a key check
    for form in passphrase_forms(passphrase):  # the composed form first, then as it may have been made
        try:
            return AESGCM(derive_key(form, params, exact=True)).decrypt(nonce, body, aad)
        except InvalidTag:
            continue
    raise DecryptionError("the passphrase is not right, or the file has been changed")


def _read_header(blob: bytes) -> tuple[dict, bytes, bytes]:
    if not blob.startswith(_SEAL_MAGIC):
        raise ValueError("not a Day in My Life encrypted file")
    end = blob.find(b"\n", len(_SEAL_MAGIC))
    if end < 0:
        raise ValueError("the file is cut short")
    raw = blob[len(_SEAL_MAGIC):end]
    try:  # a made-up header: nested thousands deep, a 5,000-digit number, a nonce that is a number...
        header = json.loads(raw.decode("ascii"))
        if not isinstance(header, dict) or not isinstance(header.get("kind"), str):
            raise ValueError
        nonce = header.get("nonce")
        if not isinstance(nonce, str) or len(bytes.fromhex(nonce)) != 12:
            raise ValueError
        if "check" in header:
            read_check(header["check"])
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError("the file's header is damaged") from None
    return header, blob[end + 1:], _SEAL_MAGIC + raw
