"""The one-folder bundle (issue 14, part 1), built from scripts/bundle/dayinlife.spec as `bash
scripts/dev.sh bundle` builds it, then moved to another folder and run there with no checkout and no
virtualenv: its command line lists the six templates, imports a demo case, writes a Word report that
python-docx reads back and takes a backup; its windowed app starts and stays up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

REPO = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    work = tmp_path_factory.mktemp("bundle-build")
    pyinstaller = Path(sys.executable).with_name("pyinstaller" + EXE)
    built = subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
                            "--workpath", str(work / "build"), str(REPO / "scripts" / "bundle" / "dayinlife.spec")],
                           cwd=work, capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    moved = tmp_path_factory.mktemp("elsewhere") / "Day in My Life"  # a space in it, as Program Files has
    shutil.move(str(work / "dist" / "DayInMyLife"), str(moved))
    shutil.rmtree(work, ignore_errors=True)
    return moved


def _env(tmp_path: Path) -> dict:
    """Nothing of the checkout or the virtualenv: no PYTHONPATH, no VIRTUAL_ENV, a PATH without .venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    env["DAYINLIFE_DATA_DIR"] = str(tmp_path / "data")
    env["DAYINLIFE_PASSPHRASE"] = "a bundle passphrase"
    return env


def run(bundle: Path, tmp_path: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([str(bundle / ("dayinlife" + EXE)), *map(str, args)], cwd=tmp_path, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)


def test_the_bundles_command_line_does_a_days_work(bundle, tmp_path):
    out = run(bundle, tmp_path, "templates", "list", "--json")
    assert out.returncode == 0, out.stderr
    import json

    ids = {t["id"] for t in json.loads(out.stdout)["templates"]}
    assert ids == {"prebirth", "baby", "preschool", "primary", "teenager", "disabled"}
    assert all(str(bundle) in t["file"] for t in json.loads(out.stdout)["templates"])  # its own copies
    case = shutil.copy(REPO / "resources" / "demo" / "01-hartley.json", tmp_path / "case.json")
    out = run(bundle, tmp_path, "case", "import", case)
    assert out.returncode == 0 and "imported case DEMO-0001 Hartley" in out.stdout, out.stderr
    out = run(bundle, tmp_path, "report", "DEMO-0001 Hartley", "--child", "Maisie", "--out", tmp_path / "r.docx")
    assert out.returncode == 0, out.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert "A day in the life of Maisie Hartley" in texts
    out = run(bundle, tmp_path, "backup", "--out", tmp_path / "b.dilbak")
    assert out.returncode == 0 and (tmp_path / "b.dilbak").stat().st_size > 4096, out.stderr
    out = run(bundle, tmp_path, "--version")
    assert out.returncode == 0 and out.stdout.startswith("dayinlife ")


def test_the_bundles_app_starts_and_stays_up(bundle, tmp_path):
    env = {**_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([str(bundle / ("DayInMyLife" + EXE))], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(6)
        assert app.poll() is None, app.communicate()[1][-3000:]
    finally:
        app.kill()
        _, err = app.communicate(timeout=30)
    assert "Traceback" not in err and "Error" not in err, err[-3000:]
