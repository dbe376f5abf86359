"""Exporting one child's day and analysis to Word, with the options practitioners expect."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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
    QVBoxLayout,
    QWidget,
)

from ..case import Case, Child


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
        form = QFormLayout()
        self.anonymise = QCheckBox("Initials instead of names (for training or supervision)")
        self.anonymise.setAccessibleName("Anonymise: initials instead of names")
        self.anonymise.setAccessibleDescription(
            "Every name in the document becomes initials, and the file name says anon")
        form.addRow("Names", self.anonymise)
        self.marking = QLineEdit(DEFAULT_MARKING)
        self.marking.setAccessibleName("Protective marking in the header")
        self.marking.setAccessibleDescription("Printed at the top of every page, for example OFFICIAL-SENSITIVE")
        form.addRow("&Marking", self.marking)
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
        clear.setAccessibleName("Use the standard layout")
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
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Export result")
        layout.addWidget(self.result)
        layout.addStretch(1)
        choose.clicked.connect(self._choose_base)
        clear.clicked.connect(self.base.clear)
        self.export_button.clicked.connect(self.export)

    def show_child(self, case: Case, child: Child) -> None:
        self.case, self.child_ = case, child
        self.result.clear()

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
                             marking=self.marking.text().strip())

    def export(self) -> Path | None:
        from ..report import ReportError, report_file_name
        from . import dialogs

        if self.case is None:
            return None
        if self.before_export is not None and not self.before_export():
            return None
        try:
            options = self.options()
        except ReportError as exc:
            self.shell.show_error(str(exc))
            return None
        suggested = report_file_name(self.case, self.child_, anonymised=options.anonymise)
        path = dialogs.save_path(self, "Export to Word", suggested, "Word documents (*.docx)")
        if path is None:
            return None
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        try:
            from ..report import export_report

            written = export_report(self.case, self.child_, path, self.shell.session.library, options)
        except ReportError as exc:
            self.shell.show_error(str(exc))
            self.result.setText(f"Not exported: {exc}")
            return None
        self.last_path = written
        self.result.setText(f"Saved {written.name} in {written.parent}.")
        self.shell.set_status(f"Exported {written.name}")
        return written
