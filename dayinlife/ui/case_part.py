"""What the pages about a case over time share (the chronology, scores from other tools, the wider
family): Back to the case, the saved state, a heading, a table of records with one row each (Enter
opens a row, Delete removes it), the message under a form, and saying saved or not saved."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QVBoxLayout, QWidget)

from .announce import show_status
from .flow import FlowLayout
from .wheel import guard_choices
from .widgets import plain_label


class CasePart(QWidget):
    """A page about one case, opened from its case page. Subclasses fill `self.page` (a QVBoxLayout
    under the heading) and set `self.case`; `open_row` and `remove_row` are what Enter and Delete
    do on a table made with `records_table`."""

    def __init__(self, shell, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.shell = shell
        guard_choices()
        self.case = None
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.page = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton("← &Back to the case")
        self.back_button.setAccessibleName("Back to the case")
        self.back_button.setAccessibleDescription("Return to the household and its interviews")
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.saved_label)
        self.page.addLayout(top)
        self.heading = plain_label(title, "heading")
        self.page.addWidget(self.heading)
        self.back_button.clicked.connect(self._back)
        self._tables: list[QTableWidget] = []
        self._shared: dict[QWidget, tuple] = {}   # a table's viewport -> (table, first column's text, shares)

    def records_table(self, name: str, title: str, description: str, headers: list[str],
                      shares: list[int] | None = None, first: str = "") -> QTableWidget:
        """A table of records. With `shares`, its first column is as wide as the text `first` and the
        rest of the width is shared out by percentage (the first share is ignored), as it is resized."""
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setAccessibleName(title)
        table.setAccessibleDescription(description)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.installEventFilter(self)
        self._tables.append(table)
        if shares is not None:
            header = table.horizontalHeader()
            header.setHighlightSections(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(8)
            self._shared[table.viewport()] = (table, first, shares)
            table.viewport().installEventFilter(self)
        return table

    @staticmethod
    def _share_out(table: QTableWidget, first: str, shares: list[int]) -> None:
        width = table.viewport().width()
        first_width = min(table.fontMetrics().horizontalAdvance(first) + 16, width // 5)
        table.setColumnWidth(0, first_width)
        for col, share in enumerate(shares[1:], start=1):
            table.setColumnWidth(col, max(0, width - first_width) * share // 100)
        table.resizeRowsToContents()

    @staticmethod
    def form_buttons(form, save_text: str, save_description: str) -> tuple[QPushButton, QPushButton]:
        """Save (the default button) and Cancel, at the foot of a form."""
        bar = QHBoxLayout()
        save = QPushButton(save_text)
        save.setDefault(True)
        save.setAccessibleDescription(save_description)
        cancel = QPushButton("Cancel")
        cancel.setAccessibleDescription("Closes the form without keeping it (or press Escape)")
        bar.addWidget(save)
        bar.addWidget(cancel)
        bar.addStretch(1)
        form.addRow(bar)
        return save, cancel

    @staticmethod
    def record_buttons(add: tuple[str, str, str], edit: tuple[str, str], remove: tuple[str, str]):
        """Add, Edit and Remove in a row that wraps: (text, name, description) for Add, (name,
        description) for the others. Returns the three buttons and the row."""
        row = FlowLayout()
        buttons = []
        for text, (name, description) in ((add[0], add[1:]), ("&Edit…", edit), ("Re&move", remove)):
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.setAccessibleDescription(description)
            row.addWidget(b)
            buttons.append(b)
        return (*buttons, row)

    @staticmethod
    def child_ticks(case, row, old: dict, ticked: list[str], name: str, description: str) -> dict[str, QCheckBox]:
        """A tick for each child of the case in `row` (the old ones taken away): `name` with the
        child's name in it ("It concerns {}")."""
        for check in old.values():
            row.removeWidget(check)
            check.deleteLater()
        checks = {}
        for c in case.children:
            check = QCheckBox(c.called or c.name)
            check.setAccessibleName(name.format(c.called or c.name))
            check.setAccessibleDescription(description)
            check.setChecked(c.id in ticked)
            row.addWidget(check)
            checks[c.id] = check
        return checks

    @staticmethod
    def message_label() -> QLabel:
        """A form's message: hidden until there is something wrong to say."""
        label = QLabel()
        label.setProperty("role", "message")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setVisible(False)
        return label

    @staticmethod
    def escape_closes(panel: QWidget, close) -> None:
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), panel)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(close)

    def new_key(self, add) -> None:
        """Ctrl+N anywhere on the page adds a record."""
        new = QShortcut(QKeySequence.StandardKey.New, self)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.activated.connect(add)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize and watched in self._shared:
            self._share_out(*self._shared[watched])
        if watched in self._tables and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_row(watched)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_row(watched)
                return True
        return super().eventFilter(watched, event)

    def open_row(self, table: QTableWidget) -> None:
        """Enter on a row of `table`."""

    def remove_row(self, table: QTableWidget) -> None:
        """Delete on a row of `table`."""

    # ------------------------------------------------------------------ saving

    @staticmethod
    def say(label: QLabel, field: QWidget | None, text: str) -> None:
        """What is wrong, under the form, with the focus on the field to put right."""
        label.setVisible(True)
        if field is not None:
            field.setFocus()
        show_status(label, text, repeat=True)

    def saved(self) -> None:
        now = datetime.now()
        show_status(self.saved_label, f"All changes saved at {now.hour:02d}:{now.minute:02d}", repeat=True)

    def not_saved(self, exc: Exception) -> None:
        show_status(self.saved_label, "Not saved", assertive=True)
        self.shell.show_error(str(exc))

    def _back(self) -> None:
        if self.case is not None:
            self.shell.open_case(self.case.id)
