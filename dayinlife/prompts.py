"""Personalised prompt wording, rendered in a Jinja2 sandbox.

Templates are edited by local partnerships, so their wording is treated as untrusted: the
sandbox refuses attribute tricks, and `StrictUndefined` turns a misspelt variable into an error
the validator can report instead of a silent blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.sandbox import SandboxedEnvironment


class PromptError(ValueError):
    """A prompt that cannot be rendered; the message says why in plain words."""


@dataclass(frozen=True)
class Pronouns:
    they: str
    them: str
    their: str
    theirs: str
    themself: str
    plural_verbs: bool  # "they are" / "they wake" rather than "she is" / "she wakes"

    @classmethod
    def named(cls, key: str) -> "Pronouns":
        try:
            return PRONOUN_SETS[key]
        except KeyError:
            raise PromptError(
                f"unknown pronouns {key!r}: use one of {', '.join(PRONOUN_SETS)}"
            ) from None


PRONOUN_SETS = {
    "they": Pronouns("they", "them", "their", "theirs", "themself", True),
    "she": Pronouns("she", "her", "her", "hers", "herself", False),
    "he": Pronouns("he", "him", "his", "his", "himself", False),
}

# Names the validator renders every prompt with: apostrophes, hyphens, accents, other scripts.
SAMPLE_NAMES = ("Maya", "Siobhán O'Neill-Ward", "Zoë", "Łucja", "محمد", "李小龙", "Dafydd ap Rhys")


def prompt_variables(name: str, pronouns: str | Pronouns = "they") -> dict[str, str]:
    """The variables a template prompt may use, filled in for one child."""
    p = pronouns if isinstance(pronouns, Pronouns) else Pronouns.named(pronouns)
    are = "are" if p.plural_verbs else "is"
    have = "have" if p.plural_verbs else "has"
    return {
        "name": name,
        "they": p.they,
        "They": p.they.capitalize(),
        "them": p.them,
        "their": p.their,
        "Their": p.their.capitalize(),
        "theirs": p.theirs,
        "themself": p.themself,
        "they_are": f"{p.they} {are}",
        "They_are": f"{p.they.capitalize()} {are}",
        "they_have": f"{p.they} {have}",
        "They_have": f"{p.they.capitalize()} {have}",
        "s": "" if p.plural_verbs else "s",
    }


VARIABLE_NAMES = frozenset(prompt_variables("x"))


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    # Prompts are plain text, shown in Qt labels and written to Word by python-docx, which
    # escape for themselves; HTML autoescaping here would turn "O'Neill" into "O&#39;Neill".
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=4096)
def _compile(source: str):
    try:
        return _environment().from_string(source)
    except TemplateError as exc:
        raise PromptError(_describe(exc)) from None


def check_prompt(source: str) -> None:
    """Raise PromptError if the wording would fail for any child.

    Only plain `{{ variable }}` placeholders are allowed: editors are not programmers, and a
    filter or a `{% %}` block in a prompt is far more often a slip than an intention.
    """
    _check_plain(source)  # first, on the parsed wording alone: compiling folds constants ("x" * 10**9)
    template = _compile(source)
    for i, name in enumerate(SAMPLE_NAMES):
        pronouns = list(PRONOUN_SETS)[i % len(PRONOUN_SETS)]
        try:
            template.render(prompt_variables(name, pronouns))
        except TemplateError as exc:
            raise PromptError(_describe(exc)) from None


def render_prompt(source: str, name: str, pronouns: str | Pronouns = "they") -> str:
    """The prompt's wording for one child."""
    try:
        return _compile(source).render(prompt_variables(name, pronouns))
    except TemplateError as exc:
        raise PromptError(_describe(exc)) from None


def _check_plain(source: str) -> None:
    try:
        tree = _environment().parse(source)  # parsed, never evaluated
    except TemplateError as exc:
        raise PromptError(_describe(exc)) from None
    leftover = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", source, flags=re.S)
    if "{" in leftover or "}" in leftover:
        raise PromptError("found a single { or }: a placeholder takes two on each side, like {{ name }}")
    for node in tree.find_all(nodes.Node):
        if isinstance(node, (nodes.Template, nodes.Output, nodes.TemplateData)):
            continue
        if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in VARIABLE_NAMES:
            continue
        if isinstance(node, nodes.Name):
            continue  # an unknown name is reported by rendering, with the list of known ones
        what = {
            nodes.Filter: "a filter (|)",
            nodes.Getattr: "a dot after a name",
            nodes.Getitem: "brackets after a name",
            nodes.Call: "a call",
        }.get(type(node), "a {% %} block" if isinstance(node, nodes.Stmt) else "an expression")
        line = f" (line {node.lineno} of the wording)" if node.lineno > 1 else ""
        raise PromptError(
            f"found {what}{line}; the wording may only use plain placeholders like {{{{ name }}}}"
        )


def _describe(exc: TemplateError) -> str:
    message = exc.message or exc.__class__.__name__
    if "is undefined" in message:
        allowed = ", ".join(sorted(VARIABLE_NAMES))
        return f"{message}; the wording may use only: {allowed}"
    line = getattr(exc, "lineno", None)
    return f"{message} (line {line} of the wording)" if line and line > 1 else message
