"""Exporting to Word from the app: options, the save dialog, and the document written."""

from datetime import date

import docx
import pytest
from PySide6.QtCore import Qt

from dayinlife.case import Adult, AdultRole, Answer, Child, Perspective, PerspectiveKind
from dayinlife.session import Session
from dayinlife.ui import dialogs
from dayinlife.ui.compare_view import ComparePage
from tests.ui.conftest import FakeShell


@pytest.fixture
def page(qtbot, store, library):
    session = Session(store, library)
    case = session.new_case("FICT-EXP")
    case.adults.append(Adult("Robin Fictional", AdultRole.MOTHER))
    child = Child("Nell Fictional", date_of_birth=date(2017, 5, 5), pronouns="she")
    case.children.append(child)
    session.save_case(case)
    kid = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 1))
    session.save_answer(kid, "breakfast", Answer("I have toast & jam <sometimes>", {"how_often": "sometimes"}))
    page = ComparePage(FakeShell(session))
    qtbot.addWidget(page)
    page.show()
    page.show_child(case, child)
    return page


def test_export_from_the_app(qtbot, page, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k: asked.append((kind, text)) or
                        tmp_path / "chosen.docx")
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert asked[0][0] == "save_path" and asked[0][1].startswith("DIML-FICT-EXP-NF-")
    document = docx.Document(str(tmp_path / "chosen.docx"))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "I have toast & jam <sometimes>" in text
    assert "OFFICIAL-SENSITIVE" in "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "chosen.docx" in panel.result.text()


def test_anonymised_export_and_a_refused_house_style(qtbot, page, tmp_path, monkeypatch):
    panel = page.export_panel
    panel.anonymise.setChecked(True)
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: tmp_path / "anon.docx")
    panel.export()
    import zipfile

    with zipfile.ZipFile(tmp_path / "anon.docx") as z:  # every part: body, headers, footers, properties
        everything = b"".join(z.read(n) for n in z.namelist())
    assert b"Nell" not in everything and b"Robin" not in everything
    document = docx.Document(str(tmp_path / "anon.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Nell" not in body and "Robin" not in body and "N.F." in body
    not_word = tmp_path / "notes.docx"
    not_word.write_text("not a Word file")
    panel.base.setText(str(not_word))
    shell = page.shell
    panel.export()
    assert shell.errors and "notes.docx" in shell.errors[-1]


def test_compare_and_export_by_keyboard_alone(qtbot, page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: tmp_path / "keys.docx")
    page.activateWindow()
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)  # the full answer opens beside the grid
    assert page.answer_text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # "Export to &Word" tab
    assert page.tabs.currentWidget() is page.export_panel
    panel = page.export_panel
    panel.anonymise.setFocus()
    for _ in range(20):  # Tab along to the export button, then press it with Space
        if QApplication.focusWidget() is panel.export_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.export_button
    qtbot.keyClick(panel.export_button, Qt.Key.Key_Space)
    assert (tmp_path / "keys.docx").exists()
