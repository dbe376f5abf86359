"""Exporting one child's day and analysis to Word, with the options practitioners expect.

The Word file leaves the encrypted store, so the panel says so, starts in Documents (or the last
folder used), and offers to open what it wrote. Any failure is shown in words: a windowed build on
Windows has no console, so an error nobody catches is an export that silently did nothing.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..case import Case, Child
from ..session import StoreError
from .announce import SETTLED_REPEAT_S, show_status
from .autosave import CallbackSaver
from .widgets import plain_label, text_box

log = logging.getLogger(__name__)
OPEN_URL = QDesktopServices.openUrl   # tests replace it: nothing is opened on the test machine
LAST_FOLDER = "export/last_folder"
NOT_ENCRYPTED = ("The Word file is not encrypted, unlike the case store: anyone who has the file can read it. "
                 "Save it only on your council's secure drive, never on the desktop, a USB stick or a personal "
                 "cloud folder, and delete copies you no longer need.")


class TicksBox(QLabel):
    """Words beneath a tick that tick it when clicked, as the tick's own words do."""

    def __init__(self, box: QCheckBox, text: str):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.box.click()
        super().mouseReleaseEvent(event)


def ticked(box: QCheckBox, more: str) -> QWidget:
    """A tick with short words, and what it means wrapped beneath it: a tick's own words never wrap,
    so at 150% text a long one would push the panel wider than a small screen."""
    box.setAccessibleName(box.text())  # the words shown, as voice control hears them
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(box)
    words = TicksBox(box, more)
    words.setContentsMargins(box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                             + box.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing), 0, 0, 0)
    words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    column.addWidget(words)
    return holder


