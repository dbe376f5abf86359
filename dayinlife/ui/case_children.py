"""The case page's children: the table, and adding, editing and removing one, with their dates
(a part of CasePage, in case_page.py: it uses the page's widgets and its shell)."""

from __future__ import annotations

from datetime import date, timedelta


from .. import dates
from ..case import Child
from ..dates import DateRule, age_in_months, describe_age, uk_date, uk_dates_in
from ..wording import plural
from . import dialogs
from .case_tables import cap_columns, fit_rows_now, select_id, set_row, titled


class ChildrenSection:
    """Mixed into CasePage."""

    def _fill_children(self) -> None:
        table = self.child_table
        self.child_table.blockSignals(True)
        table.setRowCount(len(self.case.children))
        today = dates.today()
        library = self.shell.session.library
        for row, c in enumerate(self.case.children):
            if c.is_unborn:
                when, age = f"Due {uk_date(c.expected_date)}", "Not born yet"
            else:
                when, age = f"Born {uk_date(c.date_of_birth)}", describe_age(age_in_months(c.date_of_birth, today))
            suggestion = self.shell.session.suggest(c)
            suggested = library.get(suggestion.template_id).title if suggestion else "None: choose by hand"
            set_row(table, row, c.id, [c.name, c.known_as, when, age, c.disability or "None recorded",
                                        c.communication or "None recorded", suggested])
            tip = uk_dates_in(suggestion.reason) if suggestion else "No template suits this child's age: choose one."
            table.item(row, 6).setToolTip(tip)
            if c.other_needs:
                table.item(row, 0).setToolTip(f"Other needs: {c.other_needs}")
        cap_columns(table, [t.title for t in library.ordered()])
        if self.selected_child() is None:
            self._child_id = self.case.children[0].id if self.case.children else None
        select_id(table, self._child_id)
        self.child_table.blockSignals(False)
        fit_rows_now(table)
        table.setVisible(bool(self.case.children))
        self.no_children_label.setVisible(not self.case.children)
        self._fill_interviews()

    def _date_ranges(self, child: Child | None) -> None:
        """Where a date of birth or a due date may fall (a child's own saved date always may)."""
        today = dates.today()
        earliest_born = self._years_before(today, 25)
        if child is not None and child.date_of_birth is not None:
            earliest_born = min(earliest_born, child.date_of_birth)
        self.dob_edit.rule = DateRule(
            earliest_born, today,
            too_early=f"That date of birth would make the child over 25 (born before {uk_date(earliest_born)}): "
                      f"check the year.",
            too_late="That date of birth is in the future. If the baby is not born yet, choose "
                     "“Not born yet” and give the due date.")
        earliest_due = today - timedelta(days=90)
        if child is not None and child.expected_date is not None:
            earliest_due = min(earliest_due, child.expected_date)
        latest_due = today + timedelta(days=300)
        self.expected_edit.rule = DateRule(
            earliest_due, latest_due,
            too_early=f"That due date is more than three months ago (before {uk_date(earliest_due)}). If the "
                      f"baby has been born, choose “Born on” and give the date of birth.",
            too_late=f"That due date is more than ten months away (after {uk_date(latest_due)}): check the year.")

    def add_child(self) -> None:
        self._open_panel(self.child_panel, self.child_name_edit)
        titled(self.child_panel, "Add a child")
        self._date_ranges(None)
        for edit in (self.child_name_edit, self.child_known_as_edit, self.disability_edit,
                     self.communication_edit, self.other_needs_edit):
            edit.clear()
        self.dob_edit.set_date(None)  # typed by the practitioner: never a date made up for them
        self.expected_edit.set_date(None)
        self.born_radio.setChecked(True)
        self.pronouns_combo.setCurrentIndex(0)
        self.child_message.setVisible(False)
        self._show_born()

    def edit_child(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        self._open_panel(self.child_panel, self.child_name_edit)
        self._editing_child = child
        titled(self.child_panel, f"Edit {child.name}")
        self._date_ranges(child)
        self.child_name_edit.setText(child.name)
        self.child_known_as_edit.setText(child.known_as)
        self.dob_edit.set_date(child.date_of_birth)
        self.expected_edit.set_date(child.expected_date)
        (self.unborn_radio if child.is_unborn else self.born_radio).setChecked(True)
        index = self.pronouns_combo.findData(child.pronouns)
        self.pronouns_combo.setCurrentIndex(max(index, 0))
        self.disability_edit.setText(child.disability)
        self.communication_edit.setText(child.communication)
        self.other_needs_edit.setText(child.other_needs)
        self.child_message.setVisible(False)
        self._show_born()

    def _show_born(self) -> None:
        born = self.born_radio.isChecked()
        self.dob_edit.setEnabled(born)
        self.expected_edit.setEnabled(not born)
        (self.expected_edit if born else self.dob_edit).message.setVisible(False)  # only the date in use speaks

    def _save_child(self) -> None:
        name = self.child_name_edit.text().strip()
        if not name:
            self._problem(self.child_message, self.child_name_edit, "Give the child's name.")
            return
        born = self.born_radio.isChecked()
        field = self.dob_edit if born else self.expected_edit
        if not field.check():  # the message is beside the field
            self.child_message.setVisible(False)
            field.setFocus()
            field.selectAll()
            return
        dob = field.date() if born else None
        due = None if born else field.date()
        values = dict(name=name, known_as=self.child_known_as_edit.text().strip(), date_of_birth=dob,
                      expected_date=due, pronouns=self.pronouns_combo.currentData(),
                      disability=self.disability_edit.text().strip(),
                      communication=self.communication_edit.text().strip(),
                      other_needs=self.other_needs_edit.text().strip())
        editing = self._editing_child
        session = self.shell.session
        if editing is None:
            ok, child = self._apply(lambda: session.add_child(self.case, **values))
        else:
            child = editing
            ok, _ = self._apply(lambda: session.update_child(self.case, editing, **values))
        if not ok:
            return
        self._hide_panels()
        self._child_id = child.id
        self._fill_children()
        self.child_table.setFocus()
        self.shell.set_status(f"{name} {'added' if editing is None else 'saved'}.")

    def remove_child(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        interviews = len(child.interviews)
        answers = sum(len(iv.answers) for iv in child.interviews)
        alone = self.shell.session.only_about(self.case, child)
        from ..chronology import Event

        events = sum(1 for x in alone if isinstance(x, Event))
        score_sets = len(alone) - events
        lost = []
        if interviews:
            lost.append(f"The {plural(interviews, 'interview')} about {child.name}, with "
                        f"{plural(answers, 'recorded answer')}")
        if events:
            lost.append(f"the chronology's {plural(events, 'entry', 'entries')} about {child.name} alone")
        if score_sets:
            lost.append(f"{plural(score_sets, 'set')} of scores from other tools about {child.name} alone")
        if lost:
            said = ", ".join(lost[:-1]) + (" and " if len(lost) > 1 else "") + lost[-1]
            lost = f"{said[0].upper()}{said[1:]} will be deleted for good. This cannot be undone."
        else:
            lost = f"Nothing has been recorded about {child.name} yet; their details will be removed."
        if not dialogs.confirm(self, "Remove a child", f"Remove {child.name} from the household? {lost}",
                               ok_label=f"Remove and delete {plural(interviews, 'interview')}" if interviews
                               else f"Remove and delete {plural(events, 'entry', 'entries')}" if events
                               else f"Remove and delete {plural(score_sets, 'set')} of scores" if score_sets
                               else "Remove the child"):
            return
        row = self.child_table.currentRow()
        ok, _ = self._apply(lambda: self.shell.session.remove_child(self.case, child))
        if not ok:
            return
        self._hide_panels()
        remaining = self.case.children
        self._child_id = remaining[min(max(row, 0), len(remaining) - 1)].id if remaining else None
        self._fill_children()
        (self.child_table if remaining else self.add_child_button).setFocus()
        self.shell.set_status(f"{child.name} removed.")

    @staticmethod
    def _years_before(day: date, years: int) -> date:
        """The same day `years` earlier (28 February for 29 February in a year that has none)."""
        try:
            return day.replace(year=day.year - years)
        except ValueError:
            return day.replace(year=day.year - years, day=28)
