"""The templates page shows every template, its stages and topics, and any broken template's problems."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit

from dayinlife.template_loader import load_library
from dayinlife.ui.templates_page import TemplatesPage
from tests.ui.a11y import gaps


def make_window(qtbot, library):
    window = TemplatesPage(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_lists_all_six_templates(qtbot, library):
    window = make_window(qtbot, library)
    titles = [window.table.item(r, 0).text() for r in range(window.table.rowCount())]
    assert len(titles) == 6
    assert titles[0].startswith("Pre-birth") and titles[-1].startswith("Disabled")
    assert not window.problems_box.isVisible()
    assert window.summary == "6 templates ready"


def test_choosing_a_template_shows_its_stages_and_topics(qtbot, library):
    window = make_window(qtbot, library)
    row = [t.id for t in window.templates].index("teenager")
    window.table.selectRow(row)
    teen = library.get("teenager")
    assert window.tree.topLevelItemCount() == len(teen.stages)
    first_stage = window.tree.topLevelItem(0)
    assert first_stage.text(0) == teen.stages[0].title
    assert first_stage.childCount() == len(teen.stages[0].topics)
    window.tree.setCurrentItem(first_stage.child(0))
    shown = window.topic_view.toPlainText()
    topic = teen.stages[0].topics[0]
    assert teen.render(topic.child, "Sam") in shown
    assert teen.render(topic.professional, "Sam") in shown


def test_keyboard_moves_between_templates(qtbot, library):
    window = make_window(qtbot, library)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentRow() == 1
    assert window.tree.topLevelItem(0).text(0) == library.get("baby").stages[0].title


def test_broken_template_is_listed_and_others_still_shown(qtbot, template_folder):
    path = template_folder / "baby.toml"
    path.write_text(path.read_text("utf-8").replace('kind = "day"', 'kind = "morning"', 1), "utf-8")
    window = make_window(qtbot, load_library(template_folder))
    assert window.table.rowCount() == 5
    assert window.problems_box.isVisible()
    problems = [window.problem_list.item(i).text() for i in range(window.problem_list.count())]
    assert any("baby.toml:" in p and "unknown stage kind 'morning'" in p for p in problems)
    assert "1 could not be loaded" in window.summary


def test_interactive_controls_have_accessible_names(qtbot, library):
    window = make_window(qtbot, library)
    from PySide6.QtWidgets import QWidget

    kinds = (QAbstractItemView, QAbstractButton, QLineEdit, QTextEdit)
    controls = [w for w in window.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) >= 3
    unnamed = [w.objectName() or type(w).__name__ for w in controls
               if w.isVisible() and not w.accessibleName()
               and w.parent() is not None and not isinstance(w.parent(), QAbstractItemView)]
    assert not unnamed
    assert gaps(window) == []  # and what a screen reader hears: a name and a description each
