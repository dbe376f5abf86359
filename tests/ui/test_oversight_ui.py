"""Oversight under the analysis, as a practitioner and then a manager use it: type the analysis, keep a
version with the button, the manager types their name, chooses the outcome, comments, records the
review; what is kept is in the real store for good and the status says where the analysis stands."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dayinlife.oversight import Outcome, Status, status
from dayinlife.store import Store

from .test_analysis_editor import PASSPHRASE, page  # noqa: F401  (the fixture)
from .test_compare_page import cshell  # noqa: F401  (the fixture)


def test_keep_a_version_then_a_manager_returns_it_then_approves_it(qtbot, page, tmp_path, cshell):  # noqa: F811
    p, case, child, ivs = page
    ed, box = p.editor, p.editor.oversight
    assert "A draft: no version has been submitted" in ed.standing.text()
    ed.practitioner.clear()
    case.practitioner = ""
    ed.strengths.setFocus()
    qtbot.keyClicks(ed.strengths, "Jo came to every meeting")
    qtbot.mouseClick(box.keep_button, Qt.MouseButton.LeftButton)
    assert box.message.isVisible() and "Say who wrote the analysis" in box.message.text()
    qtbot.keyClicks(ed.practitioner, "R. Quill, social worker")
    qtbot.mouseClick(box.keep_button, Qt.MouseButton.LeftButton)      # what is typed is saved, then kept
    assert not box.message.isVisible()
    assert "A draft awaiting a manager's review. Version 1 was submitted" in ed.standing.text()
    assert "Version 1, submitted" in box.history.text() and "by R. Quill, social worker" in box.history.text()

    # the manager: no outcome chosen is said; then returned with a comment, typed
    box.reviewer.setFocus()
    qtbot.keyClicks(box.reviewer, "Pat Shaw, team manager")
    qtbot.mouseClick(box.review_button, Qt.MouseButton.LeftButton)
    assert "Choose the outcome" in box.message.text()
    qtbot.mouseClick(box.returned, Qt.MouseButton.LeftButton)
    box.comments.setFocus()
    qtbot.keyClicks(box.comments, "Say what the impact on Mia is now.")
    qtbot.mouseClick(box.review_button, Qt.MouseButton.LeftButton)
    assert "returned for more work" in ed.standing.text() and box.comments.toPlainText() == ""
    assert not box.returned.isChecked()

    ed.impact_now.setFocus()
    qtbot.keyClicks(ed.impact_now, "Hungry and tired in class")
    qtbot.mouseClick(box.approved, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box.review_button, Qt.MouseButton.LeftButton)
    assert ed.standing.text().startswith("Approved: version 2")

    with Store.open(tmp_path / "data", PASSPHRASE) as again:
        a = again.load_case(case.id).analyses[child.id]
    assert [v.number for v in a.versions] == [1, 2] and a.versions[1].data["impact_now"] == "Hungry and tired in class"
    assert [(r.version, r.outcome, r.by) for r in a.reviews] == [
        (1, Outcome.RETURNED, "Pat Shaw, team manager"), (2, Outcome.APPROVED, "Pat Shaw, team manager")]
    assert a.reviews[0].comments == "Say what the impact on Mia is now." and status(a) is Status.APPROVED

    # typing in the analysis after approval makes it a draft again, said at the top
    ed.worries.setFocus()
    qtbot.keyClicks(ed.worries, "x")
    ed.saver.flush()
    assert ed.standing.text().startswith("A draft again: version 2 was approved")


def test_what_is_not_written_yet_is_said_to_whoever_submits_or_reviews_it(qtbot, page, cshell):  # noqa: F811
    """A manager approved an analysis whose Emotional, Physical and Supervision read "Not written yet"
    in the report, with nothing said on screen: the box says what has nothing written, and it goes as
    the practitioner writes."""
    from dayinlife.vocab import NeglectType

    p, *_ = page
    ed, box = p.editor, p.editor.oversight
    p.saver.flush()
    assert "Nothing written yet on: " in box.status.text() and "Emotional" in box.status.text()
    emotional = ed.narratives[NeglectType.EMOTIONAL]
    emotional.setFocus()
    qtbot.keyClicks(emotional, "Mia comforts herself at night; nobody comes.")
    p.saver.flush()
    assert "Emotional" not in box.status.text() and "Nothing written yet on: " in box.status.text()
