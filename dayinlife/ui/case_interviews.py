"""The case page's interviews about the chosen child: the list, and starting, continuing and
comparing them (a part of CasePage, in case_page.py: it uses the page's widgets and its shell)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from .. import dates
from ..case import Interview, Perspective, PerspectiveKind
from ..dates import DateRule, uk_date, uk_dates_in
from ..interview import overall_progress
from ..session import StoreError
from ..voices import in_brackets, role_text, who
from .case_tables import fit_rows_now, select_id, selected_id, set_row, titled


PROFESSIONAL_LABEL = "Professional observation and agency information"
# Offered for "who gave the account" (any other may be typed); each source is its own voice when compared.
PROFESSIONAL_SOURCES = ("School", "Nursery or pre-school", "Health visitor", "School nurse", "GP", "Midwife",
                        "Educational psychologist", "Paediatrician", "Speech and language therapist",
                        "Child and adolescent mental health service", "Police", "Youth worker",
                        "My own observation")


class InterviewsSection:
    """Mixed into CasePage."""

    def selected_interview(self) -> Interview | None:
        child = self.selected_child()
        interview_id = selected_id(self.interview_table)
        if child is None or interview_id is None:
            return None
        try:
            return child.interview(interview_id)
        except KeyError:
            return None

    def _fill_interviews(self) -> None:
        child = self.selected_child()
        table = self.interview_table
        self.interviews_box.setVisible(child is not None)
        if child is None:
            table.setRowCount(0)
            self._update_buttons()
            return
        self.interviews_box.setTitle(f"Interviews about {child.name}")
        self.interviews_box.setAccessibleName(f"Interviews about {child.name}")
        suggestion = self.shell.session.suggest(child)
        if suggestion is not None:
            title = self.shell.session.library.get(suggestion.template_id).title
            why = suggestion.reason.removeprefix(f"{title}: ")
            self.suggestion_label.setText(f"Suggested template: {title}, because {uk_dates_in(why)}. "
                                          f"You may choose another when you start an interview.")
        else:
            self.suggestion_label.setText("No template suits this child's age: choose one when you start "
                                          "an interview.")
        keep = selected_id(table)
        table.setRowCount(len(child.interviews))
        for row, iv in enumerate(child.interviews):
            try:
                template = self.shell.session.template_for(self.case, iv)
                answered, total = overall_progress(template, iv, child)
                template_text = f"{template.title} (version {template.version})"
                progress = f"{answered} of {total} answered"
            except StoreError:
                template_text = f"{iv.template.id} (version {iv.template.version}): no longer available"
                progress = "Unknown"
            whose = who(iv, self.case, child)
            set_row(table, row, iv.id, [whose, uk_date(iv.held_on), template_text, progress])
        select_id(table, keep)
        if table.rowCount() and not table.selectionModel().selectedRows():
            table.selectRow(table.rowCount() - 1)
        fit_rows_now(table)
        table.setVisible(bool(child.interviews))
        self.no_interviews_label.setText(f"No interviews about {child.called or child.name} yet.")
        self.no_interviews_label.setVisible(not child.interviews)
        self.start_interview_button.setAccessibleName(f"Start an interview about {child.name}")
        self.compare_button.setAccessibleName(f"Compare and analyse the interviews about {child.name}")
        self._update_buttons()

    def open_start_panel(self) -> None:
        child = self.selected_child()
        if child is None:
            return
        self._open_panel(self.start_panel, self.perspective_combo)
        titled(self.start_panel, f"Start an interview about {child.name}")
        combo = self.perspective_combo
        combo.clear()
        combo.addItem(f"The child ({child.called})" if child.called else "The child", (PerspectiveKind.CHILD.value, None))
        for adult in self.case.adults:
            combo.addItem(f"{adult.name} ({in_brackets(role_text(adult))})", (PerspectiveKind.PARENT.value, adult.id))
        combo.addItem(PROFESSIONAL_LABEL, (PerspectiveKind.PROFESSIONAL.value, None))
        combo.setCurrentIndex(0)

        suggestion = self.shell.session.suggest(child)
        templates = self.template_combo
        templates.clear()
        for t in self.shell.session.library.ordered():
            suggested = suggestion is not None and t.id == suggestion.template_id
            status = "" if t.review.approved else " — draft"
            templates.addItem(f"{t.title} (suggested){status}" if suggested else f"{t.title}{status}", t.id)
            if suggested:
                templates.setCurrentIndex(templates.count() - 1)
                templates.setItemData(templates.count() - 1, uk_dates_in(suggestion.reason),
                                      Qt.ItemDataRole.ToolTipRole)
        today = dates.today()
        earliest = today - timedelta(days=730)
        self.held_on_edit.rule = DateRule(
            earliest, today,
            too_early=f"That is more than two years ago (before {uk_date(earliest)}): check the year.",
            too_late="An interview cannot be held in the future: give the day it took place.")
        self.held_on_edit.set_date(today)
        for edit in (self.place_edit, self.present_edit, self.interpreter_edit):
            edit.clear()
        self.source_combo.setCurrentIndex(-1)
        self.source_combo.setEditText("")
        self.interpreter_check.setChecked(False)
        self.start_message.setVisible(False)
        self._show_interpreter()
        self._show_source()
        self._show_template_status()

    def _show_template_status(self) -> None:
        """Say, under the choice of template, when it is still a draft."""
        template_id = self.template_combo.currentData()
        template = self.shell.session.library.templates.get(template_id) if template_id else None
        draft = template is not None and not template.review.approved
        self.template_status.setText(
            "This template is a draft: your safeguarding partnership has not yet approved it for use with "
            "families. Check with your manager before using it." if draft else "")
        if self.start_form_layout is not None:
            self.start_form_layout.setRowVisible(self.template_status, draft)

    def _show_source(self) -> None:
        data = self.perspective_combo.currentData()
        professional = data is not None and data[0] == PerspectiveKind.PROFESSIONAL.value
        if self.start_form_layout is not None:
            self.start_form_layout.setRowVisible(self.source_combo, professional)

    def _show_interpreter(self) -> None:
        used = self.interpreter_check.isChecked()
        if self.start_form_layout is not None:
            self.start_form_layout.setRowVisible(self.interpreter_edit, used)
        if used:
            self.interpreter_edit.setFocus()

    def _start_interview(self) -> None:
        child = self.selected_child()
        if child is None or not self.start_panel.isVisible():
            return
        kind, adult_id = self.perspective_combo.currentData()
        template_id = self.template_combo.currentData()
        interpreter = self.interpreter_edit.text().strip() if self.interpreter_check.isChecked() else ""
        if self.interpreter_check.isChecked() and not interpreter:
            self._problem(self.start_message, self.interpreter_edit,
                          "Say which language, and who interpreted (or untick the interpreter box).")
            return
        if template_id is None:
            self._problem(self.start_message, self.template_combo, "Choose a template.")
            return
        source = " ".join(self.source_combo.currentText().split()) if kind == PerspectiveKind.PROFESSIONAL.value else ""
        if kind == PerspectiveKind.PROFESSIONAL.value and not source:
            self._problem(self.start_message, self.source_combo,
                          "Say who gave this account, for example School or Health visitor: each one is set "
                          "side by side as its own account.")
            return
        if not self.held_on_edit.check():
            self.start_message.setVisible(False)
            self.held_on_edit.setFocus()
            self.held_on_edit.selectAll()
            return
        held_on = self.held_on_edit.date()
        perspective = Perspective(PerspectiveKind(kind), adult_id)
        ok, interview = self._apply(lambda: self.shell.session.start_interview(
            self.case, child, perspective, template_id, held_on,
            place=self.place_edit.text().strip(), present=self.present_edit.text().strip(),
            interpreter=interpreter, source=source))
        if not ok:
            return
        self._hide_panels()
        self._fill_interviews()
        self.shell.open_interview(self.case, child, interview)

    def continue_interview(self) -> None:
        child, interview = self.selected_child(), self.selected_interview()
        if child is not None and interview is not None:
            self.shell.open_interview(self.case, child, interview)

    def open_compare(self) -> None:
        child = self.selected_child()
        if child is not None and child.interviews:
            self.shell.open_compare(self.case, child)
