"""Shapes of batch106's first run (judged blind, then used for development); each was T0 from every judge.

- 'The claim that a few simple tools handle most problems fits a factory floor …' was asked 'what do the claim that a
  few simple tools handle?': the verb belongs to the 'that' clause, not to the subject.
- 'Russell calls the way AI has been built for decades the "standard model"' was asked 'what has happened to Russell
  calls the way AI?': the author's reporting verb read into the question's subject.
- 'Since the framework sets no deadline of its own, set one yourself' was asked 'why should a team set one
  yourself?': one of what, the note said before.

Written in our own words; the tests fail on 756c9c9.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch106",
    """## Central argument
Okafor calls the way harbours have been run for decades the "berth ladder": each quay serves its own boats first.

## Critique
The claim that a few simple queues handle most traffic fits a calm harbour with steady weather.

## Why it matters for product
Since the method sets no review date of its own, set one yourself.
""",
)


def test_a_content_clause_is_no_subject() -> None:
    assert not any("the claim that" in q for q in asked(NOTE)), asked(NOTE)


def test_the_authors_reporting_verb_is_no_subject() -> None:
    assert not any("okafor calls" in q.lower() for q in asked(NOTE)), asked(NOTE)


def test_one_without_its_noun_is_refused() -> None:
    assert not any(q.endswith(("one yourself?", " one?")) for q in asked(NOTE)), asked(NOTE)
