"""Easy read for a parent or carer: the parent's interview in the large mode with pictures, each
question in short plain sentences, answered by a tap and a few words, and saved as the parent's
ordinary answers (so compare and the report read them as always). Nothing of the child's is there."""

from datetime import date

from PySide6.QtCore import Qt

from dayinlife.case import Perspective, PerspectiveKind
from dayinlife.interview import easy_read_prompts, hand_over_words, topic_prompts
from dayinlife.ui.faces import FeelingsFaces
from tests.ui.test_worries_ui import PASS, asked, family, lib, window  # noqa: F401 (fixtures)


def sentences(text: str) -> list[str]:
    return [s for s in text.replace("?", ".").split(".") if s.strip()]


def test_every_topic_is_put_in_short_sentences(lib):
    from dayinlife.case import Child

    kit = Child("Kit Fictional", date_of_birth=date(2019, 5, 5), known_as="Kit")
    for template in lib.templates.values():
        for topic in template.topics():
            if not topic.asked_of(PerspectiveKind.PARENT):
                continue
            easy = easy_read_prompts(template, topic, kit)
            usual = topic_prompts(template, topic, PerspectiveKind.PARENT, kit)
            for text in (easy.question, easy.own_day, easy.impact, easy.feeling_question, easy.better_question):
                assert all(len(s.split()) <= 15 for s in sentences(text))  # easy read: short sentences, (template.id, topic.key, text)
            assert [m.id for m in easy.measures] == [m.id for m in usual.measures]  # the same answers
            assert bool(easy.own_day) == bool(usual.own_day) and bool(easy.impact) == bool(usual.impact)


def test_a_parent_answers_in_easy_read_and_it_is_their_ordinary_answer(qtbot, window, asked):
    case, child, kid, mum = family(window)
    assert hand_over_words(child, mum, window.session.template_for(case, mum))[0] == "Easy read, with pictures…"
    window.open_interview(case, child, mum)
    qtbot.mouseClick(window.interview_page.child_mode_button, Qt.MouseButton.LeftButton)
    screen = window.child_window
    assert screen.easy and screen.question.text() == "Let's talk about getting up. What happens? Who is there?"
    assert not screen.sort_button.isVisible() and not screen.draw_button.isVisible()
    assert not screen.worry_button.isVisible()
    qtbot.keyClicks(screen.words, "I get him up at seven")
    assert screen.own_box.isVisible() and screen.own_label.text() == "What are you doing at this time?"
    qtbot.mouseClick(screen.own_box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.own_box, "Getting ready for work")
    routine = screen.measure_groups["regular"]
    assert isinstance(routine, FeelingsFaces)  # the pictures, as the child sees them
    qtbot.mouseClick(routine.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)  # how the child feels
    assert screen.feeling_label.text() == "How do you think Jay feels at this time?"
    labels = [b.label for b in screen.faces.buttons]
    scale = window.session.template_for(case, mum).feelings
    assert labels == [o.label for o in scale.options]  # the adults' words for the faces
    qtbot.mouseClick(screen.faces.buttons[1], Qt.MouseButton.LeftButton)
    screen.ask_to_leave()
    saved = window.session.store.load_case(case.id).children[0].interview(mum.id).answers["getting_up"]
    assert saved.text == "I get him up at seven" and saved.own_day == "Getting ready for work"
    assert saved.measures["regular"] == routine.buttons[0].value and saved.feeling == scale.options[1].value
    assert saved.sort == "" and not window.session.store.load_case(case.id).children[0].interview(mum.id).drawings
