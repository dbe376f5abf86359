from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from dayinlife.ui.cases import CaseListPage
from tests.ui.test_cases import shell, store  # noqa

def test_dbg(qtbot, shell):
    page = CaseListPage(shell)
    qtbot.addWidget(page)
    page.show()
    print("shown", QApplication.activeWindow(), page.windowHandle(), page.isWindow())
    page.activateWindow()
    QApplication.processEvents()
    print("act", QApplication.activeWindow(), QApplication.focusWidget())
    qtbot.waitActive(page)
    qtbot.wait(50)
    print("active", QApplication.activeWindow(), QApplication.focusWidget(), QApplication.topLevelWidgets())
    assert 0
