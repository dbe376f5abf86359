"""Case files: one case moved between machines, sealed under its own passphrase (or a plain JSON
interchange file for test and demo data). Reading one, sealing one, and giving a case fresh ids
so an imported copy can sit beside the one already in a store. The format itself is interchange.py."""

from __future__ import annotations

import uuid
from pathlib import Path

from . import crypto, files
from .case import Case
from .interchange import CASE_FILE_LIMIT, InterchangeError, case_from_dict, case_to_dict, dumps_case, loads_case
from .store_errors import StoreDamaged, StoreError, WrongPassphrase


def seal_case(case: Case, file_passphrase: str) -> bytes:
    """A case file's bytes: the interchange format, encrypted under its own passphrase."""
    if not file_passphrase or not file_passphrase.strip():
        raise StoreError("Choose a passphrase for the case file (with words in it, not only spaces): it is "
                         "never written unencrypted.")
    return crypto.seal(dumps_case(case).encode("utf-8"), file_passphrase, "case")


def with_new_ids(case: Case) -> Case:
    """The same case under fresh ids, so it can sit beside the one already in the store. Every
    reference to an id follows it: an interview's adult, an analysis, and answers that name people."""
    from . import people

    data = case_to_dict(case)
    body = data["case"]
    mapping = {}

    def fresh(old: str) -> str:
        mapping[old] = uuid.uuid4().hex
        return mapping[old]

    body["id"] = fresh(body["id"])
    for a in body["adults"]:
        a["id"] = fresh(a["id"])
    for ch in body["children"]:
        ch["id"] = fresh(ch["id"])
        for iv in ch["interviews"]:
            iv["id"] = fresh(iv["id"])
    for ch in body["children"]:  # once every id is new, what refers to them
        for iv in ch["interviews"]:
            if iv["perspective"]["adult_id"]:
                iv["perspective"]["adult_id"] = mapping[iv["perspective"]["adult_id"]]
            for answer in iv["answers"].values():
                answer["measures"] = {mid: (people.named(*(mapping.get(i, i) for i in people.ids_of(v)))
                                            if people.is_named(v) else v)
                                      for mid, v in answer.get("measures", {}).items()}
    family = body.get("family") or {}
    for rel in family.get("relatives", []):
        rel["id"] = fresh(rel["id"])
    for link in family.get("links", []):
        link["id"] = uuid.uuid4().hex
        link["a"], link["b"] = mapping.get(link["a"], link["a"]), mapping.get(link["b"], link["b"])
    if family:
        family["details"] = {mapping.get(k, k): v for k, v in family.get("details", {}).items()}
        family["childhood"] = {mapping.get(k, k): v for k, v in family.get("childhood", {}).items()}
    for x in body.get("scores", []):
        x["id"] = uuid.uuid4().hex
        x["children"] = [mapping[c] for c in x.get("children", []) if c in mapping]
    for ev in body.get("chronology", []):
        ev["id"] = uuid.uuid4().hex
        ev["children"] = [mapping[c] for c in ev.get("children", []) if c in mapping]
    for analysis in body.get("analyses", []):
        analysis["child_id"] = mapping[analysis["child_id"]]
        analysis["interview_ids"] = [mapping.get(i, i) for i in analysis.get("interview_ids", [])]
        for kept in analysis.get("versions", []):
            kept["id"] = uuid.uuid4().hex
            kept["data"]["child_id"] = analysis["child_id"]
            kept["data"]["interview_ids"] = [mapping.get(i, i) for i in kept["data"].get("interview_ids", [])]
        for review in analysis.get("reviews", []):
            review["id"] = uuid.uuid4().hex
    return case_from_dict(data)


def read_case_file_any(path: Path, file_passphrase: str | None) -> Case:
    """A case from an encrypted case file (needs its passphrase) or a plain JSON interchange file."""
    try:
        blob = files.read_limited(path, CASE_FILE_LIMIT, "case file")
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file.") from None
    except OSError as exc:
        raise StoreError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if blob.startswith(crypto.BACKUP_MAGIC):
        raise StoreError(f"{path} is a backup of a whole store, not a case file: use Restore instead.")
    kind = crypto.sealed_kind(blob)
    if kind is None and crypto.looks_sealed(blob):
        raise StoreError(f"{path} is an encrypted Day in My Life file whose header is damaged or cut short, so "
                         f"it cannot be opened. Ask for the file to be exported again.")
    if kind is not None:
        if kind != "case":
            raise StoreError(f"{path} is a Day in My Life {kind} file, not a case file.")
        if not file_passphrase:
            raise WrongPassphrase(f"{path} is encrypted: give the passphrase it was exported with.")
        try:
            blob = crypto.unseal(blob, file_passphrase, "case")
        except crypto.SealedDamaged:
            raise StoreDamaged(f"{path} is damaged: its passphrase is right, but the file has been cut short or "
                               f"changed since it was exported, so it cannot be opened. Ask for the file to be "
                               f"exported again.") from None
        except crypto.DecryptionError as exc:
            if "changed" in str(exc):  # a file sealed before the key check: either could be so
                raise WrongPassphrase(f"That passphrase does not open {path.name} (or the file has been "
                                      f"changed).") from None
            raise WrongPassphrase(f"That passphrase does not open {path.name}.") from None
        except ValueError as exc:
            raise StoreError(f"{path} cannot be opened: {exc}.") from None
    try:
        return loads_case(blob)
    except InterchangeError as exc:
        raise StoreError(f"{path.name}: {exc}") from None
