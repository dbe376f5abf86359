import os
import shutil
from pathlib import Path

# Before anything imports Qt: without a display, creating a QApplication would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from dayinlife.paths import templates_dir  # noqa: E402
from dayinlife.template_loader import load_library  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def library():
    lib = load_library()
    assert not lib.problems, "\n".join(map(str, lib.problems))
    return lib


@pytest.fixture
def template_folder(tmp_path):
    """A copy of the built-in templates that a test may break."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    return folder


@pytest.fixture
def minimal_text():
    return (FIXTURES / "minimal.toml").read_text("utf-8")
