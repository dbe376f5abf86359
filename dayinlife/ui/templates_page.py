"""The interview templates: every template, its stages and topics, and any broken template's problems."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..template_loader import TemplateLibrary
from ..template_model import Template, Topic
from .forms import child, load_form, register_form

SAMPLE_NAME = "Sam"

register_form("templates_page.ui", {
    "headingLabel": QLabel, "introLabel": QLabel, "splitter": QSplitter, "detailSplitter": QSplitter,
    "templateTable": QTableWidget, "stageTree": QTreeWidget, "topicView": QTextBrowser,
    "problemsBox": QGroupBox, "problemList": QListWidget,
})  # how prompts are shown before there is a real child


class TemplatesPage(QWidget):
    def __init__(self, library: TemplateLibrary, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.templates: list[Template] = library.ordered()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = load_form("templates_page.ui", self)
        layout.addWidget(self.page)

        self.table: QTableWidget = child(self.page, "templateTable", QTableWidget)
        self.tree: QTreeWidget = child(self.page, "stageTree", QTreeWidget)
        self.topic_view: QTextBrowser = child(self.page, "topicView", QTextBrowser)
        self.problems_box: QGroupBox = child(self.page, "problemsBox", QGroupBox)
        self.problem_list: QListWidget = child(self.page, "problemList", QListWidget)
        heading = self.page.findChild(QWidget, "headingLabel")
        heading.setProperty("role", "heading")

        self._fill_table()
        self._fill_problems()
        child(self.page, "splitter", QSplitter).setSizes([230, 470])
        child(self.page, "detailSplitter", QSplitter).setSizes([520, 480])
        self.table.itemSelectionChanged.connect(self._template_chosen)
        self.tree.currentItemChanged.connect(self._topic_chosen)
        self.setTabOrder(self.table, self.tree)
        self.setTabOrder(self.tree, self.topic_view)
        if self.templates:
            self.table.selectRow(0)
        self.table.setFocus()
        self.summary = (f"{len(self.templates)} templates ready"
                        + (f"; {len(library.broken_files)} could not be loaded" if library.broken_files else ""))

    # ------------------------------------------------------------------ filling

    def _fill_table(self) -> None:
        headers = ["Template", "Suits", "Stages", "Topics", "Status"]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.templates))
        for row, t in enumerate(self.templates):
            values = [t.title, t.suits.describe(), str(len(t.stages)), str(t.topic_count),
                      "Approved" if t.review.approved else "Draft: not yet approved for use"]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(t.summary)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.resizeRowsToContents()

    def _fill_problems(self) -> None:
        self.problem_list.clear()
        for problem in self.library.problems:
            self.problem_list.addItem(str(problem))
        self.problems_box.setVisible(bool(self.library.problems))

    def _template_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.tree.clear()
        self.topic_view.clear()
        if not rows:
            return
        template = self.templates[rows[0].row()]
        self.tree.setHeaderLabels(["Stage and topic", "Neglect types"])
        for stage in template.stages:
            stage_item = QTreeWidgetItem([stage.title, ""])
            stage_item.setToolTip(0, stage.title)
            stage_item.setData(0, Qt.ItemDataRole.UserRole, None)
            font = stage_item.font(0)
            font.setBold(True)
            stage_item.setFont(0, font)
            for topic in stage.topics:
                item = QTreeWidgetItem([topic.title, ", ".join(n.short_label for n in topic.neglect)])
                item.setToolTip(0, topic.title)
                item.setToolTip(1, ", ".join(n.label for n in topic.neglect))
                item.setData(0, Qt.ItemDataRole.UserRole, (template.id, topic.key))
                stage_item.addChild(item)
            self.tree.addTopLevelItem(stage_item)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.tree.fontMetrics().horizontalAdvance("Supervision, Emotional") + 16)
        self.topic_view.setHtml(self._template_html(template))

    def _topic_chosen(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        ref = current.data(0, Qt.ItemDataRole.UserRole)
        if not ref:
            return
        template = self.library.get(ref[0])
        self.topic_view.setHtml(self._topic_html(template, template.topic(ref[1])))

    # ------------------------------------------------------------------ text

    @staticmethod
    def _template_html(t: Template) -> str:
        return (f"<h2>{escape(t.title)}</h2><p>{escape(t.summary)}</p>"
                f"<p><b>Suits:</b> {escape(t.suits.describe())}<br><b>Version:</b> {escape(t.version)}"
                f"<br><b>Stages:</b> {len(t.stages)}, <b>topics:</b> {t.topic_count}"
                f"<br><b>Status:</b> {escape(t.review.label)}</p>"
                f"<p>Choose a topic on the left to see its prompts.</p>")

    @staticmethod
    def _topic_html(t: Template, topic: Topic) -> str:
        def render(source: str) -> str:
            return escape(t.render(source, SAMPLE_NAME)) if source else ""

        parts = [f"<h2>{escape(topic.title)}</h2>",
                 f"<p><i>Shown for a child called {SAMPLE_NAME}.</i></p>",
                 f"<h3>The child</h3><p>{render(topic.child)}</p>"]
        if topic.observe:
            parts.append(f"<h3>What to observe</h3><p>{render(topic.observe)}</p>")
        parts.append(f"<h3>Each parent or carer</h3><p>{render(topic.parent)}</p>")
        if topic.parent_own:
            parts.append(f"<p><b>Their own day:</b> {render(topic.parent_own)}</p>")
        if topic.parent_impact:
            parts.append(f"<p><b>How it affects the child:</b> {render(topic.parent_impact)}</p>")
        parts.append(f"<h3>What a professional looks for</h3><p>{render(topic.professional)}</p>"
                     f"<p><b>Who may know:</b> {escape(', '.join(topic.agencies))}</p>")
        if topic.measures:
            items = "".join(f"<li>{render(m.label)} <i>({escape(t.scales[m.scale].title.lower())})</i></li>"
                            for m in topic.measures)
            parts.append(f"<h3>Compared across everyone</h3><ul>{items}</ul>")
        parts.append("<h3>Tags</h3><p>" + escape(", ".join(n.label for n in topic.neglect)) + "<br>"
                     + escape(", ".join(topic.framework)) + "</p>")
        return "".join(parts)
