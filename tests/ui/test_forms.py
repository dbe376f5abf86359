"""Every Designer form loads, with the names and types the code relies on."""

import pytest
from PySide6.QtWidgets import QWidget

import importlib
import pkgutil

import dayinlife.ui
from dayinlife.paths import forms_dir
from dayinlife.ui.forms import FORMS, FormError, load_form

for _module in pkgutil.iter_modules(dayinlife.ui.__path__):  # each screen registers its forms
    importlib.import_module(f"dayinlife.ui.{_module.name}")

UI_FILES = sorted(p.name for p in forms_dir().glob("*.ui"))


def test_every_form_has_a_contract_and_every_contract_a_form():
    assert UI_FILES, "no forms found"
    assert set(UI_FILES) == set(FORMS)


@pytest.mark.parametrize("name", UI_FILES)
def test_form_loads_with_expected_children(qtbot, name):
    form = load_form(name)
    qtbot.addWidget(form)
    for child_name, kind in FORMS[name].items():
        found = form.findChild(QWidget, child_name)
        assert found is not None, child_name
        assert type(found) is kind, f"{child_name} is {type(found).__name__}, expected {kind.__name__}"


def test_a_renamed_widget_is_caught(qtbot, tmp_path):
    text = (forms_dir() / "templates_page.ui").read_text("utf-8").replace('name="stageTree"', 'name="stagesTree"')
    (tmp_path / "templates_page.ui").write_text(text, "utf-8")
    with pytest.raises(FormError, match="no widget named 'stageTree'"):
        load_form("templates_page.ui", folder=tmp_path)


def test_a_retyped_widget_is_caught(qtbot, tmp_path):
    text = (forms_dir() / "templates_page.ui").read_text("utf-8").replace(
        'class="QTextBrowser" name="topicView"', 'class="QTextEdit" name="topicView"')
    (tmp_path / "templates_page.ui").write_text(text, "utf-8")
    with pytest.raises(FormError, match="'topicView' is a QTextEdit, expected QTextBrowser"):
        load_form("templates_page.ui", folder=tmp_path)
