"""Exporting to Word from the app: options, the save dialog, and the document written."""

import logging
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QPoint, QSettings, QStandardPaths, Qt
from PySide6.QtTest import QTest

from dayinlife.case import Adult, AdultRole, Answer, Child, Perspective, PerspectiveKind
from dayinlife.session import Session
from dayinlife.ui import dialogs, export_panel
from dayinlife.ui.compare_page import ComparePage
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
    session.save_answer(kid, "breakfast", Answer("I have toast & jam <sometimes> at Greenfield Primary with Ms Okafor",
                                                 {"how_often": "sometimes"}))
    page = ComparePage(FakeShell(session))
    qtbot.addWidget(page)
    page.show()
    page.show_child(case, child)
    return page


def test_export_from_the_app(qtbot, page, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    asked = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k: asked.append((kind, text)) or
                        tmp_path / "chosen.docx")
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = Path(asked[0][1])
    assert asked[0][0] == "save_path" and suggested.name.startswith("DIML-FICT-EXP-NF-")
    assert documents and suggested.parent == Path(documents)  # the save dialog starts in Documents
    document = docx.Document(str(tmp_path / "chosen.docx"))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "I have toast & jam <sometimes>" in text
    assert "OFFICIAL-SENSITIVE" in "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "chosen.docx" in panel.result.text() and "not encrypted" in panel.result.text()
    assert panel.warning.isVisible() and "not encrypted" in panel.warning.text()


def test_without_a_documents_folder_the_dialog_starts_at_home_not_in_the_programs_folder(page, tmp_path,
                                                                                         monkeypatch):
    """On an account with no Documents folder the save dialog opened in the folder the app was started
    from (the program's own), where an unencrypted report does not belong."""
    home = tmp_path / "bare"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    panel = page.export_panel
    if panel._settings() is not None:  # no folder remembered from an earlier export
        panel._settings().remove("export/last_folder")
    assert panel.start_folder() == home


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
    assert "Nell" not in body and "Robin" not in body and "A day in the life of Child A" in body
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
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # "&Word report" tab
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


# ------------------------------------------------------------------ the names and places to hide


def test_names_to_hide_are_typed_saved_and_hidden_in_the_report(qtbot, page, tmp_path, monkeypatch):
    panel, session = page.export_panel, page.shell.session
    page.tabs.setCurrentWidget(panel)
    panel.hidden.setFocus()
    qtbot.keyClicks(panel.hidden, "Greenfield Primary")
    QTest.keyClick(panel.hidden, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.hidden, "Ms Okafor")
    qtbot.waitUntil(lambda: session.open_case(page.case.id).hidden == ["Greenfield Primary", "Ms Okafor"])
    QTest.keyClick(panel.hidden, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.hidden, "Acacia Road")
    QTest.keyClick(panel.hidden, Qt.Key.Key_Tab)  # leaving the box saves at once, without waiting for a pause
    assert session.open_case(page.case.id).hidden == ["Greenfield Primary", "Ms Okafor", "Acacia Road"]
    assert page.case.hidden == ["Greenfield Primary", "Ms Okafor", "Acacia Road"]
    panel.anonymise.setFocus()
    QTest.keyClick(panel.anonymise, Qt.Key.Key_Space)
    assert panel.anonymise.isChecked()
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: tmp_path / "anon.docx")
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    with zipfile.ZipFile(tmp_path / "anon.docx") as z:
        everything = b"".join(z.read(n) for n in z.namelist()).lower()
    for name in (b"greenfield", b"okafor", b"nell", b"robin", b"fict-exp"):
        assert name not in everything, name
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "anon.docx")).paragraphs)
    assert "at [place 1] with Ms [name 1]" in text


def test_the_list_shown_is_the_cases_own_and_a_store_that_refuses_keeps_it(qtbot, page, store):
    panel, session = page.export_panel, page.shell.session
    session.set_hidden(page.case, "Greenfield Primary\n\n greenfield primary \nAcacia Road")
    page.show_child(page.case, page.child_)
    assert panel.hidden.toPlainText() == "Greenfield Primary\nAcacia Road"
    store.close()  # the store refuses every save from now on
    panel.hidden.setFocus()
    QTest.keyClick(panel.hidden, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.hidden, " (old)")
    QTest.keyClick(panel.hidden, Qt.Key.Key_Tab)
    assert panel.hidden_state.text().startswith("Not saved:")
    assert page.case.hidden == ["Greenfield Primary", "Acacia Road"]  # unchanged


# ------------------------------------------------------------------ after, and when it goes wrong


def test_after_an_export_the_document_or_its_folder_opens(qtbot, page, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(export_panel, "OPEN_URL", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: tmp_path / "made.docx")
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    assert not panel.open_file_button.isVisible() and not panel.open_folder_button.isVisible()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.open_file_button.isVisible() and panel.open_folder_button.isVisible()
    qtbot.mouseClick(panel.open_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "made.docx"), str(tmp_path)]


