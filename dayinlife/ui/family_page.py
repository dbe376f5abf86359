"""The wider family of one case: relatives and important people beyond the household, how everyone
is related, what the genogram needs of the household, the family's history and the parents' own
childhood.

Every change is one Session call (save_family) with the whole family as it now stands, saved at once;
if the store refuses, what was typed stays on screen and the shell says why.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..case import Case
from ..family import Bond, Details, Family, Gender, Link, Relative, Role, role_words
from ..session import StoreError
from ..voices import in_brackets, role_text
from .case_part import CasePart
from .case_tables import select_id, selected_id, set_row, titled
from .flow import FlowLayout
from .widgets import plain_label, text_box

NO_YEAR = "not known"

# how the genogram finds a child's parents (family.parents_of), said where relationships are listed
PARENTS_RULE = ("A child with fewer than two parents recorded here takes the household's mother, then its "
                "father, as a parent in the genogram.")


class FamilyPage(CasePart):
    """`show_case(case)` fills it; needs a `shell` (session, open_case, show_error, set_status)."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(shell, "familyPage", "The wider family", parent)
        self.case: Case | None = None
        self.editing: Relative | None = None
        outer = self.page
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.area, 1)
        body = QWidget()
        self.area.setWidget(body)
        self.column = QVBoxLayout(body)
        # the page is as tall as everything on it needs (a form opened grows it), and scrolls
        self.column.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.column.addWidget(plain_label(
            "Relatives and important people beyond the household, how everyone is related, and the family's "
            "history. The report draws them as a genogram."))
        self._build_relatives()
        self._build_links()
        self._build_household()
        self._build_history()
        self.column.addStretch(1)

    # ------------------------------------------------------------------ building

    def _build_relatives(self) -> None:
        box = QGroupBox()
        titled(box, "Relatives and important people")
        col = QVBoxLayout(box)
        self.relatives = self.records_table("relativesTable", "Relatives and important people",
                                            "One person a row. Enter edits them, Delete removes them.",
                                            ["Name", "Who they are", "Born", "Where, and how often seen"])
        self.relatives.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.relatives.setMinimumHeight(self.relatives.fontMetrics().height() * 7)
        col.addWidget(self.relatives)
        self.add_relative_button, self.edit_relative_button, self.remove_relative_button, bar = self.record_buttons(
            ("&Add a relative…", "Add a relative or important person", "Opens a form for someone beyond the household"),
            ("Edit the chosen relative", "Opens the chosen person to change them"),
            ("Remove the chosen relative", "Removes the person and their relationships"))
        col.addLayout(bar)
        self.panel = QGroupBox()
        titled(self.panel, "Add a relative")
        form = QFormLayout(self.panel)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("relativeName")
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setAccessibleDescription("Their name, or how the family refers to them")
        form.addRow("&Name:", self.name_edit)
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setAccessibleName("Who they are")
        self.role_combo.setAccessibleDescription("Who they are to the children")
        form.addRow("&Who they are:", self.role_combo)
        self.detail_edit = QLineEdit()
        self.detail_edit.setPlaceholderText("In the family's words, for example Nana, mum's cousin")
        self.detail_edit.setAccessibleName("In the family's words")
        self.detail_edit.setAccessibleDescription("Optional: how the family describes them")
        form.addRow("In the &family's words:", self.detail_edit)
        self.gender_combo = QComboBox()
        for g in Gender:
            self.gender_combo.addItem(g.label, g.value)
        self.gender_combo.setAccessibleName("Gender")
        self.gender_combo.setAccessibleDescription("As they or the family describe it: the genogram's symbol")
        form.addRow("&Gender:", self.gender_combo)
        self.born_spin = _year_box("Year born")
        form.addRow("&Year born:", self.born_spin)
        self.died_check = QCheckBox("Has died")
        self.died_check.setAccessibleDescription("Drawn with an X through their symbol")
        form.addRow("", self.died_check)
        self.where_edit = QLineEdit()
        self.where_edit.setPlaceholderText("For example Exeter; no contact since 2021")
        self.where_edit.setAccessibleName("Where, and how often seen")
        self.where_edit.setAccessibleDescription("Where they live and how often the children see them")
        form.addRow("Whe&re:", self.where_edit)
        self.notes_edit = text_box("Notes", "What they mean to the children, support, worries", 2)
        form.addRow("N&otes:", self.notes_edit)
        self.panel_message = self.message_label()
        form.addRow("", self.panel_message)
        self.save_relative_button, self.cancel_relative_button = self.form_buttons(
            form, "Save the &person", "Keeps this person in the wider family")
        self.panel.setVisible(False)
        self.escape_closes(self.panel, self._close_panel)
        col.addWidget(self.panel)
        self.column.addWidget(box)
        self.add_relative_button.clicked.connect(self.add_relative)
        self.edit_relative_button.clicked.connect(self.edit_relative)
        self.remove_relative_button.clicked.connect(self.remove_relative)
        self.save_relative_button.clicked.connect(self.save_relative)
        self.cancel_relative_button.clicked.connect(self._close_panel)
        self.name_edit.returnPressed.connect(self.save_relative)
        self.relatives.itemDoubleClicked.connect(lambda _i: self.edit_relative())

    def _build_links(self) -> None:
        box = QGroupBox()
        titled(box, "How they are related")
        col = QVBoxLayout(box)
        self.links_list = plain_label("")
        self.links_list.setObjectName("linksList")
        col.addWidget(self.links_list)
        row = FlowLayout()
        self.link_a = QComboBox()
        self.link_a.setAccessibleName("First person")
        self.link_a.setAccessibleDescription("The first of the two people")
        self.link_bond = QComboBox()
        for bond in Bond:
            self.link_bond.addItem(bond.label.lower() if bond is not Bond.PARENT else "is a parent of", bond.value)
        self.link_bond.setAccessibleName("Relationship")
        self.link_bond.setAccessibleDescription("Married, a couple, separated, divorced, or a parent of")
        self.link_b = QComboBox()
        self.link_b.setAccessibleName("Second person")
        self.link_b.setAccessibleDescription("The second of the two people")
        self.add_link_button = QPushButton("A&dd the relationship")
        self.add_link_button.setAccessibleDescription("Joins the two people chosen")
        self.remove_link_combo = QComboBox()
        self.remove_link_combo.setAccessibleName("A relationship to remove")
        self.remove_link_combo.setAccessibleDescription("Choose one, then Remove it")
        self.remove_link_button = QPushButton("Remove &it")
        self.remove_link_button.setAccessibleName("Remove it: the chosen relationship")
        self.remove_link_button.setAccessibleDescription("Takes the chosen relationship away")
        for w in (self.link_a, self.link_bond, self.link_b, self.add_link_button):
            row.addWidget(w)
        col.addLayout(row)
        row2 = QHBoxLayout()  # the relationship to remove as wide as there is room: "Kayleigh Brown (r" read as a person
        row2.addWidget(self.remove_link_combo, 1)
        row2.addWidget(self.remove_link_button)
        col.addLayout(row2)
        self.link_message = self.message_label()
        col.addWidget(self.link_message)
        self.column.addWidget(box)
        self.add_link_button.clicked.connect(self.add_link)
        self.remove_link_button.clicked.connect(self.remove_link)

    def _build_household(self) -> None:
        box = QGroupBox()
        titled(box, "The household, for the genogram")
        self.household_grid = QGridLayout(box)
        self.household_rows: dict[str, tuple[QComboBox, QSpinBox | None, QCheckBox]] = {}
        self.column.addWidget(box)

    def _build_history(self) -> None:
        box = QGroupBox()
        titled(box, "The family's history")
        col = QVBoxLayout(box)
        self.history = text_box("The family's history", "Moves, losses, separations, help before: in your own "
                                "words. Saved when you leave the box.", 5)
        self.history.setObjectName("familyHistory")
        caption = QLabel("The family's his&tory:")
        caption.setBuddy(self.history)
        col.addWidget(caption)
        col.addWidget(self.history)
        self.childhood_box = QVBoxLayout()
        col.addLayout(self.childhood_box)
        self.childhood: dict[str, object] = {}
        self.column.addWidget(box)
        self.history.installEventFilter(self)

    # ------------------------------------------------------------------ showing

    def _narrow(self) -> None:
        """Drop-downs of people as narrow as a short name: the page scrolls down, never wider than the
        screen. Those of a few fixed choices (a role, a gender, a relationship) as wide as their longest,
        which was cut to "Other, or not kno"."""
        people = (self.link_a, self.link_b, self.remove_link_combo)
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            longest = max((len(combo.itemText(i)) for i in range(combo.count())), default=10)
            combo.setMinimumContentsLength(10 if combo in people else min(max(10, longest), 26))
            if combo in people and not combo.property("tipped"):  # the whole of what is chosen, where it is cut
                combo.setProperty("tipped", True)
                combo.setToolTip(combo.currentText())
                combo.currentTextChanged.connect(combo.setToolTip)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.heading.setText(f"The wider family: {case.reference}")
        self._close_panel()
        self._fill()
        self.relatives.setFocus()

    def _people(self) -> list[tuple[str, str]]:
        c = self.case
        out = [(a.id, f"{a.name} ({in_brackets(role_text(a))})") for a in c.adults]
        out += [(ch.id, f"{ch.called or ch.name} (child)") for ch in c.children]
        # the family's words as typed ("Tyler's dad"); only the role's own label reads lower after a name
        out += [(r.id, f"{r.name} ({r.role_detail.strip() or in_brackets(r.role.label)})") for r in c.family.relatives]
        return out

    def _fill(self, select: str | None = None) -> None:
        f = self.case.family
        keep = select or selected_id(self.relatives)
        self.relatives.setRowCount(len(f.relatives))
        for i, r in enumerate(f.relatives):
            set_row(self.relatives, i, r.id, [r.name + (" (died)" if r.died else ""), role_words(r),
                                              str(r.born) if r.born else "—", r.where or "—"])
        self.relatives.resizeRowsToContents()
        select_id(self.relatives, keep)
        if self.relatives.rowCount() and not self.relatives.selectionModel().selectedRows():
            self.relatives.selectRow(0)
        people = self._people()
        names = dict(people)
        for combo in (self.link_a, self.link_b):
            chosen = combo.currentData()
            combo.clear()
            for pid, label in people:
                combo.addItem(label, pid)
            if chosen:
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.remove_link_combo.clear()
        lines = []
        for x in f.links:
            said = (f"{names.get(x.a, '?')} is a parent of {names.get(x.b, '?')}" if x.bond is Bond.PARENT
                    else f"{names.get(x.a, '?')} and {names.get(x.b, '?')}: {x.bond.label.lower()}")
            lines.append(said)
            self.remove_link_combo.addItem(said, x.id)
        self.links_list.setText("\n".join(lines + [PARENTS_RULE]) if lines else
                                f"No relationships recorded yet. {PARENTS_RULE}")
        self.remove_link_button.setEnabled(bool(f.links))
        self._fill_household()
        self._narrow()
        self.history.setPlainText(f.history)
        self._fill_childhood()
        for b in (self.edit_relative_button, self.remove_relative_button):
            b.setEnabled(bool(f.relatives))

    def _fill_household(self) -> None:
        while self.household_grid.count():
            item = self.household_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.household_rows = {}
        c, f = self.case, self.case.family
        people = [(a.id, a.name, True) for a in c.adults] + [(ch.id, ch.called or ch.name, False) for ch in c.children]
        for row, (pid, name, adult) in enumerate(people):
            det = f.details.get(pid, Details())
            self.household_grid.addWidget(QLabel(name), row, 0)
            gender = QComboBox()
            for g in Gender:
                gender.addItem(g.label, g.value)
            gender.setCurrentIndex(gender.findData(det.gender.value))
            gender.setAccessibleName(f"{name}: gender")
            gender.setAccessibleDescription("As they or the family describe it: the genogram's symbol")
            self.household_grid.addWidget(gender, row, 1)
            born = None
            if adult:
                born = _year_box(f"{name}: year born")
                born.setValue(det.born or born.minimum())
                self.household_grid.addWidget(born, row, 2)
                born.editingFinished.connect(self._household_changed)
            died = QCheckBox("Has died")
            died.setAccessibleName(f"{name}: has died")
            died.setAccessibleDescription("Drawn with an X through their symbol")
            died.setChecked(det.died)
            self.household_grid.addWidget(died, row, 3)
            gender.currentIndexChanged.connect(lambda _i: self._household_changed())
            died.toggled.connect(lambda _on: self._household_changed())
            self.household_rows[pid] = (gender, born, died)

    def _fill_childhood(self) -> None:
        while self.childhood_box.count():
            item = self.childhood_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.childhood = {}
        for a in self.case.adults:
            box = text_box(f"{a.name}'s own childhood", "What they have said of their own childhood and the care "
                           "they had. Saved when you leave the box.", 3)
            box.setPlainText(self.case.family.childhood.get(a.id, ""))
            caption = QLabel(f"{a.name}'s own childhood:")
            caption.setBuddy(box)
            self.childhood_box.addWidget(caption)
            self.childhood_box.addWidget(box)
            box.installEventFilter(self)
            self.childhood[a.id] = box

    # ------------------------------------------------------------------ saving

    def _keep(self, family: Family, message_label: QLabel | None = None, field: QWidget | None = None) -> bool:
        try:
            self.shell.session.save_family(self.case, family)
        except ValueError as exc:
            if message_label is not None:
                self.say(message_label, field, str(exc))
            return False
        except StoreError as exc:
            self.not_saved(exc)
            return False
        self.saved()
        return True

    def _copy(self) -> Family:
        return copy.deepcopy(self.case.family)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut and (watched is self.history or watched in self.childhood.values()):
            self._texts_changed()
        return super().eventFilter(watched, event)

    def open_row(self, _table) -> None:
        self.edit_relative()

    def remove_row(self, _table) -> None:
        self.remove_relative()

    def _texts_changed(self) -> None:
        if self.case is None:
            return
        f = self._copy()
        f.history = self.history.toPlainText()
        f.childhood = {pid: box.toPlainText() for pid, box in self.childhood.items() if box.toPlainText().strip()}
        if (f.history, f.childhood) != (self.case.family.history, self.case.family.childhood):
            self._keep(f)

    def _household_changed(self) -> None:
        if self.case is None:
            return
        f = self._copy()
        for pid, (gender, born, died) in self.household_rows.items():
            year = born.value() if born is not None and born.value() != born.minimum() else None
            f.details[pid] = Details(Gender(gender.currentData()), year, died.isChecked())
        self._keep(f)

    # ------------------------------------------------------------------ relatives

    def selected_relative(self) -> Relative | None:
        rid = selected_id(self.relatives)
        return next((r for r in self.case.family.relatives if r.id == rid), None) if self.case else None

    def add_relative(self) -> None:
        self.editing = None
        titled(self.panel, "Add a relative")
        for w in (self.name_edit, self.detail_edit, self.where_edit):
            w.clear()
        self.notes_edit.clear()
        self.role_combo.setCurrentIndex(0)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData(Gender.OTHER.value))
        self.born_spin.setValue(self.born_spin.minimum())
        self.died_check.setChecked(False)
        self._open_panel()

    def edit_relative(self) -> None:
        r = self.selected_relative()
        if r is None:
            return
        self.editing = r
        titled(self.panel, f"Edit {r.name}")
        self.name_edit.setText(r.name)
        self.detail_edit.setText(r.role_detail)
        self.where_edit.setText(r.where)
        self.notes_edit.setPlainText(r.notes)
        self.role_combo.setCurrentIndex(self.role_combo.findData(r.role.value))
        self.gender_combo.setCurrentIndex(self.gender_combo.findData(r.gender.value))
        self.born_spin.setValue(r.born or self.born_spin.minimum())
        self.died_check.setChecked(r.died)
        self._open_panel()

    def _open_panel(self) -> None:
        self.panel_message.setVisible(False)
        self.panel.setVisible(True)
        self.name_edit.setFocus()
        QTimer.singleShot(0, lambda: self.area.ensureWidgetVisible(self.panel, 0, 0))

    def _close_panel(self) -> None:
        self.panel.setVisible(False)
        self.editing = None

    def save_relative(self) -> None:
        if not self.name_edit.text().strip():
            return self.say(self.panel_message, self.name_edit, "Give their name, or how the family refers to them.")
        f = self._copy()
        born = self.born_spin.value() if self.born_spin.value() != self.born_spin.minimum() else None
        person = Relative(self.name_edit.text(), Role(self.role_combo.currentData()),
                          Gender(self.gender_combo.currentData()), born, self.died_check.isChecked(),
                          self.where_edit.text().strip(), self.notes_edit.toPlainText().strip(),
                          self.detail_edit.text(), id=self.editing.id if self.editing else "")
        if self.editing is None:
            f.relatives.append(person)
        else:  # in its place in the list
            f.relatives = [person if r.id == person.id else r for r in f.relatives]
        if not self._keep(f, self.panel_message, self.name_edit):
            return
        self._close_panel()
        self._fill(select=person.id)
        self.relatives.setFocus()
        self.shell.set_status(f"{person.name} saved in the wider family.")

    def remove_relative(self) -> None:
        from . import dialogs

        r = self.selected_relative()
        if r is None:
            return
        if not dialogs.confirm(self, "Remove a relative", f"Remove {r.name} from the wider family, with their "
                               f"relationships? This cannot be undone.", ok_label="Remove them"):
            return
        f = self._copy()
        f.relatives = [x for x in f.relatives if x.id != r.id]
        f.links = [x for x in f.links if r.id not in (x.a, x.b)]
        f.childhood.pop(r.id, None)
        if self._keep(f):
            self._close_panel()
            self._fill()
            self.shell.set_status(f"{r.name} removed from the wider family.")

    # ------------------------------------------------------------------ relationships

    def add_link(self) -> None:
        a, b, bond = self.link_a.currentData(), self.link_b.currentData(), self.link_bond.currentData()
        if not a or not b:
            return
        f = self._copy()
        f.links.append(Link(a, b, Bond(bond)))
        if self._keep(f, self.link_message, self.link_b):
            self.link_message.setVisible(False)
            self._fill()
            self.shell.set_status("Relationship added.")

    def remove_link(self) -> None:
        lid = self.remove_link_combo.currentData()
        if not lid:
            return
        f = self._copy()
        f.links = [x for x in f.links if x.id != lid]
        if self._keep(f):
            self._fill()
            self.shell.set_status("Relationship removed.")

    def _back(self) -> None:
        self._texts_changed()
        super()._back()

    def clear(self) -> None:
        self.case = None
        self.relatives.setRowCount(0)
        self._close_panel()


def _year_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1899, 2100)
    box.setSpecialValueText(NO_YEAR)
    box.setValue(1899)
    box.setAccessibleName(name)
    box.setAccessibleDescription(f"The year, typed or stepped with the arrows; the lowest step is “{NO_YEAR}”")
    return box
