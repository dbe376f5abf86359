"""The case page's parents and carers: the table, and adding, editing and removing one
(a part of CasePage, in case_page.py: it uses the page's widgets and its shell)."""

from __future__ import annotations



from ..case import Adult, AdultRole
from ..voices import in_brackets, role_text
from ..wording import plural
from . import dialogs
from .case_tables import select_id, selected_id, set_row, titled


class AdultsSection:
    """Mixed into CasePage."""

    def selected_adult(self) -> Adult | None:
        adult_id = selected_id(self.adult_table)
        if self.case is None or adult_id is None:
            return None
        try:
            return self.case.adult(adult_id)
        except KeyError:
            return None

    def _fill_adults(self, select: str | None = None) -> None:
        keep = select or selected_id(self.adult_table)
        table = self.adult_table
        table.setRowCount(len(self.case.adults))
        for row, adult in enumerate(self.case.adults):
            set_row(table, row, adult.id, [adult.name, role_text(adult)])
        select_id(table, keep)
        if table.rowCount() and not table.selectionModel().selectedRows():
            table.selectRow(0)
        table.setVisible(bool(self.case.adults))
        self.no_adults_label.setVisible(not self.case.adults)
        self._update_buttons()

    def add_adult(self) -> None:
        self._open_panel(self.adult_panel, self.adult_name_edit)
        titled(self.adult_panel, "Add a parent or carer")
        self.adult_name_edit.clear()
        self.adult_role_combo.setCurrentIndex(0)
        self.adult_detail_edit.clear()
        self.adult_message.setVisible(False)
        self._show_role_detail()

    def edit_adult(self) -> None:
        adult = self.selected_adult()
        if adult is None:
            return
        self._open_panel(self.adult_panel, self.adult_name_edit)
        self._editing_adult = adult
        titled(self.adult_panel, f"Edit {adult.name}")
        self.adult_name_edit.setText(adult.name)
        self.adult_role_combo.setCurrentIndex(self.adult_role_combo.findData(adult.role.value))
        self.adult_detail_edit.setText(adult.role_detail)
        self.adult_message.setVisible(False)
        self._show_role_detail()

    def _show_role_detail(self) -> None:
        other = self.adult_role_combo.currentData() == AdultRole.OTHER.value
        if self.adult_form_layout is not None:
            self.adult_form_layout.setRowVisible(self.adult_detail_edit, other)

    def _save_adult(self) -> None:
        name = self.adult_name_edit.text().strip()
        role = AdultRole(self.adult_role_combo.currentData())
        detail = self.adult_detail_edit.text().strip() if role is AdultRole.OTHER else ""
        if not name:
            self._problem(self.adult_message, self.adult_name_edit, "Give the adult's name.")
            return
        if role is AdultRole.OTHER and not detail:
            self._problem(self.adult_message, self.adult_detail_edit,
                          "Say which role, for example aunt or mum's partner.")
            return
        editing = self._editing_adult
        session = self.shell.session
        if editing is None:
            ok, adult = self._apply(lambda: session.add_adult(self.case, name, role, detail))
        else:
            adult = editing
            ok, _ = self._apply(lambda: session.update_adult(self.case, editing, name, role, detail))
        if not ok:
            return
        self._hide_panels()
        self._fill_adults(select=adult.id)
        self._fill_interviews()  # the adult's name shows in the interviews they gave
        self.adult_table.setFocus()
        self.shell.set_status(f"{name} {'added' if editing is None else 'saved'}.")

    def remove_adult(self) -> None:
        adult = self.selected_adult()
        if adult is None:
            return
        given = [iv for c in self.case.children for iv in c.interviews if iv.perspective.adult_id == adult.id]
        if given:
            answers = sum(len(iv.answers) for iv in given)
            text = (f"Remove {adult.name} ({in_brackets(role_text(adult))}) from the household? "
                    f"The {plural(len(given), 'interview')} {adult.name} gave, with "
                    f"{plural(answers, 'recorded answer')}, will be deleted for good. This cannot be undone.")
            if not dialogs.confirm(self, "Remove a parent or carer", text,
                                   ok_label=f"Remove and delete {plural(len(given), 'interview')}"):
                return
        row = self.adult_table.currentRow()
        ok, _ = self._apply(lambda: self.shell.session.remove_adult(self.case, adult))
        if not ok:
            return
        self._hide_panels()
        self._fill_adults()
        if self.case.adults:
            self.adult_table.selectRow(min(max(row, 0), len(self.case.adults) - 1))
            self.adult_table.setFocus()
        else:
            self.add_adult_button.setFocus()
        self._fill_interviews()
        self.shell.set_status(f"{adult.name} removed" + (f", with {plural(len(given), 'interview')}." if given
                                                         else "."))
