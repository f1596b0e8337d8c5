"""Grammar from batch51's blind first run (issue 11): an article before a term that has one, an act read as a person.

Batch51 (12 fresh notes, 3036f2f): '**The Churn Rule**: teams that own …' was questions 'what is a the Churn Rule?', and
'New meanings rarely come from asking users, who judge products within today's meanings' was questions 'who are asking
users?' (T0 from every judge). Without the second refusal the sentence's 'comes from' reading asks 'where does new
meanings rarely come from?' — 'Asking users', where they do not come from. The notes are invented for these tests;
the first two tests fail on 93451d6 (the code before the fix), the third when its refusal is removed.
"""

from __future__ import annotations

from noteutil import asked

RULES = """---
id: okafor-platform-rules
title: Platform Rules
author: Nneka Okafor
---
Nneka Okafor's 2020 essay on the rules a platform team lives by.

## Central argument
Okafor argues that a platform team keeps trust by owning the cost of its own changes.

- **The Upgrade Rule**: teams that own a shared library must move its callers to each new version themselves.
- **The Quiet Rule**: a deprecated interface stays working until its last caller has moved.
"""

MEANINGS = """---
id: lindqvist-new-meanings
title: Where New Meanings Come From
author: Elin Lindqvist
---
Elin Lindqvist's 2018 essay on radical product change.

## Central argument
New meanings rarely come from asking users, who judge products within today's meanings. They come from
interpreters who study shifts in culture and technology.
"""


def test_a_term_that_has_its_article_gets_no_second_one() -> None:
    questions = asked(RULES)
    assert not any(" a the " in f" {question} " for question in questions), questions
    assert "what is the Upgrade Rule?" in questions, questions


def test_an_act_and_its_object_is_not_asked_as_a_person() -> None:
    questions = asked(MEANINGS)
    assert not any(question.startswith("who ") for question in questions), questions


def test_where_something_rarely_comes_from_is_not_asked_as_where_it_comes_from() -> None:
    questions = asked(MEANINGS)
    assert not any(question.startswith("where ") for question in questions), questions
