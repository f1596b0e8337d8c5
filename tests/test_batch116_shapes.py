"""Batch116's first run (judged blind by four judges, one in the calibration band, then used for development).

Its one T0 of main's own: 'Tools were adopted, and made into genres like the memo, because managers already wanted
systematic control' was asked 'what explains why made into genres like the memo?' (T0 from every judge): the clause
split at ', and' although 'and' joins a second verb to the same subject. The split no longer happens there. On the 1,391
development notes this removes exactly that card.

Its other T0 (from the judge in the band): 'lines and sequences are read as carrying on in their established direction
rather than turning sharply' was asked 'what are lines and sequences, if not turning sharply?' — 'Read as carrying on
…': an act contrasted with the predicate's act says nothing of what the subject is. Refused since 14bb13b; on the
development notes it removes exactly that card.

Written in our own words; the first test fails on 8995321, the second on 14bb13b.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch116",
    """## Central argument
Okafor insists the cranes did not drive the change on their own. Cranes were bought, and made into a shared service like the pilot roster, because owners already wanted central control.
""",
)


def test_a_second_verb_of_the_same_subject_is_no_clause() -> None:
    questions = asked(NOTE)
    assert not any(q.startswith("what explains why made") for q in questions), questions


CONTRAST = harbour_note(
    "okafor-batch116-contrast",
    """## Central argument
Okafor names the habits of a crowded harbour.

- Good drift: hulls in a queue are read as moving in their established line rather than turning sharply.
""",
)


def test_an_act_contrasted_with_the_predicate_is_no_contrast_of_the_subject() -> None:
    questions = asked(CONTRAST)
    assert not any("if not turning sharply" in q for q in questions), questions
