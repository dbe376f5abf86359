"""Prompt rendering: any name, any pronouns, and a sandbox that lets nothing clever through."""

import pytest

from dayinlife.prompts import PromptError, check_prompt, prompt_variables, render_prompt

NAMES = ["Maya", "Siobhán O'Neill-Ward", "D'Arcy", "Zoë-Lou", "Łucja Wąsik", "محمد", "李小龙",
         "Ngozi {{ name }}", "Ann {% raw %}", "<b>Tom</b> & Jerry", ""]


@pytest.mark.parametrize("name", NAMES)
def test_any_name_is_put_in_as_it_is(name):
    assert render_prompt("Who wakes {{ name }} up?", name) == f"Who wakes {name} up?"
    assert render_prompt("{{ name }}'s breakfast", name) == f"{name}'s breakfast"


def test_pronouns_and_verb_agreement():
    source = "{{ They_are }} up. {{ they }} wake{{ s }} and {{ they_have }} breakfast with {{ their }} mum by {{ themself }}."
    assert render_prompt(source, "Sam", "she") == "She is up. she wakes and she has breakfast with her mum by herself."
    assert render_prompt(source, "Sam", "he") == "He is up. he wakes and he has breakfast with his mum by himself."
    assert render_prompt(source, "Sam", "they") == "They are up. they wake and they have breakfast with their mum by themself."
    assert set(prompt_variables("x")) >= {"name", "they", "them", "their", "theirs", "They", "Their"}


def test_unknown_pronouns_are_refused():
    with pytest.raises(PromptError, match="unknown pronouns"):
        render_prompt("{{ name }}", "Sam", "xe")


@pytest.mark.parametrize("source, words", [
    ("Hello {{ nmae }}", "'nmae' is undefined"),
    ("Hello {{ name", "unexpected end of template"),
    ("{{ name.__class__.__mro__ }}", "dot after a name"),
    ("{{ name|upper }}", "filter"),
    ("{% for i in range(9) %}x{% endfor %}", "{% %} block"),
    ("{{ name['x'] }}", "brackets"),
    ("{{ cycler.__init__.__globals__ }}", "dot after a name"),
    ("{{ lipsum() }}", "call"),
    ("{{ 7 * 7 }}", "an expression"),
])
def test_only_plain_placeholders_are_allowed(source, words):
    with pytest.raises(PromptError, match=None) as caught:
        check_prompt(source)
    assert words in str(caught.value)


def test_rendering_untrusted_attribute_access_is_still_sandboxed():
    # render_prompt does not run check_prompt's strict rules, but the sandbox still refuses
    with pytest.raises(PromptError, match="unsafe"):
        render_prompt("{{ name.__class__ }}", "Sam")


@pytest.mark.parametrize("source", ["Hello { name }", "Hello {{ name }", "Hello name }}", "{name}"])
def test_single_braces_are_caught(source):
    with pytest.raises(PromptError):
        check_prompt(source)