class ExportPanel(QWidget):
    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        from ..report import DEFAULT_MARKING, SECTIONS

        self.shell = shell
        self.case: Case | None = None
        self.child_: Child | None = None
        self.before_export = None  # set by the page: saves the analysis first
        self.last_path: Path | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea()  # scrolls rather than make the window taller than a projector's screen
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(area)
        body = QWidget()
        area.setWidget(body)
        layout = QVBoxLayout(body)
        intro = QLabel("Makes a Word document of this child's day, the comparison and your analysis, "
                       "ready to paste into an assessment. It is saved only where you choose.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.warning = plain_label(NOT_ENCRYPTED, "warning")
        self.warning.setObjectName("notEncrypted")
        layout.addWidget(self.warning)
        form = QFormLayout()
        self.anonymise = QCheckBox("Anonymise")
        form.addRow("Names", ticked(self.anonymise, "Labels such as Child A instead of names (for training or "
                                                      "supervision)"))
        self.anonymise.setAccessibleDescription(
            "The household's names, the practitioner's, the case reference and the names and places listed "
            "below become labels such as Child A, Adult A and [place 1]; the file name says anon")
        self.notes = QCheckBox("Include my notes on the answers")
        self.notes.setObjectName("includeNotes")
        form.addRow("Notes", ticked(self.notes, "Marked as the practitioner's, not the family's"))
        self.notes.setAccessibleDescription(
            "Off by default. Your notes on each answer go in beside it, marked as the practitioner's note, "
            "not the family's words; anonymised like everything else")
        self.sensitive = QCheckBox("Add a section for professionals only")
        self.sensitive.setObjectName("includeSensitive")
        form.addRow("Sensitive", ticked(self.sensitive, "Sensitive answers, answers given when seen alone, and "
                                                        "disclosures"))
        self.sensitive.setAccessibleDescription(
            "Sensitive answers, answers given when seen alone, and disclosures. Off by default, and never with "
            "anonymised names. The section comes last, on pages of its own, and every page says the copy "
            "includes it: it is for professionals. The copy made without it is the one to share with the "
            "family, and leaves no trace of what is kept apart")
        self.anonymise.toggled.connect(self._anonymise_toggled)
        self.hidden = text_box("Also hide: other names and places, when anonymised",
                               "One per line: a school, a street or town, another professional, a relative. "
                               "Saved with the case as you type.", lines=4)
        self.hidden.setPlaceholderText("One per line, e.g. a school, a street, a relative, another professional")
        self.hidden_state = QLabel("")  # named "Names to hide: " and what it says (_hidden_state)
        hidden_box = QVBoxLayout()
        hidden_box.addWidget(self.hidden)
        hidden_box.addWidget(self.hidden_state)
        hide_label = QLabel("Also &hide")
        hide_label.setBuddy(self.hidden)
        form.addRow(hide_label, hidden_box)
        self.marking = QLineEdit(DEFAULT_MARKING)
        self.marking.setAccessibleName("Protective marking in the header")
        self.marking.setAccessibleDescription("Printed at the top of every page, for example OFFICIAL-SENSITIVE")
        form.addRow("&Marking", self.marking)
        self.fixed_note = QLabel("")  # what the organisation fixes, said in words (not only in a tooltip)
        self.fixed_note.setWordWrap(True)
        self.fixed_note.setVisible(False)
        form.addRow("", self.fixed_note)
        base_row = QHBoxLayout()
        self.base = QLineEdit()
        self.base.setPlaceholderText("None: the standard layout")
        self.base.setAccessibleName("Organisation's own Word document to take styles, header and logo from")
        self.base.setReadOnly(True)
        self.base.setAccessibleDescription("Empty for the standard layout. Use the Choose button to pick a document.")
        choose = QPushButton("Choose…")
        choose.setAccessibleName("Choose the organisation's Word document")
        choose.setAccessibleDescription("Opens a file window to pick a .docx whose styles, header and logo are used")
        clear = QPushButton("None")
        clear.setAccessibleName("None: use the standard layout")
        clear.setAccessibleDescription("Forgets the organisation's document and uses the tool's own layout")
        base_row.addWidget(self.base, 1)
        base_row.addWidget(choose)
        base_row.addWidget(clear)
        form.addRow("House style", base_row)
        self.sections = QListWidget()
        self.sections.setAccessibleName("Sections to include")
        self.sections.setAccessibleDescription("Untick a section to leave it out. Space ticks or unticks.")
        for section_id, title in SECTIONS.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, section_id)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)
        form.addRow("S&ections", self.sections)
        layout.addLayout(form)
        self.export_button = QPushButton("Export to &Word…")
        self.export_button.setAccessibleName("Export to Word")
        self.export_button.setAccessibleDescription(
            "Saves the analysis, then asks where to save the Word document and writes it there")
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result = QLabel("")
        self.result.setWordWrap(True)  # named by what it says, and said (show_status)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result)
        open_row = QHBoxLayout()
        self.open_file_button = QPushButton("&Open the document")
        self.open_file_button.setAccessibleName("Open the document just saved, in Word")
        self.open_file_button.setAccessibleDescription("Opens the document in Word, or whatever opens .docx files")
        self.open_folder_button = QPushButton("Open its fo&lder")
        self.open_folder_button.setAccessibleName("Open its folder, where the document was saved")
        self.open_folder_button.setAccessibleDescription("Shows the folder in the file manager")
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(False)
            open_row.addWidget(button)
        open_row.addStretch(1)
        layout.addLayout(open_row)
        layout.addStretch(1)
        self.hidden_saver = CallbackSaver(self._save_hidden, self)
        self.hidden_saver.state_changed.connect(self._hidden_state)
        self.hidden.textChanged.connect(self._hidden_typed)
        self.hidden.installEventFilter(self)
        choose.clicked.connect(self._choose_base)
        clear.clicked.connect(self.base.clear)
        self._apply_managed(choose, clear)
        self.export_button.clicked.connect(self.export)
        self.open_file_button.clicked.connect(lambda: self._open(self.last_path))
        self.open_folder_button.clicked.connect(lambda: self._open(self.last_path.parent if self.last_path else None))

    def _apply_managed(self, choose: QPushButton, clear: QPushButton) -> None:
        """What the organisation fixes is shown, and cannot be changed here."""
        managed = getattr(self.shell, "managed", None)
        if managed is None:
            return
        if managed.marking is not None:
            self.marking.setText(managed.marking)
            self.marking.setReadOnly(True)
            self.marking.setToolTip(managed.by_organisation("The marking"))
            self.marking.setAccessibleDescription(managed.by_organisation("The marking"))
        if managed.base_document is not None:
            self.base.setText(str(managed.base_document))
            for button in (choose, clear):
                button.setEnabled(False)
                button.setToolTip(managed.by_organisation("The house style"))
            self.base.setToolTip(managed.by_organisation("The house style"))
            self.base.setAccessibleDescription(managed.by_organisation("The house style"))
        fixed = [what for what, value in (("the marking", managed.marking), ("the house style", managed.base_document))
                 if value is not None]
        if fixed:
            self.fixed_note.setText(f"{' and '.join(fixed).capitalize()} {'are' if len(fixed) > 1 else 'is'} set by "
                                    f"your organisation, for every report from this computer.")
            self.fixed_note.setVisible(True)

    def show_child(self, case: Case, child: Child) -> None:
        self.hidden_saver.flush()
        self.case, self.child_ = case, child
        self.sensitive.setChecked(False)  # chosen afresh for each report, never carried over
        show_status(self.result, "", say=False)
        self._show_open_buttons(False)
        self.hidden.blockSignals(True)  # showing the list is not typing it
        self.hidden.setPlainText("\n".join(case.hidden))
        self.hidden.blockSignals(False)
        show_status(self.hidden_state, "", context="Names to hide", say=False)

    # ------------------------------------------------------------------ the names and places to hide

    def _hidden_typed(self) -> None:
        if self.case is not None:
            self.hidden_saver.changed()

    def _save_hidden(self) -> None:
        if self.case is not None:
            self.shell.session.set_hidden(self.case, self.hidden.toPlainText())

    def _hidden_state(self, state: str, message: str) -> None:
        if state == CallbackSaver.SAVED:
            message = "Saved with the case" if self.case is not None and self.case.hidden else ""
        show_status(self.hidden_state, message, context="Names to hide", say=state != CallbackSaver.PENDING,
                    assertive=state == CallbackSaver.FAILED,
                    again_after=SETTLED_REPEAT_S if state == CallbackSaver.SAVED else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.hidden and event.type() == QEvent.Type.FocusOut:
            self.hidden_saver.flush()  # saved on leaving the box, not only when typing pauses
        return super().eventFilter(watched, event)

    def _choose_base(self) -> None:
        from . import dialogs

        path = dialogs.open_path(self, "Organisation's Word document", "Word documents (*.docx *.dotx)")
        if path is not None:
            self.base.setText(str(path))

    def options(self):
        from ..report import ReportOptions

        chosen = [self.sections.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sections.count())
                  if self.sections.item(i).checkState() == Qt.CheckState.Checked]
        return ReportOptions(base_document=Path(self.base.text()) if self.base.text() else None,
                             anonymise=self.anonymise.isChecked(), sections=chosen,
                             marking=self.marking.text().strip(), notes=self.notes.isChecked(),
                             sensitive=self.sensitive.isChecked() and not self.anonymise.isChecked())

    def _anonymise_toggled(self, on: bool) -> None:
        """An anonymised report never holds sensitive answers or disclosures."""
        if on:
            self.sensitive.setChecked(False)
        self.sensitive.setEnabled(not on)

    # ------------------------------------------------------------------ where to save

    def _settings(self):
        return getattr(self.shell, "settings", None)

    def start_folder(self) -> Path:
        """The organisation's export folder (managed settings), else the last folder a report was
        saved in (if the app remembers one and it is still there), else the user's Documents."""
        managed = getattr(self.shell, "managed", None)
        if managed is not None and managed.export_folder is not None and managed.export_folder.is_dir():
            return managed.export_folder  # the organisation's secure drive, first
        settings = self._settings()
        saved = str(settings.value(LAST_FOLDER, "") or "") if settings is not None else ""
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        # a Documents folder that is not there (a fresh account) made the dialog open in the folder the app
        # was started from: the program's own, where an unencrypted report does not belong
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _remember(self, folder: Path) -> None:
        """The settings file is not encrypted: a folder named after the family is never written there."""
        from ..report.anonymise import anonymiser_for

        settings = self._settings()
        if settings is not None and not anonymiser_for(self.case).mentions_any(str(folder)):
            settings.setValue(LAST_FOLDER, str(folder))

    # ------------------------------------------------------------------ exporting

    def export(self) -> Path | None:
        from ..report import ReportError, free_name, report_file_name
        from . import dialogs

        if self.case is None:
            return None
        self._show_open_buttons(False)
        if self.before_export is not None and not self.before_export():
            return None
        if not self.hidden_saver.flush():
            return self._failed("the names and places to hide could not be saved "
                                f"({self.hidden_state.text().removeprefix('Not saved: ')})")
        try:
            options = self.options()
        except ReportError as exc:
            return self._failed(str(exc))
        suggested = report_file_name(self.case, self.child_, anonymised=options.anonymise, notes=options.notes,
                                     sensitive=options.sensitive)
        path = dialogs.save_path(self, "Export to Word", str(free_name(self.start_folder() / suggested)),
                                 "Word documents (*.docx)")
        if path is None:
            return None
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        try:
            written = self.shell.session.export_report(self.case, self.child_, path, options)
        except ReportError as exc:
            return self._failed(str(exc))
        except Exception as exc:  # anything at all: there is no console to show it on
            _log_failure(exc)
            return self._failed(f"something went wrong while making it ({type(exc).__name__}). Try again; if it "
                                f"happens again, tell your IT support what you were exporting")
        self.last_path = written
        self._remember(written.parent)
        show_status(self.result, f"Saved {written.name} in {written.parent}. It is not encrypted: keep it on your "
                                 f"council's secure drive.", repeat=True)
        self.shell.set_status(f"Exported {written.name}")
        self._show_open_buttons(True)
        self.open_file_button.setFocus()
        return written

    def _failed(self, why: str) -> None:
        """Said beside the button and in a message box: what went wrong, and that no file was written."""
        why = why.strip().rstrip(".")
        message = f"The report was not exported. {why[:1].upper()}{why[1:]}. Nothing was saved."
        show_status(self.result, message, repeat=True, assertive=True)
        self.shell.show_error(message)
        return None

    def _show_open_buttons(self, shown: bool) -> None:
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(shown)

    def _open(self, path: Path | None) -> None:
        if path is None:
            return
        if not OPEN_URL(QUrl.fromLocalFile(str(path))):
            self.shell.show_error(f"{path} could not be opened: open it from the file manager instead.")


def _log_failure(exc: BaseException) -> None:
    """Where it failed, for support: the kind of error and the code's file and line, never its message
    (which may quote a name or an answer)."""
    frames = "; ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in traceback.extract_tb(exc.__traceback__))
    log.error("Export to Word failed: %s at %s", type(exc).__name__, frames)
