"""Child mode fits the screen it covers, on every page of every template: a 1024 x 768 laptop or
projector at 150% text gives it 683 x 512. The top line (the stage, "Something worries me",
"Finished") wraps rather than pushing the window off the right of the screen, where the child
would not see the pictures at the end of a row or the Next button."""

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from dayinlife import people
from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.ui import dialogs
from dayinlife.ui.autosave import Autosaver
from tests.ui.test_interview_page import PASS, household, lib, session  # noqa: F401 (fixtures)

WIDTH, HEIGHT = 683, 512  # 1024 x 768 at QT_SCALE_FACTOR=1.5


@pytest.mark.parametrize("template_id", ["preschool", "primary", "teenager", "disabled"])
def test_every_page_fits_a_small_screen_at_large_text(qtbot, session, household, monkeypatch, shipped_look,
                                                      template_id):
    from dayinlife.ui.child_mode import ChildModeWindow

    shipped_look("default", False)
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), template_id, date(2026, 11, 20))
    monkeypatch.setattr(dialogs, "ASK", lambda *a, **k: None)
    window = ChildModeWindow(session, Autosaver(session), child, iv, session.template_for(household, iv),
                             named=tuple(people.choices(household, child)), case=household)
    try:
        window.resize(WIDTH, HEIGHT)
        window.show()
        qtbot.waitExposed(window)
        too_wide = {}
        for index in range(len(window.pages)):
            window.go(index)
            QApplication.processEvents()
            wanted = window.minimumSizeHint().width()
            if wanted > WIDTH or window.width() > WIDTH:
                too_wide[f"{window.where.text()} ({window.part})"] = max(wanted, window.width())
        assert not too_wide
    finally:
        window.leave()
        window.deleteLater()


@pytest.mark.parametrize("template_id", ["teenager", "disabled"])
def test_the_interview_page_of_a_child_fits_too(qtbot, session, household, shipped_look, template_id):
    """The practitioner's page before the hand-over: its buttons ("Hand over the laptop…" for a
    teenager) take a second line rather than push Next off the right of the screen."""
    from tests.ui.test_interview_page import page_for

    shipped_look("default", False)
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), template_id, date(2026, 11, 20))
    page, *_ = page_for(qtbot, session, household, child, iv)
    page.resize(WIDTH, HEIGHT - 120)  # less the menu, the toolbar and the demo banner
    QApplication.processEvents()
    assert page.minimumSizeHint().width() <= WIDTH
    assert page.next_button.isVisible()
    right = page.next_button.mapTo(page, page.next_button.rect().topRight()).x()
    assert right <= page.width()
