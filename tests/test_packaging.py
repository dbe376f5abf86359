"""The package installs with pip and finds templates, forms and resources from an installed wheel."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # Build from a copy, so the checkout gains no build/ or egg-info folders.
    shutil.copytree(REPO, build / "src", ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", "build"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "--disable-pip-version-check", "-q", "-w", str(out), str(build / "src")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (found,) = out.glob("dayinlife-*.whl")
    return found


@pytest.mark.slow
def test_wheel_carries_the_data_folders(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("prebirth", "baby", "preschool", "primary", "teenager", "disabled", "scales"):
        assert f"dayinlife/_templates/{template}.toml" in names
    assert "dayinlife/_templates/README.md" in names
    assert "dayinlife/_forms/templates_page.ui" in names
    assert "dayinlife/_resources/styles/default.qss" in names
    assert "dayinlife/_resources/icons/app.svg" in names
    metadata = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    for requirement in ("PySide6", "Jinja2", "python-docx"):
        assert f"Requires-Dist: {requirement}" in text
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "dayinlife = dayinlife.cli:main" in entry_points


@pytest.mark.slow
def test_installed_wheel_finds_its_data_away_from_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                    "--disable-pip-version-check", "--target", str(target), str(wheel)], check=True, timeout=300)
    code = ("import dayinlife.paths as p, dayinlife.template_loader as l\n"
            "assert str(p.templates_dir()).startswith(%r), p.templates_dir()\n"
            "assert p.forms_dir().joinpath('templates_page.ui').is_file()\n"
            "assert p.resources_dir().joinpath('styles', 'default.qss').is_file()\n"
            "lib = l.load_library(); assert not lib.problems and len(lib.templates) == 6\n"
            "print('ok')\n") % str(target)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    cli = subprocess.run([sys.executable, "-m", "dayinlife", "templates", "check"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert cli.returncode == 0 and "6 template(s) fine" in cli.stdout, cli.stderr
