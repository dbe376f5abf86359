"""Answers kept apart: what a person said that another member of the family must not see.

Two things make an answer sensitive:
- its topic is asked only when the person is seen on their own (`seen_alone = true` in the
  template: "Safe to talk", about domestic abuse, for example), so every answer to it is;
- the practitioner marked it sensitive (`Answer.sensitive`), on any topic.

A sensitive answer is never shown on a screen another family member may see: it is folded away in
the interview until the practitioner opens it, child mode does not show it again, and it is left
out of every joint view (comparing, feelings, change over time, the evidence under each type of
neglect). A report has it only in its section for professionals, and only when the practitioner
chooses; an anonymised report never has it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case import Answer, Disclosure, Interview
from .template_model import Stage, Template, Topic

# How a kept-out answer shows in a joint view: it was given, and it is not shown here.
KEPT_OUT = "Kept out: sensitive"
KEPT_OUT_WHY = ("Kept out of this view: marked sensitive, or given when seen on their own. It is in the "
                "interview itself, and in a report only in its section for professionals, when chosen.")
# Said in every report, whether or not anything is kept out, so a report never shows that there is.
REPORT_NOTE = ("Answers marked sensitive, answers to questions asked only when someone was seen on their "
               "own, and anything disclosed are left out of the accounts and comparisons in this report.")
SECTION_TITLE = "For professionals only: sensitive answers and disclosures"
SECTION_WARNING = ("Not to be shared with the family or anyone outside the professionals working with "
                   "it. To share the report, make the copy without this section (never this one with "
                   "these pages taken out). Do not put what is here to "
                   "another family member, and never reveal what a child said, until you have judged "
                   "it safe and agreed it with your manager.")


def is_sensitive(topic: Topic | None, answer: Answer | None) -> bool:
    """Whether `answer` is kept apart: marked sensitive, or given to a topic asked only when seen alone."""
    if answer is None or answer.is_empty:
        return False
    return answer.sensitive or bool(topic is not None and topic.seen_alone)


@dataclass(frozen=True)
class KeptAnswer:
    stage: Stage
    topic: Topic
    answer: Answer


def kept_answers(template: Template, interview: Interview) -> list[KeptAnswer]:
    """The interview's sensitive answers, in the template's order."""
    return [KeptAnswer(stage, topic, interview.answers[topic.key])
            for stage in template.stages for topic in stage.topics
            if is_sensitive(topic, interview.answers.get(topic.key))]


def disclosures(interview: Interview) -> list[Disclosure]:
    return sorted(interview.disclosures, key=lambda d: d.at)
