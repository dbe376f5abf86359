"""The lock file (scripts/requirements-lock.txt) that scripts/dev.sh and the bundle build install from.

It must name every package the app, the tests and the bundle need, on Windows, macOS and Linux, each
at one version with hashes; what it names is what this suite runs on.
"""

from __future__ import annotations

import configparser
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "scripts" / "requirements-lock.txt"

PLATFORMS = {
    "Windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    "macOS": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
    "Linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
}


def _env(platform: str) -> dict[str, str]:
    env = {
        "python_version": "3.11",
        "python_full_version": "3.11.7",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "platform_machine": "x86_64",
        "extra": "",
    }
    env.update(PLATFORMS[platform])
    return env


def _entries() -> dict[str, tuple[Version, Marker | None, list[str]]]:
    """name -> (version, marker, hashes), read as pip reads the file (backslash continuations)."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
        spec = re.sub(r"--hash=\S+", "", line).strip()
        req = Requirement(spec)
        (pin,) = req.specifier
        assert pin.operator == "==", f"{req.name} is not pinned to one version: {spec}"
        name = canonicalize_name(req.name)
        assert name not in entries, f"{name} is locked twice"
        entries[name] = (Version(pin.version), req.marker, hashes)
    return entries


def _declared() -> list[Requirement]:
    """What setup.cfg, pyproject.toml and scripts/build-tools.in ask for (the extras the lock covers)."""
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")

    def lines(value: str) -> list[str]:
        return [ln.split("#", 1)[0].strip() for ln in value.splitlines() if ln.split("#", 1)[0].strip()]

    specs = lines(cfg["options"]["install_requires"])
    for extra in ("test", "bundle"):
        specs += lines(cfg["options.extras_require"][extra])
    specs += tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    specs += lines((ROOT / "scripts" / "build-tools.in").read_text(encoding="utf-8"))
    return [Requirement(s) for s in specs]


def test_every_locked_package_is_pinned_with_hashes_and_from_nowhere_else():
    text = LOCK.read_text(encoding="utf-8")
    entries = _entries()
    assert len(entries) >= 25
    for name, (_version, _marker, hashes) in entries.items():
        assert hashes, f"{name} has no hash"
    # pip takes a lock's options as its own: no index, find-links or local path may ride along.
    for forbidden in ("--index-url", "--extra-index-url", "--find-links", "file:", "-e "):
        assert forbidden not in text.replace("# ", ""), forbidden


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_lock_satisfies_what_the_project_declares(platform):
    entries = _entries()
    env = _env(platform)
    for req in _declared():
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        name = canonicalize_name(req.name)
        assert name in entries, f"{req} is declared but not locked"
        version, marker, _ = entries[name]
        assert marker is None or marker.evaluate(env), f"{name} is locked, but not for {platform}"
        assert req.specifier.contains(version, prereleases=True), f"{name}=={version} does not meet {req}"


def test_the_lock_is_whole_on_this_machine():
    """Every locked package's own requirements, here, are locked too (nothing fetched unhashed)."""
    entries = _entries()
    env = {k: v for k, v in _env("Linux").items()}
    missing = []
    for name, (version, marker, _) in entries.items():
        if marker is not None and not marker.evaluate(env):
            continue
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            dep = canonicalize_name(req.name)
            if dep not in entries or not req.specifier.contains(entries[dep][0], prereleases=True):
                missing.append(f"{name} needs {req}")
    assert not missing, missing


def test_the_suite_runs_on_exactly_the_locked_versions():
    entries = _entries()
    env = _env("Linux")
    wrong = []
    for name, (version, marker, _) in entries.items():
        if marker is not None and not marker.evaluate(env):
            continue
        installed = Version(metadata.version(name))
        if installed != version:
            wrong.append(f"{name}: locked {version}, installed {installed}")
    assert not wrong, wrong
