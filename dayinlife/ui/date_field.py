"""A date typed as a person types it: day, month, year, digit by digit, on any day of the year.

A plain line edit, not a QDateEdit: a date edit that starts on today with a maximum of today
clamps each digit as it arrives (typing 14032017 on the 1st of a month showed 4/000032017 and
became 01/12/2001). Here the text stays exactly as typed until the field is left; then it is
read (dates.parse_date), checked against the field's rule, written back the UK way, and any
problem is said in the message label beside the field. Nothing is ever silently replaced: a
date that cannot be used leaves `date()` None and says why.

A calendar opens from the button at the end of the field, or with Alt+Down.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ..dates import FORMAT_HINT, DateProblem, DateRule, read_date, uk_date
from ..paths import resources_dir
from .announce import show_status

PLACEHOLDER = "dd/mm/yyyy"


class DateField(QLineEdit):
    """`date()` is the date typed, or None (empty, or not usable: `problem()` says why).
    `set_date()` fills it; `rule` says where the date may fall; `message` is the label to place
    beside it (hidden while there is nothing to say). `date_edited` is emitted when the person
    leaves the field with a usable date different from before."""

    date_edited = Signal(object)  # the date, or None when the field was emptied

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rule: DateRule | None = None
        self.required = True
        self._last: date | None = None
        self.setPlaceholderText(PLACEHOLDER)
        self.setMaxLength(20)
        self.message = QLabel()
        self.message.setObjectName("dateMessage")
        self.message.setProperty("role", "message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        icon_file = resources_dir() / "icons" / "calendar.svg"
        self.calendar_action = QAction(QIcon(str(icon_file)), "Choose from a calendar", self)
        self.calendar_action.setToolTip("Choose from a calendar (Alt+Down)")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._finished)
        self._popup: QWidget | None = None
        self._select_on_click = False

    # ------------------------------------------------------------------ the value

    def set_date(self, day: date | None) -> None:
        """Fill the field (no message, no signal)."""
        self.setText(uk_date(day) if day else "")
        self._last = day
        self._say(None)

    def date(self) -> date | None:  # noqa: A003 (the name QDateEdit uses)
        try:
            return read_date(self.text(), self.rule, required=False)
        except DateProblem:
            return None

    def problem(self) -> str | None:
        """What is wrong with the text in the field now, in words for the person; None if nothing."""
        try:
            read_date(self.text(), self.rule, required=self.required)
        except DateProblem as exc:
            return str(exc)
        return None

    def check(self) -> bool:
        """Say what is wrong beside the field (or clear the message); True when the date can be used."""
        problem = self.problem()
        self._say(problem)
        return problem is None

    def _finished(self) -> None:
        problem = self.problem()
        if problem is None:
            day = self.date()
            if day is not None and self.text() != uk_date(day):
                self.setText(uk_date(day))  # 14032017 -> 14/03/2017
            self._say(None)
            if day != self._last:
                self._last = day
                self.date_edited.emit(day)
        elif self.text().strip() or self.required:
            # An empty optional field is not a problem; a required one is said once it is left.
            self._say(problem if self.text().strip() else None)

    def _say(self, problem: str | None) -> None:
        # said when a new problem appears (once the field is left, after the next field is read), not
        # again while it stays the same; the field's description carries it whenever the field has focus
        self.message.setVisible(bool(problem))
        show_status(self.message, problem or "")
        self.setProperty("invalid", bool(problem))
        self.style().unpolish(self)
        self.style().polish(self)
        base = self.property("baseDescription")
        if base is None:
            base = self.accessibleDescription() or FORMAT_HINT
            self.setProperty("baseDescription", base)
        self.setAccessibleDescription(f"{problem} {base}" if problem else base)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        # The calendar button Qt makes for the action: named after the field, as the screen shows it.
        what = self.accessibleName() or "the date"
        for button in self.findChildren(QToolButton):
            button.setAccessibleName(f"Calendar for {what.lower() if what[:1].isupper() and what[1:2].islower() else what}")
            button.setAccessibleDescription("Opens a calendar to choose the date from (or press Alt+Down)")

    # ------------------------------------------------------------------ typing and clicking

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        # Tab selects the whole date already; a click does too, so typing a new date replaces the old
        # one instead of running on after it. A second click places the cursor.
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            self._select_on_click = True

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().mouseReleaseEvent(event)
        if self._select_on_click:
            self._select_on_click = False
            if not self.hasSelectedText():
                self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ the calendar

    def open_calendar(self) -> None:
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setObjectName("datePopup")
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(2, 2, 2, 2)
        calendar = QCalendarWidget(popup)
        calendar.setObjectName("dateCalendar")
        calendar.setAccessibleName(f"{self.accessibleName() or 'Date'}: calendar")
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        rule = self.rule
        if rule is not None and rule.earliest is not None:
            calendar.setMinimumDate(_q(rule.earliest))
        if rule is not None and rule.latest is not None:
            calendar.setMaximumDate(_q(rule.latest))
        shown = self.date()
        if shown is not None:
            calendar.setSelectedDate(_q(shown))
        layout.addWidget(calendar)

        def chosen(day: QDate) -> None:
            self._popup = None
            popup.close()
            self.setText(uk_date(date(day.year(), day.month(), day.day())))
            self.setFocus(Qt.FocusReason.PopupFocusReason)
            self._finished()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        popup.adjustSize()
        below = self.mapToGlobal(self.rect().bottomLeft())
        popup.move(below)
        popup.show()
        calendar.setFocus()
        self._popup = popup
        popup.destroyed.connect(lambda *_: setattr(self, "_popup", None))
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    @property
    def calendar(self) -> QCalendarWidget | None:
        """The open calendar, if any (for tests and screen-reader checks)."""
        return self._popup.findChild(QCalendarWidget) if self._popup is not None else None


def _q(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def place_message(field: DateField, layout) -> None:
    """Put the field's message in the row under it, in a QFormLayout (or at the end of a box layout)."""
    from PySide6.QtWidgets import QFormLayout

    if isinstance(layout, QFormLayout):
        row, _role = layout.getWidgetPosition(field)
        if row >= 0:
            layout.insertRow(row + 1, "", field.message)
            return
    layout.addWidget(field.message)


__all__ = ["DateField", "place_message", "PLACEHOLDER"]