def test_an_unexpected_failure_is_shown_in_words_and_nothing_is_saved(qtbot, page, tmp_path, monkeypatch, caplog):
    from dayinlife.report import docxkit

    def broken(paragraph, instruction):
        raise ValueError("Nell Fictional's answer broke it")  # as a library's own error might quote the text

    monkeypatch.setattr(docxkit, "add_field", broken)  # in every footer
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: out / "never.docx")
    panel, shell = page.export_panel, page.shell
    page.tabs.setCurrentWidget(panel)
    with caplog.at_level(logging.ERROR):
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert shell.errors, "nothing was shown"
    message = shell.errors[-1]
    assert "not exported" in message and "ValueError" in message and "Nothing was saved" in message
    assert "Nell" not in message and "Traceback" not in message and message == panel.result.text()
    assert list(out.iterdir()) == []
    assert "ValueError" in caplog.text and "Nell" not in caplog.text
    assert not panel.open_file_button.isVisible()


def test_the_last_folder_is_remembered_unless_it_names_the_family(qtbot, page, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page.shell.settings = settings
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    reports = tmp_path / "reports"
    reports.mkdir()
    asked = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k: asked.append(text) or
                        reports / "first.docx")
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert Path(asked[1]).parent == reports  # the second export starts where the first was saved
    family = tmp_path / "Nell Fictional"
    family.mkdir()
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k: family / "x.docx")
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert (family / "x.docx").exists()
    settings.sync()
    saved = (tmp_path / "settings.ini").read_text("utf-8")
    assert "reports" in saved and "Nell" not in saved and "Fictional" not in saved


def test_practitioners_notes_go_in_only_when_ticked(qtbot, page, tmp_path, monkeypatch):
    session = page.shell.session
    kid = page.child_.interviews[0]
    answer = kid.answers["breakfast"]
    answer.notes = "Kitchen cupboards bare on the visit"
    session.save_answer(kid, "breakfast", answer)
    page.show_child(page.case, page.child_)
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    targets = iter([tmp_path / "without.docx", tmp_path / "with.docx"])
    monkeypatch.setattr(dialogs, "ASK", lambda kind, *a, **k: next(targets) if kind == "save_path" else None)
    assert not panel.notes.isChecked()  # off unless the practitioner chooses
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.notes, Qt.MouseButton.LeftButton, pos=QPoint(8, panel.notes.height() // 2))
    assert panel.notes.isChecked()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)

    def text(path):
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Kitchen cupboards bare" not in text(tmp_path / "without.docx")
    assert "Practitioner's note (not the family's words): Kitchen cupboards bare on the visit" in text(
        tmp_path / "with.docx")


def test_what_the_organisation_fixes_is_shown_and_used(qtbot, store, library, tmp_path, monkeypatch):
    """Managed settings: the marking and the house style are shown, cannot be changed (the Choose and
    None buttons are off, the marking cannot be typed over), and the save dialog starts in the
    organisation's export folder."""
    from dayinlife.managed import Managed
    from tests.test_report import org_base

    exports = tmp_path / "secure drive"
    exports.mkdir()
    managed = Managed(source=tmp_path / "dayinlife-settings.toml", marking="OFFICIAL-SENSITIVE (ANYSHIRE)",
                      base_document=org_base(tmp_path / "letterhead.docx"), export_folder=exports)
    session = Session(store, library)
    case = session.new_case("FICT-MAN")
    child = Child("Nell Fictional", date_of_birth=date(2017, 5, 5), pronouns="she")
    case.children.append(child)
    session.save_case(case)
    session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 1))
    shell = FakeShell(session)
    shell.managed = managed
    page = ComparePage(shell)
    qtbot.addWidget(page)
    page.show()
    page.show_child(case, child)
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    panel.marking.setFocus()
    qtbot.keyClicks(panel.marking, " typed over")
    assert panel.marking.text() == "OFFICIAL-SENSITIVE (ANYSHIRE)" and "set by your organisation" in panel.marking.toolTip()
    assert panel.base.text() == str(managed.base_document)
    assert panel.fixed_note.isVisible() and "The marking and the house style are set by your organisation" in panel.fixed_note.text()
    asked = []
    monkeypatch.setattr(dialogs, "ASK", lambda kind, parent, title, text, **k: asked.append(text) or exports / "r.docx")
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).parent == exports
    header = [p.text for p in docx.Document(str(exports / "r.docx")).sections[0].header.paragraphs]
    assert "DRAFT: not yet approved by a manager — OFFICIAL-SENSITIVE (ANYSHIRE)" in header and "Anyshire Council Children's Services" in header


def test_at_150_percent_text_in_a_small_window_the_panel_wraps_and_never_scrolls_sideways(qtbot, page):
    """A 1024 x 768 screen at 150% text leaves the panel about 630 pixels of width at its normal text size
    (940 at 150%, the same words): every option's words wrap to it rather than be cut off at the side."""
    panel = page.export_panel
    page.tabs.setCurrentWidget(panel)
    page.resize(630, 500)
    QTest.qWait(50)
    area = panel.findChild(export_panel.QScrollArea)
    body, viewport = area.widget(), area.viewport()
    assert body.minimumSizeHint().width() <= viewport.width(), (body.minimumSizeHint().width(), viewport.width())
    assert area.horizontalScrollBar().maximum() == 0
    for box, words in ((panel.anonymise, "Child A"), (panel.notes, "not the family's"),
                       (panel.sensitive, "disclosures")):
        assert words in box.accessibleName() + " " + box.accessibleDescription()  # still said in full
    words = panel.sensitive.parentWidget().findChild(export_panel.QLabel)
    assert "disclosures" in words.text()
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)  # the words beneath a tick tick it, as its own do
    assert panel.sensitive.isChecked()
