"""The evidence, said the same way on the screen and in the report: how a topic's accounts compare,
and who said what, quoted exactly as recorded."""

from __future__ import annotations

from .case import PerspectiveKind
from .compare import Agreement, Comparison, TopicComparison

SYMBOL = {
    Agreement.AGREE: "=",
    Agreement.DIFFER: "≠",
    Agreement.ONE_SIDE: "◐",
    Agreement.WORDS_ONLY: "✎",
    Agreement.NOT_ASKED: "–",
    Agreement.NO_ANSWER: "○",
}


def agreement_text(agreement: Agreement) -> str:
    """'≠ Differ — not a finding', '= Agree', '✎ Answered in words only' ..."""
    return f"{SYMBOL[agreement]} {agreement.label}"


def topic_at(tc: TopicComparison) -> str:
    """'Lunch at school (At school)'; the stage alone where the topic is named after it."""
    return tc.topic.title if tc.topic.title == tc.stage.title else f"{tc.topic.title} ({tc.stage.title})"


def quoted(text: str) -> str:
    return f"“{text}”"


def evidence_text(topics: list[TopicComparison], comparison: Comparison) -> str:
    """Who said what on some topics (those about one type of neglect, say), differences marked in
    words, everyone's words quoted exactly as recorded."""
    lines: list[str] = []
    for tc in topics:
        if tc.agreement is Agreement.NO_ANSWER:
            continue
        lines.append(f"{tc.topic.title} ({tc.stage.title}): {agreement_text(tc.agreement)}")
        for m in tc.compared:
            given = [f"{voice}: {m.shown(voice)}" for voice, value in m.values.items() if value]
            lines.append(f"   {m.label}: " + "; ".join(given) + f"  [{m.mark}]")
        for voice in comparison.voices:
            answer = tc.answers.get(voice.label)
            if answer is None:
                continue
            if answer.not_asked is not None:
                lines.append(f"   {voice.label}: not asked ({answer.not_asked})" if answer.not_asked
                             else f"   {voice.label}: not asked")
            if answer.text:
                said = "said" if voice.kind is not PerspectiveKind.PROFESSIONAL else "noted"
                lines.append(f"   {voice.label} {said}: {quoted(answer.text)}")
        lines.append("")
    return "\n".join(lines).strip()
