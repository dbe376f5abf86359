"""Loading Qt Designer forms from `forms/`, checked against what the code expects of them.

`FORMS` is the contract between the `.ui` files and the code: for each form, the children the
code looks up and their types. A renamed or retyped widget in Designer then fails loudly
here (and in tests/ui/test_forms.py), instead of as an AttributeError mid-visit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from ..paths import forms_dir

# Each screen's module registers its forms with `register_form` as it is imported.
FORMS: dict[str, dict[str, type]] = {}


class FormError(RuntimeError):
    pass


_LOADER: QUiLoader | None = None


def _loader() -> QUiLoader:
    """One loader for the app: making one costs as much as loading a form."""
    global _LOADER
    if _LOADER is None:
        from .date_field import DateField

        _LOADER = QUiLoader()
        _LOADER.registerCustomWidget(DateField)  # without it the form silently falls back to QLineEdit
    return _LOADER


def register_form(name: str, contract: dict[str, type]) -> None:
    """Declare the children (names and types) the code relies on in `forms/<name>`."""
    FORMS[name] = contract


def load_form(name: str, parent: QWidget | None = None, folder: Path | None = None) -> QWidget:
    """Load `forms/<name>` and check it holds the children `FORMS` names, with their types."""
    path = (folder or forms_dir()) / name
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"the form {path} cannot be opened: {file.errorString()}")
    try:
        loader = _loader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"the form {path} cannot be loaded: {loader.errorString()}")
    for child_name, kind in FORMS.get(name, {}).items():
        child = widget.findChild(QWidget, child_name)
        if child is None:
            raise FormError(f"the form {path} has no widget named {child_name!r}")
        if not isinstance(child, kind):
            raise FormError(f"in the form {path}, {child_name!r} is a {type(child).__name__}, "
                            f"expected {kind.__name__}")
    return widget


def child(form: QWidget, name: str, kind: type):
    """A named child of a loaded form (not an attribute: names like `layout` shadow methods)."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"no {kind.__name__} named {name!r} in {form.objectName()}")
    return found
