"""The domain core imports no Qt: every feature is reachable and testable without a window."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dayinlife"
QT_ALLOWED = {"app.py"}  # the composition root, and everything under ui/


def core_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or str(rel) in QT_ALLOWED:
            continue
        yield path


def test_core_source_names_no_qt():
    offenders = []
    for path in core_modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    assert not offenders
    assert len(list(core_modules())) >= 8


def test_importing_the_core_loads_no_qt():
    modules = [f"dayinlife.{p.relative_to(PACKAGE).with_suffix('').as_posix().replace('/', '.')}"
               for p in core_modules() if p.name != "__init__.py"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "from dayinlife.cli import main\nmain(['templates', 'list', '--json'])\n"
            + "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            + "assert not bad, bad\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


UI = PACKAGE / "ui"


def store_doors(source: str) -> list[str]:
    """Where a UI module goes round the Session to the store: importing it, or using `.store`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in ("store", "dayinlife.store") or (
                isinstance(node, ast.ImportFrom) and node.level == 2 and node.module == "store"):
            found.append(f"line {node.lineno}: imports the store")
        elif isinstance(node, ast.Import) and any(a.name == "dayinlife.store" for a in node.names):
            found.append(f"line {node.lineno}: imports the store")
        elif isinstance(node, ast.Attribute) and node.attr == "store":
            found.append(f"line {node.lineno}: uses .store")
    return found


def test_no_screen_touches_the_store_every_change_goes_through_the_session():
    offenders = {p.name: doors for p in sorted(UI.rglob("*.py")) if (doors := store_doors(p.read_text("utf-8")))}
    assert offenders == {}


def test_the_store_check_would_catch_a_side_door():
    assert store_doors("from ..store import Store\n") and store_doors("x = self.shell.session.store.find_case(r)\n")
    assert store_doors("import dayinlife.store\n") and not store_doors("from ..session import StoreError\n")
