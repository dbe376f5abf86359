"""The chronology of one case: every significant event in the family's life, in time order, with
the interviews and analyses made here among them; add, edit and remove events, and show one
child's or one type of neglect's.

Every change is a Session method (keep_event, remove_event), saved at once; if the store refuses,
the panel keeps what was typed and the shell says why. Interviews and analyses are shown but not
edited here: they change where they are made.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..case import Case
from ..chronology import Effect, Entry, Event, Kind, MONTH_HINT, children_words, read_event_date, types_words
from ..dates import DateProblem, today
from ..session import StoreError
from ..vocab import NeglectType
from ..wording import plural
from .announce import show_status
from .case_part import CasePart
from .case_tables import ID_ROLE, select_id, selected_id, set_row, titled
from .flow import FlowLayout
from .widgets import plain_label, text_box

COLUMNS = ["Date", "What happened", "From", "Impact on the child", "Children", "Types"]
# Each column's share of the width left after the date: what happened and its impact read best wide.
SHARES = [0, 34, 14, 26, 13, 13]
WHOLE_FAMILY = "None ticked: it concerns the whole family."
FROM_THE_APP = "Made in this app: it changes where it was made (the interview, or the analysis)."


class ChronologyPage(CasePart):
    """`show_case(case)` fills it; needs a `shell` with session, open_case, show_error, set_status."""

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(shell, "chronologyPage", "Chronology", parent)
        self.case: Case | None = None
        self.rows: list[Entry] = []
        self.editing: Event | None = None
        page = self.page
        self.about = plain_label(
            "Significant events in the children's lives: facts, not opinion, good as well as worrying. "
            "Interviews and analyses made here are in it by themselves.")
        page.addWidget(self.about)

        self.filters_box = QWidget()
        filters = FlowLayout(self.filters_box)
        self.child_filter = QComboBox()
        self.child_filter.setAccessibleName("Show the chronology of")
        self.child_filter.setAccessibleDescription("All the children, or one child (events about the whole "
                                                   "family are shown for each child)")
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName("Type of neglect")
        self.type_filter.setAccessibleDescription("Show only the events about one type of neglect")
        self.type_filter.addItem("Every type", None)
        for n in NeglectType:
            self.type_filter.addItem(f"{n.label} only", n.value)
        self.order = QComboBox()
        self.order.setAccessibleName("Order")
        self.order.addItem("Oldest first", False)
        self.order.addItem("Newest first", True)
        self.order.setAccessibleDescription("Oldest first, as a chronology is read, or newest first")
        for caption, combo in (("Sh&ow:", self.child_filter), ("T&ype:", self.type_filter),
                               ("O&rder:", self.order)):
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(caption)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            row.addWidget(label)
            row.addWidget(combo)
            filters.addWidget(box)
        page.addWidget(self.filters_box)

        self.table = self.records_table("chronologyTable", "Chronology", "One event a row. Enter edits the "
                                        "event; interviews and analyses are shown here and changed where they "
                                        "were made.", COLUMNS, SHARES, "September 2021")
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        page.addWidget(self.table, 2)
        self.empty = plain_label("Nothing in the chronology yet. Add the first event: a birth, a referral, a "
                                 "move, a missed appointment, a good change.")
        page.addWidget(self.empty)

        self.add_button, self.edit_button, self.remove_button, buttons = self.record_buttons(
            ("&Add an event…", "Add an event to the chronology", "Opens a form for a new event under the table (Ctrl+N)"),
            ("Edit the chosen event", "Opens the chosen event to change it (or press Enter on its row)"),
            ("Remove the chosen event", "Deletes the chosen event after asking (or press Delete)"))
        self.add_button.setToolTip("Add an event (Ctrl+N)")
        page.addLayout(buttons)
        self.row_note = plain_label("")
        self.row_note.setObjectName("rowNote")
        page.addWidget(self.row_note)

        self.panel_area = QScrollArea()
        self.panel_area.setWidgetResizable(True)
        self.panel_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = QGroupBox("Add an event")
        self.panel_area.setWidget(self.panel)
        self.panel_area.setVisible(False)
        page.addWidget(self.panel_area, 5)
        self._build_panel()
        self._connect()

    # ------------------------------------------------------------------ building

    def _build_panel(self) -> None:
        form = QFormLayout(self.panel)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.date_edit = QLineEdit()
        self.date_edit.setObjectName("eventDate")
        self.date_edit.setPlaceholderText("dd/mm/yyyy, mm/yyyy or yyyy")
        self.date_edit.setMaxLength(30)
        self.date_edit.setAccessibleName("When it happened")
        self.date_edit.setAccessibleDescription(MONTH_HINT)
        self.date_edit.setMaximumWidth(self.date_edit.fontMetrics().horizontalAdvance("x" * 24))
        self.date_message = self.message_label()
        form.addRow("&When:", self.date_edit)
        # Under the date box, the forms it takes, or in its place what is wrong with the date typed: in a
        # space that never grows or shrinks, so a message never moves the boxes below it from under a
        # pointer (a practitioner's next click landed in "Where it comes from", not "What happened").
        self.date_hint = QLabel("A day, a month or only a year: 14/03/2021, 03/2021, March 2021 or 2021.")
        self.date_hint.setWordWrap(True)
        self.date_hint.setObjectName("eventDateHint")
        under = QWidget()
        stack = QVBoxLayout(under)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(self.date_hint)
        stack.addWidget(self.date_message)
        stack.addStretch(1)
        # room for the longest message (three lines at 150% text on a 1024 x 768 screen) and a line over
        under.setMinimumHeight(max(self.date_hint.fontMetrics().lineSpacing(),
                                   self.date_message.fontMetrics().lineSpacing()) * 4 + 4)
        self.date_under = under
        form.addRow("", under)
        self.date_message.installEventFilter(self)  # the hint gives way to the message, and comes back
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("eventSource")
        self.source_edit.setPlaceholderText("For example Health visitor, Police, School, the mother")
        self.source_edit.setAccessibleName("Where it comes from")
        self.source_edit.setAccessibleDescription("The agency, person or record it comes from")
        form.addRow("Where it &comes from:", self.source_edit)
        self.what_edit = text_box("What happened", "What happened, in plain words: the facts, not opinion", 3)
        self.what_edit.setObjectName("eventWhat")
        form.addRow("What ha&ppened:", self.what_edit)
        self.impact_edit = text_box("Its impact on the child", "What it meant for the child, as far as is known", 3)
        self.impact_edit.setObjectName("eventImpact")
        form.addRow("&Impact on the child:", self.impact_edit)
        effects = QWidget()
        effects.setAccessibleName("For the child: what it meant")
        row = FlowLayout(effects)
        # Siblings, auto-exclusive: Tab stops on the one chosen, and the arrows choose another.
        self.effect_radios: dict[Effect, QRadioButton] = {}
        for effect in (Effect.HARMFUL, Effect.GOOD, Effect.NOT_KNOWN):
            radio = QRadioButton(effect.label)
            radio.setObjectName(f"effect_{effect.value}")
            radio.setAccessibleDescription("What the event meant for the child, as far as is known")
            self.effect_radios[effect] = radio
            row.addWidget(radio)
        form.addRow("For the child:", effects)
        self.action_edit = QLineEdit()
        self.action_edit.setObjectName("eventAction")
        self.action_edit.setPlaceholderText("What was done about it, if anything")
        self.action_edit.setAccessibleName("The action taken")
        self.action_edit.setAccessibleDescription("What was done about it, if anything")
        form.addRow("Action ta&ken:", self.action_edit)
        self.children_box = QWidget()
        self.children_box.setAccessibleName("Which children it concerns")
        self.children_row = FlowLayout(self.children_box)
        self.child_checks: dict[str, QCheckBox] = {}
        self._ticked_by_hand: dict[str, bool] = {}
        form.addRow("Which children:", self.children_box)
        self.children_note = QLabel(WHOLE_FAMILY)
        self.children_note.setWordWrap(True)
        form.addRow("", self.children_note)
        types = QWidget()
        types.setAccessibleName("Types of neglect it bears on")
        type_row = FlowLayout(types)
        self.type_checks: dict[NeglectType, QCheckBox] = {}
        for n in NeglectType:
            check = QCheckBox(n.short_label)
            check.setObjectName(f"type_{n.value}")
            check.setAccessibleName(f"Type of neglect: {n.label}")
            check.setAccessibleDescription("Tick each type of neglect the event bears on")
            self.type_checks[n] = check
            type_row.addWidget(check)
        form.addRow("Types of neglect:", types)
        self.panel_message = self.message_label()
        form.addRow("", self.panel_message)
        self.save_button, self.cancel_button = self.form_buttons(form, "Save the even&t",
                                                                 "Keeps the event in the chronology (Alt+T)")
        self.escape_closes(self.panel, self.cancel)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_event)
        self.edit_button.clicked.connect(self.edit_event)
        self.remove_button.clicked.connect(self.remove_event)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.date_edit.editingFinished.connect(self._date_left)
        self.date_edit.returnPressed.connect(self.save)
        self.source_edit.returnPressed.connect(self.save)
        self.action_edit.returnPressed.connect(self.save)
        for combo in (self.child_filter, self.type_filter, self.order):
            combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_event())
        self.new_key(self.add_event)

    def open_row(self, _table) -> None:
        self.edit_event()

    def remove_row(self, _table) -> None:
        self.remove_event()

    # ------------------------------------------------------------------ showing

    def show_case(self, case: Case, child_id: str | None = None) -> None:
        self.case = case
        self.heading.setText(f"Chronology: {case.reference}")
        self.child_filter.blockSignals(True)
        self.child_filter.clear()
        self.child_filter.addItem("All the children", None)
        for c in case.children:
            self.child_filter.addItem(c.called or c.name, c.id)
        found = self.child_filter.findData(child_id) if child_id else 0
        self.child_filter.setCurrentIndex(max(found, 0))
        self.child_filter.blockSignals(False)
        self._hide_panel()
        self._fill()
        self.table.setFocus()

    def _fill(self, select: str | None = None) -> None:
        if self.case is None:
            return
        keep = select or selected_id(self.table)
        code = self.type_filter.currentData()
        self.rows = self.shell.session.chronology(self.case, self.child_filter.currentData(),
                                                  NeglectType(code) if code else None,
                                                  newest_first=bool(self.order.currentData()))
        table = self.table
        table.setRowCount(len(self.rows))
        for r, entry in enumerate(self.rows):
            impact = entry.impact
            if entry.effect is not None and entry.effect is not Effect.NOT_KNOWN:
                impact = f"{entry.effect.label}. {impact}".strip() if impact else entry.effect.label
            what = entry.what + (f" Action taken: {entry.action}" if entry.action else "")
            values = [entry.when.text, what, entry.source,
                      impact if entry.typed_by_hand else "",
                      children_words(self.case, entry.child_ids), types_words(entry.neglect)]
            set_row(table, r, _row_id(entry), values)
            if not entry.typed_by_hand:
                for col in range(len(values)):
                    item = table.item(r, col)
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                    item.setToolTip(f"{values[col]}\n{FROM_THE_APP}" if values[col] else FROM_THE_APP)
        table.resizeRowsToContents()
        select_id(table, keep)
        if table.rowCount() and not table.selectionModel().selectedRows():
            table.selectRow(0)
        shown = bool(self.rows)
        typed = sum(1 for e in self.rows if e.typed_by_hand)
        self.empty.setVisible(not shown)
        self.table.setAccessibleName(f"Chronology: {plural(len(self.rows), 'entry', 'entries')}, "
                                     f"{plural(typed, 'event')} recorded here")
        self._update_buttons()

    def selected_entry(self) -> Entry | None:
        row_id = selected_id(self.table)
        return next((e for e in self.rows if _row_id(e) == row_id), None)

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        editable = entry is not None and entry.typed_by_hand
        self.edit_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.row_note.setText(FROM_THE_APP if entry is not None and not editable else "")
        self.row_note.setVisible(entry is not None and not editable)

    # ------------------------------------------------------------------ the panel

    def _set_children(self, ticked: list[str]) -> None:
        self.child_checks = self.child_ticks(self.case, self.children_row, self.child_checks, ticked, "It concerns {}",
                                             "Tick each child it concerns; none ticked: the whole family")
        self._ticked_by_hand: dict[str, bool] = {}
        for cid, check in self.child_checks.items():
            check.toggled.connect(self._children_said)
            check.clicked.connect(lambda _on=False, cid=cid: self._ticked_by_hand.__setitem__(cid, True))
        self._children_said()
        chain = [self.action_edit, *self.child_checks.values(), self.type_checks[next(iter(NeglectType))]]
        for before, after in zip(chain, chain[1:]):  # Tab goes down the panel as it is read
            QWidget.setTabOrder(before, after)
        self.children_box.updateGeometry()

    def _children_said(self, *_args) -> None:
        """What the ticks mean, as they stand (it said "None ticked: the whole family" with boxes ticked)."""
        names = [check.text() for check in self.child_checks.values() if check.isChecked()]
        self.children_note.setText(WHOLE_FAMILY if not names else
                                   f"It concerns {' and '.join(names)}" + (" only." if len(names) < len(self.child_checks)
                                                                           else "."))

    def _not_yet_born(self, when) -> None:
        """A new event untick the children born after it (a baby ticked for a referral three years
        before her birth); a child ticked again by hand stays ticked."""
        if self.editing is not None or self.case is None or when is None:
            return
        for c in self.case.children:
            check = self.child_checks.get(c.id)
            born = c.date_of_birth or c.expected_date
            if check is not None and born is not None and born > when.last_day and not self._ticked_by_hand.get(c.id):
                check.setChecked(False)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is getattr(self, "date_message", None) and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.date_hint.setVisible(not self.date_message.isVisibleTo(self.date_under))
        return super().eventFilter(obj, event)

    def add_event(self) -> None:
        if self.case is None:
            return
        self.editing = None
        titled(self.panel, "Add an event")
        self.date_edit.clear()
        for box in (self.source_edit, self.what_edit, self.impact_edit, self.action_edit):
            box.clear()
        self.effect_radios[Effect.NOT_KNOWN].setChecked(True)
        shown = self.child_filter.currentData()
        self._set_children([shown] if shown else [c.id for c in self.case.children])
        code = self.type_filter.currentData()
        for n, check in self.type_checks.items():
            check.setChecked(n.value == code)
        self._open_panel()

    def edit_event(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if not entry.typed_by_hand:
            show_status(self.saved_label, "", say=False)
            self.shell.set_status(FROM_THE_APP)
            return
        ev = entry.event
        self.editing = ev
        titled(self.panel, f"Edit the event of {ev.when.text}")
        self.date_edit.setText(ev.when.typed)
        self.source_edit.setText(ev.source)
        self.what_edit.setPlainText(ev.what)
        self.impact_edit.setPlainText(ev.impact)
        self.action_edit.setText(ev.action)
        self.effect_radios[ev.effect].setChecked(True)
        self._set_children(ev.child_ids)
        for n, check in self.type_checks.items():
            check.setChecked(n in ev.neglect)
        self._open_panel()

    def _open_panel(self) -> None:
        self.date_message.setVisible(False)
        self.panel_message.setVisible(False)
        self.panel_area.setVisible(True)
        for quiet in (self.about, self.filters_box):  # room for the panel on a small screen
            quiet.setVisible(False)
        self.date_edit.setFocus()
        QTimer.singleShot(0, lambda: self.panel_area.ensureWidgetVisible(self.date_edit, 0, 0))

    def _hide_panel(self) -> None:
        self.panel_area.setVisible(False)
        for shown in (self.about, self.filters_box):
            shown.setVisible(True)
        self.editing = None

    def cancel(self) -> None:
        self._hide_panel()
        self.table.setFocus()

    def _read_date(self, say: bool = True):
        try:
            when = read_event_date(self.date_edit.text(), today())
        except DateProblem as exc:
            if say:
                self.say(self.date_message, self.date_edit, str(exc))
            return None
        if when is None and say:
            self.say(self.date_message, self.date_edit, f"Say when it happened. {MONTH_HINT}")
        return when

    def _date_left(self) -> None:
        text = self.date_edit.text()
        if not text.strip():
            return
        try:
            when = read_event_date(text, today())
        except DateProblem as exc:
            self.date_message.setVisible(True)
            show_status(self.date_message, str(exc))
            return
        self.date_message.setVisible(False)
        if when is not None and text != when.typed:
            self.date_edit.setText(when.typed)  # 14032021 -> 14/03/2021, March 2021 -> 03/2021
        self._not_yet_born(when)

    def save(self) -> None:
        if self.case is None or not self.panel_area.isVisible():
            return
        self.date_message.setVisible(False)
        self.panel_message.setVisible(False)
        when = self._read_date()
        if when is None:
            return
        effect = next(e for e, radio in self.effect_radios.items() if radio.isChecked())
        base = self.editing
        event = Event(when, self.what_edit.toPlainText(), self.source_edit.text(), self.impact_edit.toPlainText(),
                      effect, self.action_edit.text(),
                      [cid for cid, check in self.child_checks.items() if check.isChecked()],
                      [n for n, check in self.type_checks.items() if check.isChecked()],
                      id=base.id if base else "", created=base.created if base else None)
        try:
            kept = self.shell.session.keep_event(self.case, event)
        except ValueError as exc:
            self.say(self.panel_message, self.what_edit, str(exc))
            return
        except StoreError as exc:
            self.not_saved(exc)
            return
        self.saved()
        self._hide_panel()
        self._fill(select=kept.id)
        if selected_id(self.table) != kept.id:  # kept, but not shown with the filters chosen
            self.shell.set_status(f"Event of {kept.when.text} saved; the filters chosen do not show it.")
        else:
            self.shell.set_status(f"Event of {kept.when.text} saved.")
        self.table.setFocus()

    def remove_event(self) -> None:
        from . import dialogs

        entry = self.selected_entry()
        if entry is None or not entry.typed_by_hand:
            return
        ev = entry.event
        if not dialogs.confirm(self, "Remove an event",
                               f"Remove the event of {ev.when.text} from the chronology? “{_short(ev.what)}” "
                               f"will be deleted for good. This cannot be undone.", ok_label="Remove the event"):
            return
        row = self.table.currentRow()
        try:
            self.shell.session.remove_event(self.case, ev.id)
        except StoreError as exc:
            self.not_saved(exc)
            return
        self._hide_panel()
        self._fill()
        if self.table.rowCount():
            self.table.selectRow(min(max(row, 0), self.table.rowCount() - 1))
        self.table.setFocus()
        self.shell.set_status(f"Event of {ev.when.text} removed.")

    def clear(self) -> None:
        """Forget everything shown (on lock)."""
        self.case = None
        self.rows = []
        self.table.setRowCount(0)
        self._hide_panel()


def _row_id(entry: Entry) -> str:
    return entry.event.id if entry.event is not None else f"{entry.kind.value}:{entry.ref}"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


__all__ = ["ChronologyPage", "COLUMNS", "FROM_THE_APP", "ID_ROLE", "Kind"]
