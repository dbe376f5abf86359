"""Management oversight, under the analysis: where it stands, each version kept and each review, the
practitioner's "Keep this version for review", and the manager's review (who, comments, approved or
returned). What is kept cannot be changed or deleted afterwards; the box says so. Every change is a
Session method (keep_version, record_review)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..dates import full_time
from ..oversight import Outcome, status_words, unwritten
from ..session import StoreError
from .announce import show_status
from .case_tables import titled
from .widgets import plain_label, text_box


class OversightBox(QGroupBox):
    """`show_analysis(case, child, analysis)` fills it; `before_keeping` is called first (the editor saves what
    is typed); `kept` is emitted after a version or review is on record."""

    kept = Signal()

    def __init__(self, shell, parent: QWidget | None = None):
        super().__init__(parent)
        titled(self, "Management oversight")
        self.setObjectName("oversightBox")
        self.shell = shell
        self.case = self.child_ = self.analysis = None
        self.before_keeping = lambda: None
        column = QVBoxLayout(self)
        self.status = plain_label("")
        self.status.setObjectName("oversightStatus")
        self.status.setAccessibleName("Where the analysis stands")
        column.addWidget(self.status)
        self.history = plain_label("")
        self.history.setObjectName("oversightHistory")
        column.addWidget(self.history)
        column.addWidget(plain_label(
            "When the analysis is ready for your manager, submit a version: it is kept for good as it stands, "
            "with who wrote it and when. A review is kept for good too. Until a manager approves the analysis as it "
            "stands, the report says DRAFT on every page."))
        self.keep_button = QPushButton("Sub&mit this version for review")
        self.keep_button.setObjectName("keepVersionButton")
        self.keep_button.setAccessibleDescription("Keeps the analysis as it stands for a manager's review; the "
                                                  "version cannot be changed or deleted afterwards")
        bar = QHBoxLayout()
        bar.addWidget(self.keep_button)
        bar.addStretch(1)
        column.addLayout(bar)

        review = QGroupBox()
        titled(review, "A manager's review")
        review.setObjectName("reviewBox")
        form = QFormLayout(review)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.reviewer = QLineEdit()
        self.reviewer.setObjectName("reviewer")
        self.reviewer.setPlaceholderText("Your name and role, for example Pat Shaw, team manager")
        self.reviewer.setAccessibleName("Reviewed by")
        self.reviewer.setAccessibleDescription("The manager's name and role, kept with the review")
        form.addRow("Reviewed b&y:", self.reviewer)
        outcome = QWidget()
        outcome.setAccessibleName("The outcome of the review")
        row = QHBoxLayout(outcome)
        row.setContentsMargins(0, 0, 0, 0)
        self.approved = QRadioButton(Outcome.APPROVED.label)
        self.approved.setObjectName("approvedRadio")
        self.returned = QRadioButton(Outcome.RETURNED.label)
        self.returned.setObjectName("returnedRadio")
        self.approved.setAccessibleDescription("The analysis as it stands is approved: the report is no longer "
                                               "a draft")
        self.returned.setAccessibleDescription("The analysis goes back to the practitioner: the report stays a "
                                               "draft")
        row.addWidget(self.approved)
        row.addWidget(self.returned)
        row.addStretch(1)
        form.addRow("Outcome:", outcome)
        self.comments = text_box("The reviewer's comments", "What is good, what is missing, what needs to happen "
                                 "next; kept with the review", 3)
        self.comments.setObjectName("reviewComments")
        form.addRow("C&omments:", self.comments)
        self.review_button = QPushButton("Record th&e review")
        self.review_button.setObjectName("recordReviewButton")
        self.review_button.setAccessibleDescription("Keeps the review, with the analysis as it stands; it cannot be "
                                                    "changed or deleted afterwards")
        form.addRow("", self.review_button)
        column.addWidget(review)
        self.message = QLabel()
        self.message.setObjectName("oversightMessage")
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setVisible(False)
        column.addWidget(self.message)
        self.keep_button.clicked.connect(self.keep_version)
        self.review_button.clicked.connect(self.record_review)

    # ------------------------------------------------------------------ showing

    def show_analysis(self, case, child, analysis) -> None:
        self.case, self.child_, self.analysis = case, child, analysis
        self.message.setVisible(False)
        self.refresh()

    def refresh(self) -> None:
        a = self.analysis
        missing = unwritten(a)
        self.status.setText((status_words(a, full_time) if a is not None else "")
                            + (f"\nNothing written yet on: {', '.join(missing)}." if a is not None and missing else ""))
        if a is None or not (a.versions or a.reviews):
            self.history.setText("Nothing submitted for review yet.")
            return
        lines = [(v.at, f"Version {v.number}, submitted {full_time(v.at)}" + (f" by {v.by}" if v.by else ""))
                 for v in a.versions]
        lines += [(r.at, f"Review of version {r.version}: {r.outcome.label.lower()}, by {r.by}, {full_time(r.at)}"
                   + (f": “{r.comments}”" if r.comments else "")) for r in a.reviews]
        self.history.setText("\n".join(text for _at, text in sorted(lines, key=lambda x: x[0])))

    def clear(self) -> None:
        self.case = self.child_ = self.analysis = None
        self.status.clear()
        self.history.clear()
        self.reviewer.clear()
        self.comments.clear()

    # ------------------------------------------------------------------ keeping

    def keep_version(self) -> None:
        if self.case is None:
            return
        self.before_keeping()
        try:
            version = self.shell.session.keep_version(self.case, self.child_)
        except ValueError as exc:
            return self._say(str(exc), self.keep_button)
        except StoreError as exc:
            return self._say(f"Not kept: {exc}", self.keep_button)
        self.message.setVisible(False)
        self.refresh()
        self.shell.set_status(f"Version {version.number} of the analysis submitted for review.")
        self.kept.emit()

    def record_review(self) -> None:
        if self.case is None:
            return
        outcome = Outcome.APPROVED if self.approved.isChecked() else Outcome.RETURNED if self.returned.isChecked() \
            else None
        if outcome is None:
            return self._say("Choose the outcome: approved, or returned for more work.", self.approved)
        self.before_keeping()
        try:
            review = self.shell.session.record_review(self.case, self.child_, self.reviewer.text(), outcome,
                                                      self.comments.toPlainText())
        except ValueError as exc:
            return self._say(str(exc), self.reviewer if "who reviewed" in str(exc) else self.review_button)
        except StoreError as exc:
            return self._say(f"Not kept: {exc}", self.review_button)
        self.message.setVisible(False)
        self.comments.clear()
        for radio in (self.approved, self.returned):
            radio.setAutoExclusive(False)
            radio.setChecked(False)
            radio.setAutoExclusive(True)
        self.refresh()
        self.shell.set_status(f"Review of version {review.version} kept: {review.outcome.label.lower()}.")
        self.kept.emit()

    def _say(self, text: str, field: QWidget) -> None:
        self.message.setVisible(True)
        field.setFocus()
        show_status(self.message, text, repeat=True)
